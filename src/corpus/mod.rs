//! Corpus statistics for researchers: tidy tables of documents, sentences,
//! terms, keywords and group keyness, built on the analysis records.
//!
//! The flow is: analyse each document ([`Analyzer::analyze_text`]), count
//! it with a [`CorpusCounter`] (segmentation with the crate's
//! [`Segmenter`], so domain terms such as 高质量发展 stay whole; stoplist;
//! category dictionaries; TextRank), collect the [`DocStats`] in a
//! [`Corpus`], and ask it for tables. Every total is a count in
//! [`CorpusStats`], which merge with `+=`: the stats of two halves of a
//! corpus added together equal the stats of the whole, so a corpus can be
//! counted in pieces (on several machines) and merged.
//!
//! Tables are deterministic: rows in input order (documents, sentences,
//! keywords) or sorted (groups by label, numbers numerically; terms by
//! count then term; keyness by G²), numbers with a fixed number of
//! decimals.
//!
//! ```
//! use shuzhi::corpus::{Corpus, CorpusConfig, CorpusCounter, GroupBy};
//! use shuzhi::Analyzer;
//!
//! let an = Analyzer::new();
//! let counter = CorpusCounter::new(&an);
//! let mut corpus = Corpus::new(CorpusConfig {
//!     group_by: Some("year/10".parse().unwrap()),
//!     ..CorpusConfig::default()
//! });
//! for (year, text) in [
//!     (2019, "各位代表：\n过去一年，国内生产总值增长6.6%。\n一些地方形式主义、官僚主义问题突出。"),
//!     (2021, "各位代表：\n面对疫情冲击，我们统筹疫情防控和经济社会发展。\n要加强疫情防控。"),
//! ] {
//!     for mut a in an.analyze_text(&format!("gwr-{year}"), text) {
//!         a.meta = Some(serde_json::json!({"year": year}).as_object().unwrap().clone());
//!         corpus.push(counter.count(&a));
//!     }
//! }
//! let groups = corpus.groups();
//! assert_eq!(groups.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["2010", "2020"]);
//! assert!(groups[0].1.shares().problem > 0.0);
//! let docs = corpus.documents_table();
//! assert_eq!(docs.cells("group"), ["2010", "2020"]);
//! assert!(corpus.keywords(1).iter().any(|k| k.term == "疫情"));
//! ```

mod dict;
mod keyness;
mod keywords;
mod kwic;
mod stats;
mod table;
mod terms;

pub use dict::CategoryDict;
pub use keyness::{g2, p_value, Keyness};
pub use keywords::Keyword;
pub use kwic::{kwic, Concordance, KwicMatch};
pub use stats::{CorpusStats, TermStats};
pub use table::{fixed, Table};
pub use terms::Stoplist;

use crate::analysis::{Analysis, ErrorRecord};
use crate::assess::Shares;
use crate::error::{Error, ErrorKind, Result};
use crate::extract::{Genre, Role};
use crate::normalize::simplified;
use crate::segment::Segmenter;
use crate::Analyzer;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// How documents are grouped: by a field of the input (`year`, `region`,
/// `kind`…, or `genre`, which the analysis supplies when the input has no
/// such field), optionally binned: `year/10` groups years by decade
/// (1954 → `1950`), `year/5` by five-year spans.
///
/// ```
/// use shuzhi::corpus::GroupBy;
/// let g: GroupBy = "year/10".parse().unwrap();
/// assert_eq!((g.field.as_str(), g.bin), ("year", Some(10)));
/// assert!("year/0".parse::<GroupBy>().is_err());
/// assert_eq!("region".parse::<GroupBy>().unwrap().bin, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupBy {
    /// The field.
    pub field: String,
    /// The width of numeric bins, if the field is binned.
    pub bin: Option<u64>,
}

impl FromStr for GroupBy {
    type Err = Error;

