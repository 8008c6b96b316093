//! Role accuracy on the gold set, against the figures the README states.

use shuzhi::{eval, Analyzer};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The number after `label` in the README (e.g. `test split macro-F1: **0.786**`).
fn readme_figure(label: &str) -> f64 {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("README has no {label:?}"));
    let tail = &line[line.find(label).unwrap() + label.len()..];
    let num: String = tail
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    num.parse().unwrap()
}

#[test]
fn test_split_macro_f1_holds_what_the_readme_states() {
    let gold = eval::load_gold(&root().join("corpora/gold/test")).unwrap();
    let r = eval::evaluate(&Analyzer::new(), &gold, &root().join("corpora")).unwrap();
    let stated = readme_figure("Test split macro-F1:");
    assert!(
        r.macro_f1 >= stated - 0.02,
        "test macro-F1 {:.3} fell more than 0.02 below the README's {stated}\n{r}",
        r.macro_f1
    );
    assert_eq!(r.unaligned, 0, "{r}");
}

#[test]
fn test_split_figure_f1_holds_what_the_readme_states() {
    let gold = eval::load_gold(&root().join("corpora/gold/test")).unwrap();
    let r = eval::evaluate(&Analyzer::new(), &gold, &root().join("corpora")).unwrap();
    let stated = readme_figure("Test split figure F1:");
    assert!(
        r.figures.f1 >= stated - 0.02,
        "test figure F1 {:.3} below the README's {stated}\n{r}",
        r.figures.f1
    );
    assert!(
        r.figures.value_accuracy >= 0.98 && r.figures.kind_accuracy >= 0.98,
        "{r}"
    );
}

#[test]
fn dev_split_macro_f1_holds_what_the_readme_states() {
    let gold = eval::load_gold(&root().join("corpora/gold/dev")).unwrap();
    let r = eval::evaluate(&Analyzer::new(), &gold, &root().join("corpora")).unwrap();
    let stated = readme_figure("Dev split macro-F1:");
    assert!(
        r.macro_f1 >= stated - 0.02,
        "dev macro-F1 {:.3} below the README's {stated}\n{r}",
        r.macro_f1
    );
}

#[test]
fn the_embedded_models_are_the_ones_the_dev_split_produces() {
    let gold = eval::load_gold(&root().join("corpora/gold/dev")).unwrap();
    let t = eval::train_roles(
        &Analyzer::new(),
        &gold,
        &root().join("corpora"),
        0.0005,
        300,
    )
    .unwrap();
    let rows = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    for (trained, file) in [
        (&t.model, "data/role_model.tsv"),
        (&t.context, "data/role_context_model.tsv"),
    ] {
        let committed = std::fs::read_to_string(root().join(file)).unwrap();
        let (a, b) = (rows(trained), rows(&committed));
        assert_eq!(a.len(), b.len(), "{file}: retrain with `shuzhi train-roles --gold corpora/gold/dev --l2 0.0005 --epochs 300 --out data/role_model.tsv`");
        // Same features; weights equal to the printed precision (allowing 1e-3 for float summation order).
        for (x, y) in a.iter().zip(&b) {
            let (xs, ys): (Vec<&str>, Vec<&str>) =
                (x.split('\t').collect(), y.split('\t').collect());
            assert_eq!(xs[0], ys[0], "{file}");
            for (u, v) in xs[1..].iter().zip(&ys[1..]) {
                let (u, v): (f64, f64) = (u.parse().unwrap(), v.parse().unwrap());
                assert!((u - v).abs() <= 1e-3, "{file}: {x} vs {y}");
            }
        }
    }
}

#[test]
fn every_role_carries_its_cues() {
    let an = Analyzer::new();
    for entry in std::fs::read_dir(root().join("corpora/seeds")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            for a in an.analyze_path(&p).unwrap() {
                for s in &a.sentences {
                    let cues = s.cues.as_ref().expect("cues");
                    assert!(!cues.is_empty(), "{}", s.text);
                    let c = s.confidence.expect("confidence");
                    assert!((0.0..=1.0).contains(&c));
                }
            }
        }
    }
}

/// No document is in the gold set twice: the same speech published under
/// two names would leak the test split into training, or count twice in
/// the dev split's cross-validation. A document shares at most a fifth of
/// its longer sentences with any other gold document.
#[test]
fn no_gold_document_is_a_copy_of_another() {
    use std::collections::HashMap;
    let mut docs = Vec::new();
    for split in ["dev", "test"] {
        for g in eval::load_gold(&root().join("corpora/gold").join(split)).unwrap() {
            let long: Vec<String> = g
                .sentences
                .iter()
                .filter(|s| !s.heading && s.text.chars().count() >= 20)
                .map(|s| s.text.clone())
                .collect();
            docs.push((format!("{split}/{}", g.id), long));
        }
    }
    let mut owner: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, sents)) in docs.iter().enumerate() {
        for s in sents {
            let v = owner.entry(s.as_str()).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
    }
    for (i, (id, sents)) in docs.iter().enumerate() {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for s in sents {
            for &j in &owner[s.as_str()] {
                if j != i {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        for (j, n) in shared {
            assert!(
                n * 5 <= sents.len().max(1),
                "{id} shares {n} of its {} sentences with {}",
                sents.len(),
                docs[j].0
            );
        }
    }
}
