//! Joining the numbers jieba cuts apart: `23` `,` `876` → `23,876`,
//! `1.9` `万元` → `1.9万` `元`, `三千五百` `万` → `三千五百万`.
//!
//! [`Number::at`] looks ahead from a token of jieba's output that
//! [`may_start_number`] accepts and finds where the number ends; the
//! segmenter then pushes it as one token.

use super::Token;

/// An ASCII or full-width digit.
const fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９')
}

/// A Chinese numeral character, ordinary or financial.
const fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '壹'
            | '贰'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

/// A magnitude that may follow Arabic digits as a whole token (`5千万`).
fn is_magnitude(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// What a token can be in a number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits with at most one decimal point and an optional `%`; `int` is
    /// the number of digits before the point.
    Arabic { int: usize, point: bool, pct: bool },
    /// Chinese numerals only.
    Chinese,
    /// `,` or `，`.
    Comma,
    /// `.` or `．`.
    Point,
    /// `%`, `％`, `‰` or `‱`.
    Percent,
    /// Anything else.
    Other,
}

fn kind(s: &str) -> Kind {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return Kind::Other;
    };
    if is_digit(first) {
        let (mut int, mut frac, mut point, mut pct) = (1, 0, false, false);
        for c in chars {
            if pct {
                return Kind::Other;
            } else if is_digit(c) {
                if point {
                    frac += 1;
                } else {
                    int += 1;
                }
            } else if c == '.' && !point {
                point = true;
            } else if c == '%' {
                pct = true;
            } else {
                return Kind::Other;
            }
        }
        if point && frac == 0 {
            return Kind::Other;
        }
        return Kind::Arabic { int, point, pct };
    }
    if is_cn_numeral(first) {
        return if chars.all(is_cn_numeral) {
            Kind::Chinese
        } else {
            Kind::Other
        };
    }
    if chars.next().is_some() {
        return Kind::Other;
    }
    match first {
        ',' | '，' => Kind::Comma,
        '.' | '．' => Kind::Point,
        '%' | '％' | '‰' | '‱' => Kind::Percent,
        _ => Kind::Other,
    }
}

/// A set of characters as a bitmap over the Basic Multilingual Plane.
type CharMap = [u64; 1024];

/// The map of digits and Chinese numerals, and with `separators` also of
/// decimal points, thousands separators and percent signs.
const fn char_map(separators: bool) -> CharMap {
    let mut map = [0u64; 1024];
    let mut c = 0;
    while c < 0x1_0000 {
        if let Some(ch) = char::from_u32(c) {
            let separator = matches!(ch, ',' | '，' | '.' | '．' | '%' | '％' | '‰' | '‱');
            if is_digit(ch) || is_cn_numeral(ch) || (separators && separator) {
                map[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        c += 1;
    }
    map
}

/// The characters a number can start with: ASCII and full-width digits and
/// Chinese numerals.
static NUMBER_START: CharMap = char_map(false);

/// The characters the token after a number's first token can start with if
/// the two are to be joined: digits, numerals, separators, percent signs.
static NUMBER_CONTINUE: CharMap = char_map(true);

/// Whether the first character of `s` is in `map`: a few instructions,
/// since this runs on every token. Every character in the maps is ASCII
/// or three bytes long in UTF-8.
#[inline]
fn starts_with_one_of(map: &CharMap, s: &str) -> bool {
    let c = match *s.as_bytes() {
        [b, ..] if b < 0x80 => u32::from(b),
        [b0, b1, b2, ..] if b0 & 0xF0 == 0xE0 => {
            (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F)
        }
        _ => return false,
    };
    map[(c >> 6) as usize] >> (c & 63) & 1 == 1
}

/// Whether a token could start a number.
#[inline]
pub(super) fn may_start_number(s: &str) -> bool {
    starts_with_one_of(&NUMBER_START, s)
}

/// What number joining needs from a token of jieba's output.
pub(super) trait Piece {
    fn word(&self) -> &str;
    fn byte_start(&self) -> usize;
    fn byte_end(&self) -> usize;
}

impl Piece for jieba_rs::Token<'_> {
    fn word(&self) -> &str {
        self.word
    }
    fn byte_start(&self) -> usize {
        self.byte_start
    }
    fn byte_end(&self) -> usize {
        self.byte_end
    }
}

impl Piece for Token<'_> {
    fn word(&self) -> &str {
        self.text
    }
    fn byte_start(&self) -> usize {
        self.start
    }
    fn byte_end(&self) -> usize {
        self.end
    }
}

/// Join the numbers among `tokens`, tokens of `text` without parts of
/// speech, in place.
pub(super) fn join_in_place<'a>(text: &'a str, tokens: &mut Vec<Token<'a>>) {
    let n = tokens.len();
    // Nothing moves before the first number.
    let Some(mut r) = tokens.iter().position(|t| may_start_number(t.text)) else {
        return;
    };
    let mut w = r;
    while let Some(&t) = tokens.get(r) {
        if may_start_number(t.text) {
            if let Some(number) = Number::at(text, tokens, r) {
                // `w <= r`, and the number's tokens have been read.
                r = number.write(tokens, w);
                w += 1 + usize::from(number.rest.is_some());
                continue;
            }
        }
        if w != r {
            tokens[w] = t;
        }
        w += 1;
        r += 1;
    }
    debug_assert!(w <= n);
    tokens.truncate(w);
}

