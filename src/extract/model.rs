//! The learned layer over the role rules: multinomial logistic regression
//! on the rules' own contributions (cue hits, section and list context,
//! neighbour votes, flags). The rules say what to look at; the weights,
//! fitted on the dev split of the gold set, say how much each is worth.

use super::Role;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: feature names are short and trusted, so a fast non-keyed hash
/// serves the per-sentence lookups better than SipHash.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

use std::sync::LazyLock;

const N: usize = 5;

/// A row padded to eight lanes (the last three zero), so that adding it to
/// a sum compiles to two vector multiply-adds instead of five scalar ones.
/// Each lane is still one multiply and one add, in the same order, so the
/// sums are bit for bit those of five-lane rows.
type Row8 = [f32; 8];

/// `w` padded to eight lanes.
fn pad(w: [f32; N]) -> Row8 {
    let mut r = [0f32; 8];
    r[..N].copy_from_slice(&w);
    r
}

/// `z + w * v`, lane by lane.
#[inline(always)]
fn add8(z: Row8, w: &Row8, v: f32) -> Row8 {
    std::array::from_fn(|k| z[k] + w[k] * v)
}

/// Weights per feature and role, plus a bias per role.
#[derive(Debug, Clone, Default)]
pub(crate) struct RoleModel {
    bias: [f32; N],
    weights: FastMap<String, [f32; N]>,
    /// Word-bucket weights (`tok:N` rows), indexed by bucket, for lookups
    /// without building a name; padded to eight lanes.
    buckets: Vec<Row8>,
    /// Tells models apart in the per-thread lookup cache.
    id: u64,
}

/// A fresh model id.
fn next_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A rule feature by identity: the address of its `&'static str`, then
/// its length, variant and role packed into one word. The same feature
/// always comes from the same string literal, so the address stands for
/// the name.
type FeatKey = (u64, u64);

fn feat_key(f: super::role::Feat) -> Option<FeatKey> {
    use super::role::Feat;
    let (variant, k, r) = match f {
        Feat::Tok(_) => return None,
        Feat::Rule(r, k) => (0u64, k, r as u64),
        Feat::Flag(k) => (1, k, 0),
        Feat::Of(k, r) => (2, k, r as u64),
    };
    Some((k.as_ptr() as u64, (k.len() as u64) << 16 | variant << 8 | r))
}

/// The weights of two models for one feature, as the lookup cache keeps
/// them (padded to eight lanes): `None` where a model has no row for it.
type PairRow = (Option<Row8>, Option<Row8>);

/// An open-addressing table from [`FeatKey`] to the rows of one pair of
/// models: one multiply and, almost always, one probe per lookup.
struct PairCache {
    models: (u64, u64),
    keys: Vec<FeatKey>,
    rows: Vec<PairRow>,
    len: usize,
}

impl PairCache {
    fn new(models: (u64, u64)) -> PairCache {
        PairCache {
            models,
            keys: vec![(0, 0); 256],
            rows: vec![(None, None); 256],
            len: 0,
        }
    }

