//! Figures: numbers that state a quantity, share, amount, date or duration.
//!
//! [`FigureFinder`] reads one sentence and returns its [`Figure`]s, each with the
//! text as it stands, a value, a unit, a [`FigureKind`] and an [`Approx`], exactly
//! as `ANNOTATION.md` (section Figures) defines them. Numbers that are not figures
//! are told apart: list markers and ordinals (`一是`, `第三`, `（一）`) come out with
//! kind [`FigureKind::Ordinal`]; slogan numerals and numbers inside names of
//! meetings, plans and documents (`四个意识`, `十九大`, `十四五`, `《…》`) with kind
//! [`FigureKind::Slogan`], and so do years inside such names (`2017年度…工作要点`) and
//! small counts that name a rule set (`九项准则`, `这六项基本制度`); idioms
//! (`千方百计`), counts of the speaker's own points (`讲三点意见`, `讲3个问题`), periods
//! used as frames (`一年来`, `五年来`, `过去五年`, `这五年`) and placeholders (`XX个`,
//! `20__年`) are not reported at all.
//!
//! The lexicons are data files (`data/slogans.txt`, `data/figure_idioms.txt`,
//! `data/figure_units.txt`, `data/figure_approx.txt`) compiled into automata once,
//! when the finder is built. Finding is a single left-to-right pass over the
//! sentence and never panics.

use std::fmt;
use std::sync::LazyLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::numeral::{self, Numeral};

const SLOGANS: &str = include_str!("../../data/slogans.txt");
const IDIOMS: &str = include_str!("../../data/figure_idioms.txt");
const UNITS: &str = include_str!("../../data/figure_units.txt");
const APPROX: &str = include_str!("../../data/figure_approx.txt");

/// A figure found in text.
///
/// Serialised with the field names of the `figures` entries of the output record
/// (`DESIGN.md`). `span` is a half-open byte range into the document (the
/// sentence's offset plus the offset inside it), `char_span` the same in
/// characters; both fall on character boundaries.
///
/// # Example
///
/// ```
/// use shuzhi::{extract_figures, Approx, FigureKind, FigureValue};
/// let text = "全州共排查各类公路安全隐患857处,已整改落实748处";
/// let figures = extract_figures(text);
/// assert_eq!(figures.len(), 2);
/// let f = &figures[0];
/// assert_eq!(f.text, "857处");
/// assert_eq!(f.value, FigureValue::Number(857.0));
/// assert_eq!((f.unit.as_str(), f.kind, f.approx), ("处", FigureKind::Quantity, Approx::Exact));
/// assert_eq!(&text[f.span[0]..f.span[1]], "857处");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure as it stands in the text: number, unit, inner `多`/`余`, and a
    /// trailing `以上`/`左右`/`以下`. A leading `超过`/`近`/`约` is not included.
    pub text: String,
    /// The value: a number (in `元` for money, in percent for `%`) or an ISO date.
    pub value: FigureValue,
    /// The unit or measure word without the number (`处`, `元`, `%`, `个百分点`,
    /// `年`), or empty.
    pub unit: String,
    /// What the number states.
    pub kind: FigureKind,
    /// Whether the number is exact or a bound.
    pub approx: Approx,
    /// Index of the sentence the figure is in.
    pub sentence: usize,
    /// Byte range in the document.
    pub span: [usize; 2],
    /// Character range in the document.
    pub char_span: [usize; 2],
}

/// The value of a [`Figure`]: a finite number, or a date in ISO form.
///
/// Serialised untagged: a JSON number (integers without a fraction, `857`) or a
/// string (`"2019-12-30"`, `"2020"`, `"2020-03"`, `"--05-09"`).
///
/// # Example
///
/// ```
/// use shuzhi::{extract_figures, FigureValue};
/// let f = &extract_figures("中组部2019年12月30日出台了考核办法")[0];
/// assert_eq!(f.value, FigureValue::Date("2019-12-30".into()));
/// assert_eq!(serde_json::to_string(&FigureValue::Number(857.0)).unwrap(), "857");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum FigureValue {
    /// A number; never NaN or infinite.
    Number(f64),
    /// An ISO 8601 date or partial date: `2019-12-30`, `2020`, `2020-03`,
    /// `--05-09` (month and day), `--05` (month), `---09` (day).
    Date(String),
}

impl FigureValue {
    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            FigureValue::Number(v) => Some(*v),
            FigureValue::Date(_) => None,
        }
    }
}

impl fmt::Display for FigureValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FigureValue::Number(v) => write!(f, "{v}"),
            FigureValue::Date(d) => f.write_str(d),
        }
    }
}

/// Largest integer that an `f64` holds exactly.
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

impl Serialize for FigureValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FigureValue::Number(v) => {
                if v.fract() == 0.0 && v.abs() < EXACT_INT {
                    #[allow(clippy::cast_possible_truncation)]
                    s.serialize_i64(*v as i64)
                } else if v.is_finite() {
                    s.serialize_f64(*v)
                } else {
                    s.serialize_f64(0.0)
                }
            }
            FigureValue::Date(d) => s.serialize_str(d),
        }
    }
}

impl<'de> Deserialize<'de> for FigureValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Date(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(v) if v.is_finite() => Ok(FigureValue::Number(v)),
            Raw::Number(_) => Err(serde::de::Error::custom("figure value must be finite")),
            Raw::Date(s) => Ok(FigureValue::Date(s)),
        }
    }
}

/// What a figure states (`ANNOTATION.md`, Figures).
///
/// # Example
///
/// ```
/// use shuzhi::{extract_figures, FigureKind};
/// let kinds: Vec<FigureKind> = extract_figures("增强“四个意识”，党员人数增长3.5%")
///     .iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [FigureKind::Slogan, FigureKind::Percent]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A count or measure: `857处`, `1.9万个`, `18000余公里`.
    Quantity,
    /// A percentage or percentage points: `95%`, `百分之八十`, `3.5个百分点`.
    Percent,
    /// A fraction: `三分之一`, `2/3`.
    Fraction,
    /// An amount of money: `500万元` (value in 元), `1200亿美元`.
    Money,
    /// A date: `2019年12月30日`, `5月9日`, `2020年`.
    Date,
    /// A duration: `两年`, `50天`, `3个月`.
    Duration,
    /// An age: `60岁`.
    Age,
    /// Not a figure: an ordinal or list marker (`第三`, `一是`, `（一）`).
    Ordinal,
    /// Not a figure: a slogan numeral or a number in a name (`四个意识`, `十九大`).
    Slogan,
}

impl FigureKind {
    /// True for the kinds that are real figures (all but `Ordinal` and `Slogan`).
    pub fn is_figure(self) -> bool {
        !matches!(self, FigureKind::Ordinal | FigureKind::Slogan)
    }
}

/// Whether a figure is exact or a bound (`ANNOTATION.md`, Figures).
///
/// # Example
///
/// ```
/// use shuzhi::{extract_figures, Approx};
/// let f = &extract_figures("全市60岁以上的村书记超过三分之一")[1];
/// assert_eq!((f.text.as_str(), f.approx), ("三分之一", Approx::Over));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// As stated.
    Exact,
    /// At least or more than: `余`, `多`, `以上`, `超过`, `逾`.
    Over,
    /// At most or less than: `不到`, `以下`, `近`, `以内`.
    Under,
    /// Roughly, or a range: `约`, `左右`, `大约`, `3至5个`.
    About,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnitClass {
    Block,
    Quantity,
    Money,
    Age,
    Percent,
    Time,
    Name,
    NameCtx,
    Ordinal,
}

#[derive(Clone, Copy, Debug)]
struct UnitEntry {
    class: UnitClass,
    /// The unit as reported.
    unit: &'static str,
}

/// Lines of a data file that are entries (no comments, no blanks).
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn parse_approx(s: &str) -> Approx {
    match s {
        "over" => Approx::Over,
        "under" => Approx::Under,
        "about" => Approx::About,
        _ => Approx::Exact,
    }
}

/// Finds figures in sentences; built once, shared by reference across threads.
///
/// # Example
///
/// ```
/// use shuzhi::{FigureFinder, FigureKind};
/// let finder = FigureFinder::new();
/// let doc = "同志们:\n全省共有党员300多万名。";
/// let start = doc.find('全').unwrap();
/// let sentence = &doc[start..];
/// let figures = finder.find(sentence, start, doc[..start].chars().count(), 1);
/// let f = &figures[0];
/// assert_eq!((f.text.as_str(), f.kind), ("300多万名", FigureKind::Quantity));
/// assert_eq!(&doc[f.span[0]..f.span[1]], "300多万名");
/// assert_eq!(f.sentence, 1);
/// ```
pub struct FigureFinder {
    /// Slogans and idioms, anchored, longest first.
    lexicon: AhoCorasick,
    /// The first characters of the lexicon words, as a bitmap over the low twelve
    /// bits of the code point (a hit may be a false positive; a miss is certain).
    lexicon_first: CharBits,
    /// For each lexicon pattern: is it a slogan (reported) or an idiom (skipped)?
    lexicon_slogan: Vec<bool>,
    /// Unit words, anchored, longest first.
    units: AhoCorasick,
    unit_entries: Vec<UnitEntry>,
    /// Approximation words after a figure, anchored.
    after: AhoCorasick,
    after_approx: Vec<Approx>,
    /// Approximation words before a figure, longest first.
    before: Vec<(&'static str, Approx)>,
    /// The last characters of the words of `before`: a quick miss.
    before_last: CharBits,
}

impl fmt::Debug for FigureFinder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FigureFinder")
            .field("lexicon", &self.lexicon_slogan.len())
            .field("units", &self.unit_entries.len())
            .finish()
    }
}

impl Default for FigureFinder {
    fn default() -> Self {
        FigureFinder::new()
    }
}

/// A figure before it gets its sentence offsets.
#[derive(Debug, Clone)]
struct Raw {
    start: usize,
    end: usize,
    value: FigureValue,
    unit: String,
    kind: FigureKind,
    approx: Approx,
}

/// Per-sentence context: where names, quotes and lexicon words are.
struct Ctx<'s> {
    s: &'s str,
    /// Lexicon matches (start, end, is_slogan), in order.
    lex: Vec<(usize, usize, bool)>,
    lex_i: usize,
    /// Book titles 《…》 (byte ranges of the content).
    titles: Vec<(usize, usize)>,
}

impl Ctx<'_> {
    fn in_title(&self, pos: usize) -> bool {
        self.titles.iter().any(|&(a, b)| a <= pos && pos < b)
    }
}

/// A set of characters as a bitmap over the low twelve bits of the code point: a
/// cheap first test, exact for a miss, to be confirmed on a hit.
#[derive(Clone, Copy)]
struct CharBits([u64; 64]);

impl CharBits {
    const EMPTY: CharBits = CharBits([0; 64]);

    const fn of(chars: &[char]) -> CharBits {
        let mut bits = CharBits::EMPTY;
        let mut i = 0;
        while i < chars.len() {
            let k = chars[i] as u32 & 0xfff;
            bits.0[(k >> 6) as usize] |= 1 << (k & 63);
            i += 1;
        }
        bits
    }

    fn insert(&mut self, c: char) {
        let k = u32::from(c) & 0xfff;
        self.0[(k >> 6) as usize] |= 1 << (k & 63);
    }

    #[inline]
    fn has(&self, c: char) -> bool {
        self.has_key(u32::from(c) & 0xfff)
    }

    /// [`CharBits::has`] by the low twelve bits of the code point.
    #[inline]
    fn has_key(&self, k: u32) -> bool {
        self.0[(k >> 6) as usize] >> (k & 63) & 1 == 1
    }
}

/// The low twelve bits of the code point of the character at byte `a` of
/// `b` (valid UTF-8, `a` on a character boundary), read without decoding
/// it, and the character's length in bytes.
#[inline]
fn low_bits_at(b: &[u8], a: usize) -> (u32, usize) {
    let x = u32::from(b[a]);
    let cont = |i: usize| u32::from(b.get(a + i).copied().unwrap_or(0)) & 0x3f;
    match x {
        0..=0x7f => (x, 1),
        0x80..=0xdf => ((((x & 0x1f) << 6) | cont(1)) & 0xfff, 2),
        0xe0..=0xef => ((cont(1) << 6) | cont(2), 3),
        _ => ((cont(2) << 6) | cont(3), 4),
    }
}

/// Every character the scan in [`FigureFinder::find`] acts on: numerals, signs,
/// opening quotes and brackets, `第` and `前`. Any other character is stepped over.
static TRIGGERS: CharBits = CharBits::of(&[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '零', '〇', '○', '一', '二', '两', '兩', '三', '四', '五', '六', '七', '八',
    '九', '壹', '贰', '貳', '叁', '參', '肆', '伍', '陆', '陸', '柒', '捌', '玖', '十', '拾', '百',
    '佰', '千', '仟', '万', '萬', '亿', '億', '兆', '廿', '卅', '负', '負', '-', '－', '−', '“',
    '「', '『', '‘', '第', '前', '（', '(', '［', '[', '【', '〔', '半',
]);

