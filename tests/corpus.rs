//! Corpus statistics on the bulk corpus: every government work report
//! 1954–2025 and the NPC resolutions on them (`corpora/bulk`).

use shuzhi::corpus::{
    sentences_table, CategoryDict, Corpus, CorpusConfig, CorpusCounter, CorpusStats, DocStats,
};
use shuzhi::{Analysis, Analyzer};
use std::path::PathBuf;
use std::sync::LazyLock;

struct Bulk {
    analyses: Vec<Analysis>,
    corpus: Corpus,
}

/// The 72 documents analysed and counted once for all the tests here.
static BULK: LazyLock<Bulk> = LazyLock::new(|| {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/bulk/gwr-national-1954-2025.jsonl");
    let an = Analyzer::new();
    let mut analyses = Vec::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let serde_json::Value::Object(mut m) = serde_json::from_str(line).unwrap() else {
            panic!("not an object")
        };
        let id = m.remove("id").unwrap().as_str().unwrap().to_owned();
        let text = m.remove("text").unwrap().as_str().unwrap().to_owned();
        for mut a in an.analyze_text(&id, &text) {
            a.meta = Some(m.clone());
            analyses.push(a);
        }
    }
    let counter = CorpusCounter::new(&an)
        .dictionary(CategoryDict::from_word_list(
            "formulaic",
            "狠抓落实\n高度重视\n",
        ))
        .unwrap();
    let mut corpus = Corpus::new(CorpusConfig {
        group_by: Some("year/10".parse().unwrap()),
        ..CorpusConfig::default()
    });
    for d in counter.count_all(&analyses) {
        corpus.push(d);
    }
    Bulk { analyses, corpus }
});

fn stats<'a>(docs: impl IntoIterator<Item = &'a DocStats>) -> CorpusStats {
    CorpusStats::sum(docs.into_iter().map(|d| &d.stats))
}

#[test]
fn tables_have_their_columns_and_rows() {
    let b = &*BULK;
    assert_eq!(b.analyses.len(), 72);
    let docs = b.corpus.documents_table();
    assert_eq!(
        docs.columns,
        [
            "id",
            "kind",
            "source",
            "title",
            "year",
            "group",
            "genre",
            "chars",
            "sentences",
            "tokens",
            "achievement_share",
            "problem_share",
            "cause_share",
            "commitment_share",
            "other_share",
            "figures",
            "figures_per_1000",
            "formulaic_per_1000",
            "problems",
            "specific_problems",
            "score",
            "flags",
            "formulaic",
            "error",
        ]
    );
    assert_eq!(docs.rows.len(), 72);
    assert_eq!(docs.cells("id")[0], "gwr-2025");
    assert_eq!(docs.cells("group")[0], "2020");
    let decades = docs.cells("group").iter().filter(|g| !g.is_empty()).count();
    assert_eq!(
        decades, 52,
        "the 52 reports have a year, the resolutions none"
    );
    assert!(docs.cells("error").iter().all(|e| e.is_empty()));
    // Shares are fixed-point with four decimals.
    assert!(docs
        .cells("problem_share")
        .iter()
        .all(|s| s.len() == 6 && s.starts_with("0.")));

    let sentences = sentences_table(&b.analyses);
    assert_eq!(
        sentences.columns,
        [
            "id",
            "index",
            "char_start",
            "char_end",
            "role",
            "specific",
            "text",
            "heading"
        ]
    );
    let n: usize = b.analyses.iter().map(|a| a.sentences.len()).sum();
    assert_eq!(sentences.rows.len(), n);
    let problems = sentences
        .cells("role")
        .iter()
        .filter(|r| **r == "problem")
        .count();
    assert_eq!(
        problems,
        sentences
            .cells("specific")
            .iter()
            .filter(|s| !s.is_empty())
            .count()
    );

    let groups = b.corpus.groups_table();
    assert_eq!(
        groups.cells("group"),
        ["1950", "1960", "1970", "1980", "1990", "2000", "2010", "2020", ""]
    );
    assert!(groups.columns.iter().any(|c| c == "flag_achievement_heavy"));

    let terms = b.corpus.terms_table();
    assert_eq!(
        terms.columns,
        ["group", "term", "pos", "count", "per_10k", "docs"]
    );
    let total = b.corpus.total();
    let distinct: usize = b.corpus.groups().iter().map(|g| g.1.terms.len()).sum();
    assert_eq!(terms.rows.len(), distinct);
    assert!(distinct > total.terms.len());

    let kw = b.corpus.keywords_table();
    assert_eq!(kw.columns, ["id", "rank", "term", "weight", "method"]);
    for method in ["tfidf", "textrank"] {
        let rows = kw.cells("method").iter().filter(|m| **m == method).count();
        assert_eq!(rows, 720, "{method}: ten keywords for each of 72 documents");
    }

    let key = b.corpus.keyness_table();
    assert_eq!(
        key.columns,
        [
            "group",
            "term",
            "pos",
            "count",
            "count_rest",
            "per_10k",
            "per_10k_rest",
            "g2",
            "p",
            "log_ratio"
        ]
    );
    // 四人帮 belongs to the 1970s: key there, and only there.
    let over: Vec<&str> = key
        .rows
        .iter()
        .filter(|r| r[1] == "四人帮" && r[7].parse::<f64>().unwrap() > 0.0)
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(over, ["1970"]);
}

