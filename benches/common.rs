//! Bench input: real reports and speeches from the bulk corpus.

use std::path::PathBuf;

/// Texts of `corpora/bulk/*.jsonl` (in file order), up to `max_bytes` in all.
pub fn bulk_texts(max_bytes: usize) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/bulk");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpora/bulk")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    let mut total = 0;
    for f in files {
        for line in std::fs::read_to_string(&f).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let t = v["text"].as_str().unwrap_or_default().to_owned();
            total += t.len();
            out.push(t);
            if total >= max_bytes {
                return out;
            }
        }
    }
    out
}
