//! Inputs, passes and progress of a CLI run, on the library's batch API.
//!
//! A run reads its inputs once for the analysis. With near-duplicates on,
//! two cheap passes come first (outlines only: the sentences every document
//! shares, then the signatures), so that the flags are known before the
//! first record is written and the analysis still streams, in order, in
//! bounded memory. Standard input is kept for the later passes: raw text in
//! memory (one document, at most `--max-bytes`), JSON Lines spooled to a
//! temporary file.

use shuzhi::{
    Analysis, Analyzer, ErrorRecord, Event, LineCounter, LineSet, NearDupIndex, NearDups,
    Signature, Source,
};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// File extensions read from directories.
const EXTS: [&str; 8] = ["txt", "md", "docx", "doc", "wps", "pdf", "text", "markdown"];

pub fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => {
                out.push(path.to_path_buf());
                return;
            }
        };
        entries.sort();
        for p in entries {
            if p.is_dir() {
                collect(&p, out);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTS.contains(&e.to_ascii_lowercase().as_str()))
                && !folder_notes(&p)
            {
                out.push(p);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}

/// A folder's own notes in Markdown, named the way repositories name them
/// (README.md, SOURCES.md, LICENSE.md): they describe the documents and are
/// not one of them. Named on the command line, such a file is read.
fn folder_notes(p: &Path) -> bool {
    let md = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    md && p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'_' || b == b'-')
    })
}

/// One input as given on the command line, ready to be read once per pass.
#[derive(Debug)]
enum Item {
    /// A file (`.txt`, `.md`, `.docx`…).
    File(PathBuf),
    /// Standard input as one document.
    StdinBytes(std::result::Result<Vec<u8>, String>),
    /// A JSON Lines file (`id` is how error records name it).
    Jsonl { path: PathBuf, id: String },
    /// JSON Lines on standard input, read as it comes (one pass only).
    JsonlStdin,
}

/// The inputs of a run.
pub struct Inputs {
    items: Vec<Item>,
    spool: Option<PathBuf>,
}

impl Drop for Inputs {
    fn drop(&mut self) {
        if let Some(p) = &self.spool {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn read_stdin(max: u64) -> std::result::Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if buf.len() as u64 > max {
        return Err(format!("standard input is larger than {max} bytes"));
    }
    Ok(buf)
}

impl Inputs {
    /// `paths` as the user gave them; JSON Lines when `jsonl` (or, for
    /// references, a file named `*.jsonl`). With `passes > 1`, standard
    /// input is kept for the later passes.
    pub fn new(paths: &[String], jsonl: bool, passes: usize, max: u64) -> std::io::Result<Inputs> {
        let mut items = Vec::new();
        let mut spool = None;
        for p in paths {
            if p == "-" {
                if !jsonl {
                    items.push(Item::StdinBytes(read_stdin(max)));
                } else if passes > 1 {
                    let path = std::env::temp_dir().join(format!(
                        "shuzhi-stdin-{}-{}.jsonl",
                        std::process::id(),
                        items.len()
                    ));
                    let mut f = std::fs::File::create(&path)?;
                    std::io::copy(&mut std::io::stdin().lock(), &mut f)?;
                    f.flush()?;
                    spool = Some(path.clone());
                    items.push(Item::Jsonl {
                        path,
                        id: "-".into(),
                    });
                } else {
                    items.push(Item::JsonlStdin);
                }
            } else if jsonl || (p.ends_with(".jsonl") && Path::new(p).is_file()) {
                items.push(Item::Jsonl {
                    path: PathBuf::from(p),
                    id: p.clone(),
                });
            } else {
                let mut files = Vec::new();
                collect(Path::new(p), &mut files);
                items.extend(files.into_iter().map(Item::File));
            }
        }
        Ok(Inputs { items, spool })
    }

    /// Bytes to read, when every input is a file.
    pub fn total_bytes(&self) -> Option<u64> {
        self.items
            .iter()
            .map(|i| match i {
                Item::File(p) | Item::Jsonl { path: p, .. } => {
                    std::fs::metadata(p).ok().map(|m| m.len())
                }
                Item::StdinBytes(b) => Some(b.as_ref().map_or(0, |b| b.len() as u64)),
                Item::JsonlStdin => None,
            })
            .sum()
    }

    /// The sources, read lazily.
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            items: self.items.iter(),
            lines: None,
        }
    }
}

