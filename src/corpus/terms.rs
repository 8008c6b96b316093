//! What counts as a word and as a term, and the stoplist.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The embedded stoplist: function words only (`data/stopwords.txt`).
const STOPWORDS: &str = include_str!("../../data/stopwords.txt");

static EMBEDDED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::extract::data_lines(STOPWORDS).collect());

/// Words left out of term counts and keywords (they still count as tokens).
///
/// The embedded list holds function words only: particles, pronouns,
/// demonstratives, prepositions, conjunctions, a few adverbs and the
/// copula. The formulaic verbs and adverbs that the analysis measures
/// (加强, 推进, 落实, 坚持, 进一步…) are deliberately not on it, so they are
/// counted like any other term.
///
/// ```
/// use shuzhi::corpus::Stoplist;
/// let s = Stoplist::embedded();
/// assert!(s.contains("的") && s.contains("我们"));
/// assert!(!s.contains("加强") && !s.contains("落实") && !s.contains("推进"));
/// let mine = Stoplist::embedded().with_words(["同志们"]);
/// assert!(mine.contains("同志们"));
/// ```
#[derive(Debug, Clone)]
pub struct Stoplist {
    extra: HashSet<String>,
    embedded: bool,
}

impl Default for Stoplist {
    fn default() -> Self {
        Stoplist::embedded()
    }
}

impl Stoplist {
    /// The embedded function-word list.
    pub fn embedded() -> Stoplist {
        Stoplist {
            extra: HashSet::new(),
            embedded: true,
        }
    }

    /// No stopwords at all: every word is a term.
    pub fn none() -> Stoplist {
        Stoplist {
            extra: HashSet::new(),
            embedded: false,
        }
    }

    /// This list plus `words`.
    #[must_use]
    pub fn with_words<I: IntoIterator<Item = S>, S: Into<String>>(mut self, words: I) -> Self {
        self.extra.extend(words.into_iter().map(Into::into));
        self
    }

    /// This list plus the words of a file's text: one a line, blank lines
    /// and `#` comments skipped.
    #[must_use]
    pub fn with_list(self, text: &str) -> Self {
        self.with_words(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        )
    }

    /// Whether `word` is on the list.
    pub fn contains(&self, word: &str) -> bool {
        (self.embedded && EMBEDDED.contains(word)) || self.extra.contains(word)
    }
}

/// A token that is a word: it has a letter or a digit (punctuation and
/// whitespace are not words).
pub(crate) fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// A word written with digits (a figure: `2020`, `5.8万`, `95%`).
pub(crate) fn has_digit(token: &str) -> bool {
    token
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// A word that is counted as a term: not a figure or numeral (digits, or
/// jieba's tag `m`: 一九五八年, 第一个), not a stopword.
pub(crate) fn is_term(token: &str, pos: Option<&str>, stop: &Stoplist) -> bool {
    is_word(token) && pos != Some("m") && !has_digit(token) && !stop.contains(token)
}

/// A term that may be a keyword: two characters or more.
pub(crate) fn is_keyword(term: &str) -> bool {
    term.chars().nth(1).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stoplist_is_sorted_unique_and_keeps_formulaic_verbs() {
        crate::extract::assert_sorted_unique(STOPWORDS);
        let s = Stoplist::embedded();
        for w in [
            "加强",
            "推进",
            "落实",
            "坚持",
            "深化",
            "进一步",
            "切实",
            "要",
            "应当",
        ] {
            assert!(!s.contains(w), "{w} must be counted");
        }
        assert!(s.contains("的") && s.contains("以及"));
        assert!(!Stoplist::none().contains("的"));
    }

    #[test]
    fn words_and_terms() {
        let s = Stoplist::embedded();
        assert!(is_term("落实", Some("v"), &s));
        assert!(!is_term("的", Some("uj"), &s));
        assert!(!is_term("2020", None, &s));
        assert!(!is_term("一九五八年", Some("m"), &s));
        assert!(!is_term("，", Some("x"), &s));
        assert!(is_word("2020") && !is_word(" "));
        assert!(is_keyword("疫情") && !is_keyword("党"));
    }
}
