//! The `shuzhi` command-line tool: a thin layer over the library.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;
use shuzhi::{Analysis, Analyzer, Config, Error, ErrorKind, ErrorRecord};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "shuzhi",
    version,
    about = "Read Chinese duty reports, work reports and speeches: outline, roles, figures"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Analyse documents and write one JSON Lines record per document (schema shuzhi/1).
    Analyze(Common),
    /// Score roles against gold JSON Lines (ANNOTATION.md format): per-role P/R/F1, macro-F1, confusion.
    Eval(EvalArgs),
    /// Fit the role model (data/role_model.tsv) on gold documents; with --cv,
    /// report leave-one-document-out macro-F1 instead.
    TrainRoles(TrainArgs),
}

#[derive(Args)]
struct TrainArgs {
    /// Gold file or directory of .jsonl files (use the dev split only).
    #[arg(long, required = true)]
    gold: Vec<PathBuf>,
    /// Where the gold files' documents are.
    #[arg(long, default_value = "corpora")]
    root: PathBuf,
    /// L2 regularisation strength(s); several with --cv.
    #[arg(long, default_value = "0.01", value_delimiter = ',')]
    l2: Vec<f32>,
    /// Gradient steps.
    #[arg(long, default_value_t = 300)]
    epochs: usize,
    /// Cross-validate instead of writing the model.
    #[arg(long)]
    cv: bool,
    /// Write the model here (default: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
}

