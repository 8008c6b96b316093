//! Arbitrary bytes as a file of any kind: decoding, format sniffing and
//! the whole analysis. The first byte picks the file name.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["a.txt", "a.md", "a.docx", "a.doc", "a"][usize::from(pick) % 5];
    if let Ok(docs) = common::AN.analyze_bytes(bytes, name) {
        // The decoded text is not returned; check what needs no text.
        for a in &docs {
            for s in &a.sentences {
                assert!(!s.text.is_empty());
                assert_eq!(s.span.end - s.span.start, s.text.len());
            }
        }
    }
    // As text, with the analysis checked against it.
    if let Ok(text) = std::str::from_utf8(bytes) {
        for a in common::AN.analyze_text("fuzz", text) {
            common::check(text, &a);
        }
    }
});
