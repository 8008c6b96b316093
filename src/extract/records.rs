//! Records for problem, cause and commitment sentences.

use super::cues::data_lines;
use super::Role;
use crate::structure::Sentence;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A problem sentence: is it concrete, or one of the stock generic forms
/// reviewers criticise (学习不够深入, 有待提高, 在一定程度上…)?
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze(
///     "二、存在的问题\n理论学习不够深入，创新意识有待提高。\n全年仅召开党建专题会议2次，3个支部未按期换届。",
/// );
/// assert_eq!(a.problems.len(), 2);
/// assert!(!a.problems[0].specific);
/// assert!(a.problems[1].specific);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Index of the sentence.
    pub sentence: usize,
    /// Whether it names a figure, a unit, a person, an instance or an event.
    pub specific: bool,
    /// Why it was judged specific or generic.
    pub why: String,
    /// Stock generic phrases found in it.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub generic: Vec<String>,
    /// Whether it is praise dressed as a shortcoming (好缺点: 工作太投入、不注意身体).
    pub praise_in_disguise: bool,
}

/// Whether a cause is subjective (思想认识, 宗旨意识) or objective (任务重, 人手少).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseKind {
    /// 主观: attitude, belief, discipline.
    Subjective,
    /// 客观: workload, staffing, conditions.
    Objective,
    /// Neither kind of cue was found.
    Unspecified,
}

/// A cause sentence and its kind.
///
/// ```
/// use shuzhi::{Analyzer, CauseKind};
/// let a = Analyzer::new().analyze("三、原因分析\n究其根源，主观上是宗旨意识有所淡化，党性修养有所放松。");
/// assert_eq!(a.causes[0].kind, CauseKind::Subjective);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    /// Index of the sentence.
    pub sentence: usize,
    /// Subjective, objective or unspecified.
    pub kind: CauseKind,
    /// The cues that decided the kind.
    pub cues: Vec<String>,
}

/// A commitment sentence: deadline, target, owner, and whether it can be checked.
///
/// ```
/// use shuzhi::Analyzer;
/// let a = Analyzer::new().analyze(
///     "四、整改措施\n由组织委员牵头，6月底前完成3个支部换届，实现按期换届率100%。\n进一步加强党建工作。",
/// );
/// let c = &a.commitments[0];
/// assert_eq!(c.deadline.as_deref(), Some("6月底前"));
/// assert_eq!(c.owner.as_deref(), Some("牵头"));
/// assert!(c.measurable);
/// assert!(!a.commitments[1].measurable);
/// assert_eq!(a.commitments[1].vague, ["进一步加强"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// Index of the sentence.
    pub sentence: usize,
    /// A time limit: 年底前, 6月底前, 年内, 用两年时间, 到2025年.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub deadline: Option<String>,
    /// A target: a figure, 全覆盖, 清零, 达到…%.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub target: Option<String>,
    /// Who answers for it: 牵头, 责任单位, 负责.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub owner: Option<String>,
    /// A deadline or a target is present.
    pub measurable: bool,
    /// Vague markers (争取, 基本, 有望, 尽量, 进一步加强 with nothing concrete).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub vague: Vec<String>,
}

fn automaton(data: &'static str) -> (AhoCorasick, Vec<&'static str>) {
    let words: Vec<&'static str> = data_lines(data).map(str::trim).collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("lexicon compiles");
    (ac, words)
}

macro_rules! lexicon {
    ($name:ident, $file:literal) => {
        static $name: LazyLock<(AhoCorasick, Vec<&'static str>)> =
            LazyLock::new(|| automaton(include_str!($file)));
    };
}

lexicon!(GENERIC, "../../data/cues/generic_problem.txt");
lexicon!(PRAISE, "../../data/cues/praise_in_disguise.txt");
lexicon!(SUBJECTIVE, "../../data/cues/cause_subjective.txt");
lexicon!(OBJECTIVE, "../../data/cues/cause_objective.txt");
lexicon!(VAGUE, "../../data/cues/vague.txt");

/// Every data file of this module, for the validation test.
#[cfg(test)]
pub(crate) const FILES: [&str; 5] = [
    include_str!("../../data/cues/generic_problem.txt"),
    include_str!("../../data/cues/praise_in_disguise.txt"),
    include_str!("../../data/cues/cause_subjective.txt"),
    include_str!("../../data/cues/cause_objective.txt"),
    include_str!("../../data/cues/vague.txt"),
];

fn found(lex: &(AhoCorasick, Vec<&'static str>), s: &str) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for m in lex.0.find_iter(s) {
        let w = lex.1[m.pattern().as_usize()].to_owned();
        if !v.contains(&w) {
            v.push(w);
        }
    }
    v
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9０-９]+(?:[.．][0-9]+)?\s*(?:%|％|万|亿|个|名|人|次|项|件|条|家|所|户|处|元|天|年|月|期|篇|份|场|批|起|类|台|套|亩|公里|小时|分钟|周|岁|倍|余|多)|[一二两三四五六七八九十百千]+(?:个|名|次|项|件|条|家|所|户|处|期|篇|份|场|批|起|类)")
        .expect("valid regex")
});
static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Han}{1,8}?(?:镇|乡|村|街道|社区|党支部|支部|党总支|局|委员会|办公室|科|处室|中心|学校|小学|中学|医院|公司|车间|班组|站|所)(?:的|在|有|未|没有|仍|还)")
        .expect("valid regex")
});
static INSTANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"例如|比如|譬如|如在|有一次|曾经|曾|其中|本人|我(?:在|对|有时|曾|还|的)|同志|书记|主任|局长|镇长|校长|院长|会议|检查|巡察|巡视|考核|事故|案件|处分|通报|信访|投诉|约谈|问责")
        .expect("valid regex")
});

