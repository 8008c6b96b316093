//! The share of problem statements in China's government work reports,
//! decade by decade, 1954–2025: the library behind `shuzhi corpus`.
//!
//! ```sh
//! cargo run --release --example corpus_decades                # prints the table
//! cargo run --release --example corpus_decades -- OUT_DIR     # and writes the CSV tables
//! ```
//!
//! It reads `corpora/bulk/gwr-national-1954-2025.jsonl` (one JSON object a
//! line: id, title, year, kind, source, text), keeps the reports (not the
//! NPC resolutions on them), and groups them by `year/10`.

use shuzhi::corpus::{sentences_table, Corpus, CorpusConfig, CorpusCounter};
use shuzhi::Analyzer;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let input =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/bulk/gwr-national-1954-2025.jsonl");
    let an = Analyzer::new();
    let counter = CorpusCounter::new(&an);
    let mut corpus = Corpus::new(CorpusConfig {
        group_by: Some("year/10".parse()?),
        ..CorpusConfig::default()
    });
    let mut analyses = Vec::new();
    for line in std::fs::read_to_string(&input)?.lines() {
        let serde_json::Value::Object(mut meta) = serde_json::from_str(line)? else {
            continue;
        };
        if meta.get("kind").and_then(|k| k.as_str()) != Some("work_report") {
            continue;
        }
        let id = meta
            .remove("id")
            .and_then(|v| v.as_str().map(str::to_owned));
        let text = meta
            .remove("text")
            .and_then(|v| v.as_str().map(str::to_owned));
        let (Some(id), Some(text)) = (id, text) else {
            continue;
        };
        for mut a in an.analyze_text(&id, &text) {
            a.meta = Some(meta.clone());
            analyses.push(a);
        }
    }
    for d in counter.count_all(&analyses) {
        corpus.push(d);
    }
    print!("{}", corpus.summary());
    if let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) {
        let mut written = corpus.write_tables(&dir, false)?;
        let p = dir.join("sentences.csv");
        let mut f = std::io::BufWriter::new(std::fs::File::create(&p)?);
        sentences_table(&analyses).write_csv(&mut f, false)?;
        written.push(p);
        for p in written {
            eprintln!("wrote {}", p.display());
        }
    }
    Ok(())
}
