//! The analysis record (schema `shuzhi/1`) and the error record.

use crate::error::Error;
use crate::extract::{Cause, Commitment, Figure, Genre, Problem};
use crate::ingest::SetAside;
use crate::structure::{Paragraph, Section, Sentence};
use serde::{Deserialize, Serialize};

/// The schema name every record carries.
pub const SCHEMA: &str = "shuzhi/1";

/// Everything found in one document: the record `shuzhi analyze` writes.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze("同志们：\n全州共排查各类公路安全隐患857处，已整改落实748处。");
/// assert_eq!(a.schema, "shuzhi/1");
/// assert_eq!(a.sentences.len(), 2);
/// let json = serde_json::to_string(&a).unwrap();
/// let back: shuzhi::Analysis = serde_json::from_str(&json).unwrap();
/// assert_eq!(back.sentences[1].text, a.sentences[1].text);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always `shuzhi/1`.
    pub schema: String,
    /// The document id: a path, `path#2` for the second piece of a
    /// compilation, or the id given in JSON Lines input.
    pub id: String,
    /// The title, when the document has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    /// The encoding the input was decoded from (`utf-8`, `gb18030`, `utf-16le`, `docx`…).
    pub encoding: String,
    /// Malformed byte sequences replaced with U+FFFD while decoding.
    #[serde(skip_serializing_if = "is_zero", default)]
    pub replaced: usize,
    /// The dictionaries the segmenter used (`jieba-default`, `shuzhi-domain`, user dictionaries).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dictionaries: Vec<String>,
    /// A stable hash of the dictionaries' contents, so a run can be reproduced.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dict_hash: String,
    /// The document's genre.
    #[serde(default)]
    pub genre: Genre,
    /// Characters in the document.
    pub chars: usize,
    /// Fields of the JSON Lines input other than `id` and `text`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// Web-page clutter kept out of the sentences.
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
    /// Sections opened by headings.
    pub sections: Vec<Section>,
    /// Paragraphs (lines with content).
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, headings included.
    pub sentences: Vec<Sentence>,
    /// Numbers found in the sentences: real figures (quantity, percent,
    /// fraction, money, date, duration, age) and non-figures (ordinal, slogan).
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// One record per problem sentence.
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// One record per cause sentence.
    #[serde(default)]
    pub causes: Vec<Cause>,
    /// One record per commitment sentence.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// Shares, document labels, flags and score (absent from an outline).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub assessment: Option<crate::assess::Assessment>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The record written for a document that could not be read.
///
/// ```
/// use shuzhi::{Error, ErrorKind, ErrorRecord};
/// let r = ErrorRecord::new("a.doc", &Error::new(ErrorKind::UnsupportedFormat, "save as .docx"));
/// assert_eq!(serde_json::to_string(&r).unwrap(),
///     r#"{"schema":"shuzhi/1","id":"a.doc","error":{"kind":"unsupported_format","message":"save as .docx"}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Always `shuzhi/1`.
    pub schema: String,
    /// The document id.
    pub id: String,
    /// What went wrong.
    pub error: ErrorInfo,
    /// Fields of the JSON Lines input other than `id` and `text`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Kind and message of an [`ErrorRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// A stable code: `decode`, `binary`, `too_large`, `unsupported_format`, `docx`, `io`, `input`.
    pub kind: String,
    /// A message for a person.
    pub message: String,
}

impl ErrorRecord {
    /// The error record for document `id`.
    pub fn new(id: impl Into<String>, e: &Error) -> ErrorRecord {
        ErrorRecord {
            schema: SCHEMA.to_owned(),
            id: id.into(),
            error: ErrorInfo {
                kind: e.kind().as_str().to_owned(),
                message: e.to_string(),
            },
            meta: None,
        }
    }
}
