//! Peer test suites: other projects' cases run against `extract_figures`.
//!
//! Cases live in `corpora/peers/` (provenance in its README.md). Matching is the
//! lenient one that `../shared/peers/README.md` describes: a predicted figure matches
//! an expected span when the character ranges overlap, then the value must agree
//! (relative tolerance 1e-9). Whole-input cases pass when exactly one real figure
//! covers the whole trimmed input with the right value. Every failing case id must be
//! listed in `corpora/peers/failures.tsv` with its reason, and every listed id must
//! still fail: a regression and an unlisted fix both fail the test.

use std::collections::BTreeSet;
use std::path::PathBuf;

use shuzhi::{extract_figures, Figure, FigureKind, FigureValue};

fn peers_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpora")
        .join("peers")
}

fn read(rel: &str) -> String {
    let path = peers_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Listed failures: id → reason.
fn listed_failures(prefix: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (i, line) in read("failures.tsv").lines().enumerate() {
        if i == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            3,
            "failures.tsv line {}: id, input, reason",
            i + 1
        );
        let reason = cols[2];
        assert!(
            reason.starts_with("out_of_scope: ") || reason.starts_with("bug: "),
            "failures.tsv line {}: reason must start with out_of_scope: or bug:",
            i + 1
        );
        if cols[0].starts_with(prefix) {
            assert!(ids.insert(cols[0].to_string()), "duplicate id {}", cols[0]);
        }
    }
    ids
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// The value of a figure in the peers' terms: percent figures in percent.
fn peer_value(f: &Figure) -> Option<f64> {
    let v = match &f.value {
        FigureValue::Number(v) => *v,
        FigureValue::Date(_) => return None,
    };
    Some(match f.unit.as_str() {
        "‰" => v / 10.0,
        "‱" => v / 100.0,
        _ => v,
    })
}

/// One Recognizers-Text case: pass, and a line for the report.
fn rt_case(case: &serde_json::Value, percent_model: bool) -> (bool, String) {
    let input = case["input"].as_str().unwrap_or_default();
    let figures = extract_figures(input);
    let under_test = |f: &Figure| {
        if percent_model {
            f.kind == FigureKind::Percent
        } else {
            f.kind.is_figure()
        }
    };
    let expected = case["expected"].as_array().cloned().unwrap_or_default();
    if expected.is_empty() {
        let bad: Vec<&Figure> = figures.iter().filter(|f| under_test(f)).collect();
        return (bad.is_empty(), format!("negative, got {bad:?}"));
    }
    let mut used = vec![false; figures.len()];
    for e in &expected {
        let (start, end) = (
            e["start"].as_u64().unwrap_or(0),
            e["end"].as_u64().unwrap_or(0),
        );
        let value: f64 = e["value"]
            .as_str()
            .map(|v| v.trim_end_matches('%'))
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN);
        let hit = figures.iter().enumerate().position(|(i, f)| {
            let (a, b) = (f.char_span[0] as u64, f.char_span[1] as u64);
            !used[i]
                && under_test(f)
                && a < end
                && start < b
                && peer_value(f).is_some_and(|v| close(v, value))
        });
        match hit {
            Some(i) => used[i] = true,
            None => {
                let got: Vec<(&str, String)> = figures
                    .iter()
                    .map(|f| (f.text.as_str(), f.value.to_string()))
                    .collect();
                return (
                    false,
                    format!("missing {} = {value}; got {got:?}", e["surface"]),
                );
            }
        }
    }
    (true, String::new())
}

fn run_rt(file: &str, percent_model: bool) -> (usize, usize, BTreeSet<String>, Vec<String>) {
    let mut total = 0;
    let mut passed = 0;
    let mut failed = BTreeSet::new();
    let mut report = Vec::new();
    for line in read(file).lines() {
        let case: serde_json::Value = serde_json::from_str(line).expect("json line");
        let relevance = case["relevance"].as_str().unwrap_or_default();
        if !matches!(relevance, "core" | "core_negative") {
            continue;
        }
        total += 1;
        let (ok, why) = rt_case(&case, percent_model);
        if ok {
            passed += 1;
        } else {
            let id = case["id"].as_str().unwrap_or_default().to_string();
            report.push(format!(
                "{id}\t{}\t{why}",
                case["input"].as_str().unwrap_or_default()
            ));
            failed.insert(id);
        }
    }
    (total, passed, failed, report)
}

