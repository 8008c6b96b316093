//! Assessment: role shares, document labels, flags with the sentences that
//! prove them, and a score with its reasons. Reads only the analysis.

mod residue;

pub use residue::{Residue, ResidueKind};

use crate::config::Config;
use crate::extract::{Cause, CauseKind, Commitment, Genre, Problem, Role};
use crate::structure::{Section, Sentence};
use serde::{Deserialize, Serialize};

const CHALLENGE_FILE: &str = include_str!("../../data/cues/challenge.txt");
const SHORTCOMING_FILE: &str = include_str!("../../data/cues/shortcoming.txt");

/// The words of `data/cues/challenge.txt` and `data/cues/shortcoming.txt`.
static CHALLENGE: std::sync::LazyLock<(Vec<&'static str>, Vec<&'static str>)> =
    std::sync::LazyLock::new(|| {
        (
            crate::extract::data_lines(CHALLENGE_FILE).collect(),
            crate::extract::data_lines(SHORTCOMING_FILE).collect(),
        )
    });

/// A sentence that names a risk or challenge and no shortcoming of one's own:
/// `当前，疫情仍在全球蔓延，…面临抗疫情、稳经济、保民生的艰巨任务。`
fn challenge_only(text: &str) -> bool {
    let (challenge, shortcoming) = &*CHALLENGE;
    challenge.iter().any(|w| text.contains(w)) && !shortcoming.iter().any(|w| text.contains(w))
}

/// Each role's share, of the characters of non-heading sentences or of
/// their count.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze("全年召开党委会12次，开展培训5期。\n理论学习不够深入。");
/// let s = &a.assessment.unwrap().shares;
/// assert!((s.achievement + s.problem + s.cause + s.commitment + s.other - 1.0).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Shares {
    /// Achievement.
    pub achievement: f64,
    /// Problem.
    pub problem: f64,
    /// Cause.
    pub cause: f64,
    /// Commitment.
    pub commitment: f64,
    /// Other.
    pub other: f64,
}

impl Shares {
    fn get(&self, r: Role) -> f64 {
        match r {
            Role::Achievement => self.achievement,
            Role::Problem => self.problem,
            Role::Cause => self.cause,
            Role::Commitment => self.commitment,
            Role::Other => self.other,
        }
    }
}

/// The document labels of `ANNOTATION.md`.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze(
///     "县教育局党组书记述职报告\n一、主要成效\n全年召开党组会议24次，专题研究党建工作8次。\n全县57所中小学全部完成章程修订。\n二、存在的不足\n理论学习不够深入。",
/// );
/// let asm = a.assessment.unwrap();
/// assert!(asm.doc.has_problem_section);
/// assert!(asm.doc.achievement_heavy);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocLabels {
    /// The document states its own unit's problems.
    pub has_problem_section: bool,
    /// It explains causes of its problems.
    pub has_cause_analysis: bool,
    /// It has plans or measures for the future.
    pub has_next_steps: bool,
    /// It reports achievements at length and shortcomings briefly or vaguely (一味评功摆好).
    pub achievement_heavy: bool,
}

/// How much a flag matters.
///
/// ```
/// use shuzhi::Severity;
/// assert!(Severity::Severe > Severity::Warn);
/// assert_eq!(serde_json::to_string(&Severity::Warn).unwrap(), "\"warn\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// A weakness a reviewer would raise.
    Warn,
    /// A defect that fails the report (template residue, no problems at all).
    Severe,
}

/// A verdict on the document, with a message for the reviewer in Chinese and
/// the sentences that prove it.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze(
///     "县教育局党组书记述职报告\n一、主要成效\n全年召开党组会议24次，专题研究党建工作8次。\n全县57所中小学全部完成章程修订。\n二、存在的不足\n理论学习不够深入。",
/// );
/// let asm = a.assessment.unwrap();
/// let f = asm.flags.iter().find(|f| f.code == "generic_problems").unwrap();
/// assert_eq!(f.evidence, [5]);
/// assert!(f.message.contains("泛泛"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// One of the codes of DESIGN.md (`achievement_heavy`, `generic_problems`…).
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// What to look at, in Chinese.
    pub message: String,
    /// Sentence indices.
    pub evidence: Vec<usize>,
    /// For `near_duplicate`: the id of the other document.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub other: Option<String>,
    /// For `near_duplicate`: the estimated similarity, 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub similarity: Option<f64>,
}

