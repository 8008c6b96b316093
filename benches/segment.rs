//! Segmentation throughput: bare jieba-rs against `shuzhi::Segmenter` (with
//! the domain dictionary and number joining) on the same real text.
//!
//! The text is the first ~1 MB of the national government work reports,
//! `gwr-national-1954-2025.jsonl`: the file named by `SHUZHI_BENCH_JSONL`,
//! else `corpora/bulk/`, else `../shared/corpora/bulk/`; failing those,
//! `corpora/dev/*.txt`.
//!
//! ```text
//! cargo bench --bench segment
//! ```

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jieba_rs::Jieba;
use shuzhi::Segmenter;

/// How much text to segment per iteration.
const TARGET_BYTES: usize = 1 << 20;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);
static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

/// Whole documents, concatenated until the text reaches [`TARGET_BYTES`].
fn corpus() -> (String, String) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = "gwr-national-1954-2025.jsonl";
    let candidates = [
        std::env::var_os("SHUZHI_BENCH_JSONL").map(PathBuf::from),
        Some(manifest.join("corpora/bulk").join(name)),
        Some(manifest.join("../shared/corpora/bulk").join(name)),
    ];
    let mut text = String::new();
    for jsonl in candidates.into_iter().flatten() {
        let Ok(lines) = std::fs::read_to_string(&jsonl) else {
            continue;
        };
        for line in lines.lines() {
            let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = record.get("text").and_then(|t| t.as_str()) {
                text.push_str(t);
                text.push('\n');
            }
            if text.len() >= TARGET_BYTES {
                break;
            }
        }
        if !text.is_empty() {
            return (text, jsonl.display().to_string());
        }
    }
    let dev = manifest.join("corpora/dev");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dev)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for file in files {
        // UTF-8 files only; the GBK ones are for the decoder's tests.
        let is_txt = file.extension().is_some_and(|e| e == "txt");
        if let (true, Ok(t)) = (is_txt, std::fs::read_to_string(&file)) {
            text.push_str(&t);
            text.push('\n');
        }
        if text.len() >= TARGET_BYTES {
            break;
        }
    }
    assert!(
        !text.is_empty(),
        "no bench text: no {name} and nothing in {}",
        dev.display()
    );
    (text, dev.display().to_string())
}

fn segment(c: &mut Criterion) {
    let (text, source) = corpus();
    let text = text.as_str();
    // The answers each benchmark must keep giving, checked inside the loop.
    let bare_count = JIEBA.cut(text, true).len();
    let tokens = SEGMENTER.tokens(text);
    let seg_count = tokens.len();
    assert_eq!(tokens.iter().map(|t| t.text).collect::<String>(), text);
    eprintln!(
        "segment bench: {} bytes ({} chars) from {source}; jieba-rs {bare_count} tokens, \
         Segmenter {seg_count} tokens",
        text.len(),
        text.chars().count(),
    );

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("jieba-rs cut (bare)", |b| {
        b.iter(|| {
            let n = JIEBA.cut(std::hint::black_box(text), true).len();
            assert_eq!(n, bare_count);
        })
    });
    group.bench_function("Segmenter::tokens", |b| {
        b.iter(|| {
            let n = SEGMENTER.tokens(std::hint::black_box(text)).len();
            assert_eq!(n, seg_count);
        })
    });
    group.bench_function("Segmenter::tagged", |b| {
        b.iter(|| {
            let n = SEGMENTER.tagged(std::hint::black_box(text)).len();
            assert_eq!(n, seg_count);
        })
    });
    group.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
