//! A normalised view of the text for matching and segmentation:
//! traditional characters read as simplified, char for char, so that the
//! cue lexicons, the domain dictionary and the figure rules also work on
//! the traditional-character texts that real corpora contain (the 1954–1988
//! government work reports of Wikisource). The view never moves an offset:
//! every pair maps characters of the same UTF-8 length.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

const T2S: &str = include_str!("../data/t2s.txt");

static MAP: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    T2S.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split('\t');
            let t = it.next()?.chars().next()?;
            let s = it.next()?.chars().next()?;
            (t.len_utf8() == s.len_utf8()).then_some((t, s))
        })
        .collect()
});

/// `s` with traditional characters replaced by simplified ones; borrowed
/// when there is nothing to replace. Byte offsets are unchanged.
pub(crate) fn simplified(s: &str) -> Cow<'_, str> {
    let map = &*MAP;
    match s.char_indices().find(|(_, c)| map.contains_key(c)) {
        None => Cow::Borrowed(s),
        Some((i, _)) => {
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..i]);
            out.extend(s[i..].chars().map(|c| map.get(&c).copied().unwrap_or(c)));
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_sorted_unique_same_length() {
        let keys: Vec<&str> = T2S
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').next().unwrap_or(""))
            .collect();
        assert!(keys.len() > 3000);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(MAP.len(), keys.len(), "every pair keeps the UTF-8 length");
    }

    #[test]
    fn traditional_reads_as_simplified_without_moving_offsets() {
        let t = "我們清醒地看到，工作中還存在不少缺點和錯誤。";
        let s = simplified(t);
        assert_eq!(s, "我们清醒地看到，工作中还存在不少缺点和错误。");
        assert_eq!(s.len(), t.len());
        assert!(matches!(simplified("存在的问题"), Cow::Borrowed(_)));
    }
}
