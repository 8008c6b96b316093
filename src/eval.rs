//! Accuracy against gold files in `ANNOTATION.md`'s format: per-role
//! precision, recall and F1, macro-F1, the confusion matrix.

use crate::analyzer::Analyzer;
use crate::error::{Error, ErrorKind, Result};
use crate::extract::Role;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One gold document (a line of a gold JSON Lines file).
///
/// ```
/// use shuzhi::eval::GoldDoc;
/// let g: GoldDoc = serde_json::from_str(r#"{"id": "w", "file": "corpora/written/w.txt",
///   "doc": {"has_problem_section": true},
///   "sentences": [{"text": "理论学习不够深入。", "heading": false, "role": "problem"}],
///   "figures": [{"text": "857处", "value": 857, "unit": "处", "kind": "quantity", "approx": "exact"}]}"#).unwrap();
/// assert_eq!(g.sentences[0].role, shuzhi::Role::Problem);
/// assert_eq!(g.figures[0].kind, "quantity");
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// The annotated file, relative to the corpus root.
    pub file: String,
    /// Document labels.
    #[serde(default)]
    pub doc: BTreeMap<String, bool>,
    /// Sentences in document order.
    pub sentences: Vec<GoldSentence>,
    /// Real figures in document order.
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
}

/// One gold figure (see [`GoldDoc`] for an example).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldFigure {
    /// The figure as it stands in the file.
    pub text: String,
    /// Its value: a number, or an ISO date string.
    pub value: serde_json::Value,
    /// Its kind (`quantity`, `percent`, `date`…).
    pub kind: String,
}

/// Figure detection against the gold: precision, recall and F1 of real
/// figures (aligned by overlap), and how often value and kind are right
/// (see [`EvalReport`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureScore {
    /// Precision of real figures.
    pub precision: f64,
    /// Recall of real figures.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Share of matched figures with the gold value.
    pub value_accuracy: f64,
    /// Share of matched figures with the gold kind.
    pub kind_accuracy: f64,
    /// Gold figures.
    pub gold: usize,
}

/// One gold sentence (see [`GoldDoc`] for an example).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldSentence {
    /// The sentence exactly as it stands in the file.
    pub text: String,
    /// Whether it is a heading (not scored).
    #[serde(default)]
    pub heading: bool,
    /// Its role.
    pub role: Role,
}

/// Precision, recall and F1 of one role (see [`EvalReport`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Gold sentences with this role.
    pub support: usize,
}

/// The result of [`evaluate`].
///
/// ```no_run
/// use shuzhi::{eval, Analyzer};
/// let gold = eval::load_gold("corpora/gold/test".as_ref()).unwrap();
/// let r = eval::evaluate(&Analyzer::new(), &gold, "corpora".as_ref()).unwrap();
/// println!("macro-F1 {:.3}", r.macro_f1);
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EvalReport {
    /// Documents scored.
    pub documents: usize,
    /// Non-heading gold sentences scored.
    pub sentences: usize,
    /// Gold sentences with no predicted sentence covering half of them.
    pub unaligned: usize,
    /// Per role.
    pub roles: BTreeMap<String, Prf>,
    /// Mean F1 over achievement, problem, cause and commitment.
    pub macro_f1: f64,
    /// Share of sentences with the right role.
    pub accuracy: f64,
    /// `gold -> predicted` counts (`none` when unaligned).
    pub confusion: BTreeMap<String, usize>,
    /// Figures.
    pub figures: FigureScore,
}

/// Reads gold documents from a `.jsonl` file or every `.jsonl` file of a directory.
///
/// # Errors
///
/// `io` when a file cannot be read, `input` for a line that is not a gold document.
pub fn load_gold(path: &Path) -> Result<Vec<GoldDoc>> {
    let mut files: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
            .collect()
    } else {
        vec![path.to_path_buf()]
    };
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| {
            Error::with_source(ErrorKind::Io, format!("cannot read {}", f.display()), e)
        })?;
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let d: GoldDoc = serde_json::from_str(line).map_err(|e| {
                Error::with_source(
                    ErrorKind::Input,
                    format!("{}:{}: not a gold document", f.display(), n + 1),
                    e,
                )
            })?;
            out.push(d);
        }
    }
    Ok(out)
}