#[test]
fn keywords_of_the_2020_reports_name_the_epidemic() {
    // The corpus has no 2020 report itself: the 2021 report reviews the
    // work of 2020, and the resolution of May 2020 approves the 2020 report.
    let b = &*BULK;
    let keywords = |id: &str| {
        let i = b.corpus.docs.iter().position(|d| d.id == id).unwrap();
        b.corpus.keywords(i)
    };
    let on_2020 = keywords("gwr-2021");
    assert!(
        on_2020.iter().any(|k| k.term.contains("疫情")),
        "{on_2020:?}"
    );
    let resolution = keywords("npc-resolution-10");
    assert!(resolution[0].term.contains("疫情"), "{resolution:?}");
    // and the 1978 report's are of its own time.
    assert_eq!(keywords("gwr-1978")[0].term, "四人帮");
}

#[test]
fn totals_merge() {
    let docs = &BULK.corpus.docs;
    let whole = stats(docs);
    let (a, b) = docs.split_at(docs.len() / 2);
    let mut halves = stats(a);
    halves += &stats(b);
    assert_eq!(halves, whole);
    // Another split, merged the other way round.
    let mut odd = stats(docs.iter().skip(1).step_by(2));
    odd += &stats(docs.iter().step_by(2));
    assert_eq!(odd, whole);
    // Group totals add up to the whole too.
    let groups = CorpusStats::sum(BULK.corpus.groups().iter().map(|g| &g.1));
    assert_eq!(groups, whole);
    assert_eq!(whole.documents, 72);
    assert_eq!(
        whole.chars,
        BULK.analyses.iter().map(|a| a.chars as u64).sum::<u64>()
    );
}

#[test]
fn formulaic_verbs_are_counted_and_domain_terms_stay_whole() {
    let total = BULK.corpus.total();
    for w in ["加强", "推进", "落实", "高质量发展"] {
        assert!(total.terms.get(w).is_some_and(|t| t.count > 10), "{w}");
    }
    assert!(!total.terms.contains_key("的"));
    assert!(total.categories["formulaic"] > 0);
}

mod props {
    use proptest::prelude::*;
    use shuzhi::corpus::{kwic, CategoryDict, CorpusCounter, KwicMatch};
    use shuzhi::Analyzer;
    use std::sync::LazyLock;

    static AN: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("一、存在的问题\n".to_owned()),
            Just("統籌疫情防控和經濟社會發展。".to_owned()),
            Just("要加强学习，落实三会一课。".to_owned()),
            Just("全年新增就业1100万人，".to_owned()),
            "\\PC{0,12}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn counting_and_concordance_never_panic(t in text(), term in "\\PC{0,3}") {
            let counter = CorpusCounter::new(&AN)
                .dictionary(CategoryDict::from_word_list("w", "疫情\n落实\n"))
                .unwrap();
            for a in AN.analyze_text("p", &t) {
                let d = counter.count(&a);
                let body: u64 = d.stats.role_chars.iter().sum();
                prop_assert_eq!(body, d.stats.body_chars);
                prop_assert!(d.stats.tokens <= a.chars as u64);
            }
            for mode in [KwicMatch::Substring, KwicMatch::Words] {
                for k in kwic(AN.segmenter(), &t, &term, 5, mode) {
                    prop_assert!(t.is_char_boundary(k.span[0]) && t.is_char_boundary(k.span[1]));
                    prop_assert_eq!(&t[k.span[0]..k.span[1]], k.matched.as_str());
                    prop_assert_eq!(t[..k.span[0]].chars().count(), k.char_start);
                }
            }
        }

        #[test]
        fn the_yaml_reader_never_panics(y in "(Name|Category|Dictionary|  pos|  - |- |\\[|\\]|:|'|\"|#| |\n|\\PC){0,40}") {
            let _ = CategoryDict::from_yaml("y", &y);
        }
    }
}