fn check_suite(
    name: &str,
    prefix: &str,
    total: usize,
    passed: usize,
    failed: &BTreeSet<String>,
    report: &[String],
) {
    let rate = passed as f64 / total.max(1) as f64;
    println!("{name}: {passed}/{total} pass ({:.1}%)", rate * 100.0);
    for r in report {
        println!("  FAIL {r}");
    }
    let listed = listed_failures(prefix);
    let unlisted: Vec<&String> = failed.difference(&listed).collect();
    let fixed: Vec<&String> = listed.difference(failed).collect();
    assert!(
        unlisted.is_empty(),
        "{name}: failures not in failures.tsv: {unlisted:?}"
    );
    assert!(
        fixed.is_empty(),
        "{name}: listed failures that now pass (update failures.tsv): {fixed:?}"
    );
    assert!(rate >= 0.9, "{name}: pass rate {rate:.3} below 0.9");
}

#[test]
fn recognizers_text_number_model_core() {
    let (total, passed, failed, report) =
        run_rt("recognizers-text/Number-NumberModel.jsonl", false);
    assert!(
        total >= 200,
        "expected the core NumberModel cases, got {total}"
    );
    check_suite(
        "RT NumberModel core",
        "RT-Number-NumberModel-",
        total,
        passed,
        &failed,
        &report,
    );
}

#[test]
fn recognizers_text_percent_model_core() {
    let (total, passed, failed, report) =
        run_rt("recognizers-text/Number-PercentModel.jsonl", true);
    assert!(
        total >= 90,
        "expected the core PercentModel cases, got {total}"
    );
    check_suite(
        "RT PercentModel core",
        "RT-Number-PercentModel-",
        total,
        passed,
        &failed,
        &report,
    );
}

/// cn2an `cn2an()` rows (strict, normal, smart modes): value rows must give one figure
/// covering the whole input; ValueError rows must not.
#[test]
fn cn2an_cases() {
    let mut total = 0;
    let mut passed = 0;
    let mut failed = BTreeSet::new();
    let mut report = Vec::new();
    for (i, line) in read("cn2an/cases.tsv").lines().enumerate() {
        if i == 0 {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (api, mode, input, expected, kind) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
        if api != "cn2an" || !matches!(mode, "strict" | "normal" | "smart") {
            continue;
        }
        total += 1;
        let trimmed = input.trim();
        let figures = extract_figures(input);
        let start = input.len() - input.trim_start().len();
        let whole: Vec<&Figure> = figures
            .iter()
            .filter(|f| {
                f.kind.is_figure() && f.span[0] <= start && f.span[1] >= start + trimmed.len()
            })
            .collect();
        let ok = match kind {
            "value" => {
                let want: f64 = expected.parse().unwrap_or(f64::NAN);
                trimmed.is_empty()
                    || (whole.len() == 1 && peer_value(whole[0]).is_some_and(|v| close(v, want)))
            }
            _ => trimmed.is_empty() || whole.is_empty(),
        };
        if ok {
            passed += 1;
        } else {
            let id = format!("cn2an-L{}", i + 1);
            let got: Vec<(&str, String, FigureKind)> = figures
                .iter()
                .map(|f| (f.text.as_str(), f.value.to_string(), f.kind))
                .collect();
            report.push(format!("{id}\t{input}\t{kind} {expected}; got {got:?}"));
            failed.insert(id);
        }
    }
    assert!(total >= 140, "expected the cn2an() rows, got {total}");
    check_suite("cn2an", "cn2an-", total, passed, &failed, &report);
}
