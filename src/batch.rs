//! Batches: many documents on rayon's thread pool, results in input order,
//! memory bounded by the number of documents in flight.
//!
//! The inputs are pulled lazily from an iterator by a reader thread, at most
//! a *window* of them (four per worker thread by default) is read and not
//! yet handed back, and each result is handed to the caller's sink, in input
//! order, as soon as it and all the results before it are done. A JSON Lines
//! stream of any length therefore runs in the memory of the window: the
//! threads times the largest documents, never the corpus.

use crate::analysis::Analysis;
use crate::analyzer::Analyzer;
use crate::error::{Error, ErrorKind};
use crate::ErrorRecord;
use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// One input of a batch.
///
/// ```
/// use shuzhi::Source;
/// let s = Source::json_line(1, r#"{"id": "a", "text": "同志们：要抓落实。"}"#);
/// assert_eq!(s.len(), 50);
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Source {
    /// Decoded text, analysed as one document with this id (no splitting
    /// of compilations: one input, one record).
    Text {
        /// The document id.
        id: String,
        /// The text.
        text: String,
    },
    /// The bytes of a file: decoded like [`Analyzer::analyze_bytes`], so a
    /// compilation gives several documents; `name` gives the id and the
    /// extension.
    Bytes {
        /// The id, and the file name whose extension tells the format.
        name: String,
        /// The raw bytes.
        bytes: Vec<u8>,
    },
    /// A file, read and decoded like [`Analyzer::analyze_path`].
    Path(PathBuf),
    /// One line of JSON Lines input, `{"id": …, "text": …, …}`: one
    /// document, or one `input` error record for a line that is not such an
    /// object (an empty line included). Fields other than `id` and `text` come
    /// back under `meta`.
    JsonLine {
        /// The line number (1-based), the id of a line without one.
        line: usize,
        /// The line, without its line break.
        json: String,
    },
    /// An input that failed before analysis (a stream that could not be
    /// read, say): handed back as it is, in its place.
    Failed(ErrorRecord),
}

impl Source {
    /// A [`Source::JsonLine`].
    pub fn json_line(line: usize, json: impl Into<String>) -> Source {
        Source::JsonLine {
            line,
            json: json.into(),
        }
    }

    /// A [`Source::Text`].
    pub fn text(id: impl Into<String>, text: impl Into<String>) -> Source {
        Source::Text {
            id: id.into(),
            text: text.into(),
        }
    }

    /// Bytes of input this source holds (0 for a path not read yet; the
    /// path's size is counted when it is read).
    pub fn len(&self) -> usize {
        match self {
            Source::Text { text, .. } => text.len(),
            Source::Bytes { bytes, .. } => bytes.len(),
            Source::JsonLine { json, .. } => json.len(),
            Source::Path(_) | Source::Failed(_) => 0,
        }
    }

    /// Whether [`len`](Self::len) is 0.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id an error record for this input carries.
    fn id(&self) -> String {
        match self {
            Source::Text { id, .. } => id.clone(),
            Source::Bytes { name, .. } => name.clone(),
            Source::Path(p) => p.to_string_lossy().into_owned(),
            Source::JsonLine { line, .. } => format!("line {line}"),
            Source::Failed(r) => r.id.clone(),
        }
    }
}

impl From<PathBuf> for Source {
    fn from(p: PathBuf) -> Source {
        Source::Path(p)
    }
}

/// What one input gave: its documents, or the error record that replaces
/// them.
pub type DocResult = Result<Vec<Analysis>, ErrorRecord>;

/// The result of one input, handed to the sink of [`Batch::run`].
#[derive(Debug)]
pub struct Outcome {
    /// The input's position in the batch (0-based).
    pub index: usize,
    /// Bytes read for this input.
    pub bytes: u64,
    /// The documents, or the error record.
    pub result: DocResult,
}