/// True for a character the scan acts on (see [`TRIGGERS`]).
#[inline]
fn is_trigger(c: char) -> bool {
    TRIGGERS.has(c)
        && (numeral::is_numeral_char(c)
            || is_sign(c)
            || matches!(
                c,
                '“' | '「'
                    | '『'
                    | '‘'
                    | '第'
                    | '前'
                    | '（'
                    | '('
                    | '［'
                    | '['
                    | '【'
                    | '〔'
                    | '半'
            ))
}

fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|r| r.chars().next())
}

fn char_before(s: &str, pos: usize) -> Option<char> {
    s.get(..pos).and_then(|r| r.chars().next_back())
}

/// Punctuation and space that end a word.
fn is_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '，' | '。'
                | '；'
                | '：'
                | '！'
                | '？'
                | ','
                | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | '、'
                | '“'
                | '”'
                | '"'
                | '（'
                | '）'
                | '('
                | ')'
                | '《'
                | '》'
                | '\u{200b}'
        )
}

fn is_sign(c: char) -> bool {
    matches!(c, '负' | '負' | '-' | '－' | '−')
}

fn is_arabic(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Characters before a number that make it an identifier: `PM2.5`, `M2`, `%20`.
fn is_ident_before(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '%' | '/' | '=' | '&' | '?' | '#' | '_' | '.' | '+' | '×' | '*' | '@' | '~'
        )
}

/// Characters before a number that make it vague: `数十`, `几百`; `上千` and
/// `成千` only before a bare scale word.
fn is_vague_before(c: char, bare_lead: bool) -> bool {
    matches!(c, '数' | '數' | '几' | '幾') || (bare_lead && matches!(c, '成' | '上'))
}

/// Start of a line: the sentence start or a line break, possibly followed by
/// indentation.
fn at_line_start(s: &str, pos: usize) -> bool {
    let before = &s[..pos];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{3000}', '\u{a0}']);
    trimmed.is_empty() || trimmed.ends_with('\n') || trimmed.ends_with('\r')
}

fn round_int(v: f64) -> Option<u32> {
    if v.fract() == 0.0 && (0.0..=9999.0).contains(&v) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(v as u32)
    } else {
        None
    }
}

/// Time units that follow `个多` in `一个多月`.
const TIME_AFTER_GE: [(&str, &str); 5] = [
    ("月", "月"),
    ("小时", "小时"),
    ("星期", "星期"),
    ("季度", "季度"),
    ("工作日", "工作日"),
];

/// Range connectors between two numbers: `3至5个`, `3—5个`.
const RANGE: [&str; 9] = ["——", "—", "–", "-", "－", "~", "～", "至", "到"];

/// Suffixes after a year or month that stay in a date's text.
const YEAR_TAIL: [&str; 7] = ["上半年", "下半年", "底", "末", "初", "中", "内"];
const MONTH_TAIL: [&str; 7] = ["上旬", "中旬", "下旬", "底", "末", "初", "中"];

/// Verbs before a count of the speaker's own points (`讲三个问题`); the first six
/// also before Arabic digits (`讲3个问题`).
const TALK: [&str; 11] = [
    "讲", "谈", "说", "提", "强调", "列举", "从", "以下", "在", "讲讲", "谈谈",
];

/// Nouns after such a count that name points of a speech.
const POINTS: [&str; 8] = [
    "问题", "重点", "意见", "要求", "体会", "看法", "想法", "建议",
];

/// Measure words after `这` + a count that refers back to a list (`这六项`).
const ANAPHOR_UNITS: [&str; 9] = ["个", "項", "项", "条", "條", "類", "类", "种", "件"];

/// Names of rule sets and formulas after a small count: `省委六条意见`, `九项准则`,
/// `三个结合`.
const FORMULA_HEADS: &[&str] = &[
    "规定",
    "方略",
    "基本方略",
    "准则",
    "意见",
    "禁令",
    "结合",
    "核心",
    "基本制度",
    "基本原则",
    "原则",
    "纪律",
    "注意",
    "严禁",
    "不准",
    "禁止",
    "方针",
    "坚持",
    "必须",
    "服从",
    "确保",
    "务必",
    "倡导",
    "有利于",
];

/// Words after `是`-style list markers: `一是`, `二要`.
const LIST_WORDS: [char; 4] = ['是', '要', '则', '为'];

impl FigureFinder {
    /// Pushes a fraction figure `s[pos..end]` (widened by approximation
    /// words around it) and returns where it ends.
    fn push_fraction(&self, s: &str, pos: usize, end: usize, v: f64, out: &mut Vec<Raw>) -> usize {
        let (approx, fend) = self.approx_around(s, pos, end, Approx::Exact);
        out.push(Raw {
            start: pos,
            end: fend,
            value: FigureValue::Number(v),
            unit: String::new(),
            kind: FigureKind::Fraction,
            approx,
        });
        fend
    }

    /// Builds the finder from the embedded lexicons.
    ///
    /// # Panics
    ///
    /// Only if the embedded data files are malformed, which the crate's tests rule
    /// out.
    pub fn new() -> FigureFinder {
        let mut pats: Vec<&'static str> = Vec::new();
        let mut lexicon_slogan = Vec::new();
        for w in entries(SLOGANS) {
            pats.push(w);
            lexicon_slogan.push(true);
        }
        for w in entries(IDIOMS) {
            pats.push(w);
            lexicon_slogan.push(false);
        }
        let lexicon = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .expect("lexicon automaton");
        let mut lexicon_first = CharBits::EMPTY;
        for w in &pats {
            if let Some(c) = w.chars().next() {
                lexicon_first.insert(c);
            }
        }

        let mut unit_words = Vec::new();
        let mut unit_entries = Vec::new();
        for line in entries(UNITS) {
            let mut parts = line.split('\t');
            let word = parts.next().unwrap_or_default();
            let class = match parts.next().unwrap_or_default() {
                "money" => UnitClass::Money,
                "age" => UnitClass::Age,
                "percent" => UnitClass::Percent,
                "time" => UnitClass::Time,
                "name" => UnitClass::Name,
                "namectx" => UnitClass::NameCtx,
                "ordinal" => UnitClass::Ordinal,
                "block" => UnitClass::Block,
                _ => UnitClass::Quantity,
            };
            let unit = parts.next().unwrap_or(word);
            unit_words.push(word);
            unit_entries.push(UnitEntry { class, unit });
        }
        let units = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&unit_words)
            .expect("unit automaton");

