//! Half-open byte spans into a document's decoded text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the decoded text of a document.
///
/// # Numbering
///
/// Offsets count bytes of the UTF-8 text as decoded from the input (after a
/// byte-order mark is dropped), and always fall on `char` boundaries. A span
/// serializes as a two-element array `[start, end]`.
///
/// ```
/// use shuzhi::Span;
/// let text = "全州共排查各类公路安全隐患857处。";
/// let span = Span::new(9, 15);
/// assert_eq!(span.as_str(text), "排查");
/// assert_eq!(serde_json::to_string(&span).unwrap(), "[9,15]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text of the span, or `""` when it does not fall inside `text` on
    /// char boundaries (never panics).
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The span as a `Range<usize>`.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(Span { start, end })
    }
}
