//! The .docx reader: arbitrary bytes as a .docx file (first byte even), or
//! arbitrary bytes as word/document.xml inside a well-formed zip (odd).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

#[path = "common.rs"]
mod common;

fn zipped(xml: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("word/document.xml", opts).expect("zip entry");
    w.write_all(xml).expect("zip write");
    w.finish().expect("zip finish").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode % 2 == 0 {
        rest.to_vec()
    } else {
        zipped(rest)
    };
    match common::AN.analyze_bytes(&bytes, "fuzz.docx") {
        Ok(docs) => {
            for a in &docs {
                for s in &a.sentences {
                    assert!(!s.text.is_empty());
                }
                serde_json::to_string(a).expect("serializes");
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
