//! Settings as data: every limit and threshold, serde-(de)serializable.

use serde::{Deserialize, Serialize};

/// Every setting of an [`Analyzer`](crate::Analyzer), with documented
/// defaults. Loadable from TOML or JSON, so one file configures a run on a
/// laptop or on a cluster's workers alike.
///
/// ```
/// use shuzhi::Config;
/// let c: Config = serde_json::from_str(r#"{"max_document_bytes": 1048576}"#).unwrap();
/// assert_eq!(c.max_document_bytes, 1 << 20);
/// assert_eq!(c.max_docx_unpacked_bytes, Config::default().max_docx_unpacked_bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Largest input document in bytes (default 32 MiB). A larger file is a
    /// `too_large` error record, found without reading the rest.
    pub max_document_bytes: u64,
    /// Most bytes a `.docx` may unpack to (default 128 MiB): a zip bomb is
    /// an error in bounded memory and time.
    pub max_docx_unpacked_bytes: u64,
    /// Longest run of text the segmenter and the figure finder see at once
    /// (default 8 KiB; at least 64). A longer sentence (a paste without a
    /// single 。 or line break) is cut into runs at safe points (after
    /// punctuation or whitespace, else between two characters that are not
    /// part of a number), so analysis stays linear in the length of the
    /// text. The sentence itself stays whole; real sentences are far
    /// shorter (the longest in the bulk corpus is 1.5 KB) and never cut.
    pub max_run_bytes: usize,
    /// Most sentences one document may have (default 500,000; a report
    /// has a few hundred). Memory grows with the number of sentences, about
    /// 550 bytes each for one-character lines, so a file of millions of
    /// tiny lines is a `too_large` error rather than gigabytes of memory.
    /// Counted on the decoded text before analysis, by
    /// [`Analyzer::analyze_bytes`](crate::Analyzer::analyze_bytes),
    /// [`analyze_path`](crate::Analyzer::analyze_path) and
    /// [`try_analyze_text`](crate::Analyzer::try_analyze_text).
    pub max_sentences: usize,
    /// Force an input encoding (`gbk`, `gb18030`, `utf-8`, `utf-16le`, `big5`…)
    /// instead of detecting it; a byte-order mark still wins.
    pub encoding: Option<String>,
    /// Share of the characters that problems should take in a duty report
    /// or self-review (default 1/3: 通山县九宫山镇 asks secretaries for
    /// 三分之一谈成绩、三分之一谈问题、三分之一谈措施; DOMAIN.md §0).
    pub min_problem_share: f64,
    /// Optional stricter rule: problems and causes together at least this
    /// share (潜江 2015: 问题和原因 ≥ 1500 of 3000字, i.e. 0.5; DOMAIN.md §0).
    /// Off by default.
    pub min_problem_cause_share: Option<f64>,
    /// `achievement_heavy` needs at least this achievement share (default 0.2)
    /// …
    pub heavy_min_achievement_share: f64,
    /// … or at least this many characters of achievements (default 2000):
    /// a work report whose plans fill most of the text still reports its
    /// results at length.
    pub heavy_min_achievement_chars: usize,
    /// … and, outside duty reports and self-reviews, at least this many
    /// characters of achievements (default 400, about eight sentences): two
    /// or three sentences of praise in a letter or a short address are not
    /// achievements reported at length (ANNOTATION.md's 一味评功摆好). A duty
    /// report is all about the reporter's own work, so there the shares
    /// decide at any length.
    pub heavy_floor_achievement_chars: usize,
    /// `achievement_heavy` when problems and causes take less than this
    /// fraction of the achievements' characters (default 0.35) …
    pub heavy_ratio: f64,
    /// … or less than this fraction when half the problems are stock
    /// phrases or praise in disguise (default 0.5): substance, not length.
    pub heavy_ratio_generic: f64,
    /// `generic_problems` when at least this share of problem sentences are
    /// generic (default 0.5).
    pub max_generic_problem_share: f64,
    /// `vague_commitments` when at least this share of commitments have no
    /// deadline and no target (default 0.5).
    pub max_vague_commitment_share: f64,
    /// `formulaic` above this many slogan and stock-phrase characters per
    /// 1000 (default 60).
    pub max_formulaic_per_1000: f64,
    /// `too_short` below this many characters (default 200).
    pub min_document_chars: usize,
    /// `near_duplicate` when two documents share at least this share of
    /// their text (estimated Dice similarity of character shingles; default
    /// 0.8). Reviewers compare this year's reports with last year's and with
    /// each other (东兴区 2017: 18 of 216 reports were last year's with the
    /// date changed, two "95%的内容相似"; DOMAIN.md §4.1); no source gives a
    /// threshold, and a copy with a tenth of its text rewritten scores about
    /// 0.9.
    pub near_duplicate_threshold: f64,
    /// A sentence found in at least this share of a batch's documents is
    /// boilerplate for the near-duplicate search (default 0.01) …
    pub near_duplicate_boilerplate_share: f64,
    /// … and in at least this many documents (default 5).
    pub near_duplicate_boilerplate_docs: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_document_bytes: 32 * 1024 * 1024,
            max_docx_unpacked_bytes: 128 * 1024 * 1024,
            max_run_bytes: 8 * 1024,
            max_sentences: 500_000,
            encoding: None,
            min_problem_share: 1.0 / 3.0,
            min_problem_cause_share: None,
            heavy_min_achievement_share: 0.2,
            heavy_min_achievement_chars: 2000,
            heavy_floor_achievement_chars: 400,
            heavy_ratio: 0.35,
            heavy_ratio_generic: 0.5,
            max_generic_problem_share: 0.5,
            max_vague_commitment_share: 0.5,
            max_formulaic_per_1000: 60.0,
            min_document_chars: 200,
            near_duplicate_threshold: 0.8,
            near_duplicate_boilerplate_share: 0.01,
            near_duplicate_boilerplate_docs: 5,
        }
    }
}