    fn from_str(s: &str) -> Result<GroupBy> {
        let bad = |m: &str| Error::new(ErrorKind::Config, format!("group by `{s}`: {m}"));
        let (field, bin) = match s.split_once('/') {
            Some((f, b)) => {
                let n: u64 = b
                    .trim()
                    .parse()
                    .map_err(|_| bad("the bin width after `/` must be a whole number"))?;
                if n == 0 {
                    return Err(bad("the bin width must be at least 1"));
                }
                (f.trim(), Some(n))
            }
            None => (s.trim(), None),
        };
        if field.is_empty() {
            return Err(bad("no field name"));
        }
        Ok(GroupBy {
            field: field.to_owned(),
            bin,
        })
    }
}

impl GroupBy {
    /// The group of a document; `""` when it has no value for the field
    /// (or, binned, no number).
    pub fn label(&self, doc: &DocStats) -> String {
        let value = match doc.meta.get(&self.field) {
            Some(v) => meta_cell(v),
            None if self.field == "genre" && doc.error.is_none() => doc.genre.as_str().to_owned(),
            None => String::new(),
        };
        match self.bin {
            None => value,
            Some(w) => match value.trim().parse::<f64>() {
                Ok(x) if x.is_finite() => {
                    let w = w as f64;
                    format!("{}", (x / w).floor() * w)
                }
                _ => String::new(),
            },
        }
    }
}

/// A value of the input's meta fields as a CSV cell.
fn meta_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Settings of the tables.
///
/// ```
/// let c = shuzhi::corpus::CorpusConfig::default();
/// assert_eq!((c.keywords, c.textrank, c.keyness_min_count), (10, true, 10));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusConfig {
    /// How documents are grouped (default: one group, `all`).
    pub group_by: Option<GroupBy>,
    /// Keywords per document and method (default 10).
    pub keywords: usize,
    /// Whether to add TextRank keywords next to TF-IDF (default true).
    pub textrank: bool,
    /// Terms counted fewer times in a group are left out of `terms.csv`
    /// (default 1: every term).
    pub min_term_count: u64,
    /// Keyness rows need at least this many occurrences in the whole
    /// corpus (default 10).
    pub keyness_min_count: u64,
    /// Keyness rows need a p-value at most this (default 0.05).
    pub keyness_max_p: f64,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig {
            group_by: None,
            keywords: 10,
            textrank: true,
            min_term_count: 1,
            keyness_min_count: 10,
            keyness_max_p: 0.05,
        }
    }
}

/// What one document contributes: its row of `documents.csv`, its
/// mergeable [`CorpusStats`] (with `documents == 1`, or `errors == 1`),
/// and its TextRank keywords.
#[derive(Debug, Clone, PartialEq)]
pub struct DocStats {
    /// The document id.
    pub id: String,
    /// Fields of the JSON Lines input other than `id` and `text`.
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// The genre.
    pub genre: Genre,
    /// Role shares of the document (the assessment's).
    pub shares: Shares,
    /// Formulaic density of the document (the assessment's).
    pub formulaic_per_1000: f64,
    /// The score.
    pub score: Option<u8>,
    /// Flag codes, each once, most severe first.
    pub flags: Vec<String>,
    /// TextRank keywords (empty when turned off).
    pub textrank: Vec<Keyword>,
    /// The counts.
    pub stats: CorpusStats,
    /// `kind: message` for a document that could not be read.
    pub error: Option<String>,
}

/// Counts documents: segments their sentences with the analyzer's
/// [`Segmenter`] (jieba with the domain dictionary, on the
/// simplified-character view), applies the stoplist and the category
/// dictionaries, and builds each document's TextRank graph.
///
/// It is `Send + Sync`: count documents on several threads with one counter.
#[derive(Debug, Clone)]
pub struct CorpusCounter<'a> {
    seg: &'a Segmenter,
    stop: Stoplist,
    dicts: Vec<CategoryDict>,
    columns: Vec<String>,
    matcher: Option<dict::Matcher>,
    textrank: usize,
}

