//! The command-line tool, run as a user runs it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shuzhi"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn records(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_binary_file_in_a_batch_is_one_error_record() {
    let dir = std::env::temp_dir().join(format!("shuzhi-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for n in ["000", "002"] {
        let src = std::fs::read_dir(root().join("corpora/seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(n))
            .unwrap();
        std::fs::copy(&src, dir.join(format!("{n}.txt"))).unwrap();
    }
    std::fs::write(
        dir.join("001-broken.txt"),
        [0u8, 1, 2, 3, 0xff, 0xfe, 0, 0, 7],
    )
    .unwrap();
    std::fs::write(
        dir.join("003-old.doc"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
    )
    .unwrap();
    let out = bin().arg("analyze").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r = records(&out.stdout);
    assert_eq!(r.len(), 4);
    let kinds: Vec<_> = r
        .iter()
        .map(|x| x["error"]["kind"].as_str().unwrap_or("ok").to_owned())
        .collect();
    assert_eq!(kinds, ["ok", "binary", "ok", "unsupported_format"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 of 4 documents could not be read"));
    let strict = bin()
        .args(["analyze", "--strict", "--quiet"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
    assert!(strict.stderr.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn jsonl_in_order_with_ids_and_meta() {
    let mut child = bin()
        .args(["analyze", "--input-jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"同志们：\\n要抓落实。\", \"year\": 2020, \"region\": \"厦门\"}\n",
        "not json\n",
        "{\"id\": \"c\", \"title\": \"no text\"}\n",
        "{\"id\": 4, \"text\": \"存在的问题：学习不够深入。\"}\n"
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r = records(&out.stdout);
    assert_eq!(r.len(), 4);
    assert_eq!(r[0]["id"], "a");
    assert_eq!(r[0]["meta"]["year"], 2020);
    assert_eq!(r[0]["meta"]["region"], "厦门");
    assert_eq!(r[1]["error"]["kind"], "input");
    assert_eq!(r[2]["id"], "c");
    assert_eq!(r[2]["error"]["kind"], "input");
    assert_eq!(r[3]["id"], "4");
    assert_eq!(r[3]["schema"], "shuzhi/1");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        bin()
            .args(["analyze", "--no-such-flag"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["analyze", "--encoding", "klingon", "x"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn forced_encoding_and_too_large() {
    let dir = std::env::temp_dir().join(format!("shuzhi-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("整改措施：年底前完成。");
    std::fs::write(dir.join("g.txt"), &gbk).unwrap();
    let out = bin()
        .args(["analyze", "--encoding", "gbk"])
        .arg(dir.join("g.txt"))
        .output()
        .unwrap();
    let r = records(&out.stdout);
    assert_eq!(r[0]["encoding"], "gb18030");
    assert_eq!(r[0]["sentences"][0]["text"], "整改措施：年底前完成。");
    let out = bin()
        .args(["analyze", "--max-bytes", "8"])
        .arg(dir.join("g.txt"))
        .output()
        .unwrap();
    assert_eq!(records(&out.stdout)[0]["error"]["kind"], "too_large");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn screen_table_csv_and_jsonl() {
    let dir = root().join("corpora/synthetic");
    let files: Vec<PathBuf> = [
        "assess-balanced.txt",
        "assess-heavy.txt",
        "assess-residue.txt",
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect();
    let out = bin()
        .args(["screen", "--sort", "score"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(lines[0].starts_with("文档"));
    // Lowest score first: the achievement-heavy report, the balanced one last.
    assert!(
        lines[1].contains("assess-heavy.txt") && lines[1].contains("achievement_heavy"),
        "{table}"
    );
    assert!(lines[3].contains("assess-balanced.txt"), "{table}");
    let out = bin()
        .args(["screen", "--format", "csv", "--bom", "--only-flagged"])
        .args(&files)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("\u{feff}id,genre,chars,achievement_share"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 3, "balanced report has no flag: {csv}");
    let out = bin()
        .args(["screen", "--format", "jsonl"])
        .args(&files)
        .output()
        .unwrap();
    let r = records(&out.stdout);
    assert_eq!(r.len(), 3);
    assert!(r[1]["assessment"]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "achievement_heavy"));
}

#[test]
fn a_folders_own_notes_are_not_documents() {
    // corpora/seeds holds five speeches and SOURCES.md, which says where
    // they come from; a walk of the folder reads the speeches only.
    let out = bin()
        .args(["analyze", "-q"])
        .arg(root().join("corpora/seeds"))
        .output()
        .unwrap();
    let ids: Vec<String> = records(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.iter().all(|i| !i.contains("SOURCES")), "{ids:?}");
    assert!(ids.iter().any(|i| i.contains("000_")), "{ids:?}");
    // Named on the command line, the notes are read like any file.
    let out = bin()
        .args(["analyze", "-q"])
        .arg(root().join("corpora/seeds/SOURCES.md"))
        .output()
        .unwrap();
    assert_eq!(records(&out.stdout).len(), 1);
}
