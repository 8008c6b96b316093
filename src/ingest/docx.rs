//! `.docx` paragraphs in document order, table cells included (zip + quick-xml).

use crate::error::{Error, ErrorKind, Result};
use quick_xml::events::Event;
use std::io::{Cursor, Read};

fn docx_err(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Docx, msg)
}

/// Extracts the text of `word/document.xml`: one line per paragraph (`w:p`),
/// tabs for `w:tab`, line breaks for `w:br`; table cells are paragraphs too,
/// so they come out in reading order.
///
/// At most `max_unpacked` bytes are decompressed, whatever the zip headers
/// claim, so a zip bomb ends as an error in bounded memory and time.
pub(crate) fn extract(bytes: &[u8], max_unpacked: u64) -> Result<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Error::with_source(ErrorKind::Docx, "not a readable .docx (zip) file", e))?;
    let mut entry = zip.by_name("word/document.xml").map_err(|_| {
        docx_err("the zip file has no word/document.xml: not a Word .docx document")
    })?;
    let mut xml = Vec::new();
    let read = (&mut entry)
        .take(max_unpacked.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|e| Error::with_source(ErrorKind::Docx, "cannot unpack word/document.xml", e))?;
    if read as u64 > max_unpacked {
        return Err(docx_err(format!(
            "word/document.xml unpacks to more than {max_unpacked} bytes (zip bomb or oversized document)"
        )));
    }
    drop(entry);
    xml_text(&xml)
}

fn xml_text(xml: &[u8]) -> Result<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = String::new();
    let mut in_text = false;
    let mut para_has_text = false;
    let mut buf = Vec::new();
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| Error::with_source(ErrorKind::Docx, "malformed word/document.xml", e))?;
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"p" => para_has_text = false,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    out.push('\n');
                    let _ = para_has_text;
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t.unescape().map_err(|e| {
                    Error::with_source(ErrorKind::Docx, "bad text in document.xml", e)
                })?;
                out.push_str(&s);
                para_has_text = true;
            }
            Event::CData(t) if in_text => {
                out.push_str(&String::from_utf8_lossy(&t));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx with the given paragraphs and one table.
    pub(crate) fn make_docx(paras: &[&str], cells: &[&str]) -> Vec<u8> {
        let mut body = String::new();
        for p in paras {
            body.push_str(&format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"
            ));
        }
        if !cells.is_empty() {
            body.push_str("<w:tbl><w:tr>");
            for c in cells {
                body.push_str(&format!(
                    "<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"
                ));
            }
            body.push_str("</w:tr></w:tbl>");
        }
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn paragraphs_and_cells_in_order() {
        let d = make_docx(
            &["述职报告", "一、主要成效", "全年召开党委会12次。"],
            &["问题", "整改时限"],
        );
        let t = extract(&d, 1 << 20).unwrap();
        assert_eq!(
            t,
            "述职报告\n一、主要成效\n全年召开党委会12次。\n问题\n整改时限\n"
        );
    }

    #[test]
    fn bomb_is_bounded() {
        let big = "。".repeat(200_000);
        let d = make_docx(&[&big], &[]);
        assert_eq!(extract(&d, 10_000).unwrap_err().kind(), ErrorKind::Docx);
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(
            extract(b"PK\x03\x04garbage", 1000).unwrap_err().kind(),
            ErrorKind::Docx
        );
    }
}
