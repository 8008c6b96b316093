//! The `shuzhi` command-line tool: a thin layer over the library.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use shuzhi::{Analysis, Analyzer, Config, ErrorRecord, NearDups};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "shuzhi/corpus_cli.rs"]
mod corpus_cli;
#[path = "shuzhi_cli/pipeline.rs"]
mod pipeline;

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
    /// Corpus tables for pandas or R: documents, sentences, groups, terms,
    /// keywords, keyness (CSV in --out DIR); prints the group summary.
    Corpus(corpus_cli::CorpusArgs),
    /// Concordance lines for a term: CSV id, left, match, right, char_start.
    Kwic(corpus_cli::KwicArgs),
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
    #[arg(long, default_value = "0.0005", value_delimiter = ',')]
    l2: Vec<f32>,
    /// Gradient steps.
    #[arg(long, default_value_t = 300)]
    epochs: usize,
    /// Cross-validate instead of writing the model.
    #[arg(long)]
    cv: bool,
    /// With --cv: write every cross-validated prediction here as TSV
    /// (doc, gold, predicted, probability, text), for error analysis.
    #[arg(long, requires = "cv")]
    cv_out: Option<PathBuf>,
    /// Write the stage-1 model here (default: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write the stage-2 (context) model here (default: `role_context_model.tsv`
    /// beside --out; without --out it is not written).
    #[arg(long)]
    context_out: Option<PathBuf>,
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
            let preds =
                shuzhi::eval::cross_validate_predictions(&an, &gold, &a.root, *l2, a.epochs)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            if let Some(p) = &a.cv_out {
                let mut w = std::io::BufWriter::new(std::fs::File::create(p)?);
                writeln!(
                    w,
                    "doc\tgold\tpredicted\tprobability\ttext\tp_achievement\tp_problem\tp_cause\tp_commitment\tp_other"
                )?;
                for c in &preds {
                    writeln!(
                        w,
                        "{}\t{}\t{}\t{:.3}\t{}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}",
                        c.doc,
                        c.gold.as_str(),
                        c.predicted.as_str(),
                        c.probability,
                        c.text.replace(['\t', '\n', '\r'], " "),
                        c.probabilities[0],
                        c.probabilities[1],
                        c.probabilities[2],
                        c.probabilities[3],
                        c.probabilities[4]
                    )?;
                }
            }
            let (f, conf) = shuzhi::eval::cv_summary(&preds);
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
    let t = shuzhi::eval::train_roles(&an, &gold, &a.root, a.l2[0], a.epochs)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let context_out = a.context_out.clone().or_else(|| {
        a.out
            .as_ref()
            .map(|p| p.with_file_name("role_context_model.tsv"))
    });
    match &a.out {
        Some(p) => std::fs::write(p, &t.model)?,
        None => {
            let _ = std::io::stdout().lock().write_all(t.model.as_bytes());
        }
    }
    if let Some(p) = context_out {
        std::fs::write(p, &t.context)?;
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
    /// One self-contained HTML review page (summary table and each text tinted by role).
    Html,
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
    /// `other:0.93;other2:0.85` from the near_duplicate flags.
    near: String,
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
                near: asm
                    .map(|x| {
                        x.flags
                            .iter()
                            .filter_map(|f| {
                                Some(format!("{}:{:.3}", f.other.as_ref()?, f.similarity?))
                            })
                            .collect::<Vec<_>>()
                            .join(";")
                    })
                    .unwrap_or_default(),
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
            near: String::new(),
        },
    }
}

/// The pairs, as `screen` lists them after the table: most similar first.
fn pair_lines(nd: &NearDups, first: usize) -> Vec<(f64, String, String)> {
    let mut v: Vec<(f64, String, String)> = nd
        .pairs()
        .iter()
        .map(|p| {
            // An input first; a reference is marked as such.
            let (x, y) = if p.a < first { (p.b, p.a) } else { (p.a, p.b) };
            let other = if nd.is_reference(y) {
                format!("往年：{}", nd.id(y))
            } else {
                nd.id(y).to_owned()
            };
            (p.similarity, nd.id(x).to_owned(), other)
        })
        .collect();
    v.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    v
}