fn find_file(root: &Path, name: &str) -> Option<PathBuf> {
    for cand in [root.join(name), PathBuf::from(name)] {
        if cand.is_file() {
            return Some(cand);
        }
    }
    let base = Path::new(name).file_name()?;
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).ok()?.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name() == Some(base) {
                return Some(p);
            }
        }
    }
    None
}

/// A predicted sentence: char span, role, heading.
type Predicted = ([usize; 2], Role, bool);

/// Predicted sentences of one file with their role features.
struct FileRun {
    text: String,
    preds: Vec<Predicted>,
    /// Where each predicted sentence sits (document, section, paragraph).
    keys: Vec<crate::extract::CtxKey>,
    feats: Vec<Vec<(String, f32)>>,
    /// Real figures: char span, value, kind.
    figures: Vec<(
        [usize; 2],
        crate::extract::FigureValue,
        crate::extract::FigureKind,
    )>,
}

fn run_file(an: &Analyzer, path: &Path) -> Result<FileRun> {
    let mut feats = Vec::new();
    let (text, docs) = an.analyze_path_with_text(path, Some(&mut feats))?;
    let mut preds = Vec::new();
    let mut keys = Vec::new();
    let mut figures = Vec::new();
    for (g, d) in docs.into_iter().enumerate() {
        for s in d.sentences {
            preds.push((s.char_span, s.role.unwrap_or(Role::Other), s.heading));
            keys.push((g, s.section, s.paragraph));
        }
        for f in d.figures {
            if f.kind.is_figure() {
                figures.push((f.char_span, f.value, f.kind));
            }
        }
    }
    Ok(FileRun {
        text,
        preds,
        keys,
        feats,
        figures,
    })
}

/// The run of the file a gold document annotates, analysed once per file.
fn cached_run<'r>(
    an: &Analyzer,
    root: &Path,
    g: &GoldDoc,
    runs: &'r mut BTreeMap<PathBuf, FileRun>,
) -> Result<&'r FileRun> {
    let path = find_file(root, &g.file).ok_or_else(|| {
        Error::new(
            ErrorKind::Io,
            format!("{}: not found under {}", g.file, root.display()),
        )
    })?;
    if !runs.contains_key(&path) {
        let run = run_file(an, &path)?;
        runs.insert(path.clone(), run);
    }
    Ok(&runs[&path])
}

/// For each gold sentence: its gold role and the index of the predicted
/// sentence covering at least half of it (`None` when unaligned).
fn align(run: &FileRun, g: &GoldDoc) -> Vec<(Role, bool, Option<usize>)> {
    let text = &run.text;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_to_char = |b: usize| chars.partition_point(|(i, _)| *i < b);
    let mut pos = 0usize;
    let mut out = Vec::with_capacity(g.sentences.len());
    for s in &g.sentences {
        let found = text
            .get(pos.min(text.len())..)
            .and_then(|t| t.find(&s.text))
            .map(|i| i + pos)
            .or_else(|| text.find(&s.text));
        let rng = found.map(|b| {
            pos = b + s.text.len();
            (byte_to_char(b), byte_to_char(b + s.text.len()))
        });
        let mut hit = None;
        if let Some((a, b)) = rng {
            let mut best = (0usize, None);
            for (k, &(sp, _, _)) in run.preds.iter().enumerate() {
                let o = b.min(sp[1]).saturating_sub(a.max(sp[0]));
                if o > best.0 {
                    best = (o, Some(k));
                }
            }
            if 2 * best.0 >= b - a {
                hit = best.1;
            }
        }
        out.push((s.role, s.heading, hit));
    }
    out
}

/// A gold document aligned to its file's run: for every scored gold
/// sentence, the index of the predicted sentence, the gold role and text.
struct DocData {
    id: String,
    path: PathBuf,
    aligned: Vec<(usize, Role, String)>,
}

