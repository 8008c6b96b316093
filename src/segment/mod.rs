//! Word segmentation: jieba-rs extended with a party-building and government
//! dictionary, with numbers kept whole.
//!
//! This is the only module of the crate that touches `jieba_rs`. A
//! [`Segmenter`] owns one jieba instance, built once from jieba's embedded
//! dictionary, the embedded domain dictionary (`data/domain_dict.txt`, about
//! 1,700 terms such as 三会一课, 两个维护, 全面从严治党) and any user
//! dictionaries given to its [`SegmenterBuilder`]. After that it is
//! immutable: every method takes `&self`, and one `Segmenter` serves all
//! threads (jieba keeps its scratch buffers per thread).
//!
//! jieba cuts `23,876` into `23` `,` `876` and `1.9万` into `1.9` `万`; the
//! segmenter joins them again, so that every number is one [`Token`]:
//! thousands separators (`23,876`, `23，876`), decimals, percent signs,
//! 万/亿 magnitudes, full-width digits and runs of Chinese numerals
//! (`三千五百万`).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use jieba_rs::Jieba;

use crate::error::{Error, ErrorKind, Result};

/// The embedded domain dictionary, in jieba's `word freq pos` format.
const DOMAIN_DICT: &str = include_str!("../../data/domain_dict.txt");

/// What the hash records for jieba's own dictionary: the jieba-rs series
/// whose embedded dictionary is used (pinned by `Cargo.toml`).
const JIEBA_DICT_ID: &str = "jieba-rs 0.11 embedded dict.txt";

/// The largest frequency a user dictionary entry may carry. jieba adds
/// frequencies into one total, so an absurd value could overflow it.
const MAX_FREQ: u64 = 100_000_000;

/// One segmented word: a slice of the input with its byte span.
///
/// # Numbering
///
/// `start` and `end` are byte offsets into the text given to
/// [`Segmenter::tokens`] or [`Segmenter::tagged`], half-open (`start..end`),
/// and always on UTF-8 character boundaries, so `&text[start..end]` is
/// `self.text`. Tokens come in text order and cover the whole input:
/// concatenating their `text` gives the input back, whitespace and
/// punctuation included.
///
/// # Example
///
/// ```
/// use shuzhi::Segmenter;
///
/// let seg = Segmenter::new();
/// let text = "全年排查隐患1.9万处，整改率95%。";
/// let tokens = seg.tokens(text);
/// let t = tokens.iter().find(|t| t.text == "1.9万").unwrap();
/// assert_eq!(&text[t.start..t.end], "1.9万");
/// assert_eq!(t.range(), 18..24);
/// assert!(tokens.iter().any(|t| t.text == "95%"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, a slice of the input.
    pub text: &'a str,
    /// Byte offset of the first byte of the token.
    pub start: usize,
    /// Byte offset one past the last byte of the token.
    pub end: usize,
    /// Part of speech in jieba's tag set (`n`, `v`, `m`, `nz`…): filled by
    /// [`Segmenter::tagged`] when one is known, `None` from
    /// [`Segmenter::tokens`]. Joined numbers are tagged `m`.
    pub pos: Option<&'a str>,
}

impl Token<'_> {
    /// The byte span `start..end`.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Whether a [`Segmenter`] loads the embedded domain dictionary.
///
/// ```
/// use shuzhi::{DomainDict, Segmenter};
///
/// let bare = Segmenter::builder().domain_dict(DomainDict::Off).build().unwrap();
/// assert_eq!(bare.dictionaries(), ["jieba-default"]);
/// let words: Vec<&str> = bare.tokens("落实三会一课").iter().map(|t| t.text).collect();
/// assert_ne!(words, ["落实", "三会一课"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DomainDict {
    /// Load `data/domain_dict.txt`, compiled into the crate (the default).
    #[default]
    Embedded,
    /// Use jieba's dictionary and the user dictionaries only.
    Off,
}

/// A user dictionary waiting to be loaded.
#[derive(Debug, Clone)]
enum UserDict {
    File(PathBuf),
    Bytes(Vec<u8>),
    Words(Vec<String>),
}

/// Configures and builds a [`Segmenter`].
///
/// User dictionaries are loaded in the order given, after the domain
/// dictionary, so a later entry overrides an earlier one. Files and bytes use
/// jieba's user-dictionary format, one entry a line: `word [freq] [pos]`,
/// separated by spaces or tabs. Without a frequency the word gets the
/// smallest one that keeps it whole (jieba's `suggest_freq`). Blank lines
/// and lines starting with `#` are skipped, and so is a leading UTF-8 BOM. A
/// word already in jieba's dictionary keeps its part of speech; only its
/// frequency changes.
///
/// # Example
///
/// ```
/// use shuzhi::Segmenter;
///
/// let seg = Segmenter::builder()
///     .user_dict_bytes("揭榜挂帅制 500 n\n# 注释行\n赛马争先\n")
///     .words(["领办代办"])
///     .build()
///     .unwrap();
/// assert_eq!(seg.dictionaries(), ["jieba-default", "shuzhi-domain", "bytes", "words"]);
/// let words: Vec<&str> = seg.tokens("推行领办代办和揭榜挂帅制").iter().map(|t| t.text).collect();
/// assert_eq!(words, ["推行", "领办代办", "和", "揭榜挂帅制"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SegmenterBuilder {
    domain: DomainDict,
    user: Vec<UserDict>,
}

impl SegmenterBuilder {
    /// A builder with the embedded domain dictionary and no user dictionary.
    #[must_use]
    pub fn new() -> SegmenterBuilder {
        SegmenterBuilder::default()
    }