impl<'a> CorpusCounter<'a> {
    /// A counter with the analyzer's segmenter, the embedded stoplist, no
    /// dictionary and 10 TextRank keywords per document.
    pub fn new(analyzer: &'a Analyzer) -> CorpusCounter<'a> {
        CorpusCounter {
            seg: analyzer.segmenter(),
            stop: Stoplist::embedded(),
            dicts: Vec::new(),
            columns: Vec::new(),
            matcher: None,
            textrank: 10,
        }
    }

    /// Uses `stop` as the stoplist.
    #[must_use]
    pub fn stoplist(mut self, stop: Stoplist) -> Self {
        self.stop = stop;
        self
    }

    /// TextRank keywords per document (0 turns TextRank off).
    #[must_use]
    pub fn textrank(mut self, n: usize) -> Self {
        self.textrank = n;
        self
    }

    /// Adds a category dictionary, counted into its own columns.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Dictionary`] when one of its columns is already taken
    /// by another dictionary (two files with the same stem).
    ///
    /// ```
    /// use shuzhi::corpus::{CategoryDict, CorpusCounter};
    /// use shuzhi::Analyzer;
    /// let an = Analyzer::new();
    /// let c = CorpusCounter::new(&an)
    ///     .dictionary(CategoryDict::from_word_list("套话", "高度重视\n狠抓落实\n"))
    ///     .unwrap();
    /// let a = &an.analyze_text("d", "我们高度重视，狠抓落实，高度重视安全生产。")[0];
    /// assert_eq!(c.count(a).stats.categories["套话"], 3);
    /// ```
    pub fn dictionary(mut self, d: CategoryDict) -> Result<Self> {
        for c in d.columns() {
            if self.columns.contains(&c) {
                return Err(Error::new(
                    ErrorKind::Dictionary,
                    format!("two dictionaries fill the column `{c}`: rename one file"),
                ));
            }
            self.columns.push(c);
        }
        self.dicts.push(d);
        self.matcher = dict::Matcher::new(&self.dicts)?;
        Ok(self)
    }

    /// The dictionary columns, in order.
    pub fn category_columns(&self) -> &[String] {
        &self.columns
    }

    /// Counts one analysed document.
    pub fn count(&self, a: &Analysis) -> DocStats {
        let mut st = CorpusStats {
            documents: 1,
            chars: a.chars as u64,
            sentences: a.sentences.len() as u64,
            ..CorpusStats::default()
        };
        let specific: HashSet<usize> = a
            .problems
            .iter()
            .filter(|p| p.specific)
            .map(|p| p.sentence)
            .collect();
        let mut cats = vec![0u64; self.columns.len()];
        let mut tr = keywords::TextRank::default();
        let mut bounds: Vec<usize> = Vec::new();
        for s in &a.sentences {
            if !s.heading {
                let n = s.char_span[1].saturating_sub(s.char_span[0]) as u64;
                let r = s.role.unwrap_or(Role::Other) as usize;
                st.body_chars += n;
                st.role_chars[r] += n;
                st.role_sentences[r] += 1;
            }
            let view = simplified(&s.text);
            let toks = self.seg.tagged(&view);
            let mut tr_words: Vec<Option<&str>> = Vec::with_capacity(toks.len());
            bounds.clear();
            for t in &toks {
                bounds.push(t.start);
                if !terms::is_word(t.text) {
                    continue;
                }
                st.tokens += 1;
                if !terms::is_term(t.text, t.pos, &self.stop) {
                    tr_words.push(None);
                    continue;
                }
                let e = match st.terms.get_mut(t.text) {
                    Some(e) => e,
                    None => st.terms.entry(t.text.to_owned()).or_default(),
                };
                e.count += 1;
                e.add_pos(t.pos.unwrap_or(""), 1);
                tr_words.push(
                    (terms::is_keyword(t.text) && keywords::textrank_pos(t.pos)).then_some(t.text),
                );
            }
            bounds.push(view.len());
            if self.textrank > 0 {
                tr.sentence(&tr_words);
            }
            if let Some(m) = &self.matcher {
                m.count(&view, &bounds, &mut cats);
            }
        }
        for t in st.terms.values_mut() {
            t.docs = 1;
        }
        st.figures = a.figures.iter().filter(|f| f.kind.is_figure()).count() as u64;
        st.problems = st.role_sentences[Role::Problem as usize];
        st.specific_problems = a
            .sentences
            .iter()
            .filter(|s| !s.heading && s.role == Some(Role::Problem) && specific.contains(&s.index))
            .count() as u64;
        let mut flags: Vec<String> = Vec::new();
        let (mut shares, mut formulaic, mut score) = (Shares::default(), 0.0, None);
        if let Some(asm) = &a.assessment {
            for f in &asm.flags {
                if !flags.contains(&f.code) {
                    flags.push(f.code.clone());
                }
            }
            shares = asm.shares;
            formulaic = asm.formulaic_per_1000;
            score = Some(asm.score.total);
            st.score_sum = u64::from(asm.score.total);
            // The assessment keeps the density; the count behind it is an integer.
            st.formulaic_chars = (asm.formulaic_per_1000 * st.body_chars as f64 / 1000.0)
                .round()
                .max(0.0) as u64;
        }
        for f in &flags {
            st.flags.insert(f.clone(), 1);
        }
        st.categories = self.columns.iter().cloned().zip(cats).collect();
        DocStats {
            id: a.id.clone(),
            meta: a.meta.clone().unwrap_or_default(),
            genre: a.genre,
            shares,
            formulaic_per_1000: formulaic,
            score,
            flags,
            textrank: if self.textrank > 0 {
                tr.keywords(self.textrank)
            } else {
                Vec::new()
            },
            stats: st,
            error: None,
        }
    }

    /// Counts several documents (in parallel with the `parallel` feature),
    /// in order.
    pub fn count_all(&self, analyses: &[Analysis]) -> Vec<DocStats> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            analyses.par_iter().map(|a| self.count(a)).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            analyses.iter().map(|a| self.count(a)).collect()
        }
    }

    /// The row of a document that could not be read.
    pub fn error(&self, e: &ErrorRecord) -> DocStats {
        DocStats {
            id: e.id.clone(),
            meta: e.meta.clone().unwrap_or_default(),
            genre: Genre::Other,
            shares: Shares::default(),
            formulaic_per_1000: 0.0,
            score: None,
            flags: Vec::new(),
            textrank: Vec::new(),
            stats: CorpusStats {
                errors: 1,
                ..CorpusStats::default()
            },
            error: Some(format!("{}: {}", e.error.kind, e.error.message)),
        }
    }
}