/// Runs every gold document's file once and aligns the gold sentences.
fn gather(
    an: &Analyzer,
    gold: &[GoldDoc],
    root: &Path,
) -> Result<(BTreeMap<PathBuf, FileRun>, Vec<DocData>)> {
    let mut runs: BTreeMap<PathBuf, FileRun> = BTreeMap::new();
    let mut docs = Vec::new();
    for g in gold {
        let run = cached_run(an, root, g, &mut runs)?;
        let mut aligned = Vec::new();
        for ((role, heading, hit), gs) in align(run, g).into_iter().zip(&g.sentences) {
            if let (false, Some(k)) = (heading, hit) {
                if !run.preds[k].2 && k < run.feats.len() {
                    aligned.push((k, role, gs.text.clone()));
                }
            }
        }
        let path = find_file(root, &g.file).unwrap_or_default();
        docs.push(DocData {
            id: g.id.clone(),
            path,
            aligned,
        });
    }
    Ok((runs, docs))
}

/// Stage-1 samples: each aligned sentence's own features.
fn stage1(runs: &BTreeMap<PathBuf, FileRun>, docs: &[&DocData]) -> Vec<crate::extract::Sample> {
    let mut out = Vec::new();
    for d in docs {
        if let Some(run) = runs.get(&d.path) {
            for (k, role, _) in &d.aligned {
                out.push((run.feats[*k].clone(), *role));
            }
        }
    }
    out
}

/// Stage-2 samples of one document: its own features plus the context that
/// `m1` (a model that never saw the document) gives the neighbours.
fn stage2(
    runs: &BTreeMap<PathBuf, FileRun>,
    d: &DocData,
    m1: &crate::extract::RoleModel,
) -> Vec<(crate::extract::Sample, String)> {
    let Some(run) = runs.get(&d.path) else {
        return Vec::new();
    };
    let p1: Vec<Option<[f32; 5]>> = run
        .feats
        .iter()
        .zip(&run.preds)
        .map(|(f, p)| (!p.2).then(|| m1.probabilities(f)))
        .collect();
    let ctx = crate::extract::context_features(&p1, &run.keys);
    d.aligned
        .iter()
        .map(|(k, role, text)| {
            let mut f = run.feats[*k].clone();
            if let Some(c) = ctx.get(*k) {
                f.extend(c.iter().map(|(ft, v)| (ft.name(), *v)));
            }
            ((f, *role), text.clone())
        })
        .collect()
}

/// Folds for the out-of-fold stage-1 probabilities that stage 2 learns from.
const FOLDS: usize = 5;

/// Fits both stages on `docs`: stage 1 on all of them; stage 2 on context
/// from stage-1 models that did not see the document (five folds by
/// position), so stage 2 learns how far stage 1 is to be trusted on
/// unseen text.
fn fit(
    runs: &BTreeMap<PathBuf, FileRun>,
    docs: &[&DocData],
    l2: f32,
    epochs: usize,
) -> (crate::extract::RoleModel, crate::extract::RoleModel) {
    let m1 = crate::extract::train(&stage1(runs, docs), l2, epochs);
    let mut s2 = Vec::new();
    for f in 0..FOLDS {
        let train: Vec<&DocData> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != f)
            .map(|(_, d)| *d)
            .collect();
        let m = crate::extract::train(&stage1(runs, &train), l2, epochs);
        for (_, d) in docs.iter().enumerate().filter(|(i, _)| i % FOLDS == f) {
            s2.extend(stage2(runs, d, &m).into_iter().map(|(s, _)| s));
        }
    }
    let m2 = crate::extract::train(&s2, l2, epochs);
    (m1, m2)
}

/// The two fitted role models as TSV: stage 1 (`data/role_model.tsv`) and
/// stage 2 (`data/role_context_model.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainedRoles {
    /// Stage 1: the sentence's own features.
    pub model: String,
    /// Stage 2: the sentence's own features and its neighbours' stage-1 roles.
    pub context: String,
}