        let mut after_words = Vec::new();
        let mut after_approx = Vec::new();
        let mut before = Vec::new();
        for line in entries(APPROX) {
            let mut parts = line.split('\t');
            let word = parts.next().unwrap_or_default();
            let pos = parts.next().unwrap_or_default();
            let approx = parse_approx(parts.next().unwrap_or_default());
            if pos == "before" {
                before.push((word, approx));
            } else {
                after_words.push(word);
                after_approx.push(approx);
            }
        }
        before.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut before_last = CharBits::EMPTY;
        for (w, _) in &before {
            if let Some(c) = w.chars().next_back() {
                before_last.insert(c);
            }
        }
        let after = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&after_words)
            .expect("approximation automaton");

        FigureFinder {
            lexicon,
            lexicon_first,
            lexicon_slogan,
            units,
            unit_entries,
            after,
            after_approx,
            before,
            before_last,
        }
    }

    /// Figures of one sentence, in text order.
    ///
    /// Spans are byte offsets into `sentence` plus `base` (so the caller passes the
    /// sentence's byte offset in the document); `char_span` likewise with
    /// `char_base`; `index` is the sentence index. Never panics.
    pub fn find(&self, sentence: &str, base: usize, char_base: usize, index: usize) -> Vec<Figure> {
        let raws = self.find_raw(sentence);
        let mut out = Vec::with_capacity(raws.len());
        // byte offsets come in increasing order: count characters incrementally
        let mut last_byte = 0usize;
        let mut last_char = 0usize;
        let mut to_char = |b: usize| -> usize {
            let b = b.min(sentence.len());
            if b >= last_byte {
                last_char += sentence[last_byte..b].chars().count();
            } else {
                last_char = sentence[..b].chars().count();
            }
            last_byte = b;
            last_char
        };
        for r in raws {
            let cs = to_char(r.start);
            let ce = to_char(r.end);
            out.push(Figure {
                text: sentence[r.start..r.end].to_string(),
                value: r.value,
                unit: r.unit,
                kind: r.kind,
                approx: r.approx,
                sentence: index,
                span: [base + r.start, base + r.end],
                char_span: [char_base + cs, char_base + ce],
            });
        }
        out
    }

    fn find_raw(&self, s: &str) -> Vec<Raw> {
        let mut out: Vec<Raw> = Vec::new();
        let mut ctx = Ctx {
            s,
            lex: Vec::new(),
            lex_i: 0,
            titles: Vec::new(),
        };
        // One pass over the characters: the characters the scan below acts on, and
        // the leftmost-longest, non-overlapping lexicon words (an anchored lookup at
        // each character that can begin one, resuming after each word found).
        let mut triggers: Vec<usize> = Vec::new();
        let mut numeral_or_di = false;
        let mut lex_from = 0;
        let bytes = s.as_bytes();
        let mut next = 0;
        while next < bytes.len() {
            // Most characters act on nothing: test them by the bits of their
            // code point before decoding them.
            let a = next;
            let (k, len) = low_bits_at(bytes, a);
            next += len;
            let trigger = TRIGGERS.has_key(k);
            let lexical = a >= lex_from && self.lexicon_first.has_key(k);
            if !(trigger || lexical) {
                continue;
            }
            let Some(c) = s[a..].chars().next() else {
                break;
            };
            if trigger && is_trigger(c) {
                triggers.push(a);
                numeral_or_di =
                    numeral_or_di || numeral::is_numeral_char(c) || c == '第' || c == '半';
            }
            if !lexical {
                continue;
            }
            let input = Input::new(s).range(a..).anchored(Anchored::Yes);
            let Some(m) = self.lexicon.find(input) else {
                continue;
            };
            let b = m.end();
            lex_from = b;
            let word = &s[a..b];
            let first = word.chars().next().unwrap_or(' ');
            // a word that starts with a numeral must not cut a number: 五十分, 一九八一年
            if numeral::is_chinese_numeral_char(first) || is_arabic(first) {
                if let Some(p) = char_before(s, a) {
                    if numeral::is_numeral_char(p) || p == '第' || p == '点' {
                        continue;
                    }
                }
            }
            ctx.lex
                .push((a, b, self.lexicon_slogan[m.pattern().as_usize()]));
        }
        // nothing that can start a figure
        if !numeral_or_di {
            return out;
        }
        // book titles
        let mut from = 0;
        while let Some(i) = s[from..].find('《') {
            let a = from + i + '《'.len_utf8();
            match s[a..].find('》') {
                Some(j) => {
                    ctx.titles.push((a, a + j));
                    from = a + j;
                }
                None => break,
            }
        }

        let mut pos = 0;
        let mut trigger_i = 0;
        while pos < s.len() {
            // lexicon word here?
            while ctx.lex_i < ctx.lex.len() && ctx.lex[ctx.lex_i].0 < pos {
                ctx.lex_i += 1;
            }
            if let Some(&(a, b, slogan)) = ctx.lex.get(ctx.lex_i) {
                if a == pos {
                    if slogan {
                        let value = first_value(&s[a..b]);
                        out.push(Raw {
                            start: a,
                            end: b,
                            value: FigureValue::Number(value),
                            unit: String::new(),
                            kind: FigureKind::Slogan,
                            approx: Approx::Exact,
                        });
                    }
                    pos = b;
                    continue;
                }
            }
            // step over characters that start nothing, up to the next lexicon word
            if !s.is_char_boundary(pos) {
                break;
            }
            while trigger_i < triggers.len() && triggers[trigger_i] < pos {
                trigger_i += 1;
            }
            let next_lex = ctx.lex.get(ctx.lex_i).map_or(usize::MAX, |l| l.0);
            let at = triggers
                .get(trigger_i)
                .map_or(next_lex, |&t| t.min(next_lex));
            if at >= s.len() {
                break;
            }
            if at != pos {
                pos = at;
                continue;
            }
            let Some(c) = char_at(s, pos) else { break };
            let step = c.len_utf8();
            let next = match c {
                '“' | '「' | '『' | '‘' => self.quote(&ctx, pos, &mut out),
                '第' => self.ordinal_di(&ctx, pos, &mut out),
                '前' => self.rank(&ctx, pos, &mut out),
                '（' | '(' | '［' | '[' | '【' | '〔' => self.bracket(pos, s, &mut out),
                '百' | '佰' | '千' | '仟' | '万' | '萬'
                    if percent_marker(&s[pos..]).is_some()
                        && !char_before(s, pos).is_some_and(numeral::is_numeral_char) =>
                {
                    self.percent(&ctx, pos, &mut out)
                }
                '一' if s[pos + step..].starts_with('半')
                    && !char_before(s, pos).is_some_and(numeral::is_numeral_char) =>
                {
                    let end = pos + step + '半'.len_utf8();
                    let (approx, end) = self.approx_around(s, pos, end, Approx::Exact);
                    out.push(Raw {
                        start: pos,
                        end,
                        value: FigureValue::Number(0.5),
                        unit: String::new(),
                        kind: FigureKind::Fraction,
                        approx,
                    });
                    Some(end)
                }
                '半' => self.half(s, pos, &mut out),
                c if numeral::is_numeral_char(c) || is_sign(c) => self.number(&ctx, pos, &mut out),
                _ => None,
            };
            pos = match next {
                Some(n) if n > pos => n,
                _ => pos + step,
            };
            // never resume inside a run of numeral characters
            if next.is_none() && numeral::is_numeral_char(c) {
                while let Some(d) = char_at(s, pos) {
                    if numeral::is_numeral_char(d) {
                        pos += d.len_utf8();
                    } else {
                        break;
                    }
                }
            }
        }
        // names of documents: numbers inside 《…》 are part of the name
        for r in &mut out {
            if ctx.in_title(r.start) && r.kind != FigureKind::Slogan {
                r.kind = FigureKind::Slogan;
                r.approx = Approx::Exact;
            }
        }
        share_units(s, &mut out);
        out
    }

    /// Approximation from the words around `start..end`; returns it and the new end
    /// (a trailing `以上` joins the text).
    fn approx_around(&self, s: &str, start: usize, end: usize, inner: Approx) -> (Approx, usize) {
        let mut approx = inner;
        let mut end = end;
        let input = Input::new(&s[end..]).anchored(Anchored::Yes);
        if let Some(m) = self.after.find(input) {
            let a = self.after_approx[m.pattern().as_usize()];
            end += m.end();
            if a != Approx::Exact {
                approx = a;
            }
        }
        if let Some(a) = self.before_approx(s, start) {
            approx = a;
        }
        (approx, end)
    }

    /// A bound word right after `end` (`以上`, `左右`): its approximation and end.
    fn trailing_approx(&self, s: &str, end: usize) -> Option<(Approx, usize)> {
        let input = Input::new(&s[end..]).anchored(Anchored::Yes);
        self.after
            .find(input)
            .map(|m| (self.after_approx[m.pattern().as_usize()], end + m.end()))
    }

    fn before_approx(&self, s: &str, start: usize) -> Option<Approx> {
        let before = &s[..start];
        let find = |b: &str| {
            // Only a word that ends with b's last character can end b.
            if !self.before_last.has(b.chars().next_back()?) {
                return None;
            }
            self.before
                .iter()
                .find(|(w, _)| b.ends_with(w))
                .map(|&(_, a)| a)
        };
        // 大约是百分之十七, 约为3万: a copula may stand between
        find(before).or_else(|| {
            let c = before.chars().next_back()?;
            if matches!(
                c,
                '是' | '为' | '為' | '占' | '佔' | '达' | '達' | '有' | '在'
            ) {
                find(&before[..before.len() - c.len_utf8()])
            } else {
                None
            }
        })
    }

    /// The unit word at `pos`, if any (a blocked word such as `台湾` is none).
    fn unit_at(&self, s: &str, pos: usize) -> Option<(UnitEntry, usize)> {
        let input = Input::new(&s[pos..]).anchored(Anchored::Yes);
        let m = self.units.find(input)?;
        let e = self.unit_entries[m.pattern().as_usize()];
        (e.class != UnitClass::Block).then_some((e, m.end()))
    }

    /// `“四个意识”`: a short quoted phrase with a numeral names a formula.
    fn quote(&self, ctx: &Ctx<'_>, pos: usize, out: &mut Vec<Raw>) -> Option<usize> {
        let s = ctx.s;
        let open = char_at(s, pos)?;
        let close = match open {
            '“' => '”',
            '「' => '」',
            '『' => '』',
            _ => '’',
        };
        let a = pos + open.len_utf8();
        let rest = &s[a..];
        let mut n = 0;
        let mut end = None;
        for (i, c) in rest.char_indices() {
            if c == close {
                end = Some(a + i);
                break;
            }
            n += 1;
            if n > 16 || matches!(c, '，' | '。' | '；' | '\n' | '“' | '！' | '？') {
                return None;
            }
        }
        let b = end?;
        let content = &s[a..b];
        if content.is_empty() || !content.chars().any(numeral::is_numeral_char) {
            return None;
        }
        // “一般”, “一流”: a quoted word, not a formula
        if content.chars().count() <= 2
            && content
                .chars()
                .filter(|&c| numeral::is_numeral_char(c))
                .all(|c| c == '一')
        {
            return None;
        }
        // a lone date or money figure in quotes is still a figure
        let trimmed = content.trim();
        let start = a + (content.len() - content.trim_start().len());
        let end_t = start + trimmed.len();
        out.push(Raw {
            start,
            end: end_t,
            value: FigureValue::Number(first_value(trimmed)),
            unit: String::new(),
            kind: FigureKind::Slogan,
            approx: Approx::Exact,
        });
        Some(b + close.len_utf8())
    }

    /// `第三`, `第二批`, `第十四届` (a name), `第一书记` (lexicon).
    fn ordinal_di(&self, ctx: &Ctx<'_>, pos: usize, out: &mut Vec<Raw>) -> Option<usize> {
        let s = ctx.s;
        let a = pos + '第'.len_utf8();
        let n = numeral::scan(&s[a..])?;
        if n.negative {
            return None;
        }
        let mut end = a + n.len;
        let mut kind = FigureKind::Ordinal;
        let mut unit = String::new();
        if let Some((u, len)) = self.unit_at(s, end) {
            match u.class {
                UnitClass::Name | UnitClass::NameCtx => {
                    kind = FigureKind::Slogan;
                    end += len;
                }
                UnitClass::Quantity | UnitClass::Ordinal => {
                    // 第二批, 第三次; but not 第一大 (name) nor 第1个五年
                    unit = u.unit.to_string();
                    end += len;
                }
                UnitClass::Time if matches!(u.unit, "季度" | "个季度" | "周" | "天" | "年") =>
                {
                    unit = u.unit.trim_start_matches('个').to_string();
                    end += len;
                }
                _ => {}
            }
        }
        // 第一个十年, 第一个五年: the name of a period
        if unit == "个" && !ctx.lex.iter().any(|&(a, _, _)| a == end) {
            if let Some(n2) = numeral::scan(&s[end..]) {
                let e2 = end + n2.len;
                if s[e2..].starts_with('年') {
                    end = e2 + '年'.len_utf8();
                    kind = FigureKind::Slogan;
                    unit.clear();
                }
            }
        }
        out.push(Raw {
            start: pos,
            end,
            value: FigureValue::Number(n.value),
            unit,
            kind,
            approx: Approx::Exact,
        });
        Some(end)
    }

    /// `半年`, `半个月`, `半小时`, `半天`: half a unit of time, a duration; not
    /// `上半年`, `大半年`, `半年度`.
    fn half(&self, s: &str, pos: usize, out: &mut Vec<Raw>) -> Option<usize> {
        let prev = char_before(s, pos);
        if prev
            .is_some_and(|p| numeral::is_numeral_char(p) || "上下前后多大过近一这那每".contains(p))
        {
            return None;
        }
        let mut e = pos + '半'.len_utf8();
        if s[e..].starts_with('个') {
            e += '个'.len_utf8();
        }
        // (word as written, unit as reported)
        let (w, unit) = [
            ("年", "年"),
            ("月", "月"),
            ("天", "天"),
            ("小时", "小时"),
            ("钟头", "小时"),
        ]
        .into_iter()
        .find(|(w, _)| s[e..].starts_with(w))?;
        e += w.len();
        if s[e..].starts_with(['度', '报', '刊']) {
            return None;
        }
        let (approx, fend) = self.approx_around(s, pos, e, Approx::Exact);
        out.push(Raw {
            start: pos,
            end: fend,
            value: FigureValue::Number(0.5),
            unit: unit.to_string(),
            kind: FigureKind::Duration,
            approx,
        });
        Some(fend)
    }

    /// `前10名`, `前三位`: a rank.
    fn rank(&self, ctx: &Ctx<'_>, pos: usize, out: &mut Vec<Raw>) -> Option<usize> {
        let s = ctx.s;
        let a = pos + '前'.len_utf8();
        let n = numeral::scan(&s[a..])?;
        if n.negative {
            return None;
        }
        let end = a + n.len;
        let tail = &s[end..];
        let unit = ["名", "位", "强"]
            .into_iter()
            .find(|u| tail.starts_with(u))?;
        out.push(Raw {
            start: pos,
            end: end + unit.len(),
            value: FigureValue::Number(n.value),
            unit: unit.to_string(),
            kind: FigureKind::Ordinal,
            approx: Approx::Exact,
        });
        Some(end + unit.len())
    }

    /// `（一）`, `(1)`, `［1］`: list markers and footnotes. `〔2020〕` (a document
    /// number) is skipped.
    fn bracket(&self, pos: usize, s: &str, out: &mut Vec<Raw>) -> Option<usize> {
        let open = char_at(s, pos)?;
        let a = pos + open.len_utf8();
        let n = numeral::scan(&s[a..])?;
        if n.negative || n.decimal || n.approx {
            return None;
        }
        let close = char_at(s, a + n.len)?;
        if !matches!(close, '）' | ')' | '］' | ']' | '】' | '〕') {
            return None;
        }
        let end = a + n.len + close.len_utf8();
        if n.value >= 100.0 || open == '〔' {
            // 〔2020〕3号, (2019): a year or document number, not a figure
            return Some(end);
        }
        out.push(Raw {
            start: pos,
            end,
            value: FigureValue::Number(n.value),
            unit: String::new(),
            kind: FigureKind::Ordinal,
            approx: Approx::Exact,
        });
        Some(end)
    }

    /// `百分之八十`, `千分之二`, `百 分 之 2.4`.
    fn percent(&self, ctx: &Ctx<'_>, pos: usize, out: &mut Vec<Raw>) -> Option<usize> {
        let s = ctx.s;
        let (marker_len, unit) = percent_marker(&s[pos..])?;
        let a = pos + marker_len;
        let n = numeral::scan_after_marker(&s[a..])?;
        let mut end = a + n.len;
        // 百分之二三十: a range, read as its lower bound
        let mut inner = if n.approx {
            Approx::About
        } else {
            Approx::Exact
        };
        // 百分之二百五十到二百七十五
        if let Some(e2) = range_end(s, end, &n) {
            end = e2;
            inner = Approx::About;
        }
        let (approx, end) = self.approx_around(s, pos, end, inner);
        out.push(Raw {
            start: pos,
            end,
            value: FigureValue::Number(n.value),
            unit: unit.to_string(),
            kind: FigureKind::Percent,
            approx,
        });
        Some(end)
    }

    /// A figure that starts with a number (or a sign).
    #[allow(clippy::too_many_lines)]
    fn number(&self, ctx: &Ctx<'_>, pos: usize, out: &mut Vec<Raw>) -> Option<usize> {
        let s = ctx.s;
        let c = char_at(s, pos)?;
        let prev = char_before(s, pos);
        if is_sign(c) {
            // a dash between numbers is a range, not a minus
            if prev.is_some_and(|p| is_arabic(p) || p.is_ascii_alphanumeric() || is_sign(p)) {
                return None;
            }
            let nc = char_at(s, pos + c.len_utf8())?;
            if !(numeral::is_numeral_char(nc) || c == '负' || c == '負') {
                return None;
            }
            if !numeral::is_numeral_char(nc) {
                return None;
            }
        }
        if prev.is_some_and(numeral::is_numeral_char) && !after_zero_gap(s, pos) {
            return None;
        }
        // 一年零三个月: the 零 joins two figures, it does not start one
        if matches!(c, '零' | '〇')
            && char_at(s, pos + c.len_utf8()).is_some_and(|d| {
                numeral::is_chinese_numeral_char(d) && !matches!(d, '零' | '〇' | '点')
            })
            && char_before(s, pos).is_some_and(|p| !numeral::is_numeral_char(p))
        {
            return self.number(ctx, pos + c.len_utf8(), out);
        }
        let Some(n) = numeral::scan(&s[pos..]) else {
            // 負壹又二分之壹: a lone financial capital only counts in a fraction
            let (v, len) = numeral::scan_fraction(&s[pos..])?;
            return Some(self.push_fraction(s, pos, pos + len, v, out));
        };
        let mut end = pos + n.len;
        let next = char_at(s, end);
        // 20__年, 20××年, 第X次: digits next to a placeholder are template residue
        let after_template = prev.is_some_and(|p| matches!(p, '年' | '月'))
            && char_before(s, pos - prev.map_or(0, char::len_utf8)).is_some_and(is_placeholder);
        if next.is_some_and(is_placeholder) || prev.is_some_and(is_placeholder) || after_template {
            return Some(skip_placeholder(s, end));
        }
        let first_digit_arabic = s[pos..]
            .chars()
            .find(|c| !is_sign(*c))
            .is_some_and(is_arabic);

        // identifiers, versions, ratios and times: PM2.5, 5G, 1+6, 2.50:1, 09:45
        if first_digit_arabic {
            if prev.is_some_and(is_ident_before) || ident_behind_space(s, pos) {
                return Some(skip_ident(s, end));
            }
            // 1.03比1, 1：1: the second term of a ratio
            if prev.is_some_and(|p| matches!(p, ':' | '∶' | '：' | '比'))
                && char_before(s, pos - prev.map_or(0, char::len_utf8)).is_some_and(is_arabic)
            {
                return Some(skip_ident(s, end));
            }
            if s[end..].starts_with('比')
                && char_at(s, end + '比'.len_utf8()).is_some_and(is_arabic)
            {
                return Some(end);
            }
            // 篇2, 附件1, 表3: labels
            // but 制定政府规章45件: a count of rules
            let counted = self.unit_at(s, end).is_some_and(|(u, _)| {
                matches!(
                    u.unit,
                    "件" | "个" | "项" | "条" | "部" | "篇" | "份" | "次"
                )
            });
            if ["篇", "附件", "附表", "图", "表", "章", "卷"]
                .iter()
                .any(|w| s[..pos].ends_with(w))
                && !n.decimal
                && n.value < 1000.0
                && !counted
            {
                out.push(Raw {
                    start: pos,
                    end,
                    value: FigureValue::Number(n.value),
                    unit: String::new(),
                    kind: FigureKind::Ordinal,
                    approx: Approx::Exact,
                });
                return Some(end);
            }
            if let Some(nc) = next {
                if nc.is_ascii_alphabetic() || nc == '+' || nc == '×' || nc == '*' {
                    return Some(skip_ident(s, end));
                }
                if matches!(nc, ':' | '∶' | '：' | '·' | '・' | '.')
                    && char_at(s, end + nc.len_utf8()).is_some_and(is_arabic)
                {
                    if n.plain_arabic && !n.negative && nc != '·' && nc != '・' && nc != '.' {
                        if let Some(e) = ratio(s, pos, end, n.value, out) {
                            return Some(e);
                        }
                    }
                    return Some(skip_ident(s, end));
                }
            }
        }
        if prev.is_some_and(|p| is_vague_before(p, n.bare_lead)) && (n.bare_lead || !n.arabic) {
            return None;
        }

        // ISO date: 2026-02-09
        if n.plain_arabic && n.arabic_digits == 4 && !n.decimal {
            if let Some((date, len)) = iso_date(&s[end..], n.value) {
                end += len;
                out.push(Raw {
                    start: pos,
                    end,
                    value: FigureValue::Date(date),
                    unit: String::new(),
                    kind: FigureKind::Date,
                    approx: Approx::Exact,
                });
                return Some(end);
            }
        }

        // fractions: 三分之一, 2/3, 三又三分之一
        let sp = skip_spaces(&s[end..]);
        let tail = &s[end + sp..];
        let mixed = sp == 1 && n.plain_arabic && tail.chars().next().is_some_and(is_arabic);
        if tail.starts_with('分')
            || tail.starts_with('又')
            || tail.starts_with('/')
            || tail.starts_with('／')
            || mixed
        {
            if let Some((v, len)) = numeral::scan_fraction(&s[pos..]) {
                let fend = pos + len;
                let date_like = char_at(s, fend).is_some_and(|c| c == '/' || c == '／');
                if len > n.len && !date_like {
                    return Some(self.push_fraction(s, pos, fend, v, out));
                }
            }
        }

        // a range: 3至5个, 3—5个, 5—10万元, 2021—2025年
        let mut value = n.value;
        let mut inner = if n.approx {
            Approx::Over
        } else {
            Approx::Exact
        };
        if n.range {
            inner = Approx::About;
        }
        let mut shape = n;
        let mut ranged = false;
        for conn in RANGE {
            if !s[end..].starts_with(conn) {
                continue;
            }
            let b = end + conn.len();
            let Some(c2) = char_at(s, b) else { break };
            if is_sign(c2) {
                break;
            }
            let Some(n2) = numeral::scan(&s[b..]) else {
                break;
            };
            if n2.arabic != n.arabic && n2.chinese != n.chinese {
                break;
            }
            let mut lo = n.value;
            if n2.trailing_big > 0 && n.trailing_big == 0 && !n.scale {
                let scaled = lo * 10f64.powi(i32::try_from(n2.trailing_big).unwrap_or(0));
                if scaled <= n2.value {
                    lo = scaled;
                }
            }
            if n2.value > lo {
                value = lo;
                end = b + n2.len;
                inner = Approx::About;
                shape = Numeral {
                    len: end - pos,
                    ..n
                };
                ranged = true;
            }
            break;
        }
        let _ = shape;

        // inner 多 / 余 / 来 before the unit: 10多个, 18000余公里, 十来个
        let mut tail_pos = end;
        if let Some(m) = char_at(s, end) {
            let ends_scale = s[pos..end].chars().next_back().is_some_and(|c| {
                matches!(
                    c,
                    '十' | '百' | '千' | '万' | '亿' | '拾' | '佰' | '仟' | '萬' | '億'
                )
            });
            let more = matches!(m, '多' | '余' | '餘') || (m == '来' && ends_scale);
            if more && !ranged {
                let after = end + m.len_utf8();
                let unit_follows = self.unit_at(s, after).is_some();
                let boundary = char_at(s, after).is_none_or(is_boundary);
                if unit_follows || boundary && m != '来' {
                    tail_pos = after;
                    inner = if m == '来' {
                        Approx::About
                    } else {
                        Approx::Over
                    };
                }
            }
        }
        // spaces before a unit: 一百五十    个百分点
        let sp = skip_spaces(&s[tail_pos..]);
        let unit_pos = if sp > 0 && sp <= 4 && self.unit_at(s, tail_pos + sp).is_some() {
            tail_pos + sp
        } else {
            tail_pos
        };

        let single_one = n.chinese && n.chars == 1 && n.value == 1.0;
        let single_zero = n.chinese && n.chars == 1 && n.value == 0.0;
        // 二轮, 二期, 二类: Chinese counts with 两, so 二 before a measure word is an
        // ordinal (second round, phase two)
        let single_er = n.chinese && n.chars == 1 && n.value == 2.0 && {
            let t = &s[pos..];
            t.starts_with('二') || t.starts_with('贰') || t.starts_with('貳')
        };
        let bare_big_lead = n.bare_lead
            && !s[pos..].starts_with('十')
            && !s[pos..].starts_with('拾')
            && n.trailing_big == 0;

        // 翻一番, 翻两番: the number of doublings
        if s[tail_pos..].starts_with('番')
            && !ranged
            && (1.0..=10.0).contains(&value)
            && value.fract() == 0.0
            && (s[..pos].ends_with('翻') || s[..pos].ends_with("翻了"))
        {
            let e = tail_pos + '番'.len_utf8();
            out.push(Raw {
                start: pos,
                end: e,
                value: FigureValue::Number(value),
                unit: "番".to_string(),
                kind: FigureKind::Quantity,
                approx: Approx::Exact,
            });
            return Some(e);
        }
        // 占全国9成, 四成以上: tenths, a share in percent
        if s[tail_pos..].starts_with('成')
            && !ranged
            && !n.negative
            && n.trailing_big == 0
            && (1.0..=10.0).contains(&value)
        {
            let after = tail_pos + '成'.len_utf8();
            let share = char_at(s, after)
                .is_none_or(|c| is_boundary(c) || matches!(c, '以' | '左' | '多' | '的'));
            if share {
                let (approx, fend) = self.approx_around(s, pos, after, inner);
                out.push(Raw {
                    start: pos,
                    end: fend,
                    value: FigureValue::Number(value * 10.0),
                    unit: "成".to_string(),
                    kind: FigureKind::Percent,
                    approx,
                });
                return Some(fend);
            }
        }
        let Some((unit, ulen)) = self.unit_at(s, unit_pos) else {
            return self.bare(ctx, pos, end.max(tail_pos), &n, value, inner, ranged, out);
        };
        let mut uend = unit_pos + ulen;
        let mut unit_word: &str = &s[unit_pos..uend];
        // 零部件, 一一列举: not numbers
        if single_zero || (n.direct >= 2 && !n.range && !matches!(unit_word, "年" | "年度")) {
            return Some(uend);
        }
        // 一大批, 一大步
        if single_one && unit_word == "大" {
            return Some(uend);
        }
        // 20分 (a score), 100门 (courses), 2860万门 (telephone lines): in Arabic
        // digits only (十分, 三门峡); 07时41分 is a clock time
        let arabic_only = matches!(unit_word, "分" | "门" | "門");
        if arabic_only
            && (n.chinese && n.trailing_big == 0
                || !n.arabic
                || unit_word == "分"
                    && (prev.is_some_and(|p| matches!(p, '时' | '点' | ':' | '：'))
                        || s[uend..].starts_with(['/', '／'])))
        {
            return Some(uend);
        }
        // 八字方针, “人民”二字: the length of a formula; 2万余字 is a count
        if unit_word == "字" && !n.arabic && value < 100.0 && !n.approx {
            return Some(uend);
        }
        let mut reported: String = unit.unit.to_string();
        let mut class = unit.class;
        // 一个多月: 个 + 多 + a time unit
        if unit_word == "个" || unit_word == "個" {
            if let Some(m) = char_at(s, uend).filter(|c| matches!(c, '多' | '余')) {
                let after = uend + m.len_utf8();
                if let Some((w, r)) = TIME_AFTER_GE
                    .iter()
                    .find(|(w, _)| s[after..].starts_with(w))
                {
                    uend = after + w.len();
                    unit_word = &s[unit_pos..uend];
                    reported = (*r).to_string();
                    class = UnitClass::Time;
                    inner = Approx::Over;
                }
            }
        }
        let _ = unit_word;
        let has_inner = inner != Approx::Exact;
        // 一个, 一批, 一年: the article 一 states no count, unless a bound follows
        // (一个月以上, 一倍); a verb before it (突破一批) does not make it one
        let counts_anyway = has_inner
            || matches!(reported.as_str(), "倍" | "%" | "‰" | "个百分点" | "百分点")
            || (class == UnitClass::Time && matches!(reported.as_str(), "月" | "月份"))
            || matches!(class, UnitClass::Name | UnitClass::NameCtx);
        let article = single_one && !counts_anyway;
        if article
            && self.trailing_approx(s, uend).is_none()
            && !one_measures(s, pos, uend, class, &reported)
        {
            return Some(uend);
        }
        if bare_big_lead && !has_inner && self.before_approx(s, pos).is_none() {
            // 百家, 千年, 百年: idiomatic, not counts; but 近百年, 近千人
            return Some(uend);
        }

        let kind;
        let mut val = FigureValue::Number(value);
        match class {
            UnitClass::Name => {
                // 两届广交会, 已举办6届: a count of editions, not 十九届 in a name
                if !(unit_word == "届" && edition_count(s, pos, uend, value, &n)) {
                    return self.push_name(pos, uend, value, out);
                }
                kind = FigureKind::Quantity;
            }
            UnitClass::NameCtx => {
                // 召开两次会议 is a count; 十四届全国人大二次会议 a name
                if n.chinese && !prev.is_some_and(|p| "开行了过共计有达".contains(p)) {
                    return self.push_name(pos, uend, value, out);
                }
                kind = FigureKind::Quantity;
                reported = "次".to_string();
                uend = unit_pos + "次".len();
            }
            UnitClass::Ordinal => {
                // 80年代, 上世纪五十年代: a decade, dated by its first year
                if unit_word == "年代" {
                    if let Some(year) = decade(s, pos, value, &n) {
                        out.push(Raw {
                            start: pos,
                            end: uend,
                            value: FigureValue::Date(format!("{year:04}")),
                            unit: String::new(),
                            kind: FigureKind::Date,
                            approx: Approx::About,
                        });
                        return Some(uend);
                    }
                }
                // 二十一世纪, 21世纪: a century, dated by its first year; but
                // 二十世纪八十年代 is dated by its decade
                if unit_word == "世纪" && prev.is_none_or(|p| p != '第') {
                    let decade_follows = numeral::scan(&s[uend..])
                        .is_some_and(|n2| s[uend + n2.len..].starts_with("年代"));
                    if let Some(c) = round_int(value).filter(|c| (10..=22).contains(c)) {
                        if !decade_follows && !n.approx && !ranged {
                            out.push(Raw {
                                start: pos,
                                end: uend,
                                value: FigureValue::Date(format!("{:04}", (c - 1) * 100 + 1)),
                                unit: String::new(),
                                kind: FigureKind::Date,
                                approx: Approx::About,
                            });
                            return Some(uend);
                        }
                    }
                }
                out.push(Raw {
                    start: pos,
                    end: uend,
                    value: FigureValue::Number(value),
                    unit: reported,
                    kind: FigureKind::Ordinal,
                    approx: Approx::Exact,
                });
                return Some(uend);
            }
            UnitClass::Percent => kind = FigureKind::Percent,
            UnitClass::Money => kind = FigureKind::Money,
            UnitClass::Age => kind = FigureKind::Age,
            UnitClass::Quantity if single_er && !has_inner => {
                out.push(Raw {
                    start: pos,
                    end: uend,
                    value: FigureValue::Number(value),
                    unit: reported,
                    kind: FigureKind::Ordinal,
                    approx: Approx::Exact,
                });
                return Some(uend);
            }
            UnitClass::Block => return Some(uend),
            UnitClass::Quantity => {
                let before = &s[..pos];
                let after = &s[uend..];
                // 省委十一届九次、十次全会: a plenum in a list of them
                if reported == "次" && before.ends_with('届') {
                    return self.push_name(pos, uend, value, out);
                }
                let small =
                    value.fract() == 0.0 && (1.0..=10.0).contains(&value) && !has_inner && !ranged;
                let chinese_small = small && !n.arabic;
                if small && matches!(reported.as_str(), "个" | "類" | "类" | "条" | "項" | "项")
                {
                    // 从四个方面, 讲三个问题, 讲3个问题, 我列举了四类问题: the speaker's
                    // own points; 八个字: the length of the speaker's own formula
                    if chinese_small
                        && reported == "个"
                        && (after.starts_with("方面")
                            || after.starts_with("层面")
                            || after.starts_with('字'))
                    {
                        return Some(uend);
                    }
                    let talk_words: &[&str] = if n.arabic { &TALK[..6] } else { &TALK };
                    let b = before.trim_end_matches(['这', '了']);
                    let talk = talk_words.iter().any(|w| b.ends_with(w));
                    let soon: String = after.chars().take(4).collect();
                    if talk && POINTS.iter().any(|w| soon.contains(w)) {
                        return Some(uend);
                    }
                }
                let chinese_count = value.fract() == 0.0
                    && (1.0..=20.0).contains(&value)
                    && !has_inner
                    && !ranged
                    && !n.arabic;
                if chinese_count {
                    // 这六项基本制度, 这两个核心: 这 and a count refer back to a list
                    let anaphor =
                        before.ends_with('这') && ANAPHOR_UNITS.contains(&reported.as_str());
                    // 三个结合, 省委六条意见, 九项准则, 十四条基本方略: the count names a
                    // rule set
                    let formula =
                        matches!(reported.as_str(), "个" | "项" | "項" | "条" | "類" | "类")
                            && FORMULA_HEADS.iter().any(|h| after.starts_with(h));
                    // “开放、富裕、美丽、和谐、幸福”五个秦都: the count of the quoted list
                    // just given names it
                    let quoted = quoted_list_len(before) == Some(value);
                    // 香港、澳门两个特别行政区, 土地审批和信贷投放两个闸门: the count
                    // sums up the items just listed
                    let apposed = apposition_len(before) == Some(value);
                    if anaphor || formula || quoted || apposed {
                        return self.push_name(pos, uend, value, out);
                    }
                    // 抓好三件事：一是…, 采取四项措施。一是…, 以下的十项工作: the
                    // count announces the list that follows, like the speaker's
                    // own points
                    let listed = matches!(
                        reported.as_str(),
                        "个" | "项" | "項" | "件" | "条" | "點" | "点"
                    ) && (announces_list(after)
                        || before.trim_end_matches('的').ends_with("以下"));
                    if listed {
                        return Some(uend);
                    }
                }
                // 重点抓好以下14个方面的工作：, 把握好5个方面：一是…: in digits too
                if n.arabic
                    && value.fract() == 0.0
                    && (1.0..=20.0).contains(&value)
                    && !has_inner
                    && !ranged
                    && matches!(reported.as_str(), "个" | "项" | "項" | "件" | "条")
                    && (announces_list(after) || before.trim_end_matches('的').ends_with("以下"))
                {
                    return Some(uend);
                }
                // 每1户要填写10份: the unit of a rate, not a count
                if value == 1.0 && before.ends_with('每') {
                    return Some(uend);
                }
                // 一期工程, 三期叠加: a phase, not a count; but 分两期, 举办三期
                if reported == "期"
                    && !n.arabic
                    && !has_inner
                    && !s[pos..].starts_with(['两', '兩'])
                    && !prev.is_some_and(|p| "分办了共计举开".contains(p))
                {
                    return Some(uend);
                }
                kind = FigureKind::Quantity;
            }
            UnitClass::Time => {
                let r = self.time(ctx, pos, unit_pos, uend, &n, value, ranged, &reported)?;
                match r {
                    TimeResult::Skip(e) => return Some(e),
                    TimeResult::Name(e) => return self.push_name(pos, e, value, out),
                    TimeResult::Date(iso, e) => {
                        // 2019年4月15日至17日, 1979年到1984年, 2021—2025年: one figure
                        // for the range, valued at its start; the dates are exact
                        let e = self.date_range_end(s, e, &iso).unwrap_or(e);
                        let inner2 = Approx::Exact;
                        out.push(Raw {
                            start: pos,
                            end: e,
                            value: FigureValue::Date(iso),
                            unit: String::new(),
                            kind: FigureKind::Date,
                            approx: inner2,
                        });
                        return Some(e);
                    }
                    TimeResult::Duration(u, e) => {
                        if let Some(skip) = frame_end(s, pos, e, value, &u) {
                            return Some(skip);
                        }
                        // 15分钟社区生活圈, 1小时经济圈: the name of a zone
                        let zone = s[e..]
                            .chars()
                            .take_while(|&c| !is_boundary(c))
                            .take(8)
                            .any(|c| c == '圈');
                        if zone {
                            return self.push_name(pos, e, value, out);
                        }
                        reported = u;
                        uend = e;
                        kind = FigureKind::Duration;
                    }
                }
            }
        }
        if kind == FigureKind::Duration {
            // 两年多, 一年余
            if let Some(m) = char_at(s, uend).filter(|c| matches!(c, '多' | '余')) {
                let after = uend + m.len_utf8();
                if !char_at(s, after).is_some_and(|c| c == '元' || c == '样' || c == '种') {
                    uend = after;
                    inner = Approx::Over;
                }
            }
        }
        // 5%—5.5%, 4.5%—5%: a range of percentages, valued at its start
        if kind == FigureKind::Percent && !ranged && (reported == "%" || reported == "％") {
            if let Some(conn) = RANGE.iter().find(|c| s[uend..].starts_with(**c)) {
                let b = uend + conn.len();
                if let Some(n2) = numeral::scan(&s[b..]).filter(|n| n.arabic && !n.negative) {
                    let t = &s[b + n2.len..];
                    if n2.value > value {
                        if let Some(pc) = t.chars().next().filter(|c| matches!(c, '%' | '％')) {
                            uend = b + n2.len + pc.len_utf8();
                            inner = Approx::About;
                        }
                    }
                }
            }
        }
        let (mut approx, fend) = self.approx_around(s, pos, uend, inner);
        // 近三年: the last three years, not fewer than three
        if kind == FigureKind::Duration
            && reported != "年"
            && s[..pos].ends_with('近')
            && approx == Approx::Under
            && inner == Approx::Exact
            && fend == uend
        {
            approx = Approx::Exact;
        }
        if kind == FigureKind::Money && reported == "元" && fend == uend {
            // 壹拾壹元壹角壹分: 角 and 分 after 元
            if let Some((extra, e)) = jiao_fen(s, uend) {
                val = FigureValue::Number(value + extra);
                uend = e;
            }
        }
        let fend = fend.max(uend);
        if let FigureValue::Number(v) = val {
            if !v.is_finite() {
                val = FigureValue::Number(0.0);
            }
        }
        out.push(Raw {
            start: pos,
            end: fend,
            value: val,
            unit: reported,
            kind,
            approx,
        });
        Some(fend)
    }

    fn push_name(&self, pos: usize, end: usize, value: f64, out: &mut Vec<Raw>) -> Option<usize> {
        out.push(Raw {
            start: pos,
            end,
            value: FigureValue::Number(value),
            unit: String::new(),
            kind: FigureKind::Slogan,
            approx: Approx::Exact,
        });
        Some(end)
    }

    /// A number with no unit after it.
    #[allow(clippy::too_many_arguments)]
    fn bare(
        &self,
        ctx: &Ctx<'_>,
        pos: usize,
        end: usize,
        n: &Numeral,
        value: f64,
        inner: Approx,
        ranged: bool,
        out: &mut Vec<Raw>,
    ) -> Option<usize> {
        let s = ctx.s;
        let next = char_at(s, end);
        let line_start = at_line_start(s, pos);
        let small_int = value.fract() == 0.0 && (0.0..=99.0).contains(&value) && !n.decimal;
        // list markers: 一、 1. 1、 at line start
        if line_start && small_int && !n.approx {
            if let Some(nc) = next {
                let marker = nc == '、'
                    || matches!(nc, '．' | '.' | '，' | ',')
                        && !char_at(s, end + nc.len_utf8()).is_some_and(is_arabic);
                if marker {
                    out.push(Raw {
                        start: pos,
                        end: end + nc.len_utf8(),
                        value: FigureValue::Number(value),
                        unit: String::new(),
                        kind: FigureKind::Ordinal,
                        approx: Approx::Exact,
                    });
                    return Some(end + nc.len_utf8());
                }
            }
        }
        // Numbered labels: 问题1：…, 任务3：… (a number between a word and a colon).
        if small_int && !n.approx {
            let after = next
                .and_then(|nc| matches!(nc, '：' | ':').then(|| char_at(s, end + nc.len_utf8())));
            let label_before = s[..pos]
                .chars()
                .next_back()
                .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if label_before && after.is_some_and(|a| !a.is_some_and(is_arabic)) {
                out.push(Raw {
                    start: pos,
                    end,
                    value: FigureValue::Number(value),
                    unit: String::new(),
                    kind: FigureKind::Ordinal,
                    approx: Approx::Exact,
                });
                return Some(end);
            }
        }
        if n.plain_arabic {
            let year_like =
                n.arabic_digits == 4 && !n.decimal && (1900.0..=2100.0).contains(&value);
            if year_like {
                if ranged {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let y = value as u32;
                    out.push(Raw {
                        start: pos,
                        end,
                        value: FigureValue::Date(format!("{y:04}")),
                        unit: String::new(),
                        kind: FigureKind::Date,
                        approx: Approx::About,
                    });
                }
                return Some(end);
            }
            // 经济3.0, 工业4.0: versions
            let text = &s[pos..end];
            if text.len() == 3 && text.ends_with(".0") {
                return Some(end);
            }
            // 01 版: page and serial numbers
            if text.starts_with('0') && !n.decimal && text.len() > 1 {
                return Some(end);
            }
            // 12345热线, 331国道, 384超节点: an integer glued to a word is a code
            if !n.decimal && next.is_some_and(|c| !is_boundary(c) && !c.is_ascii()) {
                return Some(end);
            }
            let whole = s.trim() == text;
            if whole && small_int && (1.0..20.0).contains(&value) {
                return self.heading(pos, end, value, out);
            }
            let (approx, fend) = self.approx_around(s, pos, end, inner);
            out.push(Raw {
                start: pos,
                end: fend,
                value: FigureValue::Number(value),
                unit: String::new(),
                kind: FigureKind::Quantity,
                approx,
            });
            return Some(fend);
        }
        // Chinese numerals with no unit
        let prev = char_before(s, pos);
        let prev_boundary = prev.is_none_or(is_boundary);
        if let Some(nc) = next {
            // 一是, 二要
            if LIST_WORDS.contains(&nc) && small_int && prev_boundary && !n.approx && value <= 20.0
            {
                out.push(Raw {
                    start: pos,
                    end: end + nc.len_utf8(),
                    value: FigureValue::Number(value),
                    unit: String::new(),
                    kind: FigureKind::Ordinal,
                    approx: Approx::Exact,
                });
                return Some(end + nc.len_utf8());
            }
        }
        let text = &s[pos..end];
        if s.trim() == text {
            // a number alone on its line is a heading number
            if small_int && (1.0..20.0).contains(&value) {
                return self.heading(pos, end, value, out);
            }
        } else {
            let next_boundary = next.is_none_or(is_boundary) && next != Some('、');
            let substantial = value.abs() >= 100.0 || n.decimal || n.trailing_big > 0;
            // 200万的, 620多万建档立卡贫困人口: Arabic digits with 万 or 亿 count
            // whatever noun follows (a code never ends in 万)
            let arabic_big = n.arabic && n.trailing_big > 0 && !n.negative;
            // 八亿农民, 四千二百多万城镇劳动力, 十亿以上人口: a Chinese number of
            // 万 or 亿 led by a digit counts the noun after it too; 千万, 亿万, 百万
            // alone are adverbs or vague
            let chinese_big = !n.arabic
                && n.trailing_big > 0
                && !n.negative
                && text.starts_with(|c: char| {
                    "一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾".contains(c)
                })
                && !next.is_some_and(|c| matches!(c, '一' | '分'));
            let big = arabic_big || chinese_big;
            if !(next_boundary && substantial || big) || n.direct >= 2 {
                return None;
            }
            if let Some(m) = next.filter(|&c| big && matches!(c, '多' | '余' | '餘')) {
                let after = end + m.len_utf8();
                // 3万多亿元: a larger scale follows, which is not read
                if let Some(big) =
                    char_at(s, after).filter(|&c| matches!(c, '万' | '亿' | '萬' | '億'))
                {
                    return Some(after + big.len_utf8());
                }
                // 3亿多农村人口
                let (approx, fend) = self.approx_around(s, pos, after, Approx::Over);
                out.push(Raw {
                    start: pos,
                    end: fend,
                    value: FigureValue::Number(value),
                    unit: String::new(),
                    kind: FigureKind::Quantity,
                    approx,
                });
                return Some(fend);
            }
        }
        let (approx, fend) = self.approx_around(s, pos, end, inner);
        out.push(Raw {
            start: pos,
            end: fend,
            value: FigureValue::Number(value),
            unit: String::new(),
            kind: FigureKind::Quantity,
            approx,
        });
        Some(fend)
    }

    fn heading(&self, pos: usize, end: usize, value: f64, out: &mut Vec<Raw>) -> Option<usize> {
        out.push(Raw {
            start: pos,
            end,
            value: FigureValue::Number(value),
            unit: String::new(),
            kind: FigureKind::Ordinal,
            approx: Approx::Exact,
        });
        Some(end)
    }

    /// Dates and durations: the number is followed by a time unit.
    #[allow(clippy::too_many_arguments)]
    fn time(
        &self,
        ctx: &Ctx<'_>,
        pos: usize,
        unit_pos: usize,
        uend: usize,
        n: &Numeral,
        value: f64,
        ranged: bool,
        unit: &str,
    ) -> Option<TimeResult> {
        let s = ctx.s;
        let word = &s[unit_pos..uend];
        let integer = value.fract() == 0.0 && !n.decimal && !n.negative;
        match word {
            "年" | "年度" => {
                let year_like = integer
                    && (ranged || !n.approx)
                    && ((n.direct == 4 && !n.range)
                        || (n.plain_arabic
                            && n.arabic_digits == 4
                            && (1000.0..=2100.0).contains(&value)));
                if year_like {
                    let y = round_int(value)?;
                    let r = self.date_tail(s, uend, format!("{y:04}"), true);
                    if let TimeResult::Date(_, e) = &r {
                        // 2001年至2010年第一个十年扶贫纲要: the end of a range is a date
                        let range_end = RANGE.iter().any(|c| s[..pos].ends_with(c));
                        if *e == uend
                            && !ranged
                            && !range_end
                            && (year_in_name(s, uend) || section_title(s, pos, uend))
                        {
                            return Some(TimeResult::Name(uend));
                        }
                    }
                    return Some(r);
                }
                // 19年底: a two-digit year, too ambiguous to resolve
                if n.plain_arabic && n.arabic_digits == 2 {
                    let t = &s[uend..];
                    if t.starts_with('底') || t.starts_with('末') || t.starts_with('初') {
                        return Some(TimeResult::Skip(uend));
                    }
                }
                // 一年来: a time adverbial
                if s[uend..].starts_with('来') && value == 1.0 && !ranged && !n.approx {
                    return Some(TimeResult::Skip(uend + '来'.len_utf8()));
                }
                // 九年级: a school grade, not a length of time
                if s[uend..].starts_with('级') && integer && value <= 12.0 {
                    return Some(TimeResult::Skip(uend + '级'.len_utf8()));
                }
                Some(TimeResult::Duration("年".to_string(), uend))
            }
            "月" | "月份" => {
                let prev_ge = s[..pos].ends_with('个');
                if integer && !n.approx && (1.0..=12.0).contains(&value) && !prev_ge {
                    let m = round_int(value)?;
                    return Some(self.month_tail(s, uend, format!("--{m:02}"), true));
                }
                if ranged && integer && (1.0..=12.0).contains(&value) {
                    let m = round_int(value)?;
                    return Some(TimeResult::Date(format!("--{m:02}"), uend));
                }
                Some(TimeResult::Skip(uend))
            }
            "日" | "号" => {
                let t = &s[uend..];
                if word == "日"
                    && (t.starts_with('内') || t.starts_with("以内") || t.starts_with("之内"))
                {
                    return Some(TimeResult::Duration("日".to_string(), uend));
                }
                if word == "日" && integer && !n.approx && (1.0..=31.0).contains(&value) {
                    let d = round_int(value)?;
                    return Some(TimeResult::Date(format!("---{d:02}"), uend));
                }
                // 1号文件, 3号线: names
                Some(TimeResult::Skip(uend))
            }
            _ => Some(TimeResult::Duration(unit.to_string(), uend)),
        }
    }

    /// After a date, the end of a range of dates that it opens: `至17日`,
    /// `到1984年`, `至11月20日`, `年末至1985年`. The second date must come later.
    fn date_range_end(&self, s: &str, end: usize, iso: &str) -> Option<usize> {
        if let Some(e) = day_range_end(s, end, iso) {
            return Some(e);
        }
        let conn = RANGE.iter().find(|c| s[end..].starts_with(**c))?;
        let mut b = end + conn.len();
        b += s[b..]
            .chars()
            .take_while(|&c| c == ' ' || c == '\u{3000}')
            .map(char::len_utf8)
            .sum::<usize>();
        let n2 = numeral::scan(&s[b..])?;
        if n2.negative || n2.approx || n2.range || n2.value.fract() != 0.0 {
            return None;
        }
        let after = b + n2.len;
        let t = &s[after..];
        if t.starts_with('年') {
            let year_like = n2.direct == 4
                || (n2.plain_arabic
                    && n2.arabic_digits == 4
                    && (1000.0..=2100.0).contains(&n2.value));
            let y1: u32 = iso.get(..4)?.parse().ok()?;
            let y2 = round_int(n2.value)?;
            if !year_like || y2 <= y1 {
                return None;
            }
            let e = after + '年'.len_utf8();
            return Some(match self.date_tail(s, e, format!("{y2:04}"), false) {
                TimeResult::Date(_, e2) => e2,
                _ => e,
            });
        }
        // 9月22日至11月20日, 2023年3月至6月: a later month
        let month = if iso.starts_with("---") {
            None
        } else if let Some(r) = iso.strip_prefix("--") {
            r.get(..2)
        } else {
            iso.get(5..7)
        };
        if let Some(m1) = month.and_then(|m| m.parse::<u32>().ok()) {
            if !t.starts_with('月') {
                return None;
            }
            let m2 = round_int(n2.value).filter(|m| (1..=12).contains(m))?;
            if m2 <= m1 {
                return None;
            }
            let e = after + '月'.len_utf8();
            return Some(match self.month_tail(s, e, format!("--{m2:02}"), false) {
                TimeResult::Date(_, e2) => e2,
                _ => e,
            });
        }
        None
    }

    /// After `2019年`: month, day, or `底`/`末`/`初`.
    fn date_tail(&self, s: &str, end: usize, year: String, _first: bool) -> TimeResult {
        if let Some(n) = numeral::scan(&s[end..]) {
            let after = end + n.len;
            let t = &s[after..];
            let is_month = t.starts_with("月份") || t.starts_with('月');
            if is_month && !n.negative && !n.approx && n.value.fract() == 0.0 {
                if let Some(m) = round_int(n.value).filter(|m| (1..=12).contains(m)) {
                    let mlen = if t.starts_with("月份") {
                        "月份".len()
                    } else {
                        '月'.len_utf8()
                    };
                    return self.month_tail(s, after + mlen, format!("{year}-{m:02}"), false);
                }
            }
        }
        let t = &s[end..];
        for tail in YEAR_TAIL {
            if t.starts_with(tail) {
                if tail == "内" || tail == "中" {
                    break;
                }
                return TimeResult::Date(year, end + tail.len());
            }
        }
        TimeResult::Date(year, end)
    }

    /// After a month: day, or `底`/`上旬`.
    fn month_tail(&self, s: &str, end: usize, month: String, _bare: bool) -> TimeResult {
        if let Some(n) = numeral::scan(&s[end..]) {
            let after = end + n.len;
            let t = &s[after..];
            if (t.starts_with('日') || t.starts_with('号') || t.starts_with('號'))
                && !n.negative
                && !n.approx
            {
                if let Some(d) = round_int(n.value).filter(|d| (1..=31).contains(d)) {
                    let c = t.chars().next().map_or(0, char::len_utf8);
                    return TimeResult::Date(format!("{month}-{d:02}"), after + c);
                }
            }
        }
        let t = &s[end..];
        for tail in MONTH_TAIL {
            if t.starts_with(tail) {
                if tail == "中" {
                    break;
                }
                return TimeResult::Date(month, end + tail.len());
            }
        }
        TimeResult::Date(month, end)
    }
}

