//! Structure: title, sections, paragraphs and sentences with byte and char
//! spans, from decoded text. Knows nothing of roles.

mod heading;

pub(crate) use heading::{enumerator, heading_marker, MarkerType};

use crate::ingest::{is_space, lines, SetAside};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A section opened by a heading (一、… （一）… 1. … 第一部分 …).
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze("同志们：\n一、充分肯定成绩\n全年召开党委会12次。\n二、正视存在的问题\n学习不够深入。");
/// assert_eq!(a.sections.len(), 2);
/// assert_eq!(a.sections[1].heading, "二、正视存在的问题");
/// assert_eq!(a.sections[1].level, 1);
/// assert_eq!(a.sections[1].sentence_range, [3, 5]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Depth: 1 for the outermost kind of heading present, 2 for the next…
    pub level: u8,
    /// The heading text (for a run-in heading, its first sentence).
    pub heading: String,
    /// The heading marker (`一、`, `（二）`, `3.`…), if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub marker: Option<String>,
    /// Index of the heading sentence.
    pub heading_sentence: usize,
    /// Sentences `[start, end)` of the section, its heading and subsections included.
    pub sentence_range: [usize; 2],
    /// Byte span from the heading to the end of the section.
    pub span: Span,
    /// Char span from the heading to the end of the section.
    pub char_span: [usize; 2],
    /// Index of the enclosing section, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub parent: Option<usize>,
}

/// A paragraph: one line of the input with content.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze("同志们：\n今天开会。请大家发言。");
/// assert_eq!(a.paragraphs[1].sentence_range, [1, 3]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte span of the paragraph, trimmed of surrounding whitespace.
    pub span: Span,
    /// Char span of the paragraph.
    pub char_span: [usize; 2],
    /// Its sentences `[start, end)`.
    pub sentence_range: [usize; 2],
}

/// A sentence as `ANNOTATION.md` defines it: it ends at 。！？!?；; (with any
/// closing quote or bracket after the mark) or at a line break.
///
/// ```
/// use shuzhi::Analyzer;
/// let text = "一、主要成效\n一是排查隐患857处，已整改748处。二是开展培训12期。";
/// let a = Analyzer::new().analyze(text);
/// assert!(a.sentences[0].heading);
/// assert_eq!(a.sentences[1].item.as_deref(), Some("一是"));
/// assert_eq!(a.sentences[2].text, "二是开展培训12期。");
/// let s = &a.sentences[2];
/// assert_eq!(&text[s.span.start..s.span.end], s.text);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position in the document, from 0.
    pub index: usize,
    /// The sentence text exactly as it stands (trimmed of surrounding whitespace).
    pub text: String,
    /// Byte span into the decoded text.
    pub span: Span,
    /// Char span into the decoded text.
    pub char_span: [usize; 2],
    /// Whether this is a heading (a title line or a heading standing alone on its line).
    pub heading: bool,
    /// Index of the innermost section the sentence belongs to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub section: Option<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// An inline enumeration marker the sentence starts with (一是, 二要, 首先, 第三…).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub item: Option<String>,
    /// The sentence's role (set by the role classifier).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<crate::extract::Role>,
    /// The cues that decided the role.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cues: Option<Vec<String>>,
    /// Confidence of the role, 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub confidence: Option<f32>,
}

/// The outline of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outline {
    pub title: Option<String>,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Char count of the document range.
    pub chars: usize,
}

/// Converts increasing byte offsets to char offsets in one pass.
struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chr: usize,
}

impl<'t> CharCounter<'t> {
    fn new(text: &'t str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chr: 0,
        }
    }
    fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chr = 0;
        }
        let bytes = &self.text.as_bytes()[self.byte..b];
        // Count chars as bytes that are not UTF-8 continuation bytes.
        self.chr += bytes.iter().filter(|&&x| (x as i8) >= -0x40).count();
        self.byte = b;
        self.chr
    }
}

const TERMINATORS: [char; 7] = ['。', '！', '？', '!', '?', '；', ';'];
const CLOSERS: [char; 12] = [
    '”', '’', '」', '』', '》', '）', ')', '】', '"', '\'', '〕', '］',
];

