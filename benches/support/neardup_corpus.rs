//! A near-duplicate test set generated from the real bulk corpus
//! (`corpora/bulk`), shared by `benches/dedup.rs` and `tests/dedup.rs`.
//!
//! - **Real pieces**: each bulk document's sentences (as the analyzer
//!   reads them) in runs of about 3,000 characters (at least 600): distinct
//!   real text.
//! - **Mixed documents**: sentences drawn at random from the whole corpus
//!   until about 3,000 characters: distinct documents on the same themes,
//!   to reach any number of documents.
//! - **Planted copies**: a copy of a real piece or a mixed document with
//!   2–10% of its characters edited: words replaced by words from
//!   elsewhere, sentences deleted or inserted, characters changed, years
//!   moved on (`edited / chars ≤ 0.10`, counted generously).
//!
//! Every document also gets the formula lines every report shares (an
//! opening, 根据组织安排…报告如下, a closing, 述职人：…), so that the test
//! also checks that boilerplate does not make documents look alike.

#![allow(dead_code)]

use std::path::PathBuf;

/// A small deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// The ids and texts of `corpora/bulk/*.jsonl`, in file order.
pub fn bulk_docs() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/bulk");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpora/bulk")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        for line in std::fs::read_to_string(&f).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            out.push((
                v["id"].as_str().unwrap_or_default().to_owned(),
                v["text"].as_str().unwrap_or_default().to_owned(),
            ));
        }
    }
    out
}

/// Documents of the bulk corpus that are the same text stored twice (a
/// 2020 speech with and without its news-agency dateline), as the
/// near-duplicate search finds them; every other pair of bulk documents is
/// below 0.66.
pub const KNOWN_DUPLICATES: [(&str, &str); 7] = [
    ("speech-2020-010", "speech-2020-030"),
    ("speech-2020-018", "speech-2020-054"),
    ("speech-2020-040", "speech-2020-041"),
    ("speech-2020-043", "speech-2020-045"),
    ("speech-2020-044", "speech-2020-046"),
    ("speech-2020-047", "speech-2020-048"),
    ("speech-2020-051", "speech-2020-052"),
];

/// What a document of the set is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A piece of a real document.
    Real,
    /// Sentences drawn from the whole corpus.
    Mixed,
    /// An edited copy of document `of`, with this share of its characters edited.
    Copy { of: usize, edited: f64 },
}

/// The generated set.
pub struct Set {
    /// Document texts.
    pub docs: Vec<String>,
    /// What each document is.
    pub kinds: Vec<Kind>,
    /// For a real piece (or a copy of one), the index of the bulk text it
    /// comes from; `usize::MAX` otherwise.
    pub source: Vec<usize>,
}

const OPENINGS: [&str; 3] = ["各位领导、同志们：", "尊敬的各位领导、同志们：", "同志们："];
const CLOSINGS: [&str; 3] = [
    "以上报告，不妥之处，请各位领导和同志们批评指正。谢谢大家！",
    "以上是我的述职报告，请予审议。",
    "以上报告，请审议。谢谢大家！",
];
const NAMES: [&str; 6] = ["张建国", "李红梅", "王志强", "刘晓东", "陈丽华", "杨文军"];

/// The sentences of `text` as the analyzer reads them (web clutter left out).
fn sentences(an: &shuzhi::Analyzer, text: &str) -> Vec<String> {
    an.outline(text)
        .sentences
        .into_iter()
        .map(|s| s.text)
        .filter(|t| t.chars().count() >= 8)
        // A licence footer line would set aside the rest of a mixed document.
        .filter(|t| !t.starts_with("本作品"))
        .collect()
}

/// Runs of whole sentences of about 3,000 characters (at least 600), one
/// sentence a line.
fn pieces(sentences: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for s in sentences {
        cur.push_str(s);
        cur.push('\n');
        if cur.chars().count() >= 3000 {
            out.push(std::mem::take(&mut cur));
        }
    }
    if cur.chars().count() >= 600 {
        out.push(cur);
    }
    out
}

fn dress(body: &str, rng: &mut Rng) -> String {
    format!(
        "{}\n根据组织安排，现将本人一年来的工作情况报告如下。\n{}{}\n述职人：{}\n",
        OPENINGS[rng.below(OPENINGS.len())],
        body,
        CLOSINGS[rng.below(CLOSINGS.len())],
        NAMES[rng.below(NAMES.len())]
    )
}