    /// Add a user dictionary file, read when [`build`](Self::build) runs.
    #[must_use]
    pub fn user_dict_file(mut self, path: impl AsRef<Path>) -> Self {
        self.user.push(UserDict::File(path.as_ref().to_path_buf()));
        self
    }

    /// Add a user dictionary held in memory (UTF-8, same format as a file).
    #[must_use]
    pub fn user_dict_bytes(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.user.push(UserDict::Bytes(bytes.into()));
        self
    }

    /// Add words, each with the smallest frequency that keeps it whole and
    /// no part of speech. A word must be non-empty and contain no whitespace.
    #[must_use]
    pub fn words<I: IntoIterator<Item = S>, S: Into<String>>(mut self, words: I) -> Self {
        self.user
            .push(UserDict::Words(words.into_iter().map(Into::into).collect()));
        self
    }

    /// Choose whether to load the embedded domain dictionary.
    #[must_use]
    pub fn domain_dict(mut self, on: DomainDict) -> Self {
        self.domain = on;
        self
    }

    /// Load the dictionaries and build the segmenter.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Dictionary`] when a user dictionary file cannot be read,
    /// or an entry is malformed (invalid UTF-8, a frequency that is not a
    /// whole number up to 100,000,000, more than three fields, an empty
    /// word or one with whitespace in it). The message names the dictionary
    /// (`file:PATH`, `bytes`, `words`) and the line or entry number.
    pub fn build(self) -> Result<Segmenter> {
        let (mut seg, mut hasher) = Segmenter::base(self.domain);
        let mut total_freq: u64 = 0;
        for dict in self.user {
            let (name, content) = match dict {
                UserDict::File(path) => {
                    let name = format!("file:{}", path.display());
                    let bytes = std::fs::read(&path).map_err(|e| {
                        Error::with_source(
                            ErrorKind::Dictionary,
                            format!("cannot read user dictionary {name}"),
                            e,
                        )
                    })?;
                    seg.load_user_dict(&name, &bytes, &mut total_freq)?;
                    (name, bytes)
                }
                UserDict::Bytes(bytes) => {
                    let name = String::from("bytes");
                    seg.load_user_dict(&name, &bytes, &mut total_freq)?;
                    (name, bytes)
                }
                UserDict::Words(words) => {
                    let mut content = Vec::new();
                    for (i, word) in words.iter().enumerate() {
                        if word.is_empty() || word.chars().any(char::is_whitespace) {
                            return Err(Error::new(
                                ErrorKind::Dictionary,
                                format!(
                                    "user dictionary words, entry {}: `{}` is empty or \
                                     contains whitespace",
                                    i + 1,
                                    word.escape_debug()
                                ),
                            ));
                        }
                        let freq = seg.jieba.suggest_freq(word);
                        seg.jieba.add_word(word, Some(freq), None);
                        content.extend_from_slice(word.as_bytes());
                        content.push(b'\n');
                    }
                    ("words".to_string(), content)
                }
            };
            hasher.dictionary(&name, &content);
            seg.dictionaries.push(name);
        }
        seg.dict_hash = hasher.hex();
        Ok(seg)
    }
}

