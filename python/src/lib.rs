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

/// One document's outcome: its record, or the error record that replaces it.
pub(crate) enum Doc {
    Ok(Analysis),
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
    /// id differs from what it gives.
    fn one(&self, id: &str, text: Option<&str>, meta: Option<&str>) -> Doc {
        let meta = meta
            .and_then(|m| {
                serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(m).ok()
            })
            .filter(|m| !m.is_empty());
        let Some(text) = text else {
            // As the command line's record for a line without a text.
            let mut r = ErrorRecord::new(
                id,
                &shuzhi::Error::new(ErrorKind::Input, "the input has no text (None)"),
            );
            r.meta = meta;
            return Doc::Err(r);
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
        Doc::Ok(a)
    }

    /// Every input analysed on rayon, in order: in the global pool, or in a
    /// pool of `jobs` threads.
    fn batch<T: Send>(
        &self,
        texts: &[Option<String>],
        ids: &[String],
        metas: Option<&[Option<String>]>,
        jobs: Option<usize>,
        f: impl Fn(Doc) -> T + Sync + Send,
    ) -> PyResult<Vec<T>> {
        let work = || {
            (0..texts.len())
                .into_par_iter()
                .map(|i| {
                    let meta = metas.and_then(|m| m.get(i)).and_then(|m| m.as_deref());
                    f(self.one(&ids[i], texts[i].as_deref(), meta))
                })
                .collect()
        };
        match jobs {
            None => Ok(work()),
            Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?;
                Ok(pool.install(work))
            }
        }
    }
}

fn check_lengths(
    texts: &[Option<String>],
    ids: &[String],
    metas: Option<&[Option<String>]>,
) -> PyResult<()> {
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
        text: Option<&str>,
        id: &str,
        meta: Option<&str>,
    ) -> String {
        py.detach(|| self.one(id, text, meta).to_json())
    }

    /// One record per text, in order, as JSON text; the GIL is released
    /// while they are analysed and written.
    #[pyo3(signature = (texts, ids, metas=None, jobs=None))]
    fn analyze_batch_json<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Option<String>>,
        ids: Vec<String>,
        metas: Option<Vec<Option<String>>>,
        jobs: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        check_lengths(&texts, &ids, metas.as_deref())?;
        let out =
            py.detach(|| self.batch(&texts, &ids, metas.as_deref(), jobs, |d| d.to_json()))?;
        PyList::new(py, out.iter().map(|s| PyString::new(py, s)))
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
        texts: Vec<Option<String>>,
        ids: Vec<String>,
        metas: Option<Vec<Option<String>>>,
        jobs: Option<usize>,
        arrow: bool,
    ) -> PyResult<(usize, Bound<'py, PyList>)> {
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
