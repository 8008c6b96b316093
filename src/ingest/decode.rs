//! Bytes to text: BOMs, UTF-8, UTF-16, GB18030/GBK, binary detection.

use crate::error::{Error, ErrorKind, Result};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from bytes, with the encoding that was used.
///
/// ```
/// use shuzhi::decode;
/// // "述职报告" in GBK
/// let d = decode(&[0xca, 0xf6, 0xd6, 0xb0, 0xb1, 0xa8, 0xb8, 0xe6], None).unwrap();
/// assert_eq!(d.text, "述职报告");
/// assert_eq!(d.encoding, "gb18030");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text (without a byte-order mark).
    pub text: String,
    /// The encoding used: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`.
    pub encoding: &'static str,
    /// Whether the input began with a byte-order mark.
    pub bom: bool,
    /// How many malformed byte sequences were replaced with U+FFFD (a few
    /// stray bytes are tolerated; more make the input a decode error).
    pub replaced: usize,
}

/// Looks up an encoding by a user-facing label (`utf-8`, `gbk`, `gb18030`,
/// `utf-16le`, `big5`…), as `--encoding` takes it.
///
/// # Errors
///
/// [`ErrorKind::Config`] for a label that names no supported encoding.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| Error::new(ErrorKind::Config, format!("unknown encoding {label:?}")))
}

fn name_of(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "utf-8"
    } else if enc == UTF_16LE {
        "utf-16le"
    } else if enc == UTF_16BE {
        "utf-16be"
    } else if enc == GB18030 || enc == encoding_rs::GBK {
        "gb18030"
    } else if enc == encoding_rs::BIG5 {
        "big5"
    } else {
        // encoding_rs names are ASCII; lower-case for the record.
        match enc.name() {
            "Shift_JIS" => "shift_jis",
            "EUC-KR" => "euc-kr",
            "windows-1252" => "windows-1252",
            _ => "other",
        }
    }
}

/// At most this share of malformed sequences (per input byte) is repaired
/// with U+FFFD; above it, the input is a decode error.
const MAX_REPLACED_PER_MILLE: usize = 2;

fn tolerable(replaced: usize, len: usize) -> bool {
    replaced == 0 || replaced <= 3 || replaced * 1000 <= len * MAX_REPLACED_PER_MILLE
}

fn decode_with(bytes: &[u8], enc: &'static Encoding) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let mut replaced = 0;
    let mut src = bytes;
    loop {
        let (res, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        match res {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => {
                out.reserve(src.len() * 3 + 16);
            }
            encoding_rs::DecoderResult::Malformed(_, _) => {
                replaced += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, replaced)
}

/// Share of control bytes that marks binary data (per 1000 sampled bytes).
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if memchr::memchr(0, sample).is_some() {
        return true;
    }
    let ctrl = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    ctrl * 100 > sample.len().max(1)
}

/// `utf-16le` or `utf-16be` when `bytes` read as UTF-16 of that byte order
/// without a byte-order mark: they have NUL bytes (ASCII in UTF-16), and
/// nine in ten of the chars they decode to are printable ASCII, whitespace,
/// common Chinese characters or CJK punctuation.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls * 20 < sample.len() / 2 {
        return None;
    }
    [(UTF_16LE, "utf-16le"), (UTF_16BE, "utf-16be")]
        .into_iter()
        .find(|&(enc, _)| {
            let (text, _) = decode_with(sample, enc);
            let (mut good, mut total) = (0usize, 0usize);
            for c in text.chars() {
                total += 1;
                if c.is_ascii_graphic()
                    || c.is_whitespace()
                    || COMMON.contains(&c)
                    || ('\u{3000}'..='\u{303f}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)
                {
                    good += 1;
                }
            }
            good * 10 >= total * 9
        })
        .map(|(_, label)| label)
}

static COMMON: std::sync::LazyLock<std::collections::HashSet<char>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../data/common_hanzi.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.chars().next())
            .collect()
    });

/// Whether a decoded text reads as Chinese rather than as random bytes that
/// happen to decode: most Han characters are among the 2,500 most frequent
/// ones of real reports, and private-use characters are rare.
fn cjk_plausible(text: &str) -> bool {
    let mut han = 0usize;
    let mut common = 0usize;
    let mut pua = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(100_000) {
        total += 1;
        let u = c as u32;
        if (0x4E00..=0x9FFF).contains(&u) {
            han += 1;
            if COMMON.contains(&c) {
                common += 1;
            }
        } else if (0xE000..=0xF8FF).contains(&u) {
            pua += 1;
        }
    }
    pua * 100 <= total && (han == 0 || common * 2 >= han)
}