/// Sentence pieces of one line segment: `(start, end)` byte offsets in `text`.
fn split_sentences(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &text[start..end];
    let mut s = 0;
    let mut it = seg.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if TERMINATORS.contains(&c) {
            let mut e = i + c.len_utf8();
            // Repeated marks (？！, 。。) and closing quotes/brackets stay with the sentence.
            while let Some(&(j, d)) = it.peek() {
                if CLOSERS.contains(&d) || TERMINATORS.contains(&d) {
                    e = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            push_trimmed(text, start + s, start + e, out);
            s = e;
        }
    }
    push_trimmed(text, start + s, end, out);
}

/// About how many sentences `text` splits into (at least as many as the
/// outline has, clutter aside), counted in one cheap pass: pieces that end
/// at a line break or at a group of sentence marks.
pub(crate) fn count_sentences(text: &str) -> usize {
    let (mut n, mut open, mut after_mark) = (0usize, false, false);
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            n += usize::from(open);
            (open, after_mark) = (false, false);
        } else if TERMINATORS.contains(&c) {
            n += usize::from(!after_mark);
            (open, after_mark) = (false, true);
        } else if after_mark && CLOSERS.contains(&c) {
            // A closing quote or bracket stays with its sentence.
            continue;
        } else if is_space(c) {
            after_mark = false;
        } else {
            (open, after_mark) = (true, false);
        }
    }
    n + usize::from(open)
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let t = piece.trim_start_matches(is_space);
    let s2 = s + piece.len() - t.len();
    let e2 = s2 + t.trim_end_matches(is_space).len();
    if s2 < e2 {
        out.push((s2, e2));
    }
}

fn ends_with_terminator(s: &str) -> bool {
    let t = s.trim_end_matches(|c| CLOSERS.contains(&c));
    t.ends_with(TERMINATORS)
}

fn is_salutation(s: &str) -> bool {
    s.ends_with('：') || s.ends_with(':') || s.starts_with("同志们") || s.starts_with("各位")
}