pub(crate) fn problem(i: usize, s: &str) -> Problem {
    let generic = found(&GENERIC, s);
    let praise = !found(&PRAISE, s).is_empty();
    let number = NUMBER.find(s).map(|m| m.as_str().to_owned());
    let unit = UNIT.find(s).map(|m| m.as_str().to_owned());
    let inst = INSTANCE.find(s).map(|m| m.as_str().to_owned());
    let (specific, why) = if let Some(n) = number {
        (true, format!("names a figure ({n})"))
    } else if let Some(u) = unit.filter(|_| generic.len() <= 1) {
        (true, format!("names a unit ({u})"))
    } else if let Some(x) = inst.filter(|_| generic.is_empty() || s.chars().count() > 60) {
        (true, format!("names a person, instance or event ({x})"))
    } else if !generic.is_empty() {
        (
            false,
            format!(
                "stock phrase ({}) with no figure, unit, person or instance",
                generic.join("、")
            ),
        )
    } else {
        (false, "no figure, unit, person or instance".to_owned())
    };
    Problem {
        sentence: i,
        specific,
        why,
        generic,
        praise_in_disguise: praise,
    }
}

pub(crate) fn cause(i: usize, s: &str) -> Cause {
    let subj = found(&SUBJECTIVE, s);
    let obj = found(&OBJECTIVE, s);
    // The explicit frame wins: 客观上 / 主观上.
    let kind = if s.contains("客观") && !s.contains("主观") {
        CauseKind::Objective
    } else if s.contains("主观") || subj.len() > obj.len() {
        CauseKind::Subjective
    } else if !obj.is_empty() {
        CauseKind::Objective
    } else {
        CauseKind::Unspecified
    };
    let cues = match kind {
        CauseKind::Subjective => subj,
        CauseKind::Objective => obj,
        CauseKind::Unspecified => Vec::new(),
    };
    Cause {
        sentence: i,
        kind,
        cues,
    }
}

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:[0-9０-９]{4}年)?(?:[0-9０-９一二三四五六七八九十]{1,2}月)?(?:底|末|中旬|上旬|下旬|份)?前",
        r"|(?:年|月|季度|半年)(?:底|末)前?|年内|今年内|本年度内|上半年|下半年|[一二三四]季度",
        r"|用[0-9０-９一二两三四五六七八九十半]+(?:个)?(?:年|月|周)(?:左右)?(?:时间)?",
        r"|到[0-9０-９]{4}年(?:底|末)?|[0-9０-９]{4}年(?:底|末)|[0-9０-９]{1,2}月底|限期|时限|明年|[0-9]{1,3}(?:个工作日|天)内",
    ))
    .expect("valid regex")
});
static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:达到|提高到|提升到|增加到|降低到|下降到|控制在|不低于|不少于|不超过|实现|完成|新增|减少|增长)[^，。；]{0,8}?[0-9０-９]+(?:[.．][0-9]+)?\s*(?:%|％|万|亿|个|名|人|次|项|件|条|家|所|户|处|元|天|篇|期|场|批|亩|公里)",
        r"|[0-9０-９]+(?:[.．][0-9]+)?\s*(?:%|％|个百分点)",
        r"|全覆盖|清零|零容忍|零发生|销号|全部完成|全部整改|100%"
    ))
    .expect("valid regex")
});
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"牵头|责任单位|责任部门|责任人|责任领导|分管领导|负总责|负责|主抓|具体抓")
        .expect("valid regex")
});

