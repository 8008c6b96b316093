//! The hostile-input corpus through the command-line tool: every input gives
//! exactly one record (an analysis, or an error with a kind and a message),
//! the exit status is as documented, and nothing panics.
//!
//! The small inputs are files in `corpora/synthetic/hostile/` (written by
//! its `make.py`); the big ones are generated here into a temporary
//! directory. The tool under test is the binary cargo built for the tests,
//! unoptimised, so the input "30 MB without punctuation" is 4 MB here;
//! `SHUZHI_HOSTILE_FULL=1` makes it 30 MB, and `SHUZHI_HOSTILE_DIR=DIR`
//! writes the big inputs into `DIR` and keeps them there. The README's
//! figures come from the full-size corpus and a release build.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Text of the seed speeches with every punctuation mark, space and line
/// break taken out.
fn unpunctuated() -> String {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("corpora/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut s = String::new();
    for p in paths {
        s.extend(
            std::fs::read_to_string(p)
                .unwrap()
                .chars()
                .filter(|c| c.is_alphanumeric()),
        );
    }
    assert!(s.len() > 10_000);
    s
}

/// `base` repeated to `bytes` bytes (cut at a char boundary).
fn sized(base: &str, bytes: usize) -> String {
    let mut s = base.repeat(bytes / base.len() + 1);
    let mut n = bytes;
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s.truncate(n);
    s
}

/// Writes the big inputs into `dir`; returns their paths.
fn write_big(dir: &Path) -> Vec<PathBuf> {
    let full = std::env::var_os("SHUZHI_HOSTILE_FULL").is_some_and(|v| v == "1");
    let text = unpunctuated();
    let mut out = Vec::new();
    let mut put = |name: &str, data: String| {
        let p = dir.join(name);
        std::fs::write(&p, data).unwrap();
        out.push(p);
    };
    let mb = if full { 30 } else { 4 };
    put("no-punctuation.txt", sized(&text, mb * 1_000_000));
    put(
        "one-sentence-3mb.txt",
        sized(&text, 3_000_000) + "，不断提高工作水平。",
    );
    // Millions of one-char lines: more sentences than Config::max_sentences.
    put(
        "short-lines.txt",
        "好\n".repeat(if full { 7_500_000 } else { 600_000 }),
    );
    put(
        "nested-quotes.txt",
        format!(
            "{}要抓落实{}",
            "“‘「『《（【".repeat(100_000 / 7 + 1),
            "】）》』」’”".repeat(100_000 / 7 + 1)
        ),
    );
    out
}

/// The committed small inputs, sorted by name, but for the compilation
/// (many documents in one file, tested on its own).
fn small() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("corpora/synthetic/hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "py"))
        .filter(|p| !p.to_string_lossy().contains("compilation"))
        .collect();
    v.sort();
    v
}

fn run(args: &[&str], paths: &[PathBuf]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_shuzhi"))
        .args(args)
        .args(paths)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    out
}

/// The records of a run, one per input, checked for the contract: an
/// analysis, or an error with a kind and a message. Returns the error kind
/// per input ("ok" for an analysis).
fn kinds(out: &Output, paths: &[PathBuf]) -> Vec<(String, String)> {
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let recs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), paths.len(), "one record per input");
    let mut v = Vec::new();
    for (r, p) in recs.iter().zip(paths) {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(r["schema"], "shuzhi/1");
        assert_eq!(r["id"].as_str(), Some(p.to_string_lossy().as_ref()));
        if let Some(e) = r.get("error") {
            let kind = e["kind"].as_str().unwrap();
            let msg = e["message"].as_str().unwrap();
            assert!(!kind.is_empty() && !msg.is_empty(), "{name}: {e}");
            assert!(r.get("sentences").is_none());
            v.push((name, kind.to_owned()));
        } else {
            assert!(
                r["sentences"].is_array() && r["assessment"].is_object(),
                "{name}"
            );
            for s in r["sentences"].as_array().unwrap() {
                let [a, b] = [&s["span"][0], &s["span"][1]].map(|x| x.as_u64().unwrap());
                assert!(a < b, "{name}");
            }
            v.push((name, "ok".to_owned()));
        }
    }
    v
}

