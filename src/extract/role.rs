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
use super::model::RoleModel;
use super::scan::{self, bit, Triggers};
use super::Genre;
use crate::structure::{Section, Sentence};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

const N: usize = 5;

fn idx(r: Role) -> usize {
    r as usize
}

/// A feature of the learned layer, named without allocating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Feat {
    /// A rule's contribution to a role: `achievement:了`, `commitment:section`.
    Rule(Role, &'static str),
    /// A flag: `remedy`, `question`, `short`.
    Flag(&'static str),
    /// A per-role quantity: `share:problem`, `lex:achievement`, `score:cause`.
    Of(&'static str, Role),
    /// A word of the sentence, by its hashed bucket: `tok:4711`.
    Tok(u32),
}

impl Feat {
    /// Writes the feature's name (as in `data/role_model.tsv`) into `buf`.
    pub(crate) fn write_name(self, buf: &mut String) {
        buf.clear();
        match self {
            Feat::Rule(r, k) => {
                buf.push_str(r.as_str());
                buf.push(':');
                buf.push_str(k);
            }
            Feat::Flag(k) => buf.push_str(k),
            Feat::Of(k, r) => {
                buf.push_str(k);
                buf.push(':');
                buf.push_str(r.as_str());
            }
            Feat::Tok(h) => {
                use std::fmt::Write;
                let _ = write!(buf, "tok:{h}");
            }
        }
    }

    /// The feature's name.
    pub(crate) fn name(self) -> String {
        let mut b = String::new();
        self.write_name(&mut b);
        b
    }
}

/// Scores and the cues behind them, for one sentence.
#[derive(Debug, Default, Clone)]
struct Scores {
    s: [f32; N],
    /// Cues per role; only the decided role's become owned strings.
    cues: [Vec<Cow<'static, str>>; N],
    /// Every contribution as a feature for the learned layer.
    feats: Vec<(Feat, f32)>,
    /// Lexicon cue weight per role.
    lex: [f32; N],
}

impl Scores {
    fn add(&mut self, r: Role, w: f32, cue: &'static str) {
        self.add_shown(r, w, cue, Cow::Borrowed(cue));
    }

    /// A contribution whose feature is `kind` and whose cue, as shown in
    /// the output, is `shown` (`section:问题` enters the layer as `section`).
    fn add_shown(&mut self, r: Role, w: f32, kind: &'static str, shown: Cow<'static, str>) {
        self.s[idx(r)] += w;
        self.feats.push((Feat::Rule(r, kind), w));
        let v = &mut self.cues[idx(r)];
        if !v.contains(&shown) && v.len() < 8 {
            v.push(shown);
        }
    }

    /// A lexicon cue: it counts toward the role's score and its cues, and
    /// enters the learned layer as one summed feature per role, not one
    /// feature per phrase, so the layer cannot memorise phrases of the
    /// training documents.
    fn add_lex(&mut self, r: Role, w: f32, cue: &'static str) {
        self.s[idx(r)] += w;
        self.lex[idx(r)] += w;
        let v = &mut self.cues[idx(r)];
        if !v.iter().any(|c| c == cue) && v.len() < 8 {
            v.push(Cow::Borrowed(cue));
        }
    }

    /// The cues of role `k`, as the output shows them (`none` for none).
    fn take_cues(&mut self, k: usize) -> Vec<String> {
        let cues = std::mem::take(&mut self.cues[k]);
        if cues.is_empty() {
            return vec!["none".to_owned()];
        }
        cues.into_iter().map(Cow::into_owned).collect()
    }

    /// A feature that carries no hand weight of its own.
    fn flag(&mut self, f: Feat, v: f32) {
        self.feats.push((f, v));
    }

    /// The features for the learned layer: every contribution, the flags,
    /// and the hand scores themselves.
    fn features(&mut self) -> Vec<(Feat, f32)> {
        let mut f = std::mem::take(&mut self.feats);
        for r in Role::ALL {
            if self.lex[idx(r)] != 0.0 {
                f.push((Feat::Of("lex", r), self.lex[idx(r)].min(8.0)));
            }
            f.push((Feat::Of("score", r), self.s[idx(r)].min(6.0)));
        }
        f
    }
    /// The best role with its score, and the runner-up's score: roles
    /// ordered by score (total order, highest first), ties by role order.
    fn best(&self) -> (Role, f32, f32) {
        // `a` ranks before `b` (a < b in role order).
        let before = |a: usize, b: usize| self.s[a].total_cmp(&self.s[b]).is_gt();
        let mut first = 0;
        for i in 1..N {
            if before(i, first) {
                first = i;
            }
        }
        let mut second = usize::from(first == 0);
        for i in second + 1..N {
            if i != first && before(i, second) {
                second = i;
            }
        }
        (Role::ALL[first], self.s[first], self.s[second])
    }
}

/// Positions of the last contrast marker (但, 但是, 然而, 不过, 可是); the
/// main assertion follows it.
fn contrast_at(s: &str, trig: Triggers) -> Option<(usize, &'static str)> {
    // The last match of (?:^|[，,；;：:])\s*(但是|但|然而|不过|可是|只是).
    if !(trig.any(bit::DAN)
        || trig.all(bit::RAN | bit::ER)
        || trig.all(bit::BU | bit::GUO)
        || trig.all(bit::KE | bit::SHI)
        || trig.all(bit::ZHI | bit::SHI))
    {
        return None;
    }
    scan::last_contrast(s)
}

/// A directive 要/必须/务必 at the head of a clause (not 需要, 重要, 主要, 要求…).
fn directive(s: &str, trig: Triggers) -> Option<&'static str> {
    // The matches of (?:^|[，,；;：:。！])[^，,；;：:。！？]{0,14}?
    // (一定要|必须|务必|应当|要)([^求素点么领闻害紧件道旨诀职员塞冲命账挟务]).
    if !trig.any(bit::DIRECTIVE) {
        return None;
    }
    let mut from = 0;
    while let Some((start, word, end)) = scan::next_directive(s, from) {
        from = end;
        let before = s[..start].chars().next_back();
        if matches!(before, Some('场' | '的' | '所' | '种' | '项')) {
            continue;
        }
        if word == "要"
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
        return Some(word);
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
    /// The first three bytes of each head.
    const KEYS: [[u8; 3]; 34] = {
        let mut k = [[0u8; 3]; 34];
        let mut i = 0;
        while i < 34 {
            let b = HEADS[i].as_bytes();
            k[i] = [b[0], b[1], b[2]];
            i += 1;
        }
        k
    };
    static FIRST: scan::FirstChars = scan::FirstChars::of(&HEADS);
    // A CJK ideograph is alphanumeric: nothing to trim before it.
    let t = match s.chars().next() {
        Some('\u{4e00}'..='\u{9fff}') => s,
        _ => s.trim_start_matches(|c: char| !c.is_alphanumeric()),
    };
    if !FIRST.has(t.chars().next()?) {
        return None;
    }
    // Every head starts with a three-byte character: compare those first.
    let first: [u8; 3] = t.as_bytes().get(..3)?.try_into().ok()?;
    (0..HEADS.len())
        .find(|&i| KEYS[i] == first && t.starts_with(HEADS[i]))
        .map(|i| HEADS[i])
}

/// 了 as an aspect marker (not 为了, 除了, 了解…).
fn perfective_count(s: &str, trig: Triggers) -> usize {
    if !trig.any(bit::LE) {
        return 0;
    }
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

/// Whether the text holds an ASCII or full-width digit.
fn has_number(trig: Triggers) -> bool {
    trig.any(bit::DIGIT)
}

/// The role a heading gives its section, with the cue that decided it.
fn heading_role(h: &str) -> Option<(Role, &'static str)> {
    let (ac, roles) = &*HEADINGS;
    let m = ac.find_iter(h).last()?;
    roles.get(m.pattern().as_usize()).copied()
}

/// Years written in `s` (1949–2099).
fn years(s: &str) -> impl Iterator<Item = u32> + '_ {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(19[4-9][0-9]|20[0-9]{2})年").expect("valid regex"));
    s.contains('年')
        .then(|| RE.captures_iter(s))
        .into_iter()
        .flatten()
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
}

/// The year a document speaks from: the latest year in its title and front
/// matter (the headings before the first body sentence).
fn document_year(sentences: &[Sentence]) -> Option<u32> {
    sentences
        .iter()
        .take_while(|s| s.heading)
        .take(6)
        .flat_map(|s| years(&s.text))
        .max()
}

/// A heading that names the document's own year or a later one, or 今年 /
/// 明年, announces plans: 三、2026年主要工作 in a 2026 report.
fn plan_heading(h: &str, doc_year: Option<u32>) -> bool {
    if h.contains("今年") || h.contains("明年") || h.contains("本年度") {
        return true;
    }
    match doc_year {
        Some(y) => years(h).any(|hy| hy >= y) && !h.contains("回顾") && !h.contains("总结"),
        None => false,
    }
}

/// Lead-in to a list: the sentences after it continue its role.
fn lead_in(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with('：') || t.ends_with(':') || t.ends_with("主要是") || t.ends_with("如下")
}

/// The sentence without a leading enumeration marker (一是, 第一，, 二要…).
fn strip_item(s: &str) -> &str {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}[，,、]|首先[，,]?|其次[，,]?|再次[，,]?|最后[，,]?|[一二三四五六七八九十]{1,2}[、．.]|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}[、．.])")
            .expect("valid regex")
    });
    // Only the first characters of the alternatives can start a match.
    let first = s.chars().next().unwrap_or(' ');
    if !matches!(
        first,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '第'
            | '首'
            | '其'
            | '再'
            | '最'
            | '（'
            | '('
            | '0'..='9'
    ) {
        return s;
    }
    match RE.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    }
}

