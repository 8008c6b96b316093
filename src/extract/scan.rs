//! Byte-level scans behind the role rules.
//!
//! Every rule of `role.rs` asks a sentence a small question: does it hold a
//! directive 要 at the head of a clause, a contrast marker, a quotation, a
//! remedy verb before a problem word? Asked with `contains` and regular
//! expressions, each question reads the whole sentence again. Here one pass
//! over the sentence records which trigger characters it holds
//! ([`Triggers`]), so a rule whose triggers are absent answers at once, and
//! the remaining questions are answered by hand-written scans that follow
//! the regular expressions they replace step by step (leftmost-first,
//! lazy where the pattern is lazy). `role_equiv.rs` checks every scan
//! against the regular expression over the real sentences of `corpora/`
//! and random text.

/// Which rule-trigger characters a text holds, one bit per group, and how
/// many characters it has: one pass over its bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Triggers {
    bits: u64,
    /// The text's length in characters.
    pub chars: usize,
}

/// A group of trigger characters (a bit of [`Triggers`]).
pub(crate) mod bit {
    /// 但
    pub const DAN: u64 = 1 << 0;
    /// 然
    pub const RAN: u64 = 1 << 1;
    /// 而
    pub const ER: u64 = 1 << 2;
    /// 不
    pub const BU: u64 = 1 << 3;
    /// 过
    pub const GUO: u64 = 1 << 4;
    /// 可
    pub const KE: u64 = 1 << 5;
    /// 只
    pub const ZHI: u64 = 1 << 6;
    /// 是
    pub const SHI: u64 = 1 << 7;
    /// 要, 必, 务, 应: the first characters of the directives.
    pub const DIRECTIVE: u64 = 1 << 8;
    /// 了
    pub const LE: u64 = 1 << 9;
    /// “, ", 「: opening quotes.
    pub const QUOTE: u64 = 1 << 10;
    /// ，, ',', ；, ';', ！, ？: clause punctuation a byline never holds.
    pub const CLAUSE: u64 = 1 << 11;
    /// 问, 现, 短, 差, 足, 弱, 风, 隐: characters of the problem words.
    pub const PROBLEM: u64 = 1 << 12;
    /// ASCII and full-width digits.
    pub const DIGIT: u64 = 1 << 13;
    /// 方
    pub const FANG: u64 = 1 << 14;
}

/// The trigger characters outside ASCII, with their groups.
const TRIGGER_CHARS: [(char, u64); 38] = [
    ('但', bit::DAN),
    ('然', bit::RAN),
    ('而', bit::ER),
    ('不', bit::BU),
    ('过', bit::GUO),
    ('可', bit::KE),
    ('只', bit::ZHI),
    ('是', bit::SHI),
    ('要', bit::DIRECTIVE),
    ('必', bit::DIRECTIVE),
    ('务', bit::DIRECTIVE),
    ('应', bit::DIRECTIVE),
    ('了', bit::LE),
    ('“', bit::QUOTE),
    ('「', bit::QUOTE),
    ('，', bit::CLAUSE),
    ('；', bit::CLAUSE),
    ('！', bit::CLAUSE),
    ('？', bit::CLAUSE),
    ('问', bit::PROBLEM),
    ('现', bit::PROBLEM),
    ('短', bit::PROBLEM),
    ('差', bit::PROBLEM),
    ('足', bit::PROBLEM),
    ('弱', bit::PROBLEM),
    ('风', bit::PROBLEM),
    ('隐', bit::PROBLEM),
    ('０', bit::DIGIT),
    ('１', bit::DIGIT),
    ('２', bit::DIGIT),
    ('３', bit::DIGIT),
    ('４', bit::DIGIT),
    ('５', bit::DIGIT),
    ('６', bit::DIGIT),
    ('７', bit::DIGIT),
    ('８', bit::DIGIT),
    ('９', bit::DIGIT),
    ('方', bit::FANG),
];