/// jieba-rs with the domain dictionary, shared by reference across threads.
///
/// Build it once ([`Segmenter::new`] or [`Segmenter::builder`]) and share it:
/// building loads jieba's 350,000-word dictionary and takes a noticeable
/// fraction of a second, while segmenting needs only `&self`.
///
/// # Example
///
/// ```
/// use shuzhi::Segmenter;
///
/// let seg = Segmenter::new();
/// let text = "坚持三会一课，增强四个意识，全年发展党员2,350名。";
/// let words: Vec<&str> = seg.tokens(text).iter().map(|t| t.text).collect();
/// assert!(words.contains(&"三会一课"));
/// assert!(words.contains(&"四个意识"));
/// assert!(words.contains(&"2,350"));
/// assert_eq!(words.concat(), text);
///
/// let tagged = seg.tagged("全面从严治党");
/// assert_eq!(tagged[0].text, "全面从严治党");
/// assert_eq!(tagged[0].pos, Some("l"));
/// ```
#[derive(Clone)]
pub struct Segmenter {
    jieba: Jieba,
    dictionaries: Vec<String>,
    dict_hash: String,
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter")
            .field("dictionaries", &self.dictionaries)
            .field("dict_hash", &self.dict_hash)
            .finish_non_exhaustive()
    }
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// A segmenter with jieba's embedded dictionary and the embedded domain
    /// dictionary. Each call builds a new one; build it once and share it.
    #[must_use]
    pub fn new() -> Segmenter {
        let (mut seg, hasher) = Segmenter::base(DomainDict::Embedded);
        seg.dict_hash = hasher.hex();
        seg
    }

    /// A builder for a segmenter with user dictionaries or without the
    /// domain dictionary.
    #[must_use]
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder::new()
    }

    /// jieba's dictionary plus, if asked, the domain dictionary, and the hash
    /// so far. Cannot fail: the embedded dictionary is checked by the tests.
    fn base(domain: DomainDict) -> (Segmenter, Fnv1a) {
        let mut jieba = Jieba::new();
        let mut hasher = Fnv1a::new();
        hasher.dictionary("jieba-default", JIEBA_DICT_ID.as_bytes());
        let mut dictionaries = vec![String::from("jieba-default")];
        if domain == DomainDict::Embedded {
            for line in DOMAIN_DICT.lines() {
                if let Ok(Some(entry)) = parse_entry(line) {
                    jieba.add_word(entry.word, entry.freq, entry.tag);
                }
            }
            hasher.dictionary("shuzhi-domain", DOMAIN_DICT.as_bytes());
            dictionaries.push(String::from("shuzhi-domain"));
        }
        (
            Segmenter {
                jieba,
                dictionaries,
                dict_hash: String::new(),
            },
            hasher,
        )
    }

    /// Parse and add one user dictionary in jieba's format.
    fn load_user_dict(&mut self, name: &str, bytes: &[u8], total_freq: &mut u64) -> Result<()> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        // Parse everything first, so a bad line leaves nothing half-loaded.
        let mut entries = Vec::new();
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let bad = |msg: String| {
                Error::new(
                    ErrorKind::Dictionary,
                    format!("user dictionary {name}, line {}: {msg}", i + 1),
                )
            };
            let line =
                std::str::from_utf8(line).map_err(|e| bad(format!("not valid UTF-8 ({e})")))?;
            if let Some(entry) = parse_entry(line).map_err(bad)? {
                if let Some(f) = entry.freq {
                    *total_freq = total_freq.saturating_add(f as u64);
                    if *total_freq > MAX_FREQ.saturating_mul(1000) {
                        return Err(bad("frequencies add up to too much".to_string()));
                    }
                }
                entries.push(entry);
            }
        }
        for entry in entries {
            let freq = match entry.freq {
                Some(f) => f,
                None => self.jieba.suggest_freq(entry.word),
            };
            self.jieba.add_word(entry.word, Some(freq), entry.tag);
        }
        Ok(())
    }

    /// Segment `text` into words, with jieba's HMM for unknown words.
    ///
    /// The tokens cover `text` exactly and in order (see [`Token`]); `pos`
    /// is `None`. Numbers are joined into one token each. Never panics.
    ///
    /// ```
    /// use shuzhi::Segmenter;
    ///
    /// let seg = Segmenter::new();
    /// let words: Vec<&str> =
    ///     seg.tokens("第一书记带领村两委整县推进").iter().map(|t| t.text).collect();
    /// assert_eq!(words, ["第一书记", "带领", "村两委", "整县推进"]);
    /// ```
    #[must_use]
    pub fn tokens<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        let mut tokens = Vec::with_capacity(initial_capacity(text));
        for (offset, chunk) in chunks(text) {
            let cut = self.jieba.cut(chunk, true);
            tokens.reserve(cut.len());
            let mut i = 0;
            while let Some(t) = cut.get(i) {
                if may_start_number(t.word) {
                    if let Some(number) = Number::at(chunk, &cut, i) {
                        i = number.push(offset, &mut tokens, None, |_| None);
                        continue;
                    }
                }
                tokens.push(Token {
                    text: t.word,
                    start: offset + t.byte_start,
                    end: offset + t.byte_end,
                    pos: None,
                });
                i += 1;
            }
        }
        tokens
    }

    /// Segment `text` like [`tokens`](Self::tokens), with each token's part
    /// of speech in `pos` (jieba's tag set; `m` for joined numbers; `None`
    /// for a word added without a tag).
    ///
    /// ```
    /// use shuzhi::Segmenter;
    ///
    /// let seg = Segmenter::new();
    /// let tagged = seg.tagged("讲党课5.8万次");
    /// let pairs: Vec<(&str, Option<&str>)> = tagged.iter().map(|t| (t.text, t.pos)).collect();
    /// assert_eq!(pairs, [("讲", Some("v")), ("党课", Some("n")), ("5.8万", Some("m")), ("次", Some("q"))]);
    /// ```
    #[must_use]
    pub fn tagged<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        let mut tokens = Vec::with_capacity(initial_capacity(text));
        for (offset, chunk) in chunks(text) {
            let tags = self.jieba.tag(chunk, true);
            tokens.reserve(tags.len());
            let mut i = 0;
            while let Some(t) = tags.get(i) {
                if may_start_number(t.word) {
                    if let Some(number) = Number::at(chunk, &tags, i) {
                        let rest_tag = tags.get(number.next).and_then(|t| tag(t.tag));
                        i = number.push(offset, &mut tokens, Some("m"), |rest| {
                            match self.jieba.tag(rest, true).as_slice() {
                                [one] => tag(one.tag),
                                _ => rest_tag,
                            }
                        });
                        continue;
                    }
                }
                // jieba ties the word's lifetime to the segmenter as well as
                // to the text: take it from the text itself, and the tag
                // from the static table.
                let Some(word) = chunk.get(t.byte_start..t.byte_end) else {
                    return self.tokens(text);
                };
                tokens.push(Token {
                    text: word,
                    start: offset + t.byte_start,
                    end: offset + t.byte_end,
                    pos: tag(t.tag),
                });
                i += 1;
            }
        }
        tokens
    }

    /// The dictionaries loaded, in order: `"jieba-default"`, then
    /// `"shuzhi-domain"` unless it was turned off, then one name per user
    /// dictionary (`"file:PATH"`, `"bytes"` or `"words"`).
    #[must_use]
    pub fn dictionaries(&self) -> &[String] {
        &self.dictionaries
    }

    /// A hash of the dictionaries used, as 16 hex digits, for reproducing a
    /// run: FNV-1a (64 bit) over each dictionary's name and contents in
    /// order (for jieba's dictionary, the jieba-rs series). The same
    /// dictionaries give the same hash on every platform and Rust release.
    ///
    /// ```
    /// use shuzhi::Segmenter;
    ///
    /// let plain = Segmenter::new();
    /// let custom = Segmenter::builder().words(["领办代办"]).build().unwrap();
    /// assert_eq!(plain.dict_hash().len(), 16);
    /// assert_ne!(plain.dict_hash(), custom.dict_hash());
    /// ```
    #[must_use]
    pub fn dict_hash(&self) -> &str {
        &self.dict_hash
    }
}

/// Bytes of text segmented per jieba call: small enough that jieba's output
/// is still in cache when it is converted and its numbers joined.
const CHUNK_BYTES: usize = 1 << 14;