#[test]
fn every_hostile_input_gives_one_record() {
    let keep = std::env::var_os("SHUZHI_HOSTILE_DIR").map(PathBuf::from);
    let dir = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("shuzhi-hostile-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = small();
    let big = write_big(&dir);
    paths.extend(big.iter().cloned());

    let out = run(&["analyze"], &paths);
    assert_eq!(out.status.code(), Some(0), "exit 0 when the run completed");
    let got = kinds(&out, &paths);
    let expect = [
        ("cr-only.txt", "ok"),
        ("crlf.txt", "ok"),
        ("empty.txt", "ok"),
        ("fake.docx", "docx"),
        ("legacy-doc-renamed.txt", "unsupported_format"),
        ("legacy.doc", "unsupported_format"),
        ("not-word.docx", "docx"),
        ("punctuation.txt", "ok"),
        ("random-high.txt", "decode"),
        ("random.bin", "binary"),
        ("truncated-gb18030.txt", "ok"),
        ("truncated.docx", "docx"),
        ("unicode-mix.txt", "ok"),
        ("utf16be-odd.txt", "ok"),
        ("utf16le-lone-surrogate.txt", "ok"),
        ("utf16le-no-bom.txt", "binary"),
        ("utf16le-odd.txt", "ok"),
        ("utf8-stray.txt", "ok"),
        ("whitespace.txt", "ok"),
        ("years-run.txt", "ok"),
        ("zip-bomb.docx", "docx"),
        ("no-punctuation.txt", "ok"),
        ("one-sentence-3mb.txt", "ok"),
        ("short-lines.txt", "too_large"),
        ("nested-quotes.txt", "ok"),
    ];
    let got_ref: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got_ref, expect);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("10 of 25 documents could not be read"),
        "{err}"
    );

    // The same run with --strict fails, and says so on stderr.
    let bad: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx" || e == "doc"))
        .cloned()
        .collect();
    let strict = run(&["analyze", "--strict"], &bad);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(kinds(&strict, &bad).len(), bad.len());
    let good: Vec<PathBuf> = paths
        .iter()
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("cr") || n.starts_with("utf16le-odd")
        })
        .cloned()
        .collect();
    assert_eq!(run(&["analyze", "--strict"], &good).status.code(), Some(0));
    if keep.is_none() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// What the decoded hostile inputs read as.
#[test]
fn hostile_text_reads_as_expected() {
    let paths = small();
    let pick = |name: &str| -> Vec<PathBuf> {
        paths
            .iter()
            .filter(|p| p.file_name().unwrap() == name)
            .cloned()
            .collect()
    };
    let one = |name: &str| -> serde_json::Value {
        let p = pick(name);
        let out = run(&["analyze"], &p);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Line ends of every kind give the same outline.
    let crlf = one("crlf.txt");
    let cr = one("cr-only.txt");
    let texts = |r: &serde_json::Value| -> Vec<String> {
        r["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(texts(&crlf), texts(&cr));
    assert_eq!(crlf["sections"].as_array().unwrap().len(), 3);
    // Repaired bytes are counted, and the text around them kept.
    for (name, enc, replaced) in [
        ("truncated-gb18030.txt", "gb18030", 1),
        ("utf8-stray.txt", "utf-8", 3),
        ("utf16le-odd.txt", "utf-16le", 1),
        ("utf16be-odd.txt", "utf-16be", 1),
        ("utf16le-lone-surrogate.txt", "utf-16le", 2),
    ] {
        let r = one(name);
        assert_eq!(r["encoding"], enc, "{name}");
        assert_eq!(r["replaced"], replaced, "{name}");
        assert!(texts(&r).iter().any(|t| t == "三、下一步打算"), "{name}");
    }
    // No text: an analysis with no sentences, flagged too short.
    for name in ["empty.txt", "whitespace.txt"] {
        let r = one(name);
        assert!(r["sentences"].as_array().unwrap().is_empty());
        let flags = r["assessment"]["flags"].as_array().unwrap();
        assert!(flags.iter().any(|f| f["code"] == "too_short"), "{name}");
    }
    let e = one("utf16le-no-bom.txt");
    assert!(e["error"]["message"]
        .as_str()
        .unwrap()
        .contains("--encoding utf-16le"));
    let mix = one("unicode-mix.txt");
    assert_eq!(mix["sections"][0]["marker"], "一、");
}

/// A compilation of 2,000 speeches is 2,000 records, in order.
#[test]
fn a_compilation_of_thousands_gives_a_record_each() {
    let p = root().join("corpora/synthetic/hostile/compilation-2000.txt");
    let out = run(&["analyze"], std::slice::from_ref(&p));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            assert!(r.get("error").is_none());
            assert_eq!(r["sentences"].as_array().unwrap().len(), 3);
            r["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 2000);
    assert_eq!(ids[1999], format!("{}#2000", p.display()));
}

#[test]
fn hostile_standard_input_gives_one_record() {
    for (input, kind) in [
        (&b""[..], "ok"),
        (&[0xff, 0xfe, 0x00, 0xd8, 0x41][..], "ok"),
        (&[0u8, 159, 146, 150, 0, 1][..], "binary"),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_shuzhi"))
            .args(["analyze", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let got = kinds(&out, &[PathBuf::from("-")]);
        assert_eq!(got[0].1, kind);
    }
}