/// Three-byte trigger characters by the low 13 bits of their code point:
/// the code point above bit 8, the group's bit number below. No two
/// triggers share a slot (checked when the table is built), and no
/// three-byte character has code point 0, so an empty slot matches nothing.
static TRIGGER_TABLE: [u32; 8192] = {
    let mut t = [0u32; 8192];
    let mut i = 0;
    while i < TRIGGER_CHARS.len() {
        let (c, b) = TRIGGER_CHARS[i];
        let cp = c as u32;
        assert!(cp >= 0x800 && cp <= 0xffff, "a three-byte character");
        let k = (cp & 0x1fff) as usize;
        assert!(t[k] == 0, "two triggers share a slot");
        t[k] = (cp << 8) | b.trailing_zeros();
        i += 1;
    }
    t
};

/// ASCII trigger characters: their groups.
static ASCII_TRIGGERS: [u64; 128] = {
    let mut t = [0u64; 128];
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = bit::DIGIT;
        d += 1;
    }
    t[b'"' as usize] = bit::QUOTE;
    t[b',' as usize] = bit::CLAUSE;
    t[b';' as usize] = bit::CLAUSE;
    t[b'!' as usize] = bit::CLAUSE;
    t[b'?' as usize] = bit::CLAUSE;
    t
};

impl Triggers {
    /// The triggers of `s`.
    pub(crate) fn of(s: &str) -> Triggers {
        let mut bits = 0u64;
        let mut chars = 0usize;
        for c in s.chars() {
            chars += 1;
            let cp = u32::from(c);
            if cp < 0x80 {
                bits |= ASCII_TRIGGERS[cp as usize];
            } else {
                // Only three-byte characters are in the table, each with its
                // whole code point.
                let e = TRIGGER_TABLE[(cp & 0x1fff) as usize];
                if e >> 8 == cp {
                    bits |= 1 << (e & 0x3f);
                }
            }
        }
        Triggers { bits, chars }
    }

    /// Whether the text holds a character of every group in `mask`.
    #[inline]
    pub(crate) fn all(self, mask: u64) -> bool {
        self.bits & mask == mask
    }

    /// Whether the text holds a character of some group in `mask`.
    #[inline]
    pub(crate) fn any(self, mask: u64) -> bool {
        self.bits & mask != 0
    }
}

/// A set of characters as a bitmap over the low twelve bits of the code
/// point: exact for a miss, to be confirmed on a hit.
pub(crate) struct FirstChars([u64; 64]);

impl FirstChars {
    /// The first characters of `words`.
    pub(crate) const fn of(words: &[&str]) -> FirstChars {
        let mut bits = [0u64; 64];
        let mut i = 0;
        while i < words.len() {
            let k = first_code(words[i].as_bytes()) & 0xfff;
            bits[(k >> 6) as usize] |= 1 << (k & 63);
            i += 1;
        }
        FirstChars(bits)
    }

    /// The characters of both sets.
    pub(crate) const fn union(self, other: &FirstChars) -> FirstChars {
        let mut bits = self.0;
        let mut i = 0;
        while i < 64 {
            bits[i] |= other.0[i];
            i += 1;
        }
        FirstChars(bits)
    }

    /// Whether `c` may be in the set (it is not when this says no).
    #[inline]
    pub(crate) fn has(&self, c: char) -> bool {
        let k = u32::from(c) & 0xfff;
        self.0[(k >> 6) as usize] >> (k & 63) & 1 == 1
    }
}

/// The code point of the first character of UTF-8 `b` (0 when empty).
const fn first_code(b: &[u8]) -> u32 {
    if b.is_empty() {
        return 0;
    }
    let x = b[0] as u32;
    if x < 0x80 {
        x
    } else if x < 0xe0 {
        ((x & 0x1f) << 6) | (b[1] as u32 & 0x3f)
    } else if x < 0xf0 {
        ((x & 0x0f) << 12) | ((b[1] as u32 & 0x3f) << 6) | (b[2] as u32 & 0x3f)
    } else {
        ((x & 0x07) << 18)
            | ((b[1] as u32 & 0x3f) << 12)
            | ((b[2] as u32 & 0x3f) << 6)
            | (b[3] as u32 & 0x3f)
    }
}

