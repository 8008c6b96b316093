//! `shuzhi corpus` and `shuzhi kwic`: the corpus tables and concordances.

use super::{build_analyzer, finish, prepare, runner, Common, Tally};
use anyhow::Context;
use clap::Args;
use shuzhi::corpus::{
    kwic, sentences_table, CategoryDict, Corpus, CorpusConfig, CorpusCounter, GroupBy, KwicMatch,
    Stoplist, Table,
};
use shuzhi::{Analysis, Analyzer, ErrorRecord};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub(crate) struct CorpusArgs {
    #[command(flatten)]
    common: Common,
    /// Directory for the tables (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Group documents by an input field (year, region, kind…, or genre);
    /// FIELD/N bins numbers: year/10 groups by decade.
    #[arg(long, value_name = "FIELD")]
    group_by: Option<String>,
    /// Keep only documents whose field has this value (repeatable; all must hold).
    #[arg(long = "where", value_name = "FIELD=VALUE")]
    filters: Vec<String>,
    /// Category dictionary to count per document (repeatable): cntext YAML
    /// (.yaml, .yml) or a plain word list, one word a line.
    #[arg(long, value_name = "FILE")]
    dict: Vec<PathBuf>,
    /// Extra stopwords, one a line (added to the embedded function-word list).
    #[arg(long, value_name = "FILE")]
    stopwords: Option<PathBuf>,
    /// Keywords per document and method.
    #[arg(long, default_value_t = 10, value_name = "N")]
    keywords: usize,
    /// TF-IDF keywords only.
    #[arg(long)]
    no_textrank: bool,
    /// Leave terms counted fewer times in a group out of terms.csv.
    #[arg(long, default_value_t = 1, value_name = "N")]
    min_count: u64,
    /// Keyness rows need this many occurrences in the corpus.
    #[arg(long, default_value_t = 10, value_name = "N")]
    keyness_min_count: u64,
    /// Start every CSV file with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    bom: bool,
}

/// A `--where FIELD=VALUE` test.
struct Filter {
    field: String,
    value: String,
}

fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn keep(filters: &[Filter], meta: Option<&serde_json::Map<String, serde_json::Value>>) -> bool {
    filters.iter().all(|f| {
        meta.and_then(|m| m.get(&f.field))
            .is_some_and(|v| cell(v) == f.value)
    })
}

fn load_dict(p: &Path) -> anyhow::Result<CategoryDict> {
    let text =
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dict".to_owned());
    let yaml = p
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if yaml {
        CategoryDict::from_yaml(&stem, &text).map_err(|e| anyhow::anyhow!("{e}"))
    } else {
        Ok(CategoryDict::from_word_list(&stem, &text))
    }
}