/// Builds the outline of `text[range]`, leaving out the set-aside clutter.
/// `chars_before` is the number of chars in `text[..range.start]`, which
/// the caller counts once for all the documents of a compilation.
pub(crate) fn outline(
    text: &str,
    range: std::ops::Range<usize>,
    chars_before: usize,
    clutter: &[SetAside],
    title_hint: Option<&str>,
) -> Outline {
    let mut out = Outline::default();
    let mut cc = CharCounter::new(text);
    cc.byte = range.start;
    cc.chr = chars_before;
    let doc_start_char = chars_before;
    let mut ci = 0; // index into clutter
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    // Open sections: stack of (section index, level).
    let mut stack: Vec<usize> = Vec::new();
    let mut seen_body = false;
    let mut marker_types: Vec<MarkerType> = Vec::new();
    let mut pending_sections: Vec<(usize, MarkerType, String, Option<String>)> = Vec::new();

    for (ls, le) in lines(&text[range.clone()]) {
        let (ls, le) = (ls + range.start, le + range.start);
        // Subtract clutter spans from the line.
        let mut segs = Vec::new();
        let mut cur = ls;
        while ci < clutter.len() && clutter[ci].span.end <= ls {
            ci += 1;
        }
        let mut k = ci;
        while k < clutter.len() && clutter[k].span.start < le {
            let c = clutter[k].span;
            if c.start > cur {
                segs.push((cur, c.start.min(le)));
            }
            cur = cur.max(c.end);
            if c.end > le {
                break;
            }
            k += 1;
        }
        if cur < le {
            segs.push((cur, le));
        }
        pieces.clear();
        for (s, e) in segs {
            split_sentences(text, s, e, &mut pieces);
        }
        if pieces.is_empty() {
            continue;
        }
        let para_index = out.paragraphs.len();
        let first_sentence = out.sentences.len();
        let line_text = &text[pieces[0].0..pieces[pieces.len() - 1].1];
        let alone = pieces.len() == 1;
        let marker = heading_marker(line_text);
        let nchars = line_text.chars().count();
        // Heading decision for the line.
        let mut heading = false;
        let mut is_title = false;
        if alone {
            if marker.is_some() {
                heading = nchars <= 80 || !ends_with_terminator(line_text) && nchars <= 120;
            } else if !seen_body
                && nchars <= 80
                && !ends_with_terminator(line_text)
                && !is_salutation(line_text)
            {
                // Front matter: title, subtitle, byline.
                heading = true;
                is_title = out.title.is_none();
            }
        }
        if title_hint.is_some() && out.sentences.is_empty() && alone {
            // The 篇N: line of a compilation.
            heading = true;
            is_title = false;
        }
        if is_title {
            out.title = Some(line_text.to_owned());
        }
        if !(heading && marker.is_none()) {
            seen_body = true;
        }
        // A marker at the start of the line opens a section (stand-alone or run-in).
        if let Some((mt, m)) = &marker {
            if heading || !alone || nchars > 80 {
                if !marker_types.contains(mt) {
                    marker_types.push(*mt);
                }
                let heading_text = text[pieces[0].0..pieces[0].1].to_owned();
                pending_sections.push((first_sentence, *mt, heading_text, Some(m.clone())));
            }
        }
        let pchar_s = cc.at(pieces[0].0);
        for (j, &(s, e)) in pieces.iter().enumerate() {
            let st = &text[s..e];
            let cs = cc.at(s);
            let ce = cs + st.chars().count();
            cc.byte = e;
            cc.chr = ce;
            let item = if j == 0 && marker.is_some() {
                None
            } else {
                enumerator(st)
            };
            out.sentences.push(Sentence {
                index: out.sentences.len(),
                text: st.to_owned(),
                span: Span::new(s, e),
                char_span: [cs, ce],
                heading: heading && j == 0,
                section: None,
                paragraph: para_index,
                item: item.map(str::to_owned),
                role: None,
                cues: None,
                confidence: None,
            });
        }
        let pe = pieces[pieces.len() - 1].1;
        out.paragraphs.push(Paragraph {
            span: Span::new(pieces[0].0, pe),
            char_span: [pchar_s, cc.at(pe)],
            sentence_range: [first_sentence, out.sentences.len()],
        });
    }
    if let Some(t) = title_hint {
        out.title = Some(t.to_owned());
    }
    out.chars = cc.at(range.end) - doc_start_char;
    // Levels: rank of the marker type among those present, in canonical order.
    marker_types.sort();
    let n = out.sentences.len();
    for (first, mt, heading, marker) in pending_sections {
        let level = marker_types.iter().position(|m| *m == mt).unwrap_or(0) as u8 + 1;
        while let Some(&top) = stack.last() {
            if out.sections[top].level >= level {
                stack.pop();
            } else {
                break;
            }
        }
        let parent = stack.last().copied();
        let idx = out.sections.len();
        let span_start = out.sentences[first].span.start;
        let cstart = out.sentences[first].char_span[0];
        out.sections.push(Section {
            level,
            heading,
            marker,
            heading_sentence: first,
            sentence_range: [first, n],
            span: Span::new(span_start, span_start),
            char_span: [cstart, cstart],
            parent,
        });
        stack.push(idx);
    }
    // Close sections: each ends where the next section of the same or a
    // higher level starts.
    let count = out.sections.len();
    for i in 0..count {
        let lvl = out.sections[i].level;
        let start = out.sections[i].sentence_range[0];
        let end = out.sections[i + 1..]
            .iter()
            .find(|s| s.level <= lvl)
            .map_or(n, |s| s.sentence_range[0]);
        let end = end.max(start + 1).min(n);
        out.sections[i].sentence_range[1] = end;
        let last = &out.sentences[end - 1];
        out.sections[i].span.end = last.span.end;
        out.sections[i].char_span[1] = last.char_span[1];
    }
    // Innermost section of each sentence.
    for i in 0..count {
        let [s, e] = out.sections[i].sentence_range;
        for sent in &mut out.sentences[s..e] {
            sent.section = Some(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ol(t: &str) -> Outline {
        outline(t, 0..t.len(), 0, &[], None)
    }

    #[test]
    fn sentences_split_and_closers() {
        let o = ol("他说：“要抓落实。”大家同意！是吗？好；\n下一行");
        let v: Vec<_> = o.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            v,
            [
                "他说：“要抓落实。”",
                "大家同意！",
                "是吗？",
                "好；",
                "下一行"
            ]
        );
    }

    #[test]
    fn title_headings_levels() {
        let t = "在述职评议会上的讲话\n同志们：\n一、成绩\n（一）党建\n全年开会12次。\n（二）业务\n完成任务。\n二、问题\n学习不够。";
        let o = ol(t);
        assert_eq!(o.title.as_deref(), Some("在述职评议会上的讲话"));
        assert!(o.sentences[0].heading);
        assert!(!o.sentences[1].heading);
        let lv: Vec<_> = o
            .sections
            .iter()
            .map(|s| (s.level, s.sentence_range))
            .collect();
        assert_eq!(lv, [(1, [2, 7]), (2, [3, 5]), (2, [5, 7]), (1, [7, 9])]);
        assert_eq!(o.sections[1].parent, Some(0));
        assert_eq!(o.sentences[4].section, Some(1));
    }

    #[test]
    fn sentence_count_bounds_the_outline() {
        for t in [
            "",
            "  \n\r\n",
            "他说：“要抓落实。”大家同意！是吗？好；\n下一行",
            "标题\r\n同志们：\r一是好。二是，坏。",
            "。。。 。\n？！”x",
            "好\n好\r\n好\r好",
        ] {
            let n = count_sentences(t);
            assert!(n >= ol(t).sentences.len(), "{t:?}");
            assert!(n <= ol(t).sentences.len() + 1, "{t:?}");
        }
        assert_eq!(count_sentences(&"好\n".repeat(1000)), 1000);
    }

    #[test]
    fn char_spans_match() {
        let t = "标题\r\n同志们：\r一是好。二是，坏。";
        let o = ol(t);
        for s in &o.sentences {
            assert_eq!(&t[s.span.range()], s.text);
            let cs: String = t
                .chars()
                .skip(s.char_span[0])
                .take(s.char_span[1] - s.char_span[0])
                .collect();
            assert_eq!(cs, s.text);
        }
        assert_eq!(o.sentences[2].item.as_deref(), Some("一是"));
    }
}