/// One part of the score.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze(
///     "县教育局党组书记述职报告\n一、主要成效\n全年召开党组会议24次，专题研究党建工作8次。\n全县57所中小学全部完成章程修订。\n二、存在的不足\n理论学习不够深入。",
/// );
/// let asm = a.assessment.unwrap();
/// assert_eq!(asm.score.causes.points, 0.0);
/// assert_eq!(asm.score.causes.reason, "没有原因分析");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorePart {
    /// Points earned.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// Why, in Chinese.
    pub reason: String,
}

/// A score from 0 to 100 and its breakdown.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze(
///     "县教育局党组书记述职报告\n一、主要成效\n全年召开党组会议24次，专题研究党建工作8次。\n全县57所中小学全部完成章程修订。\n二、存在的不足\n理论学习不够深入。",
/// );
/// let asm = a.assessment.unwrap();
/// let s = &asm.score;
/// let parts = s.balance.points + s.concreteness.points + s.causes.points + s.commitments.points + s.residue.points;
/// assert!((parts - f64::from(s.total)).abs() <= 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// The total, 0 to 100.
    pub total: u8,
    /// Balance of problems and causes against achievements.
    pub balance: ScorePart,
    /// How specific the problems are.
    pub concreteness: ScorePart,
    /// Whether causes are analysed, and subjectively.
    pub causes: ScorePart,
    /// How many commitments can be checked.
    pub commitments: ScorePart,
    /// Template residue and stale references.
    pub residue: ScorePart,
}

/// Everything the screening decides about one document.
///
/// ```
/// use shuzhi::Analyzer;
/// let text = "XX镇党委书记述职报告\n一、主要工作\n全年召开党委会xx次，发展党员3名。\n二、存在的问题\n理论学习不够深入。\n三、下一步打算\n进一步加强党建工作。";
/// let a = Analyzer::new().analyze(text);
/// let asm = a.assessment.unwrap();
/// let codes: Vec<&str> = asm.flags.iter().map(|f| f.code.as_str()).collect();
/// assert!(codes.contains(&"template_residue"));
/// assert!(asm.residue.iter().any(|r| r.text == "xx次"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Shares of the characters of non-heading sentences.
    pub shares: Shares,
    /// Shares of the count of non-heading sentences.
    pub sentence_shares: Shares,
    /// Document labels.
    pub doc: DocLabels,
    /// Flags, most severe first.
    pub flags: Vec<Flag>,
    /// Template residue and stale references, with positions.
    pub residue: Vec<Residue>,
    /// Slogan and stock-phrase characters per 1000 characters.
    pub formulaic_per_1000: f64,
    /// The score and its reasons.
    pub score: Score,
}

/// What the assessment reads.
pub(crate) struct Input<'a> {
    pub text: &'a str,
    pub genre: Genre,
    pub sections: &'a [Section],
    pub sentences: &'a [Sentence],
    pub problems: &'a [Problem],
    pub causes: &'a [Cause],
    pub commitments: &'a [Commitment],
    /// Latest year among the document's date figures.
    pub year: Option<u32>,
    /// Characters of slogans (figures of kind `slogan`).
    pub slogan_chars: usize,
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn shares(sentences: &[Sentence], by_chars: bool) -> Shares {
    let mut t = [0f64; 5];
    for s in sentences.iter().filter(|s| !s.heading) {
        let w = if by_chars {
            (s.char_span[1] - s.char_span[0]) as f64
        } else {
            1.0
        };
        t[s.role.unwrap_or(Role::Other) as usize] += w;
    }
    let total: f64 = t.iter().sum();
    if total == 0.0 {
        return Shares {
            other: 1.0,
            ..Shares::default()
        };
    }
    Shares {
        achievement: t[0] / total,
        problem: t[1] / total,
        cause: t[2] / total,
        commitment: t[3] / total,
        other: t[4] / total,
    }
}

