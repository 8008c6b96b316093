//! Category dictionaries: cntext's YAML form and plain word lists, counted
//! per document on word boundaries.

use crate::error::{Error, ErrorKind, Result};
use crate::normalize::simplified;
use aho_corasick::{AhoCorasick, MatchKind};

/// A dictionary of word categories, counted per document into
/// `documents.csv` columns named `<dictionary>_<category>` (or just
/// `<dictionary>` for a plain word list, which has one category).
///
/// Two sources are read:
///
/// - cntext's YAML form: top-level `Name`, `Desc`, `Refer`, `Category` (a
///   list of category names) and `Dictionary` (a mapping from each category
///   to its list of words). Lists may be block lists (`- 词`) or flow lists
///   (`[词, 词]`); scalars may be plain or quoted; `#` starts a comment.
///   That is the whole YAML this reader understands: anchors, tags and
///   nested documents are an error with the line number.
/// - A plain word list: one word a line, blank lines and `#` comments
///   skipped.
///
/// Words are matched on the simplified-character view of the text, and only
/// where they start and end on word boundaries of the crate's segmenter,
/// so 好 does not count inside 好处; a word of several segments (高质量 发展)
/// still counts. Where matches overlap, the longest leftmost one wins.
///
/// ```
/// use shuzhi::corpus::CategoryDict;
/// let yaml = "Name: 示例\nDesc: 两类词\nRefer: 自编\nCategory:\n  - 问题\n  - 措施\nDictionary:\n  问题:\n    - 短板\n    - 不到位\n  措施: [加强, 落实]\n";
/// let d = CategoryDict::from_yaml("demo", yaml).unwrap();
/// assert_eq!(d.name, "示例");
/// assert_eq!(d.columns(), ["demo_问题", "demo_措施"]);
/// assert_eq!(d.categories[1].1, ["加强", "落实"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryDict {
    /// The label of the dictionary's columns (a file stem).
    pub label: String,
    /// `Name` (the label for a word list).
    pub name: String,
    /// `Desc`.
    pub desc: String,
    /// `Refer`.
    pub refer: String,
    /// Categories in `Category` order, each with its words.
    pub categories: Vec<(String, Vec<String>)>,
    /// Whether this is a plain word list (one category, column = label).
    pub word_list: bool,
}

impl CategoryDict {
    /// A plain word list named `label`.
    ///
    /// ```
    /// use shuzhi::corpus::CategoryDict;
    /// let d = CategoryDict::from_word_list("套话", "# 表态\n高度重视\n\n狠抓落实\n");
    /// assert_eq!(d.columns(), ["套话"]);
    /// assert_eq!(d.categories[0].1, ["高度重视", "狠抓落实"]);
    /// ```
    pub fn from_word_list(label: &str, text: &str) -> CategoryDict {
        let words = text
            .trim_start_matches('\u{feff}')
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        CategoryDict {
            label: label.to_owned(),
            name: label.to_owned(),
            desc: String::new(),
            refer: String::new(),
            categories: vec![(label.to_owned(), words)],
            word_list: true,
        }
    }