impl Piece for jieba_rs::Tag<'_> {
    fn word(&self) -> &str {
        self.word
    }
    fn byte_start(&self) -> usize {
        self.byte_start
    }
    fn byte_end(&self) -> usize {
        self.byte_end
    }
}

/// A number made of several of jieba's tokens, found by [`Number::at`].
pub(super) struct Number<'a> {
    /// The whole number, a slice of the chunk.
    text: &'a str,
    /// Its span in the chunk.
    start: usize,
    end: usize,
    /// What is left of the token whose leading 万/亿 joined the number
    /// (`元` of `万元`), with its end in the chunk.
    rest: Option<(&'a str, usize)>,
    /// Index of the first token after the number's whole tokens (the one
    /// split when `rest` is set).
    pub(super) next: usize,
}

impl<'a> Number<'a> {
    /// The number starting at `pieces[i]`, if it spans more than that token.
    pub(super) fn at<P: Piece>(chunk: &'a str, pieces: &[P], i: usize) -> Option<Number<'a>> {
        let first = pieces.get(i)?;
        // Most tokens that start with a digit or numeral are whole already
        // (`2019` before `年`, `一些`): one look at the next token's first
        // character tells.
        if !starts_with_one_of(&NUMBER_CONTINUE, pieces.get(i + 1)?.word()) {
            return None;
        }
        let (next, peel) = match kind(first.word()) {
            Kind::Arabic { int, point, pct } => arabic_end(pieces, i, int, point, pct),
            Kind::Chinese => chinese_end(pieces, i),
            _ => return None,
        };
        let start = first.byte_start();
        let (end, rest_end) = match pieces.get(next) {
            Some(after) if peel > 0 => (after.byte_start() + peel, Some(after.byte_end())),
            _ if next > i + 1 => (pieces.get(next - 1)?.byte_end(), None),
            _ => return None,
        };
        // Slicing checks the spans; jieba's are contiguous and on char
        // boundaries, and if they were not the tokens would stay unjoined.
        let text = chunk.get(start..end)?;
        let rest = match rest_end {
            Some(e) => Some((chunk.get(end..e)?, e)),
            None => None,
        };
        Some(Number {
            text,
            start,
            end,
            rest,
            next,
        })
    }

    /// Write the number (and the rest of a split token) over `tokens[w..]`,
    /// which the number's own tokens begin at or after, and return the index
    /// of the next token to read.
    fn write(&self, tokens: &mut [Token<'a>], w: usize) -> usize {
        tokens[w] = Token {
            text: self.text,
            start: self.start,
            end: self.end,
            pos: None,
        };
        match self.rest {
            Some((rest, end)) => {
                tokens[w + 1] = Token {
                    text: rest,
                    start: self.end,
                    end,
                    pos: None,
                };
                self.next + 1
            }
            None => self.next,
        }
    }

    /// Push the number (and the rest of a split token) onto `tokens`, with
    /// spans shifted by the chunk's `offset`, and return the index of the
    /// next token to read. `pos` is the number's part of speech and
    /// `rest_pos` gives the rest's.
    pub(super) fn push(
        self,
        offset: usize,
        tokens: &mut Vec<Token<'a>>,
        pos: Option<&'a str>,
        rest_pos: impl FnOnce(&'a str) -> Option<&'a str>,
    ) -> usize {
        tokens.push(Token {
            text: self.text,
            start: offset + self.start,
            end: offset + self.end,
            pos,
        });
        match self.rest {
            Some((rest, end)) => {
                tokens.push(Token {
                    text: rest,
                    start: offset + self.end,
                    end: offset + end,
                    pos: rest_pos(rest),
                });
                self.next + 1
            }
            None => self.next,
        }
    }
}

/// The digits of the digit-only tokens from `i` (full-width digits come one
/// token each): the index after them, and their digit count, counting no
/// further than `cap` digits. A trailing `Arabic` token with a point or `%`
/// is included, and reported.
fn digit_group<P: Piece>(pieces: &[P], mut i: usize, cap: usize) -> (usize, usize, Option<Kind>) {
    let mut digits = 0;
    while let Some(t) = pieces.get(i) {
        match kind(t.word()) {
            Kind::Arabic {
                int,
                point: false,
                pct: false,
            } => {
                digits += int;
                i += 1;
                if digits > cap {
                    break;
                }
            }
            k @ Kind::Arabic { int, .. } => return (i + 1, digits + int, Some(k)),
            _ => break,
        }
    }
    (i, digits, None)
}

/// Where the Arabic number starting at token `r` ends: the index after its
/// last whole token, and how many leading bytes (万/亿) of the next token
/// belong to it.
fn arabic_end<P: Piece>(
    pieces: &[P],
    r: usize,
    int: usize,
    mut point: bool,
    mut pct: bool,
) -> (usize, usize) {
    let mut k = r + 1;
    // Digits of the group being read, for the thousands-separator rule.
    let mut group = int;
    let mut grouped = false;
    while !pct {
        let Some(t) = pieces.get(k) else { break };
        match kind(t.word()) {
            // Full-width digits come one token each.
            Kind::Arabic {
                int,
                point: p,
                pct: q,
            } if !(point && p) => {
                if !point {
                    group += int;
                }
                point |= p;
                pct |= q;
                k += 1;
            }
            Kind::Comma if !point && (1..=3).contains(&group) && (group == 3 || !grouped) => {
                match digit_group(pieces, k + 1, 3) {
                    (end, 3, last) => {
                        if let Some(Kind::Arabic {
                            point: p, pct: q, ..
                        }) = last
                        {
                            point |= p;
                            pct |= q;
                        }
                        group = 3;
                        grouped = true;
                        k = end;
                    }
                    _ => break,
                }
            }
            Kind::Point if !point => match digit_group(pieces, k + 1, usize::MAX) {
                (end, d, last) if d > 0 => {
                    if let Some(Kind::Arabic { point: true, .. }) = last {
                        break; // 1.2.3: a version, not a decimal
                    }
                    if let Some(Kind::Arabic { pct: q, .. }) = last {
                        pct |= q;
                    }
                    point = true;
                    k = end;
                }
                _ => break,
            },
            Kind::Percent => {
                pct = true;
                k += 1;
            }
            _ => break,
        }
    }
    if pct {
        return (k, 0);
    }
    let Some(t) = pieces.get(k) else {
        return (k, 0);
    };
    if t.word().chars().all(is_magnitude) {
        return (k + 1, 0);
    }
    (k, wan_yi_prefix(t.word()))
}

/// Where the run of Chinese numerals starting at token `r` ends, as for
/// [`arabic_end`]: a following token whose leading numerals are 万/亿 gives
/// them up (`三千五百` `万元`), and after two or more numeral tokens any
/// leading numerals (`二` `〇` `一` `九年`).
fn chinese_end<P: Piece>(pieces: &[P], r: usize) -> (usize, usize) {
    let mut k = r + 1;
    while pieces
        .get(k)
        .is_some_and(|t| kind(t.word()) == Kind::Chinese)
    {
        k += 1;
    }
    let Some(t) = pieces.get(k) else {
        return (k, 0);
    };
    let word = t.word();
    let wan = wan_yi_prefix(word);
    if wan > 0 || k - r < 2 {
        return (k, wan);
    }
    let lead: usize = word
        .chars()
        .take_while(|&c| is_cn_numeral(c))
        .map(char::len_utf8)
        .sum();
    (k, if lead < word.len() { lead } else { 0 })
}

/// Byte length of the leading 万/亿 of `s`, if something follows them.
fn wan_yi_prefix(s: &str) -> usize {
    let n: usize = s
        .chars()
        .take_while(|&c| c == '万' || c == '亿')
        .map(char::len_utf8)
        .sum();
    if n < s.len() {
        n
    } else {
        0
    }
}
