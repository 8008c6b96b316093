//! Near-duplicates on a set generated from the real bulk corpus
//! (`benches/neardup_corpus.rs`): planted copies with at most 10% of their
//! text edited are all found, and no pair of distinct real documents is.

#[path = "../benches/support/neardup_corpus.rs"]
mod corpus;

use corpus::{Kind, KNOWN_DUPLICATES};
use shuzhi::{near_duplicates, Analysis, Analyzer, Config};
use std::collections::HashSet;

fn known(a: &str, b: &str) -> bool {
    KNOWN_DUPLICATES
        .iter()
        .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

#[test]
fn planted_copies_all_found_and_no_false_pair() {
    // Fast in a debug build: the speeches (with their stored-twice pairs),
    // the Party Congress reports and the NPC resolutions as real text.
    let bulk: Vec<(String, String)> = corpus::bulk_docs()
        .into_iter()
        .filter(|(id, _)| {
            id.starts_with("speech-") || id.starts_with("cpc-") || id.starts_with("npc-")
        })
        .collect();
    let texts: Vec<String> = bulk.iter().map(|(_, t)| t.clone()).collect();
    let set = corpus::generate(&texts, 400, 80, 11);
    let an = Analyzer::new();
    let mut docs: Vec<Analysis> = set
        .docs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut a = an.outline(t);
            a.id = i.to_string();
            a
        })
        .collect();
    let cfg = Config::default();
    let found = near_duplicates(&mut docs, &cfg);
    let pairs: HashSet<(usize, usize)> = found.pairs().iter().map(|p| (p.a, p.b)).collect();
    // Recall 1.0 on planted copies.
    let mut planted = 0;
    for (i, k) in set.kinds.iter().enumerate() {
        if let Kind::Copy { of, edited } = *k {
            assert!(edited <= 0.10 + 1e-9);
            planted += 1;
            assert!(
                pairs.contains(&(of.min(i), of.max(i))),
                "copy {i} of {of} ({:.1}% edited) not found",
                edited * 100.0
            );
        }
    }
    assert_eq!(planted, 80);
    // Every pair found is a copy and its original (or two copies of one
    // original), or pieces of a bulk text stored twice.
    let root = |i: usize| match set.kinds[i] {
        Kind::Copy { of, .. } => of,
        _ => i,
    };
    let mut real_dups = 0;
    for p in found.pairs() {
        let (ra, rb) = (root(p.a), root(p.b));
        if ra == rb {
            continue;
        }
        let (sa, sb) = (set.source[ra], set.source[rb]);
        assert!(
            sa != usize::MAX && sb != usize::MAX && known(&bulk[sa].0, &bulk[sb].0),
            "false pair {} ({:?}) – {} ({:?}) at {}",
            p.a,
            set.kinds[p.a],
            p.b,
            set.kinds[p.b],
            p.similarity
        );
        real_dups += 1;
    }
    assert!(real_dups >= KNOWN_DUPLICATES.len(), "{real_dups}");
}

/// The whole bulk corpus: every pair found is a text stored twice, and
/// the formulaic NPC resolutions (up to 0.66 alike) are not pairs.
#[test]
fn bulk_corpus_pairs_are_the_texts_stored_twice() {
    let an = Analyzer::new();
    let mut docs: Vec<Analysis> = corpus::bulk_docs()
        .into_iter()
        .map(|(id, t)| {
            let mut a = an.outline(&t);
            a.id = id;
            a
        })
        .collect();
    let found = near_duplicates(&mut docs, &Config::default());
    let mut got: Vec<(String, String)> = found
        .pairs()
        .iter()
        .map(|p| (found.id(p.a).to_owned(), found.id(p.b).to_owned()))
        .collect();
    got.sort();
    let want: Vec<(String, String)> = KNOWN_DUPLICATES
        .iter()
        .map(|&(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
    assert_eq!(got, want);
    assert!(found.pairs().iter().all(|p| p.similarity > 0.98));
}