fn run_train(a: TrainArgs) -> anyhow::Result<ExitCode> {
    // Features come from the rules alone: the learned layer never sees its own output.
    let an = Analyzer::new();
    let mut gold = Vec::new();
    for g in &a.gold {
        gold.extend(shuzhi::eval::load_gold(g).map_err(|e| anyhow::anyhow!("{e}"))?);
    }
    if a.cv {
        for l2 in &a.l2 {
            let f = shuzhi::eval::cross_validate_roles(&an, &gold, &a.root, *l2, a.epochs)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("l2 {l2}: leave-one-document-out macro-F1 {f:.3}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let tsv = shuzhi::eval::train_roles(&an, &gold, &a.root, a.l2[0], a.epochs)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    match &a.out {
        Some(p) => std::fs::write(p, tsv)?,
        None => print!("{tsv}"),
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
struct EvalArgs {
    /// Gold file or directory of .jsonl files.
    #[arg(long, required = true)]
    gold: Vec<PathBuf>,
    /// Where the gold files' documents are (default: corpora).
    #[arg(long, default_value = "corpora")]
    root: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn run_eval(a: EvalArgs) -> anyhow::Result<ExitCode> {
    let an = Analyzer::new();
    let mut gold = Vec::new();
    for g in &a.gold {
        gold.extend(shuzhi::eval::load_gold(g).map_err(|e| anyhow::anyhow!("{e}"))?);
    }
    let r = shuzhi::eval::evaluate(&an, &gold, &a.root).map_err(|e| anyhow::anyhow!("{e}"))?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        print!("{r}");
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
struct Common {
    /// Files or directories (recursive: .txt, .md, .docx), or - for standard input.
    #[arg(default_value = "-")]
    paths: Vec<String>,
    /// Read JSON Lines {"id": …, "text": …} and write one record per line, in order.
    #[arg(long)]
    input_jsonl: bool,
    /// Force the input encoding (gbk, gb18030, utf-8, utf-16le, big5…).
    #[arg(long, value_name = "E")]
    encoding: Option<String>,
    /// Settings file (TOML or JSON) with the fields of shuzhi::Config.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Largest document in bytes (default 32 MiB).
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<u64>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Exit with status 1 when any document could not be read.
    #[arg(long)]
    strict: bool,
    /// No summary on stderr.
    #[arg(long, short = 'q')]
    quiet: bool,
}

fn load_config(c: &Common) -> anyhow::Result<Config> {
    let mut cfg = match &c.config {
        Some(p) => {
            let s = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            if p.extension().is_some_and(|e| e == "json") {
                serde_json::from_str(&s)
                    .with_context(|| format!("bad JSON config {}", p.display()))?
            } else {
                toml::from_str(&s).with_context(|| format!("bad TOML config {}", p.display()))?
            }
        }
        None => Config::default(),
    };
    if let Some(e) = &c.encoding {
        cfg.encoding = Some(e.clone());
    }
    if let Some(m) = c.max_bytes {
        cfg.max_document_bytes = m;
    }
    Ok(cfg)
}

const EXTS: [&str; 8] = ["txt", "md", "docx", "doc", "wps", "pdf", "text", "markdown"];

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => {
                out.push(path.to_path_buf());
                return;
            }
        };
        entries.sort();
        for p in entries {
            if p.is_dir() {
                collect(&p, out);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(p);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}

/// One output line per record, JSON.
enum Out {
    Ok(Vec<Analysis>),
    Err(ErrorRecord),
}

struct Tally {
    docs: usize,
    failed: Vec<(String, String)>,
}

fn write_out(w: &mut impl Write, o: Out, t: &mut Tally) -> std::io::Result<()> {
    match o {
        Out::Ok(v) => {
            for a in v {
                t.docs += 1;
                serde_json::to_writer(&mut *w, &a)?;
                w.write_all(b"\n")?;
            }
        }
        Out::Err(e) => {
            t.docs += 1;
            t.failed.push((
                e.id.clone(),
                format!("{}: {}", e.error.kind, e.error.message),
            ));
            serde_json::to_writer(&mut *w, &e)?;
            w.write_all(b"\n")?;
        }
    }
    Ok(())
}

fn jsonl_line(an: &Analyzer, n: usize, line: &str) -> Out {
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Out::Err(ErrorRecord::new(
                format!("line {n}"),
                &Error::new(ErrorKind::Input, format!("line {n} is not JSON: {e}")),
            ))
        }
    };
    let serde_json::Value::Object(mut map) = v else {
        return Out::Err(ErrorRecord::new(
            format!("line {n}"),
            &Error::new(ErrorKind::Input, format!("line {n} is not a JSON object")),
        ));
    };
    let id = match map.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(x)) => x.to_string(),
        _ => format!("line {n}"),
    };
    let text = match map.remove("text") {
        Some(serde_json::Value::String(s)) => s,
        _ => {
            let mut r = ErrorRecord::new(
                id,
                &Error::new(ErrorKind::Input, format!("line {n} has no \"text\" string")),
            );
            r.meta = Some(map).filter(|m| !m.is_empty());
            return Out::Err(r);
        }
    };
    if text.len() as u64 > an.config().max_document_bytes {
        let mut r = ErrorRecord::new(
            id,
            &Error::new(
                ErrorKind::TooLarge,
                format!(
                    "the text is larger than {} bytes",
                    an.config().max_document_bytes
                ),
            ),
        );
        r.meta = Some(map).filter(|m| !m.is_empty());
        return Out::Err(r);
    }
    let mut v = an.analyze_text(&id, &text);
    let meta = Some(map).filter(|m| !m.is_empty());
    for a in &mut v {
        a.meta = meta.clone();
    }
    Out::Ok(v)
}

fn run_analyze(c: Common) -> anyhow::Result<ExitCode> {
    let cfg = load_config(&c)?;
    let an = Analyzer::builder()
        .config(cfg)
        .build()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(j) = c.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global()
            .ok();
    }
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut tally = Tally {
        docs: 0,
        failed: Vec::new(),
    };
    let chunk = rayon::current_num_threads() * 4;
    let res: std::io::Result<()> = (|| {
        if c.input_jsonl {
            for p in &c.paths {
                let reader: Box<dyn BufRead> = if p == "-" {
                    Box::new(std::io::BufReader::new(std::io::stdin()))
                } else {
                    match std::fs::File::open(p) {
                        Ok(f) => Box::new(std::io::BufReader::new(f)),
                        Err(e) => {
                            let err =
                                Error::with_source(ErrorKind::Io, format!("cannot open {p}"), e);
                            write_out(
                                &mut w,
                                Out::Err(ErrorRecord::new(p.clone(), &err)),
                                &mut tally,
                            )?;
                            continue;
                        }
                    }
                };
                let mut lines = reader.lines().enumerate();
                loop {
                    let mut batch = Vec::with_capacity(chunk);
                    for (i, l) in lines.by_ref() {
                        let l = l?;
                        if l.trim().is_empty() {
                            continue;
                        }
                        batch.push((i + 1, l));
                        if batch.len() >= chunk {
                            break;
                        }
                    }
                    if batch.is_empty() {
                        break;
                    }
                    let outs: Vec<Out> = batch
                        .par_iter()
                        .map(|(n, l)| jsonl_line(&an, *n, l))
                        .collect();
                    for o in outs {
                        write_out(&mut w, o, &mut tally)?;
                    }
                    w.flush()?;
                }
            }
        } else {
            let mut files = Vec::new();
            for p in &c.paths {
                if p == "-" {
                    let bytes = shuzhi_read_stdin(an.config().max_document_bytes);
                    let o = match bytes.and_then(|b| an.analyze_bytes(&b, "-")) {
                        Ok(v) => Out::Ok(v),
                        Err(e) => Out::Err(ErrorRecord::new("-", &e)),
                    };
                    write_out(&mut w, o, &mut tally)?;
                } else {
                    collect(Path::new(p), &mut files);
                }
            }
            for batch in files.chunks(chunk) {
                let outs: Vec<Out> = batch
                    .par_iter()
                    .map(|p| match an.analyze_path(p) {
                        Ok(v) => Out::Ok(v),
                        Err(e) => Out::Err(ErrorRecord::new(p.to_string_lossy(), &e)),
                    })
                    .collect();
                for o in outs {
                    write_out(&mut w, o, &mut tally)?;
                }
                w.flush()?;
            }
        }
        w.flush()
    })();
    if let Err(e) = res {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e.into());
    }
    if !c.quiet && !tally.failed.is_empty() {
        eprintln!(
            "shuzhi: {} of {} documents could not be read:",
            tally.failed.len(),
            tally.docs
        );
        for (id, msg) in tally.failed.iter().take(50) {
            eprintln!("  {id}: {msg}");
        }
    }
    Ok(if c.strict && !tally.failed.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn shuzhi_read_stdin(max: u64) -> shuzhi::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("standard input is larger than {max} bytes"),
        ));
    }
    Ok(buf)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let r = match cli.cmd {
        Cmd::Analyze(c) => run_analyze(c),
        Cmd::Eval(a) => run_eval(a),
        Cmd::TrainRoles(a) => run_train(a),
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            eprintln!("shuzhi: {e:#}");
            ExitCode::from(2)
        }
    }
}
