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
    /// A verdict per document: genre, role shares, score and flags.
    Screen(ScreenArgs),
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
    #[arg(long, default_value = "0.001", value_delimiter = ',')]
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
            let (f, conf) = f;
            let mut out = std::io::stdout().lock();
            if writeln!(out, "l2 {l2}: leave-one-document-out macro-F1 {f:.3}").is_err() {
                return Ok(ExitCode::SUCCESS);
            }
            let off: Vec<String> = conf
                .iter()
                .filter(|(k, _)| k.split("->").next() != k.split("->").nth(1))
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            if writeln!(out, "  errors: {}", off.join(", ")).is_err() {
                return Ok(ExitCode::SUCCESS);
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let tsv = shuzhi::eval::train_roles(&an, &gold, &a.root, a.l2[0], a.epochs)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    match &a.out {
        Some(p) => std::fs::write(p, tsv)?,
        None => {
            let _ = std::io::stdout().lock().write_all(tsv.as_bytes());
        }
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
struct ScreenArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Start CSV output with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    bom: bool,
    /// Only documents with at least one flag (and the ones that could not be read).
    #[arg(long)]
    only_flagged: bool,
    /// Order of the rows (default: input order).
    #[arg(long, value_enum)]
    sort: Option<SortKey>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Csv,
    Jsonl,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SortKey {
    /// Lowest score first: the reports to read first.
    Score,
    /// By id.
    Id,
}

/// Display width in a terminal: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            if (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
                || (0x20000..=0x3FFFD).contains(&u)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(s))));
    out
}

/// One row of the screening table.
struct Row {
    id: String,
    genre: String,
    chars: String,
    shares: [String; 5],
    score: Option<u8>,
    flags: String,
    error: String,
}

fn row(r: &Result<Analysis, ErrorRecord>) -> Row {
    match r {
        Ok(a) => {
            let asm = a.assessment.as_ref();
            let sh = asm.map(|x| x.shares).unwrap_or_default();
            let f = |x: f64| format!("{:.1}", x * 100.0);
            let mut codes: Vec<&str> = asm
                .map(|x| x.flags.iter().map(|f| f.code.as_str()).collect())
                .unwrap_or_default();
            codes.dedup();
            Row {
                id: a.id.clone(),
                genre: a.genre.as_str().to_owned(),
                chars: a.chars.to_string(),
                shares: [
                    f(sh.achievement),
                    f(sh.problem),
                    f(sh.cause),
                    f(sh.commitment),
                    f(sh.other),
                ],
                score: asm.map(|x| x.score.total),
                flags: codes.join(" "),
                error: String::new(),
            }
        }
        Err(e) => Row {
            id: e.id.clone(),
            genre: String::new(),
            chars: String::new(),
            shares: Default::default(),
            score: None,
            flags: String::new(),
            error: format!("{}: {}", e.error.kind, e.error.message),
        },
    }
}