/// The first of `words` that `rest` starts with, given that `rest` starts
/// with `c` (a quick miss when no word starts with `c`).
#[inline]
fn word_at(
    words: &'static [&'static str],
    first: &FirstChars,
    c: char,
    rest: &str,
) -> Option<&'static str> {
    if !first.has(c) {
        return None;
    }
    words.iter().copied().find(|w| rest.starts_with(w))
}

/// Contrast markers, in the order of the alternation they replace.
const CONTRAST: [&str; 6] = ["但是", "但", "然而", "不过", "可是", "只是"];

/// The last contrast marker at the head of the text or after `，,；;：:`
/// and optional white space: the last match of
/// `(?:^|[，,；;：:])\s*(但是|但|然而|不过|可是|只是)`, as the marker's
/// byte offset and the marker.
pub(crate) fn last_contrast(s: &str) -> Option<(usize, &'static str)> {
    let at = |o: usize| {
        let t = s[o..].trim_start_matches(char::is_whitespace);
        CONTRAST
            .into_iter()
            .find(|w| t.starts_with(w))
            .map(|w| (s.len() - t.len(), w))
    };
    // Matches cannot overlap: a marker and white space hold none of the
    // punctuation, so every punctuation mark starts a match of its own.
    let mut last = at(0);
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | ',' | '；' | ';' | '：' | ':') {
            if let Some(m) = at(i + c.len_utf8()) {
                last = Some(m);
            }
        }
    }
    last
}

/// Directive words, in the order of the alternation they replace.
const DIRECTIVES: [&str; 5] = ["一定要", "必须", "务必", "应当", "要"];

/// Characters that may start a directive's clause (after `^`).
fn directive_clause_start(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！')
}

/// Characters a directive's clause head cannot hold.
fn directive_gap_stop(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？')
}

/// Characters that cannot follow a directive word (要求, 要素, 要点…).
fn directive_blocked_next(c: char) -> bool {
    matches!(
        c,
        '求' | '素'
            | '点'
            | '么'
            | '领'
            | '闻'
            | '害'
            | '紧'
            | '件'
            | '道'
            | '旨'
            | '诀'
            | '职'
            | '员'
            | '塞'
            | '冲'
            | '命'
            | '账'
            | '挟'
            | '务'
    )
}

/// A directive whose clause head starts at byte `o`: at most 14 characters
/// (the fewest first), then a directive word and a character that may
/// follow it. The word's offset, the word, and where the match ends.
fn directive_from(s: &str, o: usize) -> Option<(usize, &'static str, usize)> {
    let mut q = o;
    for k in 0..=14 {
        let rest = &s[q..];
        let c = rest.chars().next()?;
        if matches!(c, '一' | '必' | '务' | '应' | '要') {
            for w in DIRECTIVES {
                if let Some(after) = rest.strip_prefix(w) {
                    if let Some(n) = after.chars().next().filter(|&n| !directive_blocked_next(n)) {
                        return Some((q, w, q + w.len() + n.len_utf8()));
                    }
                }
            }
        }
        if k == 14 || directive_gap_stop(c) {
            return None;
        }
        q += c.len_utf8();
    }
    None
}

/// The next match, at or after byte `from`, of
/// `(?:^|[，,；;：:。！])[^，,；;：:。！？]{0,14}?(一定要|必须|务必|应当|要)([^求素点么领闻害紧件道旨诀职员塞冲命账挟务])`
/// as the regex crate's `captures_iter` finds them: the directive word's
/// offset, the word, and the end of the whole match (where the next search
/// starts).
pub(crate) fn next_directive(s: &str, from: usize) -> Option<(usize, &'static str, usize)> {
    if from == 0 {
        if let Some(m) = directive_from(s, 0) {
            return Some(m);
        }
    }
    let tail = s.get(from..)?;
    for (i, c) in tail.char_indices() {
        if directive_clause_start(c) {
            if let Some(m) = directive_from(s, from + i + c.len_utf8()) {
                return Some(m);
            }
        }
    }
    None
}

