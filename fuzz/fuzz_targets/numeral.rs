//! The numeral parser on arbitrary strings: no panic, finite values,
//! lengths on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shuzhi::numeral;

fuzz_target!(|s: &str| {
    for n in [numeral::scan(s), numeral::scan_after_marker(s)]
        .into_iter()
        .flatten()
    {
        assert!(n.value.is_finite(), "{s:?}");
        assert!(
            n.len > 0 && n.len <= s.len() && s.is_char_boundary(n.len),
            "{s:?}"
        );
        assert_eq!(s[..n.len].chars().count(), n.chars, "{s:?}");
    }
    if let Some((v, len)) = numeral::scan_fraction(s) {
        assert!(v.is_finite(), "{s:?}");
        assert!(len <= s.len() && s.is_char_boundary(len), "{s:?}");
    }
    if let Some(v) = numeral::parse(s) {
        assert!(v.is_finite(), "{s:?}");
    }
    let _ = s.chars().map(numeral::is_numeral_char).count();
});
