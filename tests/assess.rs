//! Screening verdicts on short reports written for these tests
//! (`corpora/synthetic/assess-*.txt`).

use shuzhi::{Analysis, Analyzer, Assessment};
use std::path::PathBuf;

fn analyze(name: &str) -> Analysis {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/synthetic")
        .join(name);
    Analyzer::new().analyze_path(p).unwrap().remove(0)
}

/// The first document of a real file in `corpora/extra`.
fn analyze_extra(name: &str) -> Analysis {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/extra")
        .join(name);
    Analyzer::new().analyze_path(p).unwrap().remove(0)
}

fn codes(a: &Assessment) -> Vec<&str> {
    a.flags.iter().map(|f| f.code.as_str()).collect()
}

fn check_flags(a: &Analysis) {
    let asm = a.assessment.as_ref().unwrap();
    for f in &asm.flags {
        assert!(f.evidence.iter().all(|&i| i < a.sentences.len()), "{f:?}");
        assert!(
            f.message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{f:?}"
        );
    }
    let sum = asm.score.balance.points
        + asm.score.concreteness.points
        + asm.score.causes.points
        + asm.score.commitments.points
        + asm.score.residue.points;
    assert!(
        (sum - f64::from(asm.score.total)).abs() <= 1.0,
        "{:?}",
        asm.score
    );
}

#[test]
fn template_residue_with_positions() {
    let a = analyze("assess-residue.txt");
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/synthetic/assess-residue.txt"),
    )
    .unwrap();
    let asm = a.assessment.as_ref().unwrap();
    assert!(codes(asm).contains(&"template_residue"), "{:?}", asm.flags);
    let found: Vec<&str> = asm.residue.iter().map(|r| r.text.as_str()).collect();
    for want in ["20__年", "xx次", "某某"] {
        assert!(found.contains(&want), "{want} not in {found:?}");
    }
    assert!(found.iter().any(|t| t.starts_with("XX")), "{found:?}");
    for r in &asm.residue {
        assert_eq!(&text[r.span.range()], r.text);
        let s = r.sentence.unwrap();
        assert!(a.sentences[s].span.start <= r.span.start && r.span.end <= a.sentences[s].span.end);
    }
    let flag = asm
        .flags
        .iter()
        .find(|f| f.code == "template_residue")
        .unwrap();
    assert!(flag.message.contains("模板"));
    check_flags(&a);
}

#[test]
fn a_balanced_report_gets_no_balance_flags() {
    let a = analyze("assess-balanced.txt");
    let asm = a.assessment.as_ref().unwrap();
    let c = codes(asm);
    for bad in [
        "achievement_heavy",
        "generic_problems",
        "no_cause_analysis",
        "vague_commitments",
        "no_problem_section",
        "template_residue",
    ] {
        assert!(!c.contains(&bad), "{bad} in {:?}", asm.flags);
    }
    assert!(asm.doc.has_problem_section && asm.doc.has_cause_analysis && asm.doc.has_next_steps);
    assert!(!asm.doc.achievement_heavy);
    assert!(asm.score.total >= 70, "{:?}", asm.score);
    check_flags(&a);
}

#[test]
fn an_achievement_heavy_report_with_one_stock_problem() {
    let a = analyze("assess-heavy.txt");
    let asm = a.assessment.as_ref().unwrap();
    let c = codes(asm);
    assert!(c.contains(&"achievement_heavy"), "{:?}", asm.flags);
    assert!(c.contains(&"generic_problems"), "{:?}", asm.flags);
    let stock = a
        .sentences
        .iter()
        .position(|s| s.text == "理论学习不够深入。")
        .unwrap();
    let g = asm
        .flags
        .iter()
        .find(|f| f.code == "generic_problems")
        .unwrap();
    assert_eq!(g.evidence, [stock]);
    let h = asm
        .flags
        .iter()
        .find(|f| f.code == "achievement_heavy")
        .unwrap();
    assert!(h.evidence.contains(&stock));
    assert!(h.message.contains("三分之一"), "{}", h.message);
    assert!(asm.doc.achievement_heavy);
    let balanced = analyze("assess-balanced.txt");
    assert!(asm.score.total < balanced.assessment.unwrap().score.total);
    check_flags(&a);
}