fn run_screen(a: ScreenArgs) -> anyhow::Result<ExitCode> {
    let c = &a.common;
    let an = build_analyzer(c)?;
    let mut tally = Tally {
        docs: 0,
        failed: Vec::new(),
    };
    let mut recs: Vec<Result<Analysis, ErrorRecord>> = Vec::new();
    let res = drive(c, &an, &mut |ev| {
        if let Event::Record(o) = ev {
            match o {
                Out::Ok(v) => {
                    tally.docs += v.len();
                    recs.extend(v.into_iter().map(Ok));
                }
                Out::Err(e) => {
                    tally.docs += 1;
                    tally.failed.push((
                        e.id.clone(),
                        format!("{}: {}", e.error.kind, e.error.message),
                    ));
                    recs.push(Err(e));
                }
            }
        }
        Ok(())
    });
    if a.only_flagged {
        recs.retain(|r| match r {
            Ok(x) => x.assessment.as_ref().is_some_and(|s| !s.flags.is_empty()),
            Err(_) => true,
        });
    }
    match a.sort {
        Some(SortKey::Score) => recs.sort_by_key(|r| match r {
            Ok(x) => (0, x.assessment.as_ref().map_or(0, |s| s.score.total)),
            Err(_) => (1, 0),
        }),
        Some(SortKey::Id) => recs.sort_by(|x, y| {
            let id = |r: &Result<Analysis, ErrorRecord>| match r {
                Ok(a) => a.id.clone(),
                Err(e) => e.id.clone(),
            };
            id(x).cmp(&id(y))
        }),
        None => {}
    }
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let out: std::io::Result<()> = (|| {
        match a.format {
            Format::Jsonl => {
                for r in &recs {
                    match r {
                        Ok(x) => serde_json::to_writer(&mut w, x)?,
                        Err(e) => serde_json::to_writer(&mut w, e)?,
                    }
                    w.write_all(b"\n")?;
                }
            }
            Format::Csv => {
                if a.bom {
                    w.write_all("\u{feff}".as_bytes())?;
                }
                let mut cw = csv::Writer::from_writer(&mut w);
                cw.write_record([
                    "id",
                    "genre",
                    "chars",
                    "achievement_share",
                    "problem_share",
                    "cause_share",
                    "commitment_share",
                    "other_share",
                    "score",
                    "flags",
                    "error",
                ])?;
                for r in &recs {
                    let x = row(r);
                    let mut v = vec![x.id, x.genre, x.chars];
                    v.extend(x.shares);
                    v.push(x.score.map(|s| s.to_string()).unwrap_or_default());
                    v.push(x.flags);
                    v.push(x.error);
                    cw.write_record(&v)?;
                }
                cw.flush()?;
            }
            Format::Table => {
                let rows: Vec<Row> = recs.iter().map(row).collect();
                let head = [
                    "文档", "体裁", "字数", "成绩%", "问题%", "原因%", "措施%", "其他%", "得分",
                    "标记",
                ];
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|x| {
                        let mut v = vec![x.id.clone(), x.genre.clone(), x.chars.clone()];
                        v.extend(x.shares.iter().cloned());
                        v.push(x.score.map(|s| s.to_string()).unwrap_or_default());
                        v.push(if x.error.is_empty() {
                            x.flags.clone()
                        } else {
                            x.error.clone()
                        });
                        v
                    })
                    .collect();
                let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
                for r in &cells {
                    for (i, c) in r.iter().enumerate().take(widths.len() - 1) {
                        widths[i] = widths[i].max(width(c));
                    }
                }
                let line = |w: &mut dyn Write, v: &[String]| -> std::io::Result<()> {
                    let n = v.len();
                    let s: Vec<String> = v
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            if i + 1 == n {
                                c.clone()
                            } else {
                                pad(c, widths[i])
                            }
                        })
                        .collect();
                    writeln!(w, "{}", s.join("  ").trim_end())
                };
                line(
                    &mut w,
                    &head.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>(),
                )?;
                for r in &cells {
                    line(&mut w, r)?;
                }
            }
        }
        w.flush()
    })();
    finish(c, res.and(out), &tally)
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
    let meta = Some(map).filter(|m| !m.is_empty());
    match an.try_analyze_text(&id, &text) {
        Ok(mut v) => {
            for a in &mut v {
                a.meta = meta.clone();
            }
            Out::Ok(v)
        }
        Err(e) => {
            let mut r = ErrorRecord::new(id, &e);
            r.meta = meta;
            Out::Err(r)
        }
    }
}

/// What the driver hands to a sink: a record, or a point to flush at.
enum Event {
    Record(Out),
    Flush,
}

fn build_analyzer(c: &Common) -> anyhow::Result<Analyzer> {
    let cfg = load_config(c)?;
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
    Ok(an)
}

/// Reads every input of `c` in order, analyses in parallel batches, and
/// hands each record to `sink` in input order.
fn drive(
    c: &Common,
    an: &Analyzer,
    sink: &mut dyn FnMut(Event) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let chunk = rayon::current_num_threads() * 4;
    if c.input_jsonl {
        for p in &c.paths {
            let reader: Box<dyn BufRead> = if p == "-" {
                Box::new(std::io::BufReader::new(std::io::stdin()))
            } else {
                match std::fs::File::open(p) {
                    Ok(f) => Box::new(std::io::BufReader::new(f)),
                    Err(e) => {
                        let err = Error::with_source(ErrorKind::Io, format!("cannot open {p}"), e);
                        sink(Event::Record(Out::Err(ErrorRecord::new(p.clone(), &err))))?;
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
                    .map(|(n, l)| jsonl_line(an, *n, l))
                    .collect();
                for o in outs {
                    sink(Event::Record(o))?;
                }
                sink(Event::Flush)?;
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
                sink(Event::Record(o))?;
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
                sink(Event::Record(o))?;
            }
            sink(Event::Flush)?;
        }
    }
    Ok(())
}

/// Summary on stderr and the exit status, as DESIGN.md says.
fn finish(c: &Common, res: std::io::Result<()>, tally: &Tally) -> anyhow::Result<ExitCode> {
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

fn run_analyze(c: Common) -> anyhow::Result<ExitCode> {
    let an = build_analyzer(&c)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut tally = Tally {
        docs: 0,
        failed: Vec::new(),
    };
    let res = drive(&c, &an, &mut |ev| match ev {
        Event::Record(o) => write_out(&mut w, o, &mut tally),
        Event::Flush => w.flush(),
    })
    .and_then(|()| w.flush());
    finish(&c, res, &tally)
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
        Cmd::Screen(a) => run_screen(a),
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