enum TimeResult {
    Skip(usize),
    /// A year inside a name (`2017年度公路安全生产工作要点`): a slogan up to the end.
    Name(usize),
    Date(String, usize),
    Duration(String, usize),
}

/// `百分之`, `千分之`, `万分之` (spaces allowed inside): marker length and unit.
fn percent_marker(s: &str) -> Option<(usize, &'static str)> {
    let first = s.chars().next()?;
    let unit = match first {
        '百' | '佰' => "%",
        '千' | '仟' => "‰",
        '万' | '萬' => "‱",
        _ => return None,
    };
    let mut pos = first.len_utf8();
    pos += skip_spaces(&s[pos..]);
    if !s[pos..].starts_with('分') {
        return None;
    }
    pos += '分'.len_utf8();
    pos += skip_spaces(&s[pos..]);
    if !s[pos..].starts_with('之') {
        return None;
    }
    pos += '之'.len_utf8();
    pos += skip_spaces(&s[pos..]);
    let next = s[pos..].chars().next()?;
    if !(numeral::is_numeral_char(next) || is_sign(next)) {
        return None;
    }
    Some((pos, unit))
}

/// `壹角捌分` after `元`: the amount in 元 and the end.
fn jiao_fen(s: &str, mut pos: usize) -> Option<(f64, usize)> {
    let mut extra = 0.0;
    let mut found = false;
    for (unit, factor) in [('角', 0.1), ('分', 0.01)] {
        let Some(n) = numeral::scan_after_marker(&s[pos..]) else {
            continue;
        };
        if n.negative || n.decimal || n.value >= 10.0 || !s[pos + n.len..].starts_with(unit) {
            continue;
        }
        extra += n.value * factor;
        pos += n.len + unit.len_utf8();
        found = true;
    }
    found.then_some((extra, pos))
}

