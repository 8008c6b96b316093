//! Corpus statistics on top of analysis: counting documents (tagged
//! segmentation, stoplist, TextRank graph) and building the tables, on the
//! whole bulk corpus (`corpora/bulk`), one thread. Analysis itself is
//! measured in `pipeline`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shuzhi::corpus::{Corpus, CorpusConfig, CorpusCounter};
use shuzhi::Analyzer;

mod common;

fn bench(c: &mut Criterion) {
    let texts = common::bulk_texts(usize::MAX);
    let total: usize = texts.iter().map(String::len).sum();
    let an = Analyzer::new();
    let analyses: Vec<_> = texts
        .iter()
        .enumerate()
        .flat_map(|(i, t)| an.analyze_text(&format!("doc-{i}"), t))
        .collect();
    let counter = CorpusCounter::new(&an);
    let tokens: u64 = analyses.iter().map(|a| counter.count(a).stats.tokens).sum();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("count documents", |b| {
        b.iter(|| {
            let n: u64 = analyses.iter().map(|a| counter.count(a).stats.tokens).sum();
            assert_eq!(n, tokens);
        })
    });
    let mut corpus = Corpus::new(CorpusConfig {
        group_by: Some("genre".parse().unwrap()),
        ..CorpusConfig::default()
    });
    for a in &analyses {
        corpus.push(counter.count(a));
    }
    g.bench_function(
        "tables (documents, groups, terms, keywords, keyness)",
        |b| {
            b.iter(|| {
                let rows = corpus.documents_table().rows.len()
                    + corpus.groups_table().rows.len()
                    + corpus.terms_table().rows.len()
                    + corpus.keywords_table().rows.len()
                    + corpus.keyness_table().rows.len();
                assert!(rows > analyses.len());
            })
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