/// The sources of [`Inputs`], one JSON line at a time.
pub struct Sources<'a> {
    items: std::slice::Iter<'a, Item>,
    lines: Option<(Box<dyn BufRead + Send>, String, usize)>,
}

impl Iterator for Sources<'_> {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        loop {
            if let Some((r, id, n)) = self.lines.as_mut() {
                let mut buf = Vec::new();
                match r.read_until(b'\n', &mut buf) {
                    Ok(0) => self.lines = None,
                    Ok(_) => {
                        *n += 1;
                        if buf.last() == Some(&b'\n') {
                            buf.pop();
                        }
                        return Some(match String::from_utf8(buf) {
                            Ok(json) => Source::json_line(*n, json),
                            Err(_) => Source::Failed(ErrorRecord::new(
                                format!("line {n}"),
                                &shuzhi::Error::new(
                                    shuzhi::ErrorKind::Input,
                                    format!("line {n} is not UTF-8"),
                                ),
                            )),
                        });
                    }
                    Err(e) => {
                        let r = ErrorRecord::new(
                            format!("{id}:{}", *n + 1),
                            &shuzhi::Error::with_source(
                                shuzhi::ErrorKind::Io,
                                format!("cannot read {id} after line {n}"),
                                e,
                            ),
                        );
                        self.lines = None;
                        return Some(Source::Failed(r));
                    }
                }
                continue;
            }
            match self.items.next()? {
                Item::File(p) => return Some(Source::Path(p.clone())),
                Item::StdinBytes(Ok(b)) => {
                    return Some(Source::Bytes {
                        name: "-".into(),
                        bytes: b.clone(),
                    })
                }
                Item::StdinBytes(Err(msg)) => {
                    let kind = if msg.contains("larger") {
                        shuzhi::ErrorKind::TooLarge
                    } else {
                        shuzhi::ErrorKind::Io
                    };
                    return Some(Source::Failed(ErrorRecord::new(
                        "-",
                        &shuzhi::Error::new(kind, msg.clone()),
                    )));
                }
                Item::Jsonl { path, id } => match std::fs::File::open(path) {
                    Ok(f) => {
                        self.lines = Some((Box::new(std::io::BufReader::new(f)), id.clone(), 0));
                    }
                    Err(e) => {
                        return Some(Source::Failed(ErrorRecord::new(
                            id.clone(),
                            &shuzhi::Error::with_source(
                                shuzhi::ErrorKind::Io,
                                format!("cannot open {id}"),
                                e,
                            ),
                        )))
                    }
                },
                Item::JsonlStdin => {
                    self.lines = Some((
                        Box::new(std::io::BufReader::new(std::io::stdin())),
                        "-".into(),
                        0,
                    ));
                }
            }
        }
    }
}

/// How a run goes: the thread pool, and whether to show progress.
pub struct Runner<'a> {
    pub an: &'a Analyzer,
    pub pool: Option<rayon::ThreadPool>,
    pub progress: bool,
}