fn run_screen(a: ScreenArgs) -> anyhow::Result<ExitCode> {
    let c = &a.common;
    let an = build_analyzer(c)?;
    let run = runner(c, &an)?;
    let (inputs, nd) = prepare(c, &run, true)?;
    let mut tally = Tally::default();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let keep = |r: &Result<Analysis, ErrorRecord>| {
        !a.only_flagged
            || match r {
                Ok(x) => x.assessment.as_ref().is_some_and(|s| !s.flags.is_empty()),
                Err(_) => true,
            }
    };
    // JSON Lines in input order stream; everything else keeps the small rows
    // (or, for sorted JSON Lines and the HTML page, the records) until the end.
    let stream = matches!(a.format, Format::Jsonl) && a.sort.is_none();
    let mut recs: Vec<Result<Analysis, ErrorRecord>> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let res = run.analyze(&inputs, nd.as_ref().map(|(n, f)| (n, *f)), |r| {
        let Some(r) = r else {
            return if stream { w.flush() } else { Ok(()) };
        };
        tally.count(&r);
        if !keep(&r) {
            return Ok(());
        }
        if stream {
            write_record(&mut w, &r)
        } else if matches!(a.format, Format::Jsonl | Format::Html) {
            // The page shows every sentence: it needs the whole records.
            recs.push(r);
            Ok(())
        } else {
            rows.push(row(&r));
            Ok(())
        }
    });
    let key_score =
        |score: Option<u8>, err: bool| if err { (1, 0) } else { (0, score.unwrap_or(0)) };
    match a.sort {
        Some(SortKey::Score) => {
            recs.sort_by_key(|r| match r {
                Ok(x) => key_score(x.assessment.as_ref().map(|s| s.score.total), false),
                Err(_) => key_score(None, true),
            });
            rows.sort_by_key(|x| key_score(x.score, !x.error.is_empty()));
        }
        Some(SortKey::Id) => {
            recs.sort_by(|x, y| {
                let id = |r: &Result<Analysis, ErrorRecord>| match r {
                    Ok(a) => a.id.clone(),
                    Err(e) => e.id.clone(),
                };
                id(x).cmp(&id(y))
            });
            rows.sort_by(|x, y| x.id.cmp(&y.id));
        }
        None => {}
    }
    let pairs = nd
        .as_ref()
        .map(|(n, f)| pair_lines(n, *f))
        .unwrap_or_default();
    let out: std::io::Result<()> = (|| {
        match a.format {
            Format::Jsonl => {
                for r in &recs {
                    write_record(&mut w, r)?;
                }
            }
            Format::Html => w.write_all(shuzhi::review_html(&recs).as_bytes())?,
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
                    "near_duplicates",
                ])?;
                for x in rows {
                    let mut v = vec![x.id, x.genre, x.chars];
                    v.extend(x.shares);
                    v.push(x.score.map(|s| s.to_string()).unwrap_or_default());
                    v.push(x.flags);
                    v.push(x.error);
                    v.push(x.near);
                    cw.write_record(&v)?;
                }
                cw.flush()?;
            }
            Format::Table => {
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
                if !pairs.is_empty() {
                    writeln!(
                        w,
                        "\n近似重复（估计相似度 ≥ {:.2}，共{}对）：",
                        an.config().near_duplicate_threshold,
                        pairs.len()
                    )?;
                    let wa = pairs.iter().map(|p| width(&p.1)).max().unwrap_or(0);
                    for (s, x, y) in &pairs {
                        writeln!(w, "{s:.2}  {}  ↔  {y}", pad(x, wa))?;
                    }
                }
            }
        }
        w.flush()
    })();
    finish(c, res.map(|_| ()).and(out), &tally)
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
    /// No progress bar and no summary on stderr.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Look for near-duplicate documents and flag them (on by default for
    /// screen; needs two quick extra passes over the input).
    #[arg(long)]
    near_dups: bool,
    /// Do not look for near-duplicates (screen).
    #[arg(long, conflicts_with = "near_dups")]
    no_near_dups: bool,
    /// Also compare with these reports (last year's: files, directories or
    /// .jsonl files); only the inputs are flagged. Implies --near-dups.
    #[arg(long, value_name = "DIR")]
    compare_with: Vec<String>,
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

