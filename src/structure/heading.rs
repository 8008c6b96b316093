//! Heading markers and inline enumerations.

use regex::Regex;
use std::sync::LazyLock;

/// Kinds of heading marker, in canonical outline order (outermost first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MarkerType {
    /// 第一部分, 第一章, 第一篇
    Part,
    /// 一、
    Chinese,
    /// （一） (一)
    ParenChinese,
    /// 第一，
    Ordinal,
    /// 1. 1、 1．
    Number,
    /// （1） (1)
    ParenNumber,
    /// ① ②
    Circled,
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"(?P<part>第[一二三四五六七八九十百]{1,3}(?:部分|章|篇))",
        r"|(?P<cn>[一二三四五六七八九十]{1,3}\s*[、．.])",
        r"|(?P<pcn>[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])",
        r"|(?P<ord>第[一二三四五六七八九十]{1,3}\s*[，,、：:])",
        r"|(?P<num>[0-9０-９]{1,2}\s*[、．.](?:[^0-9０-９]|$))",
        r"|(?P<pnum>[（(]\s*[0-9０-９]{1,2}\s*[）)])",
        r"|(?P<circ>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])",
        r")"
    ))
    .expect("valid regex")
});

/// The heading marker a line starts with, and its type.
pub(crate) fn heading_marker(line: &str) -> Option<(MarkerType, String)> {
    let c = MARKER.captures(line)?;
    let (t, m) = if let Some(m) = c.name("part") {
        (MarkerType::Part, m)
    } else if let Some(m) = c.name("cn") {
        (MarkerType::Chinese, m)
    } else if let Some(m) = c.name("pcn") {
        (MarkerType::ParenChinese, m)
    } else if let Some(m) = c.name("ord") {
        (MarkerType::Ordinal, m)
    } else if let Some(m) = c.name("num") {
        // The lookahead char is not part of the marker.
        let s = m.as_str();
        let end = s
            .char_indices()
            .find(|(_, ch)| matches!(ch, '、' | '．' | '.'))
            .map_or(s.len(), |(i, ch)| i + ch.len_utf8());
        return Some((MarkerType::Number, s[..end].to_owned()));
    } else if let Some(m) = c.name("pnum") {
        (MarkerType::ParenNumber, m)
    } else {
        (MarkerType::Circled, c.name("circ")?)
    };
    Some((t, m.as_str().to_owned()))
}

static ENUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,2}(?:是|要|则|来|方面)|首先|其次|再次|其三|其四|最后|第[一二三四五六七八九十]{1,2}(?:[，,、]|是|要)|另一方面|一方面)")
        .expect("valid regex")
});

/// The inline enumeration marker a sentence starts with (一是, 二要, 首先…).
pub(crate) fn enumerator(sentence: &str) -> Option<&str> {
    let m = ENUM.find(sentence)?;
    let s = m.as_str().trim_end_matches(['，', ',', '、']);
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        let t = heading_marker;
        assert_eq!(
            t("一、提高政治责任意识"),
            Some((MarkerType::Chinese, "一、".into()))
        );
        assert_eq!(
            t("（二）开拓创新意识不够强").unwrap().0,
            MarkerType::ParenChinese
        );
        assert_eq!(t("1.加强学习").unwrap(), (MarkerType::Number, "1.".into()));
        assert_eq!(t("1.5万人参加"), None);
        assert_eq!(t("第三部分 下一步打算").unwrap().0, MarkerType::Part);
        assert_eq!(t("第一，要提高认识").unwrap().0, MarkerType::Ordinal);
        assert_eq!(t("一是定标立标。"), None);
        assert_eq!(t("2019年，全市"), None);
    }

    #[test]
    fn enumerators() {
        assert_eq!(enumerator("一是定标立标。"), Some("一是"));
        assert_eq!(enumerator("二要深入开展"), Some("二要"));
        assert_eq!(enumerator("首先要下功夫"), Some("首先"));
        assert_eq!(enumerator("第三，加强"), Some("第三"));
        assert_eq!(enumerator("一定要抓好"), None);
    }
}
