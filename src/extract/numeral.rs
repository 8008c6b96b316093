//! Numeral parsing: Arabic, full-width, Chinese and mixed numerals.
//!
//! This module is pure: it knows nothing of units, sentences or figures. It reads
//! one numeral at the start of a string and returns its exact value, so the figure
//! finder can decide what the number measures.
//!
//! Supported forms:
//!
//! * Arabic digits, full-width digits (`０-９`), decimals (`.` `．`, and `·` before
//!   `%` as in old reports: `19·5％`), thousands separators (`23,876`, `23，876`);
//! * Chinese numerals `〇零一二两三四五六七八九十百千万亿兆`, traditional `萬 億 兩`,
//!   financial capitals `壹贰叁肆伍陆柒捌玖拾佰仟` (and `貳 參 陸`), `廿`, `卅`;
//! * digit-by-digit readings used for years (`一九五八`, `二〇二〇`);
//! * mixed forms (`1.2万`, `5万4千6百`, `3万4000`, `三千五百万`, `4.78万亿`);
//! * colloquial abbreviations (`三万五` = 35000, `两千六` = 2600);
//! * decimals with `点` (`三点五`, `十二点五亿`), negatives (`负3`, `-3`);
//! * an approximate digit `几` and `多`/`余` before a scale word (`二十几万`, `300多万`),
//!   and adjacent digits read as a range (`三四百` = 300 to 400), all flagged as
//!   approximate;
//! * fractions `三分之一`, `2/3`, mixed `三又三分之一` ([`scan_fraction`]).
//!
//! Values are computed as exact decimals and converted to `f64` at the end, so
//! `5.8万` is exactly 58000. Every returned value is finite.

/// An exact decimal `m × 10^-e`, used while a numeral is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct Dec {
    m: i128,
    e: u32,
}

/// Largest decimal exponent kept; more fraction digits than this are not a numeral
/// anyone writes.
const MAX_EXP: u32 = 24;

impl Dec {
    const ZERO: Dec = Dec { m: 0, e: 0 };

    fn int(v: i128) -> Dec {
        Dec { m: v, e: 0 }
    }

    fn is_zero(self) -> bool {
        self.m == 0
    }

    fn pow10(k: u32) -> Option<i128> {
        10i128.checked_pow(k)
    }

    /// Brings both to the same exponent.
    fn align(self, other: Dec) -> Option<(i128, i128, u32)> {
        if self.e == other.e {
            Some((self.m, other.m, self.e))
        } else if self.e > other.e {
            let f = Dec::pow10(self.e - other.e)?;
            Some((self.m, other.m.checked_mul(f)?, self.e))
        } else {
            let f = Dec::pow10(other.e - self.e)?;
            Some((self.m.checked_mul(f)?, other.m, other.e))
        }
    }

    fn add(self, other: Dec) -> Option<Dec> {
        let (a, b, e) = self.align(other)?;
        Some(Dec {
            m: a.checked_add(b)?,
            e,
        })
    }

    fn lt(self, other: Dec) -> bool {
        match self.align(other) {
            Some((a, b, _)) => a < b,
            None => false,
        }
    }

    /// Multiplies by `10^k`.
    fn shift(self, k: u32) -> Option<Dec> {
        if self.e >= k {
            Some(Dec {
                m: self.m,
                e: self.e - k,
            })
        } else {
            let f = Dec::pow10(k - self.e)?;
            Some(Dec {
                m: self.m.checked_mul(f)?,
                e: 0,
            })
        }
    }

    fn mul_int(self, k: i128) -> Option<Dec> {
        Some(Dec {
            m: self.m.checked_mul(k)?,
            e: self.e,
        })
    }

    fn to_f64(self) -> f64 {
        // Exact for integers below 2^53; otherwise the nearest double, computed
        // through the decimal string so that 1.9 stays 1.9.
        if self.e == 0 {
            #[allow(clippy::cast_precision_loss)]
            return self.m as f64;
        }
        let mut digits = self.m.unsigned_abs().to_string();
        let e = self.e as usize;
        if digits.len() <= e {
            let pad = e + 1 - digits.len();
            digits.insert_str(0, &"0".repeat(pad));
        }
        let point = digits.len() - e;
        let text = format!(
            "{}{}.{}",
            if self.m < 0 { "-" } else { "" },
            &digits[..point],
            &digits[point..]
        );
        text.parse::<f64>().unwrap_or(0.0)
    }
}

/// A numeral read from the start of a string by [`scan`].
///
/// `len` is the number of bytes it covers; the remaining fields describe its shape,
/// which the figure finder uses to tell real figures from words that contain
/// numeral characters.
///
/// # Example
///
/// ```
/// use shuzhi::numeral::scan;
/// let n = scan("300多万名党员").unwrap();
/// assert_eq!(n.value, 3_000_000.0);
/// assert_eq!(&"300多万名党员"[..n.len], "300多万");
/// assert!(n.approx);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// The value; always finite.
    pub value: f64,
    /// Bytes covered, from the start of the scanned string.
    pub len: usize,
    /// Characters covered.
    pub chars: usize,
    /// Contains a Chinese numeral character (digit, scale or `点`).
    pub chinese: bool,
    /// Contains an Arabic digit (ASCII or full-width).
    pub arabic: bool,
    /// Contains a scale character (`十百千万亿兆` and variants).
    pub scale: bool,
    /// Starts with a scale character and no digit (`十五`, `百余`, `千万`).
    pub bare_lead: bool,
    /// Power of ten of the big scale (`万` 4, `亿` 8, `万亿` 12) the numeral ends
    /// with, or 0.
    pub trailing_big: u32,
    /// Digits read one by one (`一九五八` has 4), or 0.
    pub direct: u32,
    /// Contains `几`, `多` or `余` inside, or is a range of adjacent digits
    /// (`三四百`); the value is then the lower bound.
    pub approx: bool,
    /// Two adjacent digits read as a range (`三四个`, `二三十`).
    pub range: bool,
    /// Has a fractional part.
    pub decimal: bool,
    /// Starts with a minus sign (`负`, `-`).
    pub negative: bool,
    /// Contains a financial capital (`壹`, `拾`, `陆` …).
    pub financial: bool,
    /// Is a plain run of Arabic digits (with separators or a decimal point), no
    /// Chinese character at all.
    pub plain_arabic: bool,
    /// Integer digits of the first Arabic group (so `2019` has 4), or 0.
    pub arabic_digits: u32,
}