/// Fits the role models on gold documents.
///
/// # Errors
///
/// As [`evaluate`].
pub fn train_roles(
    an: &Analyzer,
    gold: &[GoldDoc],
    root: &Path,
    l2: f32,
    epochs: usize,
) -> Result<TrainedRoles> {
    let (runs, docs) = gather(an, gold, root)?;
    let refs: Vec<&DocData> = docs.iter().collect();
    let (m1, m2) = fit(&runs, &refs, l2, epochs);
    Ok(TrainedRoles {
        model: m1.to_tsv(),
        context: m2.to_tsv(),
    })
}

/// One gold sentence predicted by a model that never saw its document.
#[derive(Debug, Clone, PartialEq)]
pub struct CvPrediction {
    /// The gold document's id.
    pub doc: String,
    /// The gold sentence.
    pub text: String,
    /// Its gold role.
    pub gold: Role,
    /// The role predicted by the models fitted on the other documents.
    pub predicted: Role,
    /// The predicted role's probability.
    pub probability: f32,
    /// Every role's probability, in the order of [`Role::ALL`].
    pub probabilities: [f32; 5],
}

/// Leave-one-document-out cross-validation of the role models on gold
/// documents: macro-F1 over achievement, problem, cause and commitment, and
/// the `gold->predicted` counts.
///
/// # Errors
///
/// As [`evaluate`].
pub fn cross_validate_roles(
    an: &Analyzer,
    gold: &[GoldDoc],
    root: &Path,
    l2: f32,
    epochs: usize,
) -> Result<(f64, BTreeMap<String, usize>)> {
    let preds = cross_validate_predictions(an, gold, root, l2, epochs)?;
    Ok(cv_summary(&preds))
}

/// Macro-F1 (achievement, problem, cause, commitment) and `gold->predicted`
/// counts of cross-validated predictions.
pub fn cv_summary(preds: &[CvPrediction]) -> (f64, BTreeMap<String, usize>) {
    let mut conf: BTreeMap<(String, String), usize> = BTreeMap::new();
    for p in preds {
        *conf
            .entry((p.gold.as_str().to_owned(), p.predicted.as_str().to_owned()))
            .or_default() += 1;
    }
    let f = macro_f1(&conf);
    (
        f,
        conf.into_iter()
            .map(|((g, p), v)| (format!("{g}->{p}"), v))
            .collect(),
    )
}

/// Leave-one-document-out predictions for every scored gold sentence (for
/// error analysis on the dev split): both stages are refitted without the
/// document, stage 2's context coming from the refitted stage 1.
///
/// # Errors
///
/// As [`evaluate`].
pub fn cross_validate_predictions(
    an: &Analyzer,
    gold: &[GoldDoc],
    root: &Path,
    l2: f32,
    epochs: usize,
) -> Result<Vec<CvPrediction>> {
    let (runs, docs) = gather(an, gold, root)?;
    // Each held-out document is independent of the others: the folds run
    // in parallel, and the order of the output is the order of the documents.
    let one = |i: usize| -> Vec<CvPrediction> {
        let d = &docs[i];
        let rest: Vec<&DocData> = docs
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, d)| d)
            .collect();
        let (m1, m2) = fit(&runs, &rest, l2, epochs);
        stage2(&runs, d, &m1)
            .into_iter()
            .map(|((f, gold_role), text)| {
                let p = m2.probabilities(&f);
                let best = (0..5)
                    .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
                    .unwrap_or(4);
                CvPrediction {
                    doc: d.id.clone(),
                    text,
                    gold: gold_role,
                    predicted: Role::ALL[best],
                    probability: p[best],
                    probabilities: p,
                }
            })
            .collect()
    };
    #[cfg(feature = "parallel")]
    let per_doc: Vec<Vec<CvPrediction>> = {
        use rayon::prelude::*;
        (0..docs.len()).into_par_iter().map(one).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let per_doc: Vec<Vec<CvPrediction>> = (0..docs.len()).map(one).collect();
    Ok(per_doc.into_iter().flatten().collect())
}

