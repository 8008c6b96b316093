"""Agreement between two blind annotations of the same text.

Each file here annotates a speech of corpora/extra/ that turned out to be
the same text as a document of the gold set (PAIRS below). Run from the
repository root: python3 corpora/agreement/agreement.py
"""
import glob
import json

PAIRS = [
    ("extra-001", "dev-015"), ("extra-004", "dev-016"), ("extra-006", "dev-017"),
    ("extra-010", "dev-018"), ("extra-030", "dev-018"), ("extra-037", "dev-019"),
    ("extra-040", "extra-041"), ("extra-046", "extra-044"), ("extra-048", "extra-047"),
    ("extra-054", "extra-018"), ("extra-055", "dev-020"),
]
ROLES = ["achievement", "problem", "cause", "commitment"]

docs = {}
for f in glob.glob("corpora/gold/*/*.jsonl") + glob.glob("corpora/agreement/*.jsonl"):
    for line in open(f, encoding="utf-8"):
        d = json.loads(line)
        docs.setdefault(d["id"], d)

pairs, doc_agree = [], 0
for a, b in PAIRS:
    ra = {s["text"]: s["role"] for s in docs[a]["sentences"] if not s["heading"]}
    rb = {s["text"]: s["role"] for s in docs[b]["sentences"] if not s["heading"]}
    pairs += [(ra[t], rb[t]) for t in ra if t in rb]
    doc_agree += docs[a]["doc"] == docs[b]["doc"]
print(f"{len(pairs)} shared sentences, role agreement "
      f"{sum(x == y for x, y in pairs) / len(pairs):.3f}; "
      f"document labels agree on {doc_agree} of {len(PAIRS)} pairs")
for r in ROLES:
    tp = sum(x == r and y == r for x, y in pairs)
    n = sum(x == r for x, y in pairs) + sum(y == r for x, y in pairs)
    print(f"  {r:12s} F1 {2 * tp / n:.3f} ({n // 2} sentences on average)" if n else f"  {r}: none")
