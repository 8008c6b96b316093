//! Keyness: Dunning's log-likelihood G² of a term in a target group
//! against the rest of the corpus.

/// The keyness of one term in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyness {
    /// The term.
    pub term: String,
    /// Occurrences in the group.
    pub count: u64,
    /// Occurrences in the rest of the corpus.
    pub count_rest: u64,
    /// Signed G²: positive when the term is more frequent in the group than
    /// in the rest, negative when less.
    pub g2: f64,
    /// The p-value of G² against χ² with one degree of freedom.
    pub p: f64,
    /// Hardie's Log Ratio: log₂ of the ratio of relative frequencies, each
    /// count plus 0.5 so that a term absent from one side stays finite.
    pub log_ratio: f64,
}

/// Signed G² for `a` occurrences in `c` tokens against `b` in `d`.
///
/// ```
/// use shuzhi::corpus::g2;
/// // The same rate on both sides: no keyness.
/// assert!(g2(10, 20, 1000, 2000).abs() < 1e-12);
/// // 疫情 50 times in 20,000 tokens, 10 times in 1,000,000.
/// let k = g2(50, 10, 20_000, 1_000_000);
/// assert!(k > 300.0 && k < 400.0, "{k}");
/// assert!(g2(1, 1000, 20_000, 1_000_000) < 0.0);
/// ```
pub fn g2(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c <= 0.0 || d <= 0.0 || a + b <= 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    let g = 2.0 * (term(a, e1) + term(b, e2));
    let g = g.max(0.0);
    if a / c < b / d {
        -g
    } else {
        g
    }
}

/// The p-value of a G² statistic (χ², one degree of freedom):
/// `erfc(sqrt(|g2| / 2))`.
///
/// ```
/// let p = shuzhi::corpus::p_value(3.841);
/// assert!((p - 0.05).abs() < 1e-3, "{p}");
/// ```
pub fn p_value(g2: f64) -> f64 {
    erfc((g2.abs() / 2.0).sqrt())
}

/// Complementary error function (Numerical Recipes' Chebyshev fit,
/// relative error below 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// Hardie's Log Ratio with 0.5 added to each count.
pub(crate) fn log_ratio(a: u64, b: u64, c: u64, d: u64) -> f64 {
    if c == 0 || d == 0 {
        return 0.0;
    }
    ((a as f64 + 0.5) / c as f64 / ((b as f64 + 0.5) / d as f64)).log2()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_matches_a_hand_computation() {
        // a=20, b=5, c=1000, d=1000: E = 12.5 each;
        // G² = 2(20 ln 1.6 + 5 ln 0.4) = 9.6377…
        let g = g2(20, 5, 1000, 1000);
        assert!((g - 9.637_7).abs() < 1e-3, "{g}");
        assert!((g2(5, 20, 1000, 1000) + g).abs() < 1e-12);
        assert_eq!(g2(0, 0, 10, 10), 0.0);
        assert!((p_value(0.0) - 1.0).abs() < 1e-6);
        assert!(p_value(10.83) < 0.0011 && p_value(10.83) > 0.0009);
        assert!((log_ratio(1, 1, 10, 20) - 1.0).abs() < 1e-12);
    }
}
