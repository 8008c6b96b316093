//! Cue lexicons, compiled once into one Aho-Corasick automaton.

use super::Role;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// One cue phrase with the role it points to and its weight.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    pub phrase: &'static str,
    pub role: Role,
    pub weight: f32,
}

/// All role cues in one automaton. Matches overlap; the classifier keeps
/// those that fall on word boundaries, longest first (还不够 over 不够).
pub(crate) struct Lexicon {
    pub ac: AhoCorasick,
    /// Per pattern: its cues (a phrase may point to several roles).
    pub cues: Vec<Vec<Cue>>,
}

pub(crate) const CUE_FILES: [(Role, &str); 5] = [
    (
        Role::Achievement,
        include_str!("../../data/cues/achievement.txt"),
    ),
    (Role::Problem, include_str!("../../data/cues/problem.txt")),
    (Role::Cause, include_str!("../../data/cues/cause.txt")),
    (
        Role::Commitment,
        include_str!("../../data/cues/commitment.txt"),
    ),
    (Role::Other, include_str!("../../data/cues/other.txt")),
];

pub(crate) const HEADING_FILE: &str = include_str!("../../data/cues/heading.txt");

/// Lines of a data file, comments and blank lines skipped.
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_role(s: &str) -> Option<Role> {
    Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut phrases: Vec<&'static str> = Vec::new();
    let mut cues: Vec<Vec<Cue>> = Vec::new();
    for (role, data) in CUE_FILES {
        for line in data_lines(data) {
            let (phrase, w) = line.split_once('\t').unwrap_or((line, "1"));
            let weight: f32 = w.trim().parse().unwrap_or(1.0);
            let cue = Cue {
                phrase,
                role,
                weight,
            };
            match phrases.iter().position(|p| *p == phrase) {
                Some(i) => cues[i].push(cue),
                None => {
                    phrases.push(phrase);
                    cues.push(vec![cue]);
                }
            }
        }
    }
    // A DFA (about 2 MB): every sentence runs through it, and an
    // overlapping search on a DFA takes one table lookup per byte.
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&phrases)
        .expect("cue lexicon compiles");
    Lexicon { ac, cues }
});

/// Heading cues: a heading containing one gives its role to its section.
pub(crate) static HEADINGS: LazyLock<(AhoCorasick, Vec<(Role, &'static str)>)> =
    LazyLock::new(|| {
        let mut phrases = Vec::new();
        let mut roles = Vec::new();
        for line in data_lines(HEADING_FILE) {
            if let Some((p, r)) = line.split_once('\t') {
                if let Some(r) = parse_role(r) {
                    phrases.push(p);
                    roles.push((r, p));
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .expect("heading lexicon compiles");
        (ac, roles)
    });

/// Asserts that a data file's keys (the text before a tab) are non-empty,
/// sorted by bytes and unique; every lexicon test calls it.
#[cfg(test)]
pub(crate) fn assert_sorted_unique(data: &'static str) {
    let keys: Vec<&str> = data_lines(data)
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    assert!(!keys.is_empty());
    assert!(keys.iter().all(|k| !k.trim().is_empty()));
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "not sorted/unique near {:?}",
        keys.windows(2).find(|w| w[0] >= w[1])
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_sorted_unique_nonempty() {
        for (_, data) in CUE_FILES
            .iter()
            .copied()
            .chain([(Role::Other, HEADING_FILE)])
        {
            assert_sorted_unique(data);
        }
        assert!(LEXICON.cues.len() > 400);
        assert!(!HEADINGS.1.is_empty());
    }

    #[test]
    fn every_line_has_a_weight_or_role() {
        for (_, data) in CUE_FILES {
            for l in data_lines(data) {
                let (_, w) = l.split_once('\t').expect("phrase<TAB>weight");
                assert!(w.trim().parse::<f32>().is_ok(), "bad weight in {l:?}");
            }
        }
        for l in data_lines(HEADING_FILE) {
            let (_, r) = l.split_once('\t').expect("phrase<TAB>role");
            assert!(parse_role(r).is_some(), "bad role in {l:?}");
        }
    }
}