/// Remedy verbs of the first alternative of `REMEDY`.
const REMEDY_VERBS: [&str; 17] = [
    "整治",
    "整改",
    "解决",
    "查处",
    "消除",
    "纠正",
    "治理",
    "破解",
    "化解",
    "追回",
    "处理",
    "通报曝光",
    "针对",
    "聚焦",
    "对照",
    "查摆",
    "检视",
];
static REMEDY_VERBS_FIRST: FirstChars = FirstChars::of(&REMEDY_VERBS);
/// Problem words after a remedy verb.
const REMEDY_OBJECTS: [&str; 8] = [
    "问题", "现象", "短板", "差距", "不足", "弱项", "风险", "隐患",
];
static REMEDY_OBJECTS_FIRST: FirstChars = FirstChars::of(&REMEDY_OBJECTS);
/// Problem words before a remedy (the second alternative).
const REMEDIED: [&str; 5] = ["问题", "短板", "差距", "不足", "弱项"];
static REMEDIED_FIRST: FirstChars = FirstChars::of(&REMEDIED);
/// What follows a remedied problem word.
const REMEDIED_BY: [&str; 3] = ["整改", "解决", "得到"];
static REMEDIED_BY_FIRST: FirstChars = FirstChars::of(&REMEDIED_BY);

/// The first characters of every word [`remedy`] looks for.
static REMEDY_ANY_FIRST: FirstChars = FirstChars::of(&REMEDY_VERBS)
    .union(&FirstChars::of(&REMEDY_OBJECTS))
    .union(&FirstChars::of(&REMEDIED))
    .union(&FirstChars::of(&REMEDIED_BY));

/// Where the last word of a list ended (in characters), for a pair
/// `A[^，。；]{0,n}B`: the ends of words still running and the latest end
/// already passed.
#[derive(Default)]
struct PairState {
    /// Ends of words that started within the last few characters and end
    /// after the current one. No word of a list is a prefix of another, so
    /// at most one word starts at each character, and words are at most
    /// four characters long: at most four run at once.
    running: [Option<usize>; 4],
    /// The latest end at or before the current character.
    passed: Option<usize>,
}

impl PairState {
    /// Moves the ends at or before character `ci` into `passed` (called
    /// with growing `ci` before each question about `ci`).
    fn advance(&mut self, ci: usize) {
        for r in &mut self.running {
            if let Some(e) = *r {
                if e <= ci {
                    self.passed = Some(self.passed.map_or(e, |p| p.max(e)));
                    *r = None;
                }
            }
        }
    }

    /// A word starting at character `ci` and ending at character `end`.
    fn start(&mut self, ci: usize, end: usize) {
        self.advance(ci);
        if let Some(slot) = self.running.iter_mut().find(|r| r.is_none()) {
            *slot = Some(end);
        } else if let Some(m) = self.running.iter_mut().max() {
            // Unreachable (see `running`); keeping the later end only
            // widens what counts as a match.
            *m = Some(end);
        }
    }

    /// Whether a word ended at most `n` characters before character `ci`.
    fn near(&self, ci: usize, n: usize) -> bool {
        self.passed.is_some_and(|e| ci - e <= n)
    }
}

