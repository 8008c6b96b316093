//! Near-duplicate documents across a batch (see [`near_duplicates`]).

use crate::analysis::Analysis;
use crate::assess::{Flag, Severity};
use crate::config::Config;
use aho_corasick::AhoCorasick;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Characters in a shingle.
const SHINGLE: usize = 4;
/// Bins of a signature.
const BINS: usize = 256;
/// LSH bands (of `BINS / BANDS` bins each).
const BANDS: usize = 64;
const ROWS: usize = BINS / BANDS;
/// Documents with fewer normalised characters left than this get no
/// signature: too little text to call a copy.
const MIN_CHARS: usize = 50;
/// A formula line, or a line that can be the batch's boilerplate, is at
/// most this many normalised characters.
const FORMULA_MAX_CHARS: usize = 40;
/// Sentences shorter than this (normalised) carry nothing: 年月日, 一, 谢谢.
const MIN_LINE_CHARS: usize = 4;
/// Most near-duplicate flags on one document (the most similar first).
const MAX_FLAGS: usize = 10;
/// Lines counted exactly up to this many distinct ones (about 8 MB); past
/// it, the counter keeps the frequent ones (Misra–Gries).
const COUNTER_CAPACITY: usize = 1 << 18;

const FORMULA_FILE: &str = include_str!("../data/boilerplate.txt");

static FORMULA: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(crate::extract::cues::data_lines(FORMULA_FILE)).expect("formula phrases")
});