/// Char ranges of gold figures found in order in the text.
fn locate_figures<'g>(text: &str, figs: &'g [GoldFigure]) -> Vec<(usize, usize, &'g GoldFigure)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let to_char = |b: usize| chars.partition_point(|(i, _)| *i < b);
    let mut pos = 0usize;
    let mut out = Vec::new();
    for f in figs {
        let found = text
            .get(pos.min(text.len())..)
            .and_then(|t| t.find(&f.text))
            .map(|i| i + pos)
            .or_else(|| text.find(&f.text));
        if let Some(b) = found {
            pos = b + f.text.len();
            out.push((to_char(b), to_char(b + f.text.len()), f));
        }
    }
    out
}

/// A predicted value agrees with a gold value (numbers within a relative
/// 1e-6, or 1e-3 below 10, as the external scorer allows; dates as strings).
fn value_matches(gold: &serde_json::Value, pred: &crate::extract::FigureValue) -> bool {
    use crate::extract::FigureValue;
    match (gold, pred) {
        (serde_json::Value::Number(g), FigureValue::Number(p)) => {
            let g = g.as_f64().unwrap_or(f64::NAN);
            (g - p).abs() <= 1e-6 * g.abs().max(1.0) || ((g - p).abs() <= 1e-3 && g.abs() < 10.0)
        }
        (serde_json::Value::String(g), FigureValue::Date(p)) => {
            g.trim_matches('-') == p.trim_matches('-')
                || p.contains(g.as_str())
                || g.contains(p.as_str())
        }
        (g, p) => g.to_string().trim_matches('"') == p.to_string(),
    }
}

/// Precision, recall and F1 of one role from `gold -> predicted` counts.
fn role_prf(conf: &BTreeMap<(String, String), usize>, r: Role) -> Prf {
    let name = r.as_str();
    let count = |f: &dyn Fn(&str, &str) -> bool| -> usize {
        conf.iter()
            .filter(|((g, p), _)| f(g, p))
            .map(|(_, v)| v)
            .sum()
    };
    let tp = count(&|g, p| g == name && p == name);
    let fp = count(&|g, p| p == name && g != name);
    let fn_ = count(&|g, p| g == name && p != name);
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
        support: tp + fn_,
    }
}

/// Mean F1 over achievement, problem, cause and commitment.
fn macro_f1(conf: &BTreeMap<(String, String), usize>) -> f64 {
    let scored = [
        Role::Achievement,
        Role::Problem,
        Role::Cause,
        Role::Commitment,
    ];
    scored.iter().map(|r| role_prf(conf, *r).f1).sum::<f64>() / scored.len() as f64
}

