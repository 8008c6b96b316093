//! The command line in pipelines: one line out per line in, flushed as it
//! goes; the same bytes with one thread or two; near-duplicates in `screen`
//! and with `--compare-with`; the README's GNU parallel recipe.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shuzhi"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("shuzhi-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Kills `pid` after `secs` unless the test is done first, so that a
/// pipeline that stops flushing fails instead of hanging.
fn watchdog(pid: u32, secs: u64) -> std::sync::mpsc::Sender<()> {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        if rx.recv_timeout(Duration::from_secs(secs)).is_err() {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
    });
    tx
}

#[test]
fn jsonl_gives_one_line_out_per_line_in() {
    let mut input: Vec<u8> = Vec::new();
    input.extend("{\"id\": \"a\", \"text\": \"一、主要成效\\n全年召开党委会12次。\"}\n".as_bytes());
    input.extend(b"\n"); // an empty line
    input.extend(b"{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe\"}\n");
    input.extend(b"[1, 2]\n");
    input.extend(
        "{\"id\": \"e\", \"text\": \"二、存在的问题\\n理论学习不够深入。\"}\r\n".as_bytes(),
    );
    input.extend("{\"id\": \"f\", \"text\": \"篇1\\n同志们：\\n篇2\\n要抓落实。\"}".as_bytes());
    let mut child = bin()
        .args(["analyze", "--input-jsonl", "--quiet", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "one record per input line");
    let ids: Vec<&str> = lines.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "line 2", "line 3", "line 4", "e", "f"]);
    let kinds: Vec<&str> = lines
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(kinds, ["ok", "input", "input", "input", "ok", "ok"]);
    // A compilation in one line stays one record.
    assert_eq!(lines[5]["sentences"].as_array().unwrap().len(), 4);
}