/// Failed documents, for the summary on stderr.
#[derive(Default)]
struct Tally {
    docs: usize,
    failed: Vec<(String, String)>,
}

impl Tally {
    fn count(&mut self, r: &Result<Analysis, ErrorRecord>) {
        self.docs += 1;
        if let Err(e) = r {
            self.failed.push((
                e.id.clone(),
                format!("{}: {}", e.error.kind, e.error.message),
            ));
        }
    }
}

fn build_analyzer(c: &Common) -> anyhow::Result<Analyzer> {
    let cfg = load_config(c)?;
    Analyzer::builder()
        .config(cfg)
        .build()
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// The thread pool (`--jobs N`: a pool of its own; default: rayon's, one
/// thread per core) and the progress setting.
fn runner<'a>(c: &Common, an: &'a Analyzer) -> anyhow::Result<pipeline::Runner<'a>> {
    let pool = match c.jobs {
        Some(j) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(j.max(1))
                .build()
                .context("cannot start the worker threads")?,
        ),
        None => None,
    };
    Ok(pipeline::Runner {
        an,
        pool,
        progress: !c.quiet,
    })
}

/// The inputs, and the near-duplicates when asked for (`on` by default):
/// the index of the first input document in them, and the references.
fn prepare(
    c: &Common,
    run: &pipeline::Runner<'_>,
    on: bool,
) -> anyhow::Result<(pipeline::Inputs, Option<(NearDups, usize)>)> {
    let near = (on || c.near_dups || !c.compare_with.is_empty()) && !c.no_near_dups;
    let max = run.an.config().max_document_bytes;
    let passes = if near { 4 } else { 1 };
    let inputs = pipeline::Inputs::new(&c.paths, c.input_jsonl, passes, max)?;
    if !near {
        return Ok((inputs, None));
    }
    let refs = pipeline::Inputs::new(&c.compare_with, false, passes, max)?;
    let found = run.near_dups(&refs, &inputs)?;
    // The references come first in the search.
    let first = (0..found.len()).filter(|&i| found.is_reference(i)).count();
    Ok((inputs, Some((found, first))))
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
        if tally.failed.len() > 50 {
            eprintln!("  … and {} more", tally.failed.len() - 50);
        }
    }
    Ok(if c.strict && !tally.failed.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_record(w: &mut impl Write, r: &Result<Analysis, ErrorRecord>) -> std::io::Result<()> {
    match r {
        Ok(a) => serde_json::to_writer(&mut *w, a)?,
        Err(e) => serde_json::to_writer(&mut *w, e)?,
    }
    w.write_all(b"\n")
}

fn run_analyze(c: Common) -> anyhow::Result<ExitCode> {
    let an = build_analyzer(&c)?;
    let run = runner(&c, &an)?;
    let (inputs, nd) = prepare(&c, &run, false)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    let res = run
        .analyze(&inputs, nd.as_ref().map(|(n, f)| (n, *f)), |r| match r {
            Some(r) => {
                tally.count(&r);
                write_record(&mut w, &r)
            }
            None => w.flush(),
        })
        .and_then(|_| w.flush());
    finish(&c, res, &tally)
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
        Cmd::Corpus(a) => corpus_cli::run_corpus(a),
        Cmd::Kwic(a) => corpus_cli::run_kwic(a),
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            eprintln!("shuzhi: {e:#}");
            ExitCode::from(2)
        }
    }
}
