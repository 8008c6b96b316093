//! The outline (title, sections, paragraphs, sentences) of arbitrary strings.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|text: &str| {
    let a = common::AN.outline(text);
    common::check(text, &a);
    // Sentences and set-aside clutter cover every character but spaces.
    let mut covered = vec![false; text.len()];
    for s in &a.sentences {
        covered[s.span.start..s.span.end].fill(true);
    }
    for c in &a.set_aside {
        assert!(c.span.end <= text.len());
        covered[c.span.start..c.span.end].fill(true);
    }
    for (i, ch) in text.char_indices() {
        assert!(
            covered[i]
                || ch.is_whitespace()
                || matches!(ch, '\u{3000}' | '\u{a0}' | '\u{feff}' | '\u{200b}'),
            "{ch:?} at {i} is in no sentence"
        );
    }
});
