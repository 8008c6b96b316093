//! Web-page clutter that comes with downloaded reports: promotional lines of
//! template sites, page chrome, photo captions, wire credits, licence footers.
//!
//! Clutter is set aside, never deleted: spans still index the original text.

use crate::span::Span;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;

/// What kind of clutter a set-aside span is.
///
/// ```
/// use shuzhi::{Analyzer, ClutterKind};
/// let a = Analyzer::new().analyze("来源：河北日报\n各位代表：\n现在，我代表省人民政府向大会报告工作。");
/// assert_eq!(a.set_aside[0].kind, ClutterKind::Chrome);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClutterKind {
    /// Template-site lines: 下面是小编为大家整理的…, 本文关键词/本文简介/本文内容.
    Promo,
    /// Links to other pages: 推荐访问, 相关阅读, 相关报道.
    Related,
    /// Page chrome: 下载, 打印, 字号, 来源：, 发布时间：, 关闭窗口.
    Chrome,
    /// Photo captions: …记者 某某 摄, 图为….
    Caption,
    /// Wire credits: （新华社北京5月9日电）, 新华社记者 某某.
    Credit,
    /// A licence or site footer at the end of the page (Wikisource).
    Footer,
}

/// A piece of the text kept out of the analysed sentences.
///
/// ```
/// use shuzhi::{Analyzer, ClutterKind};
/// let text = "下面是小编为大家整理的讲话稿，供大家参考。\n同志们：\n今天召开会议。";
/// let a = Analyzer::new().analyze(text);
/// assert_eq!(a.set_aside[0].kind, ClutterKind::Promo);
/// assert!(a.sentences.iter().all(|s| !s.text.contains("小编")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// The kind of clutter.
    pub kind: ClutterKind,
    /// Where it stands in the decoded text.
    pub span: Span,
    /// Its text (at most 200 chars, cut at a char boundary).
    pub text: String,
}

fn lexicon(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static LINES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("../../data/clutter_lines.txt")).collect());
static PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("../../data/clutter_prefixes.txt")).collect());

static META_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:来源|时间|发布时间|发表时间|发布日期|日期|作者|编辑|责任编辑|浏览次数|阅读量|点击数)\s*[:：].{0,40}|\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$",
    )
    .expect("valid regex")
});
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:供大家参考|欢迎阅读|仅供参考|希望对(?:你|您|大家)有所帮助|欢迎大家阅读|以供参考)[。！!.]?$")
        .expect("valid regex")
});
static PAGE_META: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"本文(?:关键词|简介|内容|标签)\s*[:：]").expect("valid regex"));
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:.{0,120}(?:记者|通讯员)\s*[^\s，。]{2,4}(?:\s+[^\s，。]{2,4})*\s*摄\s*$|(?:图为|图片来源|（图片来源|\(图片来源|资料图)[^。]{0,80}$)")
        .expect("valid regex")
});
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:新华社|人民网|新华网|中新社)记者\s*[^\s，。]{2,4}(?:[、\s]+[^\s，。]{2,4})*\s*$",
    )
    .expect("valid regex")
});
static CREDIT_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[（(]\s*)?据?(?:新华社|人民网|新华网|中新社|央视网|本报)[^（）()，。\s]{1,12}?\d{1,2}月\d{1,2}日电(?:\s*[（(]记者[^）)]{1,20}[）)])?(?:\s*[）)])?",
    )
    .expect("valid regex")
});
/// A photographer's credit inside running text: 新华社记者 鞠鹏/摄.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:新华社|人民日报|本报|中新社)?(?:特约)?记者\s*[^\s，。；、/]{2,4}(?:[、\s]+[^\s，。；、/]{2,4})*\s*/?\s*摄")
        .expect("valid regex")
});
/// The start of a news-photo caption: a date and a comma (2020年1月8日，).
static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}年\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?[，,]").expect("valid regex")
});

static PAPER_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《\s*人民日报\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d*\s*版\s*[）)]")
        .expect("valid regex")
});

fn push(out: &mut Vec<SetAside>, text: &str, kind: ClutterKind, start: usize, end: usize) {
    let s = &text[start..end];
    let cut = s.char_indices().nth(200).map_or(s.len(), |(i, _)| i);
    out.push(SetAside {
        kind,
        span: Span::new(start, end),
        text: s[..cut].to_owned(),
    });
}

/// Iterates over the lines of `text` as `(start, end)` byte ranges without
/// the line terminator (`\n`, `\r\n` or a lone `\r`).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > bytes.len() || (pos == bytes.len() && pos != 0) {
            return None;
        }
        let start = pos;
        match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(i) => {
                let end = pos + i;
                pos = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                Some((start, end))
            }
            None => {
                pos = bytes.len() + 1;
                Some((start, bytes.len()))
            }
        }
    })
}

fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let t = s.trim_start_matches(is_space);
    let start2 = start + (s.len() - t.len());
    let t2 = t.trim_end_matches(is_space);
    (start2, start2 + t2.len())
}