/// Scores `an` against gold documents whose files are found under `root`.
/// Sentences are aligned by character position, as `score_gold.py` does, so
/// the crate's sentence splitting may differ slightly from the gold's.
///
/// # Errors
///
/// `io` when a gold file's document cannot be found or read.
pub fn evaluate(an: &Analyzer, gold: &[GoldDoc], root: &Path) -> Result<EvalReport> {
    let mut conf: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut runs: BTreeMap<PathBuf, FileRun> = BTreeMap::new();
    let mut unaligned = 0;
    let (mut ftp, mut ffn, mut fvalue, mut fkind) = (0usize, 0usize, 0usize, 0usize);
    let mut fp = 0usize;
    for g in gold {
        let run = cached_run(an, root, g, &mut runs)?;
        for (role, heading, hit) in align(run, g) {
            if heading {
                continue;
            }
            let pred = match hit {
                Some(k) if run.preds[k].2 => "other".to_owned(),
                Some(k) => run.preds[k].1.as_str().to_owned(),
                None => {
                    unaligned += 1;
                    "none".to_owned()
                }
            };
            *conf.entry((role.as_str().to_owned(), pred)).or_default() += 1;
        }
        // As the external scorer does: each gold document is matched against
        // all figures of its file, and the unmatched ones count as false.
        let mut taken = vec![false; run.figures.len()];
        for (a, b, gf) in locate_figures(&run.text, &g.figures) {
            let hit = run
                .figures
                .iter()
                .enumerate()
                .find(|(k, (sp, _, _))| !taken[*k] && b.min(sp[1]) > a.max(sp[0]));
            match hit {
                Some((k, (_, v, kind))) => {
                    taken[k] = true;
                    ftp += 1;
                    if value_matches(&gf.value, v) {
                        fvalue += 1;
                    }
                    if serde_json::to_value(kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .as_deref()
                        == Some(gf.kind.as_str())
                    {
                        fkind += 1;
                    }
                }
                None => ffn += 1,
            }
        }
        fp += taken.iter().filter(|t| !**t).count();
    }
    let fprec = if ftp + fp > 0 {
        ftp as f64 / (ftp + fp) as f64
    } else {
        0.0
    };
    let frec = if ftp + ffn > 0 {
        ftp as f64 / (ftp + ffn) as f64
    } else {
        0.0
    };
    let figures = FigureScore {
        precision: fprec,
        recall: frec,
        f1: if fprec + frec > 0.0 {
            2.0 * fprec * frec / (fprec + frec)
        } else {
            0.0
        },
        value_accuracy: if ftp > 0 {
            fvalue as f64 / ftp as f64
        } else {
            0.0
        },
        kind_accuracy: if ftp > 0 {
            fkind as f64 / ftp as f64
        } else {
            0.0
        },
        gold: ftp + ffn,
    };
    let total: usize = conf.values().sum();
    let correct: usize = conf
        .iter()
        .filter(|((g, p), _)| g == p)
        .map(|(_, v)| v)
        .sum();
    let roles: BTreeMap<String, Prf> = Role::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), role_prf(&conf, *r)))
        .collect();
    Ok(EvalReport {
        documents: gold.len(),
        sentences: total,
        unaligned,
        roles,
        macro_f1: macro_f1(&conf),
        accuracy: if total > 0 {
            correct as f64 / total as f64
        } else {
            0.0
        },
        confusion: conf
            .into_iter()
            .map(|((g, p), v)| (format!("{g}->{p}"), v))
            .collect(),
        figures,
    })
}

impl std::fmt::Display for EvalReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} documents, {} sentences ({} unaligned)",
            self.documents, self.sentences, self.unaligned
        )?;
        writeln!(
            f,
            "{:<12} {:>9} {:>9} {:>9} {:>8}",
            "role", "precision", "recall", "F1", "gold"
        )?;
        for r in Role::ALL {
            if let Some(p) = self.roles.get(r.as_str()) {
                writeln!(
                    f,
                    "{:<12} {:>9.3} {:>9.3} {:>9.3} {:>8}",
                    r.as_str(),
                    p.precision,
                    p.recall,
                    p.f1,
                    p.support
                )?;
            }
        }
        writeln!(
            f,
            "macro-F1 (achievement, problem, cause, commitment): {:.3}",
            self.macro_f1
        )?;
        writeln!(f, "accuracy: {:.3}", self.accuracy)?;
        let g = &self.figures;
        writeln!(
            f,
            "figures: precision {:.3}, recall {:.3}, F1 {:.3}; value {:.3}, kind {:.3} ({} gold)",
            g.precision, g.recall, g.f1, g.value_accuracy, g.kind_accuracy, g.gold
        )?;
        writeln!(f, "confusion (rows gold, columns predicted):")?;
        let cols = [
            "achievement",
            "problem",
            "cause",
            "commitment",
            "other",
            "none",
        ];
        write!(f, "{:<12}", "")?;
        for c in cols {
            write!(f, " {:>11}", c)?;
        }
        writeln!(f)?;
        for r in Role::ALL {
            write!(f, "{:<12}", r.as_str())?;
            for c in cols {
                let v = self
                    .confusion
                    .get(&format!("{}->{}", r.as_str(), c))
                    .copied()
                    .unwrap_or(0);
                write!(f, " {:>11}", v)?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