/// The letters of `line`, as the signatures read them.
fn normalise(line: &str, out: &mut String) {
    out.clear();
    for c in crate::normalize::simplified(line).chars() {
        let c = match c {
            '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        };
        if c.is_alphabetic() {
            out.push(c.to_ascii_lowercase());
        }
    }
}

/// A formula line (同志们, 以上报告请审议, 述职人：…: formula phrases make
/// up at least a third of a short line) or one too short to matter.
fn is_formula(norm: &str) -> bool {
    let n = norm.chars().count();
    if n < MIN_LINE_CHARS {
        return true;
    }
    if n > FORMULA_MAX_CHARS {
        return false;
    }
    let mut covered = 0;
    let mut end = 0;
    for m in FORMULA.find_overlapping_iter(norm) {
        covered += m.end().saturating_sub(m.start().max(end));
        end = end.max(m.end());
    }
    covered * 3 >= norm.len()
}

fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

fn hash_chars(chars: impl Iterator<Item = char>, seed: u64) -> u64 {
    let mut h = seed;
    for c in chars {
        h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

fn line_hash(norm: &str) -> u64 {
    hash_chars(norm.chars(), 0x9e37_79b9_7f4a_7c15)
}

/// The sentences of a document, as the near-duplicate search reads them.
fn lines_of(a: &Analysis) -> impl Iterator<Item = &str> {
    a.sentences.iter().map(|s| s.text.as_str())
}

/// The distinct short sentences (at most 40 characters) of one document,
/// hashed: what [`LineCounter`] counts. Small (8 bytes a sentence),
/// computed where the text is.
///
/// ```
/// use shuzhi::LineSet;
/// let s = LineSet::of(["同志们：", "全年召开党组会议24次。", "全年召开党组会议25次。"]);
/// assert_eq!(s.len(), 1); // the formula line left out, the two others alike
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineSet(Vec<u64>);

impl LineSet {
    /// The set of `lines` (sentences).
    pub fn of<'a>(lines: impl IntoIterator<Item = &'a str>) -> LineSet {
        let mut buf = String::new();
        let mut v: Vec<u64> = lines
            .into_iter()
            .filter_map(|l| {
                normalise(l, &mut buf);
                (!is_formula(&buf) && buf.chars().count() <= FORMULA_MAX_CHARS)
                    .then(|| line_hash(&buf))
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        LineSet(v)
    }

    /// The set of a document's sentences.
    pub fn of_analysis(a: &Analysis) -> LineSet {
        LineSet::of(lines_of(a))
    }

    /// Distinct sentences.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No sentence.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Counts in how many documents of a batch each sentence occurs, to find
/// the batch's boilerplate: the first of the two passes of a near-duplicate
/// search.
///
/// Exact up to 262,144 distinct sentences (a few thousand reports); past
/// that it keeps the frequent ones (Misra–Gries), whose counts are then low
/// by at most the number of sentences added divided by that capacity, so
/// that memory stays bounded for any corpus.
///
/// ```
/// use shuzhi::{Config, LineCounter, LineSet};
/// let mut c = LineCounter::new();
/// for town in ["东岭", "西岭", "南岭", "北岭", "中岭", "上岭"] {
///    let own = format!("{town}镇完成了自己的工作任务");
///    c.add(&LineSet::of(["坚持以人民为中心的发展思想", own.as_str()]));
/// }
/// let b = c.boilerplate(&Config::default());
/// assert_eq!(b.len(), 1); // the line all six share
/// ```
#[derive(Debug, Clone, Default)]
pub struct LineCounter {
    counts: HashMap<u64, u32>,
    docs: usize,
    added: u64,
}

impl LineCounter {
    /// An empty counter.
    pub fn new() -> LineCounter {
        LineCounter::default()
    }

    /// Counts one document.
    pub fn add(&mut self, lines: &LineSet) {
        self.docs += 1;
        for &h in &lines.0 {
            self.added += 1;
            if let Some(n) = self.counts.get_mut(&h) {
                *n += 1;
            } else if self.counts.len() < COUNTER_CAPACITY {
                self.counts.insert(h, 1);
            } else {
                // Misra–Gries: the newcomer and every kept line lose one.
                self.counts.retain(|_, n| {
                    *n -= 1;
                    *n > 0
                });
            }
        }
    }

    /// Documents counted.
    pub fn documents(&self) -> usize {
        self.docs
    }

    /// The sentences that occur in at least
    /// [`near_duplicate_boilerplate_docs`](Config::near_duplicate_boilerplate_docs)
    /// documents and at least
    /// [`near_duplicate_boilerplate_share`](Config::near_duplicate_boilerplate_share)
    /// of them.
    pub fn boilerplate(&self, cfg: &Config) -> Boilerplate {
        let share = cfg.near_duplicate_boilerplate_share * self.docs as f64;
        let min = (cfg.near_duplicate_boilerplate_docs.max(1) as f64).max(share.ceil());
        Boilerplate(
            self.counts
                .iter()
                .filter(|(_, &n)| f64::from(n) >= min)
                .map(|(&h, _)| h)
                .collect(),
        )
    }
}

/// The sentences a batch shares too widely to tell documents apart (see
/// [`LineCounter`]); the formula lines of `data/boilerplate.txt` are always
/// left out besides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boilerplate(HashSet<u64>);

impl Boilerplate {
    /// No batch boilerplate: only the formula lines are left out.
    pub fn none() -> Boilerplate {
        Boilerplate::default()
    }

    /// Sentences in the set.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A document's MinHash signature (256 values, 1 KiB).
///
/// ```
/// use shuzhi::{Boilerplate, Signature};
/// let a = "全县共排查各类安全隐患857处，已整改落实748处，整改率达87%。对剩余隐患逐一明确责任单位和整改时限，实行销号管理，确保年底前全部整改到位。";
/// let b = a.replace("857", "901");
/// let sa = Signature::of([a], &Boilerplate::none()).unwrap();
/// let sb = Signature::of([b.as_str()], &Boilerplate::none()).unwrap();
/// assert_eq!(sa.similarity(&sb), 1.0); // digits are not compared
/// assert!(Signature::of(["太短了。"], &Boilerplate::none()).is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(Box<[u32]>);

impl Signature {
    /// The signature of a document given as its sentences, leaving out
    /// formula lines and `boilerplate`; `None` when fewer than
    /// 50 characters are left.
    pub fn of<'a>(
        lines: impl IntoIterator<Item = &'a str>,
        boilerplate: &Boilerplate,
    ) -> Option<Signature> {
        let mut buf = String::new();
        let mut all: Vec<char> = Vec::new();
        let mut kept: Vec<char> = Vec::new();
        for l in lines {
            normalise(l, &mut buf);
            if is_formula(&buf) {
                continue;
            }
            all.extend(buf.chars());
            if !boilerplate.0.contains(&line_hash(&buf)) {
                kept.extend(buf.chars());
            }
        }
        // A document made mostly of the batch's common sentences keeps
        // them: a large group of identical copies still finds itself.
        let chars = if kept.len() * 10 < all.len() {
            all
        } else {
            kept
        };
        if chars.len() < MIN_CHARS {
            return None;
        }
        Some(Signature::of_chars(&chars))
    }

    /// The signature of a document's sentences (see [`of`](Self::of)).
    pub fn of_analysis(a: &Analysis, boilerplate: &Boilerplate) -> Option<Signature> {
        Signature::of(lines_of(a), boilerplate)
    }

    fn of_chars(chars: &[char]) -> Signature {
        const EMPTY: u32 = u32::MAX;
        let mut bins = vec![EMPTY; BINS];
        for w in chars.windows(SHINGLE.min(chars.len()).max(1)) {
            let h = hash_chars(w.iter().copied(), 0x243f_6a88_85a3_08d3);
            let bin = (h >> 56) as usize % BINS;
            let v = h as u32;
            if v < bins[bin] {
                bins[bin] = v;
            }
        }
        // Optimal densification: an empty bin takes the value of the first
        // filled bin on its own fixed pseudo-random probe sequence, the
        // same sequence for every document.
        let filled: Vec<bool> = bins.iter().map(|&v| v != EMPTY).collect();
        if filled.iter().any(|&f| f) {
            let orig = bins.clone();
            for i in 0..BINS {
                if filled[i] {
                    continue;
                }
                let mut attempt = 0u64;
                loop {
                    let j = (fmix((i as u64) << 32 | attempt) >> 56) as usize % BINS;
                    if filled[j] {
                        bins[i] = orig[j];
                        break;
                    }
                    attempt += 1;
                    if attempt > 4096 {
                        // Practically unreachable; stay deterministic.
                        let j = (i..BINS).chain(0..i).find(|&j| filled[j]).unwrap_or(i);
                        bins[i] = orig[j];
                        break;
                    }
                }
            }
        }
        Signature(bins.into_boxed_slice())
    }

    /// The estimated Jaccard index of the two documents' shingle sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        let same = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / BINS as f64
    }

    /// The estimated similarity (Dice coefficient: the share of their text
    /// the two documents have in common), from 0 to 1.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let j = self.jaccard(other);
        2.0 * j / (1.0 + j)
    }

    fn band_key(&self, band: usize) -> u64 {
        let mut h = band as u64;
        for &v in &self.0[band * ROWS..(band + 1) * ROWS] {
            h = fmix(h ^ u64::from(v)).wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
        h
    }

    fn band_eq(&self, other: &Signature, band: usize) -> bool {
        self.0[band * ROWS..(band + 1) * ROWS] == other.0[band * ROWS..(band + 1) * ROWS]
    }
}

/// The documents of a near-duplicate search, with their signatures: the
/// second pass. Documents pushed as references (last year's reports) are
/// compared with the others but not with each other, and get no flag.
///
/// ```
/// use shuzhi::{Boilerplate, NearDupIndex, Signature};
/// let text = "全县共排查各类安全隐患857处，已整改落实748处，整改率达87%。对剩余隐患逐一明确责任单位和整改时限，实行销号管理，确保年底前全部整改到位。";
/// let mut ix = NearDupIndex::new();
/// ix.push("2019/张三.txt", Signature::of([text], &Boilerplate::none()), true);
/// ix.push("2020/张三.txt", Signature::of([text.replace("2019", "2020").as_str()], &Boilerplate::none()), false);
/// let found = ix.find(0.8);
/// assert_eq!(found.pairs()[0].similarity, 1.0);
/// assert_eq!(found.flags(1)[0].other.as_deref(), Some("2019/张三.txt"));
/// assert!(found.flags(0).is_empty()); // references get no flag
/// ```
#[derive(Debug, Clone, Default)]
pub struct NearDupIndex {
    ids: Vec<String>,
    reference: Vec<bool>,
    sigs: Vec<Option<Signature>>,
}

impl NearDupIndex {
    /// An empty index.
    pub fn new() -> NearDupIndex {
        NearDupIndex::default()
    }

    /// Adds a document (with no signature when it is too short or could
    /// not be read: it then keeps its place and matches nothing); returns
    /// its index.
    pub fn push(
        &mut self,
        id: impl Into<String>,
        sig: Option<Signature>,
        reference: bool,
    ) -> usize {
        self.ids.push(id.into());
        self.reference.push(reference);
        self.sigs.push(sig);
        self.ids.len() - 1
    }

    /// Documents added.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Every pair at `threshold` similarity or more (not two references),
    /// ordered by the first document then the second.
    pub fn find(self, threshold: f64) -> NearDups {
        let docs: Vec<u32> = (0..self.sigs.len())
            .filter(|&i| self.sigs[i].is_some())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        let sig = |i: u32| self.sigs[i as usize].as_ref();
        let mut pairs = Vec::new();
        let mut keys: Vec<(u64, u32)> = Vec::with_capacity(docs.len());
        for band in 0..BANDS {
            keys.clear();
            keys.extend(
                docs.iter()
                    .filter_map(|&d| sig(d).map(|s| (s.band_key(band), d))),
            );
            keys.sort_unstable();
            let mut start = 0;
            while start < keys.len() {
                let mut end = start + 1;
                while end < keys.len() && keys[end].0 == keys[start].0 {
                    end += 1;
                }
                for x in start..end {
                    for y in x + 1..end {
                        let (a, b) = (keys[x].1, keys[y].1);
                        if self.reference[a as usize] && self.reference[b as usize] {
                            continue;
                        }
                        let (Some(sa), Some(sb)) = (sig(a), sig(b)) else {
                            continue;
                        };
                        // Counted once: in the first band where they meet.
                        if !sa.band_eq(sb, band) || (0..band).any(|e| sa.band_eq(sb, e)) {
                            continue;
                        }
                        let s = sa.similarity(sb);
                        if s >= threshold {
                            pairs.push(Pair {
                                a: a.min(b) as usize,
                                b: a.max(b) as usize,
                                similarity: (s * 1000.0).round() / 1000.0,
                            });
                        }
                    }
                }
                start = end;
            }
        }
        pairs.sort_by_key(|p| (p.a, p.b));
        NearDups {
            ids: self.ids,
            reference: self.reference,
            pairs,
        }
    }
}

/// Two documents found alike: indices into the [`NearDupIndex`] (`a < b`)
/// and the estimated similarity, rounded to three decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// The first document.
    pub a: usize,
    /// The second document.
    pub b: usize,
    /// Estimated similarity (Dice), 0 to 1.
    pub similarity: f64,
}

/// The pairs a search found, and the flags they put on each document.
#[derive(Debug, Clone, Default)]
pub struct NearDups {
    ids: Vec<String>,
    reference: Vec<bool>,
    pairs: Vec<Pair>,
}

impl NearDups {
    /// Documents in the search (references included).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the search had no document.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Every pair found.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// The id of document `i`.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i).map_or("", String::as_str)
    }

    /// Whether document `i` is a reference.
    pub fn is_reference(&self, i: usize) -> bool {
        self.reference.get(i).copied().unwrap_or(false)
    }

    /// The other documents like document `i`, the most similar first (at
    /// most 10); none for a reference.
    pub fn partners(&self, i: usize) -> Vec<(usize, f64)> {
        if self.is_reference(i) {
            return Vec::new();
        }
        let mut v: Vec<(usize, f64)> = self
            .pairs
            .iter()
            .filter_map(|p| {
                if p.a == i {
                    Some((p.b, p.similarity))
                } else if p.b == i {
                    Some((p.a, p.similarity))
                } else {
                    None
                }
            })
            .collect();
        v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        v.truncate(MAX_FLAGS);
        v
    }

    /// The `near_duplicate` flags of document `i`.
    pub fn flags(&self, i: usize) -> Vec<Flag> {
        self.partners(i)
            .into_iter()
            .map(|(j, s)| {
                let other = self.id(j).to_owned();
                let message = if self.is_reference(j) {
                    format!(
                        "与往年材料「{other}」高度相似（估计相似度{s:.2}），请核对是否照搬往年报告"
                    )
                } else {
                    format!(
                        "与「{other}」高度相似（估计相似度{s:.2}），请核对是否照搬往年或他人报告"
                    )
                };
                Flag {
                    code: "near_duplicate".into(),
                    severity: Severity::Warn,
                    message,
                    evidence: Vec::new(),
                    other: Some(other),
                    similarity: Some(s),
                }
            })
            .collect()
    }

    /// Adds the flags of document `i` to `a` (which should be that
    /// document; nothing happens when its id differs or it has no
    /// assessment).
    pub fn apply(&self, i: usize, a: &mut Analysis) {
        if self.id(i) != a.id {
            return;
        }
        if let Some(asm) = a.assessment.as_mut() {
            asm.flags.extend(self.flags(i));
        }
    }
}

/// Near-duplicate documents across a batch: MinHash signatures over
/// character shingles with LSH banding, so that 100,000 documents compare in
/// near-linear time rather than all pairs.
///
/// Reviewers catch copied reports by hand today: one district found 18 of
/// 216 reports were last year's text with the date changed, and two reports
/// "95% alike" (DOMAIN.md §4.1). This finds such pairs.
///
/// # What is compared
///
/// Each document is read as its sentences (headings included, web clutter
/// left out), each normalised to its letters: digits, punctuation and spaces
/// dropped (a report with only the year changed is still the same text),
/// traditional characters read as simplified, ASCII lower-cased. Shingles
/// are runs of 4 characters of that text.
///
/// Two kinds of sentence are left out first, so that what every report
/// shares never makes two different reports look alike:
///
/// - formula lines (同志们, 以上报告请审议, 谢谢大家, 述职人：…, titles):
///   sentences of at most 40 characters of which the phrases of
///   `data/boilerplate.txt` make up at least a third;
/// - short sentences (at most 40 characters) that recur in many documents
///   of the batch: in at least
///   [`Config::near_duplicate_boilerplate_docs`] documents and at least
///   [`Config::near_duplicate_boilerplate_share`] of them (a template's
///   headings, stock phrases, a site's page furniture). Counting them needs
///   one pass over the batch before the signatures ([`LineCounter`]).
///   Longer sentences always count, so a group of identical copies larger
///   than the cut-off still finds itself; a document left with too little
///   text keeps all its sentences.
///
/// # Similarity
///
/// The similarity of two documents is the Dice coefficient of their shingle
/// sets, 2|A∩B| / (|A| + |B|): the share of their text the two have in
/// common. A copy with 10% of its text rewritten scores about 0.9. It is
/// estimated from the Jaccard index J that the signatures estimate, as
/// 2J / (1 + J).
///
/// Signatures are one-permutation MinHash (256 bins of one 64-bit hash,
/// empty bins filled by optimal densification, Shrivastava 2017), 1 KiB per
/// document. LSH banding (64 bands of 4 bins)
/// makes a pair a candidate when one band matches: a pair at similarity 0.8
/// (J = 0.67) is missed with probability below 10⁻⁶, and a pair at 0.2 is
/// compared with probability 10⁻³. Only candidates are compared.
///
/// ```
/// use shuzhi::{near_duplicates, Analyzer, Config};
/// let an = Analyzer::new();
/// let a = "2019年，我局认真落实全面从严治党主体责任，全年召开党组会议24次，专题研究党建工作8次，\
///          开展廉政谈话56人次。深入推进扶贫领域作风问题专项治理，走访贫困户320户，\
///          帮助解决实际困难47个。完成老旧小区改造12个，新增停车位860个，群众满意度明显提高。";
/// let b = a.replace("2019", "2020").replace("320户", "330户");
/// let c = "今年以来，县教育局围绕办好人民满意的教育，新建改扩建中小学校舍5所，\
///          招聘特岗教师120名，全县义务教育巩固率达到98.6%。学前教育普惠率稳步提高，\
///          农村学校营养改善计划覆盖全部学生，校园安全隐患排查整改全部完成。";
/// let mut docs = vec![
///     an.analyze_document("2019", a),
///     an.analyze_document("2020", &b),
///     an.analyze_document("教育局", c),
/// ];
/// let found = near_duplicates(&mut docs, &Config::default());
/// assert_eq!(found.pairs().len(), 1);
/// let flag = docs[1].assessment.as_ref().unwrap().flags.iter()
///     .find(|f| f.code == "near_duplicate").unwrap();
/// assert_eq!(flag.other.as_deref(), Some("2019"));
/// assert!(flag.similarity.unwrap() > 0.9);
/// assert!(!docs[2].assessment.as_ref().unwrap().flags.iter().any(|f| f.code == "near_duplicate"));
/// ```
///
/// # This function
///
/// Finds the near-duplicates among `docs` (both passes, in memory) and
/// flags both documents of each pair; returns what was found, indexed like
/// `docs`. For a stream, run the two passes yourself with [`LineCounter`]
/// and [`NearDupIndex`].
pub fn near_duplicates(docs: &mut [Analysis], cfg: &Config) -> NearDups {
    let mut counter = LineCounter::new();
    for a in docs.iter() {
        counter.add(&LineSet::of_analysis(a));
    }
    let bp = counter.boilerplate(cfg);
    let mut ix = NearDupIndex::new();
    for a in docs.iter() {
        ix.push(a.id.clone(), Signature::of_analysis(a, &bp), false);
    }
    let found = ix.find(cfg.near_duplicate_threshold);
    for (i, a) in docs.iter_mut().enumerate() {
        found.apply(i, a);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_sorted_unique_normalised() {
        crate::extract::cues::assert_sorted_unique(FORMULA_FILE);
        let mut buf = String::new();
        for p in crate::extract::cues::data_lines(FORMULA_FILE) {
            normalise(p, &mut buf);
            assert_eq!(buf, p, "phrases are written in normalised form");
        }
    }

    #[test]
    fn formula_lines_and_short_lines() {
        let mut b = String::new();
        for l in [
            "同志们：",
            "以上报告，请审议。",
            "述职人：张三",
            "2020年12月",
            "谢谢大家！",
        ] {
            normalise(l, &mut b);
            assert!(is_formula(&b), "{l}");
        }
        normalise(
            "同志们，我们要以钉钉子精神抓好各项工作的落实，确保全年目标任务圆满完成。",
            &mut b,
        );
        assert!(!is_formula(&b));
    }

    #[test]
    fn boilerplate_shared_by_all_does_not_make_reports_alike() {
        // Short reports whose shared template outweighs their own text.
        let template = [
            "一、加强政治理论学习，提高思想政治素质",
            "二、认真履行岗位职责，扎实推进各项工作",
            "三、严格遵守廉洁自律各项规定",
            "四、存在的问题和不足",
            "五、下一步工作打算",
        ];
        let own = [
            "全年走访贫困户三百多户，帮助解决饮水难题，修通村组道路十二公里。新建村级活动场所两处，村集体经济收入全部超过五万元，驻村工作队实现全覆盖。",
            "牵头完成城区污水管网改造，新建泵站两座，整治黑臭水体五处。推行河长制巡河制度，主要河流断面水质稳定达到三类标准，城区空气优良天数增加。",
            "组织开展安全生产大检查，关停违规小作坊，事故起数明显下降。建立重点企业包保责任制，隐患整改实行清单化销号管理，全年未发生较大以上事故。",
            "推进学校标准化建设，招聘特岗教师，义务教育巩固率进一步提高。实施农村学校营养改善计划，校舍维修改造全部按期完工，高考本科上线人数创新高。",
            "抓好春耕备耕，推广水稻机插秧，粮食总产稳定在历史高位。发展设施农业和特色养殖，培育农民专业合作社二十余家，农村居民收入较快增长。",
            "完善网格化管理，化解信访积案，群众安全感满意度稳步提升。开展扫黑除恶专项斗争，打掉涉恶团伙，社会治安持续好转，刑事案件发案率连续三年下降。",
        ];
        let mut counter = LineCounter::new();
        let docs: Vec<Vec<&str>> = own
            .iter()
            .map(|o| {
                ["同志们："]
                    .into_iter()
                    .chain(template.iter().copied())
                    .chain([*o, "谢谢大家！"])
                    .collect()
            })
            .collect();
        for d in &docs {
            counter.add(&LineSet::of(d.iter().copied()));
        }
        let bp = counter.boilerplate(&Config::default());
        assert_eq!(bp.len(), template.len());
        // Without the batch's boilerplate these look alike …
        let raw: Vec<Signature> = docs
            .iter()
            .map(|d| Signature::of(d.iter().copied(), &Boilerplate::none()).unwrap())
            .collect();
        assert!(
            raw[0].similarity(&raw[1]) > 0.4,
            "{}",
            raw[0].similarity(&raw[1])
        );
        // … and not once the template is left out.
        let mut ix = NearDupIndex::new();
        for d in &docs {
            let sig = Signature::of(d.iter().copied(), &bp);
            assert!(sig.is_some());
            ix.push("d", sig, false);
        }
        assert!(ix.find(0.5).pairs().is_empty());
    }

    #[test]
    fn copies_in_a_group_larger_than_the_cutoff_still_match() {
        let text = [
            "今年以来，我始终把抓好党建作为最大的政绩，坚持每季度专题研究党建工作。",
            "全年开展主题党日活动十二次，发展党员五名，整顿软弱涣散村党组织两个。",
            "在脱贫攻坚中，带头联系帮扶贫困户，协调落实产业扶持资金八十万元。",
        ];
        let mut counter = LineCounter::new();
        for _ in 0..8 {
            counter.add(&LineSet::of(text));
        }
        let bp = counter.boilerplate(&Config::default());
        assert_eq!(bp.len(), 3);
        let mut ix = NearDupIndex::new();
        for i in 0..8 {
            ix.push(format!("{i}"), Signature::of(text, &bp), false);
        }
        assert_eq!(ix.find(0.8).pairs().len(), 28);
    }

    #[test]
    fn misra_gries_keeps_the_frequent_past_capacity() {
        let mut c = LineCounter::new();
        let common = LineSet(vec![1, 2]);
        for i in 0..(COUNTER_CAPACITY as u64 + 5000) {
            c.add(&LineSet(vec![1_000_000 + i]));
            if i % 100 == 0 {
                c.add(&common);
            }
        }
        assert!(c.counts.len() <= COUNTER_CAPACITY);
        let bp = c.boilerplate(&Config {
            near_duplicate_boilerplate_share: 0.0,
            near_duplicate_boilerplate_docs: 100,
            ..Config::default()
        });
        assert!(bp.0.contains(&1) && bp.0.contains(&2));
    }

    #[test]
    fn signatures_are_deterministic_and_tolerate_edits() {
        let base: String = crate::extract::cues::data_lines(FORMULA_FILE)
            .collect::<Vec<_>>()
            .join("");
        assert!(Signature::of([base.as_str()], &Boilerplate::none()).is_some());
        let a = "我们坚持稳中求进工作总基调，统筹推进疫情防控和经济社会发展，全年地区生产总值增长百分之六，一般公共预算收入增长百分之八，城乡居民收入持续增加，各项事业取得新进展。";
        let b = a.replace("城乡居民收入持续增加", "居民收入稳步增长");
        let sa = Signature::of([a], &Boilerplate::none()).unwrap();
        assert_eq!(sa, Signature::of([a], &Boilerplate::none()).unwrap());
        let sb = Signature::of([b.as_str()], &Boilerplate::none()).unwrap();
        let s = sa.similarity(&sb);
        assert!(s > 0.7 && s < 1.0, "{s}");
    }
}
