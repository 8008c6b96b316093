//! The native half of the `shuzhi` Python package (`shuzhi._shuzhi`).
//!
//! It holds a [`shuzhi::Analyzer`] and runs it with the GIL released, on
//! rayon; the Python half (`shuzhi/__init__.py`) turns arguments into plain
//! lists and strings, and the results into dicts, pandas DataFrames and
//! pyarrow Tables. Records cross as JSON text, written by the same serde
//! code as the `shuzhi analyze` command, so a record is the command's record.
//! Tables cross as columns: a Python list per column for pandas, or Arrow
//! buffers (validity bitmap, offsets, values) per column for pyarrow, which
//! wraps them without creating a Python object per cell.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use rayon::prelude::*;
use shuzhi::{Analysis, Config, ErrorKind, ErrorRecord, Role};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

mod table;

create_exception!(
    _shuzhi,
    DictionaryError,
    PyValueError,
    "A user dictionary that cannot be loaded (bad UTF-8, a malformed entry)."
);
create_exception!(
    _shuzhi,
    ConfigError,
    PyValueError,
    "An invalid setting: an unknown Config field, a value of the wrong type, an unknown encoding."
);

fn to_py_err(e: &shuzhi::Error) -> PyErr {
    match e.kind() {
        ErrorKind::Dictionary => DictionaryError::new_err(e.to_string()),
        _ => ConfigError::new_err(e.to_string()),
    }
}

/// One input text as it came from Python.
enum Text {
    Ok(String),
    /// None (or NaN, which the Python half turns into None).
    Missing,
    /// A str that is not valid Unicode (a lone surrogate), with the reason.
    Bad(String),
}

impl Text {
    fn from_py(t: &Bound<'_, PyAny>) -> Text {
        if t.is_none() {
            return Text::Missing;
        }
        match t.extract::<String>() {
            Ok(s) => Text::Ok(s),
            Err(e) => Text::Bad(e.to_string()),
        }
    }

    fn all(items: &[Bound<'_, PyAny>]) -> Vec<Text> {
        items.iter().map(Text::from_py).collect()
    }
}

/// One document's outcome: its record, or the error record that replaces it.
pub(crate) enum Doc {
    Ok(Box<Analysis>),
    Err(ErrorRecord),
}

impl Doc {
    fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string.
        match self {
            Doc::Ok(a) => serde_json::to_string(a),
            Doc::Err(e) => serde_json::to_string(e),
        }
        .unwrap_or_default()
    }
}

/// The analyzer, with what it was built from, so that it can be rebuilt
/// from its state in another process.
#[pyclass(frozen, module = "shuzhi._shuzhi", name = "NativeAnalyzer")]
struct NativeAnalyzer {
    inner: shuzhi::Analyzer,
    dicts: Vec<(String, Vec<u8>)>,
}

impl NativeAnalyzer {
    /// One text, one document (as JSON Lines input: one line, one record).
    /// `Analyzer::analyze` reads the whole text as one document; only the
    /// id differs from what it gives (the same as `analyze_document` of the
    /// batch API on its way to the library, which this can switch to).
    fn one(&self, id: &str, text: &Text, meta: Option<&Meta>) -> Doc {
        // As the command line: no fields besides id and text, no `meta`.
        let meta = meta.filter(|m| !m.is_empty()).cloned();
        let text = match text {
            Text::Ok(t) => t,
            // As the command line's record for a line without a text.
            Text::Missing | Text::Bad(_) => {
                let message = match text {
                    Text::Bad(why) => format!("the text is not valid Unicode: {why}"),
                    _ => "the input has no text (None)".to_owned(),
                };
                let mut r = ErrorRecord::new(id, &shuzhi::Error::new(ErrorKind::Input, message));
                r.meta = meta;
                return Doc::Err(r);
            }
        };
        let max = self.inner.config().max_document_bytes;
        if text.len() as u64 > max {
            // The same record as the command line's for such a line.
            let mut r = ErrorRecord::new(
                id,
                &shuzhi::Error::new(
                    ErrorKind::TooLarge,
                    format!("the text is larger than {max} bytes"),
                ),
            );
            r.meta = meta;
            return Doc::Err(r);
        }
        let mut a = self.inner.analyze(text);
        a.id = id.to_owned();
        a.meta = meta;
        Doc::Ok(Box::new(a))
    }

