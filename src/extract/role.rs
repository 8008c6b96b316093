//! Sentence roles.

use serde::{Deserialize, Serialize};

/// The role of a sentence, as `ANNOTATION.md` defines it.
///
/// ```
/// use shuzhi::Role;
/// assert_eq!(Role::Problem.as_str(), "problem");
/// assert_eq!(serde_json::to_string(&Role::Commitment).unwrap(), "\"commitment\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reports work done, results, progress or strengths.
    Achievement,
    /// States a shortcoming, gap, failure, violation or risk.
    Problem,
    /// Explains why a problem exists.
    Cause,
    /// A plan, measure, requirement, directive, target or pledge.
    Commitment,
    /// Procedure, framing, background, quotations, principles.
    Other,
}

impl Role {
    /// All roles, in the order of the output's `shares`.
    pub const ALL: [Role; 5] = [
        Role::Achievement,
        Role::Problem,
        Role::Cause,
        Role::Commitment,
        Role::Other,
    ];

    /// The role's name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Achievement => "achievement",
            Role::Problem => "problem",
            Role::Cause => "cause",
            Role::Commitment => "commitment",
            Role::Other => "other",
        }
    }
}

use super::cues::{HEADINGS, LEXICON};
use crate::structure::{Section, Sentence};
use regex::Regex;
use std::sync::LazyLock;

const N: usize = 5;

fn idx(r: Role) -> usize {
    r as usize
}

/// Scores and the cues behind them, for one sentence.
#[derive(Debug, Default, Clone)]
struct Scores {
    s: [f32; N],
    cues: [Vec<String>; N],
}

impl Scores {
    fn add(&mut self, r: Role, w: f32, cue: impl Into<String>) {
        self.s[idx(r)] += w;
        let c = cue.into();
        let v = &mut self.cues[idx(r)];
        if !v.contains(&c) && v.len() < 8 {
            v.push(c);
        }
    }
    fn best(&self) -> (Role, f32, f32) {
        let mut order: Vec<usize> = (0..N).collect();
        order.sort_by(|&a, &b| self.s[b].total_cmp(&self.s[a]).then(a.cmp(&b)));
        (Role::ALL[order[0]], self.s[order[0]], self.s[order[1]])
    }
}

/// Positions of the last contrast marker (但, 但是, 然而, 不过, 可是); the
/// main assertion follows it.
fn contrast_at(s: &str) -> Option<(usize, &'static str)> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[，,；;：:])\s*(但是|但|然而|不过|可是|只是)").expect("valid regex")
    });
    RE.captures_iter(s).last().and_then(|c| {
        let m = c.get(1)?;
        let w = match m.as_str() {
            "但是" => "但是",
            "但" => "但",
            "然而" => "然而",
            "不过" => "不过",
            "可是" => "可是",
            _ => "只是",
        };
        Some((m.start(), w))
    })
}

/// A directive 要/必须/务必 at the head of a clause (not 需要, 重要, 主要, 要求…).
fn directive(s: &str) -> Option<&'static str> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[，,；;：:。！])[^，,；;：:。！？]{0,14}?(一定要|必须|务必|应当|要)([^求素点么领闻害紧件道旨诀职员塞冲命账挟务])")
            .expect("valid regex")
    });
    for c in RE.captures_iter(s) {
        let m = c.get(1)?;
        let before = s[..m.start()].chars().next_back();
        if m.as_str() == "要"
            && matches!(
                before,
                Some(
                    '需' | '重'
                        | '主'
                        | '只'
                        | '想'
                        | '摘'
                        | '纲'
                        | '必'
                        | '概'
                        | '简'
                        | '扼'
                        | '险'
                        | '首'
                        | '次'
                        | '紧'
                        | '提'
                        | '不'
                        | '是'
                        | '的'
                        | '将'
                        | '显'
                        | '政'
                        | '机'
                        | '切'
                )
            )
        {
            continue;
        }
        return Some(match m.as_str() {
            "一定要" => "一定要",
            "必须" => "必须",
            "务必" => "务必",
            "应当" => "应当",
            _ => "要",
        });
    }
    None
}

/// Sentence-initial imperative verbs typical of plans and directives.
fn imperative_head(s: &str) -> Option<&'static str> {
    const HEADS: [&str; 34] = [
        "坚持", "加强", "推进", "深化", "强化", "完善", "健全", "推动", "加快", "实施", "扎实",
        "持续", "全面", "深入", "着力", "聚焦", "统筹", "狠抓", "抓好", "做好", "筑牢", "压实",
        "严格", "落实", "建立", "构建", "打造", "培育", "提升", "优化", "突出", "把", "以", "大力",
    ];
    let t = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    HEADS.into_iter().find(|h| t.starts_with(h))
}

/// 了 as an aspect marker (not 为了, 除了, 了解…).
fn perfective_count(s: &str) -> usize {
    let mut n = 0;
    let mut prev = ' ';
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '了' {
            let next = it.peek().copied().unwrap_or(' ');
            if !matches!(prev, '为' | '除' | '罢' | '不' | '得')
                && !matches!(next, '解' | '如' | '结' | '然' | '不' | '却')
            {
                n += 1;
            }
        }
        prev = c;
    }
    n
}