/// What a character is to the numeral reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cls {
    /// Chinese digit 0–9 (`fin`: financial capital; `liang`: 两/兩).
    Digit { d: u8, fin: bool, liang: bool },
    /// `零 〇 ○`.
    Zero,
    /// `十百千` (power 1–3).
    Small { p: u32, fin: bool },
    /// `万亿兆` (power 4, 8, 12).
    Big { p: u32 },
    /// `廿` 20, `卅` 30.
    Tens { v: u8 },
    /// `几 幾`.
    Ji,
    /// `多 余 餘`.
    More,
    /// `点 點`.
    Point,
    /// ASCII or full-width digit.
    Arabic,
}

/// Every character [`classify`] knows, for its quick reject.
const CLASSIFIED: &str =
    "0123456789０１２３４５６７８９零〇○一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾百佰千仟万萬亿億兆廿卅几幾多余餘点點";

/// Bit `c & 255` is set for every character of [`CLASSIFIED`]: a clear bit
/// says at once that `c` is none of them (most characters of a text).
const LOW_BYTES: [u64; 4] = {
    let mut m = [0u64; 4];
    let b = CLASSIFIED.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Decode one UTF-8 character (at most three bytes here).
        let (c, n) = if b[i] < 0x80 {
            (b[i] as u32, 1)
        } else if b[i] < 0xe0 {
            (((b[i] as u32 & 0x1f) << 6) | (b[i + 1] as u32 & 0x3f), 2)
        } else {
            (
                ((b[i] as u32 & 0x0f) << 12)
                    | ((b[i + 1] as u32 & 0x3f) << 6)
                    | (b[i + 2] as u32 & 0x3f),
                3,
            )
        };
        m[((c & 0xff) >> 6) as usize] |= 1 << (c & 63);
        i += n;
    }
    m
};

fn classify(c: char) -> Option<Cls> {
    let low = u32::from(c) & 0xff;
    if LOW_BYTES[(low >> 6) as usize] & (1 << (low & 63)) == 0 {
        return None;
    }
    classify_char(c)
}

fn classify_char(c: char) -> Option<Cls> {
    let digit = |d: u8| {
        Some(Cls::Digit {
            d,
            fin: false,
            liang: false,
        })
    };
    let fin = |d: u8| {
        Some(Cls::Digit {
            d,
            fin: true,
            liang: false,
        })
    };
    match c {
        '0'..='9' | '０'..='９' => Some(Cls::Arabic),
        '零' | '〇' | '○' => Some(Cls::Zero),
        '一' => digit(1),
        '二' => digit(2),
        '两' | '兩' => Some(Cls::Digit {
            d: 2,
            fin: false,
            liang: true,
        }),
        '三' => digit(3),
        '四' => digit(4),
        '五' => digit(5),
        '六' => digit(6),
        '七' => digit(7),
        '八' => digit(8),
        '九' => digit(9),
        '壹' => fin(1),
        '贰' | '貳' => fin(2),
        '叁' | '參' => fin(3),
        '肆' => fin(4),
        '伍' => fin(5),
        '陆' | '陸' => fin(6),
        '柒' => fin(7),
        '捌' => fin(8),
        '玖' => fin(9),
        '十' => Some(Cls::Small { p: 1, fin: false }),
        '拾' => Some(Cls::Small { p: 1, fin: true }),
        '百' => Some(Cls::Small { p: 2, fin: false }),
        '佰' => Some(Cls::Small { p: 2, fin: true }),
        '千' => Some(Cls::Small { p: 3, fin: false }),
        '仟' => Some(Cls::Small { p: 3, fin: true }),
        '万' | '萬' => Some(Cls::Big { p: 4 }),
        '亿' | '億' => Some(Cls::Big { p: 8 }),
        '兆' => Some(Cls::Big { p: 12 }),
        '廿' => Some(Cls::Tens { v: 2 }),
        '卅' => Some(Cls::Tens { v: 3 }),
        '几' | '幾' => Some(Cls::Ji),
        '多' | '余' | '餘' => Some(Cls::More),
        '点' | '點' => Some(Cls::Point),
        _ => None,
    }
}

/// Value of an ASCII or full-width digit.
fn arabic_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(c as u32 - '０' as u32).ok(),
        _ => None,
    }
}

/// Value of a Chinese digit used after `点` or in a digit-by-digit reading.
fn chinese_digit(c: char) -> Option<u8> {
    match classify(c)? {
        Cls::Zero => Some(0),
        Cls::Digit {
            d, liang: false, ..
        } => Some(d),
        _ => None,
    }
}

/// True for a character that can be part of a numeral (used by the figure finder
/// to check word boundaries).
pub fn is_numeral_char(c: char) -> bool {
    matches!(
        classify(c),
        Some(
            Cls::Arabic
                | Cls::Zero
                | Cls::Digit { .. }
                | Cls::Small { .. }
                | Cls::Big { .. }
                | Cls::Tens { .. }
        )
    )
}

/// True for a Chinese numeral character other than the financial capitals (used to
/// check the edges of lexicon words).
pub fn is_chinese_numeral_char(c: char) -> bool {
    matches!(
        classify(c),
        Some(
            Cls::Zero
                | Cls::Digit { fin: false, .. }
                | Cls::Small { fin: false, .. }
                | Cls::Big { .. }
                | Cls::Tens { .. }
        )
    )
}

/// Metric units that begin with a scale character: `5千瓦` is 5 kW, not 5000 W.
const METRIC: [&str; 16] = [
    "千瓦",
    "千米",
    "千克",
    "千伏",
    "千帕",
    "千焦",
    "千卡",
    "千赫",
    "千兆",
    "兆瓦",
    "兆帕",
    "兆赫",
    "兆焦",
    "兆字节",
    "兆比特",
    "兆欧",
];

/// Digits typeset with a space between each (`1 9 9 8 年`, `1 5 ．3 ％`), as in some
/// old reports: value, bytes, integer digits, whether it has a fractional part.
/// Not taken when a `/` follows (`1 4/3` is a mixed fraction).
fn read_spaced(s: &str) -> Option<(Dec, usize, u32, bool)> {
    let mut m: i128 = 0;
    let mut e: u32 = 0;
    let mut pos = 0;
    let mut int_digits = 0u32;
    let mut decimal = false;
    loop {
        let c = s[pos..].chars().next()?;
        let d = arabic_value(c)?;
        m = m.checked_mul(10)?.checked_add(i128::from(d))?;
        if decimal {
            e += 1;
        } else {
            int_digits += 1;
        }
        pos += c.len_utf8();
        if int_digits > 18 || e > MAX_EXP {
            return None;
        }
        let rest = &s[pos..];
        let sp = rest.bytes().take_while(|&b| b == b' ').count();
        let after = &rest[sp..];
        let next = after.chars().next();
        if sp == 1 && next.and_then(arabic_value).is_some() {
            pos += 1;
            continue;
        }
        if !decimal && sp <= 1 {
            if let Some(p @ ('．' | '.')) = next {
                let a2 = &after[p.len_utf8()..];
                let sp2 = a2.bytes().take_while(|&b| b == b' ').count();
                if sp2 <= 1 && a2[sp2..].chars().next().and_then(arabic_value).is_some() {
                    pos += sp + p.len_utf8() + sp2;
                    decimal = true;
                    continue;
                }
            }
        }
        break;
    }
    let tail = s[pos..].trim_start_matches(' ');
    if tail.starts_with('/') || tail.starts_with('／') {
        return None;
    }
    Some((Dec { m, e }, pos, int_digits, decimal))
}