/// Whether `s` matches `REMEDY` in `role.rs`: a remedy verb, at most 16
/// characters other than `，。；`, and a problem word; or a problem word,
/// at most 6 such characters, and 整改, 解决 or 得到.
pub(crate) fn remedy(s: &str) -> bool {
    let mut one = PairState::default();
    let mut two = PairState::default();
    for (ci, (p, c)) in s.char_indices().enumerate() {
        if matches!(c, '，' | '。' | '；') {
            one = PairState::default();
            two = PairState::default();
            continue;
        }
        if !REMEDY_ANY_FIRST.has(c) {
            continue;
        }
        let rest = &s[p..];
        if word_at(&REMEDY_OBJECTS, &REMEDY_OBJECTS_FIRST, c, rest).is_some() {
            one.advance(ci);
            if one.near(ci, 16) {
                return true;
            }
        }
        if word_at(&REMEDIED_BY, &REMEDIED_BY_FIRST, c, rest).is_some() {
            two.advance(ci);
            if two.near(ci, 6) {
                return true;
            }
        }
        if let Some(w) = word_at(&REMEDY_VERBS, &REMEDY_VERBS_FIRST, c, rest) {
            one.start(ci, ci + w.chars().count());
        }
        if let Some(w) = word_at(&REMEDIED, &REMEDIED_FIRST, c, rest) {
            two.start(ci, ci + w.chars().count());
        }
    }
    false
}

/// Verbs that report speech, for [`reported_speech`].
const SAY: [&str; 9] = [
    "说", "指出", "强调", "表示", "讲到", "说过", "写道", "提出", "认为",
];

/// Whether `s` matches
/// `(?:说|指出|强调|表示|讲到|说过|写道|提出|认为)[:：，,]?\s*[“"「]`:
/// an opening quote after a verb of saying, an optional colon or comma and
/// white space.
pub(crate) fn reported_speech(s: &str) -> bool {
    let says = |h: &str| SAY.iter().any(|w| h.ends_with(w));
    // “ and 「 start with E2 and E3, which only ever lead a character.
    memchr::memchr3_iter(b'"', 0xe2, 0xe3, s.as_bytes()).any(|q| {
        if !s[q..].starts_with(['“', '"', '「']) {
            return false;
        }
        // No verb ends in white space or punctuation: strip all the white
        // space, then at most one colon or comma.
        let head = s[..q].trim_end_matches(char::is_whitespace);
        says(head) || head.strip_suffix([':', '：', '，', ',']).is_some_and(says)
    })
}

/// The end of the match of `^[^，,；;。！？：:]{1,24}?(?:就是|也是|都是|是)`
/// in `s`: one to 24 characters (the fewest first) other than that
/// punctuation, then a copula.
pub(crate) fn copula_end(s: &str) -> Option<usize> {
    let mut q = 0;
    for _ in 0..24 {
        let c = s[q..].chars().next()?;
        if matches!(c, '，' | ',' | '；' | ';' | '。' | '！' | '？' | '：' | ':') {
            return None;
        }
        q += c.len_utf8();
        let rest = &s[q..];
        if let Some(w) = ["就是", "也是", "都是", "是"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        {
            return Some(q + w.len());
        }
    }
    None
}

/// Whether `s` may match `\p{Han}不(?:了|动|清|好|上|起|住|到位|完|开|下去|进去)`:
/// some 不 after a character and before the first character of a
/// complement. A quick test, exact for a miss.
pub(crate) fn may_cannot(s: &str) -> bool {
    s.match_indices('不').any(|(i, _)| {
        i > 0
            && s[i + '不'.len_utf8()..].chars().next().is_some_and(|c| {
                matches!(
                    c,
                    '了' | '动'
                        | '清'
                        | '好'
                        | '上'
                        | '起'
                        | '住'
                        | '到'
                        | '完'
                        | '开'
                        | '下'
                        | '进'
                )
            })
    })
}

/// Whether some `word` starts in `clause` at a byte offset for which `ok`
/// holds.
pub(crate) fn any_word_at(
    clause: &str,
    words: &'static [&'static str],
    first: &FirstChars,
    ok: impl Fn(usize) -> bool,
) -> bool {
    clause
        .char_indices()
        .any(|(i, c)| word_at(words, first, c, &clause[i..]).is_some() && ok(i))
}

/// The word lists [`remedy`] scans.
#[cfg(test)]
pub(crate) const REMEDY_LISTS: [&[&str]; 4] =
    [&REMEDY_VERBS, &REMEDY_OBJECTS, &REMEDIED, &REMEDIED_BY];