/// Group labels in order: numbers numerically, then text, the empty label last.
fn label_order(a: &str, b: &str) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => x.total_cmp(&y).then(a.cmp(b)),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        _ => a.cmp(b),
    }
}

/// The fixed columns of `documents.csv`, in order (category-dictionary
/// columns follow them); a meta field with one of these names is written as
/// `meta_<name>`.
///
/// ```
/// assert_eq!(shuzhi::corpus::DOC_COLUMNS[0], "id");
/// assert!(shuzhi::corpus::DOC_COLUMNS.contains(&"problem_share"));
/// ```
pub const DOC_COLUMNS: [&str; 20] = [
    "id",
    "group",
    "genre",
    "chars",
    "sentences",
    "tokens",
    "achievement_share",
    "problem_share",
    "cause_share",
    "commitment_share",
    "other_share",
    "figures",
    "figures_per_1000",
    "formulaic_per_1000",
    "problems",
    "specific_problems",
    "score",
    "flags",
    "error",
    "text",
];

/// The documents of a corpus, counted, and the tables built from them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The documents, in input order.
    pub docs: Vec<DocStats>,
    /// Settings.
    pub config: CorpusConfig,
    /// Category dictionary columns of `documents.csv`.
    pub category_columns: Vec<String>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new(config: CorpusConfig) -> Corpus {
        Corpus {
            docs: Vec::new(),
            config,
            category_columns: Vec::new(),
        }
    }

    /// Adds a document (its dictionary columns join the table's).
    pub fn push(&mut self, d: DocStats) {
        for c in d.stats.categories.keys() {
            if !self.category_columns.contains(c) {
                self.category_columns.push(c.clone());
            }
        }
        self.docs.push(d);
    }

    /// The group of a document (`all` when not grouping).
    pub fn group_of(&self, d: &DocStats) -> String {
        match &self.config.group_by {
            Some(g) => g.label(d),
            None => "all".to_owned(),
        }
    }

    /// The totals of the whole corpus.
    pub fn total(&self) -> CorpusStats {
        CorpusStats::sum(self.docs.iter().map(|d| &d.stats))
    }

    /// The totals of each group, in label order (numbers numerically, the
    /// empty label last).
    pub fn groups(&self) -> Vec<(String, CorpusStats)> {
        let mut m: BTreeMap<String, CorpusStats> = BTreeMap::new();
        for d in &self.docs {
            *m.entry(self.group_of(d)).or_default() += &d.stats;
        }
        let mut v: Vec<(String, CorpusStats)> = m.into_iter().collect();
        v.sort_by(|a, b| label_order(&a.0, &b.0));
        v
    }

    /// The TF-IDF keywords of document `i` (input order), the IDF fitted on
    /// this corpus. Each call sums the corpus anew: for every document at
    /// once, use [`keywords_table`](Self::keywords_table).
    pub fn keywords(&self, i: usize) -> Vec<Keyword> {
        let total = self.total();
        match self.docs.get(i) {
            Some(d) => keywords::tfidf(
                &d.stats.terms,
                &total.terms,
                total.documents,
                self.config.keywords,
            ),
            None => Vec::new(),
        }
    }

    /// The keyness of every term of group `target` against the other
    /// groups, filtered by [`CorpusConfig::keyness_min_count`] and
    /// [`CorpusConfig::keyness_max_p`], highest G² first.
    pub fn keyness(&self, groups: &[(String, CorpusStats)], target: &str) -> Vec<Keyness> {
        let total = CorpusStats::sum(groups.iter().map(|g| &g.1));
        let Some((_, g)) = groups.iter().find(|g| g.0 == target) else {
            return Vec::new();
        };
        keyness_of(g, &total, &self.config)
    }

    /// `documents.csv`: one row per document.
    pub fn documents_table(&self) -> Table {
        let mut meta_keys: Vec<&String> = Vec::new();
        for d in &self.docs {
            for k in d.meta.keys() {
                if !meta_keys.contains(&k) {
                    meta_keys.push(k);
                }
            }
        }
        meta_keys.sort();
        let mut cols: Vec<String> = vec!["id".into()];
        for k in &meta_keys {
            cols.push(if DOC_COLUMNS.contains(&k.as_str()) {
                format!("meta_{k}")
            } else {
                (*k).clone()
            });
        }
        let grouped = self.config.group_by.is_some();
        if grouped {
            cols.push("group".into());
        }
        for c in [
            "genre",
            "chars",
            "sentences",
            "tokens",
            "achievement_share",
            "problem_share",
            "cause_share",
            "commitment_share",
            "other_share",
            "figures",
            "figures_per_1000",
            "formulaic_per_1000",
            "problems",
            "specific_problems",
            "score",
            "flags",
        ] {
            cols.push(c.into());
        }
        cols.extend(self.category_columns.iter().cloned());
        cols.push("error".into());
        let mut t = Table::new(cols);
        for d in &self.docs {
            let mut r = vec![d.id.clone()];
            for k in &meta_keys {
                r.push(d.meta.get(*k).map(meta_cell).unwrap_or_default());
            }
            if grouped {
                r.push(self.group_of(d));
            }
            if let Some(e) = &d.error {
                r.resize(t.columns.len() - 1, String::new());
                r.push(e.clone());
                t.push(r);
                continue;
            }
            let s = &d.stats;
            let sh = d.shares;
            r.extend([
                d.genre.as_str().to_owned(),
                s.chars.to_string(),
                s.sentences.to_string(),
                s.tokens.to_string(),
                fixed(sh.achievement, 4),
                fixed(sh.problem, 4),
                fixed(sh.cause, 4),
                fixed(sh.commitment, 4),
                fixed(sh.other, 4),
                s.figures.to_string(),
                fixed(s.figures_per_1000(), 3),
                fixed(d.formulaic_per_1000, 3),
                s.problems.to_string(),
                s.specific_problems.to_string(),
                d.score.map(|x| x.to_string()).unwrap_or_default(),
                d.flags.join(" "),
            ]);
            for c in &self.category_columns {
                r.push(s.categories.get(c).copied().unwrap_or(0).to_string());
            }
            r.push(String::new());
            t.push(r);
        }
        t
    }

    /// `groups.csv`: the merged totals of each group, with rates computed
    /// from them (shares pooled by characters).
    pub fn groups_table(&self) -> Table {
        let groups = self.groups();
        let total = CorpusStats::sum(groups.iter().map(|g| &g.1));
        let flag_codes: Vec<&String> = total.flags.keys().collect();
        let mut cols: Vec<String> = [
            "group",
            "documents",
            "errors",
            "chars",
            "sentences",
            "tokens",
            "achievement_share",
            "problem_share",
            "cause_share",
            "commitment_share",
            "other_share",
            "figures",
            "figures_per_1000",
            "formulaic_per_1000",
            "problems",
            "specific_problems",
            "mean_score",
        ]
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
        cols.extend(flag_codes.iter().map(|c| format!("flag_{c}")));
        cols.extend(self.category_columns.iter().cloned());
        let mut t = Table::new(cols);
        for (label, s) in &groups {
            let sh = s.shares();
            let mut r = vec![
                label.clone(),
                s.documents.to_string(),
                s.errors.to_string(),
                s.chars.to_string(),
                s.sentences.to_string(),
                s.tokens.to_string(),
                fixed(sh.achievement, 4),
                fixed(sh.problem, 4),
                fixed(sh.cause, 4),
                fixed(sh.commitment, 4),
                fixed(sh.other, 4),
                s.figures.to_string(),
                fixed(s.figures_per_1000(), 3),
                fixed(s.formulaic_per_1000(), 3),
                s.problems.to_string(),
                s.specific_problems.to_string(),
                fixed(s.mean_score(), 2),
            ];
            for c in &flag_codes {
                r.push(s.flags.get(*c).copied().unwrap_or(0).to_string());
            }
            for c in &self.category_columns {
                r.push(s.categories.get(c).copied().unwrap_or(0).to_string());
            }
            t.push(r);
        }
        t
    }

    /// `terms.csv`: each group's terms, most frequent first, with the part
    /// of speech they carry most often, the count, the count per 10,000
    /// word tokens of the group and the number of documents.
    pub fn terms_table(&self) -> Table {
        let mut t = Table::new(["group", "term", "pos", "count", "per_10k", "docs"]);
        for (label, s) in self.groups() {
            let mut v: Vec<(&String, &TermStats)> = s
                .terms
                .iter()
                .filter(|(_, x)| x.count >= self.config.min_term_count)
                .collect();
            v.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
            for (term, x) in v {
                t.push(vec![
                    label.clone(),
                    term.clone(),
                    x.main_pos().to_owned(),
                    x.count.to_string(),
                    fixed(s.per_10k(x.count), 3),
                    x.docs.to_string(),
                ]);
            }
        }
        t
    }

    /// `keywords.csv`: each document's TF-IDF keywords (IDF fitted on this
    /// corpus), then its TextRank keywords; columns id, rank, term, weight,
    /// method.
    pub fn keywords_table(&self) -> Table {
        let total = self.total();
        let mut t = Table::new(["id", "rank", "term", "weight", "method"]);
        for d in &self.docs {
            let k = keywords::tfidf(
                &d.stats.terms,
                &total.terms,
                total.documents,
                self.config.keywords,
            );
            for (i, k) in k.iter().enumerate() {
                t.push(vec![
                    d.id.clone(),
                    (i + 1).to_string(),
                    k.term.clone(),
                    fixed(k.weight, 6),
                    "tfidf".into(),
                ]);
            }
            if self.config.textrank {
                for (i, k) in d.textrank.iter().take(self.config.keywords).enumerate() {
                    t.push(vec![
                        d.id.clone(),
                        (i + 1).to_string(),
                        k.term.clone(),
                        fixed(k.weight, 6),
                        "textrank".into(),
                    ]);
                }
            }
        }
        t
    }

    /// `keyness.csv`: for each group, its terms' log-likelihood keyness
    /// against the rest of the corpus (signed G², p-value, Log Ratio).
    pub fn keyness_table(&self) -> Table {
        let groups = self.groups();
        let total = CorpusStats::sum(groups.iter().map(|g| &g.1));
        let mut t = Table::new([
            "group",
            "term",
            "pos",
            "count",
            "count_rest",
            "per_10k",
            "per_10k_rest",
            "g2",
            "p",
            "log_ratio",
        ]);
        if groups.len() < 2 {
            return t;
        }
        for (label, g) in &groups {
            let rest_tokens = total.tokens - g.tokens;
            for k in keyness_of(g, &total, &self.config) {
                let pos = g.terms.get(&k.term).map_or("", |x| x.main_pos()).to_owned();
                t.push(vec![
                    label.clone(),
                    k.term.clone(),
                    pos,
                    k.count.to_string(),
                    k.count_rest.to_string(),
                    fixed(g.per_10k(k.count), 3),
                    fixed(
                        if rest_tokens == 0 {
                            0.0
                        } else {
                            k.count_rest as f64 * 10_000.0 / rest_tokens as f64
                        },
                        3,
                    ),
                    fixed(k.g2, 3),
                    format!("{:.4e}", k.p),
                    fixed(k.log_ratio, 4),
                ]);
            }
        }
        t
    }

    /// The summary of [`groups`](Self::groups) as a Markdown table: the
    /// table `shuzhi corpus` prints.
    pub fn summary(&self) -> String {
        let mut out = String::from(
            "| group | documents | chars | achievement % | problem % | cause % | commitment % | figures /1000 chars | formulaic /1000 chars | mean score |\n\
             |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        );
        for (label, s) in self.groups() {
            let sh = s.shares();
            let label = if label.is_empty() {
                "(none)".to_owned()
            } else {
                label.replace('|', "\\|")
            };
            out.push_str(&format!(
                "| {label} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                s.documents,
                s.chars,
                fixed(sh.achievement * 100.0, 1),
                fixed(sh.problem * 100.0, 1),
                fixed(sh.cause * 100.0, 1),
                fixed(sh.commitment * 100.0, 1),
                fixed(s.figures_per_1000(), 2),
                fixed(s.formulaic_per_1000(), 2),
                fixed(s.mean_score(), 1),
            ));
        }
        out
    }

    /// Writes `documents.csv`, `groups.csv`, `terms.csv`, `keywords.csv`
    /// and, when grouping, `keyness.csv` into `dir` (created if needed),
    /// with a UTF-8 byte-order mark first when `bom` is set. Returns the
    /// paths written.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when the directory or a file cannot be written.
    pub fn write_tables(&self, dir: &Path, bom: bool) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::with_source(ErrorKind::Io, format!("cannot create {}", dir.display()), e)
        })?;
        let mut tables = vec![
            ("documents.csv", self.documents_table()),
            ("groups.csv", self.groups_table()),
            ("terms.csv", self.terms_table()),
            ("keywords.csv", self.keywords_table()),
        ];
        if self.config.group_by.is_some() {
            tables.push(("keyness.csv", self.keyness_table()));
        }
        let mut written = Vec::new();
        for (name, t) in tables {
            let p = dir.join(name);
            write_file(&p, |w| t.write_csv(w, bom))?;
            written.push(p);
        }
        Ok(written)
    }
}