/// What a batch hands to its sink.
#[derive(Debug)]
pub enum Event<T> {
    /// The next result, in input order.
    Item(T),
    /// No further result is ready yet: a good moment to flush output, so a
    /// consumer at the other end of a pipe sees the records done so far.
    Flush,
}

/// Counts after each input, for a progress display.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Inputs handed back so far.
    pub inputs: usize,
    /// Documents analysed so far (a compilation counts each piece).
    pub documents: usize,
    /// Inputs that gave an error record.
    pub failed: usize,
    /// Bytes of input read so far.
    pub bytes: u64,
}

/// What the workers do with each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Analyze,
    Outline,
}

/// A batch run: built by [`Analyzer::batch`], configured, then [`run`](Batch::run).
///
/// ```
/// use shuzhi::{Analyzer, Event, Source};
/// let an = Analyzer::new();
/// let inputs = vec![
///     Source::text("a", "一、主要成效\n全年召开党委会12次。"),
///     Source::json_line(2, "not json"),
///     Source::text("c", "二、存在的问题\n理论学习不够深入。"),
/// ];
/// let mut ids = Vec::new();
/// let mut done = 0;
/// an.batch()
///     .window(2)
///     .on_progress(|p| done = p.inputs)
///     .run(inputs, |ev| {
///         if let Event::Item(o) = ev {
///             ids.push(match o.result {
///                 Ok(docs) => docs[0].id.clone(),
///                 Err(e) => format!("error: {}", e.error.kind),
///             });
///         }
///         Ok::<(), std::io::Error>(())
///     })
///     .unwrap();
/// assert_eq!(ids, ["a", "error: input", "c"]);
/// assert_eq!(done, 3);
/// ```
pub struct Batch<'a> {
    analyzer: &'a Analyzer,
    pool: Option<&'a rayon::ThreadPool>,
    window: Option<usize>,
    mode: Mode,
    progress: Option<ProgressFn<'a>>,
}

/// The progress callback of a [`Batch`].
type ProgressFn<'a> = Box<dyn FnMut(&Progress) + 'a>;

impl std::fmt::Debug for Batch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("pool", &self.pool.map(|p| p.current_num_threads()))
            .field("window", &self.window)
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl Analyzer {
    /// Analyses every input on rayon's current thread pool and returns one
    /// result per input, in input order. A failing input gives an error
    /// record in its place and never stops the others.
    ///
    /// This collects every result; for a stream of any length use
    /// [`batch`](Self::batch), which hands results over as they are done.
    ///
    /// ```
    /// use shuzhi::{Analyzer, Source};
    /// let an = Analyzer::new();
    /// let out = an.analyze_batch(vec![
    ///     Source::text("甲", "二、存在的问题\n理论学习不够深入。"),
    ///     Source::Bytes { name: "乙.txt".into(), bytes: vec![0, 1, 2, 0xff, 0, 7] },
    /// ]);
    /// assert_eq!(out[0].as_ref().unwrap()[0].id, "甲");
    /// assert_eq!(out[1].as_ref().unwrap_err().error.kind, "binary");
    /// ```
    pub fn analyze_batch<I>(&self, inputs: I) -> Vec<DocResult>
    where
        I: IntoIterator<Item = Source>,
        I::IntoIter: Send,
    {
        let mut out = Vec::new();
        let r: Result<Progress, std::convert::Infallible> = self.batch().run(inputs, |ev| {
            if let Event::Item(o) = ev {
                out.push(o.result);
            }
            Ok(())
        });
        let Ok(_) = r;
        out
    }

    /// A batch over this analyzer, to configure and [`run`](Batch::run).
    pub fn batch(&self) -> Batch<'_> {
        Batch {
            analyzer: self,
            pool: None,
            window: None,
            mode: Mode::Analyze,
            progress: None,
        }
    }
}