impl Runner<'_> {
    fn bar(&self, total: Option<u64>, what: &'static str) -> Option<indicatif::ProgressBar> {
        if !self.progress || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = match total {
            Some(t) => indicatif::ProgressBar::new(t).with_style(
                indicatif::ProgressStyle::with_template(
                    "{msg:>10} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => indicatif::ProgressBar::new_spinner().with_style(
                indicatif::ProgressStyle::with_template(
                    "{msg:>10} {spinner} {bytes} {bytes_per_sec} {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            ),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.set_message(what);
        Some(bar)
    }

    /// One pass over `sources` (outlines only when `outline`), `map` on the
    /// workers, `sink` on this thread in input order.
    pub fn pass<T, M, S>(
        &self,
        sources: impl Iterator<Item = Source> + Send,
        total: Option<u64>,
        what: &'static str,
        outline: bool,
        map: M,
        sink: S,
    ) -> std::io::Result<shuzhi::Progress>
    where
        T: Send,
        M: Fn(shuzhi::Outcome) -> T + Sync,
        S: FnMut(Event<T>) -> std::io::Result<()>,
    {
        let bar = self.bar(total, what);
        let mut b = self.an.batch();
        if let Some(p) = &self.pool {
            b = b.pool(p);
        }
        if outline {
            b = b.outline_only();
        }
        if let Some(bar) = &bar {
            let bar = bar.clone();
            b = b.on_progress(move |p| bar.set_position(p.bytes));
        }
        let r = b.run_map(sources, map, sink);
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        r
    }

    /// The near-duplicate passes over `refs` (references: last year's
    /// reports) and `inputs`; the index numbers the references first.
    pub fn near_dups(&self, refs: &Inputs, inputs: &Inputs) -> std::io::Result<NearDups> {
        let cfg = self.an.config();
        let total = refs
            .total_bytes()
            .and_then(|r| inputs.total_bytes().map(|i| i + r));
        let mut counter = LineCounter::new();
        let lines = |o: shuzhi::Outcome| -> Vec<LineSet> {
            o.result
                .map(|docs| docs.iter().map(LineSet::of_analysis).collect())
                .unwrap_or_default()
        };
        self.pass(
            refs.sources().chain(inputs.sources()),
            total,
            "sentences",
            true,
            lines,
            |ev| {
                if let Event::Item(v) = ev {
                    for s in &v {
                        counter.add(s);
                    }
                }
                Ok(())
            },
        )?;
        let bp = counter.boilerplate(cfg);
        let sigs = |o: shuzhi::Outcome| -> Vec<(String, Option<Signature>)> {
            o.result
                .map(|docs| {
                    docs.iter()
                        .map(|a| (a.id.clone(), Signature::of_analysis(a, &bp)))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut ix = NearDupIndex::new();
        for (set, reference) in [(refs, true), (inputs, false)] {
            self.pass(
                set.sources(),
                set.total_bytes(),
                "signatures",
                true,
                sigs,
                |ev| {
                    if let Event::Item(v) = ev {
                        for (id, s) in v {
                            ix.push(id, s, reference);
                        }
                    }
                    Ok(())
                },
            )?;
        }
        Ok(ix.find(cfg.near_duplicate_threshold))
    }

    /// The analysis pass: every record in input order, with its
    /// near-duplicate flags (`first` is the index of the first input
    /// document in `nd`), to `sink`; `Ok(None)` asks for a flush.
    #[allow(clippy::result_large_err)] // the error is the record that is written
    pub fn analyze(
        &self,
        inputs: &Inputs,
        nd: Option<(&NearDups, usize)>,
        mut sink: impl FnMut(Option<Result<Analysis, ErrorRecord>>) -> std::io::Result<()>,
    ) -> std::io::Result<shuzhi::Progress> {
        let mut k = nd.map_or(0, |(_, first)| first);
        self.pass(
            inputs.sources(),
            inputs.total_bytes(),
            "analysis",
            false,
            |o| o.result,
            |ev| match ev {
                Event::Item(Ok(docs)) => {
                    for mut a in docs {
                        if let Some((nd, _)) = nd {
                            nd.apply(k, &mut a);
                        }
                        k += 1;
                        sink(Some(Ok(a)))?;
                    }
                    Ok(())
                }
                Event::Item(Err(e)) => sink(Some(Err(e))),
                Event::Flush => sink(None),
            },
        )
    }
}