/// Subjects that open lists of shortcomings: 有的…, 一些地方…, 个别….
fn problem_subject(s: &str) -> Option<&'static str> {
    const SUBJ: [&str; 8] = [
        "有的",
        "有些",
        "一些",
        "个别",
        "少数",
        "部分",
        "有人",
        "还有的",
    ];
    SUBJ.into_iter().find(|p| s.starts_with(p))
}

/// Potential-complement negatives: 兑现不了, 减不动, 搞不清, 跟不上, 做不好.
fn cannot(s: &str, trig: Triggers) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\p{Han}不(?:了|动|清|好|上|起|住|到位|完|开|下去|进去)").expect("valid regex")
    });
    trig.any(bit::BU)
        && scan::may_cannot(s)
        && RE.find_iter(s).any(|m| {
            let t = m.as_str();
            !t.starts_with("对")
                && !t.starts_with("了")
                && !t.starts_with("看")
                && !t.starts_with("来")
        })
}

/// Verbs whose object is a problem to be removed: 治理, 防范, 严禁, 纠正….
const REMEDY_VERBS: [&str; 24] = [
    "严禁", "严惩", "克服", "化解", "反对", "惩治", "打击", "扭转", "整改", "整治", "查处", "杜绝",
    "根治", "治理", "消除", "破解", "纠正", "修复", "遏制", "防止", "防治", "防范", "降低", "解决",
];