    /// A dictionary in cntext's YAML form, its columns labelled `label`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Dictionary`] with the line number for YAML this reader
    /// does not understand, or when there is no `Dictionary` mapping.
    pub fn from_yaml(label: &str, text: &str) -> Result<CategoryDict> {
        let top = yaml::parse(text.trim_start_matches('\u{feff}'))
            .map_err(|e| Error::new(ErrorKind::Dictionary, format!("{label}: {e}")))?;
        let mut d = CategoryDict {
            label: label.to_owned(),
            name: String::new(),
            desc: String::new(),
            refer: String::new(),
            categories: Vec::new(),
            word_list: false,
        };
        let mut order = Vec::new();
        let mut dictionary = None;
        for (key, value) in top {
            match (key.as_str(), value) {
                ("Name", yaml::Value::Scalar(s)) => d.name = s,
                ("Desc", yaml::Value::Scalar(s)) => d.desc = s,
                ("Refer", yaml::Value::Scalar(s)) => d.refer = s,
                ("Category", yaml::Value::List(l)) => order = l,
                ("Category", yaml::Value::Scalar(s)) if !s.is_empty() => order = vec![s],
                ("Dictionary", yaml::Value::Map(m)) => dictionary = Some(m),
                ("Dictionary", _) => {
                    return Err(Error::new(
                        ErrorKind::Dictionary,
                        format!("{label}: `Dictionary` must map each category to a list of words"),
                    ))
                }
                _ => {}
            }
        }
        let Some(mut dictionary) = dictionary else {
            return Err(Error::new(
                ErrorKind::Dictionary,
                format!("{label}: no `Dictionary` mapping of categories to words"),
            ));
        };
        for c in order {
            let words = match dictionary.iter().position(|(k, _)| *k == c) {
                Some(i) => dictionary.remove(i).1,
                None => Vec::new(),
            };
            d.categories.push((c, words));
        }
        d.categories.extend(dictionary);
        if d.name.is_empty() {
            d.name = label.to_owned();
        }
        Ok(d)
    }

    /// The `documents.csv` columns this dictionary adds, in order.
    pub fn columns(&self) -> Vec<String> {
        if self.word_list {
            return vec![self.label.clone()];
        }
        self.categories
            .iter()
            .map(|(c, _)| format!("{}_{c}", self.label))
            .collect()
    }
}

/// Every dictionary's words in one automaton; each word knows the columns
/// it counts for.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    ac: AhoCorasick,
    columns_of: Vec<Vec<usize>>,
}

impl Matcher {
    /// `None` when the dictionaries hold no word.
    pub(crate) fn new(dicts: &[CategoryDict]) -> Result<Option<Matcher>> {
        let mut words: Vec<String> = Vec::new();
        let mut columns_of: Vec<Vec<usize>> = Vec::new();
        let mut col = 0;
        for d in dicts {
            for (_, ws) in &d.categories {
                for w in ws {
                    let w = simplified(w.trim()).into_owned();
                    if w.is_empty() {
                        continue;
                    }
                    match words.iter().position(|x| *x == w) {
                        Some(i) => {
                            if !columns_of[i].contains(&col) {
                                columns_of[i].push(col);
                            }
                        }
                        None => {
                            words.push(w);
                            columns_of.push(vec![col]);
                        }
                    }
                }
                col += 1;
            }
        }
        if words.is_empty() {
            return Ok(None);
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|e| {
                Error::with_source(ErrorKind::Dictionary, "cannot compile the dictionaries", e)
            })?;
        Ok(Some(Matcher { ac, columns_of }))
    }