/// Which of [`DEADLINE`] and [`TARGET`] can match `s` at all: every match of
/// `DEADLINE` holds one of 前 年 月 季 周 限 内, every match of `TARGET` a digit or
/// one of 覆 零 销 部. A sentence with none of them skips the regex.
fn may_match(s: &str) -> (bool, bool) {
    let (mut deadline, mut target) = (false, false);
    for c in s.chars() {
        match c {
            '前' | '年' | '月' | '季' | '周' | '限' | '内' => deadline = true,
            '0'..='9' | '０'..='９' | '覆' | '零' | '销' | '部' => target = true,
            _ => continue,
        }
        if deadline && target {
            break;
        }
    }
    (deadline, target)
}

pub(crate) fn commitment(i: usize, s: &str) -> Commitment {
    let (may_deadline, may_target) = may_match(s);
    let deadline = may_deadline
        .then(|| DEADLINE.find(s))
        .flatten()
        .map(|m| m.as_str().to_owned())
        .filter(|d| d != "前");
    let target = may_target
        .then(|| TARGET.find(s))
        .flatten()
        .map(|m| m.as_str().to_owned());
    let owner = OWNER.find(s).map(|m| m.as_str().to_owned());
    let measurable = deadline.is_some() || target.is_some();
    let vague = if measurable {
        Vec::new()
    } else {
        found(&VAGUE, s)
    };
    Commitment {
        sentence: i,
        deadline,
        target,
        owner,
        measurable,
        vague,
    }
}

/// Records for every problem, cause and commitment sentence.
pub(crate) fn records(sentences: &[Sentence]) -> (Vec<Problem>, Vec<Cause>, Vec<Commitment>) {
    let (mut p, mut c, mut m) = (Vec::new(), Vec::new(), Vec::new());
    for s in sentences {
        match s.role {
            Some(Role::Problem) => p.push(problem(s.index, &s.text)),
            Some(Role::Cause) => c.push(cause(s.index, &s.text)),
            Some(Role::Commitment) => m.push(commitment(s.index, &s.text)),
            _ => {}
        }
    }
    (p, c, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_sorted_unique() {
        for f in FILES {
            crate::extract::assert_sorted_unique(f);
        }
    }

    #[test]
    fn problems_generic_and_specific() {
        assert!(!problem(0, "政治理论学习不够深入，在学风上有差距。").specific);
        assert!(!problem(0, "在一定程度上满足于用文件和会议贯彻传达上级精神。").specific);
        assert!(problem(0, "5个党支部都没有电脑、打印复印机等必备的办公设施设备。").specific);
        assert!(problem(0, "报告中提到60岁以上党员占比达34%。").specific);
        let p = problem(0, "工作太投入，有时不注意身体。");
        assert!(p.praise_in_disguise);
    }

    #[test]
    fn causes() {
        assert_eq!(
            cause(0, "客观上强调工作忙、任务重，放松了学习。").kind,
            CauseKind::Objective
        );
        assert_eq!(
            cause(0, "根本原因是理想信念出现动摇，宗旨意识淡化。").kind,
            CauseKind::Subjective
        );
        assert_eq!(cause(0, "这是必然的。").kind, CauseKind::Unspecified);
    }

    #[test]
    fn commitments() {
        let c = commitment(
            0,
            "扎实开展问题楼盘处置等集中攻坚行动，9月底前化解率达80%。",
        );
        assert_eq!(c.deadline.as_deref(), Some("9月底前"));
        assert!(c.target.as_deref().unwrap().contains("80%"));
        assert!(c.measurable);
        let c = commitment(0, "计划用两年时间完成建设。");
        assert_eq!(c.deadline.as_deref(), Some("用两年时间"));
        let c = commitment(0, "争取基本完成各项任务。");
        assert!(!c.measurable);
        assert_eq!(c.vague, ["争取", "基本"]);
    }

    /// The characters of the `DEADLINE` and `TARGET` patterns and a few others.
    const ALPHABET: &str = "0129０９一二两三四十半个年月周季度底末前中旬上下份内今本用到限期时明\
        工作日天达提高升增加降低控制在不少于超过实现完成新减长%％百分点全覆盖清零容忍发生销号部整改，。；的 .";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn the_prefilter_never_hides_a_match(
            v in proptest::collection::vec(
                proptest::sample::select(ALPHABET.chars().collect::<Vec<char>>()),
                0..16,
            )
        ) {
            let s: String = v.into_iter().collect();
            let (deadline, target) = may_match(&s);
            proptest::prop_assert!(deadline || !DEADLINE.is_match(&s), "{}", s);
            proptest::prop_assert!(target || !TARGET.is_match(&s), "{}", s);
        }
    }
}