pub(crate) fn run_corpus(a: CorpusArgs) -> anyhow::Result<ExitCode> {
    let c = &a.common;
    let group_by: Option<GroupBy> = match &a.group_by {
        Some(g) => Some(g.parse().map_err(|e| anyhow::anyhow!("{e}"))?),
        None => None,
    };
    let filters = a
        .filters
        .iter()
        .map(|f| {
            f.split_once('=')
                .map(|(k, v)| Filter {
                    field: k.trim().to_owned(),
                    value: v.trim().to_owned(),
                })
                .ok_or_else(|| anyhow::anyhow!("--where `{f}`: expected FIELD=VALUE"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let an = build_analyzer(c)?;
    let mut counter = CorpusCounter::new(&an).textrank(if a.no_textrank { 0 } else { a.keywords });
    if let Some(p) = &a.stopwords {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        counter = counter.stoplist(Stoplist::embedded().with_list(&text));
    }
    for p in &a.dict {
        counter = counter
            .dictionary(load_dict(p)?)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let mut corpus = Corpus::new(CorpusConfig {
        group_by,
        keywords: a.keywords,
        textrank: !a.no_textrank,
        min_term_count: a.min_count,
        keyness_min_count: a.keyness_min_count,
        ..CorpusConfig::default()
    });
    corpus.category_columns = counter.category_columns().to_vec();
    std::fs::create_dir_all(&a.out)
        .with_context(|| format!("cannot create {}", a.out.display()))?;
    let sentences_path = a.out.join("sentences.csv");
    let file = std::fs::File::create(&sentences_path)
        .with_context(|| format!("cannot write {}", sentences_path.display()))?;
    let mut sentences = std::io::BufWriter::new(file);
    sentences_table(&[]).write_csv_header(&mut sentences, a.bom)?;

    let mut tally = Tally {
        docs: 0,
        failed: Vec::new(),
    };
    let mut pending: Vec<Result<Analysis, ErrorRecord>> = Vec::new();
    // Counts the documents read so far, in input order, and writes their sentences.
    let mut flush = |pending: &mut Vec<Result<Analysis, ErrorRecord>>,
                     corpus: &mut Corpus|
     -> std::io::Result<()> {
        let oks: Vec<Analysis> = pending
            .iter()
            .filter_map(|r| r.as_ref().ok().cloned())
            .collect();
        sentences_table(&oks).write_csv_rows(&mut sentences)?;
        let mut counted = counter.count_all(&oks).into_iter();
        for r in pending.drain(..) {
            match r {
                Ok(_) => {
                    if let Some(d) = counted.next() {
                        corpus.push(d);
                    }
                }
                Err(e) => corpus.push(counter.error(&e)),
            }
        }
        Ok(())
    };
    let run = runner(c, &an)?;
    let (inputs, _) = prepare(c, &run, false)?;
    let res = run
        .analyze(&inputs, None, |r| match r {
            Some(Ok(x)) => {
                if keep(&filters, x.meta.as_ref()) {
                    tally.docs += 1;
                    pending.push(Ok(x));
                }
                Ok(())
            }
            Some(Err(e)) => {
                if keep(&filters, e.meta.as_ref()) {
                    tally.docs += 1;
                    tally.failed.push((
                        e.id.clone(),
                        format!("{}: {}", e.error.kind, e.error.message),
                    ));
                    pending.push(Err(e));
                }
                Ok(())
            }
            None => flush(&mut pending, &mut corpus),
        })
        .map(|_| ());
    let res = res.and_then(|()| flush(&mut pending, &mut corpus));
    let res = res.and_then(|()| sentences.flush());
    if let Err(e) = res {
        return finish(c, Err(e), &tally);
    }
    let mut written = corpus
        .write_tables(&a.out, a.bom)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    written.insert(0, sentences_path);
    let out = {
        let mut o = std::io::stdout().lock();
        o.write_all(corpus.summary().as_bytes())
            .and_then(|()| o.flush())
    };
    if !c.quiet {
        eprintln!(
            "shuzhi: {} documents; wrote {}",
            corpus.docs.len(),
            written
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    finish(c, out, &tally)
}

#[derive(Args)]
pub(crate) struct KwicArgs {
    /// The term to look for (simplified or traditional characters).
    term: String,
    /// Files or directories (recursive: .txt, .md, .docx), or - for standard input.
    #[arg(default_value = "-")]
    paths: Vec<String>,
    /// Read JSON Lines {"id": …, "text": …}.
    #[arg(long)]
    input_jsonl: bool,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 20, value_name = "N")]
    width: usize,
    /// Only matches on word boundaries of the segmenter (疫情 not inside 疫情防控 when that is one word).
    #[arg(long)]
    words: bool,
    /// Start the CSV with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    bom: bool,
}

fn kwic_rows(an: &Analyzer, a: &KwicArgs, id: &str, text: &str) -> Table {
    let mode = if a.words {
        KwicMatch::Words
    } else {
        KwicMatch::Substring
    };
    let mut t = kwic_table();
    for k in kwic(an.segmenter(), text, &a.term, a.width, mode) {
        t.push(vec![
            id.to_owned(),
            k.left,
            k.matched,
            k.right,
            k.char_start.to_string(),
        ]);
    }
    t
}

fn kwic_table() -> Table {
    Table::new(["id", "left", "match", "right", "char_start"])
}

pub(crate) fn run_kwic(a: KwicArgs) -> anyhow::Result<ExitCode> {
    let an = Analyzer::new();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let res: std::io::Result<()> = (|| {
        kwic_table().write_csv_header(&mut w, a.bom)?;
        for p in &a.paths {
            if a.input_jsonl {
                let reader: Box<dyn BufRead> = if p == "-" {
                    Box::new(std::io::BufReader::new(std::io::stdin()))
                } else {
                    match std::fs::File::open(p) {
                        Ok(f) => Box::new(std::io::BufReader::new(f)),
                        Err(e) => {
                            eprintln!("shuzhi: cannot open {p}: {e}");
                            failed += 1;
                            continue;
                        }
                    }
                };
                for (n, line) in reader.lines().enumerate() {
                    let line = line?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let v: serde_json::Value = match serde_json::from_str(&line) {
                        Ok(v) => v,
                        Err(e) => {
                            eprintln!("shuzhi: {p} line {}: not JSON: {e}", n + 1);
                            failed += 1;
                            continue;
                        }
                    };
                    let id = match &v["id"] {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Number(x) => x.to_string(),
                        _ => format!("line {}", n + 1),
                    };
                    let Some(text) = v["text"].as_str() else {
                        eprintln!("shuzhi: {p} line {}: no \"text\" string", n + 1);
                        failed += 1;
                        continue;
                    };
                    kwic_rows(&an, &a, &id, text).write_csv_rows(&mut w)?;
                }
                continue;
            }
            let mut files = Vec::new();
            if p == "-" {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)?;
                match an.decode_bytes(&buf, "-") {
                    Ok(text) => kwic_rows(&an, &a, "-", &text).write_csv_rows(&mut w)?,
                    Err(e) => {
                        eprintln!("shuzhi: -: {e}");
                        failed += 1;
                    }
                }
                continue;
            }
            super::pipeline::collect(Path::new(p), &mut files);
            for f in files {
                let id = f.to_string_lossy();
                match an.read_text(&f) {
                    Ok(text) => kwic_rows(&an, &a, &id, &text).write_csv_rows(&mut w)?,
                    Err(e) => {
                        eprintln!("shuzhi: {id}: {e}");
                        failed += 1;
                    }
                }
            }
        }
        w.flush()
    })();
    match res {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
        Ok(()) if failed > 0 => {
            eprintln!("shuzhi: {failed} inputs could not be read");
            Ok(ExitCode::SUCCESS)
        }
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}