/// Whether a remedy verb stands before `at` in the same clause (at most 16
/// characters back) and is not negated or stated as undone (未解决,
/// 没有纠正, 难以根治 are the problem itself).
fn remedy_before(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let from = head
        .char_indices()
        .rev()
        .take(16)
        .take_while(|&(_, c)| !matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。'))
        .last()
        .map_or(at, |(i, _)| i);
    let clause = &head[from..];
    static FIRST: scan::FirstChars = scan::FirstChars::of(&REMEDY_VERBS);
    // No verb overlaps itself: its occurrences are those of match_indices.
    scan::any_word_at(clause, &REMEDY_VERBS, &FIRST, |i| {
        !clause[..i]
            .chars()
            .rev()
            .take(2)
            .any(|c| matches!(c, '未' | '没' | '不' | '难' | '尚' | '待' | '无'))
    })
}

/// A statement of principle or definition: 精准是要义, 制度是用来遵守的.
fn copula(s: &str, trig: Triggers) -> bool {
    // The match of ^[^，,；;。！？：:]{1,24}?(?:就是|也是|都是|是).
    trig.any(bit::SHI)
        && scan::copula_end(s).is_some_and(|end| {
            let m = &s[..end];
            !m.ends_with("要是") && !m.contains("但是") && !m.contains("还是")
        })
}

/// A quotation, or a report of what someone said.
fn quotation(s: &str, trig: Triggers) -> bool {
    // Both need an opening quote.
    if !trig.any(bit::QUOTE) {
        return false;
    }
    let t = s.trim();
    scan::reported_speech(s)
        || (t.starts_with(['“', '「'])
            && t.trim_end_matches(['。', '！', '？'])
                .ends_with(['”', '」']))
}

/// A signature, date or addressee line with no clause of its own: 述职人：王某,
/// 2026年1月12日, 中共某某镇委员会, 各位代表：. Such lines sit inside the
/// last section of a report and must not take its role.
fn byline(s: &str, trig: Triggers) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[0-9０-９〇○零一二三四五六七八九十]{2,4}年)?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日$")
            .expect("valid regex")
    });
    const LABELS: [&str; 8] = [
        "述职人",
        "报告人",
        "汇报人",
        "发言人",
        "姓名",
        "单位",
        "职务",
        "署名",
    ];
    const ORGS: [&str; 12] = [
        "委员会",
        "党委",
        "党组",
        "党支部",
        "总支部",
        "人民政府",
        "办公室",
        "局",
        "公司",
        "派出所",
        "纪委",
        "监委",
    ];
    // Trimming keeps every clause mark but 。. The CLAUSE bit also stands
    // for ASCII ! and ?, which do not rule a byline out.
    if trig.any(bit::CLAUSE) && !s.contains(['!', '?']) {
        return false;
    }
    let t = s.trim().trim_end_matches(['。', '.']);
    if t.is_empty() || t.contains(['，', ',', '；', ';', '。', '！', '？']) {
        return false;
    }
    let n = t.chars().count();
    DATE.is_match(t)
        || LABELS.iter().any(|l| {
            t.strip_prefix(l)
                .is_some_and(|r| r.starts_with(['：', ':', ' ', '　']))
        })
        || (n <= 24
            && ORGS.iter().any(|o| t.ends_with(o))
            && (t.starts_with("中共") || t.contains(['省', '市', '县', '区', '镇', '乡', '村']))
            && ![
                "大局", "格局", "布局", "全局", "变局", "开局", "结局", "当局",
            ]
            .iter()
            .any(|x| t.ends_with(x))
            && !t.contains(['要', '将', '了', '把', '在']))
}