fn section_has(sections: &[Section], words: &[&str]) -> Option<usize> {
    sections
        .iter()
        .find(|s| words.iter().any(|w| s.heading.contains(w)))
        .map(|s| s.heading_sentence)
}

fn of_role(sentences: &[Sentence], r: Role) -> Vec<usize> {
    sentences
        .iter()
        .filter(|s| !s.heading && s.role == Some(r))
        .map(|s| s.index)
        .collect()
}

/// Reports (duty reports, self-reviews) are held to the problem quota;
/// speeches and work reports are not.
fn is_report(g: Genre) -> bool {
    matches!(g, Genre::DutyReport | Genre::SelfReview)
}

pub(crate) fn assess(inp: &Input<'_>, cfg: &Config) -> Assessment {
    let sh = shares(inp.sentences, true);
    let ssh = shares(inp.sentences, false);
    let problems = of_role(inp.sentences, Role::Problem);
    let causes = of_role(inp.sentences, Role::Cause);
    let commits = of_role(inp.sentences, Role::Commitment);
    let achievements = of_role(inp.sentences, Role::Achievement);
    let body_chars: usize = inp
        .sentences
        .iter()
        .filter(|s| !s.heading)
        .map(|s| s.char_span[1] - s.char_span[0])
        .sum();

    let problem_heading = section_has(inp.sections, &["问题", "不足", "差距", "短板", "弱项"]);
    let cause_heading = section_has(inp.sections, &["原因", "根源", "剖析"]);
    let plan_heading = section_has(
        inp.sections,
        &[
            "下一步",
            "打算",
            "今后",
            "措施",
            "整改",
            "努力方向",
            "计划",
            "思路",
        ],
    );

    let generic: Vec<usize> = inp
        .problems
        .iter()
        .filter(|p| !p.specific)
        .map(|p| p.sentence)
        .collect();
    let praise: Vec<usize> = inp
        .problems
        .iter()
        .filter(|p| p.praise_in_disguise)
        .map(|p| p.sentence)
        .collect();
    let vague: Vec<usize> = inp
        .commitments
        .iter()
        .filter(|c| !c.measurable)
        .map(|c| c.sentence)
        .collect();
    let generic_ratio = if problems.is_empty() {
        0.0
    } else {
        generic.len() as f64 / problems.len() as f64
    };

    // Document labels.
    // A self-admission: the work report's 我们也清醒看到…问题 paragraph.
    let admits = problems.iter().any(|&i| {
        let t = &inp.sentences[i].text;
        t.contains("清醒")
            || t.contains("不足之处")
            || t.contains("差距和不足")
            || t.contains("问题和不足")
    });
    // Annotators count a single own-unit problem sentence as a problem
    // passage (ANNOTATION.md: "a passage that states its own unit's problems").
    // In a speech one passing sentence is not a passage; in a report, or a
    // work report's 清醒看到… paragraph, it is.
    let min_problems = if is_report(inp.genre) || inp.genre == Genre::WorkReport {
        1
    } else {
        2
    };
    // In a speech or letter, a sentence that only names a difficulty to face
    // (疫情仍在全球蔓延, 面临各种风险挑战) is not an admission of the unit's own
    // shortcomings; reports state their difficulties as their own.
    let own_problems = if min_problems == 1 {
        problems.len()
    } else {
        problems
            .iter()
            .filter(|&&i| !challenge_only(&inp.sentences[i].text))
            .count()
    };
    let has_problem_section = problem_heading.is_some() || admits || own_problems >= min_problems;
    // Cause talk inside problem sentences counts too (究其原因…, 由于…).
    let cause_talk = inp.sentences.iter().filter(|s| {
        !s.heading
            && matches!(s.role, Some(Role::Problem | Role::Cause))
            && ["原因", "根源", "根子", "究其", "之所以", "归根", "由于"]
                .iter()
                .any(|w| s.text.contains(w))
    });
    let cause_evidence =
        causes.len() + cause_talk.filter(|s| s.role == Some(Role::Problem)).count();
    let has_cause_analysis = cause_heading.is_some()
        || cause_evidence >= 2
        || (cause_evidence >= 1 && is_report(inp.genre));
    // Plans or measures for the future (ANNOTATION.md): a plan heading, or a
    // passage of commitments — two in a report or speech, three in texts of
    // other genres, whose stray 必须… lines are less often plans.
    let has_next_steps =
        plan_heading.is_some() || commits.len() >= if inp.genre == Genre::Other { 3 } else { 2 };
    let pc = sh.problem + sh.cause;
    let ratio = if sh.achievement > 0.0 {
        pc / sh.achievement
    } else {
        f64::INFINITY
    };
    // Substance: a specific problem passage may be shorter than a vague one.
    let limit = if generic_ratio >= 0.5 || !praise.is_empty() {
        cfg.heavy_ratio_generic
    } else {
        cfg.heavy_ratio
    };
    let strict = cfg
        .min_problem_cause_share
        .is_some_and(|m| is_report(inp.genre) && pc < m);
    let achievement_chars: usize = inp
        .sentences
        .iter()
        .filter(|s| !s.heading && s.role == Some(Role::Achievement))
        .map(|s| s.text.chars().count())
        .sum();
    let achievement_heavy = (sh.achievement >= cfg.heavy_min_achievement_share
        || achievement_chars >= cfg.heavy_min_achievement_chars)
        && (is_report(inp.genre) || achievement_chars >= cfg.heavy_floor_achievement_chars)
        && (ratio < limit || strict);
    let doc = DocLabels {
        has_problem_section,
        has_cause_analysis,
        has_next_steps,
        achievement_heavy,
    };

    let residue = residue::find(inp.text, inp.sentences, inp.year);
    let formulaic = residue::formulaic(inp.sentences);
    let formulaic_per_1000 = if body_chars > 0 {
        (formulaic.chars + inp.slogan_chars) as f64 * 1000.0 / body_chars as f64
    } else {
        0.0
    };

    let mut flags = Vec::new();
    let chars = inp
        .sentences
        .iter()
        .map(|s| s.char_span[1] - s.char_span[0])
        .sum::<usize>();
    if chars < cfg.min_document_chars {
        flags.push(Flag {
            code: "too_short".into(),
            severity: Severity::Warn,
            message: format!(
                "全文仅{chars}字，少于{}字，难以反映履职情况，请核对是否提交了完整材料",
                cfg.min_document_chars
            ),
            evidence: Vec::new(),
            other: None,
            similarity: None,
        });
    }
    if !residue.is_empty() {
        let items: Vec<String> = residue
            .iter()
            .take(8)
            .map(|r| format!("“{}”", r.text))
            .collect();
        let mut ev: Vec<usize> = residue.iter().filter_map(|r| r.sentence).collect();
        ev.dedup();
        flags.push(Flag {
            code: "template_residue".into(),
            severity: Severity::Severe,
            message: format!(
                "发现{}处模板残留或过时表述：{}，可能是套用模板或沿用旧稿，请核对原文",
                residue.len(),
                items.join("、")
            ),
            evidence: ev,
            other: None,
            similarity: None,
        });
    }
    if is_report(inp.genre) && !has_problem_section {
        flags.push(Flag {
            code: "no_problem_section".into(),
            severity: Severity::Severe,
            message: "未见查摆本单位、本人存在问题的内容，述职报告应当如实讲问题".into(),
            evidence: Vec::new(),
            other: None,
            similarity: None,
        });
    }
    if achievement_heavy {
        let mut msg = format!(
            "讲成绩的篇幅约占{}，讲问题和原因仅占{}",
            pct(sh.achievement),
            pct(pc)
        );
        if is_report(inp.genre) && sh.problem < cfg.min_problem_share {
            msg.push_str(&format!(
                "；问题查摆篇幅仅占全文{}，低于三分之一的常见要求",
                pct(sh.problem)
            ));
        }
        if let Some(m) = cfg
            .min_problem_cause_share
            .filter(|m| is_report(inp.genre) && pc < *m)
        {
            msg.push_str(&format!("；问题和原因合计不足{}", pct(m)));
        }
        if generic_ratio >= 0.5 && !problems.is_empty() {
            msg.push_str("，且问题多为泛泛表述");
        }
        msg.push_str("，请看成绩部分是否评功摆好、问题部分是否避重就轻");
        let mut ev: Vec<usize> = problems.iter().chain(causes.iter()).copied().collect();
        ev.extend(achievements.iter().take(5));
        ev.sort_unstable();
        ev.dedup();
        flags.push(Flag {
            code: "achievement_heavy".into(),
            severity: Severity::Warn,
            message: msg,
            evidence: ev,
            other: None,
            similarity: None,
        });
    }
    if is_report(inp.genre)
        && !problems.is_empty()
        && generic_ratio >= cfg.max_generic_problem_share
    {
        let examples: Vec<String> = inp
            .problems
            .iter()
            .filter(|p| !p.specific)
            .flat_map(|p| p.generic.iter().take(1).cloned())
            .take(3)
            .map(|g| format!("“{g}”"))
            .collect();
        flags.push(Flag {
            code: "generic_problems".into(),
            severity: Severity::Warn,
            message: format!(
                "{}条问题中有{}条是{}等泛泛表述，未见具体事例、数据或责任人，问题找得不具体",
                problems.len(),
                generic.len(),
                if examples.is_empty() {
                    "笼统".to_owned()
                } else {
                    examples.join("、")
                }
            ),
            evidence: generic.clone(),
            other: None,
            similarity: None,
        });
    }
    if !praise.is_empty() {
        flags.push(Flag {
            code: "generic_problems".into(),
            severity: Severity::Warn,
            message: format!(
                "{}条问题是“工作太投入、不注意身体”一类以缺点之名讲优点的表述（好缺点）",
                praise.len()
            ),
            evidence: praise.clone(),
            other: None,
            similarity: None,
        });
    }
    if is_report(inp.genre) && has_problem_section && !has_cause_analysis {
        flags.push(Flag {
            code: "no_cause_analysis".into(),
            severity: Severity::Warn,
            message: "查摆了问题但未分析产生问题的原因，特别是主观原因".into(),
            evidence: problems.clone(),
            other: None,
            similarity: None,
        });
    } else if has_cause_analysis
        && !inp.causes.is_empty()
        && inp.causes.iter().all(|c| c.kind == CauseKind::Objective)
    {
        flags.push(Flag {
            code: "no_cause_analysis".into(),
            severity: Severity::Info,
            message: "原因分析只讲客观原因（任务重、人手少等），未见主观原因".into(),
            evidence: causes.clone(),
            other: None,
            similarity: None,
        });
    }
    if is_report(inp.genre) && !has_next_steps {
        flags.push(Flag {
            code: "no_next_steps".into(),
            severity: Severity::Warn,
            message: "未见下一步打算或整改措施".into(),
            evidence: Vec::new(),
            other: None,
            similarity: None,
        });
    }
    if commits.len() >= 2
        && vague.len() as f64 / commits.len() as f64 >= cfg.max_vague_commitment_share
    {
        flags.push(Flag {
            code: "vague_commitments".into(),
            severity: Severity::Warn,
            message: format!(
                "{}条打算或措施中有{}条没有时限和可量化目标（多为“进一步加强”“争取”一类表态），难以检查落实",
                commits.len(),
                vague.len()
            ),
            evidence: vague.clone(),
            other: None,
            similarity: None,
        });
    }
    if formulaic_per_1000 > cfg.max_formulaic_per_1000 {
        flags.push(Flag {
            code: "formulaic".into(),
            severity: Severity::Info,
            message: format!(
                "口号和套话每千字约{formulaic_per_1000:.0}字，高于{:.0}字；{}句表态没有具体措施",
                cfg.max_formulaic_per_1000,
                formulaic.empty_pledges.len()
            ),
            evidence: formulaic.empty_pledges.clone(),
            other: None,
            similarity: None,
        });
    }
    flags.sort_by_key(|f| std::cmp::Reverse(f.severity));

    let score = score(
        inp, cfg, &sh, &problems, &generic, &vague, &commits, &residue,
    );
    Assessment {
        shares: sh,
        sentence_shares: ssh,
        doc,
        flags,
        residue,
        formulaic_per_1000,
        score,
    }
}