/// An Arabic number read from the start of `s`: value, bytes, integer digits,
/// whether it has a fractional part.
fn read_arabic(s: &str) -> Option<(Dec, usize, u32, bool)> {
    // spaced digits: 1 9 9 8
    {
        let mut it = s.chars();
        let first_digit = it.next().and_then(arabic_value).is_some();
        let after_space = if it.next() == Some(' ') {
            it.next()
        } else {
            None
        };
        let spaced =
            after_space.is_some_and(|c| arabic_value(c).is_some() || c == '．' || c == '.');
        if first_digit && spaced {
            if let Some(r) = read_spaced(s) {
                return Some(r);
            }
        }
    }
    let mut m: i128 = 0;
    let mut e: u32 = 0;
    let mut pos = 0;
    let mut int_digits: u32 = 0;
    let mut group: u32 = 0; // digits since the last separator
    let mut separated = false;
    // integer part
    while let Some(c) = s[pos..].chars().next() {
        if let Some(d) = arabic_value(c) {
            m = m.checked_mul(10)?.checked_add(i128::from(d))?;
            int_digits += 1;
            group += 1;
            pos += c.len_utf8();
            continue;
        }
        if (c == ',' || c == '，')
            && (if separated {
                group == 3
            } else {
                (1..=3).contains(&group)
            })
        {
            // a separator must be followed by exactly three digits
            let rest = &s[pos + c.len_utf8()..];
            let mut it = rest.chars();
            let mut n = 0;
            let mut ok = true;
            for _ in 0..3 {
                match it.next() {
                    Some(ch) if arabic_value(ch).is_some() => n += 1,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            let next_is_digit = it.next().is_some_and(|ch| arabic_value(ch).is_some());
            if ok && n == 3 && !next_is_digit {
                separated = true;
                group = 0;
                pos += c.len_utf8();
                continue;
            }
        }
        break;
    }
    if int_digits == 0 {
        return None;
    }
    // fractional part
    let mut decimal = false;
    if let Some(c) = s[pos..].chars().next() {
        let is_point = c == '.' || c == '．';
        let is_dot = c == '·' || c == '・';
        if is_point || is_dot {
            let after = &s[pos + c.len_utf8()..];
            let nd: usize = after
                .chars()
                .take_while(|&ch| arabic_value(ch).is_some())
                .map(char::len_utf8)
                .sum();
            let dot_ok = is_dot && {
                let rest = &after[nd..];
                rest.starts_with('%') || rest.starts_with('％')
            };
            if nd > 0 && (is_point || dot_ok) {
                let mut p2 = pos + c.len_utf8();
                for ch in after[..nd].chars() {
                    let d = arabic_value(ch)?;
                    if e < MAX_EXP {
                        m = m.checked_mul(10)?.checked_add(i128::from(d))?;
                        e += 1;
                    }
                    p2 += ch.len_utf8();
                }
                pos = p2;
                decimal = true;
            }
        }
    }
    Some((Dec { m, e }, pos, int_digits, decimal))
}

/// Chinese or Arabic digits after `点`: value (as a fraction) and bytes.
fn read_point_fraction(s: &str) -> Option<(Dec, usize)> {
    let mut m: i128 = 0;
    let mut e: u32 = 0;
    let mut pos = 0;
    let arabic = s.chars().next().and_then(arabic_value).is_some();
    for c in s.chars() {
        let d = if arabic {
            arabic_value(c)
        } else {
            chinese_digit(c)
        };
        let Some(d) = d else { break };
        if e < MAX_EXP {
            m = m.checked_mul(10)?.checked_add(i128::from(d))?;
            e += 1;
        }
        pos += c.len_utf8();
    }
    if pos == 0 {
        None
    } else {
        Some((Dec { m, e }, pos))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    Start,
    Digit,
    Arabic,
    Zero,
    Small,
    Big,
    More,
    Fraction,
}

/// The reader's state while it walks a numeral.
#[derive(Clone, Copy, Debug)]
struct State {
    total: Dec,
    max_big: u32,
    last_big: u32,
    section: Dec,
    last_small: u32,
    pending: Option<Dec>,
    /// The pending digit is one Chinese digit right after a scale of this power,
    /// with no `零` between: it may be an abbreviation (`三万五`).
    abbrev_after: u32,
    prev: Prev,
    /// Digits read one by one, while no scale has been seen.
    direct: u32,
    direct_val: Dec,
    first_digit: u8,
    last_digit: u8,
    range: bool,
    scale_seen: bool,
    approx: bool,
    decimal: bool,
    chinese: bool,
    arabic: bool,
    financial: bool,
    bare_lead: bool,
    arabic_digits: u32,
    /// Power of the big scale the numeral ends with.
    trailing_big: u32,
    /// The pending Arabic group is too short to end the numeral (`390万65`).
    short_group: bool,
    /// A decimal was scaled (`10.1万`): only a compound scale may follow.
    closed: bool,
}

impl State {
    fn new() -> State {
        State {
            total: Dec::ZERO,
            max_big: 0,
            last_big: 0,
            section: Dec::ZERO,
            last_small: 4,
            pending: None,
            abbrev_after: 0,
            prev: Prev::Start,
            direct: 0,
            direct_val: Dec::ZERO,
            first_digit: 0,
            last_digit: 0,
            range: false,
            scale_seen: false,
            approx: false,
            decimal: false,
            chinese: false,
            arabic: false,
            financial: false,
            bare_lead: false,
            arabic_digits: 0,
            trailing_big: 0,
            short_group: false,
            closed: false,
        }
    }

    /// The value if the numeral stopped here, or `None` if it cannot end here.
    fn finish(&self) -> Option<Dec> {
        match self.prev {
            Prev::Start | Prev::Zero | Prev::More => return None,
            Prev::Arabic if self.short_group => return None,
            _ => {}
        }
        if self.direct >= 2 && !self.scale_seen {
            if self.range {
                return Some(Dec::int(i128::from(self.first_digit)));
            }
            return Some(self.direct_val);
        }
        let mut v = self.total.add(self.section)?;
        if let Some(p) = self.pending {
            let contrib = if self.abbrev_after >= 2 {
                p.shift(self.abbrev_after - 1)?
            } else {
                p
            };
            v = v.add(contrib)?;
        }
        Some(v)
    }

    /// Adds the digit `d` (a plain Chinese digit, 几 counts as 0).
    fn digit(&mut self, d: u8, fin: bool, liang: bool, ji: bool) -> bool {
        match self.prev {
            Prev::Start => {
                if ji {
                    return false;
                }
                self.pending = Some(Dec::int(i128::from(d)));
                self.direct = 1;
                self.direct_val = Dec::int(i128::from(d));
                self.first_digit = d;
                self.last_digit = d;
            }
            Prev::Digit => {
                // digit after digit: digit-by-digit reading, only before any scale
                if self.scale_seen || self.direct == 0 || fin || liang || ji || self.decimal {
                    return false;
                }
                if self.financial {
                    return false;
                }
                self.direct += 1;
                let Some(v) = self
                    .direct_val
                    .mul_int(10)
                    .and_then(|v| v.add(Dec::int(i128::from(d))))
                else {
                    return false;
                };
                self.direct_val = v;
                // two adjacent digits such as 三四 or 三五 are a range
                self.range = self.direct == 2 && d > self.first_digit && d - self.first_digit <= 2;
                self.last_digit = d;
                self.pending = Some(v);
            }
            Prev::Small | Prev::Big | Prev::Zero => {
                if self.bare_lead && self.last_small >= 2 && self.total.is_zero() {
                    return false;
                }
                if self.closed {
                    return false;
                }
                self.abbrev_after = match self.prev {
                    Prev::Small => self.last_small,
                    Prev::Big => self.last_big,
                    _ => 0,
                };
                self.pending = Some(Dec::int(i128::from(d)));
                self.direct = 0;
            }
            Prev::Arabic | Prev::Fraction | Prev::More => return false,
        }
        if ji {
            self.approx = true;
        }
        self.prev = Prev::Digit;
        true
    }

    fn zero(&mut self) -> bool {
        if self.closed {
            return false;
        }
        match self.prev {
            Prev::Start => {
                self.pending = Some(Dec::ZERO);
                self.direct = 1;
                self.direct_val = Dec::ZERO;
                self.first_digit = 0;
                self.prev = Prev::Digit;
                true
            }
            Prev::Digit if self.direct >= 1 && !self.scale_seen && !self.financial => {
                self.direct += 1;
                match self.direct_val.mul_int(10) {
                    Some(v) => self.direct_val = v,
                    None => return false,
                }
                self.range = false;
                self.pending = Some(self.direct_val);
                true
            }
            Prev::Small | Prev::Big | Prev::Zero => {
                self.prev = Prev::Zero;
                true
            }
            _ => false,
        }
    }

    /// Leaves digit-by-digit mode when a scale follows: `三四百` is a range,
    /// `一九五八万` is not a numeral.
    fn end_direct(&mut self) -> bool {
        if self.direct >= 2 {
            if !self.range {
                return false;
            }
            self.approx = true;
            self.pending = Some(Dec::int(i128::from(self.first_digit)));
        }
        self.direct = 0;
        true
    }

    fn small(&mut self, p: u32) -> bool {
        if self.closed {
            return false;
        }
        if self.decimal && !(self.section.is_zero() && self.total.is_zero()) {
            return false;
        }
        if !self.end_direct() {
            return false;
        }
        if p >= self.last_small {
            return false;
        }
        if self.bare_lead && self.last_small >= 2 && self.total.is_zero() {
            // 百十一 is not a numeral
            return false;
        }
        let mult = match (self.prev, self.pending) {
            (Prev::Digit | Prev::Arabic, Some(v)) => v,
            (Prev::Fraction, Some(v)) if self.section.is_zero() => v,
            (Prev::Start, None) => {
                self.bare_lead = true;
                Dec::int(1)
            }
            (Prev::Big | Prev::Zero | Prev::Small, None) if p == 1 => Dec::int(1),
            // 一万零百一十一: a bare 百 after 零 (cn2an reads it as 一百)
            (Prev::Zero, None) => Dec::int(1),
            _ => return false,
        };
        let Some(add) = mult.shift(p) else {
            return false;
        };
        let Some(sec) = self.section.add(add) else {
            return false;
        };
        self.short_group = false;
        self.section = sec;
        self.pending = None;
        self.abbrev_after = 0;
        self.last_small = p;
        self.scale_seen = true;
        self.prev = Prev::Small;
        true
    }

    fn big(&mut self, p: u32) -> bool {
        if !self.end_direct() {
            return false;
        }
        let pending = self.pending.take().unwrap_or(Dec::ZERO);
        self.short_group = false;
        let has_section = !self.section.is_zero() || !pending.is_zero();
        match self.prev {
            Prev::Start => return false,
            Prev::Big if !has_section => {
                // 万万, 万亿: compound scale
                let np = self.last_big + p;
                if np > 16 {
                    return false;
                }
                let Some(t) = self.total.shift(p) else {
                    return false;
                };
                self.total = t;
                self.last_big = np;
                self.max_big = self.max_big.max(np);
            }
            Prev::Zero => return false,
            _ => {
                let Some(sec) = self.section.add(pending) else {
                    return false;
                };
                if sec.is_zero() {
                    return false;
                }
                if p > self.max_big {
                    let Some(t) = self.total.add(sec).and_then(|t| t.shift(p)) else {
                        return false;
                    };
                    self.total = t;
                    self.max_big = p;
                } else if p < self.last_big {
                    let Some(t) = sec.shift(p).and_then(|x| self.total.add(x)) else {
                        return false;
                    };
                    self.total = t;
                } else {
                    return false;
                }
                self.last_big = p;
            }
        }
        self.section = Dec::ZERO;
        self.last_small = 4;
        self.abbrev_after = 0;
        self.scale_seen = true;
        self.prev = Prev::Big;
        if self.decimal {
            self.closed = true;
        }
        true
    }

    fn arabic_group(&mut self, v: Dec, digits: u32, decimal: bool) -> bool {
        if self.closed {
            return false;
        }
        match self.prev {
            Prev::Start => {
                self.arabic_digits = digits;
            }
            Prev::Small | Prev::Big | Prev::Zero => {
                // 3万4000, 1百01, 2千零30万: the group fills the places below the
                // scale (all of them, unless a 零 marks the gap), so 390万65岁 is
                // two numbers, not 3900065
                let limit = match self.prev {
                    Prev::Small => self.last_small,
                    Prev::Big => self.last_big.min(4),
                    _ => {
                        if self.section.is_zero() {
                            self.last_big.min(4)
                        } else {
                            self.last_small
                        }
                    }
                };
                // a shorter group may only multiply a following scale: 5万4千
                self.short_group = self.prev != Prev::Zero && digits != limit;
                match Dec::pow10(limit) {
                    Some(l) if v.lt(Dec::int(l)) => {}
                    _ => return false,
                }
                if decimal {
                    return false;
                }
            }
            _ => return false,
        }
        self.pending = Some(v);
        self.abbrev_after = 0;
        self.direct = 0;
        if decimal {
            self.decimal = true;
        }
        self.prev = Prev::Arabic;
        true
    }

    fn point(&mut self, frac: Dec) -> bool {
        if self.decimal {
            return false;
        }
        match self.prev {
            Prev::Digit | Prev::Arabic => {
                if self.prev == Prev::Arabic {
                    return false; // 3点5 is a clock time
                }
                if self.direct >= 2 && !self.scale_seen {
                    if self.range {
                        return false;
                    }
                    let Some(v) = self.direct_val.add(frac) else {
                        return false;
                    };
                    self.direct_val = v;
                    self.pending = Some(v);
                } else {
                    let base = self.pending.unwrap_or(Dec::ZERO);
                    let base = if self.abbrev_after >= 2 {
                        return false;
                    } else {
                        base
                    };
                    let Some(v) = base.add(frac) else {
                        return false;
                    };
                    self.pending = Some(v);
                }
            }
            Prev::Small | Prev::Big => {
                let base = self.pending.unwrap_or(Dec::ZERO);
                let Some(v) = base.add(frac) else {
                    return false;
                };
                self.pending = Some(v);
            }
            _ => return false,
        }
        self.abbrev_after = 0;
        self.decimal = true;
        self.prev = Prev::Fraction;
        true
    }
}

/// Reads the longest numeral at the start of `s`.
///
/// Returns `None` when `s` does not start with a numeral. A single financial
/// capital (`陆` in `大陆`, `伍` in `队伍`) and a lone scale word (`万`) are not
/// numerals. A leading minus (`负`, `-`, `－`, `−`) is read as part of the numeral.
///
/// # Example
///
/// ```
/// use shuzhi::numeral::scan;
/// assert_eq!(scan("三千五百万元").unwrap().value, 35_000_000.0);
/// assert_eq!(scan("1.9万个").unwrap().value, 19_000.0);
/// assert_eq!(scan("二〇一九年").unwrap().value, 2019.0);
/// assert!(scan("大陆").is_none());
/// ```
pub fn scan(s: &str) -> Option<Numeral> {
    scan_signed(s, false)
}

/// Like [`scan`], but a single financial capital counts: after a marker such as
/// `分之` or `百分之`, `贰` in `五分之贰` cannot be a word.
///
/// # Example
///
/// ```
/// use shuzhi::numeral::{scan, scan_after_marker};
/// assert!(scan("贰").is_none());
/// assert_eq!(scan_after_marker("贰").unwrap().value, 2.0);
/// ```
pub fn scan_after_marker(s: &str) -> Option<Numeral> {
    scan_signed(s, true)
}

fn scan_signed(s: &str, single_financial: bool) -> Option<Numeral> {
    let (negative, start) = match s.chars().next()? {
        c @ ('负' | '負' | '-' | '－' | '−') => (true, c.len_utf8()),
        _ => (false, 0),
    };
    let mut n = scan_unsigned(&s[start..], single_financial)?;
    if negative {
        n.value = -n.value;
        n.len += start;
        n.chars += 1;
        n.negative = true;
    }
    Some(n)
}

fn scan_unsigned(s: &str, single_financial: bool) -> Option<Numeral> {
    let mut st = State::new();
    let mut pos = 0;
    let mut chars = 0usize;
    let mut best: Option<(usize, usize, Dec, State)> = None;
    while pos < s.len() {
        let rest = &s[pos..];
        let c = rest.chars().next()?;
        // spaces inside a numeral, next to a scale word: 7 万5 千4 百
        if c == ' ' && st.prev != Prev::Start {
            let nsp = rest.bytes().take_while(|&b| b == b' ').count();
            if nsp > 4 {
                break;
            }
            let Some(next) = rest[nsp..].chars().next() else {
                break;
            };
            let next_cls = classify(next);
            let prev_scale = matches!(st.prev, Prev::Small | Prev::Big | Prev::More);
            let next_scale = matches!(
                next_cls,
                Some(Cls::Small { .. } | Cls::Big { .. } | Cls::More | Cls::Ji | Cls::Point)
            );
            let next_num = next_cls.is_some();
            if next_num
                && (prev_scale || next_scale)
                && !(st.prev == Prev::Arabic && next_cls == Some(Cls::Arabic))
            {
                pos += nsp;
                chars += nsp;
                continue;
            }
            break;
        }
        let Some(cls) = classify(c) else { break };
        let clen = c.len_utf8();
        let mut used = clen;
        let mut used_chars = 1;
        let ok = match cls {
            Cls::Arabic => match read_arabic(rest) {
                Some((v, n, digits, decimal)) => {
                    used = n;
                    used_chars = rest[..n].chars().count();
                    st.arabic = true;
                    st.arabic_group(v, digits, decimal)
                }
                None => false,
            },
            Cls::Digit { d, fin, liang } => {
                if fin {
                    st.financial = true;
                }
                st.chinese = true;
                st.digit(d, fin, liang, false)
            }
            Cls::Ji => {
                st.chinese = true;
                st.digit(0, false, false, true)
            }
            Cls::Zero => {
                st.chinese = true;
                st.zero()
            }
            Cls::Tens { v } => {
                st.chinese = true;
                if matches!(st.prev, Prev::Start | Prev::Big | Prev::Zero) {
                    st.pending = Some(Dec::int(i128::from(v)));
                    st.prev = Prev::Digit;
                    st.direct = 0;
                    st.small(1)
                } else {
                    false
                }
            }
            Cls::Small { p, fin } => {
                if fin {
                    st.financial = true;
                }
                if st.prev != Prev::Start && METRIC.iter().any(|m| rest.starts_with(m)) {
                    false
                } else {
                    st.chinese = true;
                    st.small(p)
                }
            }
            Cls::Big { p } => {
                if st.prev != Prev::Start && METRIC.iter().any(|m| rest.starts_with(m)) {
                    false
                } else {
                    st.chinese = true;
                    st.big(p)
                }
            }
            Cls::More => {
                // 多 and 余 only before a big scale: 300多万, 十余万
                let after = rest[clen..].trim_start_matches(' ');
                let next_big = matches!(
                    after.chars().next().and_then(classify),
                    Some(Cls::Big { .. })
                );
                if next_big
                    && matches!(st.prev, Prev::Digit | Prev::Arabic | Prev::Small)
                    && st.direct < 2
                {
                    st.approx = true;
                    st.prev = Prev::More;
                    true
                } else {
                    false
                }
            }
            Cls::Point => {
                let after = &rest[clen..];
                let after_trim = after.trim_start_matches(' ');
                let skipped = after.len() - after_trim.len();
                match read_point_fraction(after_trim) {
                    Some((frac, n)) => {
                        used = clen + skipped + n;
                        used_chars = 1 + skipped + after_trim[..n].chars().count();
                        if after_trim.chars().next().and_then(arabic_value).is_some() {
                            st.arabic = true;
                        } else {
                            st.chinese = true;
                        }
                        st.point(frac)
                    }
                    None => false,
                }
            }
        };
        if !ok {
            break;
        }
        pos += used;
        chars += used_chars;
        if let Some(v) = st.finish() {
            if matches!(cls, Cls::Big { .. }) {
                st.trailing_big = st.last_big;
            } else {
                st.trailing_big = 0;
            }
            best = Some((pos, chars, v, st));
        }
    }
    let (len, chars, v, st) = best?;
    // a lone financial capital is a word (陆地, 队伍), not a number
    if st.financial && chars == 1 && !single_financial {
        return None;
    }
    let value = v.to_f64();
    if !value.is_finite() {
        return None;
    }
    let plain_arabic = st.arabic && !st.chinese;
    Some(Numeral {
        value,
        len,
        chars,
        chinese: st.chinese,
        arabic: st.arabic,
        scale: st.scale_seen,
        bare_lead: st.bare_lead,
        trailing_big: st.trailing_big,
        direct: if st.scale_seen { 0 } else { st.direct },
        approx: st.approx || st.range,
        range: st.range,
        decimal: st.decimal,
        negative: false,
        financial: st.financial,
        plain_arabic,
        arabic_digits: st.arabic_digits,
    })
}

/// Parses `s` (surrounding whitespace ignored) as one numeral, or a fraction.
///
/// # Example
///
/// ```
/// use shuzhi::numeral::parse;
/// assert_eq!(parse("四亿五千六百四十二万零一十五"), Some(456_420_015.0));
/// assert_eq!(parse("三点五"), Some(3.5));
/// assert_eq!(parse("23,876"), Some(23_876.0));
/// assert_eq!(parse("负3"), Some(-3.0));
/// assert_eq!(parse("十一十二"), None);
/// ```
pub fn parse(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Some((v, n)) = scan_fraction(s) {
        if n == s.len() {
            return Some(v);
        }
    }
    let n = scan(s)?;
    (n.len == s.len()).then_some(n.value)
}

/// Skips ASCII spaces.
fn skip_spaces(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b' ').count()
}

/// Reads a fraction at the start of `s`: `三分之一`, `五 分之 一`, `1/3`, `３／５`,
/// mixed numbers `三百五又三分之一`, `3又一千分之23`, `1 4/3`, and signs on either
/// part (`负3分之负157`). Returns the value and the bytes covered.
///
/// `百分之五` alone (no digit before `百`) is a percent, not a fraction, and is
/// left to the caller.
///
/// # Example
///
/// ```
/// use shuzhi::numeral::scan_fraction;
/// let (v, n) = scan_fraction("三分之一的村").unwrap();
/// assert!((v - 1.0 / 3.0).abs() < 1e-12);
/// assert_eq!(n, "三分之一".len());
/// assert_eq!(scan_fraction("2/3").unwrap().0, 2.0 / 3.0);
/// ```
pub fn scan_fraction(s: &str) -> Option<(f64, usize)> {
    let first = scan_after_marker(s)?;
    let mut pos = first.len;
    // mixed number: A 又 B分之C
    let sp = skip_spaces(&s[pos..]);
    if s[pos + sp..].starts_with('又') {
        let whole = first.value;
        let p2 = pos + sp + '又'.len_utf8();
        let p2 = p2 + skip_spaces(&s[p2..]);
        let (v, n) = scan_simple_fraction(&s[p2..])?;
        let v = if whole < 0.0 { whole - v } else { whole + v };
        return Some((v, p2 + n)).filter(|(v, _)| v.is_finite());
    }
    // mixed Arabic number with a space: 1 4/3
    if first.plain_arabic && !first.decimal && s[pos..].starts_with(' ') {
        let sp = skip_spaces(&s[pos..]);
        if sp == 1 {
            if let Some((v, n)) = scan_slash(&s[pos + sp..]) {
                let v = first.value + v;
                return Some((v, pos + sp + n)).filter(|(v, _)| v.is_finite());
            }
        }
    }
    let (v, n) = scan_simple_fraction(s)?;
    pos = n;
    Some((v, pos))
}

/// `B分之C` or `a/b`.
fn scan_simple_fraction(s: &str) -> Option<(f64, usize)> {
    if let Some(r) = scan_slash(s) {
        return Some(r);
    }
    let den = scan_after_marker(s)?;
    let mut pos = den.len;
    pos += skip_spaces(&s[pos..]);
    let rest = &s[pos..];
    let marker = if rest.starts_with("分之") {
        "分之".len()
    } else if rest.starts_with('分') {
        // 百 分 之 (spaces inside the marker)
        let a = '分'.len_utf8();
        let sp = skip_spaces(&rest[a..]);
        if rest[a + sp..].starts_with('之') {
            a + sp + '之'.len_utf8()
        } else {
            return None;
        }
    } else {
        return None;
    };
    pos += marker;
    pos += skip_spaces(&s[pos..]);
    let num = scan_after_marker(&s[pos..])?;
    if den.value == 0.0 {
        return None;
    }
    let v = num.value / den.value;
    let v = if den.negative && num.negative {
        v.abs()
    } else {
        v
    };
    v.is_finite().then_some((v, pos + num.len))
}

/// `a/b` with Arabic integers or decimals (`/` or `／`).
fn scan_slash(s: &str) -> Option<(f64, usize)> {
    let a = scan(s)?;
    if !a.plain_arabic {
        return None;
    }
    let rest = &s[a.len..];
    let slash = rest.chars().next()?;
    if slash != '/' && slash != '／' {
        return None;
    }
    let b = scan(&rest[slash.len_utf8()..])?;
    if !b.plain_arabic || b.negative || b.value == 0.0 {
        return None;
    }
    let v = a.value / b.value;
    v.is_finite()
        .then_some((v, a.len + slash.len_utf8() + b.len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_reject_covers_every_classified_character() {
        let mut known = 0;
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if classify_char(c).is_some() {
                known += 1;
                assert!(CLASSIFIED.contains(c), "{c} is missing from CLASSIFIED");
            }
            assert_eq!(classify(c), classify_char(c), "{c}");
        }
        assert_eq!(known, CLASSIFIED.chars().count());
    }
    use proptest::prelude::*;

    fn p(s: &str) -> Option<f64> {
        parse(s)
    }

    #[test]
    fn arabic() {
        assert_eq!(p("857"), Some(857.0));
        assert_eq!(p("23,876"), Some(23876.0));
        assert_eq!(p("23，876"), Some(23876.0));
        assert_eq!(p("1,100.9亿"), Some(110_090_000_000.0));
        assert_eq!(p("１１.92亿"), Some(1_192_000_000.0));
        assert_eq!(p("２．２亿"), Some(220_000_000.0));
        assert_eq!(p("-3"), Some(-3.0));
        assert_eq!(p("负3"), Some(-3.0));
        assert_eq!(p("10.1"), Some(10.1));
        assert_eq!(p("-10.1万"), Some(-101_000.0));
        assert_eq!(p("012"), Some(12.0));
        // a separator needs exactly three digits after it
        assert_eq!(scan("12,34个").unwrap().value, 12.0);
        assert_eq!(scan("2019，2020").unwrap().value, 2019.0);
        assert_eq!(scan("19·5％").unwrap().value, 19.5);
        assert_eq!(scan("4·11森林火灾").unwrap().value, 4.0);
    }

    #[test]
    fn chinese_values() {
        let cases: &[(&str, f64)] = &[
            ("零", 0.0),
            ("〇", 0.0),
            ("十", 10.0),
            ("十一", 11.0),
            ("一十一", 11.0),
            ("一百零一", 101.0),
            ("一千零十", 1010.0),
            ("一百十一", 111.0),
            ("三千五百万", 35_000_000.0),
            ("四亿五千六百四十二万零一十五", 456_420_015.0),
            ("五兆六十二亿四万五千二", 5_006_200_045_200.0),
            ("四万万", 400_000_000.0),
            ("二十一万亿", 21_000_000_000_000.0),
            ("一万五千亿", 1_500_000_000_000.0),
            ("一百零十万", 1_100_000.0),
            ("十万柒仟捌佰伍拾肆", 107_854.0),
            ("拾亿零六万零五百零六", 1_000_060_506.0),
            ("負四十五億零四百零四萬", -4_504_040_000.0),
            ("壹千兩百三十四萬", 12_340_000.0),
            ("三万五", 35_000.0),
            ("两千六", 2600.0),
            ("一百二十万三", 1_203_000.0),
            ("一亿五千万零六千三百五十五", 150_006_355.0),
            ("二〇〇二", 2002.0),
            ("一九五八", 1958.0),
            ("一七二零点一三四", 1720.134),
            ("三点五", 3.5),
            ("十二点五亿", 1_250_000_000.0),
            ("四百亿点零五零", 40_000_000_000.05),
            ("两千万点五五四四", 20_000_000.554_4),
            ("一点五万", 15_000.0),
            ("廿二", 22.0),
        ];
        for &(s, v) in cases {
            assert_eq!(p(s), Some(v), "{s}");
        }
    }

    #[test]
    fn mixed() {
        let cases: &[(&str, f64)] = &[
            ("1.2万", 12_000.0),
            ("5.8万", 58_000.0),
            ("1.9万", 19_000.0),
            ("5万4千6百", 54_600.0),
            ("5亿1万4千6百", 500_014_600.0),
            ("3万4000", 34_000.0),
            ("25万6千", 256_000.0),
            ("2千零30万", 20_300_000.0),
            ("1百01", 101.0),
            ("200亿零四千230", 20_000_004_230.0),
            ("100万三千", 1_003_000.0),
            ("一百点123", 100.123),
            ("4.78万亿", 4_780_000_000_000.0),
            ("10万万", 1_000_000_000.0),
            ("7 万5 千4 百", 75_400.0),
            ("1000  万", 10_000_000.0),
        ];
        for &(s, v) in cases {
            assert_eq!(p(s), Some(v), "{s}");
        }
    }

    #[test]
    fn approx_forms() {
        let n = scan("二十几万人").unwrap();
        assert_eq!((n.value, n.approx), (200_000.0, true));
        let n = scan("300多万名").unwrap();
        assert_eq!(
            (n.value, n.approx, n.len),
            (3_000_000.0, true, "300多万".len())
        );
        let n = scan("十 余 万").unwrap();
        assert_eq!((n.value, n.approx), (100_000.0, true));
        let n = scan("三四百").unwrap();
        assert_eq!((n.value, n.range), (300.0, true));
        let n = scan("五六个").unwrap();
        assert_eq!((n.value, n.range, n.len), (5.0, true, "五六".len()));
        // 多 not before a scale is left to the caller
        assert_eq!(scan("10多个").unwrap().len, 2);
    }

    #[test]
    fn rejects() {
        for s in [
            "",
            "万",
            "万万",
            "大陆",
            "队伍",
            "收拾",
            "两两",
            "点五",
            "十一十二",
            "陆续",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
        assert!(scan("陆地").is_none());
        assert!(scan("伍仁").is_none());
        // metric units that start with a scale word
        let n = scan("5千瓦").unwrap();
        assert_eq!((n.value, n.len), (5.0, 1));
        let n = scan("3兆瓦").unwrap();
        assert_eq!(n.value, 3.0);
        assert_eq!(scan("1000万千瓦").unwrap().value, 10_000_000.0);
        // 3点5 is a clock time, not 3.5
        assert_eq!(scan("3点5").unwrap().len, 1);
        // 一点 without a digit is "a little"
        assert_eq!(scan("一点").unwrap().len, "一".len());
    }

    #[test]
    fn fractions() {
        let f = |s: &str| scan_fraction(s).map(|x| x.0);
        assert!((f("三分之一").unwrap() - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(f("2/3"), Some(2.0 / 3.0));
        assert_eq!(f("３／５"), Some(0.6));
        assert_eq!(f("五 分之 一"), Some(0.2));
        assert_eq!(f("负一又二分之一"), Some(-1.5));
        assert_eq!(f("3又一千分之23"), Some(3.023));
        assert_eq!(f("一百分之2"), Some(0.02));
        assert_eq!(f("四千二分之三"), Some(3.0 / 4200.0));
        assert_eq!(f("1 4/3"), Some(1.0 + 4.0 / 3.0));
        assert!((f("负３分之负一百五十七").unwrap() - 157.0 / 3.0).abs() < 1e-12);
        assert_eq!(f("1/0"), None);
        assert_eq!(f("零分之一"), None);
    }

    // ---- reference writer: slow and obviously correct ----

    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// Writes 1..=9999 with the standard 零 rule inside a group.
    fn group(n: u64) -> String {
        let units = ["千", "百", "十", ""];
        let ds = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        let mut out = String::new();
        let mut started = false;
        let mut zero = false;
        for (i, &d) in ds.iter().enumerate() {
            if d == 0 {
                if started {
                    zero = true;
                }
            } else {
                if zero {
                    out.push('零');
                    zero = false;
                }
                out.push_str(DIGITS[usize::try_from(d).unwrap_or(0)]);
                out.push_str(units[i]);
                started = true;
            }
        }
        out
    }

    /// Writes `n` in standard Chinese: 亿 and 万 groups, one 零 for each gap.
    fn chinese(n: u64) -> String {
        if n == 0 {
            return "零".to_string();
        }
        let yi = n / 100_000_000;
        let wan = n / 10_000 % 10_000;
        let unit = n % 10_000;
        let mut s = String::new();
        if yi > 0 {
            s.push_str(&chinese(yi));
            s.push('亿');
        }
        if wan > 0 {
            if yi > 0 && wan < 1000 {
                s.push('零');
            }
            s.push_str(&group(wan));
            s.push('万');
        }
        if unit > 0 {
            if (yi > 0 || wan > 0) && (unit < 1000 || wan == 0) {
                s.push('零');
            }
            s.push_str(&group(unit));
        }
        // 一十 at the very start is written 十
        if let Some(rest) = s.strip_prefix("一十") {
            s = format!("十{rest}");
        }
        s
    }

    /// The same in financial capitals (no 十 shortening).
    fn financial(n: u64) -> String {
        let mut s = chinese(n);
        if s.starts_with('十') {
            s.insert(0, '一');
        }
        s.chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                '千' => '仟',
                c => c,
            })
            .collect()
    }

    /// Arabic groups with 亿 and 万, 零 marking a gap: 12亿3456万7890, 3亿零789.
    fn with_scales(n: u64) -> String {
        let yi = n / 100_000_000;
        let wan = n / 10_000 % 10_000;
        let unit = n % 10_000;
        let mut s = String::new();
        if yi > 0 {
            s.push_str(&format!("{yi}亿"));
        }
        if wan > 0 {
            if yi > 0 && wan < 1000 {
                s.push('零');
            }
            s.push_str(&format!("{wan}万"));
        }
        if unit > 0 || s.is_empty() {
            if (yi > 0 || wan > 0) && (unit < 1000 || wan == 0) {
                s.push('零');
            }
            s.push_str(&unit.to_string());
        }
        s
    }

    /// `n / 10^k` as a short decimal string followed by `suffix`: 1.9万.
    fn decimal_scale(n: u64, k: u32, suffix: &str) -> String {
        let d = 10u64.pow(k);
        let int = n / d;
        let frac = n % d;
        if frac == 0 {
            format!("{int}{suffix}")
        } else {
            let f = format!("{frac:0width$}", width = k as usize);
            format!("{int}.{}{suffix}", f.trim_end_matches('0'))
        }
    }

    #[test]
    fn reference_writer_examples() {
        assert_eq!(chinese(10), "十");
        assert_eq!(chinese(110), "一百一十");
        assert_eq!(chinese(100_010), "十万零一十");
        assert_eq!(chinese(100_001_000), "一亿零一千");
        assert_eq!(chinese(1_000_000_000_000), "一万亿");
        assert_eq!(with_scales(1_234_567_890), "12亿3456万7890");
        assert_eq!(with_scales(300_000_789), "3亿零789");
        // without 零 a short group after 万 is a separate number: 390万65岁
        assert_eq!(scan("390万65岁").unwrap().value, 3_900_000.0);
        assert_eq!(decimal_scale(19_000, 4, "万"), "1.9万");
    }

    #[test]
    fn small_integers_round_trip() {
        for n in 0..=20_000u64 {
            assert_eq!(parse(&chinese(n)), Some(n as f64), "{}", chinese(n));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn chinese_round_trip(n in 0u64..=1_000_000_000_000) {
            let s = chinese(n);
            prop_assert_eq!(parse(&s), Some(n as f64), "{}", s);
            let f = financial(n);
            prop_assert_eq!(parse(&f), Some(n as f64), "{}", f);
            let l = s.replace("二千", "两千").replace("二万", "两万").replace("二亿", "两亿");
            prop_assert_eq!(parse(&l), Some(n as f64), "{}", l);
        }

        #[test]
        fn scaled_digits_round_trip(n in 0u64..=1_000_000_000_000) {
            let s = with_scales(n);
            prop_assert_eq!(parse(&s), Some(n as f64), "{}", s);
            let w = decimal_scale(n, 4, "万");
            prop_assert_eq!(parse(&w), Some(n as f64), "{}", w);
            let y = decimal_scale(n, 8, "亿");
            prop_assert_eq!(parse(&y), Some(n as f64), "{}", y);
            let plain = n.to_string();
            prop_assert_eq!(parse(&plain), Some(n as f64));
        }

        #[test]
        fn chinese_followed_by_text(n in 1u64..=1_000_000_000_000) {
            // the numeral stops before a measure word
            let s = format!("{}个", chinese(n));
            let got = scan(&s).unwrap();
            prop_assert_eq!(got.value, n as f64);
            prop_assert_eq!(got.len, s.len() - "个".len());
        }

        #[test]
        fn scan_never_panics(s in "\\PC{0,24}") {
            if let Some(n) = scan(&s) {
                prop_assert!(n.value.is_finite());
                prop_assert!(n.len <= s.len() && s.is_char_boundary(n.len));
            }
            if let Some((v, n)) = scan_fraction(&s) {
                prop_assert!(v.is_finite());
                prop_assert!(n <= s.len() && s.is_char_boundary(n));
            }
        }

        #[test]
        fn scan_numeral_soup(s in "[零〇一二两三四五六七八九十百千万亿兆点几多余负0-9.,，/ ]{0,30}") {
            if let Some(n) = scan(&s) {
                prop_assert!(n.value.is_finite());
                prop_assert!(s.is_char_boundary(n.len));
            }
            let _ = scan_fraction(&s);
        }
    }
}
