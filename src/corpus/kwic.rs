//! Keyword in context: concordance lines for a term.

use crate::normalize::simplified;
use crate::segment::Segmenter;

/// One concordance line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concordance {
    /// Characters before the match (line breaks shown as spaces).
    pub left: String,
    /// The match as written in the text (traditional characters stay).
    pub matched: String,
    /// Characters after the match.
    pub right: String,
    /// Char offset of the match in the text.
    pub char_start: usize,
    /// Byte span of the match in the text.
    pub span: [usize; 2],
}

/// Where matches may fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicMatch {
    /// Anywhere, as a substring (the default: 疫情 is found in 疫情防控).
    #[default]
    Substring,
    /// Only on the segmenter's word boundaries (疫情 is not found inside a
    /// one-word 疫情防控).
    Words,
}

/// Concordance lines for `term` in `text`, with `width` characters of
/// context on each side.
///
/// The term and the text are compared in their simplified-character view,
/// so 疫情 also finds 疫情 written in traditional characters; the lines show
/// the text as written. Matches do not overlap. With [`KwicMatch::Words`]
/// the segmenter decides the word boundaries.
///
/// ```
/// use shuzhi::corpus::{kwic, KwicMatch};
/// use shuzhi::Segmenter;
/// let seg = Segmenter::new();
/// let text = "统筹疫情防控和经济社会发展。\n疫情防控取得重大战略成果。";
/// let lines = kwic(&seg, text, "疫情", 4, KwicMatch::Substring);
/// assert_eq!(lines.len(), 2);
/// assert_eq!((lines[0].left.as_str(), lines[0].right.as_str()), ("统筹", "防控和经"));
/// assert_eq!(lines[1].left, "发展。 ");
/// assert_eq!(lines[1].char_start, 15);
/// ```
pub fn kwic(
    seg: &Segmenter,
    text: &str,
    term: &str,
    width: usize,
    mode: KwicMatch,
) -> Vec<Concordance> {
    let term = simplified(term);
    if term.is_empty() {
        return Vec::new();
    }
    let view = simplified(text);
    let bounds: Option<Vec<usize>> = (mode == KwicMatch::Words).then(|| {
        let toks = seg.tokens(&view);
        let mut b: Vec<usize> = toks.iter().map(|t| t.start).collect();
        b.push(view.len());
        b
    });
    let on = |i: usize| bounds.as_ref().is_none_or(|b| b.binary_search(&i).is_ok());
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    let mut out = Vec::new();
    let mut from = 0;
    let mut chars_before = 0;
    let mut counted_to = 0;
    while let Some(rel) = view.get(from..).and_then(|v| v.find(term.as_ref())) {
        let start = from + rel;
        let end = start + term.len();
        if !(on(start) && on(end)) {
            // Next char boundary after `start`.
            from = start + view[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        chars_before += text[counted_to..start].chars().count();
        counted_to = start;
        let left: String = {
            let mut v: Vec<char> = text[..start].chars().rev().take(width).collect();
            v.reverse();
            v.into_iter().collect()
        };
        let right: String = text[end..].chars().take(width).collect();
        out.push(Concordance {
            left: clean(&left),
            matched: text[start..end].to_owned(),
            right: clean(&right),
            char_start: chars_before,
            span: [start, end],
        });
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_mode_respects_segmentation_and_traditional_text_matches() {
        let seg = Segmenter::new();
        let text = "發展經濟，经济发展。";
        let any = kwic(&seg, text, "经济", 2, KwicMatch::Substring);
        assert_eq!(any.len(), 2);
        assert_eq!(any[0].matched, "經濟");
        assert_eq!(any[1].char_start, 5);
        assert!(kwic(&seg, "好处", "好", 2, KwicMatch::Words).is_empty());
        assert_eq!(kwic(&seg, "好处", "好", 2, KwicMatch::Substring).len(), 1);
        assert!(kwic(&seg, "abc", "", 2, KwicMatch::Words).is_empty());
    }
}
