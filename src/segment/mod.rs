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

mod numbers;

use numbers::{may_start_number, Number};

/// The embedded domain dictionary, in jieba's `word freq pos` format.
const DOMAIN_DICT: &str = include_str!("../../data/domain_dict.txt");

/// What the hash records for jieba's own dictionary: the jieba-rs series
/// whose embedded dictionary is used (pinned by `Cargo.toml`).
const JIEBA_DICT_ID: &str = "jieba-rs 0.11 embedded dict.txt";

/// The largest frequency a user dictionary entry may carry. jieba adds
/// frequencies into one total, so an absurd value could overflow it.
const MAX_FREQ: u64 = 100_000_000;

/// The largest sum of user dictionary frequencies, far below where jieba's
/// total (a `usize`, about 60 million for its own dictionary) would overflow
/// even on a 32-bit target.
const MAX_TOTAL_FREQ: u64 = 1_000_000_000;

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
    Named(String, Vec<u8>),
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

    /// Add a user dictionary held in memory under a name of the caller's
    /// choosing, which [`Segmenter::dictionaries`] reports and
    /// [`Segmenter::dict_hash`] covers in place of `bytes`. Naming a file's
    /// contents `file:PATH` gives the same names and hash as
    /// [`user_dict_file`](Self::user_dict_file) on that file, without
    /// reading it: a copy of an analyzer shipped to another machine (a
    /// Spark or Dask worker) reports what the original reported.
    ///
    /// ```
    /// use shuzhi::Segmenter;
    /// let path = std::env::temp_dir().join("shuzhi-named-dict.txt");
    /// std::fs::write(&path, "揭榜挂帅制 500 n\n").unwrap();
    /// let from_file = Segmenter::builder().user_dict_file(&path).build().unwrap();
    /// let name = format!("file:{}", path.display());
    /// let copy = Segmenter::builder()
    ///     .user_dict_named(name.clone(), "揭榜挂帅制 500 n\n")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(copy.dictionaries()[2], name);
    /// assert_eq!(copy.dict_hash(), from_file.dict_hash());
    /// ```
    #[must_use]
    pub fn user_dict_named(mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.user.push(UserDict::Named(name.into(), bytes.into()));
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
    /// or an entry is malformed: invalid UTF-8, more than three fields, a
    /// frequency that is not a whole number up to 100,000,000 (or
    /// frequencies adding up to more than 1,000,000,000 over all user
    /// dictionaries), an empty word or one with whitespace in it. The
    /// message names the dictionary (`file:PATH`, `bytes`, `words`) and the
    /// line or entry number.
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
                UserDict::Named(name, bytes) => {
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
                    if *total_freq > MAX_TOTAL_FREQ {
                        return Err(bad(format!(
                            "the frequencies of the user dictionaries add up to more than \
                             {MAX_TOTAL_FREQ}"
                        )));
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
        if text.len() <= CHUNK_BYTES {
            // A sentence or a paragraph, the usual case: jieba's vector is
            // converted in place (the token types have the same layout), so
            // segmenting allocates no more than jieba does.
            let mut tokens: Vec<Token<'a>> = self
                .jieba
                .cut(text, true)
                .into_iter()
                .map(|t| Token {
                    text: t.word,
                    start: t.byte_start,
                    end: t.byte_end,
                    pos: None,
                })
                .collect();
            numbers::join_in_place(text, &mut tokens);
            return tokens;
        }
        // A long text, in chunks, so that jieba's output for each is still
        // in cache when it is copied out.
        let mut tokens = Vec::new();
        for (offset, chunk) in chunks(text) {
            let cut = self.jieba.cut(chunk, true);
            reserve_for(&mut tokens, cut.len(), chunk, text);
            let convert = |t: &jieba_rs::Token<'a>| Token {
                text: t.word,
                start: offset + t.byte_start,
                end: offset + t.byte_end,
                pos: None,
            };
            let mut i = 0;
            while let Some(rest) = cut.get(i..) {
                // Copy the run up to the next token that may start a number
                // in one go, then look at that token.
                let j = rest
                    .iter()
                    .position(|t| may_start_number(t.word))
                    .map_or(cut.len(), |p| i + p);
                tokens.extend(cut[i..j].iter().map(convert));
                let Some(t) = cut.get(j) else { break };
                i = match Number::at(chunk, &cut, j) {
                    Some(number) => number.push(offset, &mut tokens, None, |_| None),
                    None => {
                        tokens.push(convert(t));
                        j + 1
                    }
                };
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
        let mut tokens = Vec::new();
        for (offset, chunk) in chunks(text) {
            let tags = self.jieba.tag(chunk, true);
            reserve_for(&mut tokens, tags.len(), chunk, text);
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

/// Make room for the `n` tokens of `chunk`; on the first chunk, for as
/// many tokens per byte in all of `text`, so that long texts are not copied
/// as the vector grows.
fn reserve_for(tokens: &mut Vec<Token<'_>>, n: usize, chunk: &str, text: &str) {
    if tokens.capacity() == 0 {
        let chunks = text.len() / chunk.len().max(1) + 1;
        tokens.reserve(n.saturating_mul(chunks));
    } else {
        tokens.reserve(n);
    }
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

    /// One dictionary: its name, a NUL, its length as 8 little-endian bytes
    /// and its contents, so that two different lists of dictionaries never
    /// feed the hash the same bytes.
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
mod tests;
