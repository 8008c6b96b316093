//! The whole pipeline against bare jieba-rs, in one run so the ratios are
//! fair: bare `jieba_rs::Jieba::cut`, the crate's segmenter, segmentation
//! plus figures, decode + outline, full analysis, and the batch API on one
//! thread and on every thread, all on the same sentences of the real bulk
//! corpus (`corpora/bulk`); then `Analyzer::new()`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shuzhi::{Analyzer, FigureFinder, Segmenter, Source};

mod common;

fn bench(c: &mut Criterion) {
    let texts = common::bulk_texts(usize::MAX);
    let total: usize = texts.iter().map(String::len).sum();
    let an = Analyzer::new();
    // The sentences every stage sees (analysis segments sentence by sentence).
    let outlines: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            an.outline(t)
                .sentences
                .into_iter()
                .map(|s| s.text)
                .collect()
        })
        .collect();
    let n_sentences: usize = outlines.iter().map(Vec::len).sum();
    let jieba = jieba_rs::Jieba::new();
    let seg = Segmenter::new();
    let figs = FigureFinder::new();
    let mut g = c.benchmark_group("bulk");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("jieba-rs cut (bare)", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in outlines.iter().flatten() {
                n += jieba.cut(s, true).len();
            }
            assert!(n > 0);
        })
    });
    g.bench_function("segmenter (domain dict)", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in outlines.iter().flatten() {
                n += seg.tokens(s).len();
            }
            assert!(n > 0);
        })
    });
    g.bench_function("segmenter + figures", |b| {
        b.iter(|| {
            let mut n = 0;
            for (i, s) in outlines.iter().flatten().enumerate() {
                n += seg.tokens(s).len();
                n += figs.find(s, 0, 0, i).len();
            }
            assert!(n > 0);
        })
    });
    g.bench_function("decode + outline", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                let d = shuzhi::decode(t.as_bytes(), None).unwrap();
                n += an.outline(&d.text).sentences.len();
            }
            assert_eq!(n, n_sentences);
        })
    });
    g.bench_function("analyze (all stages)", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += an.analyze(t).sentences.len();
            }
            assert_eq!(n, n_sentences);
        })
    });
    // The batch API (what `shuzhi analyze` runs), each document one input,
    // on a pool of one thread and on one of every core.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let name = format!(
            "batch ({threads} thread{})",
            if threads == 1 { "" } else { "s" }
        );
        g.bench_function(name.as_str(), |b| {
            b.iter(|| {
                let inputs: Vec<Source> = texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Source::text(i.to_string(), t.clone()))
                    .collect();
                let mut n = 0;
                an.batch()
                    .pool(&pool)
                    .run(inputs, |ev| {
                        if let shuzhi::Event::Item(o) = ev {
                            n += o.result.map_or(0, |v| v[0].sentences.len());
                        }
                        Ok::<(), ()>(())
                    })
                    .unwrap();
                assert_eq!(n, n_sentences);
            })
        });
    }
    g.finish();
}

/// Building the analyzer: jieba's dictionary, the domain dictionary, the
/// lexicons.
fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("Analyzer::new()", |b| {
        b.iter(|| {
            let an = Analyzer::new();
            assert!(!an.segmenter().dictionaries().is_empty());
        })
    });
    g.finish();
}

criterion_group!(benches, bench, build);
criterion_main!(benches);