#[allow(clippy::too_many_arguments)]
fn score(
    inp: &Input<'_>,
    cfg: &Config,
    sh: &Shares,
    problems: &[usize],
    generic: &[usize],
    vague: &[usize],
    commits: &[usize],
    residue: &[Residue],
) -> Score {
    let target = if is_report(inp.genre) {
        cfg.min_problem_share
    } else {
        cfg.min_problem_share / 2.0
    };
    let pc = sh.get(Role::Problem) + sh.get(Role::Cause);
    let b = (pc / target).min(1.0) * 30.0;
    let balance = ScorePart {
        points: b,
        max: 30.0,
        reason: format!("问题和原因占{}，目标{}", pct(pc), pct(target)),
    };
    let concreteness = if problems.is_empty() {
        ScorePart {
            points: 0.0,
            max: 25.0,
            reason: "没有查摆问题".into(),
        }
    } else {
        let spec = problems.len() - generic.len().min(problems.len());
        ScorePart {
            points: spec as f64 / problems.len() as f64 * 25.0,
            max: 25.0,
            reason: format!(
                "{}条问题中{}条具体（有数据、单位、人或事例）",
                problems.len(),
                spec
            ),
        }
    };
    let subj = inp.causes.iter().any(|c| c.kind == CauseKind::Subjective);
    let causes = if inp.causes.is_empty() {
        ScorePart {
            points: 0.0,
            max: 15.0,
            reason: "没有原因分析".into(),
        }
    } else if subj {
        ScorePart {
            points: 15.0,
            max: 15.0,
            reason: format!("{}句原因分析，含主观原因", inp.causes.len()),
        }
    } else {
        ScorePart {
            points: 8.0,
            max: 15.0,
            reason: format!("{}句原因分析，只讲客观原因", inp.causes.len()),
        }
    };
    let commitments = if commits.is_empty() {
        ScorePart {
            points: 0.0,
            max: 20.0,
            reason: "没有下一步打算".into(),
        }
    } else {
        let m = commits.len() - vague.len().min(commits.len());
        ScorePart {
            points: m as f64 / commits.len() as f64 * 20.0,
            max: 20.0,
            reason: format!("{}条打算中{}条有时限或目标", commits.len(), m),
        }
    };
    let r = (10.0 - 5.0 * residue.len() as f64).max(0.0);
    let residue = ScorePart {
        points: r,
        max: 10.0,
        reason: if residue.is_empty() {
            "未见模板残留".into()
        } else {
            format!("{}处模板残留或过时表述", residue.len())
        },
    };
    let total =
        balance.points + concreteness.points + causes.points + commitments.points + residue.points;
    let round = |p: &mut ScorePart| p.points = (p.points * 10.0).round() / 10.0;
    let mut s = Score {
        total: total.round().clamp(0.0, 100.0) as u8,
        balance,
        concreteness,
        causes,
        commitments,
        residue,
    };
    for p in [
        &mut s.balance,
        &mut s.concreteness,
        &mut s.causes,
        &mut s.commitments,
        &mut s.residue,
    ] {
        round(p);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_files_sorted_unique_nonempty() {
        crate::extract::assert_sorted_unique(CHALLENGE_FILE);
        crate::extract::assert_sorted_unique(SHORTCOMING_FILE);
    }

    #[test]
    fn a_challenge_to_face_is_not_an_own_shortcoming() {
        // corpora/extra/speech-2020-031.txt and speech-2020-015.txt
        assert!(challenge_only(
            "当前，疫情仍在全球蔓延，中国和非洲都面临抗疫情、稳经济、保民生的艰巨任务。"
        ));
        assert!(!challenge_only(
            "我国已进入高质量发展阶段，经济发展前景向好，同时发展不平衡不充分问题仍然突出，实现高质量发展还有许多短板弱项。"
        ));
        // seed-002: a shortcoming stated with its pressure is still a shortcoming
        assert!(!challenge_only(
            "这些年,我们抓基层党建工作成绩不少,但问题也很多,从省委考评组和省委巡视组反馈的情况看,我们距全面进步全面过硬要求还有很大差距。"
        ));
    }
}
