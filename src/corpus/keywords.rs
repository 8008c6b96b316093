//! Keywords: TF-IDF with the IDF fitted on the corpus itself, and TextRank.

use super::stats::TermStats;
use std::collections::{BTreeMap, HashMap};

/// One keyword of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The term.
    pub term: String,
    /// Its weight: TF-IDF, or the TextRank score scaled so the first is 1.
    pub weight: f64,
}

/// The `n` terms of a document with the highest TF-IDF: term frequency
/// (count over the document's counted terms) times the inverse document
/// frequency `ln((N + 1) / df)`, where `N` is the number of documents and
/// `df` the number holding the term. A term in every document keeps a small
/// weight (about `1/N`) instead of none, so a corpus of one document still
/// ranks its terms by frequency. Only terms of two characters or more whose
/// most frequent part of speech names something ([`nominal`]) take part:
/// the formulaic verbs (推进, 加强) are in every report and say little of
/// its topic. Ties go to the term that sorts first.
pub(crate) fn tfidf(
    doc: &BTreeMap<String, TermStats>,
    df: &BTreeMap<String, TermStats>,
    n_docs: u64,
    n: usize,
) -> Vec<Keyword> {
    let total: u64 = doc.values().map(|t| t.count).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut scored: Vec<Keyword> = doc
        .iter()
        .filter(|(t, s)| super::terms::is_keyword(t) && nominal(s.main_pos()))
        .map(|(t, s)| {
            let d = df.get(t).map_or(1, |x| x.docs).max(1);
            let idf = ((n_docs as f64 + 1.0) / d as f64).ln();
            Keyword {
                term: t.clone(),
                weight: s.count as f64 / total as f64 * idf,
            }
        })
        .collect();
    top(&mut scored, n);
    scored
}

/// Parts of speech that name a topic: nouns of every kind, verbal and
/// adjectival nouns (建设, 困难), abbreviations, idioms and fixed phrases
/// (the domain dictionary's terms), foreign words, and words without a tag.
pub(crate) fn nominal(pos: &str) -> bool {
    pos.is_empty() || pos.starts_with('n') || matches!(pos, "vn" | "an" | "j" | "l" | "i" | "eng")
}

fn top(v: &mut Vec<Keyword>, n: usize) {
    v.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.term.cmp(&b.term)));
    v.truncate(n);
}

/// Parts of speech that TextRank considers: nouns, verbs, idioms and fixed
/// phrases, abbreviations.
pub(crate) fn textrank_pos(pos: Option<&str>) -> bool {
    match pos {
        Some(p) => p.starts_with('n') || p.starts_with('v') || matches!(p, "l" | "i" | "j"),
        None => true,
    }
}

/// Builds the co-occurrence graph of one document sentence by sentence.
#[derive(Debug, Default)]
pub(crate) struct TextRank {
    ids: HashMap<String, usize>,
    names: Vec<String>,
    edges: BTreeMap<(usize, usize), f64>,
}

/// Candidates within this many words of each other are linked.
const WINDOW: usize = 5;

impl TextRank {
    /// Adds one sentence: its words in order, `None` for a word that is not
    /// a candidate (it still takes a place in the window).
    pub(crate) fn sentence(&mut self, words: &[Option<&str>]) {
        for (i, w) in words.iter().enumerate() {
            let Some(w) = w else { continue };
            let a = self.id(w);
            for v in words.iter().skip(i + 1).take(WINDOW - 1).flatten() {
                let b = self.id(v);
                if a != b {
                    *self.edges.entry((a.min(b), a.max(b))).or_insert(0.0) += 1.0;
                }
            }
        }
    }

    fn id(&mut self, w: &str) -> usize {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        let i = self.names.len();
        self.ids.insert(w.to_owned(), i);
        self.names.push(w.to_owned());
        i
    }

    /// The `n` best words by PageRank over the graph (damping 0.85, 20
    /// rounds), weights scaled so that the best is 1.
    pub(crate) fn keywords(self, n: usize) -> Vec<Keyword> {
        let k = self.names.len();
        if k == 0 || n == 0 {
            return Vec::new();
        }
        let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); k];
        let mut out = vec![0.0f64; k];
        for (&(a, b), &w) in &self.edges {
            adj[a].push((b, w));
            adj[b].push((a, w));
            out[a] += w;
            out[b] += w;
        }
        let mut ws = vec![1.0f64; k];
        for _ in 0..20 {
            let next: Vec<f64> = (0..k)
                .map(|i| {
                    let s: f64 = adj[i]
                        .iter()
                        .map(|&(j, w)| {
                            if out[j] > 0.0 {
                                w / out[j] * ws[j]
                            } else {
                                0.0
                            }
                        })
                        .sum();
                    0.15 + 0.85 * s
                })
                .collect();
            ws = next;
        }
        let max = ws.iter().copied().fold(0.0f64, f64::max);
        let mut v: Vec<Keyword> = self
            .names
            .into_iter()
            .zip(ws)
            .map(|(term, w)| Keyword {
                term,
                weight: if max > 0.0 { w / max } else { 0.0 },
            })
            .collect();
        top(&mut v, n);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(pairs: &[(&str, u64, u64)]) -> BTreeMap<String, TermStats> {
        pairs
            .iter()
            .map(|&(t, c, d)| {
                (
                    t.to_owned(),
                    TermStats {
                        count: c,
                        docs: d,
                        pos: Vec::new(),
                    },
                )
            })
            .collect()
    }

    #[test]
    fn rare_terms_beat_common_ones() {
        let mut doc = stats(&[("疫情", 5, 1), ("发展", 8, 1), ("党", 9, 1), ("推进", 9, 1)]);
        doc.get_mut("推进").unwrap().add_pos("v", 9);
        let df = stats(&[("疫情", 5, 1), ("发展", 80, 10), ("党", 9, 10)]);
        let k = tfidf(&doc, &df, 10, 5);
        let terms: Vec<&str> = k.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["疫情", "发展"], "single characters are no keywords");
    }

    #[test]
    fn textrank_favours_the_hub() {
        let mut tr = TextRank::default();
        tr.sentence(&[Some("改革"), Some("开放"), None, Some("改革")]);
        tr.sentence(&[Some("改革"), Some("创新")]);
        tr.sentence(&[Some("深化"), Some("改革")]);
        let k = tr.keywords(2);
        assert_eq!(k[0].term, "改革");
        assert!((k[0].weight - 1.0).abs() < 1e-12);
        assert!(k[1].weight < 1.0);
    }
}
