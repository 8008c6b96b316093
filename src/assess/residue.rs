//! Template residue (XX, ××, 某某, 20__年, masked words) and stale
//! references to congresses, with their positions; formulaic density.

use crate::extract::Role;
use crate::span::Span;
use crate::structure::Sentence;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// What kind of residue.
///
/// ```
/// use shuzhi::{Analyzer, ResidueKind};
/// let a = Analyzer::new().analyze("20__年，我镇共发展党员xx名，某某村完成整顿。");
/// let kinds: Vec<ResidueKind> = a.assessment.unwrap().residue.iter().map(|r| r.kind).collect();
/// assert_eq!(kinds, [ResidueKind::Blank, ResidueKind::Placeholder, ResidueKind::Someone]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResidueKind {
    /// XX, xx, ××, x次, ** standing for a number or a name.
    Placeholder,
    /// 某某 standing for a name.
    Someone,
    /// 20__年, ____: blanks to fill in.
    Blank,
    /// Masked sensitive words of template sites: ZZ, XJP, X中央, X性修养, _总书记.
    Masked,
    /// A congress spoken of as current in a report dated after the next one.
    StaleReference,
}

/// One piece of template residue, with its position.
///
/// ```
/// use shuzhi::Analyzer;
/// let text = "坚持以XJP新时代中国特色社会主义思想为指导。";
/// let r = &Analyzer::new().analyze(text).assessment.unwrap().residue[0];
/// assert_eq!(r.text, "XJP");
/// assert_eq!(&text[r.span.range()], "XJP");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Residue {
    /// What it is.
    pub kind: ResidueKind,
    /// Its text.
    pub text: String,
    /// Byte span into the decoded text.
    pub span: Span,
    /// The sentence it is in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sentence: Option<usize>,
}

use crate::extract::data_lines as lines;

pub(crate) const RESIDUE_FILE: &str = include_str!("../../data/residue.txt");
pub(crate) const STALE_FILE: &str = include_str!("../../data/stale.txt");
pub(crate) const FORMULAIC_FILE: &str = include_str!("../../data/formulaic.txt");

static MASKED: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(lines(RESIDUE_FILE))
        .expect("residue lexicon compiles")
});
static FORMULAIC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(lines(FORMULAIC_FILE))
        .expect("formulaic lexicon compiles")
});
static CONGRESSES: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| {
    let mut v: Vec<(&'static str, u32)> = lines(STALE_FILE)
        .filter_map(|l| {
            let (n, y) = l.split_once('\t')?;
            Some((n, y.trim().parse().ok()?))
        })
        .collect();
    v.sort_by_key(|x| x.1);
    v
});

/// Placeholders: XX镇, xx个, ××名, x次, X月X日, **个; blanks 20__年 and ____.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<blank>(?:20|19)?[_＿]{2,}年?|[_＿]{3,})",
        r"|(?P<ph>(?:[xX×ｘＸ]{2,3}|[*＊]{2,3})\p{Han}{0,1}|[xX×ｘＸ*＊](?:次|个|名|人|项|件|年|月|日|万|元|%|户|家|期|场|篇|所|同志|书记|市|县|镇|乡|村))",
        r"|(?P<some>某某)"
    ))
    .expect("valid regex")
});

/// `t.contains(['x', 'X', '×', 'ｘ', 'Ｘ', '*', '＊', '_', '＿', '某'])`, by bytes:
/// in UTF-8 a lead byte and its continuation bytes name the character.
fn may_hold_placeholder(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'x' | b'X' | b'*' | b'_' => true,
        // ×
        0xc3 => b.get(i + 1) == Some(&0x97),
        // ｘ (EF BD 98); Ｘ, ＊, ＿ (EF BC B8, 8A, BF)
        0xef => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0xbd), Some(0x98)) | (Some(0xbc), Some(0xb8 | 0x8a | 0xbf))
        ),
        // 某
        0xe6 => b.get(i + 1) == Some(&0x9f) && b.get(i + 2) == Some(&0x90),
        _ => false,
    })
}