/// One input, processed on a worker.
fn process(an: &Analyzer, src: Source, mode: Mode) -> (u64, DocResult) {
    let id = src.id();
    let bytes = src.len() as u64;
    let full = mode == Mode::Analyze;
    let one = |id: String, text: &str| {
        if full {
            an.analyze_document(id, text)
        } else {
            an.outline_document(id, text)
        }
    };
    let err = |e: Error| ErrorRecord::new(id.clone(), &e);
    match src {
        Source::Text { id, text } => match an.check_text(&text) {
            Ok(()) => (bytes, Ok(vec![one(id, &text)])),
            Err(e) => (bytes, Err(err(e))),
        },
        Source::Bytes { name, bytes: b } => {
            let r = if full {
                an.analyze_bytes(&b, &name)
            } else {
                an.outline_bytes(&b, &name)
            };
            (bytes, r.map_err(err))
        }
        Source::Path(p) => {
            let size = std::fs::metadata(&p).map_or(0, |m| m.len());
            let r = if full {
                an.analyze_path(&p)
            } else {
                an.outline_path(&p)
            };
            (size, r.map_err(err))
        }
        Source::JsonLine { line, json } => {
            let r = parse_json_line(an, line, &json).map(|(id, text, meta)| {
                let mut a = one(id, &text);
                a.meta = meta;
                vec![a]
            });
            (bytes + 1, r)
        }
        Source::Failed(r) => (0, Err(r)),
    }
}

type Meta = Option<serde_json::Map<String, serde_json::Value>>;

/// `{"id": …, "text": …, …}` → id, text and the other fields.
#[allow(clippy::result_large_err)] // the error is the record that is written
fn parse_json_line(
    an: &Analyzer,
    n: usize,
    line: &str,
) -> Result<(String, String, Meta), ErrorRecord> {
    let input = |id: String, msg: String, meta: Meta| {
        let mut r = ErrorRecord::new(id, &Error::new(ErrorKind::Input, msg));
        r.meta = meta;
        r
    };
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.trim().is_empty() {
        return Err(input(
            format!("line {n}"),
            format!("line {n} is empty"),
            None,
        ));
    }
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        input(
            format!("line {n}"),
            format!("line {n} is not JSON: {e}"),
            None,
        )
    })?;
    let serde_json::Value::Object(mut map) = v else {
        return Err(input(
            format!("line {n}"),
            format!("line {n} is not a JSON object"),
            None,
        ));
    };
    let id = match map.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(x)) => x.to_string(),
        _ => format!("line {n}"),
    };
    let text = map.remove("text");
    let meta = Some(map).filter(|m| !m.is_empty());
    let Some(serde_json::Value::String(text)) = text else {
        return Err(input(id, format!("line {n} has no \"text\" string"), meta));
    };
    let max = an.config().max_document_bytes;
    if text.len() as u64 > max {
        let mut r = ErrorRecord::new(id, &crate::ingest::too_large(max));
        r.meta = meta;
        return Err(r);
    }
    Ok((id, text, meta))
}

/// A message from the reader or a worker to the caller's thread.
enum Msg<T> {
    Done {
        index: usize,
        docs: usize,
        failed: bool,
        bytes: u64,
        item: T,
    },
    Panicked(Box<dyn std::any::Any + Send>),
    /// The reader is done: this many inputs in all.
    End(usize),
}

/// How far the reader may run ahead of what has been handed back.
struct Gate {
    handed_back: Mutex<usize>,
    moved: Condvar,
    stop: AtomicBool,
}

impl Gate {
    fn back(&self) -> std::sync::MutexGuard<'_, usize> {
        self.handed_back.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set(&self, n: usize) {
        *self.back() = n;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Release);
        let _g = self.back();
        self.moved.notify_all();
    }

    /// Waits until input `next` may be read; false when the batch stops.
    fn admit(&self, next: usize, window: usize) -> bool {
        let mut back = self.back();
        while next >= *back + window && !self.stop.load(Ordering::Acquire) {
            back = self.moved.wait(back).unwrap_or_else(|e| e.into_inner());
        }
        !self.stop.load(Ordering::Acquire)
    }
}

