//! Long runs of text cut at safe points, so that the segmenter and the
//! figure finder never see more than a bounded run at once.
//!
//! A real sentence is at most about 1.5 KB (the longest in the bulk corpus
//! is 1,503 bytes), but a paste without a single 。 or line break is one
//! sentence of any length. jieba's cost and several figure checks grow with
//! the run they are given, so a 3 MB sentence would cost far more than a
//! 3 MB report. Cutting such a sentence into runs of at most
//! [`Config::max_run_bytes`](crate::Config::max_run_bytes) keeps the cost
//! linear in the length of the text; sentences up to that length are left
//! whole, so ordinary text is analysed exactly as before.

use crate::extract::numeral::is_numeral_char;

/// The smallest run the cutter accepts: a smaller setting is raised to this.
pub(crate) const MIN_RUN_BYTES: usize = 64;

/// Whether a cut right after `c` is clean: after punctuation or whitespace
/// no word or number goes on.
fn ends_clause(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation() && !matches!(c, '.' | '%' | '-' | '/')
        || matches!(
            c,
            '，' | '、'
                | '：'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '【'
                | '】'
                | '\u{3000}'
        )
}

/// Whether a cut between `a` and `b` splits no number or Latin word.
fn between_words(a: char, b: char) -> bool {
    let joins = |c: char| c.is_alphanumeric() && (c.is_ascii() || is_numeral_char(c));
    !(joins(a) || joins(b) || is_numeral_char(a) || is_numeral_char(b))
}

/// Where to end a run of `text` starting at `start`, `start < text.len()`.
///
/// Looks back from `start + max` over the last half of the window, for a
/// cut after punctuation or whitespace first, then for one between two
/// characters that are not part of a number; failing both, the last char
/// boundary. The end is always a char boundary after `start`.
fn run_end(text: &str, start: usize, max: usize) -> usize {
    let hard = start.saturating_add(max);
    if hard >= text.len() {
        return text.len();
    }
    let mut end = hard;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end <= start {
        // A window smaller than one char: take the char.
        return text[start..]
            .chars()
            .next()
            .map_or(text.len(), |c| start + c.len_utf8());
    }
    let mut floor = start + (end - start) / 2;
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let window = &text[floor..end];
    let mut fallback = None;
    let mut next: Option<char> = text[end..].chars().next();
    for (i, c) in window.char_indices().rev() {
        let at = floor + i + c.len_utf8();
        if at <= start {
            break;
        }
        if ends_clause(c) {
            return at;
        }
        if fallback.is_none() && next.is_some_and(|n| between_words(c, n)) {
            fallback = Some(at);
        }
        next = Some(c);
    }
    fallback.unwrap_or(end)
}

/// The runs of `text`, as `(byte offset, run)`, each at most `max` bytes
/// (at least [`MIN_RUN_BYTES`]) unless a single char is longer. A text of
/// at most `max` bytes is one run. The runs cover the text in order.
pub(crate) fn runs(text: &str, max: usize) -> impl Iterator<Item = (usize, &str)> {
    let max = max.max(MIN_RUN_BYTES);
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = run_end(text, at, max);
        let run = (at, &text[at..end]);
        at = end;
        Some(run)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, max: usize) -> Vec<(usize, &str)> {
        let v: Vec<_> = runs(text, max).collect();
        let mut at = 0;
        for &(off, r) in &v {
            assert_eq!(off, at);
            assert!(!r.is_empty());
            assert!(r.len() <= max.max(MIN_RUN_BYTES) || r.chars().count() == 1);
            assert_eq!(&text[off..off + r.len()], r);
            at += r.len();
        }
        assert_eq!(at, text.len());
        v
    }

    #[test]
    fn short_text_is_one_run() {
        let t = "全州共排查各类公路安全隐患857处，已整改落实748处。";
        assert_eq!(check(t, 8192), [(0, t)]);
        assert!(check("", 8192).is_empty());
    }

    #[test]
    fn cuts_after_punctuation_first() {
        let t = "学习不够深入，".repeat(40);
        for (_, r) in check(&t, 100) {
            assert!(r.ends_with('，'), "{r}");
        }
    }

    #[test]
    fn never_splits_a_number_when_it_can_help_it() {
        let t = "全年排查隐患12345处整改".repeat(50);
        let v = check(&t, 100);
        assert!(v.len() > 1);
        for w in v.windows(2) {
            let a = w[0].1.chars().next_back().unwrap();
            let b = w[1].1.chars().next().unwrap();
            assert!(between_words(a, b), "{a}|{b}");
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_cover_any_text(text in "\\PC{0,400}|[述职1２三。，a ]{0,400}", max in 0usize..300) {
            check(&text, max);
        }
    }

    #[test]
    fn digits_only_and_tiny_limits() {
        check(&"8".repeat(1000), 100);
        check(&"述".repeat(1000), 0);
        check("😀😀😀", 1);
        check(&"a\u{301}".repeat(500), 70);
    }
}