/// Decodes `bytes` into text.
///
/// With `forced` set, that encoding is used (a BOM still wins, as browsers
/// do). Otherwise: a UTF-8 or UTF-16 byte-order mark decides; then valid
/// UTF-8; then GB18030 (a superset of GBK and GB2312) when the bytes decode
/// cleanly as GB18030 into plausible Chinese, with chardetng consulted for
/// other legacy encodings. A few malformed sequences (a truncated last
/// character, stray bytes) are replaced with U+FFFD and counted.
///
/// # Errors
///
/// [`ErrorKind::Binary`] for data with NUL or many control bytes,
/// [`ErrorKind::Decode`] for bytes that are no text in any supported encoding.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, replaced) = decode_with(body, enc);
        if !tolerable(replaced, body.len()) {
            return Err(Error::new(
                ErrorKind::Decode,
                format!("{} malformed sequences in {} input", replaced, name_of(enc)),
            ));
        }
        return Ok(Decoded {
            text,
            encoding: name_of(enc),
            bom: true,
            replaced,
        });
    }
    if let Some(enc) = forced {
        let (text, replaced) = decode_with(bytes, enc);
        if !tolerable(replaced, bytes.len()) {
            return Err(Error::new(
                ErrorKind::Decode,
                format!(
                    "the input is not valid {} ({} malformed sequences)",
                    enc.name(),
                    replaced
                ),
            ));
        }
        return Ok(Decoded {
            text,
            encoding: name_of(enc),
            bom: false,
            replaced,
        });
    }
    if looks_binary(bytes) {
        if let Some(label) = utf16_without_bom(bytes) {
            return Err(Error::new(
                ErrorKind::Binary,
                format!(
                    "binary data (NUL bytes), or {label} text without a byte-order mark: \
                     pass --encoding {label} to read it as text"
                ),
            ));
        }
        return Err(Error::new(
            ErrorKind::Binary,
            "binary data (NUL or control bytes), not a text document",
        ));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_owned(),
            encoding: "utf-8",
            bom: false,
            replaced: 0,
        });
    }
    // Not valid UTF-8. Mostly valid UTF-8 with a few stray bytes stays UTF-8.
    let (utf8_text, utf8_bad) = decode_with(bytes, UTF_8);
    let (gb_text, gb_bad) = decode_with(bytes, GB18030);
    if gb_bad < utf8_bad && tolerable(gb_bad, bytes.len()) && cjk_plausible(&gb_text) {
        return Ok(Decoded {
            text: gb_text,
            encoding: "gb18030",
            bom: false,
            replaced: gb_bad,
        });
    }
    if tolerable(utf8_bad, bytes.len()) {
        return Ok(Decoded {
            text: utf8_text,
            encoding: "utf-8",
            bom: false,
            replaced: utf8_bad,
        });
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let guess = det.guess(None, true);
    if guess == encoding_rs::BIG5 {
        let (text, bad) = decode_with(bytes, guess);
        if tolerable(bad, bytes.len()) && cjk_plausible(&text) {
            return Ok(Decoded {
                text,
                encoding: "big5",
                bom: false,
                replaced: bad,
            });
        }
    }
    Err(Error::new(
        ErrorKind::Decode,
        format!(
            "not UTF-8, UTF-16 or GB18030/GBK text ({} bad UTF-8 sequences, {} bad GB18030 \
             sequences; chardetng guesses {}); pass --encoding to force one",
            utf8_bad,
            gb_bad,
            guess.name()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_plain() {
        let d = decode("\u{FEFF}同志们：".as_bytes(), None).unwrap();
        assert_eq!(d.text, "同志们：");
        assert!(d.bom);
        let d = decode("同志们：".as_bytes(), None).unwrap();
        assert_eq!((d.encoding, d.bom), ("utf-8", false));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "讲党课5.8万次".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().text, "讲党课5.8万次");
        assert_eq!(decode(&be, None).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn gbk_and_truncated_gbk() {
        let (bytes, _, _) = GB18030.encode("存在的问题和不足：学习不够深入。");
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text, "存在的问题和不足：学习不够深入。");
        let cut = &bytes[..bytes.len() - 1];
        let d = decode(cut, None).unwrap();
        assert_eq!(d.replaced, 1);
        assert!(d.text.starts_with("存在的问题和不足"));
    }

    #[test]
    fn binary_and_garbage() {
        assert_eq!(
            decode(b"\x00\x01PK\x03\x04", None).unwrap_err().kind(),
            ErrorKind::Binary
        );
        let garbage: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 97 + 0x80) as u8).collect();
        assert_eq!(
            decode(&garbage, None).unwrap_err().kind(),
            ErrorKind::Decode
        );
    }

    #[test]
    fn utf16_without_bom_is_named() {
        let text = "一、主要工作\n全年召开党委会12次。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let e = decode(&le, None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Binary);
        assert!(e.to_string().contains("--encoding utf-16le"), "{e}");
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(decode(&be, None)
            .unwrap_err()
            .to_string()
            .contains("utf-16be"));
        let forced = decode(&le, Some(UTF_16LE)).unwrap();
        assert_eq!(forced.text, text);
        assert!(!decode(&[0u8; 64], None)
            .unwrap_err()
            .to_string()
            .contains("utf-16"));
    }

    #[test]
    fn forced_encoding() {
        let (bytes, _, _) = GB18030.encode("整改措施");
        let enc = encoding_for_label("gbk").unwrap();
        assert_eq!(decode(&bytes, Some(enc)).unwrap().text, "整改措施");
        assert!(encoding_for_label("klingon").is_err());
    }
}
