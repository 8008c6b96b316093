//! Tables built column by column: the rows of the corpus command's
//! `documents.csv` and `sentences.csv`, handed to Python as lists (pandas)
//! or as Arrow buffers (pyarrow).

use crate::Doc;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use serde_json::Value;
use shuzhi::{Analysis, Role};
use std::collections::{BTreeSet, HashMap};

/// Which table.
pub(crate) enum Which {
    Documents,
    Sentences,
}

/// The values of one column.
pub(crate) enum Values {
    /// Text: the cells back to back, each cell's end offset, validity.
    Str {
        data: String,
        ends: Vec<usize>,
        valid: Vec<bool>,
    },
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
}

/// A named column.
pub(crate) struct Column {
    name: String,
    values: Values,
}

impl Values {
    fn str() -> Values {
        Values::Str {
            data: String::new(),
            ends: Vec::new(),
            valid: Vec::new(),
        }
    }

    fn push_str(&mut self, s: Option<&str>) {
        if let Values::Str { data, ends, valid } = self {
            data.push_str(s.unwrap_or(""));
            ends.push(data.len());
            valid.push(s.is_some());
        }
    }

    fn len(&self) -> usize {
        match self {
            Values::Str { ends, .. } => ends.len(),
            Values::Int(v) => v.len(),
            Values::Float(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Values::Str { .. } => "str",
            Values::Int(_) => "int",
            Values::Float(_) => "float",
            Values::Bool(_) => "bool",
        }
    }

    fn validity(&self) -> Vec<bool> {
        match self {
            Values::Str { valid, .. } => valid.clone(),
            Values::Int(v) => v.iter().map(Option::is_some).collect(),
            Values::Float(v) => v.iter().map(Option::is_some).collect(),
            Values::Bool(v) => v.iter().map(Option::is_some).collect(),
        }
    }
}

/// Bits packed least significant first, as Arrow lays out bitmaps.
fn bitmap(bits: impl ExactSizeIterator<Item = bool>) -> Vec<u8> {
    let mut out = vec![0u8; bits.len().div_ceil(8)];
    for (i, b) in bits.enumerate() {
        if b {
            out[i / 8] |= 1 << (i % 8);
        }
    }
    out
}

impl Column {
    /// The number of cells.
    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    fn new(name: impl Into<String>, values: Values) -> Column {
        Column {
            name: name.into(),
            values,
        }
    }