/// Right after a `零` that follows a unit (`一年零三个月`), a new figure may start.
fn after_zero_gap(s: &str, pos: usize) -> bool {
    let Some(p) = char_before(s, pos) else {
        return false;
    };
    if !matches!(p, '零' | '〇') {
        return false;
    }
    char_before(s, pos - p.len_utf8()).is_some_and(|q| !numeral::is_numeral_char(q))
}

/// `PM⏎2.5`, `[CPC 2]`: an identifier before a line break or space.
fn ident_behind_space(s: &str, pos: usize) -> bool {
    let before = s[..pos].trim_end_matches([' ', '\n', '\r', '\u{200b}']);
    before.len() < pos
        && before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The end of `至 N` after a number, for a range inside a percent.
fn range_end(s: &str, end: usize, n: &Numeral) -> Option<usize> {
    for conn in RANGE {
        if let Some(rest) = s[end..].strip_prefix(conn) {
            let n2 = numeral::scan(rest)?;
            if n2.negative || n2.value <= n.value {
                return None;
            }
            return Some(end + conn.len() + n2.len);
        }
    }
    None
}

/// The first year of a decade `N年代`: `80年代` and `二十世纪八十年代` are 1980,
/// `十九世纪四十年代` 1840, `本世纪20年代` 2020, `1990年代` 1990.
fn decade(s: &str, pos: usize, value: f64, n: &Numeral) -> Option<u32> {
    if n.approx || n.negative || n.decimal || n.range {
        return None;
    }
    let v = round_int(value)?;
    if (1000..=2090).contains(&v) && v % 10 == 0 {
        return Some(v);
    }
    if !(10..=90).contains(&v) || v % 10 != 0 {
        return None;
    }
    let before = s[..pos].strip_suffix('的').unwrap_or(&s[..pos]);
    let century = [
        ("二十一世纪", 2000),
        ("21世纪", 2000),
        ("本世纪", 2000),
        ("新世纪", 2000),
        ("十九世纪", 1800),
        ("19世纪", 1800),
        ("十八世纪", 1700),
        ("18世纪", 1700),
    ]
    .iter()
    .find(|(w, _)| before.ends_with(w))
    .map_or(1900, |&(_, c)| c);
    Some(century + v)
}

/// Words that end the name of a document, meeting or event.
const NAME_HEADS: &[&str] = &[
    "残奥会",
    "世博会",
    "要点",
    "议程",
    "报告",
    "会议",
    "大会",
    "座谈会",
    "运动会",
    "奥运会",
    "冬奥会",
    "亚运会",
    "博览会",
    "交易会",
    "年会",
    "峰会",
    "论坛",
    "讲话稿",
    "讲话",
    "方案",
    "计划",
    "通知",
    "纲要",
    "总结",
    "白皮书",
    "公报",
    "意见",
    "决定",
    "办法",
    "细则",
    "规划",
    "远景目标",
];

/// Heads that are also common nouns (`意见较大`): the name must end with them.
const WEAK_NAME_HEADS: &[&str] = &[
    "报告", "讲话", "计划", "意见", "决定", "办法", "细则", "总结", "方案", "通知",
];

/// Heads that name an event even right after the year: `2008年奥运会`.
const EVENT_HEADS: &[&str] = &[
    "奥运会",
    "冬奥会",
    "残奥会",
    "亚运会",
    "世博会",
    "运动会",
    "博览会",
    "峰会",
    "年会",
    "大会",
    "论坛",
    "远景目标",
];

/// Words that make a clause after a year a statement, not a name.
const NAME_BREAKERS: &[&str] = &[
    "了", "着", "是", "将", "要", "已", "把", "对", "向", "召开", "举行", "举办", "开展", "印发",
    "下发", "出台", "发布", "提出", "完成", "实现", "有", "以来", "起", "开始", "至", "到", "比",
    "在", "为", "由", "被", "和", "与", "及", "共", "前", "后", "发表", "签署", "批准", "制定",
    "修订", "编制", "作出", "公布", "颁布", "审议", "发出", "形成", "确定", "通过", "讨论", "听取",
    "参加", "出席", "我", "受", "列入", "纳入", "第",
];

/// How far [`year_in_name`] reads after the year, in chars: 40 before the
/// head, the longest head, and two after it.
const NAME_SCAN_CHARS: usize = 48;

/// `2017年度公路安全生产工作要点`, `2026年河北省政府工作报告`: the clause after a year
/// is the rest of a name (no verb, ends with a word such as 要点, 会议, 报告).
fn year_in_name(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    // A name has at most 40 chars before its head, a short head and two
    // chars after it that matter: looking further only costs time (a
    // quadratic amount, in a run of years without a comma).
    let (mut stop, mut cut) = (rest.len(), false);
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if is_boundary(c) || n == NAME_SCAN_CHARS {
            (stop, cut) = (i, !is_boundary(c));
            break;
        }
    }
    let clause = &rest[..stop];
    // 一九五九年的计划: the plan of a year, not a name
    if clause.starts_with('的') || clause.starts_with(|c: char| numeral::is_numeral_char(c)) {
        return false;
    }
    // the name may go on: 2030年可持续发展议程的减贫目标, 2020年…工作会议精神
    NAME_HEADS.iter().any(|h| {
        clause.match_indices(h).any(|(i, _)| {
            let body = &clause[..i];
            let tail = &clause[i + h.len()..];
            // 意见, 计划, 总结 are common nouns too: the name must end there
            let weak = WEAK_NAME_HEADS.contains(h);
            let ends = !weak
                || tail.is_empty() && !cut
                || ["的", "上", "中", "精神"]
                    .iter()
                    .any(|w| tail.starts_with(w));
            // 2008年奥运会 names an event by itself; 2020年计划 is the plan of a year
            ends && (!body.is_empty() || EVENT_HEADS.contains(h))
                && body.chars().count() <= 40
                && !NAME_BREAKERS.iter().any(|w| body.contains(w))
        })
    })
}

