//! Properties that hold for any input.

use proptest::prelude::*;
use shuzhi::Analyzer;
use std::sync::LazyLock;

static AN: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

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
    // Deterministic output.
    let j1 = serde_json::to_string(&a).unwrap();
    let j2 = serde_json::to_string(&AN.analyze(text)).unwrap();
    assert_eq!(j1, j2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn analysis_of_any_string_holds(text in report_like()) {
        check(&text);
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
