//! Checks shared by the fuzz targets: what must hold of any analysis.

use shuzhi::{Analysis, Analyzer, Config};
use std::sync::LazyLock;

/// One analyzer per process; small limits so that the fuzzer's inputs
/// (at most a few KB) can reach them and memory stays bounded.
pub static AN: LazyLock<Analyzer> = LazyLock::new(|| {
    Analyzer::builder()
        .config(Config {
            max_document_bytes: 1 << 20,
            max_docx_unpacked_bytes: 4 << 20,
            max_run_bytes: 256,
            ..Config::default()
        })
        .build()
        .expect("default settings build")
});

/// Spans on char boundaries, in bounds, matching their text; figures
/// finite; sentences and sections consistent.
#[allow(dead_code)]
pub fn check(text: &str, a: &Analysis) {
    let n = a.sentences.len();
    let mut last_end = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(s.span.start < s.span.end && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert_eq!(&text[s.span.start..s.span.end], s.text);
        assert!(s.span.start >= last_end, "sentences overlap");
        last_end = s.span.end;
        if let Some(c) = s.confidence {
            assert!(c.is_finite() && (0.0..=1.0).contains(&c));
        }
    }
    for sec in &a.sections {
        let [s, e] = sec.sentence_range;
        assert!(s < e && e <= n);
        assert!(sec.span.end <= text.len());
    }
    for p in &a.paragraphs {
        let [s, e] = p.sentence_range;
        assert!(s < e && e <= n);
    }
    for f in &a.figures {
        assert!(f.sentence < n);
        assert!(f.span[0] <= f.span[1] && f.span[1] <= text.len());
        assert!(text.is_char_boundary(f.span[0]) && text.is_char_boundary(f.span[1]));
        if let Some(v) = f.value.as_f64() {
            assert!(v.is_finite(), "figure {:?} is not finite", f.text);
        }
    }
    if let Some(asm) = &a.assessment {
        let sh = asm.shares;
        for v in [
            sh.achievement,
            sh.problem,
            sh.cause,
            sh.commitment,
            sh.other,
        ] {
            assert!(v.is_finite() && (0.0..=1.0 + 1e-9).contains(&v));
        }
        assert!(asm.score.total <= 100);
    }
    serde_json::to_string(a).expect("an analysis always serializes");
}
