//! Near-duplicates among 10,000 documents generated from the real bulk
//! corpus (`benches/support/neardup_corpus.rs`: real pieces, documents
//! mixed from real sentences, and 1,000 planted copies with 2–10% of their
//! text edited). Timed: both passes of the search (the sentences the
//! batch shares, then the signatures) and the LSH pairing, from the
//! documents' sentences to the pairs; on one thread, and with the per-document
//! work on every core. Every planted copy must be found (asserted in the
//! loop).
//!
//! ```text
//! cargo bench --bench dedup
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use shuzhi::{Config, LineCounter, LineSet, NearDupIndex, NearDups, Signature};

#[path = "support/neardup_corpus.rs"]
mod corpus;

const DOCS: usize = 10_000;
const COPIES: usize = 1_000;

fn search(docs: &[Vec<String>], parallel: bool) -> NearDups {
    let cfg = Config::default();
    let lines = |d: &Vec<String>| LineSet::of(d.iter().map(String::as_str));
    let sets: Vec<LineSet> = if parallel {
        docs.par_iter().map(lines).collect()
    } else {
        docs.iter().map(lines).collect()
    };
    let mut counter = LineCounter::new();
    for s in &sets {
        counter.add(s);
    }
    let bp = counter.boilerplate(&cfg);
    let sig = |d: &Vec<String>| Signature::of(d.iter().map(String::as_str), &bp);
    let sigs: Vec<Option<Signature>> = if parallel {
        docs.par_iter().map(sig).collect()
    } else {
        docs.iter().map(sig).collect()
    };
    let mut ix = NearDupIndex::new();
    for (i, s) in sigs.into_iter().enumerate() {
        ix.push(i.to_string(), s, false);
    }
    ix.find(cfg.near_duplicate_threshold)
}

fn bench(c: &mut Criterion) {
    let texts: Vec<String> = corpus::bulk_docs().into_iter().map(|(_, t)| t).collect();
    let set = corpus::generate(&texts, DOCS, COPIES, 2026);
    let an = shuzhi::Analyzer::new();
    // The sentences, as the CLI's outline pass gives them.
    let docs: Vec<Vec<String>> = set
        .docs
        .iter()
        .map(|t| {
            an.outline(t)
                .sentences
                .into_iter()
                .map(|s| s.text)
                .collect()
        })
        .collect();
    let bytes: usize = set.docs.iter().map(String::len).sum();
    let planted: Vec<(usize, usize)> = set
        .kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            corpus::Kind::Copy { of, .. } => Some((*of.min(&i), *of.max(&i))),
            _ => None,
        })
        .collect();
    let check = |found: &NearDups| {
        let pairs: std::collections::HashSet<(usize, usize)> =
            found.pairs().iter().map(|p| (p.a, p.b)).collect();
        let missed = planted.iter().filter(|p| !pairs.contains(p)).count();
        assert_eq!(missed, 0, "planted copies missed");
    };
    let found = search(&docs, false);
    check(&found);
    eprintln!(
        "dedup bench: {DOCS} documents, {:.1} MB, {COPIES} planted copies, {} pairs found",
        bytes as f64 / 1e6,
        found.pairs().len()
    );
    let mut g = c.benchmark_group("near-duplicates");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("10k documents (1 thread)", |b| {
        b.iter(|| check(&search(&docs, false)))
    });
    g.bench_function("10k documents (all threads)", |b| {
        b.iter(|| check(&search(&docs, true)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
