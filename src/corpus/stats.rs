//! Totals that merge: the statistics of a corpus are the sum of the
//! statistics of its parts.

use crate::assess::Shares;
use std::collections::BTreeMap;
use std::ops::AddAssign;

/// Counts of one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermStats {
    /// Occurrences.
    pub count: u64,
    /// Documents it occurs in.
    pub docs: u64,
    /// Occurrences by part of speech (jieba's tags, `""` for none), sorted
    /// by tag.
    pub pos: Vec<(String, u64)>,
}

impl TermStats {
    /// The most frequent part of speech (the first tag on a tie).
    pub fn main_pos(&self) -> &str {
        let mut best: Option<&(String, u64)> = None;
        for p in &self.pos {
            if best.is_none_or(|b| p.1 > b.1) {
                best = Some(p);
            }
        }
        best.map_or("", |b| b.0.as_str())
    }

    pub(crate) fn add_pos(&mut self, tag: &str, n: u64) {
        match self.pos.binary_search_by(|p| p.0.as_str().cmp(tag)) {
            Ok(i) => self.pos[i].1 += n,
            Err(i) => self.pos.insert(i, (tag.to_owned(), n)),
        }
    }
}

impl AddAssign<&TermStats> for TermStats {
    fn add_assign(&mut self, o: &TermStats) {
        self.count += o.count;
        self.docs += o.docs;
        for (t, n) in &o.pos {
            self.add_pos(t, *n);
        }
    }
}

/// Statistics of a set of documents, all of them counts, so that they
/// merge exactly: the stats of two halves of a corpus added together
/// (`+=`) equal the stats of the whole, whatever the split and the order.
/// Rates (shares, per-1000 figures) are computed from the counts.
///
/// ```
/// use shuzhi::corpus::{CorpusCounter, CorpusStats};
/// use shuzhi::Analyzer;
/// let an = Analyzer::new();
/// let counter = CorpusCounter::new(&an);
/// let docs: Vec<_> = ["全年新增就业1100万人。", "疫情防控任务依然艰巨。", "要加强基层治理。"]
///     .iter()
///     .flat_map(|t| an.analyze_text("d", t))
///     .map(|a| counter.count(&a))
///     .collect();
/// let whole = CorpusStats::sum(docs.iter().map(|d| &d.stats));
/// let mut half = CorpusStats::sum(docs[..1].iter().map(|d| &d.stats));
/// half += &CorpusStats::sum(docs[1..].iter().map(|d| &d.stats));
/// assert_eq!(half, whole);
/// assert_eq!(whole.documents, 3);
/// assert_eq!(whole.terms["加强"].count, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Documents analysed.
    pub documents: u64,
    /// Documents that could not be read.
    pub errors: u64,
    /// Characters.
    pub chars: u64,
    /// Sentences, headings included.
    pub sentences: u64,
    /// Characters of non-heading sentences (what shares are shares of).
    pub body_chars: u64,
    /// Characters of non-heading sentences by role, in [`Role::ALL`](crate::Role::ALL) order.
    pub role_chars: [u64; 5],
    /// Non-heading sentences by role, in [`Role::ALL`](crate::Role::ALL) order.
    pub role_sentences: [u64; 5],
    /// Word tokens (punctuation and whitespace left out; stopwords and
    /// figures counted).
    pub tokens: u64,
    /// Real figures (every kind but ordinals and slogans).
    pub figures: u64,
    /// Characters of slogans and stock phrases (the numerator of the
    /// formulaic density).
    pub formulaic_chars: u64,
    /// Problem sentences.
    pub problems: u64,
    /// Problem sentences that name something specific.
    pub specific_problems: u64,
    /// Sum of the documents' scores.
    pub score_sum: u64,
    /// Documents flagged, by flag code.
    pub flags: BTreeMap<String, u64>,
    /// Term counts (stoplist applied; figures and numerals left out).
    pub terms: BTreeMap<String, TermStats>,
    /// Category dictionary counts, by column.
    pub categories: BTreeMap<String, u64>,
}

impl AddAssign<&CorpusStats> for CorpusStats {
    fn add_assign(&mut self, o: &CorpusStats) {
        self.documents += o.documents;
        self.errors += o.errors;
        self.chars += o.chars;
        self.sentences += o.sentences;
        self.body_chars += o.body_chars;
        for i in 0..5 {
            self.role_chars[i] += o.role_chars[i];
            self.role_sentences[i] += o.role_sentences[i];
        }
        self.tokens += o.tokens;
        self.figures += o.figures;
        self.formulaic_chars += o.formulaic_chars;
        self.problems += o.problems;
        self.specific_problems += o.specific_problems;
        self.score_sum += o.score_sum;
        for (k, v) in &o.flags {
            *self.flags.entry(k.clone()).or_insert(0) += v;
        }
        for (k, v) in &o.terms {
            match self.terms.get_mut(k) {
                Some(t) => *t += v,
                None => {
                    self.terms.insert(k.clone(), v.clone());
                }
            }
        }
        for (k, v) in &o.categories {
            *self.categories.entry(k.clone()).or_insert(0) += v;
        }
    }
}

impl CorpusStats {
    /// The sum of several stats.
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a CorpusStats>) -> CorpusStats {
        let mut t = CorpusStats::default();
        for p in parts {
            t += p;
        }
        t
    }

    /// Each role's share of the characters of non-heading sentences, pooled
    /// over the documents (a long document weighs more than a short one).
    pub fn shares(&self) -> Shares {
        let r = |i: usize| ratio(self.role_chars[i], self.body_chars);
        if self.body_chars == 0 {
            return Shares::default();
        }
        Shares {
            achievement: r(0),
            problem: r(1),
            cause: r(2),
            commitment: r(3),
            other: r(4),
        }
    }

    /// Real figures per 1000 characters.
    pub fn figures_per_1000(&self) -> f64 {
        ratio(self.figures, self.chars) * 1000.0
    }

    /// Slogan and stock-phrase characters per 1000 characters of
    /// non-heading sentences.
    pub fn formulaic_per_1000(&self) -> f64 {
        ratio(self.formulaic_chars, self.body_chars) * 1000.0
    }

    /// The mean score of the documents.
    pub fn mean_score(&self) -> f64 {
        ratio(self.score_sum, self.documents)
    }

    /// Occurrences of `term` per 10,000 word tokens.
    pub fn per_10k(&self, count: u64) -> f64 {
        ratio(count, self.tokens) * 10_000.0
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}
