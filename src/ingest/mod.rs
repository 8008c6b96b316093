//! Ingest: bytes to text, file formats, size limits, web clutter and
//! compilations of several documents in one file. All I/O lives here.

mod clutter;
mod decode;
#[cfg(feature = "docx")]
mod docx;

pub use clutter::{ClutterKind, SetAside};
pub use decode::{decode, encoding_for_label, Decoded};

pub(crate) use clutter::{find as find_clutter, is_space, lines};

use crate::error::{Error, ErrorKind, Result};
use regex::Regex;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

/// Limits on what one document may cost.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub max_bytes: u64,
    #[cfg_attr(not(feature = "docx"), allow(dead_code))]
    pub max_docx_unpacked: u64,
}

/// The file formats that ingest tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Docx,
    Unsupported(&'static str),
}

fn sniff(bytes: &[u8], ext: Option<&str>) -> Format {
    let ext = ext.map(str::to_ascii_lowercase);
    if bytes.starts_with(b"%PDF") || ext.as_deref() == Some("pdf") {
        return Format::Unsupported("PDF");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Format::Unsupported(match ext.as_deref() {
            Some("wps") => "WPS (.wps)",
            Some("xls") | Some("et") => "Excel (.xls)",
            Some("ppt") => "PowerPoint (.ppt)",
            _ => "legacy Word (.doc)",
        });
    }
    match ext.as_deref() {
        Some("doc") => return Format::Unsupported("legacy Word (.doc)"),
        Some("wps") => return Format::Unsupported("WPS (.wps)"),
        Some("rtf") => return Format::Unsupported("RTF"),
        _ => {}
    }
    if bytes.starts_with(b"{\\rtf") {
        return Format::Unsupported("RTF");
    }
    if bytes.starts_with(b"PK\x03\x04") || ext.as_deref() == Some("docx") {
        return Format::Docx;
    }
    Format::Text
}

fn unsupported(what: &str) -> Error {
    Error::new(
        ErrorKind::UnsupportedFormat,
        format!("{what} files are not read: save the document as .docx or .txt (UTF-8 or GBK) and try again"),
    )
}

/// Turns the bytes of one file into text, by format.
pub(crate) fn bytes_to_text(
    bytes: &[u8],
    ext: Option<&str>,
    forced: Option<&'static encoding_rs::Encoding>,
    limits: Limits,
) -> Result<Decoded> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(too_large(limits.max_bytes));
    }
    match sniff(bytes, ext) {
        Format::Unsupported(what) => Err(unsupported(what)),
        Format::Docx => docx_text(bytes, limits),
        Format::Text => decode(bytes, forced),
    }
}

#[cfg(feature = "docx")]
fn docx_text(bytes: &[u8], limits: Limits) -> Result<Decoded> {
    let text = docx::extract(bytes, limits.max_docx_unpacked)?;
    Ok(Decoded {
        text,
        encoding: "docx",
        bom: false,
        replaced: 0,
    })
}

#[cfg(not(feature = "docx"))]
fn docx_text(_bytes: &[u8], _limits: Limits) -> Result<Decoded> {
    Err(Error::new(
        ErrorKind::UnsupportedFormat,
        ".docx support is not compiled in (enable the `docx` feature) or the file is a zip archive; save it as .txt",
    ))
}

pub(crate) fn too_large(max: u64) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        format!(
            "the document is larger than the limit of {max} bytes (Config::max_document_bytes)"
        ),
    )
}

/// Reads a file with the size limit enforced before reading the rest.
pub(crate) fn read_file(path: &Path, limits: Limits) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).map_err(|e| {
        Error::with_source(ErrorKind::Io, format!("cannot open {}", path.display()), e)
    })?;
    if let Ok(m) = f.metadata() {
        if m.len() > limits.max_bytes {
            return Err(too_large(limits.max_bytes));
        }
    }
    read_limited(f, limits.max_bytes).map_err(|e| {
        if e.kind() == ErrorKind::Io {
            Error::new(
                ErrorKind::Io,
                format!("cannot read {}: {e}", path.display()),
            )
        } else {
            e
        }
    })
}