/// A numbered finding (问题2：…, 问题三：…), as rectification reports list
/// what inspectors found.
fn numbered_finding(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:问题|存在问题)[0-9０-９一二三四五六七八九十]{1,3}[：:、．.]")
            .expect("valid regex")
    });
    (s.starts_with("问题") || s.starts_with("存在问题")) && RE.is_match(s)
}

/// A run-in heading that only names a topic: （一）理论学习方面。
fn topic_line(s: &str, trig: Triggers) -> bool {
    if !trig.any(bit::FANG) {
        return false;
    }
    let t = s.trim().trim_end_matches(['。', '：', ':']);
    t.ends_with("方面") && t.chars().count() <= 12 && !t.contains(['，', ','])
}

/// Cue matches that start and end on word boundaries, longest first, not
/// overlapping: `(start, end, pattern)` in bytes of `text`.
fn cue_matches(text: &str, bounds: &Bounds, base: usize) -> Vec<(usize, usize, usize)> {
    let at = |i: usize| bounds.at(base + i);
    let mut all: Vec<(usize, usize, usize)> = LEXICON
        .ac
        .find_overlapping_iter(text)
        .filter(|m| at(m.start()) && at(m.end()))
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    all.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    // Kept matches are disjoint, so only the last one starting before `m`
    // ends can overlap it. A few matches are kept in a sorted vector; many
    // (a paste without a single 。) in a map by start, which keeps this
    // linear-logarithmic.
    if all.len() <= 32 {
        let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(all.len());
        for m in all {
            let before = kept.partition_point(|k| k.0 < m.1);
            if before == 0 || kept[before - 1].1 <= m.0 {
                let at = kept.partition_point(|k| k.0 < m.0);
                kept.insert(at, m);
            }
        }
        return kept;
    }
    let mut kept: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
    for m in all {
        if kept
            .range(..m.1)
            .next_back()
            .is_none_or(|(_, k)| k.0 <= m.0)
        {
            kept.insert(m.0, (m.1, m.2));
        }
    }
    kept.into_iter().map(|(s, (e, p))| (s, e, p)).collect()
}

/// Word boundaries of a sentence, from the segmenter's tokens.
pub(crate) struct Bounds {
    /// Offset of the text the boundaries are asked about, within the sentence.
    base: usize,
    is: Vec<bool>,
}

impl Bounds {
    /// Boundaries from token byte ranges of a sentence of `len` bytes.
    pub(crate) fn new(len: usize, tokens: impl Iterator<Item = (usize, usize)>) -> Bounds {
        let mut is = vec![false; len + 1];
        is[0] = true;
        is[len] = true;
        for (s, e) in tokens {
            if s <= len {
                is[s] = true;
            }
            if e <= len {
                is[e] = true;
            }
        }
        Bounds { base: 0, is }
    }

    fn at(&self, i: usize) -> bool {
        self.is.get(self.base + i).copied().unwrap_or(true)
    }
}