#[test]
fn jsonl_answers_each_line_before_the_next_arrives() {
    let mut child = bin()
        .args(["analyze", "--input-jsonl", "--quiet", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let done = watchdog(child.id(), 120);
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    for id in ["一", "二", "三"] {
        writeln!(
            stdin,
            "{{\"id\": \"{id}\", \"text\": \"下一步，我们将在6月底前完成3个支部换届。\"}}"
        )
        .unwrap();
        stdin.flush().unwrap();
        // The input stays open: the record must come out now.
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let r: serde_json::Value = serde_json::from_str(&line).expect("a record, flushed");
        assert_eq!(r["id"], id);
    }
    drop(stdin);
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(rest.is_empty());
    assert!(child.wait().unwrap().success());
    let _ = done.send(());
}

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    let dirs = [root().join("corpora/written"), root().join("corpora/seeds")];
    let run = |args: &[&str]| {
        let out = bin().args(args).args(&dirs).output().unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let one = run(&["analyze", "--jobs", "1", "--near-dups"]);
    let two = run(&["analyze", "--jobs", "2", "--near-dups"]);
    assert!(one.len() > 100_000);
    assert!(one == two, "analyze output differs between --jobs 1 and 2");
    let one = run(&["screen", "--format", "csv", "--jobs", "1"]);
    let two = run(&["screen", "--format", "csv", "--jobs", "2"]);
    assert!(one == two, "screen output differs between --jobs 1 and 2");
}

#[test]
fn near_duplicates_in_screen_and_against_last_year() {
    let d = tmp("neardup");
    let (now, last) = (d.join("2024"), d.join("2023"));
    std::fs::create_dir_all(&now).unwrap();
    std::fs::create_dir_all(&last).unwrap();
    let w = root().join("corpora/written");
    let read = |f: &str| std::fs::read_to_string(w.join(f)).unwrap();
    let a = read("w01_dongling-zhen-dangjian-shuzhi.txt");
    let b = read("w02_jiaoyuju-dangzu-dangjian-shuzhi.txt");
    std::fs::write(now.join("a.txt"), &a).unwrap();
    // Another town's report: the same text with the name changed.
    std::fs::write(now.join("a-copy.txt"), a.replace("东岭镇", "西岭镇")).unwrap();
    std::fs::write(now.join("b.txt"), &b).unwrap();
    std::fs::write(
        now.join("c.txt"),
        read("w05_ranqi-fengongsi-zhibu-shuzhi.txt"),
    )
    .unwrap();
    // Last year's b, dates moved back.
    std::fs::write(last.join("b-2023.txt"), b.replace("2024", "2023")).unwrap();
    std::fs::write(
        last.join("d-2023.txt"),
        read("w06_xiping-cun-zhibu-shuzhi.txt"),
    )
    .unwrap();
    let out = bin()
        .arg("screen")
        .arg(&now)
        .arg("--compare-with")
        .arg(&last)
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let pairs: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with("近似重复"))
        .skip(1)
        .collect();
    assert_eq!(pairs.len(), 2, "{table}");
    assert!(pairs
        .iter()
        .any(|l| l.contains("a-copy.txt") && l.contains("a.txt")));
    assert!(pairs
        .iter()
        .any(|l| l.contains("b.txt") && l.contains("往年：") && l.contains("b-2023.txt")));
    // The records name the other document and the similarity.
    let out = bin()
        .arg("analyze")
        .arg(&now)
        .arg("--compare-with")
        .arg(&last)
        .output()
        .unwrap();
    let recs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 4);
    let near = |r: &serde_json::Value| -> Vec<(String, f64)> {
        r["assessment"]["flags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "near_duplicate")
            .map(|f| {
                assert_eq!(f["severity"], "warn");
                assert!(f["message"].as_str().unwrap().contains("高度相似"));
                (
                    f["other"].as_str().unwrap().to_owned(),
                    f["similarity"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    let by_id = |s: &str| {
        recs.iter()
            .find(|r| r["id"].as_str().unwrap().ends_with(s))
            .unwrap()
    };
    let (fa, fcopy, fb, fc) = (
        near(by_id("/a.txt")),
        near(by_id("a-copy.txt")),
        near(by_id("b.txt")),
        near(by_id("c.txt")),
    );
    assert!(fa.len() == 1 && fa[0].0.ends_with("a-copy.txt") && fa[0].1 > 0.9);
    assert!(fcopy.len() == 1 && fcopy[0].0.ends_with("a.txt"));
    assert!(fb.len() == 1 && fb[0].0.ends_with("b-2023.txt"));
    assert!(fc.is_empty());
    // Without near-duplicates, no flag and no pair list.
    let out = bin()
        .args(["screen", "--no-near-dups"])
        .arg(&now)
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(!table.contains("near_duplicate") && !table.contains("近似重复"));
    std::fs::remove_dir_all(&d).ok();
}

/// The README's GNU parallel recipe, on one bulk file: the same records,
/// in the same order, as one process gives.
#[test]
fn gnu_parallel_recipe_gives_the_same_records() {
    let has_parallel = Command::new("parallel")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_parallel {
        eprintln!(
            "SKIPPED gnu_parallel_recipe_gives_the_same_records: GNU parallel is not installed \
             (apt-get install parallel; .ci/run installs it)"
        );
        return;
    }
    let file = root().join("corpora/bulk/speeches-2020.jsonl");
    let direct = bin()
        .args(["analyze", "--input-jsonl", "--quiet"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(direct.status.success());
    let input = std::fs::File::open(&file).unwrap();
    let piped = Command::new("parallel")
        .args([
            "--will-cite",
            "--pipe",
            "--keep-order",
            "-N",
            "10",
            "-j",
            "2",
        ])
        .arg(env!("CARGO_BIN_EXE_shuzhi"))
        .args(["analyze", "--input-jsonl", "--quiet", "--jobs", "1", "-"])
        .stdin(input)
        .output()
        .unwrap();
    assert!(
        piped.status.success(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&direct.stdout).lines().count(), 58);
    assert!(
        direct.stdout == piped.stdout,
        "GNU parallel output differs from one process"
    );
}
