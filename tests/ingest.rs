//! Ingest and outline on the real corpora.

use shuzhi::{Analyzer, ErrorKind};
use std::path::PathBuf;

fn corpus(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpora")
        .join(p)
}

fn seed(n: &str) -> PathBuf {
    let dir = corpus("seeds");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(n))
        .unwrap()
}

fn texts(a: &shuzhi::Analysis) -> Vec<String> {
    a.sentences.iter().map(|s| s.text.clone()).collect()
}

#[test]
fn seed_000_has_three_level_one_sections() {
    let v = Analyzer::new().analyze_path(seed("000")).unwrap();
    assert_eq!(v.len(), 1);
    let l1: Vec<_> = v[0]
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(l1.len(), 3, "{l1:?}");
    assert!(l1[0].starts_with("一、"));
    assert!(l1[2].starts_with("三、"));
    assert_eq!(
        v[0].title.as_deref(),
        Some("在基层党组织书记述职评议会上讲话")
    );
}

#[test]
fn seed_004_is_three_documents() {
    let p = seed("004");
    let v = Analyzer::new().analyze_path(&p).unwrap();
    assert_eq!(v.len(), 3);
    let id = p.to_string_lossy().to_string();
    assert_eq!(v[1].id, format!("{id}#2"));
    assert_eq!(
        v[1].title.as_deref(),
        Some("全市三季度重点工作讲评大会讲话稿")
    );
    assert_eq!(
        v[2].title.as_deref(),
        Some("某某市直机关党组织书记抓基层党建工作述职评议会议讲话稿")
    );
    assert_eq!(
        v[0].title.as_deref(),
        Some("2017年全州公路安全生产工作会议讲话稿")
    );
}

#[test]
fn clutter_of_seeds_002_and_004_is_in_no_sentence() {
    for n in ["002", "004"] {
        for a in Analyzer::new().analyze_path(seed(n)).unwrap() {
            assert!(!a.set_aside.is_empty());
            for s in &a.sentences {
                for bad in ["小编", "本文关键词", "本文简介", "本文内容", "推荐访问"]
                {
                    assert!(!s.text.contains(bad), "{n}: {bad} in {:?}", s.text);
                }
            }
        }
    }
}

#[test]
fn gbk_file_021_decodes_to_the_same_sentences_as_utf8() {
    let p = corpus("dev/021_duty-insurer-kefu-xxnian.gbk.txt");
    let bytes = std::fs::read(&p).unwrap();
    let an = Analyzer::new();
    let g = an.analyze_bytes(&bytes, "021.txt").unwrap();
    assert_eq!(g[0].encoding, "gb18030");
    let (utf8, _, _) = encoding_rs::GB18030.decode(&bytes);
    let u = an.analyze_bytes(utf8.as_bytes(), "021.txt").unwrap();
    assert_eq!(texts(&g[0]), texts(&u[0]));
    assert!(texts(&g[0]).iter().any(|s| s.contains("客服")));
}

#[test]
fn gb18030_and_utf16_copies_of_a_seed_give_the_same_sentences() {
    let p = seed("000");
    let text = std::fs::read_to_string(&p).unwrap();
    let an = Analyzer::new();
    let base = texts(&an.analyze_bytes(text.as_bytes(), "s.txt").unwrap()[0]);
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let g = an.analyze_bytes(&gb, "s.txt").unwrap();
    assert_eq!(g[0].encoding, "gb18030");
    assert_eq!(texts(&g[0]), base);
    for be in [false, true] {
        let mut b = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            b.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        let a = an.analyze_bytes(&b, "s.txt").unwrap();
        assert_eq!(a[0].encoding, if be { "utf-16be" } else { "utf-16le" });
        assert_eq!(texts(&a[0]), base);
    }
}

#[test]
fn binary_and_unsupported_inputs_are_errors() {
    let an = Analyzer::new();
    let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    assert_eq!(
        an.analyze_bytes(&png, "x.txt").unwrap_err().kind(),
        ErrorKind::Binary
    );
    let e = an.analyze_bytes(b"%PDF-1.7\n", "x.pdf").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedFormat);
    assert!(e.to_string().contains(".docx"));
}

#[test]
fn crlf_and_cr_line_ends_give_the_same_sentences() {
    let p = corpus("dev/023_policy-xiangcun-zhenxing-2018.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains("\r\n"));
    let an = Analyzer::new();
    let crlf = texts(&an.analyze(&text));
    let lf = texts(&an.analyze(&text.replace("\r\n", "\n")));
    let cr = texts(&an.analyze(&text.replace("\r\n", "\r")));
    assert_eq!(crlf, lf);
    assert_eq!(cr, lf);
}

#[test]
fn spans_index_the_original_text() {
    for n in ["000", "001", "002", "003", "004"] {
        let p = seed(n);
        let text = std::fs::read_to_string(&p).unwrap();
        for a in Analyzer::new().analyze_path(&p).unwrap() {
            for s in &a.sentences {
                assert_eq!(&text[s.span.range()], s.text);
                let chars: String = text
                    .chars()
                    .skip(s.char_span[0])
                    .take(s.char_span[1] - s.char_span[0])
                    .collect();
                assert_eq!(chars, s.text);
            }
            for c in &a.set_aside {
                assert!(text[c.span.range()].starts_with(c.text.as_str()));
            }
        }
    }
}

#[cfg(feature = "docx")]
#[test]
fn docx_gives_the_same_sentences_as_its_text() {
    let an = Analyzer::new();
    let d = an.analyze_path(corpus("synthetic/seed-000.docx")).unwrap();
    let t = an.analyze_path(seed("000")).unwrap();
    assert_eq!(d[0].encoding, "docx");
    assert_eq!(texts(&d[0]), texts(&t[0]));
    let v = an.analyze_path(corpus("synthetic/table.docx")).unwrap();
    let s = texts(&v[0]);
    let i = s.iter().position(|x| x == "3个支部未按期换届。").unwrap();
    assert_eq!(s[i + 1], "6月底前完成。");
    assert_eq!(s.last().unwrap(), "二、下一步打算");
}

#[test]
fn traditional_text_is_analysed_like_simplified() {
    let an = Analyzer::new();
    let trad = "二、存在的問題\n我們清醒地看到，工作中還存在不少缺點和錯誤，有些計劃不夠準確。\n三、下一步打算\n今年年底前完成3個支部換屆，實現全覆蓋。";
    let simp = "二、存在的问题\n我们清醒地看到，工作中还存在不少缺点和错误，有些计划不够准确。\n三、下一步打算\n今年年底前完成3个支部换届，实现全覆盖。";
    let (t, s) = (an.analyze(trad), an.analyze(simp));
    let roles = |a: &shuzhi::Analysis| a.sentences.iter().map(|x| x.role).collect::<Vec<_>>();
    assert_eq!(roles(&t), roles(&s));
    assert_eq!(
        t.sentences[1].text,
        "我們清醒地看到，工作中還存在不少缺點和錯誤，有些計劃不夠準確。"
    );
    assert_eq!(t.figures.len(), s.figures.len());
    for (a, b) in t.figures.iter().zip(&s.figures) {
        assert_eq!(a.value, b.value);
        assert_eq!(&trad[a.span[0]..a.span[1]], a.text);
    }
}