/// Words of two or more characters, and the first two words of any length,
/// hashed into 2^16 buckets (FNV-1a).
fn word_buckets(full: &str, bounds: &Bounds, out: &mut Vec<(Feat, f32)>) {
    // One pass over the characters: each word's length in characters and
    // whether it is all CJK are known when its end is reached.
    fn fnv(seed: u32, w: &[u8]) -> u32 {
        let mut h = seed;
        for &b in w {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h & 0xffff
    }
    let bytes = full.as_bytes();
    // The first two words, whatever their length, in buckets of their own:
    // how a sentence opens (我们 / 要 / 一是 / 过去一年) says much of its role.
    let mut nth = 0u32;
    let mut emit = |w: &[u8], chars: usize, han: bool| {
        if han {
            if nth < 2 {
                out.push((Feat::Tok(fnv(0x811c_9dc5 ^ (0x5e + nth), w)), 1.0));
                nth += 1;
            }
            if chars >= 2 {
                out.push((Feat::Tok(fnv(0x811c_9dc5, w)), 1.0));
            }
        }
    };
    let at = |i: usize| bounds.is.get(i).copied().unwrap_or(true);
    let (mut start, mut chars, mut han) = (0, 0, true);
    let mut i = 0;
    while i < bytes.len() {
        if i > 0 && at(i) {
            emit(&bytes[start..i], chars, han);
            (start, chars, han) = (i, 0, true);
        }
        // By the lead byte: U+4E00..=U+9FFF is E4 B8 80 ..= E9 BF BF.
        let lead = bytes[i];
        let (len, cjk) = match lead {
            0..=0x7f => (1, false),
            0x80..=0xdf => (2, false),
            0xe0..=0xef => (
                3,
                (0xe5..=0xe9).contains(&lead)
                    || (lead == 0xe4 && bytes.get(i + 1).is_some_and(|&b| b >= 0xb8)),
            ),
            _ => (4, false),
        };
        chars += 1;
        han &= cjk;
        i += len;
    }
    if at(full.len()) {
        emit(&bytes[start..], chars, han);
    }
}

fn score(full: &str, genre: Genre, bounds: &Bounds) -> Scores {
    let mut sc = Scores {
        feats: Vec::with_capacity(48),
        ..Scores::default()
    };
    word_buckets(full, bounds, &mut sc.feats);
    let lex = &*LEXICON;
    let text = strip_item(full);
    let base = full.len() - text.len();
    let trig = Triggers::of(text);
    let contrast = contrast_at(text, trig);
    let dir = directive(text, trig);
    let perf = perfective_count(text, trig);
    if let Some(p) = problem_subject(text) {
        sc.add(Role::Problem, 1.0, p);
    }
    if cannot(text, trig) {
        sc.add(Role::Problem, 1.0, "不V");
    }
    if byline(text, trig) {
        sc.add(Role::Other, 3.0, "byline");
    }
    if numbered_finding(full) {
        sc.add(Role::Problem, 2.0, "问题N");
    }
    if topic_line(text, trig) {
        sc.add(Role::Other, 2.0, "topic");
    }
    if quotation(text, trig) {
        sc.add(Role::Other, 1.5, "quotation");
    } else if dir.is_none() && perf == 0 && copula(text, trig) {
        sc.add(Role::Other, 1.0, "是");
    }
    let question = text
        .trim_end_matches(['”', '’', '"', '）', ')'])
        .ends_with(['？', '?']);
    let mut remedied = false;
    for (start, _, pat) in cue_matches(text, bounds, base) {
        let mut factor = 1.0;
        if let Some((pos, _)) = contrast {
            factor = if start < pos { 0.35 } else { 1.3 };
        }
        // The object of a remedy (治理…污染, 严禁…转移, 防范化解…风险)
        // names what is to be fixed, not a shortcoming the text admits.
        let object =
            lex.cues[pat].iter().any(|c| c.role == Role::Problem) && remedy_before(text, start);
        remedied |= object;
        for cue in &lex.cues[pat] {
            let f = if object && cue.role == Role::Problem {
                factor * 0.3
            } else {
                factor
            };
            sc.add_lex(cue.role, cue.weight * f, cue.phrase);
        }
    }
    if remedied {
        sc.flag(Feat::Flag("remedy_object"), 1.0);
    }
    if let Some(d) = dir {
        sc.add(Role::Commitment, 2.2, d);
    } else if let Some(h) = imperative_head(text) {
        // Reports narrate work done with the same verbs that plans and
        // speeches use for directives: the section decides there.
        let w = match genre {
            Genre::Speech => 0.9,
            _ => 0.4,
        };
        sc.add(Role::Commitment, w, h);
    }
    // Remedies of problems: the problem words name what was fixed or is to be fixed.
    if trig.any(bit::PROBLEM) && scan::remedy(text) {
        sc.s[idx(Role::Problem)] *= 0.5;
        sc.flag(Feat::Flag("remedy"), 1.0);
    }
    if contrast.is_some() {
        sc.flag(Feat::Flag("contrast"), 1.0);
    }
    if question {
        sc.flag(Feat::Flag("question"), 1.0);
    }
    // No genre indicator: with a handful of documents per genre it would
    // only learn those documents.
    let nchars = trig.chars;
    sc.flag(Feat::Flag("short"), if nchars < 16 { 1.0 } else { 0.0 });
    sc.flag(Feat::Flag("long"), if nchars > 80 { 1.0 } else { 0.0 });
    if perf > 0 && dir.is_none() {
        sc.add(Role::Achievement, 0.5 * perf.min(3) as f32, "了");
    }
    if has_number(trig) && dir.is_none() {
        sc.add(Role::Achievement, 0.8, "figure");
        // Figures in a sentence that names a shortcoming make it a specific
        // problem, not a result.
        if sc.lex[idx(Role::Problem)] >= 1.0 {
            sc.flag(Feat::Flag("figure_problem"), 1.0);
        }
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

/// Decides role, confidence and cues from scores.
fn decide(sc: &mut Scores) -> (Role, f32, Vec<String>) {
    let (role, conf) = rule_role(sc);
    (role, conf, sc.take_cues(idx(role)))
}

/// The rules' own decision: the best-scoring role, or other when nothing
/// scores 1; confidence from the margin.
fn rule_role(sc: &Scores) -> (Role, f32) {
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
    (role, (conf * 100.0).round() / 100.0)
}

/// Assigns a role, cues and a confidence to every non-heading sentence.
///
/// Pass 1 scores each sentence from its cues, the role its section heading
/// gives, a list it continues and the enumeration it belongs to. Pass 2
/// adds what the neighbours in the same section say, so that a bare
/// 加强组织领导。 reads as a plan among plans and as a report among results.
pub(crate) fn classify(
    sentences: &mut [Sentence],
    sections: &[Section],
    genre: Genre,
    bounds: &[Bounds],
    model: Option<&RoleModel>,
    context: Option<&RoleModel>,
    mut features_out: Option<&mut Vec<Vec<(String, f32)>>>,
) {
    if let Some(out) = features_out.as_deref_mut() {
        out.clear();
        out.resize(sentences.len(), Vec::new());
    }
    let mut sec_role: Vec<Option<(Role, &'static str)>> = Vec::with_capacity(sections.len());
    let doc_year = document_year(sentences);
    for s in sections {
        let own = heading_role(&s.heading)
            .or_else(|| plan_heading(&s.heading, doc_year).then_some((Role::Commitment, "year")));
        let r = own.or_else(|| s.parent.and_then(|p| sec_role.get(p).copied().flatten()));
        sec_role.push(r);
    }
    let n = sentences.len();
    let mut scores: Vec<Scores> = Vec::with_capacity(n);
    let mut lead: Option<(usize, Role)> = None;
    let mut first_item: Option<(usize, Role)> = None;
    for (k, s) in sentences.iter().enumerate() {
        if s.heading {
            lead = None;
            first_item = None;
            scores.push(Scores::default());
            continue;
        }
        let mut sc = match bounds.get(k) {
            Some(b) => score(&s.text, genre, b),
            None => score(
                &s.text,
                genre,
                &Bounds::new(s.text.len(), std::iter::empty()),
            ),
        };
        if let Some(Some((r, cue))) = s.section.map(|k| sec_role.get(k).copied().flatten()) {
            sc.add_shown(r, 1.6, "section", Cow::Owned(format!("section:{cue}")));
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
        let (role, _) = rule_role(&sc);
        if lead_in(&s.text) && role != Role::Other {
            lead = Some((s.paragraph, role));
        }
        if s.item.is_some()
            && role != Role::Other
            && first_item.is_none_or(|(p, _)| p != s.paragraph)
        {
            first_item = Some((s.paragraph, role));
        }
        scores.push(sc);
    }
    // Pass 2: neighbours in the same innermost section, or within 6 sentences.
    // Soft votes: each sentence's own capped scores, before any context.
    const VOTERS: [Role; 4] = [
        Role::Achievement,
        Role::Problem,
        Role::Cause,
        Role::Commitment,
    ];
    let votes: Vec<[f32; N]> = (0..n)
        .map(|j| {
            let mut v = [0f32; N];
            if !sentences[j].heading {
                for r in VOTERS {
                    v[idx(r)] = scores[j].s[idx(r)].min(3.0);
                }
            }
            v
        })
        .collect();
    let mut sec_sum = vec![[0f32; N]; sections.len()];
    for (j, s) in sentences.iter().enumerate() {
        if let Some(k) = s.section.filter(|k| *k < sections.len()) {
            for r in 0..N {
                sec_sum[k][r] += votes[j][r];
            }
        }
    }
    let mut running = vec![[0f32; N]; sections.len()];
    let mut pending: Vec<Pending> = Vec::with_capacity(n);
    let mut neighbour: Vec<(&'static str, Role, f32)> = Vec::new();
    for i in 0..n {
        if sentences[i].heading {
            let t = &mut sentences[i];
            t.role = Some(Role::Other);
            t.cues = Some(vec!["heading".to_owned()]);
            t.confidence = Some(1.0);
            continue;
        }
        let sec = sentences[i].section.filter(|k| *k < sections.len());
        // What the section says before and after the sentence.
        let mut before = [0f32; N];
        let mut dist = [0f32; N];
        match sec {
            Some(k) => {
                before = running[k];
                for r in 0..N {
                    dist[r] = (sec_sum[k][r] - before[r] - votes[i][r]).max(0.0);
                    running[k][r] += votes[i][r];
                }
            }
            None => {
                for j in i.saturating_sub(6)..i {
                    if sentences[j].section.is_none() {
                        for r in 0..N {
                            before[r] += votes[j][r];
                        }
                    }
                }
                for j in i + 1..(i + 7).min(n) {
                    if sentences[j].section.is_none() {
                        for r in 0..N {
                            dist[r] += votes[j][r];
                        }
                    }
                }
            }
        }
        let total_before: f32 = before.iter().sum();
        // The sentences right before and after, in the same paragraph or
        // section: passages of one role run on.
        for (label, j) in [
            ("prev", i.checked_sub(1)),
            ("next", Some(i + 1).filter(|&j| j < n)),
        ] {
            if let Some(j) =
                j.filter(|&j| !sentences[j].heading && sentences[j].section == sentences[i].section)
            {
                let t: f32 = votes[j].iter().sum();
                if t >= 1.0 {
                    for r in VOTERS {
                        neighbour.push((label, r, votes[j][idx(r)] / t));
                    }
                }
            }
        }
        let total: f32 = dist.iter().sum();
        let mut sc = std::mem::take(&mut scores[i]);
        for (label, r, v) in neighbour.drain(..) {
            sc.flag(Feat::Of(label, r), v);
        }
        let own = sc.best().1;
        if total >= 1.5 {
            for r in VOTERS {
                sc.flag(Feat::Of("share", r), dist[idx(r)] / total);
            }
        }
        if total_before >= 1.5 {
            for r in VOTERS {
                sc.flag(Feat::Of("before", r), before[idx(r)] / total_before);
            }
        }
        if total >= 1.5 && own >= 0.3 {
            for r in [Role::Achievement, Role::Problem, Role::Commitment] {
                let share = dist[idx(r)] / total;
                if share > 0.5 {
                    sc.add(r, 1.2 * share, "context");
                }
            }
        }
        let feats = sc.features();
        if let Some(out) = features_out.as_deref_mut() {
            out[i] = feats.iter().map(|(f, v)| (f.name(), *v)).collect();
        }
        pending.push((i, feats, sc));
    }
    // The learned layer: stage 1 reads each sentence's own features; stage 2
    // adds what stage 1 believes of the neighbours (previous, next, the rest
    // of the section and of the paragraph).
    let model = model.filter(|m| !m.is_empty());
    let context = context.filter(|m| !m.is_empty() && model.is_some());
    let mut p1: Vec<Option<[f32; N]>> = vec![None; n];
    // Stage 2 sums the same features first: both models are read in one
    // pass, and stage 2 later adds the context features to its partial sum.
    let mut z2: Vec<[f32; N]> = Vec::new();
    if let Some(m) = model {
        if context.is_some() {
            z2.reserve(pending.len());
        }
        for (i, feats, _) in &pending {
            let (z, zc) = super::model::logits_pair(m, context, feats);
            p1[*i] = Some(super::model::softmax(z));
            if context.is_some() {
                z2.push(zc);
            }
        }
    }
    let ctx = context.map(|cm| {
        let keys: Vec<CtxKey> = sentences
            .iter()
            .map(|s| (0, s.section, s.paragraph))
            .collect();
        // The stage-2 weights of the context features, looked up once.
        let rows = CTX_LABELS.map(|l| Role::ALL.map(|r| cm.row(Feat::Of(l, r))));
        (context_values(&p1, &keys), rows)
    });
    for (at, (i, _feats, mut sc)) in pending.into_iter().enumerate() {
        let p = match (&ctx, p1[i]) {
            (Some((values, rows)), Some(_)) => {
                // The features of `context_features`, in their order.
                let mut z = z2[at];
                for (m, rows) in values[i].iter().zip(rows) {
                    let Some(m) = m else { continue };
                    for (v, w) in m.iter().zip(rows) {
                        if let Some(w) = w {
                            for k in 0..N {
                                z[k] += w[k] * v;
                            }
                        }
                    }
                }
                Some(super::model::softmax(z))
            }
            (_, p) => p,
        };
        let (role, conf, cues) = match p {
            Some(p) => {
                let best = (0..N)
                    .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
                    .unwrap_or(N - 1);
                let cues = sc.take_cues(best);
                (Role::ALL[best], (p[best] * 100.0).round() / 100.0, cues)
            }
            None => decide(&mut sc),
        };
        let t = &mut sentences[i];
        t.role = Some(role);
        t.cues = Some(cues);
        t.confidence = Some(conf);
    }
}

/// A sentence waiting for the learned layer: index, features, rule scores.
type Pending = (usize, Vec<(Feat, f32)>, Scores);

/// Where a sentence sits, for context: (document within the file, innermost
/// section, paragraph).
pub(crate) type CtxKey = (usize, Option<usize>, usize);

/// Stage-2 context features from stage-1 probabilities (`None` for
/// headings): the previous and next sentence of the same section, the mean
/// over the rest of the section (or, outside sections, of the six sentences
/// on either side) and over the rest of the paragraph.
pub(crate) fn context_features(p1: &[Option<[f32; N]>], keys: &[CtxKey]) -> Vec<Vec<(Feat, f32)>> {
    context_values(p1, keys)
        .into_iter()
        .map(|c| {
            let mut f = Vec::new();
            for (label, m) in CTX_LABELS.into_iter().zip(c) {
                if let Some(m) = m {
                    for r in Role::ALL {
                        f.push((Feat::Of(label, r), m[idx(r)]));
                    }
                }
            }
            f
        })
        .collect()
}

/// The context features' names, in the order they are emitted.
const CTX_LABELS: [&str; 4] = ["c_prev", "c_next", "c_sec", "c_par"];

/// What [`context_features`] says of each sentence, by label
/// ([`CTX_LABELS`]): the probabilities of the previous and next sentence,
/// and the means over the rest of the section and of the paragraph, where
/// there are any.
fn context_values(p1: &[Option<[f32; N]>], keys: &[CtxKey]) -> Vec<[Option<[f32; N]>; 4]> {
    let n = p1.len().min(keys.len());
    // Sums per section and per paragraph, indexed by a dense group id.
    let (sec_of, n_sec) = group_ids(keys[..n].iter().map(|&(g, s, _)| s.map(|s| (g, s))));
    let (par_of, n_par) = group_ids(keys[..n].iter().map(|&(g, _, q)| Some((g, q))));
    let mut sec = vec![([0f32; N], 0f32); n_sec];
    let mut par = vec![([0f32; N], 0f32); n_par];
    for i in 0..n {
        let Some(p) = p1[i] else { continue };
        for (id, sums) in [(sec_of[i], &mut sec), (par_of[i], &mut par)] {
            if let Some(id) = id {
                let e = &mut sums[id as usize];
                for (acc, x) in e.0.iter_mut().zip(p) {
                    *acc += x;
                }
                e.1 += 1.0;
            }
        }
    }
    let same = |i: usize, j: usize| keys[i].0 == keys[j].0 && keys[i].1 == keys[j].1;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Some(own) = p1[i] else {
            out.push([None; 4]);
            continue;
        };
        let prev = (0..i).rev().find(|&j| p1[j].is_some() || !same(i, j));
        let next = (i + 1..n).find(|&j| p1[j].is_some() || !same(i, j));
        let near = |j: Option<usize>| j.filter(|&j| same(i, j)).and_then(|j| p1[j]);
        let (g, s, _) = keys[i];
        let rest = |e: Option<&([f32; N], f32)>| {
            e.filter(|e| e.1 > 1.0).map(|(sum, c)| {
                let mut m = [0f32; N];
                for r in 0..N {
                    m[r] = (sum[r] - own[r]) / (c - 1.0);
                }
                m
            })
        };
        let around = match s {
            Some(_) => rest(sec_of[i].map(|id| &sec[id as usize])),
            None => {
                let mut sum = [0f32; N];
                let mut c = 0.0;
                for j in i.saturating_sub(6)..(i + 7).min(n) {
                    if j != i && keys[j].0 == g && keys[j].1.is_none() {
                        if let Some(p) = p1[j] {
                            for r in 0..N {
                                sum[r] += p[r];
                            }
                            c += 1.0;
                        }
                    }
                }
                (c > 0.0).then(|| sum.map(|x| x / c))
            }
        };
        let para = rest(par_of[i].map(|id| &par[id as usize]));
        out.push([near(prev), near(next), around, para]);
    }
    out
}

/// A dense id per distinct key (`None` stays `None`), and how many there are.
fn group_ids<K: std::hash::Hash + Eq>(
    keys: impl Iterator<Item = Option<K>>,
) -> (Vec<Option<u32>>, usize) {
    let mut ids: std::collections::HashMap<K, u32, std::hash::BuildHasherDefault<MulHasher>> =
        Default::default();
    let of = keys
        .map(|k| {
            k.map(|k| {
                let next = ids.len() as u32;
                *ids.entry(k).or_insert(next)
            })
        })
        .collect();
    (of, ids.len())
}

/// A multiplicative hasher for small integer keys.
#[derive(Default)]
struct MulHasher(u64);

impl std::hash::Hasher for MulHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

#[cfg(test)]
#[path = "role_equiv.rs"]
mod equiv;

#[cfg(test)]
mod byline_tests {
    use super::{byline, remedy_before, Triggers};

    #[test]
    fn signature_and_date_lines() {
        for t in [
            "述职人：王建国",
            "2026年1月12日",
            "二〇二五年十二月三十日",
            "中共茶岭镇委员会",
            "岚州市公安局",
        ] {
            assert!(byline(t, Triggers::of(t)), "{t}");
        }
        for t in [
            "全年召开党组会议24次。",
            "始终服从服务全市工作大局",
            "市委要求各单位年底前完成整改",
            "2026年1月12日，召开专题民主生活会。",
        ] {
            assert!(!byline(t, Triggers::of(t)), "{t}");
        }
    }

    #[test]
    fn objects_of_remedies() {
        // Sentences of the 2018 rural-revitalisation plan and the 2008 work report.
        let t = "加强农业面源污染防治，开展农业绿色发展行动。";
        assert!(!remedy_before(t, t.find("污染").unwrap()));
        let t = "严禁工业和城镇污染向农业农村转移。";
        assert!(remedy_before(t, t.find("污染").unwrap()));
        let t = "开展扶贫领域腐败和作风问题专项治理。";
        assert!(!remedy_before(t, t.find("腐败").unwrap()));
        let t = "坚决纠正形式主义、官僚主义。";
        assert!(remedy_before(t, t.find("形式主义").unwrap()));
        // Undone or impossible remedies are the problem itself.
        let t = "一些地方的污染问题长期未解决，难以根治形式主义。";
        assert!(!remedy_before(t, t.find("问题").unwrap()));
        assert!(!remedy_before(t, t.find("形式主义").unwrap()));
        // The verb must stand in the same clause.
        let t = "治理取得成效，但污染依然严重。";
        assert!(!remedy_before(t, t.find("污染").unwrap()));
    }

    #[test]
    fn numbered_findings_and_topic_lines() {
        use super::{numbered_finding, topic_line};
        assert!(numbered_finding("问题2：乡村振兴衔接资金项目推进缓慢。"));
        assert!(numbered_finding("问题三、“三资”管理存在漏洞。"));
        assert!(!numbered_finding("问题是客观存在的。"));
        assert!(topic_line("理论学习方面。", Triggers::of("理论学习方面。")));
        let t = "在理论学习方面，系统学习不够。";
        assert!(!topic_line(t, Triggers::of(t)));
    }
}
