//! A normalised view of the text for matching and segmentation:
//! traditional characters read as simplified, char for char, so that the
//! cue lexicons, the domain dictionary and the figure rules also work on
//! the traditional-character texts that real corpora contain (the 1954–1988
//! government work reports of Wikisource). The view never moves an offset:
//! every pair maps characters of the same UTF-8 length.

use std::borrow::Cow;
use std::sync::LazyLock;

const T2S: &str = include_str!("../data/t2s.txt");

/// The pairs of `data/t2s.txt`, for lookups without hashing: a direct
/// table over the Basic Multilingual Plane and a sorted list for the rest.
struct Table {
    /// Simplified code point per BMP code point, 0 when there is none.
    bmp: Vec<u16>,
    /// Pairs outside the BMP, sorted by the traditional character.
    astral: Vec<(char, char)>,
    len: usize,
}

impl Table {
    #[inline]
    fn get(&self, c: char) -> Option<char> {
        let u = c as u32;
        if u < 0x1_0000 {
            let s = self.bmp[u as usize];
            return (s != 0).then(|| char::from_u32(u32::from(s))).flatten();
        }
        self.astral
            .binary_search_by_key(&c, |p| p.0)
            .ok()
            .map(|i| self.astral[i].1)
    }
}

static MAP: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        bmp: vec![0; 0x1_0000],
        astral: Vec::new(),
        len: 0,
    };
    let pairs = T2S.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut it = l.split('\t');
        let t = it.next()?.chars().next()?;
        let s = it.next()?.chars().next()?;
        (t.len_utf8() == s.len_utf8()).then_some((t, s))
    });
    for (tc, sc) in pairs {
        // Same UTF-8 length: a BMP character maps into the BMP.
        match u16::try_from(u32::from(tc)) {
            Ok(i) => {
                let slot = &mut t.bmp[usize::from(i)];
                if *slot == 0 {
                    t.len += 1;
                }
                *slot = sc as u32 as u16;
            }
            Err(_) => match t.astral.binary_search_by_key(&tc, |p| p.0) {
                Ok(at) => t.astral[at].1 = sc,
                Err(at) => {
                    t.astral.insert(at, (tc, sc));
                    t.len += 1;
                }
            },
        }
    }
    t
});

/// `s` with traditional characters replaced by simplified ones; borrowed
/// when there is nothing to replace. Byte offsets are unchanged.
pub(crate) fn simplified(s: &str) -> Cow<'_, str> {
    let map = &*MAP;
    match s.char_indices().find(|(_, c)| map.get(*c).is_some()) {
        None => Cow::Borrowed(s),
        Some((i, _)) => {
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..i]);
            out.extend(s[i..].chars().map(|c| map.get(c).unwrap_or(c)));
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
        assert_eq!(MAP.len, keys.len(), "every pair keeps the UTF-8 length");
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