    /// Every input analysed on rayon (in the global pool, or in a pool of
    /// `jobs` threads) with the GIL released, `work` done on the workers;
    /// each result is handed to `make` on this thread, with the GIL, as soon
    /// as it is ready, and put in its place in the list returned.
    #[allow(clippy::too_many_arguments)]
    fn stream<'py, T: Send>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyAny>>,
        ids: Vec<String>,
        metas: Option<Vec<Option<String>>>,
        jobs: Option<usize>,
        work: impl Fn(Doc) -> T + Sync + Send,
        mut make: impl FnMut(T) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let texts = Text::all(&texts);
        let metas = parse_metas(metas)?;
        check_lengths(&texts, &ids, metas.as_deref())?;
        let pool = pool(jobs)?;
        let n = texts.len();
        let out = PyList::new(py, (0..n).map(|_| py.None()))?;
        let stop = AtomicBool::new(false);
        let (tx, rx) = mpsc::channel::<(usize, T)>();
        std::thread::scope(|s| -> PyResult<()> {
            let (texts, ids, metas, stop, work) = (&texts, &ids, metas.as_deref(), &stop, &work);
            s.spawn(move || {
                let all = move || {
                    (0..n).into_par_iter().for_each_with(tx, |tx, i| {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let doc = self.one(&ids[i], &texts[i], meta(metas, i));
                        // The receiver is gone only after an error: nothing to do.
                        let _ = tx.send((i, work(doc)));
                    })
                };
                match &pool {
                    Some(p) => p.install(all),
                    None => all(),
                }
            });
            let mut rx = Some(rx);
            while let Some(r) = rx.take() {
                // Wait for the next results without the GIL.
                let (r, ready) = py.detach(move || {
                    let first = r.recv();
                    let mut ready: Vec<(usize, T)> = first.into_iter().collect();
                    ready.extend(r.try_iter());
                    (r, ready)
                });
                if ready.is_empty() {
                    break; // every worker is done
                }
                rx = Some(r);
                for (i, x) in ready {
                    let obj = make(x).inspect_err(|_| stop.store(true, Ordering::Relaxed))?;
                    out.set_item(i, obj)?;
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Every input analysed on rayon, in order: in the global pool, or in a
    /// pool of `jobs` threads.
    fn batch<T: Send>(
        &self,
        texts: &[Text],
        ids: &[String],
        metas: Option<&[Option<Meta>]>,
        jobs: Option<usize>,
        f: impl Fn(Doc) -> T + Sync + Send,
    ) -> PyResult<Vec<T>> {
        let pool = pool(jobs)?;
        let work = || {
            (0..texts.len())
                .into_par_iter()
                .map(|i| f(self.one(&ids[i], &texts[i], meta(metas, i))))
                .collect()
        };
        Ok(match &pool {
            Some(p) => p.install(work),
            None => work(),
        })
    }
}

fn meta(metas: Option<&[Option<Meta>]>, i: usize) -> Option<&Meta> {
    metas.and_then(|m| m.get(i)).and_then(Option::as_ref)
}

/// A pool of `jobs` threads, or None for rayon's global pool (all cores).
fn pool(jobs: Option<usize>) -> PyResult<Option<rayon::ThreadPool>> {
    match jobs {
        None => Ok(None),
        Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}"))),
    }
}

/// The fields of a JSON Lines input other than `id` and `text`.
type Meta = serde_json::Map<String, serde_json::Value>;

/// Each meta (JSON text of an object, or None) parsed.
fn parse_metas(metas: Option<Vec<Option<String>>>) -> PyResult<Option<Vec<Option<Meta>>>> {
    let Some(metas) = metas else { return Ok(None) };
    metas
        .iter()
        .enumerate()
        .map(|(i, m)| {
            m.as_deref()
                .map(|m| {
                    serde_json::from_str::<Meta>(m).map_err(|e| {
                        PyValueError::new_err(format!("meta {i} is not a JSON object: {e}"))
                    })
                })
                .transpose()
        })
        .collect::<PyResult<Vec<_>>>()
        .map(Some)
}

fn check_lengths(texts: &[Text], ids: &[String], metas: Option<&[Option<Meta>]>) -> PyResult<()> {
    if ids.len() != texts.len() || metas.is_some_and(|m| m.len() != texts.len()) {
        return Err(PyValueError::new_err(
            "texts, ids and metas must have the same length",
        ));
    }
    Ok(())
}

#[pymethods]
impl NativeAnalyzer {
    /// Builds the analyzer from a JSON `Config` (None: the defaults) and
    /// user dictionaries given as (name, bytes) pairs, loaded in order.
    #[new]
    #[pyo3(signature = (config_json=None, dicts=Vec::new()))]
    fn new(config_json: Option<&str>, dicts: Vec<(String, Bound<'_, PyBytes>)>) -> PyResult<Self> {
        let config: Config = match config_json {
            Some(s) => serde_json::from_str(s)
                .map_err(|e| ConfigError::new_err(format!("bad config: {e}")))?,
            None => Config::default(),
        };
        let dicts: Vec<(String, Vec<u8>)> = dicts
            .into_iter()
            .map(|(n, b)| (n, b.as_bytes().to_vec()))
            .collect();
        let mut b = shuzhi::Analyzer::builder().config(config);
        for (name, bytes) in &dicts {
            b = b.user_dict_named(name.clone(), bytes.clone());
        }
        let inner = b.build().map_err(|e| to_py_err(&e))?;
        Ok(NativeAnalyzer { inner, dicts })
    }

    /// Every setting, as JSON (all fields, defaults included).
    fn config_json(&self) -> PyResult<String> {
        serde_json::to_string(self.inner.config()).map_err(|e| ConfigError::new_err(e.to_string()))
    }

    /// The user dictionaries as given: a list of (name, bytes).
    fn user_dicts<'py>(&self, py: Python<'py>) -> Vec<(String, Bound<'py, PyBytes>)> {
        self.dicts
            .iter()
            .map(|(n, b)| (n.clone(), PyBytes::new(py, b)))
            .collect()
    }

    /// The dictionaries in use, as records name them.
    fn dictionaries(&self) -> Vec<String> {
        self.inner.segmenter().dictionaries().to_vec()
    }

    /// The hash of the dictionaries, as records carry it.
    fn dict_hash(&self) -> String {
        self.inner.segmenter().dict_hash().to_owned()
    }

    /// One record, as JSON text.
    #[pyo3(signature = (text, id, meta=None))]
    fn analyze_json(
        &self,
        py: Python<'_>,
        text: Bound<'_, PyAny>,
        id: &str,
        meta: Option<String>,
    ) -> PyResult<String> {
        let text = Text::from_py(&text);
        let meta = parse_metas(Some(vec![meta]))?
            .and_then(|mut m| m.pop())
            .flatten();
        Ok(py.detach(|| self.one(id, &text, meta.as_ref()).to_json()))
    }

    /// One record per text, in order: each written as JSON on rayon with
    /// the GIL released, and made into dicts by `loads` (`json.loads`) on
    /// this thread as soon as it is done, while the workers go on with the
    /// rest. (Making the dicts straight from serde through the C API was
    /// tried: it cost as much CPU as `json.loads`, which makes 1.6 million
    /// objects of the bulk corpus's 18 MB of records in about 0.2 s.)
    #[pyo3(signature = (texts, ids, metas, jobs, loads))]
    fn analyze_batch<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyAny>>,
        ids: Vec<String>,
        metas: Option<Vec<Option<String>>>,
        jobs: Option<usize>,
        loads: Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        self.stream(
            py,
            texts,
            ids,
            metas,
            jobs,
            |d| d.to_json(),
            |j| loads.call1((j,)),
        )
    }

    /// As `analyze_batch`, each record as the JSON text the command writes.
    #[pyo3(signature = (texts, ids, metas=None, jobs=None))]
    fn analyze_batch_json<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyAny>>,
        ids: Vec<String>,
        metas: Option<Vec<Option<String>>>,
        jobs: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        self.stream(
            py,
            texts,
            ids,
            metas,
            jobs,
            |d| d.to_json(),
            |j| Ok(PyString::new(py, &j).into_any()),
        )
    }

    /// A table of the texts: `which` is `documents` or `sentences`; with
    /// `arrow`, each column comes as Arrow buffers, else as a list.
    /// Returns `(rows, [(name, kind, payload)])`, kind one of `str`, `int`, `float`, `bool`.
    #[pyo3(signature = (which, texts, ids, metas=None, jobs=None, arrow=false))]
    #[allow(clippy::too_many_arguments)]
    fn table<'py>(
        &self,
        py: Python<'py>,
        which: &str,
        texts: Vec<Bound<'py, PyAny>>,
        ids: Vec<String>,
        metas: Option<Vec<Option<String>>>,
        jobs: Option<usize>,
        arrow: bool,
    ) -> PyResult<(usize, Bound<'py, PyList>)> {
        let texts = Text::all(&texts);
        let metas = parse_metas(metas)?;
        check_lengths(&texts, &ids, metas.as_deref())?;
        let kind = match which {
            "documents" => table::Which::Documents,
            "sentences" => table::Which::Sentences,
            other => return Err(PyValueError::new_err(format!("no table `{other}`"))),
        };
        let (rows, cols) = py.detach(|| -> PyResult<(usize, Vec<table::Column>)> {
            let docs = self.batch(&texts, &ids, metas.as_deref(), jobs, |d| d)?;
            let cols = match kind {
                table::Which::Documents => table::documents(&docs),
                table::Which::Sentences => table::sentences(&docs),
            };
            Ok((cols.first().map_or(0, table::Column::len), cols))
        })?;
        let out = PyList::empty(py);
        for c in cols {
            out.append(c.into_py(py, arrow)?)?;
        }
        Ok((rows, out))
    }
}

/// The role names, in the order of `Role::ALL`.
#[pyfunction]
fn roles() -> Vec<&'static str> {
    Role::ALL.iter().map(|r| r.as_str()).collect()
}

#[pymodule]
fn _shuzhi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeAnalyzer>()?;
    m.add_function(wrap_pyfunction!(roles, m)?)?;
    m.add("DictionaryError", m.py().get_type::<DictionaryError>())?;
    m.add("ConfigError", m.py().get_type::<ConfigError>())?;
    m.add("SCHEMA", shuzhi::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