fn has_number(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// The role a heading gives its section, with the cue that decided it.
fn heading_role(h: &str) -> Option<(Role, &'static str)> {
    let (ac, roles) = &*HEADINGS;
    let m = ac.find_iter(h).last()?;
    let phrase: &'static str = crate::extract::cues::data_lines(crate::extract::cues::HEADING_FILE)
        .filter_map(|l| l.split_once('\t').map(|(p, _)| p))
        .nth(m.pattern().as_usize())
        .unwrap_or("");
    Some((roles[m.pattern().as_usize()], phrase))
}

/// Lead-in to a list: the sentences after it continue its role.
fn lead_in(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with('：') || t.ends_with(':') || t.ends_with("主要是") || t.ends_with("如下")
}

fn score(text: &str) -> Scores {
    let mut sc = Scores::default();
    let lex = &*LEXICON;
    let contrast = contrast_at(text);
    let dir = directive(text);
    let question = text
        .trim_end_matches(|c| matches!(c, '”' | '’' | '"' | '）' | ')'))
        .ends_with(['？', '?']);
    for m in lex.ac.find_iter(text) {
        let mut factor = 1.0;
        if let Some((pos, _)) = contrast {
            factor = if m.start() < pos { 0.35 } else { 1.3 };
        }
        for cue in &lex.cues[m.pattern().as_usize()] {
            sc.add(cue.role, cue.weight * factor, cue.phrase);
        }
    }
    if let Some((_, w)) = contrast {
        let _ = w;
    }
    if let Some(d) = dir {
        sc.add(Role::Commitment, 2.2, d);
    } else if let Some(h) = imperative_head(text) {
        sc.add(Role::Commitment, 0.9, h);
    }
    let perf = perfective_count(text);
    if perf > 0 && dir.is_none() {
        sc.add(Role::Achievement, 0.5 * perf.min(3) as f32, "了");
    }
    if has_number(text) && dir.is_none() {
        sc.add(Role::Achievement, 0.4, "figure");
    }
    // Remedy over problem: a future action on a problem is a commitment.
    let future = sc.s[idx(Role::Commitment)];
    if future >= 2.0 {
        sc.s[idx(Role::Problem)] *= 0.45;
        sc.s[idx(Role::Achievement)] *= 0.6;
    }
    // Cause talk names problems; an explicit cause frame wins.
    if sc.s[idx(Role::Cause)] >= 2.0 {
        sc.s[idx(Role::Problem)] *= 0.6;
    }
    if question {
        sc.add(Role::Other, 1.2, "？");
    }
    sc
}

/// Assigns a role, cues and a confidence to every non-heading sentence.
pub(crate) fn classify(sentences: &mut [Sentence], sections: &[Section]) {
    // The role each section's heading gives, inherited from parents.
    let mut sec_role: Vec<Option<(Role, &'static str)>> = Vec::with_capacity(sections.len());
    for s in sections {
        let own = heading_role(&s.heading);
        let r = own.or_else(|| s.parent.and_then(|p| sec_role.get(p).copied().flatten()));
        sec_role.push(r);
    }
    let mut lead: Option<(usize, Role)> = None; // (paragraph, role)
    let mut first_item: Option<(usize, Role)> = None;
    for i in 0..sentences.len() {
        let s = &sentences[i];
        if s.heading {
            lead = None;
            first_item = None;
            sentences[i].role = Some(Role::Other);
            sentences[i].cues = Some(vec!["heading".to_owned()]);
            sentences[i].confidence = Some(1.0);
            continue;
        }
        let mut sc = score(&s.text);
        if let Some(Some((r, cue))) = s.section.map(|k| sec_role.get(k).copied().flatten()) {
            sc.add(r, 1.6, format!("section:{cue}"));
        }
        if let Some((p, r)) = lead {
            if p == s.paragraph {
                sc.add(r, 1.2, "list");
            } else {
                lead = None;
            }
        }
        if let (Some(_), Some((p, r))) = (&s.item, first_item) {
            if p == s.paragraph || s.section.is_some() {
                sc.add(r, 0.6, "item");
            }
        }
        let (mut role, top, second) = sc.best();
        if top < 1.0 {
            role = Role::Other;
        }
        let margin = (top - second).max(0.0);
        let conf = if top < 1.0 {
            0.4
        } else {
            (0.5 + 0.5 * (margin / 2.0).tanh()).min(0.99)
        };
        let mut cues = std::mem::take(&mut sc.cues[idx(role)]);
        if cues.is_empty() {
            cues.push("none".to_owned());
        }
        let text_is_lead = lead_in(&s.text);
        let is_item = s.item.is_some();
        let para = s.paragraph;
        let t = &mut sentences[i];
        t.role = Some(role);
        t.cues = Some(cues);
        t.confidence = Some((conf * 100.0).round() / 100.0);
        if text_is_lead
            && matches!(
                role,
                Role::Problem | Role::Cause | Role::Commitment | Role::Achievement
            )
        {
            lead = Some((para, role));
        }
        if is_item && role != Role::Other {
            if first_item.is_none_or(|(p, _)| p != para) {
                first_item = Some((para, role));
            }
        }
    }
}