/// Split `text` into pieces of about [`CHUNK_BYTES`], each ending just after
/// a `\n` (or at the end of the text), with their byte offsets. jieba never
/// joins anything across a line break and neither does number joining, so
/// segmenting the pieces one by one gives the same tokens as the whole.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = text.get(at..).filter(|r| !r.is_empty())?;
        let len = match rest.as_bytes().get(CHUNK_BYTES..) {
            None => rest.len(),
            Some(tail) => memchr::memchr(b'\n', tail).map_or(rest.len(), |i| CHUNK_BYTES + i + 1),
        };
        let chunk = rest.get(..len).unwrap_or(rest);
        let offset = at;
        at += chunk.len();
        Some((offset, chunk))
    })
}

/// A first guess at the number of tokens: one per four bytes covers most
/// Chinese prose (three bytes a character, words of one to four characters).
fn initial_capacity(text: &str) -> usize {
    text.len() / 4 + 8
}

/// One parsed dictionary line.
struct Entry<'s> {
    word: &'s str,
    freq: Option<usize>,
    tag: Option<&'s str>,
}

/// Parse a `word [freq] [pos]` line; `Ok(None)` for a blank or `#` line.
fn parse_entry(line: &str) -> std::result::Result<Option<Entry<'_>>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let mut fields = line.split_whitespace();
    let Some(word) = fields.next() else {
        return Ok(None);
    };
    let second = fields.next();
    let third = fields.next();
    if fields.next().is_some() {
        return Err(format!(
            "`{line}`: expected `word [freq] [pos]`, found more fields"
        ));
    }
    let (freq, tag) = match (second, third) {
        (None, _) => (None, None),
        (Some(f), tag) if f.bytes().all(|b| b.is_ascii_digit()) => {
            let freq = f
                .parse::<u64>()
                .ok()
                .filter(|&f| f <= MAX_FREQ)
                .and_then(|f| usize::try_from(f).ok())
                .ok_or_else(|| format!("`{line}`: frequency {f} is larger than {MAX_FREQ}"))?;
            (Some(freq), tag)
        }
        (Some(t), None) if t.bytes().all(|b| b.is_ascii_alphabetic()) => (None, Some(t)),
        (Some(f), _) => {
            return Err(format!("`{line}`: frequency `{f}` is not a whole number"));
        }
    };
    Ok(Some(Entry { word, freq, tag }))
}

/// jieba's part-of-speech tags (its dictionary's and its tagger's), sorted,
/// so a tag borrowed from the jieba instance can be handed out as `'static`.
const KNOWN_TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h", "i",
    "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt",
    "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj",
    "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
];

/// A tag of up to four bytes packed big-endian into a `u32`, zero-padded,
/// so that packed tags sort like the tags: [`tag`] runs on every token, and
/// comparing integers is cheaper than comparing strings.
const fn pack_tag(t: &str) -> Option<u32> {
    let b = t.as_bytes();
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    let mut key = 0u32;
    let mut i = 0;
    while i < 4 {
        key <<= 8;
        if i < b.len() {
            key |= b[i] as u32;
        }
        i += 1;
    }
    Some(key)
}

/// [`KNOWN_TAGS`] packed by [`pack_tag`], in the same (sorted) order.
static KNOWN_TAG_KEYS: [u32; KNOWN_TAGS.len()] = {
    let mut keys = [0u32; KNOWN_TAGS.len()];
    let mut i = 0;
    while i < KNOWN_TAGS.len() {
        keys[i] = match pack_tag(KNOWN_TAGS[i]) {
            Some(k) => k,
            None => panic!("a known tag is longer than four bytes"),
        };
        i += 1;
    }
    keys
};

/// The `'static` copy of a jieba tag; `None` for the empty tag of a word
/// added without one. A tag outside jieba's set (from a user dictionary) is
/// interned once per process.
fn tag(t: &str) -> Option<&'static str> {
    static EXTRA: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    if t.is_empty() {
        return None;
    }
    if let Some(key) = pack_tag(t) {
        if let Ok(i) = KNOWN_TAG_KEYS.binary_search(&key) {
            return KNOWN_TAGS.get(i).copied();
        }
    }
    let mut extra = EXTRA
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&s) = extra.iter().find(|&&s| s == t) {
        return Some(s);
    }
    let s: &'static str = Box::leak(t.to_owned().into_boxed_str());
    extra.push(s);
    Some(s)
}

// ---------------------------------------------------------------------------
// Joining numbers

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

