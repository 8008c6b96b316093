//! # shuzhi (述职)
//!
//! Reads Chinese duty reports (述职报告, 述职述廉, 党建述职), work reports and
//! speeches and shows what is in them: sections and sentences with positions,
//! which sentences report achievements, admit problems, explain causes or
//! commit to future action, and which numbers are real statistics.
//!
//! ```
//! use shuzhi::Analyzer;
//! let an = Analyzer::new();
//! let a = an.analyze("同志们：\n一、2016年工作值得肯定\n全州共排查各类公路安全隐患857处，已整改落实748处。");
//! assert_eq!(a.sections[0].heading, "一、2016年工作值得肯定");
//! assert_eq!(a.sentences[2].text, "全州共排查各类公路安全隐患857处，已整改落实748处。");
//! ```
//!
//! [`review_html`] renders a set of analyses as one offline HTML review page
//! (what `shuzhi screen --format html` writes).
//!
//! ## Crate features
//!
//! - `parallel` (default): batch analysis on rayon ([`Analyzer::analyze_batch`],
//!   [`Analyzer::batch`]: results in input order, memory bounded by the
//!   documents in flight).
//! - `docx`: read `.docx` files (zip + quick-xml).
//! - `cli`: the `shuzhi` command-line tool (implies `parallel` and `docx`).
//!
//! ## Corpus statistics
//!
//! [`corpus`] turns analysed documents into tidy tables for pandas or R
//! (documents, sentences, terms, keywords, group keyness), with totals that
//! merge; `shuzhi corpus` writes them as CSV.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod analysis;
mod analyzer;
mod assess;
#[cfg(feature = "parallel")]
mod batch;
mod config;
pub mod corpus;
mod dedup;
mod error;
pub mod eval;
mod extract;
mod html;
mod ingest;
mod normalize;
mod runs;
mod segment;
mod span;
mod structure;

pub use analysis::{Analysis, ErrorInfo, ErrorRecord, SCHEMA};
pub use analyzer::{Analyzer, AnalyzerBuilder};
pub use assess::{
    Assessment, DocLabels, Flag, Residue, ResidueKind, Score, ScorePart, Severity, Shares,
};
#[cfg(feature = "parallel")]
pub use batch::{Batch, DocResult, Event, Outcome, Progress, Source};
pub use config::Config;
pub use dedup::{
    near_duplicates, Boilerplate, LineCounter, LineSet, NearDupIndex, NearDups, Pair, Signature,
};
pub use error::{Error, ErrorKind, Result};
pub use extract::numeral;
pub use extract::{
    extract_figures, Approx, Cause, CauseKind, Commitment, Figure, FigureFinder, FigureKind,
    FigureValue, Genre, Problem, Role,
};
pub use html::{doc_anchor, review_html};
pub use ingest::{decode, encoding_for_label, ClutterKind, Decoded, SetAside};
pub use segment::{DomainDict, Segmenter, SegmenterBuilder, Token};
pub use span::Span;
pub use structure::{Paragraph, Section, Sentence};

/// Every public type of the batch and near-duplicate API can be shared
/// across threads and survives a panic elsewhere.
#[cfg(test)]
#[test]
fn batch_and_dedup_types_are_thread_safe() {
    fn ok<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    ok::<Analyzer>();
    ok::<Config>();
    ok::<Analysis>();
    ok::<Flag>();
    ok::<LineSet>();
    ok::<LineCounter>();
    ok::<Boilerplate>();
    ok::<Signature>();
    ok::<NearDupIndex>();
    ok::<NearDups>();
    ok::<Pair>();
    #[cfg(feature = "parallel")]
    {
        ok::<Source>();
        ok::<Outcome>();
        ok::<Progress>();
    }
}

/// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