/// Reads at most `max + 1` bytes: more than `max` is a `too_large` error,
/// without reading the rest into memory.
pub(crate) fn read_limited(r: impl Read, max: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(max.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(buf)
}

/// One document inside a decoded file: a byte range, and for compilations
/// its number and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub range: std::ops::Range<usize>,
    /// `Some(n)` when the file is a compilation (篇1, 篇2…).
    pub number: Option<usize>,
    /// The title given by the 篇N: line.
    pub title: Option<String>,
}

static PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s　]*篇\s*([0-9０-９一二三四五六七八九十]{1,3})\s*[:：、.．]\s*(.*?)[\s　]*$")
        .expect("valid regex")
});

/// Splits a compilation of several speeches marked 篇1/篇2/篇3 into parts.
/// A file without such marks is one part.
pub(crate) fn split_compilation(text: &str) -> Vec<Part> {
    let mut marks = Vec::new();
    for (s, e) in lines(text) {
        let line = &text[s..e];
        if line.len() > 400 || !line.trim_start_matches(is_space).starts_with('篇') {
            continue;
        }
        if let Some(c) = PIECE.captures(line) {
            let title = c
                .get(2)
                .map(|m| m.as_str().to_owned())
                .filter(|t| !t.is_empty());
            marks.push((s, title));
        }
    }
    if marks.is_empty() {
        return vec![Part {
            range: 0..text.len(),
            number: None,
            title: None,
        }];
    }
    let mut parts = Vec::new();
    let first = marks[0].0;
    if !text[..first].trim_matches(is_space).is_empty() {
        parts.push(Part {
            range: 0..first,
            number: Some(1),
            title: None,
        });
    }
    for (i, (start, title)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map_or(text.len(), |m| m.0);
        parts.push(Part {
            range: *start..end,
            number: None,
            title: title.clone(),
        });
    }
    if parts.len() == 1 {
        // A single 篇 mark is a title, not a compilation.
        return vec![Part {
            range: 0..text.len(),
            number: None,
            title: None,
        }];
    }
    for (i, p) in parts.iter_mut().enumerate() {
        p.number = Some(i + 1);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compilation_parts() {
        let t = "讲话稿\n今天开会。\n篇2:全市三季度讲评大会讲话稿\n同志们:\n篇3:述职评议会议讲话稿\n好。";
        let p = split_compilation(t);
        assert_eq!(p.len(), 3);
        assert_eq!(p[1].title.as_deref(), Some("全市三季度讲评大会讲话稿"));
        assert_eq!(p[2].number, Some(3));
        assert_eq!(p[0].range.end, p[1].range.start);
        assert_eq!(split_compilation("同志们：\n开会。").len(), 1);
    }

    #[test]
    fn formats() {
        let l = Limits {
            max_bytes: 1 << 20,
            max_docx_unpacked: 1 << 20,
        };
        let e = bytes_to_text(b"%PDF-1.4 ...", None, None, l).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnsupportedFormat);
        assert!(e.to_string().contains(".docx"));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(
            bytes_to_text(&ole, Some("doc"), None, l)
                .unwrap_err()
                .kind(),
            ErrorKind::UnsupportedFormat
        );
        let small = Limits {
            max_bytes: 4,
            max_docx_unpacked: 4,
        };
        assert_eq!(
            bytes_to_text("述职报告".as_bytes(), None, None, small)
                .unwrap_err()
                .kind(),
            ErrorKind::TooLarge
        );
    }

    #[test]
    fn limited_read() {
        assert_eq!(
            read_limited(&b"12345"[..], 4).unwrap_err().kind(),
            ErrorKind::TooLarge
        );
        assert_eq!(read_limited(&b"1234"[..], 4).unwrap(), b"1234");
    }
}