/// The characters a number can start with, as a bitmap over the Basic
/// Multilingual Plane: ASCII and full-width digits and Chinese numerals.
static NUMBER_START: [u64; 1024] = {
    let mut map = [0u64; 1024];
    let mut c = 0;
    while c < 0x1_0000 {
        if let Some(ch) = char::from_u32(c) {
            if is_digit(ch) || is_cn_numeral(ch) {
                map[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        c += 1;
    }
    map
};

/// Whether a token could start a number: one bitmap lookup on its first
/// character, since this runs on every token.
#[inline]
fn may_start_number(s: &str) -> bool {
    match *s.as_bytes() {
        [b, ..] if b < 0x80 => b.is_ascii_digit(),
        // All the characters sought are three bytes long in UTF-8.
        [b0, b1, b2, ..] if b0 & 0xF0 == 0xE0 => {
            let c =
                (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            NUMBER_START[(c >> 6) as usize] >> (c & 63) & 1 == 1
        }
        _ => false,
    }
}

/// What number joining needs from a token of jieba's output.
trait Piece {
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
struct Number<'a> {
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
    next: usize,
}

impl<'a> Number<'a> {
    /// The number starting at `pieces[i]`, if it spans more than that token.
    fn at<P: Piece>(chunk: &'a str, pieces: &[P], i: usize) -> Option<Number<'a>> {
        let first = pieces.get(i)?;
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

    /// Push the number (and the rest of a split token) onto `tokens`, with
    /// spans shifted by the chunk's `offset`, and return the index of the
    /// next token to read. `pos` is the number's part of speech and
    /// `rest_pos` gives the rest's.
    fn push(
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

// ---------------------------------------------------------------------------
// Hashing

/// FNV-1a, 64 bit: small, fixed, and the same on every platform.
#[derive(Clone, Copy)]
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// One dictionary: its name, a NUL, its length as 8 little-endian bytes,
    /// its contents; so no two different sequences hash the same input.
    fn dictionary(&mut self, name: &str, content: &[u8]) {
        self.write(name.as_bytes());
        self.write(&[0]);
        self.write(&(content.len() as u64).to_le_bytes());
        self.write(content);
    }

    fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

    fn words(text: &str) -> Vec<&str> {
        SEG.tokens(text).iter().map(|t| t.text).collect()
    }

    /// The tokens are non-empty, in order, contiguous, on char boundaries,
    /// and cover `text`.
    fn assert_covers(text: &str, tokens: &[Token<'_>]) {
        let mut at = 0;
        for t in tokens {
            assert_eq!(t.start, at, "gap or overlap before {t:?} in {text:?}");
            assert!(t.end > t.start, "empty token {t:?} in {text:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert_eq!(&text[t.start..t.end], t.text);
            at = t.end;
        }
        assert_eq!(at, text.len(), "tokens do not reach the end of {text:?}");
    }

    fn entries() -> Vec<(&'static str, &'static str, &'static str)> {
        DOMAIN_DICT
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split(' ').collect();
                assert_eq!(f.len(), 3, "line {l:?} is not `word freq pos`");
                (f[0], f[1], f[2])
            })
            .collect()
    }

    // -- the data file --------------------------------------------------

    #[test]
    fn domain_dict_is_sorted_unique_and_well_formed() {
        let entries = entries();
        assert!(entries.len() >= 800, "only {} terms", entries.len());
        assert!(DOMAIN_DICT.ends_with('\n') && !DOMAIN_DICT.contains('\r'));
        for pair in entries.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "not sorted or duplicate: {} / {}",
                pair[0].0,
                pair[1].0
            );
        }
        for (word, freq, pos) in &entries {
            assert!(!word.is_empty() && !word.contains(char::is_whitespace));
            assert!(word
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇'));
            assert!(
                word.chars().count() >= 2,
                "{word}: a term has at least two characters"
            );
            let freq: u64 = freq
                .parse()
                .unwrap_or_else(|_| panic!("{word}: bad freq {freq}"));
            assert!((1..=MAX_FREQ).contains(&freq), "{word}: freq {freq}");
            assert!(KNOWN_TAGS.contains(pos), "{word}: unknown pos {pos}");
            assert!(parse_entry(&format!("{word} {freq} {pos}")).is_ok());
        }
    }

    #[test]
    fn domain_dict_has_the_issue_terms() {
        let entries = entries();
        for term in [
            "三会一课",
            "两个维护",
            "四个意识",
            "四个自信",
            "主题党日",
            "灯下黑",
            "两张皮",
            "软弱涣散",
            "第一书记",
            "整县推进",
            "高质量发展",
            "乡村振兴",
            "全面从严治党",
            "基层党建",
            "党风廉政建设",
            "一岗双责",
            "主体责任",
            "民主生活会",
            "组织生活会",
            "对照检查",
            "述职评议",
            "不忘初心",
            "牢记使命",
            "形式主义",
            "官僚主义",
            "脱贫攻坚",
            "共同富裕",
            "新质生产力",
            "营商环境",
        ] {
            assert!(entries.iter().any(|e| e.0 == term), "{term} missing");
        }
    }

    // -- every term is one token ------------------------------------------

    /// Sentence frames around each term, as reports use them.
    const FRAMES: &[(&str, &str)] = &[
        ("", ""),
        ("认真落实", "，"),
        ("把", "作为重要抓手"),
        ("推动", "取得新成效"),
        ("我们坚持", "不动摇"),
        ("关于", "的情况报告"),
    ];

    #[test]
    fn every_domain_term_is_one_token_alone_and_in_context() {
        let mut failures = Vec::new();
        for (term, _, _) in entries() {
            for (before, after) in FRAMES {
                let text = format!("{before}{term}{after}");
                let tokens = SEG.tokens(&text);
                let whole = tokens
                    .iter()
                    .any(|t| t.start == before.len() && t.text == term);
                if !whole {
                    let got: Vec<&str> = tokens.iter().map(|t| t.text).collect();
                    failures.push(format!("{term} in {text}: {}", got.join("/")));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn domain_terms_are_one_token_in_real_sentences() {
        // Sentences from the government work reports and speeches in
        // ../shared/corpora, with the terms each must keep whole.
        let table: &[(&str, &[&str])] = &[
            (
                "更加深刻领悟“两个确立”的决定性意义、自觉做到“两个维护”",
                &["两个确立", "两个维护"],
            ),
            ("三是明确了中国特色社会主义事业总体布局、战略布局，强调要坚定“四个自信”", &["四个自信"]),
            (
                "“灯下黑”就是指领导机关、重要部门以及领导干部所在的机关党组织的党建工作存在薄弱环节",
                &["灯下黑"],
            ),
            ("二是党建和业务工作“两张皮”", &["两张皮"]),
            ("一些党组织领导工作中的软弱涣散现象还严重存在", &["软弱涣散"]),
            ("通过选派第一书记和驻村工作队，锻炼了机关干部，培养了农村人才", &["第一书记", "驻村工作队"]),
            ("开展整县推进公共机构合同能源管理试点", &["整县推进"]),
            ("“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期，也是河北高质量发展的关键五年", &["十五五", "高质量发展"]),
            ("实施新一轮千亿斤粮食产能提升行动，乡村振兴扎实推进", &["乡村振兴"]),
            (
                "坚决扛起全面从严治党政治责任，深入贯彻中央八项规定精神，坚定不移推进政府党风廉政建设和反腐败斗争",
                &["全面从严治党", "中央八项规定精神", "党风廉政建设", "反腐败斗争"],
            ),
            ("二是要聚焦社会治理,补城市基层党建之短", &["城市基层党建"]),
            ("（五）切实做好基层党建工作，增强党的阶级基础和扩大党的群众基础", &["基层党建"]),
            ("坚决扛起主体责任，推动重大国家战略实施取得新的更大成效", &["主体责任"]),
            ("开展专题民主生活会，为全党作了示范引导", &["专题民主生活会"]),
            ("经常对照检查、检视剖析、反躬自省", &["对照检查", "检视剖析"]),
            ("把述职评议考核作为落实全面从严治党要求的重要制度安排", &["述职评议考核", "全面从严治党"]),
            ("巩固深化“不忘初心、牢记使命”主题教育成果", &["不忘初心", "牢记使命", "主题教育"]),
            ("政府工作存在不足，形式主义、官僚主义现象仍较突出，一些改革发展举措落实不到位", &["形式主义", "官僚主义", "不到位"]),
            ("毫不松懈巩固拓展脱贫攻坚成果", &["巩固拓展脱贫攻坚成果"]),
            ("依靠共同奋斗，扎实推进共同富裕，不断实现人民对美好生活的向往", &["共同富裕"]),
            ("（二）因地制宜发展新质生产力，加快建设现代化产业体系", &["新质生产力", "现代化产业体系"]),
            ("持续营造市场化、法治化、国际化一流营商环境，让外资企业更好发展", &["一流营商环境"]),
            ("积极融入全国统一大市场，深入实施营商环境提升工程", &["全国统一大市场", "营商环境"]),
            ("努力解决群众急难愁盼问题，民生财政支出占比保持在75%以上", &["急难愁盼", "75%"]),
            ("优化地方政府专项债券管理机制，实施好投向领域负面清单管理", &["地方政府专项债券", "负面清单"]),
            ("持续深入肃清流毒影响，深化以案促改促治，营造风清气正的政治生态", &["以案促改", "风清气正", "政治生态"]),
            ("严格落实三会一课制度，每月开展主题党日活动", &["三会一课制度", "主题党日"]),
            ("增强四个意识，落实一岗双责，按时召开组织生活会", &["四个意识", "一岗双责", "组织生活会"]),
        ];
        for (sentence, terms) in table {
            let got = words(sentence);
            for term in *terms {
                assert!(
                    got.contains(term),
                    "{term} not one token in {}",
                    got.join("/")
                );
            }
        }
    }

    #[test]
    fn without_the_domain_dict_jieba_splits_the_terms() {
        let bare = Segmenter::builder()
            .domain_dict(DomainDict::Off)
            .build()
            .unwrap();
        let split = [
            "三会一课",
            "两个维护",
            "四个意识",
            "主题党日",
            "整县推进",
            "高质量发展",
        ]
        .iter()
        .filter(|term| bare.tokens(term).len() > 1)
        .count();
        assert_eq!(split, 6);
    }

    // -- numbers ----------------------------------------------------------

    #[test]
    fn numbers_are_one_token() {
        let table: &[(&str, &[&str])] = &[
            ("共23,876人", &["共", "23,876", "人"]),
            ("共23，876人", &["共", "23，876", "人"]),
            ("达1,234,567元", &["达", "1,234,567", "元"]),
            ("合计1,234.5万元", &["合计", "1,234.5万", "元"]),
            ("增长1.9万", &["增长", "1.9万"]),
            ("完成1.9万元", &["完成", "1.9万", "元"]),
            ("投资3.2亿元", &["投资", "3.2亿", "元"]),
            ("发行1.2万亿元", &["发行", "1.2万亿", "元"]),
            ("规模12.5万亿", &["规模", "12.5万亿"]),
            ("讲党课5.8万次", &["讲", "党课", "5.8万", "次"]),
            ("约1.9亿人次", &["约", "1.9亿", "人次"]),
            ("超过5千万", &["超过", "5千万"]),
            ("覆盖率95%", &["覆盖率", "95%"]),
            ("提高3.5%的", &["提高", "3.5%", "的"]),
            ("下降4.5‰", &["下降", "4.5‰"]),
            ("全年１２３个", &["全年", "１２３", "个"]),
            ("２３，８７６人", &["２３，８７６", "人"]),
            ("１．９万", &["１．９万"]),
            ("占１２.５％", &["占", "１２.５％"]),
            ("三千五百万", &["三千五百万"]),
            ("三千五百万元", &["三千五百万", "元"]),
            ("二〇一九年", &["二〇一九", "年"]),
            ("壹万贰仟元", &["壹万贰仟", "元"]),
            ("第1,2条", &["第", "1", ",", "2", "条"]),
            ("2019，2020", &["2019", "，", "2020"]),
            ("12,34", &["12", ",", "34"]),
            ("1,2345", &["1", ",", "2345"]),
            ("版本1.2.3", &["版本", "1.2.3"]),
            ("排查隐患857处", &["排查", "隐患", "857", "处"]),
            ("3千米", &["3", "千米"]),
        ];
        for (text, want) in table {
            assert_eq!(&words(text), want, "in {text}");
        }
    }

    #[test]
    fn slogans_with_numerals_stay_terms() {
        assert_eq!(words("坚持两个维护"), ["坚持", "两个维护"]);
        assert_eq!(words("十四五时期"), ["十四五时期"]);
        assert_eq!(words("落实三会一课"), ["落实", "三会一课"]);
        assert_eq!(words("一是"), ["一是"]);
    }

    #[test]
    fn tagged_numbers_and_pieces() {
        let tagged = SEG.tagged("全年讲党课5.8万次，投入23,876元");
        let pairs: Vec<(&str, Option<&str>)> = tagged.iter().map(|t| (t.text, t.pos)).collect();
        assert!(pairs.contains(&("5.8万", Some("m"))), "{pairs:?}");
        assert!(pairs.contains(&("次", Some("q"))), "{pairs:?}");
        assert!(pairs.contains(&("23,876", Some("m"))), "{pairs:?}");
        assert!(pairs.contains(&("党课", Some("n"))), "{pairs:?}");
        assert!(tagged.iter().all(|t| t.pos.is_some()));
    }

    proptest! {
        #[test]
        fn tokens_cover_any_string(text in any::<String>()) {
            let tokens = SEG.tokens(&text);
            assert_covers(&text, &tokens);
        }

        #[test]
        fn tokens_cover_cjk_digits_and_separators(
            text in "[0-9０-９,，.．%％‰万亿一二两三十百千〇零年元个 \t\r\na-zA-Z\u{4e00}-\u{4e3f}党建三会课。、“”]{0,80}"
        ) {
            let tokens = SEG.tokens(&text);
            assert_covers(&text, &tokens);
            let tagged = SEG.tagged(&text);
            assert_covers(&text, &tagged);
            let a: Vec<&str> = tokens.iter().map(|t| t.text).collect();
            let b: Vec<&str> = tagged.iter().map(|t| t.text).collect();
            prop_assert_eq!(a, b);
        }

        #[test]
        fn formatted_numbers_are_one_token(
            int in 0u64..100_000_000_000,
            frac in proptest::option::of(0u32..1000),
            separators in any::<bool>(),
            suffix in proptest::sample::select(vec!["", "%", "万", "亿", "万亿", "‰"]),
            wide in any::<bool>(),
        ) {
            let mut number = int.to_string();
            if separators {
                let digits = number.clone();
                number.clear();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        number.push(',');
                    }
                    number.push(c);
                }
            }
            if let Some(f) = frac {
                number.push_str(&format!(".{f}"));
            }
            if wide {
                number = number
                    .chars()
                    .map(|c| match c {
                        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
                        ',' => '，',
                        '.' => '．',
                        c => c,
                    })
                    .collect();
            }
            number.push_str(suffix);
            let text = format!("同比增长{number}，其中");
            let got = words(&text);
            prop_assert!(got.contains(&number.as_str()), "{} in {}", number, got.join("/"));
        }

        #[test]
        fn chinese_numerals_are_one_token(n in 1u64..1_000_000_000_000) {
            let numeral = to_chinese(n);
            let text = format!("共计：{numeral}，");
            let got = words(&text);
            prop_assert!(got.contains(&numeral.as_str()), "{} in {}", numeral, got.join("/"));
        }
    }

    /// A plain reading of `n` in Chinese numerals (三千五百万, 一亿零五).
    fn to_chinese(n: u64) -> String {
        const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        fn below_10k(n: u64, out: &mut String, pad: bool) {
            let mut zero = false;
            let mut started = false;
            for (unit, div) in [("千", 1000), ("百", 100), ("十", 10), ("", 1)] {
                let d = (n / div % 10) as usize;
                if d == 0 {
                    zero = started || pad;
                } else {
                    if zero {
                        out.push('零');
                    }
                    out.push(DIGITS[d]);
                    out.push_str(unit);
                    zero = false;
                    started = true;
                }
            }
        }
        let mut out = String::new();
        let parts = [
            (n / 100_000_000, "亿"),
            (n / 10_000 % 10_000, "万"),
            (n % 10_000, ""),
        ];
        let mut started = false;
        for (part, unit) in parts {
            if part == 0 {
                continue;
            }
            if started && part < 1000 {
                out.push('零');
            }
            below_10k(part, &mut out, false);
            out.push_str(unit);
            started = true;
        }
        out
    }

    #[test]
    fn chunked_segmentation_equals_line_by_line() {
        // Long enough for several chunks, with \r\n and numbers near every
        // chunk boundary.
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&format!(
                "第{i}条：落实三会一课，投入1,2{:02}.5万元，增长{}%\r\n",
                i % 100,
                i % 37
            ));
            if i % 7 == 0 {
                text.push_str("二〇二四年发展党员三千五百名\n\n");
            }
        }
        assert!(text.len() > 4 * CHUNK_BYTES);
        let whole = SEG.tokens(&text);
        assert_covers(&text, &whole);
        let mut by_line = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            by_line.extend(SEG.tokens(line).into_iter().map(|t| Token {
                start: t.start + offset,
                end: t.end + offset,
                ..t
            }));
            offset += line.len();
        }
        assert_eq!(whole, by_line);
        let tagged: Vec<&str> = SEG.tagged(&text).iter().map(|t| t.text).collect();
        let words: Vec<&str> = whole.iter().map(|t| t.text).collect();
        assert_eq!(tagged, words);
    }

    #[test]
    fn whitespace_and_long_runs_are_covered() {
        let text = format!(
            "{}党建{}1.9万\r\n\r\n",
            " \t".repeat(5000),
            "推进基层党建".repeat(5000)
        );
        assert_covers(&text, &SEG.tokens(&text));
        assert_covers("", &SEG.tokens(""));
        assert!(SEG.tokens("").is_empty());
    }

    // -- user dictionaries --------------------------------------------------

    #[test]
    fn user_dictionaries_from_file_bytes_and_words() {
        let base = Segmenter::new();
        let text = "推行领办代办和揭榜挂帅制及赛马争先";
        assert_ne!(
            words(text),
            ["推行", "领办代办", "和", "揭榜挂帅制", "及", "赛马争先"]
        );

        let path = std::env::temp_dir().join(format!(
            "shuzhi-segment-test-{}-userdict.txt",
            std::process::id()
        ));
        std::fs::write(&path, "\u{feff}# 自定义词典\n揭榜挂帅制 500 n\r\n\n").unwrap();
        let seg = Segmenter::builder()
            .user_dict_file(&path)
            .user_dict_bytes("赛马争先 l\n")
            .words(vec![String::from("领办代办")])
            .build()
            .unwrap();
        std::fs::remove_file(&path).ok();
        let got: Vec<&str> = seg.tokens(text).iter().map(|t| t.text).collect();
        assert_eq!(
            got,
            ["推行", "领办代办", "和", "揭榜挂帅制", "及", "赛马争先"]
        );
        let names = seg.dictionaries();
        assert_eq!(names.len(), 5);
        assert_eq!(names[..2], ["jieba-default", "shuzhi-domain"]);
        assert_eq!(names[2], format!("file:{}", path.display()));
        assert_eq!(names[3..], ["bytes", "words"]);

        let tagged = seg.tagged(text);
        let pos = |w: &str| tagged.iter().find(|t| t.text == w).and_then(|t| t.pos);
        assert_eq!(pos("揭榜挂帅制"), Some("n"));
        assert_eq!(pos("赛马争先"), Some("l"));
        assert_eq!(pos("领办代办"), None);

        assert_ne!(seg.dict_hash(), base.dict_hash());
    }

    #[test]
    fn dict_hash_is_stable_and_tracks_every_dictionary() {
        let a = Segmenter::new();
        let b = Segmenter::builder().build().unwrap();
        assert_eq!(a.dict_hash(), b.dict_hash());
        assert_eq!(a.dictionaries(), b.dictionaries());
        assert_eq!(a.dict_hash().len(), 16);
        assert!(a.dict_hash().bytes().all(|c| c.is_ascii_hexdigit()));
        let off = Segmenter::builder()
            .domain_dict(DomainDict::Off)
            .build()
            .unwrap();
        let words1 = Segmenter::builder().words(["领办代办"]).build().unwrap();
        let words2 = Segmenter::builder()
            .words(["领办代办", "赛马争先"])
            .build()
            .unwrap();
        let bytes1 = Segmenter::builder()
            .user_dict_bytes("领办代办\n")
            .build()
            .unwrap();
        let hashes = [&a, &off, &words1, &words2, &bytes1].map(|s| s.dict_hash().to_string());
        for i in 0..hashes.len() {
            for j in i + 1..hashes.len() {
                assert_ne!(hashes[i], hashes[j], "{i} and {j}");
            }
        }
    }

    #[test]
    fn fnv1a_matches_reference_vectors() {
        let hash = |s: &str| {
            let mut h = Fnv1a::new();
            h.write(s.as_bytes());
            h.hex()
        };
        assert_eq!(hash(""), "cbf29ce484222325");
        assert_eq!(hash("a"), "af63dc4c8601ec8c");
        assert_eq!(hash("foobar"), "85944171f73967e8");
    }

    #[test]
    fn bad_user_dictionaries_are_dictionary_errors() {
        let cases: [(SegmenterBuilder, &str); 7] = [
            (
                Segmenter::builder().user_dict_bytes("好词 100 n\n坏词 abc n\n"),
                "line 2",
            ),
            (
                Segmenter::builder().user_dict_bytes("词 1 n extra\n"),
                "line 1",
            ),
            (
                Segmenter::builder().user_dict_bytes("词 99999999999999999999\n"),
                "line 1",
            ),
            (
                Segmenter::builder().user_dict_bytes(b"ok\n\xff\xfe\n".to_vec()),
                "line 2",
            ),
            (Segmenter::builder().words(["好词", "坏 词"]), "entry 2"),
            (Segmenter::builder().words([""]), "entry 1"),
            (
                Segmenter::builder().user_dict_file("/nonexistent/shuzhi/dict.txt"),
                "dict.txt",
            ),
        ];
        for (builder, needle) in cases {
            let err = builder.build().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Dictionary);
            assert!(err.to_string().contains(needle), "{err} lacks {needle}");
        }
        let err = Segmenter::builder()
            .user_dict_file("/nonexistent/shuzhi/dict.txt")
            .build()
            .unwrap_err();
        assert!(std::error::Error::source(&err).is_some());
        assert!(err
            .to_string()
            .contains("file:/nonexistent/shuzhi/dict.txt"));
    }

    #[test]
    fn tags_are_interned() {
        assert_eq!(tag(""), None);
        assert_eq!(tag("nz"), Some("nz"));
        let a = tag("custom_tag").unwrap();
        let b = tag(&String::from("custom_tag")).unwrap();
        assert!(std::ptr::eq(a, b));
        assert!(KNOWN_TAGS.windows(2).all(|w| w[0] < w[1]));
        assert!(KNOWN_TAG_KEYS.windows(2).all(|w| w[0] < w[1]));
        for t in KNOWN_TAGS {
            assert_eq!(tag(t), Some(*t));
        }
        assert_eq!(tag("nrfgx"), tag("nrfgx"));
    }

    #[test]
    fn public_types_are_thread_safe() {
        fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
        check::<Segmenter>();
        check::<SegmenterBuilder>();
        check::<Token<'static>>();
        check::<DomainDict>();
        let seg = &*SEG;
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|i| s.spawn(move || seg.tokens(&format!("第{i}批整县推进")).len()))
                .collect();
            for h in handles {
                assert!(h.join().unwrap() > 0);
            }
        });
    }
}