    /// Adds to `counts` (one cell per column) the words found in `text`
    /// that start and end on a boundary in `bounds` (sorted byte offsets).
    pub(crate) fn count(&self, text: &str, bounds: &[usize], counts: &mut [u64]) {
        let on = |i: usize| bounds.binary_search(&i).is_ok();
        let mut found: Vec<(usize, usize, usize)> = self
            .ac
            .find_overlapping_iter(text)
            .filter(|m| on(m.start()) && on(m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        // Leftmost, then longest; skip what overlaps a chosen match.
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut end = 0;
        for (s, e, p) in found {
            if s < end {
                continue;
            }
            end = e;
            for &c in &self.columns_of[p] {
                if let Some(n) = counts.get_mut(c) {
                    *n += 1;
                }
            }
        }
    }
}

/// A reader for exactly the YAML of cntext's dictionaries.
mod yaml {
    /// A top-level value.
    #[derive(Debug, PartialEq)]
    pub(super) enum Value {
        Scalar(String),
        List(Vec<String>),
        Map(Vec<(String, Vec<String>)>),
    }

    struct Line<'a> {
        no: usize,
        indent: usize,
        text: &'a str,
    }

    fn err(no: usize, msg: impl std::fmt::Display) -> String {
        format!("line {no}: {msg}")
    }

    /// Drops a comment: `#` at the start or after a space, outside quotes.
    fn strip_comment(s: &str) -> &str {
        let mut quote = None;
        let mut prev = ' ';
        for (i, c) in s.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '#' && prev.is_whitespace() => return &s[..i],
                None => {}
            }
            prev = c;
        }
        s
    }

    /// A scalar: plain, 'single' or "double" quoted.
    fn scalar(s: &str, no: usize) -> Result<String, String> {
        let s = s.trim();
        if let Some(body) = s.strip_prefix('\'') {
            let body = body
                .strip_suffix('\'')
                .ok_or_else(|| err(no, "unclosed single quote"))?;
            return Ok(body.replace("''", "'"));
        }
        if let Some(body) = s.strip_prefix('"') {
            let body = body
                .strip_suffix('"')
                .ok_or_else(|| err(no, "unclosed double quote"))?;
            let mut out = String::with_capacity(body.len());
            let mut it = body.chars();
            while let Some(c) = it.next() {
                if c != '\\' {
                    out.push(c);
                    continue;
                }
                match it.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hex: String = it.by_ref().take(4).collect();
                        let c = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| err(no, format!("bad escape \\u{hex}")))?;
                        out.push(c);
                    }
                    Some(c) => out.push(c),
                    None => return Err(err(no, "a backslash ends the string")),
                }
            }
            return Ok(out);
        }
        if s.starts_with(['&', '*', '!', '{', '|', '>', '%', '@', '`']) {
            return Err(err(no, format!("unsupported YAML: `{s}`")));
        }
        Ok(s.to_owned())
    }

    /// `[a, b, "c"]`.
    fn flow_list(s: &str, no: usize) -> Result<Vec<String>, String> {
        let body = s
            .trim()
            .strip_prefix('[')
            .and_then(|b| b.strip_suffix(']'))
            .ok_or_else(|| err(no, "a flow list must open and close on one line"))?;
        let mut out = Vec::new();
        let (mut start, mut quote) = (0, None);
        for (i, c) in body.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == ',' => {
                    out.push(scalar(&body[start..i], no)?);
                    start = i + 1;
                }
                None => {}
            }
        }
        out.push(scalar(&body[start..], no)?);
        out.retain(|w| !w.is_empty());
        Ok(out)
    }

    /// `key: rest` with the key unquoted.
    fn key_value(s: &str, no: usize) -> Result<(String, &str), String> {
        let (k, v) = s
            .split_once(": ")
            .or_else(|| s.strip_suffix(':').map(|k| (k, "")))
            .ok_or_else(|| err(no, format!("expected `key: value`, found `{s}`")))?;
        Ok((scalar(k, no)?, v.trim()))
    }

    /// The items of a block list starting at `lines[*i]`, all at `indent`.
    fn block_list(lines: &[Line<'_>], i: &mut usize, indent: usize) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        while let Some(l) = lines.get(*i) {
            if l.indent != indent || !(l.text == "-" || l.text.starts_with("- ")) {
                break;
            }
            let w = scalar(&l.text[1..], l.no)?;
            if !w.is_empty() {
                out.push(w);
            }
            *i += 1;
        }
        Ok(out)
    }

    /// A list value: flow on the key's line, or a block list below it.
    fn list_after(
        rest: &str,
        lines: &[Line<'_>],
        i: &mut usize,
        key_indent: usize,
        no: usize,
    ) -> Result<Vec<String>, String> {
        if rest.starts_with('[') {
            return flow_list(rest, no);
        }
        if !rest.is_empty() {
            return Ok(vec![scalar(rest, no)?]);
        }
        match lines.get(*i) {
            Some(l) if l.indent >= key_indent && l.text.starts_with('-') => {
                block_list(lines, i, l.indent)
            }
            _ => Ok(Vec::new()),
        }
    }

    pub(super) fn parse(text: &str) -> Result<Vec<(String, Value)>, String> {
        let lines: Vec<Line<'_>> = text
            .lines()
            .enumerate()
            .filter_map(|(n, raw)| {
                let t = strip_comment(raw).trim_end();
                let body = t.trim_start();
                (!body.is_empty() && body != "---" && body != "...").then(|| Line {
                    no: n + 1,
                    indent: t.len() - body.len(),
                    text: body,
                })
            })
            .collect();
        if let Some(l) = lines.iter().find(|l| l.text.contains('\t')) {
            if l.text.starts_with('\t') {
                return Err(err(l.no, "tabs may not indent YAML"));
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(l) = lines.get(i) {
            if l.indent != 0 {
                return Err(err(l.no, "expected a top-level `key: value`"));
            }
            let (key, rest) = key_value(l.text, l.no)?;
            i += 1;
            let value = if key == "Dictionary" && rest.is_empty() {
                let mut map = Vec::new();
                while let Some(c) = lines.get(i) {
                    if c.indent == 0 {
                        break;
                    }
                    let (cat, rest) = key_value(c.text, c.no)?;
                    i += 1;
                    let words = list_after(rest, &lines, &mut i, c.indent, c.no)?;
                    map.push((cat, words));
                }
                Value::Map(map)
            } else if key == "Category" || rest.starts_with('[') {
                Value::List(list_after(rest, &lines, &mut i, 0, l.no)?)
            } else if rest == "|" || rest == ">" || rest == "|-" || rest == ">-" {
                // A block scalar (a long Desc): its lines, joined.
                let mut parts = Vec::new();
                while let Some(c) = lines.get(i).filter(|c| c.indent > 0) {
                    parts.push(c.text);
                    i += 1;
                }
                Value::Scalar(parts.join(if rest.starts_with('|') { "\n" } else { " " }))
            } else if rest.is_empty() {
                // A value we do not use (a nested block under another key): skip it.
                while lines
                    .get(i)
                    .is_some_and(|c| c.indent > 0 || c.text.starts_with('-'))
                {
                    i += 1;
                }
                Value::Scalar(String::new())
            } else {
                Value::Scalar(scalar(rest, l.no)?)
            };
            out.push((key, value));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cntext_shapes() {
        // Block lists at the key's indent, quoted words, a comment, a long Desc.
        let y = "# 情感词典\nName: \"情感\"\nDesc: >\n  第一行\n  第二行\nRefer: 'Li''s'\nCategory:\n- pos\n- neg\nDictionary:\n  pos:\n  - 好  # 注释\n  - \"优秀\"\n  neg: ['差', 坏]\n";
        let d = CategoryDict::from_yaml("s", y).unwrap();
        assert_eq!(d.name, "情感");
        assert_eq!(d.desc, "第一行 第二行");
        assert_eq!(d.refer, "Li's");
        assert_eq!(
            d.categories,
            [
                ("pos".to_owned(), vec!["好".to_owned(), "优秀".to_owned()]),
                ("neg".to_owned(), vec!["差".to_owned(), "坏".to_owned()]),
            ]
        );
        // Category may be flow; a category without words is kept; one missing from
        // Category comes after.
        let y = "Category: [a, b]\nDictionary:\n  c: [x]\n  a: [y]\n";
        let d = CategoryDict::from_yaml("t", y).unwrap();
        let names: Vec<&str> = d.categories.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
    }

    #[test]
    fn bad_yaml_is_an_error_with_a_line() {
        let e = CategoryDict::from_yaml("x", "Name: a\nDictionary:\n  pos: &anchor [a]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 3"), "{e}");
        assert!(CategoryDict::from_yaml("x", "Name: a\n").is_err());
        assert!(CategoryDict::from_yaml("x", "  Name: a\nDictionary: []\n").is_err());
    }

    #[test]
    fn matches_on_word_boundaries_longest_first() {
        let d = CategoryDict::from_word_list("w", "好\n高质量\n高质量发展\n");
        let m = Matcher::new(&[d]).unwrap().unwrap();
        let text = "好处很多，推动高质量发展好";
        // Boundaries of 好处|很多|，|推动|高质量|发展|好
        let mut b = vec![0];
        for w in ["好处", "很多", "，", "推动", "高质量", "发展", "好"] {
            b.push(b.last().unwrap() + w.len());
        }
        let mut counts = [0];
        m.count(text, &b, &mut counts);
        assert_eq!(
            counts,
            [2],
            "高质量发展 once and the final 好, not 好 in 好处"
        );
    }
}