fn keyness_of(g: &CorpusStats, total: &CorpusStats, cfg: &CorpusConfig) -> Vec<Keyness> {
    let c = g.tokens;
    let d = total.tokens.saturating_sub(g.tokens);
    let mut v: Vec<Keyness> = total
        .terms
        .iter()
        .filter(|(_, x)| x.count >= cfg.keyness_min_count)
        .filter_map(|(term, x)| {
            let a = g.terms.get(term).map_or(0, |t| t.count);
            let b = x.count.saturating_sub(a);
            let k = g2(a, b, c, d);
            let p = p_value(k);
            (p <= cfg.keyness_max_p).then(|| Keyness {
                term: term.clone(),
                count: a,
                count_rest: b,
                g2: k,
                p,
                log_ratio: keyness::log_ratio(a, b, c, d),
            })
        })
        .collect();
    v.sort_by(|x, y| y.g2.total_cmp(&x.g2).then(x.term.cmp(&y.term)));
    v
}

/// `sentences.csv` rows of one document (long format): id, index,
/// char_start, char_end, role, specific, text, heading. `specific` is
/// `true`/`false` for problem sentences and empty otherwise; `heading` is
/// `true` for a heading.
///
/// ```
/// use shuzhi::corpus::sentences_table;
/// let a = shuzhi::Analyzer::new().analyze("一、存在的问题\n基层党组织书记培训覆盖面不够广，3个村未开展。");
/// let t = sentences_table(std::slice::from_ref(&a));
/// assert_eq!(t.columns, ["id", "index", "char_start", "char_end", "role", "specific", "text", "heading"]);
/// assert_eq!(t.cells("heading"), ["true", "false"]);
/// assert_eq!(t.cells("role")[1], "problem");
/// ```
pub fn sentences_table(analyses: &[Analysis]) -> Table {
    let mut t = Table::new([
        "id",
        "index",
        "char_start",
        "char_end",
        "role",
        "specific",
        "text",
        "heading",
    ]);
    for a in analyses {
        let specific: BTreeMap<usize, bool> = a
            .problems
            .iter()
            .map(|p| (p.sentence, p.specific))
            .collect();
        for s in &a.sentences {
            t.push(vec![
                a.id.clone(),
                s.index.to_string(),
                s.char_span[0].to_string(),
                s.char_span[1].to_string(),
                s.role.map(|r| r.as_str().to_owned()).unwrap_or_default(),
                specific
                    .get(&s.index)
                    .map(|b| b.to_string())
                    .unwrap_or_default(),
                s.text.clone(),
                s.heading.to_string(),
            ]);
        }
    }
    t
}

/// Creates `path` and hands a buffered writer to `f`.
pub(crate) fn write_file(
    path: &Path,
    f: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let io = |e| Error::with_source(ErrorKind::Io, format!("cannot write {}", path.display()), e);
    let file = std::fs::File::create(path).map_err(io)?;
    let mut w = std::io::BufWriter::new(file);
    f(&mut w).map_err(io)?;
    std::io::Write::flush(&mut w).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_order_numbers_then_text_then_empty() {
        let mut v = vec!["", "b", "2000", "a", "1950", "990"];
        v.sort_by(|a, b| label_order(a, b));
        assert_eq!(v, ["990", "1950", "2000", "a", "b", ""]);
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn ok<T: Send + Sync>() {}
        ok::<CorpusCounter<'static>>();
        ok::<Corpus>();
        ok::<DocStats>();
        ok::<CategoryDict>();
    }
}