#[test]
fn flags_on_the_real_corpus_point_at_real_sentences() {
    let an = Analyzer::new();
    for dir in ["corpora/seeds", "corpora/written"] {
        let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                for a in an.analyze_path(&p).unwrap() {
                    check_flags(&a);
                }
            }
        }
    }
}

#[test]
fn the_stricter_rule_of_a_config_file_applies() {
    // 潜江: problems and causes at least half of the report.
    let cfg: shuzhi::Config = serde_json::from_str(r#"{"min_problem_cause_share": 0.5}"#).unwrap();
    let an = Analyzer::builder().config(cfg).build().unwrap();
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/written/w13_bailu-jiedao-dangjian-shuzhi.txt");
    let strict = an.analyze_path(&p).unwrap().remove(0).assessment.unwrap();
    let default = Analyzer::new()
        .analyze_path(&p)
        .unwrap()
        .remove(0)
        .assessment
        .unwrap();
    let pc = strict.shares.problem + strict.shares.cause;
    assert!(pc < 0.5, "{:?}", strict.shares);
    assert!(strict.doc.achievement_heavy);
    let f = strict
        .flags
        .iter()
        .find(|f| f.code == "achievement_heavy")
        .unwrap();
    assert!(f.message.contains("不足50%"), "{}", f.message);
    assert!(
        !default.doc.achievement_heavy
            || default.flags.iter().all(|f| !f.message.contains("不足50%"))
    );
}

#[test]
fn a_congress_spoken_of_as_current_after_the_next_one_is_stale() {
    let an = Analyzer::new();
    let text = |y: u32| {
        format!("{y}年度个人述职报告\n一年来，我认真学习贯彻党的十八大精神，全年召开支部会议12次。\n到2035年基本实现现代化。")
    };
    let stale = |y: u32| {
        an.analyze(&text(y))
            .assessment
            .unwrap()
            .residue
            .into_iter()
            .filter(|r| r.kind == shuzhi::ResidueKind::StaleReference)
            .map(|r| r.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(stale(2020), ["十八大"]);
    // In 2016 the 18th congress was the current one; a target year is not the report's year.
    assert!(stale(2016).is_empty());
    // 十八大以来 is history, not a stale reference.
    let a = an.analyze("2021年度述职报告\n党的十八大以来，全县党建工作取得长足进步。");
    assert!(a.assessment.unwrap().residue.is_empty());
}

#[test]
fn a_short_letter_of_praise_is_not_achievement_heavy() {
    // Real letters (corpora/extra): a few sentences praise the addressees,
    // none admits a problem. Praise that short is not 评功摆好 at length.
    for name in ["speech-2020-003.txt", "speech-2020-032.txt"] {
        let a = analyze_extra(name);
        let asm = a.assessment.as_ref().unwrap();
        assert!(
            asm.shares.achievement >= 0.2,
            "{name}: the letter praises: {:?}",
            asm.shares
        );
        assert!(!asm.doc.achievement_heavy, "{name}");
        assert!(!asm.doc.has_problem_section, "{name}");
    }
}

#[test]
fn a_speech_naming_only_challenges_has_no_problem_passage() {
    // Real speeches (corpora/extra): their problem sentences name difficulties
    // to face (任重道远, 面临…挑战, 疫情仍在全球蔓延), not shortcomings of
    // the speaker's own unit (ANNOTATION.md, has_problem_section).
    for name in ["speech-2020-031.txt", "speech-2020-035.txt"] {
        let a = analyze_extra(name);
        let asm = a.assessment.as_ref().unwrap();
        assert!(!asm.doc.has_problem_section, "{name}");
    }
}