pub(crate) fn find(text: &str, sentences: &[Sentence], year: Option<u32>) -> Vec<Residue> {
    let mut out = Vec::new();
    for s in sentences {
        let t = &s.text;
        let base = s.span.start;
        if may_hold_placeholder(t) {
            for c in PLACEHOLDER.captures_iter(t) {
                let (kind, m) = if let Some(m) = c.name("blank") {
                    (ResidueKind::Blank, m)
                } else if let Some(m) = c.name("some") {
                    (ResidueKind::Someone, m)
                } else if let Some(m) = c.name("ph") {
                    // Latin words (XXL, Xbox) are not placeholders.
                    let before = t[..m.start()].chars().next_back();
                    let after = t[m.end()..].chars().next();
                    if before.is_some_and(|c| c.is_ascii_alphabetic())
                        || after.is_some_and(|c| c.is_ascii_alphabetic())
                    {
                        continue;
                    }
                    (ResidueKind::Placeholder, m)
                } else {
                    continue;
                };
                out.push(Residue {
                    kind,
                    text: m.as_str().to_owned(),
                    span: Span::new(base + m.start(), base + m.end()),
                    sentence: Some(s.index),
                });
            }
        }
        for m in MASKED.find_iter(t.as_str()) {
            out.push(Residue {
                kind: ResidueKind::Masked,
                text: t[m.start()..m.end()].to_owned(),
                span: Span::new(base + m.start(), base + m.end()),
                sentence: Some(s.index),
            });
        }
    }
    // Overlaps (XJP inside XX…) keep the first found.
    out.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    out.dedup_by(|b, a| b.span.start < a.span.end);
    if let Some(y) = year {
        stale(text, sentences, y, &mut out);
    }
    out
}

/// A congress spoken of as the one to study and carry out (学习贯彻党的十八大精神)
/// in a report whose dates are later than the next congress, which the
/// report never names.
fn stale(_text: &str, sentences: &[Sentence], year: u32, out: &mut Vec<Residue>) {
    let cs = &*CONGRESSES;
    let all: String = sentences.iter().map(|s| s.text.as_str()).collect();
    for (i, (name, _)) in cs.iter().enumerate() {
        let Some((next, next_year)) = cs.get(i + 1) else {
            continue;
        };
        if year <= *next_year || all.contains(next) {
            continue;
        }
        for s in sentences {
            if let Some(p) = s.text.find(name) {
                let after = &s.text[p + name.len()..];
                let before: Vec<char> = s.text[..p].chars().rev().take(8).collect();
                let tail: String = before.into_iter().rev().collect();
                // Spoken of as the line to study and carry out now:
                // 学习贯彻党的十八大精神, 十八大精神, 贯彻落实十八大部署.
                let current = after.starts_with("精神")
                    || after.starts_with("部署")
                    || ["学习", "贯彻", "落实", "宣传"]
                        .iter()
                        .any(|w| tail.contains(w));
                if !current || after.starts_with("以来") {
                    continue;
                }
                out.push(Residue {
                    kind: ResidueKind::StaleReference,
                    text: (*name).to_owned(),
                    span: Span::new(s.span.start + p, s.span.start + p + name.len()),
                    sentence: Some(s.index),
                });
            }
        }
    }
}

/// Formulaic density: stock-phrase characters, and 表态 commitments that
/// carry no measure.
pub(crate) struct Formulaic {
    pub chars: usize,
    pub empty_pledges: Vec<usize>,
}

pub(crate) fn formulaic(sentences: &[Sentence]) -> Formulaic {
    let mut chars = 0;
    let mut empty = Vec::new();
    for s in sentences.iter().filter(|s| !s.heading) {
        let mut n = 0;
        for m in FORMULAIC.find_iter(s.text.as_str()) {
            n += s.text[m.start()..m.end()].chars().count();
        }
        chars += n;
        // Only a commitment with stock phrases needs the measure test.
        if n > 0 && s.role == Some(Role::Commitment) {
            let has_measure = s.text.bytes().any(|b| b.is_ascii_digit())
                || s.text.contains("月底")
                || s.text.contains("年底");
            if !has_measure && s.text.chars().count() < 40 {
                empty.push(s.index);
            }
        }
    }
    Formulaic {
        chars,
        empty_pledges: empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_prefilter_is_the_character_test() {
        let chars = ['x', 'X', '×', 'ｘ', 'Ｘ', '*', '＊', '_', '＿', '某'];
        for t in [
            "XX镇",
            "共××名",
            "ｘ次",
            "Ｘ月",
            "＊＊个",
            "20＿＿年",
            "某某村",
            "a*b",
            "x_y",
            "全年召开党委会12次。",
            "（一）：，。",
            "ｙＹ＋－ÃÂ÷",
            "谋划",
            "",
        ] {
            assert_eq!(may_hold_placeholder(t), t.contains(chars), "{t}");
        }
    }

    #[test]
    fn data_files_sorted_unique() {
        for f in [RESIDUE_FILE, STALE_FILE, FORMULAIC_FILE] {
            crate::extract::assert_sorted_unique(f);
        }
        assert_eq!(CONGRESSES.len(), lines(STALE_FILE).count());
    }
}