    /// `(name, kind, payload)`. The payload is a list of cells (None for a
    /// null), or with `arrow` a tuple of buffers: `(validity, values)`, and
    /// for text `(validity, offsets, data, large)`, where `validity` is None
    /// when no cell is null, offsets are little-endian i32 (i64 when
    /// `large`), and booleans are a bitmap.
    pub(crate) fn into_py(self, py: Python<'_>, arrow: bool) -> PyResult<Bound<'_, PyAny>> {
        let n = self.values.len();
        let kind = self.values.kind();
        let payload: Bound<'_, PyAny> = if arrow {
            let valid = self.values.validity();
            let nulls = valid.iter().filter(|v| !**v).count();
            let validity: Option<Bound<'_, PyBytes>> =
                (nulls > 0).then(|| PyBytes::new(py, &bitmap(valid.into_iter())));
            match self.values {
                Values::Str { data, ends, .. } => {
                    let large = data.len() > i32::MAX as usize;
                    let mut offsets = Vec::with_capacity((n + 1) * if large { 8 } else { 4 });
                    let mut push = |x: usize| {
                        if large {
                            offsets.extend_from_slice(&(x as i64).to_le_bytes());
                        } else {
                            offsets.extend_from_slice(&(x as i32).to_le_bytes());
                        }
                    };
                    push(0);
                    for e in ends {
                        push(e);
                    }
                    (
                        validity,
                        PyBytes::new(py, &offsets),
                        PyBytes::new(py, data.as_bytes()),
                        large,
                    )
                        .into_pyobject(py)?
                        .into_any()
                }
                Values::Int(v) => {
                    let mut b = Vec::with_capacity(n * 8);
                    for x in v {
                        b.extend_from_slice(&x.unwrap_or(0).to_le_bytes());
                    }
                    (validity, PyBytes::new(py, &b))
                        .into_pyobject(py)?
                        .into_any()
                }
                Values::Float(v) => {
                    let mut b = Vec::with_capacity(n * 8);
                    for x in v {
                        b.extend_from_slice(&x.unwrap_or(0.0).to_le_bytes());
                    }
                    (validity, PyBytes::new(py, &b))
                        .into_pyobject(py)?
                        .into_any()
                }
                Values::Bool(v) => {
                    let b = bitmap(v.iter().map(|x| x.unwrap_or(false)));
                    (validity, PyBytes::new(py, &b))
                        .into_pyobject(py)?
                        .into_any()
                }
            }
        } else {
            match self.values {
                Values::Str { data, ends, valid } => {
                    let mut start = 0;
                    let cells = ends.iter().zip(&valid).map(|(&e, &ok)| {
                        let s = &data[start..e];
                        start = e;
                        ok.then(|| PyString::new(py, s))
                    });
                    PyList::new(py, cells)?.into_any()
                }
                Values::Int(v) => PyList::new(py, v)?.into_any(),
                Values::Float(v) => PyList::new(py, v)?.into_any(),
                Values::Bool(v) => PyList::new(py, v)?.into_any(),
            }
        };
        Ok((self.name, kind, payload).into_pyobject(py)?.into_any())
    }
}

// The fixed columns of `documents.csv`; a meta field with one of these
// names becomes `meta_<name>`, as the corpus command names it.
use shuzhi::corpus::DOC_COLUMNS;

/// A meta field's values as one typed column: integers, numbers or
/// booleans when every value that is there is one, else text (JSON for
/// arrays and objects), as a CSV reader would type the corpus command's
/// cells.
fn meta_column(cells: Vec<Option<&Value>>) -> Values {
    let present = || cells.iter().flatten().filter(|v| !v.is_null());
    if present().all(|v| v.is_i64()) {
        Values::Int(cells.iter().map(|v| v.and_then(Value::as_i64)).collect())
    } else if present().all(|v| v.is_number()) {
        Values::Float(cells.iter().map(|v| v.and_then(Value::as_f64)).collect())
    } else if present().all(|v| v.is_boolean()) {
        Values::Bool(cells.iter().map(|v| v.and_then(Value::as_bool)).collect())
    } else {
        let mut out = Values::str();
        for v in cells {
            match v {
                None | Some(Value::Null) => out.push_str(None),
                Some(Value::String(s)) => out.push_str(Some(s)),
                Some(other) => out.push_str(Some(&other.to_string())),
            }
        }
        out
    }
}

fn meta_of(d: &Doc) -> Option<&serde_json::Map<String, Value>> {
    match d {
        Doc::Ok(a) => a.meta.as_ref(),
        Doc::Err(e) => e.meta.as_ref(),
    }
}

/// What a document contributes to its row of `documents.csv`.
struct DocRow {
    chars: i64,
    sentences: i64,
    shares: Option<[f64; 5]>,
    figures: i64,
    figures_per_1000: f64,
    formulaic_per_1000: Option<f64>,
    problems: i64,
    specific_problems: i64,
    score: Option<i64>,
    flags: Option<String>,
}

fn doc_row(a: &Analysis) -> DocRow {
    let figures = a.figures.iter().filter(|f| f.kind.is_figure()).count() as i64;
    let specific: BTreeSet<usize> = a
        .problems
        .iter()
        .filter(|p| p.specific)
        .map(|p| p.sentence)
        .collect();
    let problems: Vec<usize> = a
        .sentences
        .iter()
        .filter(|s| !s.heading && s.role == Some(Role::Problem))
        .map(|s| s.index)
        .collect();
    let asm = a.assessment.as_ref();
    DocRow {
        chars: a.chars as i64,
        sentences: a.sentences.len() as i64,
        shares: asm.map(|x| {
            let s = x.shares;
            [s.achievement, s.problem, s.cause, s.commitment, s.other]
        }),
        figures,
        figures_per_1000: if a.chars == 0 {
            0.0
        } else {
            figures as f64 / a.chars as f64 * 1000.0
        },
        formulaic_per_1000: asm.map(|x| x.formulaic_per_1000),
        problems: problems.len() as i64,
        specific_problems: problems.iter().filter(|i| specific.contains(i)).count() as i64,
        score: asm.map(|x| i64::from(x.score.total)),
        // Each flag code once, in the assessment's order.
        flags: asm.map(|x| {
            let mut codes: Vec<&str> = Vec::new();
            for f in &x.flags {
                if !codes.contains(&f.code.as_str()) {
                    codes.push(&f.code);
                }
            }
            codes.join(" ")
        }),
    }
}

/// The per-document table: the columns of the corpus command's
/// `documents.csv` that come from the analysis itself (its `tokens`
/// column, a count of the corpus module's word tokens, is not among them).
pub(crate) fn documents(docs: &[Doc]) -> Vec<Column> {
    let rows: Vec<Option<DocRow>> = docs
        .iter()
        .map(|d| match d {
            Doc::Ok(a) => Some(doc_row(a)),
            Doc::Err(_) => None,
        })
        .collect();
    let text = |f: &dyn Fn(&Doc, Option<&DocRow>) -> Option<String>| {
        let mut v = Values::str();
        for (d, r) in docs.iter().zip(&rows) {
            v.push_str(f(d, r.as_ref()).as_deref());
        }
        v
    };
    let int = |f: &dyn Fn(&DocRow) -> Option<i64>| {
        Values::Int(rows.iter().map(|r| r.as_ref().and_then(f)).collect())
    };
    let float = |f: &dyn Fn(&DocRow) -> Option<f64>| {
        Values::Float(rows.iter().map(|r| r.as_ref().and_then(f)).collect())
    };
    let mut cols = vec![Column::new(
        "id",
        text(&|d, _| {
            Some(match d {
                Doc::Ok(a) => a.id.clone(),
                Doc::Err(e) => e.id.clone(),
            })
        }),
    )];
    let keys: BTreeSet<&String> = docs
        .iter()
        .filter_map(meta_of)
        .flat_map(|m| m.keys())
        .collect();
    for k in keys {
        let name = if DOC_COLUMNS.contains(&k.as_str()) {
            format!("meta_{k}")
        } else {
            k.clone()
        };
        let cells = docs
            .iter()
            .map(|d| meta_of(d).and_then(|m| m.get(k)))
            .collect();
        cols.push(Column::new(name, meta_column(cells)));
    }
    cols.push(Column::new(
        "genre",
        text(&|d, _| match d {
            Doc::Ok(a) => Some(a.genre.as_str().to_owned()),
            Doc::Err(_) => None,
        }),
    ));
    cols.push(Column::new("chars", int(&|r| Some(r.chars))));
    cols.push(Column::new("sentences", int(&|r| Some(r.sentences))));
    for (i, role) in Role::ALL.iter().enumerate() {
        cols.push(Column::new(
            format!("{}_share", role.as_str()),
            float(&|r| r.shares.map(|s| s[i])),
        ));
    }
    cols.push(Column::new("figures", int(&|r| Some(r.figures))));
    cols.push(Column::new(
        "figures_per_1000",
        float(&|r| Some(r.figures_per_1000)),
    ));
    cols.push(Column::new(
        "formulaic_per_1000",
        float(&|r| r.formulaic_per_1000),
    ));
    cols.push(Column::new("problems", int(&|r| Some(r.problems))));
    cols.push(Column::new(
        "specific_problems",
        int(&|r| Some(r.specific_problems)),
    ));
    cols.push(Column::new("score", int(&|r| r.score)));
    cols.push(Column::new(
        "flags",
        text(&|_, r| r.and_then(|r| r.flags.clone())),
    ));
    cols.push(Column::new(
        "error",
        text(&|d, _| match d {
            Doc::Ok(_) => None,
            Doc::Err(e) => Some(format!("{}: {}", e.error.kind, e.error.message)),
        }),
    ));
    cols
}

/// The sentence table in long format, one row per sentence (headings
/// included): the columns of the corpus command's `sentences.csv`.
pub(crate) fn sentences(docs: &[Doc]) -> Vec<Column> {
    let n: usize = docs
        .iter()
        .map(|d| match d {
            Doc::Ok(a) => a.sentences.len(),
            Doc::Err(_) => 0,
        })
        .sum();
    let mut id = Values::str();
    let mut index = Vec::with_capacity(n);
    let mut start = Vec::with_capacity(n);
    let mut end = Vec::with_capacity(n);
    let mut role = Values::str();
    let mut specific = Vec::with_capacity(n);
    let mut text = Values::str();
    let mut heading = Vec::with_capacity(n);
    for d in docs {
        let Doc::Ok(a) = d else { continue };
        let spec: HashMap<usize, bool> = a
            .problems
            .iter()
            .map(|p| (p.sentence, p.specific))
            .collect();
        for s in &a.sentences {
            id.push_str(Some(&a.id));
            index.push(Some(s.index as i64));
            start.push(Some(s.char_span[0] as i64));
            end.push(Some(s.char_span[1] as i64));
            role.push_str(s.role.map(Role::as_str));
            specific.push(spec.get(&s.index).copied());
            text.push_str(Some(&s.text));
            heading.push(Some(s.heading));
        }
    }
    vec![
        Column::new("id", id),
        Column::new("index", Values::Int(index)),
        Column::new("char_start", Values::Int(start)),
        Column::new("char_end", Values::Int(end)),
        Column::new("role", role),
        Column::new("specific", Values::Bool(specific)),
        Column::new("text", text),
        Column::new("heading", Values::Bool(heading)),
    ]
}