/// `三、2026年主要工作` alone on its line: the title of a section, named by its year.
fn section_title(s: &str, pos: usize, end: usize) -> bool {
    let line_start = s[..pos].rfind('\n').map_or(0, |i| i + 1);
    let marker = s[line_start..pos].trim();
    let marker = marker
        .strip_suffix(['、', '.', '．'])
        .or_else(|| {
            marker
                .strip_prefix(['（', '('])
                .and_then(|m| m.strip_suffix(['）', ')']))
        })
        .unwrap_or(marker);
    if !marker.chars().all(numeral::is_numeral_char) {
        return false;
    }
    let rest = &s[end..];
    let line = rest[..rest.find('\n').unwrap_or(rest.len())].trim_end();
    (2..=8).contains(&line.chars().count())
        && !line.chars().any(is_boundary)
        && ["工作", "任务", "回顾", "安排", "重点"]
            .iter()
            .any(|h| line.ends_with(h))
}

/// A period used as a frame, not a measured duration: `五年来`, `40年以来`,
/// `过去五年`, `今后的五年`, `这五年`, `近五年`, `极不平凡的五年。`, `关键五年`.
/// Returns where to resume.
fn frame_end(s: &str, pos: usize, uend: usize, value: f64, unit: &str) -> Option<usize> {
    let mut e = uend;
    if let Some(m) = char_at(s, e).filter(|c| matches!(c, '多' | '余')) {
        e += m.len_utf8();
    }
    for w in ["以来", "来"] {
        if s[e..].starts_with(w) {
            return Some(e + w.len());
        }
    }
    let before = &s[..pos];
    let b = before.strip_suffix('的').unwrap_or(before);
    if ["过去", "今后", "未来", "这", "那", "最近", "关键"]
        .iter()
        .any(|w| b.ends_with(w))
    {
        return Some(uend);
    }
    // 近五年, 近3年来: the last years; but 将近两年, 执行了近两年 measure
    if unit == "年"
        && value <= 10.0
        && before.ends_with('近')
        && ![
            "将近",
            "將近",
            "接近",
            "了近",
            "用近",
            "达近",
            "历时近",
            "经过近",
        ]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return Some(uend);
    }
    // 五年累计, 五年间, 五年共, 五年新增: the period a total is summed over,
    // like 五年来; but 连续五年新增, 用五年时间 measure
    if unit == "年"
        && value >= 2.0
        && ["累计", "间", "共", "新增"]
            .iter()
            .any(|w| s[e..].starts_with(w))
        && !["连续", "用", "经过", "历时", "花了", "的"]
            .iter()
            .any(|w| b.ends_with(w))
    {
        return Some(uend);
    }
    // 极不平凡的五年。 是…的五年，: a period described, not measured
    if unit == "年" && before.ends_with('的') {
        let next = char_at(s, uend);
        if next.is_none_or(|c| is_boundary(c) || matches!(c, '是' | '里' | '中' | '间')) {
            return Some(uend);
        }
    }
    None
}