    fn slot(keys: &[FeatKey], key: FeatKey) -> usize {
        let mask = keys.len() - 1;
        let h = (key.0 ^ key.1.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut i = (h >> 40) as usize & mask;
        // Address 0 never holds a string: it marks an empty slot.
        while keys[i].0 != 0 && keys[i] != key {
            i = (i + 1) & mask;
        }
        i
    }

    /// The rows of feature `f` (whose key is `key`) in models `a` and `b`.
    #[inline]
    fn get(
        &mut self,
        key: FeatKey,
        f: super::role::Feat,
        a: &RoleModel,
        b: Option<&RoleModel>,
    ) -> &PairRow {
        let i = Self::slot(&self.keys, key);
        if self.keys[i].0 == 0 {
            return self.insert(key, f, a, b);
        }
        &self.rows[i]
    }

    #[cold]
    fn insert(
        &mut self,
        key: FeatKey,
        f: super::role::Feat,
        a: &RoleModel,
        b: Option<&RoleModel>,
    ) -> &PairRow {
        if 2 * (self.len + 1) > self.keys.len() {
            let cap = self.keys.len() * 2;
            let keys = std::mem::replace(&mut self.keys, vec![(0, 0); cap]);
            let rows = std::mem::replace(&mut self.rows, vec![(None, None); cap]);
            for (k, r) in keys.into_iter().zip(rows) {
                if k.0 != 0 {
                    let j = Self::slot(&self.keys, k);
                    self.keys[j] = k;
                    self.rows[j] = r;
                }
            }
        }
        let i = Self::slot(&self.keys, key);
        self.keys[i] = key;
        self.rows[i] = (a.row(f).map(pad), b.and_then(|b| b.row(f)).map(pad));
        self.len += 1;
        &self.rows[i]
    }
}

thread_local! {
    /// Weights of rule features already looked up on this thread, per pair
    /// of models, so each name is built and hashed once per thread, not
    /// once per sentence.
    static LOOKUP: std::cell::RefCell<Vec<PairCache>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The embedded model (`data/role_model.tsv`).
pub(crate) static MODEL: LazyLock<RoleModel> =
    LazyLock::new(|| RoleModel::parse(include_str!("../../data/role_model.tsv")));

/// The embedded stage-2 model (`data/role_context_model.tsv`): the stage-1
/// features plus what stage 1 believes of the neighbouring sentences.
pub(crate) static CONTEXT_MODEL: LazyLock<RoleModel> =
    LazyLock::new(|| RoleModel::parse(include_str!("../../data/role_context_model.tsv")));

impl RoleModel {
    /// Parses `feature<TAB>w_achievement<TAB>w_problem<TAB>w_cause<TAB>w_commitment<TAB>w_other`
    /// lines; `__bias__` is the bias. Lines that do not parse are skipped.
    pub(crate) fn parse(data: &str) -> RoleModel {
        let mut m = RoleModel {
            id: next_id(),
            ..RoleModel::default()
        };
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut it = line.split('\t');
            let Some(name) = it.next() else { continue };
            let mut w = [0f32; N];
            let mut ok = true;
            for x in &mut w {
                match it.next().and_then(|v| v.trim().parse::<f32>().ok()) {
                    Some(v) if v.is_finite() => *x = v,
                    _ => ok = false,
                }
            }
            if !ok {
                continue;
            }
            if name == "__bias__" {
                m.bias = w;
            } else {
                if let Some(b) = name
                    .strip_prefix("tok:")
                    .and_then(|b| b.parse::<usize>().ok())
                {
                    if m.buckets.len() <= b {
                        m.buckets.resize(b + 1, [0.0; 8]);
                    }
                    m.buckets[b] = pad(w);
                }
                m.weights.insert(name.to_owned(), w);
            }
        }
        m
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    fn logits(&self, feats: &[(String, f32)]) -> [f32; N] {
        let mut z = self.bias;
        for (f, v) in feats {
            if let Some(w) = self.weights.get(f.as_str()) {
                for k in 0..N {
                    z[k] += w[k] * v;
                }
            }
        }
        z
    }

    /// Role probabilities for one sentence's features.
    pub(crate) fn probabilities(&self, feats: &[(String, f32)]) -> [f32; N] {
        softmax(self.logits(feats))
    }

    /// The weights of one feature, if the model has any.
    pub(crate) fn row(&self, f: super::role::Feat) -> Option<[f32; N]> {
        self.weights.get(f.name().as_str()).copied()
    }

    /// The model as TSV, features sorted, so a retrained file diffs cleanly.
    pub(crate) fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# Role model: multinomial logistic regression over the rule features.\n\
             # feature<TAB>achievement<TAB>problem<TAB>cause<TAB>commitment<TAB>other\n\
             # Fitted by `shuzhi train-roles` on corpora/gold/dev only; never on the test split.\n",
        );
        let row = |name: &str, w: &[f32; N]| {
            let cols: Vec<String> = w.iter().map(|x| format!("{x:.4}")).collect();
            format!("{name}\t{}\n", cols.join("\t"))
        };
        out.push_str(&row("__bias__", &self.bias));
        let sorted: BTreeMap<&String, &[f32; N]> = self.weights.iter().collect();
        for (k, w) in sorted {
            if w.iter().any(|x| x.abs() >= 0.00005) {
                out.push_str(&row(k, w));
            }
        }
        out
    }
}

/// The logits of model `a` and, if given, of model `b` over the same
/// features, with one cache lookup per feature for both. Each model's sum
/// runs over the features in order from its bias, exactly as it would
/// alone.
pub(crate) fn logits_pair(
    a: &RoleModel,
    b: Option<&RoleModel>,
    feats: &[(super::role::Feat, f32)],
) -> ([f32; N], [f32; N]) {
    use super::role::Feat;
    let ids = (a.id, b.map_or(0, |b| b.id));
    // The sums are locals of the closure, kept in registers.
    let (za, zb) = LOOKUP.with(|cache| {
        let mut za = pad(a.bias);
        let mut zb = pad(b.map_or([0.0; N], |b| b.bias));
        let mut cache = cache.borrow_mut();
        let at = match cache.iter().position(|c| c.models == ids) {
            Some(i) => i,
            None => {
                cache.push(PairCache::new(ids));
                cache.len() - 1
            }
        };
        let table = &mut cache[at];
        for &(f, v) in feats {
            let Some(key) = feat_key(f) else {
                if let Feat::Tok(t) = f {
                    if let Some(w) = a.buckets.get(t as usize) {
                        za = add8(za, w, v);
                    }
                    if let Some(w) = b.and_then(|b| b.buckets.get(t as usize)) {
                        zb = add8(zb, w, v);
                    }
                }
                continue;
            };
            let (wa, wb) = table.get(key, f, a, b);
            if let Some(w) = wa {
                za = add8(za, w, v);
            }
            if let Some(w) = wb {
                zb = add8(zb, w, v);
            }
        }
        (za, zb)
    });
    let five = |z: Row8| -> [f32; N] { [z[0], z[1], z[2], z[3], z[4]] };
    (five(za), five(zb))
}

