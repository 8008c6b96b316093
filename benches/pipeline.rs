//! Ingest + outline, and full analysis, on the real bulk corpus.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shuzhi::Analyzer;

mod common;

fn bench(c: &mut Criterion) {
    let texts = common::bulk_texts(usize::MAX);
    let bytes: Vec<Vec<u8>> = texts.iter().map(|t| t.as_bytes().to_vec()).collect();
    let total: usize = texts.iter().map(String::len).sum();
    let an = Analyzer::new();
    let sentences: usize = texts.iter().map(|t| an.outline(t).sentences.len()).sum();
    let mut g = c.benchmark_group("bulk");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("ingest+outline", |b| {
        b.iter(|| {
            let mut n = 0;
            for raw in &bytes {
                let d = shuzhi::decode(raw, None).unwrap();
                n += an.outline(&d.text).sentences.len();
            }
            assert_eq!(n, sentences);
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += an.analyze(t).sentences.len();
            }
            assert_eq!(n, sentences);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