/// A ratio starting with the number at `pos..end`: `4.0∶37.7∶58.3` gives each part
/// as a figure, `2.50:1` one figure valued at its first term. A colon between
/// integers is a clock time (`9:30`) unless it is the ratio sign `∶`.
fn ratio(s: &str, pos: usize, end: usize, value: f64, out: &mut Vec<Raw>) -> Option<usize> {
    let mut parts = vec![(pos, end, value)];
    let mut e = end;
    let mut sign = false;
    let mut decimal = s[pos..end].contains('.');
    while let Some(c) = char_at(s, e).filter(|c| matches!(c, '∶' | ':' | '：')) {
        let b = e + c.len_utf8();
        let Some(n2) = numeral::scan(&s[b..]).filter(|n| n.plain_arabic && !n.negative) else {
            break;
        };
        sign |= c == '∶';
        decimal |= n2.decimal;
        parts.push((b, b + n2.len, n2.value));
        e = b + n2.len;
    }
    if parts.len() < 2 || !(sign || decimal) || char_at(s, e).is_some_and(is_arabic) {
        return None;
    }
    if parts.len() == 2 && parts[1].2 == 1.0 {
        parts = vec![(pos, e, value)];
    }
    for (a, b, v) in parts {
        out.push(Raw {
            start: a,
            end: b,
            value: FigureValue::Number(v),
            unit: String::new(),
            kind: FigureKind::Quantity,
            approx: Approx::Exact,
        });
    }
    Some(e)
}

/// `两届广交会`, `已举办6届`, `连续举办两届`: 届 counts editions when the number is
/// 两 or in digits, or a verb of holding comes before it, and no body or plenum
/// follows (`十九届五中全会`, `十四届全国人大` are names).
fn edition_count(s: &str, pos: usize, uend: usize, value: f64, n: &Numeral) -> bool {
    let before = &s[..pos];
    let after = &s[uend..];
    let counted = n.arabic
        || s[pos..].starts_with(['两', '兩'])
        || ["举办", "连续", "已", "共", "举行", "举办了", "举行了"]
            .iter()
            .any(|w| before.ends_with(w));
    let name_follows = after.starts_with(|c: char| numeral::is_numeral_char(c))
        || [
            "全国",
            "人大",
            "政协",
            "党代会",
            "省委",
            "市委",
            "县委",
            "区委",
            "中央",
            "委员",
            "代表",
        ]
        .iter()
        .any(|w| after.starts_with(w));
    value >= 2.0 && value.fract() == 0.0 && counted && !name_follows && !before.ends_with('第')
}

/// After a date with a day, `至17日`: the end of the range.
fn day_range_end(s: &str, end: usize, iso: &str) -> Option<usize> {
    let has_day =
        iso.starts_with("---") || iso.len() == 10 || (iso.len() == 7 && iso.starts_with("--"));
    if !has_day {
        return None;
    }
    let day: u32 = iso.get(iso.len() - 2..)?.parse().ok()?;
    for conn in RANGE {
        let Some(rest) = s[end..].strip_prefix(conn) else {
            continue;
        };
        let n2 = numeral::scan(rest)?;
        let t = &rest[n2.len..];
        let close = t
            .chars()
            .next()
            .filter(|c| matches!(c, '日' | '号' | '號'))?;
        let d2 = round_int(n2.value)?;
        if n2.negative || n2.approx || d2 <= day || d2 > 31 {
            return None;
        }
        return Some(end + conn.len() + n2.len + close.len_utf8());
    }
    None
}

/// `一` before a measure word that does count: `在一天内`, `才一年`, `每季度公开一次`,
/// `只报一次`.
fn one_measures(s: &str, pos: usize, uend: usize, class: UnitClass, unit: &str) -> bool {
    let before = &s[..pos];
    let prev = before.chars().next_back();
    if prev.is_some_and(|p| "这那同每第哪该另整".contains(p)) {
        return false;
    }
    let after = &s[uend..];
    if class == UnitClass::Time && ["内", "之内", "以内"].iter().any(|w| after.starts_with(w))
    {
        return true;
    }
    // 才一年, 不到一年, 仅一次: a short time or a single time, stressed
    if (class == UnitClass::Time || unit == "次")
        && ["才", "仅", "不到", "不足", "不满", "长达", "历时"]
            .iter()
            .any(|w| before.ends_with(w))
    {
        return true;
    }
    if unit == "次" {
        let clause_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_boundary(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let clause = &before[clause_start..];
        let near: String = clause.chars().rev().take(3).collect();
        // 每半年通报一次; 只报一次 at the end of a clause; but 生命只有一次 is a saying
        let clause_end = after.chars().next().is_none_or(is_boundary);
        return clause.contains('每')
            || clause_end && near.contains(['只', '仅']) && !before.ends_with("只有");
    }
    false
}

/// The number of items of a quoted list right before a count (`“开放、富裕、美丽”`
/// has 3), if there is one.
/// Whether the words after a count end, within eight characters, in a
/// colon or stop that opens an enumeration (`三件事：一是…`, `三项举措。一是…`).
fn announces_list(after: &str) -> bool {
    const OPENERS: [&str; 7] = ["一是", "一要", "一、", "（一）", "第一", "首先", "一方面"];
    for (n, (i, c)) in after.char_indices().enumerate() {
        if matches!(c, '：' | ':' | '。' | '，') {
            let rest = after[i + c.len_utf8()..].trim_start();
            return OPENERS.iter().any(|o| rest.starts_with(o));
        }
        if n >= 8 || !('\u{4e00}'..='\u{9fff}').contains(&c) {
            return false;
        }
    }
    false
}

/// The number of items in the list that ends right before a count, within
/// its clause: `香港、澳门` → 2, `土地审批和信贷投放` → 2, `“兴城”“兴村”“融合”` → 3.
/// Items are split at `、`, and at `和`/`与` outside words such as 和平 or 与会.
fn apposition_len(before: &str) -> Option<f64> {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_boundary(c) && c != '、' && !matches!(c, '“' | '”' | '「' | '」'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &before[start..];
    if clause.is_empty() || clause.chars().count() > 60 {
        return None;
    }
    let chars: Vec<char> = clause.chars().collect();
    // the list must end in an item right before the count, not in a separator
    if chars
        .last()
        .is_none_or(|c| matches!(c, '、' | '和' | '与' | '及'))
    {
        return None;
    }
    let mut items = 1usize;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let split = match c {
            '、' => true,
            '和' => {
                !matches!(next, Some('平' | '谐' | '睦' | '衷' | '美'))
                    && !matches!(
                        prev,
                        Some('共' | '缓' | '温' | '总' | '饱' | '平' | '祥' | '调')
                    )
            }
            '与' => {
                !matches!(next, Some('会' | '其' | '否')) && !matches!(prev, Some('参' | '给'))
            }
            // adjacent quotations: “兴城”“兴村”
            '“' | '「' => matches!(prev, Some('”' | '」')),
            _ => false,
        };
        // every item has a character: 两次降低…、两次下调 is no list
        if split && i > 0 && prev != Some('、') {
            items += 1;
        }
    }
    #[allow(clippy::cast_precision_loss)]
    (items > 1).then_some(items as f64)
}

fn quoted_list_len(before: &str) -> Option<f64> {
    let inner = before
        .strip_suffix('”')
        .or_else(|| before.strip_suffix('」'))?;
    let open = inner.rfind(['“', '「'])?;
    let content = &inner[open + '“'.len_utf8()..];
    if content.chars().count() > 60 || content.contains(['“', '，', '。']) {
        return None;
    }
    let items = content.matches('、').count();
    #[allow(clippy::cast_precision_loss)]
    (items > 0).then_some(items as f64 + 1.0)
}

/// Characters that stand for digits in a template: `20__年`, `20××年`, `XX个`.
fn is_placeholder(c: char) -> bool {
    matches!(c, '_' | '＿' | '×' | '*' | '＊' | 'x' | 'X' | 'ｘ' | 'Ｘ')
}

/// The end of a template date or count after a number: `20__年12月` as a whole, so
/// that the month of a placeholder year is not read as a date of its own.
fn skip_placeholder(s: &str, mut pos: usize) -> usize {
    let mut first = true;
    loop {
        let start = pos;
        while let Some(c) = char_at(s, pos) {
            if is_placeholder(c) || (!first && numeral::is_numeral_char(c)) {
                pos += c.len_utf8();
            } else {
                break;
            }
        }
        match char_at(s, pos) {
            Some(c @ ('年' | '月' | '日' | '号')) if first || pos > start => {
                pos += c.len_utf8();
            }
            _ => return if first { pos } else { start },
        }
        first = false;
    }
}

fn skip_spaces(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b' ').count()
}

