//! Properties that hold for any input.

use proptest::prelude::*;
use shuzhi::{Analysis, Analyzer, Config};
use std::sync::LazyLock;

static AN: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);
/// A second analyzer with the same settings: nothing particular to one
/// instance (a hash seed, say) may reach the output.
static AN2: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);
/// Runs of at most 64 bytes, so that ordinary sentences are cut too and the
/// cutting is exercised on every case.
static SHORT_RUNS: LazyLock<Analyzer> = LazyLock::new(|| {
    Analyzer::builder()
        .config(Config {
            max_run_bytes: 64,
            ..Config::default()
        })
        .build()
        .unwrap()
});

fn report_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、存在的问题\n".to_owned()),
        Just("（二）下一步打算\n".to_owned()),
        Just("同志们：\n".to_owned()),
        Just("全州共排查隐患857处，已整改748处。".to_owned()),
        Just("学习不够深入；".to_owned()),
        Just("“要抓落实。”".to_owned()),
        Just("一是加强学习，二是".to_owned()),
        Just("篇2:讲话稿\n".to_owned()),
        Just("下面是小编为大家整理的讲话，供大家参考。\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("　　".to_owned()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let a = AN.analyze(text);
    check_analysis(text, &a);
    // Deterministic output, from any instance.
    let j1 = serde_json::to_string(&a).unwrap();
    let j2 = serde_json::to_string(&AN.analyze(text)).unwrap();
    assert_eq!(j1, j2);
    let j3 = serde_json::to_string(&AN2.analyze(text)).unwrap();
    assert_eq!(j1, j3);
}

/// Spans of figures, sections, paragraphs and records in bounds and on
/// char boundaries; every number finite.
fn check_parts(text: &str, a: &Analysis) {
    let n = a.sentences.len();
    assert_eq!(a.chars, text.chars().count());
    let on_chars = |[s, e]: [usize; 2]| {
        assert!(s <= e && e <= text.len(), "span {s}..{e} of {}", text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    };
    for f in &a.figures {
        on_chars(f.span);
        assert_eq!(&text[f.span[0]..f.span[1]], f.text);
        let cs = text[..f.span[0]].chars().count();
        assert_eq!(f.char_span, [cs, cs + f.text.chars().count()]);
        assert!(f.sentence < n);
        let s = &a.sentences[f.sentence].span;
        assert!(s.start <= f.span[0] && f.span[1] <= s.end);
        if let Some(v) = f.value.as_f64() {
            assert!(v.is_finite(), "{:?} = {v}", f.text);
        }
    }
    for (i, sec) in a.sections.iter().enumerate() {
        on_chars([sec.span.start, sec.span.end]);
        let [s, e] = sec.sentence_range;
        assert!(s < e && e <= n && sec.heading_sentence == s);
        assert!(sec.parent.is_none_or(|p| p < i));
    }
    let mut next = 0;
    for p in &a.paragraphs {
        on_chars([p.span.start, p.span.end]);
        let [s, e] = p.sentence_range;
        assert!(s == next && s < e && e <= n);
        next = e;
    }
    assert_eq!(next, n);
    for s in &a.sentences {
        assert!(s
            .confidence
            .is_none_or(|c| c.is_finite() && (0.0..=1.0).contains(&c)));
    }
    assert!(a.problems.iter().all(|p| p.sentence < n));
    assert!(a.causes.iter().all(|c| c.sentence < n));
    assert!(a.commitments.iter().all(|c| c.sentence < n));
    if let Some(asm) = &a.assessment {
        let sh = asm.shares;
        let all = [
            sh.achievement,
            sh.problem,
            sh.cause,
            sh.commitment,
            sh.other,
        ];
        assert!(all.iter().all(|v| v.is_finite() && (0.0..=1.0).contains(v)));
        assert!(asm.score.total <= 100);
        for f in &asm.flags {
            assert!(f.evidence.iter().all(|&i| i < n));
        }
    }
}

fn check_analysis(text: &str, a: &Analysis) {
    check_parts(text, a);
    let mut covered = vec![false; text.len()];
    for s in &a.sentences {
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(s.span.end <= text.len() && s.span.start < s.span.end);
        assert_eq!(&text[s.span.range()], s.text);
        let cs = text[..s.span.start].chars().count();
        assert_eq!(s.char_span, [cs, cs + s.text.chars().count()]);
        for c in &mut covered[s.span.range()] {
            *c = true;
        }
        assert!(s.role.is_some() && s.cues.as_ref().is_some_and(|c| !c.is_empty()));
    }
    for c in &a.set_aside {
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        for x in &mut covered[c.span.range()] {
            *x = true;
        }
    }
    // Sentences and set-aside clutter cover every non-space character.
    for (i, ch) in text.char_indices() {
        if !covered[i] {
            assert!(
                ch.is_whitespace()
                    || ch == '\u{3000}'
                    || ch == '\u{a0}'
                    || ch == '\u{feff}'
                    || ch == '\u{200b}',
                "char {ch:?} at {i} is in no sentence"
            );
        }
    }
    for w in a.sentences.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn analysis_of_any_string_holds(text in report_like()) {
        check(&text);
    }

    #[test]
    fn analysis_of_arbitrary_strings_holds(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn short_runs_keep_every_span_right(text in report_like()) {
        let a = SHORT_RUNS.analyze(&text);
        check_analysis(&text, &a);
        // Cutting runs never changes the outline.
        let b = AN.analyze(&text);
        let spans = |x: &Analysis| x.sentences.iter().map(|s| s.span).collect::<Vec<_>>();
        assert_eq!(spans(&a), spans(&b));
        assert_eq!(a.sections, b.sections);
    }

    #[test]
    fn analysis_of_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for name in ["a.txt", "a.docx", "a.doc", "a"] {
            if let Ok(v) = AN.analyze_bytes(&bytes, name) {
                for a in v {
                    assert!(a.sentences.iter().all(|s| !s.text.is_empty()));
                }
            }
        }
    }
}

#[test]
fn compilation_parts_cover_their_sentences() {
    let text =
        "讲话稿一\n今天开会。\n篇2:讲话稿二\n同志们：\n要抓落实。\n篇3:讲话稿三\n学习不够深入。";
    let v = AN.analyze_text("x", text);
    assert_eq!(v.len(), 3);
    for a in &v {
        for s in &a.sentences {
            assert_eq!(&text[s.span.range()], s.text);
        }
    }
}