/// Stops the reader when dropped.
struct StopOnDrop<'a>(&'a Gate);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// The next message; on a pool's worker thread, runs pool jobs meanwhile
/// so that a one-thread pool never waits on itself.
fn recv<T>(rx: &mpsc::Receiver<Msg<T>>, on_worker: bool) -> Option<Msg<T>> {
    if !on_worker {
        return rx.recv().ok();
    }
    loop {
        match rx.try_recv() {
            Ok(m) => return Some(m),
            Err(mpsc::TryRecvError::Disconnected) => return None,
            Err(mpsc::TryRecvError::Empty) => {}
        }
        if !matches!(rayon::yield_now(), Some(rayon::Yield::Executed)) {
            match rx.recv_timeout(std::time::Duration::from_millis(1)) {
                Ok(m) => return Some(m),
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }
}

/// One input on a worker: the analysis, with any panic turned into an
/// `internal` error record, then `map`.
fn work<T>(
    an: &Analyzer,
    src: Source,
    mode: Mode,
    index: usize,
    map: &(dyn Fn(Outcome) -> T + Sync),
) -> Msg<T> {
    let id = src.id();
    let (bytes, result) = std::panic::catch_unwind(AssertUnwindSafe(|| process(an, src, mode)))
        .unwrap_or_else(|_| {
            let e = Error::new(
                ErrorKind::Internal,
                "internal error while analysing this input; please report it",
            );
            (0, Err(ErrorRecord::new(id, &e)))
        });
    let docs = result.as_ref().map_or(0, Vec::len);
    let failed = result.is_err();
    match std::panic::catch_unwind(AssertUnwindSafe(|| {
        map(Outcome {
            index,
            bytes,
            result,
        })
    })) {
        Ok(item) => Msg::Done {
            index,
            docs,
            failed,
            bytes,
            item,
        },
        Err(p) => Msg::Panicked(p),
    }
}

impl<'a> Batch<'a> {
    /// Runs on `pool` instead of rayon's current pool (the CLI's `--jobs N`
    /// builds one).
    pub fn pool(mut self, pool: &'a rayon::ThreadPool) -> Self {
        self.pool = Some(pool);
        self
    }

    /// Most inputs read and not yet handed back (default: four per thread;
    /// at least 1). Memory is bounded by this many of the largest inputs and
    /// their results.
    pub fn window(mut self, n: usize) -> Self {
        self.window = Some(n.max(1));
        self
    }

    /// Outlines only (sections and sentences, no roles, figures or
    /// assessment): the cheap structural pass, for instance to compute
    /// near-duplicate signatures before the full analysis.
    pub fn outline_only(mut self) -> Self {
        self.mode = Mode::Outline;
        self
    }

    /// Calls `f` on the caller's thread after each input is handed back.
    pub fn on_progress(mut self, f: impl FnMut(&Progress) + 'a) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    /// Analyses every input and hands each [`Outcome`] to `sink` in input
    /// order, on the caller's thread, with [`Event::Flush`] whenever no
    /// further result is ready yet.
    ///
    /// Inputs are read on a reader thread while the workers analyse, at
    /// most the [window](Self::window) ahead of what the sink has been
    /// handed.
    ///
    /// # Errors
    ///
    /// The first error `sink` returns; the batch then stops reading input
    /// and returns once the documents in flight are done.
    pub fn run<I, S, E>(self, inputs: I, sink: S) -> Result<Progress, E>
    where
        I: IntoIterator<Item = Source>,
        I::IntoIter: Send,
        S: FnMut(Event<Outcome>) -> Result<(), E>,
    {
        self.run_map(inputs, |o| o, sink)
    }

    /// As [`run`](Self::run), with `map` applied to each outcome on the
    /// worker threads (to keep a small summary instead of the whole
    /// analysis, say); the sink gets what `map` returns.
    ///
    /// # Errors
    ///
    /// As [`run`](Self::run).
    ///
    /// # Panics
    ///
    /// If `map` panics, the panic is resumed on the caller's thread. (A
    /// panic inside the analysis, which would be a bug, becomes an
    /// `internal` error record for that input instead.)
    pub fn run_map<I, T, M, S, E>(mut self, inputs: I, map: M, mut sink: S) -> Result<Progress, E>
    where
        I: IntoIterator<Item = Source>,
        I::IntoIter: Send,
        T: Send,
        M: Fn(Outcome) -> T + Sync,
        S: FnMut(Event<T>) -> Result<(), E>,
    {
        let threads = self
            .pool
            .map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
        let window = self.window.unwrap_or(threads.max(1) * 4);
        let an = self.analyzer;
        let mode = self.mode;
        let mut on_progress = self.progress.take();
        let gate = Gate {
            handed_back: Mutex::new(0),
            moved: Condvar::new(),
            stop: AtomicBool::new(false),
        };
        let inputs = inputs.into_iter();
        let st = Drive {
            an,
            mode,
            window,
            gate: &gate,
            map: &map,
        };
        match self.pool {
            Some(p) => p.in_place_scope_fifo(|s| st.run(s, inputs, &mut sink, &mut on_progress)),
            None => rayon::in_place_scope_fifo(|s| st.run(s, inputs, &mut sink, &mut on_progress)),
        }
    }
}

/// What the reader, the workers and the caller's thread share.
struct Drive<'s, T> {
    an: &'s Analyzer,
    mode: Mode,
    window: usize,
    gate: &'s Gate,
    map: &'s (dyn Fn(Outcome) -> T + Sync + 's),
}

impl<'s, T: Send + 's> Drive<'s, T> {
    fn run<I, S, E>(
        &self,
        scope: &rayon::ScopeFifo<'s>,
        inputs: I,
        sink: &mut S,
        on_progress: &mut Option<ProgressFn<'_>>,
    ) -> Result<Progress, E>
    where
        I: Iterator<Item = Source> + Send + 's,
        S: FnMut(Event<T>) -> Result<(), E>,
    {
        let (an, mode, window, gate, map) = (self.an, self.mode, self.window, self.gate, self.map);
        let (tx, rx) = mpsc::channel::<Msg<T>>();
        std::thread::scope(|ts| {
            ts.spawn(move || {
                let mut next = 0usize;
                for src in inputs {
                    if !gate.admit(next, window) {
                        break;
                    }
                    let tx = tx.clone();
                    let index = next;
                    scope.spawn_fifo(move |_| {
                        let _ = tx.send(work(an, src, mode, index, map));
                    });
                    next += 1;
                }
                let _ = tx.send(Msg::End(next));
            });
            // However this thread leaves (an error, a panic in the sink),
            // the reader stops, so that the scopes can end.
            let _stop = StopOnDrop(gate);
            let on_worker = rayon::current_thread_index().is_some();
            let mut pending: VecDeque<Option<(usize, bool, u64, T)>> = VecDeque::new();
            let mut first = 0usize;
            let mut total: Option<usize> = None;
            let mut progress = Progress::default();
            let mut unflushed = false;
            let result = 'emit: loop {
                while matches!(pending.front(), Some(Some(_))) {
                    let Some(Some((docs, failed, bytes, item))) = pending.pop_front() else {
                        break;
                    };
                    first += 1;
                    gate.set(first);
                    progress.inputs += 1;
                    progress.documents += docs;
                    progress.failed += usize::from(failed);
                    progress.bytes += bytes;
                    if let Some(f) = on_progress.as_mut() {
                        f(&progress);
                    }
                    if let Err(e) = sink(Event::Item(item)) {
                        break 'emit Err(e);
                    }
                    unflushed = true;
                }
                if total == Some(first) {
                    break Ok(progress);
                }
                let msg = match rx.try_recv() {
                    Ok(m) => Some(m),
                    Err(_) => {
                        if unflushed {
                            unflushed = false;
                            if let Err(e) = sink(Event::Flush) {
                                break Err(e);
                            }
                        }
                        recv(&rx, on_worker)
                    }
                };
                match msg {
                    // Every sender is gone before the end: the reader
                    // panicked, and the thread scope passes it on.
                    None => break Ok(progress),
                    Some(Msg::End(n)) => total = Some(n),
                    Some(Msg::Panicked(p)) => {
                        gate.stop();
                        std::panic::resume_unwind(p);
                    }
                    Some(Msg::Done {
                        index,
                        docs,
                        failed,
                        bytes,
                        item,
                    }) => {
                        let at = index - first;
                        while pending.len() <= at {
                            pending.push_back(None);
                        }
                        pending[at] = Some((docs, failed, bytes, item));
                    }
                }
            };
            match result {
                Ok(p) => {
                    if unflushed {
                        if let Err(e) = sink(Event::Flush) {
                            gate.stop();
                            return Err(e);
                        }
                    }
                    Ok(p)
                }
                Err(e) => {
                    gate.stop();
                    Err(e)
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static AN: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

    fn inputs(n: usize) -> Vec<Source> {
        (0..n)
            .map(|i| {
                // Sizes vary so that later inputs often finish first.
                let text = "全年召开党委会12次，专题研究党建工作8次。".repeat(1 + (n - i) % 7);
                Source::text(i.to_string(), text)
            })
            .collect()
    }

    fn ids(b: Batch<'_>, n: usize) -> Vec<String> {
        let mut out = Vec::new();
        b.run(inputs(n), |ev| {
            if let Event::Item(o) = ev {
                assert_eq!(o.index, out.len());
                out.push(o.result.unwrap()[0].id.clone());
            }
            Ok::<(), ()>(())
        })
        .unwrap();
        out
    }

    #[test]
    fn results_in_input_order_whatever_the_window_and_pool() {
        let want: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        for w in [1, 2, 5, 64] {
            assert_eq!(ids(AN.batch().window(w), 40), want);
            assert_eq!(ids(AN.batch().window(w).pool(&pool), 40), want);
        }
    }

    #[test]
    fn a_one_thread_pool_called_from_inside_itself_does_not_wait_on_itself() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let got = pool.install(|| ids(AN.batch().pool(&pool), 12));
        assert_eq!(got.len(), 12);
    }

    #[test]
    fn a_sink_error_stops_the_batch() {
        let mut seen = 0;
        let r = AN.batch().window(2).run(inputs(100), |ev| {
            if let Event::Item(_) = ev {
                seen += 1;
                if seen == 3 {
                    return Err("stop");
                }
            }
            Ok(())
        });
        assert_eq!(r, Err("stop"));
        assert_eq!(seen, 3);
    }

    #[test]
    fn progress_counts_inputs_documents_failures_and_bytes() {
        let mut last = Progress::default();
        let srcs = vec![
            Source::text("a", "同志们：要抓落实。"),
            Source::json_line(2, "{]"),
            Source::Bytes {
                name: "c.txt".into(),
                bytes: "篇1\n同志们：\n篇2\n要抓落实。".as_bytes().to_vec(),
            },
        ];
        let total: u64 = srcs.iter().map(|s| s.len() as u64).sum();
        AN.batch()
            .on_progress(|p| last = *p)
            .run(srcs, |_| Ok::<(), ()>(()))
            .unwrap();
        assert_eq!(last.inputs, 3);
        assert_eq!(last.failed, 1);
        assert!(last.documents >= 2);
        assert_eq!(last.bytes, total + 1); // a JSON line counts its line break
    }

    #[test]
    #[should_panic(expected = "map failed")]
    fn a_panic_in_map_reaches_the_caller() {
        let _ = AN.batch().run_map(
            inputs(8),
            |o| {
                if o.index == 5 {
                    panic!("map failed");
                }
                o.index
            },
            |_| Ok::<(), ()>(()),
        );
    }
}
