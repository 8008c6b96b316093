//! `shuzhi corpus` and `shuzhi kwic`, run as a user runs them, on a few
//! short documents of the bulk corpus.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shuzhi"))
}

/// A JSON Lines file with the NPC resolutions of 2018–2021 and a broken line.
fn input(dir: &std::path::Path) -> PathBuf {
    let bulk =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/bulk/gwr-national-1954-2025.jsonl");
    let mut lines: Vec<String> = std::fs::read_to_string(bulk)
        .unwrap()
        .lines()
        .filter(|l| {
            [
                "\"npc-resolution-7\"",
                "\"npc-resolution-9\"",
                "\"npc-resolution-10\"",
                "\"npc-resolution-12\"",
            ]
            .iter()
            .any(|id| l.contains(id))
        })
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 4);
    lines.insert(2, "{not json".to_owned());
    let p = dir.join("in.jsonl");
    std::fs::write(&p, lines.join("\n")).unwrap();
    p
}

fn read_csv(p: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(p).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rows = Vec::new();
    // The files' cells here hold no quotes or line breaks except in
    // sentences.csv, which is not read this way.
    for l in text.lines() {
        rows.push(l.split(',').map(str::to_owned).collect::<Vec<_>>());
    }
    let head = rows.remove(0);
    (head, rows)
}

#[test]
fn corpus_writes_the_tables_and_prints_the_group_summary() {
    let dir = std::env::temp_dir().join(format!("shuzhi-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let inp = input(&dir);
    let dict = dir.join("tone.yaml");
    std::fs::write(
        &dict,
        "Name: 语气\nDesc: 测试\nRefer: 无\nCategory: [决心, 团结]\nDictionary:\n  决心:\n    - 坚决\n    - 确保\n  团结: [团结, 同心协力]\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = bin()
        .args([
            "corpus",
            "--input-jsonl",
            "--group-by",
            "title",
            "--bom",
            "--dict",
        ])
        .arg(&dict)
        .arg("--out")
        .arg(&out)
        .arg(&inp)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(stdout.starts_with("| group | documents | chars | achievement % | problem %"));
    assert_eq!(
        stdout.lines().count(),
        2 + 5,
        "header, rule, four titles and (none)"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 of 5 documents could not be read"));

    for f in [
        "documents",
        "sentences",
        "groups",
        "terms",
        "keywords",
        "keyness",
    ] {
        let bytes = std::fs::read(out.join(format!("{f}.csv"))).unwrap();
        assert!(
            bytes.starts_with("\u{feff}".as_bytes()),
            "{f}.csv has a BOM"
        );
    }
    let (head, rows) = read_csv(&out.join("documents.csv"));
    assert_eq!(rows.len(), 5);
    assert!(head.ends_with(&[
        "flags".into(),
        "tone_决心".into(),
        "tone_团结".into(),
        "error".into()
    ]));
    let id = head.iter().position(|c| c == "id").unwrap();
    let err = head.iter().position(|c| c == "error").unwrap();
    assert_eq!(rows[2][id], "line 3");
    assert!(rows[2][err].starts_with("input:"));
    let resolve = rows.iter().find(|r| r[id] == "npc-resolution-10").unwrap();
    let tuan = head.iter().position(|c| c == "tone_团结").unwrap();
    assert_eq!(resolve[tuan], "2", "紧密地团结 and 同心协力");

    let kwic = bin()
        .args(["kwic", "疫情", "--width", "6", "--input-jsonl"])
        .arg(&inp)
        .output()
        .unwrap();
    assert_eq!(kwic.status.code(), Some(0));
    let k = String::from_utf8(kwic.stdout).unwrap();
    let lines: Vec<&str> = k.lines().collect();
    assert_eq!(lines[0], "id,left,match,right,char_start");
    assert!(lines[1..]
        .iter()
        .all(|l| l.starts_with("npc-resolution-") && l.contains(",疫情,")));
    assert!(
        lines.contains(&"npc-resolution-10,发展工作，在,疫情,防控常态化前,359"),
        "{k}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