/// Probabilities from logits.
pub(crate) fn softmax(z: [f32; N]) -> [f32; N] {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut e = [0f32; N];
    let mut s = 0.0;
    for k in 0..N {
        e[k] = (z[k] - m).exp();
        s += e[k];
    }
    for x in &mut e {
        *x /= s;
    }
    e
}

/// One training sample: a sentence's features and its gold role.
pub type Sample = (Vec<(String, f32)>, Role);

/// Fits a model by full-batch gradient descent (AdaGrad) with L2
/// regularisation; deterministic for the same samples.
pub(crate) fn train(samples: &[Sample], l2: f32, epochs: usize) -> RoleModel {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (f, _) in samples {
        for (name, _) in f {
            let n = index.len();
            index.entry(name.as_str()).or_insert(n);
        }
    }
    // Stable ids in name order.
    let names: Vec<&str> = index.keys().copied().collect();
    let id: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let xs: Vec<Vec<(usize, f32)>> = samples
        .iter()
        .map(|(f, _)| f.iter().map(|(n, v)| (id[n.as_str()], *v)).collect())
        .collect();
    let ys: Vec<usize> = samples.iter().map(|(_, r)| *r as usize).collect();
    let d = names.len();
    let mut w = vec![[0f32; N]; d];
    let mut b = [0f32; N];
    let mut gw_acc = vec![[1e-8f32; N]; d];
    let mut gb_acc = [1e-8f32; N];
    let lr = 0.5f32;
    let n = samples.len().max(1) as f32;
    for _ in 0..epochs {
        let mut gw = vec![[0f32; N]; d];
        let mut gb = [0f32; N];
        for (x, &y) in xs.iter().zip(&ys) {
            let mut z = b;
            for &(j, v) in x {
                for k in 0..N {
                    z[k] += w[j][k] * v;
                }
            }
            let p = softmax(z);
            for k in 0..N {
                let g = p[k] - if k == y { 1.0 } else { 0.0 };
                gb[k] += g / n;
                for &(j, v) in x {
                    gw[j][k] += g * v / n;
                }
            }
        }
        for j in 0..d {
            for k in 0..N {
                let g = gw[j][k] + l2 * w[j][k];
                gw_acc[j][k] += g * g;
                w[j][k] -= lr * g / gw_acc[j][k].sqrt();
            }
        }
        for k in 0..N {
            gb_acc[k] += gb[k] * gb[k];
            b[k] -= lr * gb[k] / gb_acc[k].sqrt();
        }
    }
    let weights: FastMap<String, [f32; N]> =
        names.iter().map(|n| (n.to_string(), w[id[n]])).collect();
    let mut buckets = Vec::new();
    for (name, wt) in &weights {
        if let Some(b) = name
            .strip_prefix("tok:")
            .and_then(|b| b.parse::<usize>().ok())
        {
            if buckets.len() <= b {
                buckets.resize(b + 1, [0.0; 8]);
            }
            buckets[b] = pad(*wt);
        }
    }
    RoleModel {
        bias: b,
        weights,
        buckets,
        id: next_id(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_toy_problem_and_round_trips() {
        let s = |f: &str, r| (vec![(f.to_owned(), 1.0)], r);
        let samples = vec![
            s("problem:不够", Role::Problem),
            s("commitment:要", Role::Commitment),
            s("problem:不够", Role::Problem),
            s("commitment:要", Role::Commitment),
        ];
        let m = train(&samples, 0.001, 200);
        let p = m.probabilities(&samples[0].0);
        assert!(p[Role::Problem as usize] > 0.8, "{p:?}");
        let back = RoleModel::parse(&m.to_tsv());
        let q = back.probabilities(&samples[1].0);
        assert!(q[Role::Commitment as usize] > 0.8, "{q:?}");
    }

    #[test]
    fn embedded_model_parses() {
        let text = include_str!("../../data/role_model.tsv");
        let rows = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert_eq!(MODEL.weights.len() + 1, rows, "every row parses");
    }
}