/// Whitespace as it appears in pasted Chinese documents, including the
/// ideographic space U+3000 and no-break spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}' || c == '\u{FEFF}' || c == '\u{200B}'
}

/// Finds clutter in `text[range]`. Spans are sorted and do not overlap.
pub(crate) fn find(text: &str, range: std::ops::Range<usize>) -> Vec<SetAside> {
    let mut out = Vec::new();
    let sub = &text[range.clone()];
    let base = range.start;
    // A Wikisource-style licence footer: from a line starting with 本作品 to the
    // end, when what follows speaks of the public domain.
    let footer_start = sub.match_indices("本作品").map(|(i, _)| i).find(|&i| {
        let line_start = sub[..i].trim_end_matches(is_space).is_empty()
            || sub[..i].ends_with('\n')
            || sub[..i].ends_with('\r');
        let rest = &sub[i..];
        line_start
            && rest.len() < 8192
            && (rest.contains("公有领域") || rest.contains("Public domain"))
    });
    let scan_end = footer_start.unwrap_or(sub.len());
    for (ls, le) in lines(&sub[..scan_end]) {
        let (s, e) = trim_span(sub, ls, le);
        if s >= e {
            continue;
        }
        let line = &sub[s..e];
        let nchars = line.chars().count();
        let kind = if LINES.contains(line) {
            Some(ClutterKind::Chrome)
        } else if nchars <= 200 && PAGE_META.is_match(line) {
            Some(ClutterKind::Promo)
        } else if nchars <= 120 && PREFIXES.iter().any(|p| line.starts_with(p)) {
            if line.starts_with("推荐")
                || line.starts_with("相关")
                || line.starts_with("延伸")
                || line.starts_with("猜你")
                || line.starts_with("热门")
                || line.starts_with("更多")
                || line.starts_with("上一篇")
                || line.starts_with("下一篇")
            {
                Some(ClutterKind::Related)
            } else if line.contains("小编") {
                Some(ClutterKind::Promo)
            } else {
                Some(ClutterKind::Chrome)
            }
        } else if nchars <= 150 && (line.contains("小编") || (PROMO.is_match(line) && nchars <= 80))
        {
            Some(ClutterKind::Promo)
        } else if nchars <= 60 && line.contains([':', '：', '-']) && META_LINE.is_match(line) {
            Some(ClutterKind::Chrome)
        } else if nchars <= 160
            && (line.contains('摄') || line.starts_with(['图', '（', '(', '资']))
            && CAPTION.is_match(line)
        {
            Some(ClutterKind::Caption)
        } else if nchars <= 40 && line.contains("记者") && CREDIT_LINE.is_match(line) {
            Some(ClutterKind::Credit)
        } else {
            None
        };
        if let Some(k) = kind {
            push(&mut out, text, k, base + s, base + e);
            continue;
        }
        // Inline wire and newspaper credits inside a body line.
        // A news photo inside a speech pasted as one line: its caption
        // (a dated sentence and a 这是… sentence) and the credit.
        if line.contains('摄') && line.contains("记者") {
            for m in PHOTO_CREDIT.find_iter(line) {
                let before = &line[..m.start()];
                let from = before.len().saturating_sub(600);
                let from = (from..=before.len())
                    .find(|&i| before.is_char_boundary(i))
                    .unwrap_or(0);
                let cap = CAPTION_START
                    .find_iter(&before[from..])
                    .map(|c| from + c.start())
                    .filter(|&c| before[c..].matches(['。', '！', '？']).count() <= 3)
                    .last();
                let (cs, kind) = match cap {
                    Some(c) => (c, ClutterKind::Caption),
                    None => (m.start(), ClutterKind::Credit),
                };
                let (ms, me) = trim_span(line, cs, m.end());
                if ms < me {
                    push(&mut out, text, kind, base + s + ms, base + s + me);
                }
            }
        }
        let credits = line.contains('电').then(|| CREDIT_INLINE.find_iter(line));
        let papers = line
            .contains("人民日报")
            .then(|| PAPER_CREDIT.find_iter(line));
        for m in credits
            .into_iter()
            .flatten()
            .chain(papers.into_iter().flatten())
        {
            // A credit stands at the start of a line, in brackets, or right
            // after a sentence's end, a closing bracket or a signature's date
            // (…2020年8月30日（新华社北京8月31日电）); inside running text
            // the same words are part of a sentence.
            let bracketed = m.as_str().starts_with(['（', '(', '《']);
            let after_break = line[..m.start()].chars().next_back().is_none_or(|c| {
                is_space(c) || matches!(c, '。' | '！' | '？' | '”' | '」' | '）' | ')' | '日')
            });
            if !(bracketed || after_break) {
                continue;
            }
            let (ms, me) = trim_span(line, m.start(), m.end());
            if ms < me {
                push(
                    &mut out,
                    text,
                    ClutterKind::Credit,
                    base + s + ms,
                    base + s + me,
                );
            }
        }
    }
    if footer_start.is_some() {
        let (s, e) = trim_span(sub, scan_end, sub.len());
        if s < e {
            push(&mut out, text, ClutterKind::Footer, base + s, base + e);
        }
    }
    out.sort_by_key(|c| c.span.start);
    out.dedup_by(|b, a| b.span.start < a.span.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ClutterKind, String)> {
        find(text, 0..text.len())
            .into_iter()
            .map(|c| (c.kind, c.text))
            .collect()
    }

    #[test]
    fn lexicons_sorted_unique() {
        for data in [
            include_str!("../../data/clutter_lines.txt"),
            include_str!("../../data/clutter_prefixes.txt"),
        ] {
            let v: Vec<_> = lexicon(data).collect();
            assert!(!v.is_empty());
            assert!(
                v.windows(2).all(|w| w[0] < w[1]),
                "not sorted/unique: {v:?}"
            );
        }
    }

    #[test]
    fn wire_credit_right_after_the_last_sentence() {
        let t = "谢谢。（新华社北京9月21日电）《 人民日报 》（ 2020年09月22日 02 版）";
        let k = kinds(t);
        assert_eq!(
            k,
            vec![
                (ClutterKind::Credit, "（新华社北京9月21日电）".to_owned()),
                (
                    ClutterKind::Credit,
                    "《 人民日报 》（ 2020年09月22日 02 版）".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn wire_credits_after_a_signature_and_glued_to_the_text() {
        // A letter's signature, the agency's credit, then the newspaper's
        // own credit glued to the first sentence of the news item.
        let t = "习近平2020年8月30日（新华社北京8月31日电）新华社北京8月31日电在密云水库建成60周年之际，习近平给乡亲们回信。";
        assert_eq!(
            kinds(t),
            vec![
                (ClutterKind::Credit, "（新华社北京8月31日电）".to_owned()),
                (ClutterKind::Credit, "新华社北京8月31日电".to_owned()),
            ]
        );
        let t = "党和人民感谢你们！（据新华社合肥8月21日电习近平在安徽考察时强调";
        assert_eq!(
            kinds(t),
            vec![(ClutterKind::Credit, "（据新华社合肥8月21日电".to_owned())]
        );
        // Inside running text the same words are part of the sentence.
        assert!(kinds("他说本报北京8月17日电的消息属实。").is_empty());
    }

    #[test]
    fn promo_and_page_meta() {
        let t = "下面是小编为大家整理的在全市会上讲话(完整),供大家参考。\n同志们:\n讲话稿 本文关键词:全州,工作会议\n讲话稿 本文内容:\n正文。";
        let k = kinds(t);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(k.iter().all(|(k, _)| *k == ClutterKind::Promo));
    }

    #[test]
    fn chrome_caption_credit_footer() {
        let t = "下载\n打印\n【字号：\n来源：河北日报\n时间：2026-02-02\n王正谱作政府工作报告。本报记者 霍艳恩摄\n各位代表：\n（新华社北京5月9日电）今天召开会议。\n相关报道：\n\n本作品是中华人民共和国的\n法律\n属于\n公有领域\n。\nPublic domain\nfalse\n";
        let k = kinds(t);
        let ks: Vec<_> = k.iter().map(|(k, _)| *k).collect();
        assert!(ks.contains(&ClutterKind::Caption), "{k:?}");
        assert!(ks.contains(&ClutterKind::Credit), "{k:?}");
        assert!(ks.contains(&ClutterKind::Footer), "{k:?}");
        assert!(ks.contains(&ClutterKind::Related), "{k:?}");
        assert!(!k.iter().any(|(_, t)| t.contains("各位代表")));
        assert!(!k.iter().any(|(_, t)| t.contains("今天召开会议")));
    }

    #[test]
    fn inline_news_photo_captions() {
        let t = "精神之钙更加充足。2020年1月8日，主题教育总结大会在北京召开。习近平出席会议并发表重要讲话。 新华社记者 鞠鹏/摄三是各级党组织干事创业。";
        let k = kinds(t);
        assert_eq!(k.len(), 1, "{k:?}");
        assert_eq!(k[0].0, ClutterKind::Caption);
        assert!(k[0].1.starts_with("2020年1月8日"));
        assert!(k[0].1.ends_with("摄"));
    }

    #[test]
    fn body_lines_are_not_clutter() {
        let t = "同志们:\n这次会议，主要是部署工作，供大家讨论。\n全州共排查各类公路安全隐患857处，已整改落实748处。";
        assert!(kinds(t).is_empty(), "{:?}", kinds(t));
    }

    #[test]
    fn lines_handle_crlf_and_cr() {
        let t = "a\r\nb\rc\nd";
        let v: Vec<_> = lines(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(v, ["a", "b", "c", "d"]);
    }
}