/// Skips the rest of an identifier such as `PM2.5` or `2+3+6+6`.
fn skip_ident(s: &str, mut pos: usize) -> usize {
    while let Some(c) = char_at(s, pos) {
        if c.is_ascii_alphanumeric()
            || is_arabic(c)
            || matches!(
                c,
                '.' | '+' | ':' | '∶' | '·' | '・' | '×' | '*' | '%' | '/' | '-' | '_'
            )
        {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// `2026-02-09` after a four-digit year.
fn iso_date(rest: &str, year: f64) -> Option<(String, usize)> {
    let b = rest.as_bytes();
    if b.len() < 6 || b[0] != b'-' {
        return None;
    }
    let two = |i: usize| -> Option<u32> {
        let d1 = char::from(*b.get(i)?).to_digit(10)?;
        let d2 = char::from(*b.get(i + 1)?).to_digit(10)?;
        Some(d1 * 10 + d2)
    };
    let m = two(1)?;
    if b.get(3) != Some(&b'-') {
        return None;
    }
    let d = two(4)?;
    if b.get(6).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = round_int(year)?;
    Some((format!("{y:04}-{m:02}-{d:02}"), 6))
}

/// The value of the first numeral in a word (`四个意识` → 4), or 0.
fn first_value(word: &str) -> f64 {
    for (i, c) in word.char_indices() {
        if numeral::is_numeral_char(c) {
            if let Some(n) = numeral::scan(&word[i..]) {
                return n.value;
            }
        }
    }
    0.0
}

/// `分别提高15、22个百分点`: a bare number listed before a figure shares its unit.
fn share_units(s: &str, out: &mut [Raw]) {
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (left, right) = out.split_at_mut(i + 1);
        let a = &mut left[i];
        let b = &right[0];
        let sep = s.get(a.end..b.start);
        // 分别高于全国12.7个、12个百分点: 个 stands for 个百分点
        if a.kind == FigureKind::Quantity
            && a.unit == "个"
            && b.unit == "个百分点"
            && sep == Some("、")
        {
            a.kind = FigureKind::Percent;
            a.unit.clone_from(&b.unit);
            continue;
        }
        if a.kind == FigureKind::Quantity
            && a.unit.is_empty()
            && !b.unit.is_empty()
            && matches!(
                b.kind,
                FigureKind::Quantity | FigureKind::Percent | FigureKind::Money
            )
            && matches!(sep, Some("、" | "和" | "与" | "及"))
        {
            a.kind = b.kind;
            a.unit.clone_from(&b.unit);
        }
    }
}

static FINDER: LazyLock<FigureFinder> = LazyLock::new(FigureFinder::new);

/// Figures of `text` treated as one sentence (index 0, offsets from 0), using a
/// process-wide [`FigureFinder`].
///
/// # Example
///
/// ```
/// use shuzhi::{extract_figures, FigureKind, FigureValue};
/// let figures = extract_figures("全市60岁以上的村书记超过三分之一，党员讲党课5.8万次");
/// let texts: Vec<&str> = figures.iter().map(|f| f.text.as_str()).collect();
/// assert_eq!(texts, ["60岁以上", "三分之一", "5.8万次"]);
/// assert_eq!(figures[2].value, FigureValue::Number(58_000.0));
/// assert_eq!(figures[0].kind, FigureKind::Age);
/// ```
pub fn extract_figures(text: &str) -> Vec<Figure> {
    FINDER.find(text, 0, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// The bits read from the bytes are the code point's.
        #[test]
        fn low_bits_are_the_code_points(s in "\\PC{0,40}") {
            for (a, c) in s.char_indices() {
                prop_assert_eq!(low_bits_at(s.as_bytes(), a), (u32::from(c) & 0xfff, c.len_utf8()));
            }
        }
    }

    /// The approximation word before a figure, as it was looked up before
    /// the quick miss on the last character.
    fn before_approx_slow(f: &FigureFinder, s: &str, start: usize) -> Option<Approx> {
        let before = &s[..start];
        let find = |b: &str| {
            f.before
                .iter()
                .find(|(w, _)| b.ends_with(w))
                .map(|&(_, a)| a)
        };
        find(before).or_else(|| {
            let c = before.chars().next_back()?;
            if matches!(
                c,
                '是' | '为' | '為' | '占' | '佔' | '达' | '達' | '有' | '在'
            ) {
                find(&before[..before.len() - c.len_utf8()])
            } else {
                None
            }
        })
    }

    /// The quick miss never misses a word: every position of the real
    /// sentences of the seeds, dev and written corpora, and random text.
    #[test]
    fn before_approx_agrees_with_the_plain_lookup() {
        let f = FigureFinder::new();
        assert!(f.before.iter().all(|(w, _)| !w.is_empty()));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
        let mut n = 0;
        for dir in ["seeds", "dev", "written"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("corpus directory")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                for line in text.lines() {
                    for (a, _) in line.char_indices() {
                        n += 1;
                        assert_eq!(
                            f.before_approx(line, a),
                            before_approx_slow(&f, line, a),
                            "{line:?} at {a}"
                        );
                    }
                }
            }
        }
        assert!(n > 100_000, "{n} positions");
        for (w, _) in &f.before {
            for t in [format!("{w}3"), format!("约{w}是3"), format!("{w}为3")] {
                for (a, _) in t.char_indices() {
                    assert_eq!(
                        f.before_approx(&t, a),
                        before_approx_slow(&f, &t, a),
                        "{t:?}"
                    );
                }
            }
        }
    }
    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    #[test]
    fn every_numeral_character_is_a_trigger() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            if numeral::is_numeral_char(c) {
                assert!(is_trigger(c), "{c} is a numeral but not a trigger");
            }
        }
        assert!(is_trigger('第') && is_trigger('“') && !is_trigger('的'));
    }

    #[test]
    fn year_names_are_read_far_enough() {
        // 40 chars of body, the head, two chars after it.
        assert!(NAME_HEADS
            .iter()
            .all(|h| 40 + h.chars().count() + 2 <= NAME_SCAN_CHARS));
        let body = "全市交通运输系统安全生产工作";
        assert!(year_in_name(&format!("2026年{body}会议"), 7));
        let long = body.repeat(4);
        assert!(!year_in_name(&format!("2026年{long}会议"), 7));
        assert!(!year_in_name(&format!("2026年{}", "年".repeat(100_000)), 7));
    }

    fn check_data(name: &str, data: &'static str) {
        let words: Vec<&str> = entries(data)
            .map(|l| l.split('\t').next().unwrap_or(""))
            .collect();
        assert!(!words.is_empty(), "{name} is empty");
        for w in &words {
            assert!(!w.trim().is_empty(), "{name}: empty entry");
            assert_eq!(w.trim(), *w, "{name}: spaces around {w:?}");
        }
        for pair in words.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} before {:?} (sorted, unique)",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn data_files_sorted_unique_nonempty() {
        check_data("slogans.txt", SLOGANS);
        check_data("figure_idioms.txt", IDIOMS);
        check_data("figure_units.txt", UNITS);
        check_data("figure_approx.txt", APPROX);
        assert!(entries(SLOGANS).count() >= 150);
        for line in entries(UNITS).chain(entries(APPROX)) {
            let n = line.split('\t').count();
            assert!((2..=3).contains(&n), "bad line {line:?}");
        }
    }

    #[test]
    fn finder_is_send_sync() {
        fn assert_traits<T: Send + Sync + std::panic::UnwindSafe>() {}
        assert_traits::<FigureFinder>();
        assert_traits::<Figure>();
    }

    fn one(text: &str) -> Figure {
        let f = extract_figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn serde_round_trip() {
        let f = one("排查隐患857处");
        let j = serde_json::to_string(&f).unwrap();
        assert!(j.contains("\"value\":857,"), "{j}");
        assert!(j.contains("\"kind\":\"quantity\""), "{j}");
        let back: Figure = serde_json::from_str(&j).unwrap();
        assert_eq!(back, f);
        let d = one("2023年9月底");
        let j = serde_json::to_string(&d).unwrap();
        assert!(j.contains("\"value\":\"2023-09\""), "{j}");
        assert_eq!(serde_json::from_str::<Figure>(&j).unwrap(), d);
        let p = one("增长3.5%");
        let j = serde_json::to_string(&p).unwrap();
        assert!(j.contains("\"value\":3.5"), "{j}");
    }

    #[test]
    fn basic_kinds() {
        let f = one("讲党课5.8万次");
        assert_eq!((f.value.as_f64(), f.unit.as_str()), (Some(58_000.0), "次"));
        let f = one("共有党员300多万名");
        assert_eq!((f.text.as_str(), f.approx), ("300多万名", Approx::Over));
        assert_eq!(f.value, FigureValue::Number(3_000_000.0));
        let f = one("修建18000余公里");
        assert_eq!(
            (f.value.as_f64(), f.unit.as_str(), f.approx),
            (Some(18000.0), "公里", Approx::Over)
        );
        let f = one("下降3.5个百分点");
        assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Percent, "个百分点"));
        let f = one("投入1.2亿元");
        assert_eq!(
            (f.kind, f.value.as_f64(), f.unit.as_str()),
            (FigureKind::Money, Some(1.2e8), "元")
        );
        // Numbered labels and school grades are not quantities or durations.
        let finder = FigureFinder::new();
        let fs = finder.find(
            "问题2：乡村振兴衔接资金的5个产业项目中有2个尚未开工。",
            0,
            0,
            0,
        );
        assert_eq!(fs[0].kind, FigureKind::Ordinal);
        assert_eq!(fs.iter().filter(|f| f.kind.is_figure()).count(), 2);
        let fs = finder.find("担任九年级一个班的道德与法治课。", 0, 0, 0);
        assert!(fs.iter().all(|f| !f.kind.is_figure()), "{fs:?}");
        let f = one("用两年时间");
        assert_eq!(
            (f.kind, f.value.as_f64(), f.unit.as_str()),
            (FigureKind::Duration, Some(2.0), "年")
        );
        let f = one("3个月内");
        assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Duration, "月"));
        let f = one("5月9日");
        assert_eq!(f.value, FigureValue::Date("--05-09".into()));
        let f = one("3至5个");
        assert_eq!(
            (f.value.as_f64(), f.approx, f.text.as_str()),
            (Some(3.0), Approx::About, "3至5个")
        );
        let f = one("约占40%左右");
        assert_eq!((f.approx, f.text.as_str()), (Approx::About, "40%左右"));
    }

    fn check_invariants(text: &str, base: usize, char_base: usize) -> Result<(), TestCaseError> {
        let finder = &*FINDER;
        for f in finder.find(text, base, char_base, 7) {
            let (a, b) = (f.span[0] - base, f.span[1] - base);
            prop_assert!(a < b && b <= text.len(), "{f:?}");
            prop_assert!(
                text.is_char_boundary(a) && text.is_char_boundary(b),
                "{f:?}"
            );
            prop_assert_eq!(&text[a..b], f.text.as_str());
            let ca = text[..a].chars().count() + char_base;
            let cb = text[..b].chars().count() + char_base;
            prop_assert_eq!(f.char_span, [ca, cb]);
            prop_assert_eq!(f.sentence, 7);
            if let FigureValue::Number(v) = f.value {
                prop_assert!(v.is_finite(), "{f:?}");
            }
            let json = serde_json::to_string(&f).unwrap_or_default();
            let back: Figure = serde_json::from_str(&json)
                .map_err(|e| TestCaseError::fail(format!("{json}: {e}")))?;
            prop_assert_eq!(back.text, f.text);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,40}", base in 0usize..1000, cb in 0usize..1000) {
            check_invariants(&s, base, cb)?;
        }

        #[test]
        fn never_panics_on_numeral_soup(
            s in "[零〇○一二两三四五六七八九十百千万亿兆壹贰拾佰萬億点几多余负第分之又年月日个元%％‰（）()、，。“”《》0-9０-９.,，/ -]{0,40}"
        ) {
            check_invariants(&s, 0, 0)?;
        }
    }

    #[test]
    fn not_figures() {
        for t in [
            "一年来，我们坚持",
            "多年来",
            "千方百计",
            "一批骨干",
            "进一步",
            "XX个",
            "x次",
            "××名",
            "20__年12月",
            "20××年",
            "五年来",
            "过去五年",
            "这五年",
            "讲3个问题",
            "三天打鱼、两天晒网",
        ] {
            let f = extract_figures(t);
            assert!(f.is_empty(), "{t}: {f:?}");
        }
        for t in [
            "四个意识",
            "三会一课",
            "十九大",
            "十四五",
            "这六项基本制度",
            "九项准则",
            "2017年度公路安全生产工作要点",
        ] {
            let f = extract_figures(t);
            assert!(f.iter().all(|f| f.kind == FigureKind::Slogan), "{t}: {f:?}");
            assert!(!f.is_empty(), "{t}");
        }
        for t in ["一是加强", "第三", "（一）"] {
            let f = extract_figures(t);
            assert!(
                f.iter().all(|f| f.kind == FigureKind::Ordinal),
                "{t}: {f:?}"
            );
        }
    }
}