/// Edits `text` until about `rate` of its characters have changed;
/// returns the copy and the share actually edited.
pub fn mutate(text: &str, pool: &[String], rate: f64, rng: &mut Rng) -> (String, f64) {
    let mut lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let total: usize = lines.iter().map(Vec::len).sum::<usize>().max(1);
    let budget = (rate * total as f64) as usize;
    let mut edited = 0usize;
    // Years move on (digits are not compared, but count them anyway).
    for l in &mut lines {
        for i in 0..l.len().saturating_sub(3) {
            if l[i] == '2'
                && l[i + 1] == '0'
                && l[i + 2].is_ascii_digit()
                && l[i + 3].is_ascii_digit()
                && edited < budget
            {
                l[i + 3] = if l[i + 3] == '9' {
                    '0'
                } else {
                    char::from(l[i + 3] as u8 + 1)
                };
                edited += 1;
            }
        }
    }
    let mut guard = 0;
    while edited < budget && guard < 10_000 {
        guard += 1;
        let li = rng.below(lines.len());
        let op = rng.below(10);
        let donor: Vec<char> = pool[rng.below(pool.len())].chars().collect();
        if op < 5 {
            // Replace a word-sized span with one from elsewhere.
            let l = &mut lines[li];
            if l.len() < 8 || donor.len() < 8 {
                continue;
            }
            let n = 2 + rng.below(5);
            let at = rng.below(l.len() - n);
            let from = rng.below(donor.len() - n);
            if edited + n > budget {
                continue;
            }
            l.splice(at..at + n, donor[from..from + n].iter().copied());
            edited += n;
        } else if op < 7 {
            // Delete a sentence.
            let n = lines[li].len();
            if n == 0 || edited + n > budget || lines.len() < 4 {
                continue;
            }
            lines.remove(li);
            edited += n;
        } else if op < 9 {
            // Insert a sentence from elsewhere.
            let n = donor.len();
            if edited + n > budget {
                continue;
            }
            lines.insert(li, donor);
            edited += n;
        } else {
            // Change one character.
            let l = &mut lines[li];
            if l.is_empty() || donor.is_empty() || edited + 1 > budget {
                continue;
            }
            let at = rng.below(l.len());
            l[at] = donor[rng.below(donor.len())];
            edited += 1;
        }
    }
    let out: Vec<String> = lines.into_iter().map(|l| l.into_iter().collect()).collect();
    (out.join("\n") + "\n", edited as f64 / total as f64)
}

/// `n` documents, `copies` of them planted copies, from the bulk `texts`
/// (real pieces first, then mixed documents, then the copies).
pub fn generate(texts: &[String], n: usize, copies: usize, seed: u64) -> Set {
    let an = shuzhi::Analyzer::new();
    let mut rng = Rng::new(seed);
    let mut docs = Vec::new();
    let mut kinds = Vec::new();
    let mut source = Vec::new();
    let per_text: Vec<Vec<String>> = texts.iter().map(|t| sentences(&an, t)).collect();
    let pool: Vec<String> = per_text.iter().flatten().cloned().collect();
    for (i, ss) in per_text.iter().enumerate() {
        for p in pieces(ss) {
            if docs.len() + copies >= n {
                break;
            }
            docs.push(dress(&p, &mut rng));
            kinds.push(Kind::Real);
            source.push(i);
        }
    }
    while docs.len() + copies < n {
        let mut body = String::new();
        while body.chars().count() < 2000 + rng.below(2000) {
            body.push_str(&pool[rng.below(pool.len())]);
            body.push('\n');
        }
        docs.push(dress(&body, &mut rng));
        kinds.push(Kind::Mixed);
        source.push(usize::MAX);
    }
    let originals = docs.len();
    for _ in 0..copies {
        let of = rng.below(originals);
        let rate = 0.02 + 0.08 * (rng.below(1001) as f64 / 1000.0);
        let (copy, edited) = mutate(&docs[of], &pool, rate, &mut rng);
        docs.push(copy);
        kinds.push(Kind::Copy { of, edited });
        source.push(source[of]);
    }
    Set {
        docs,
        kinds,
        source,
    }
}
