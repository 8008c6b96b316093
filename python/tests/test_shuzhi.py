"""Tests of the shuzhi Python package, run against the installed wheel."""

import json
import os
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import shuzhi

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
BULK = ROOT / "corpora" / "bulk"

HEAVY = (
    "2020年度个人述职报告\n"
    "一、主要工作\n"
    "全年召开党委会12次，排查各类安全隐患857处，已整改落实748处。\n"
    "二、存在的问题\n"
    "理论学习不够深入，创新意识有待提高。\n"
    "三、下一步打算\n"
    "我们将在6月底前完成3个支部换届。\n"
)


@pytest.fixture(scope="module")
def an():
    return shuzhi.Analyzer()


def seed(i):
    return SEEDS[i].read_text(encoding="utf-8")


def bulk_lines(name, n):
    with open(BULK / name, encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(n), f)]


def test_a_seed_is_analysed(an):
    rec = an.analyze(seed(4), id="seed-004")
    assert rec["schema"] == shuzhi.SCHEMA == "shuzhi/1"
    assert rec["id"] == "seed-004"
    assert rec["title"] == "2017年全州公路安全生产工作会议讲话稿"
    s = rec["sentences"][9]
    assert s["text"] == "全州共排查各类公路安全隐患857处,已整改落实748处;"
    assert s["role"] == "achievement"
    figures = {(f["text"], f["kind"], f["value"]) for f in rec["figures"] if f["sentence"] == 9}
    assert figures == {("857处", "quantity", 857), ("748处", "quantity", 748)}
    assert 0 <= rec["assessment"]["score"]["total"] <= 100


def test_roles_and_records(an):
    rec = an.analyze(HEAVY)
    roles = [s["role"] for s in rec["sentences"]]
    assert roles[4] == "problem" and roles[6] == "commitment"
    assert rec["problems"][0]["specific"] is False
    assert rec["commitments"][0]["deadline"] == "6月底前"
    assert rec["id"] == "text"
    assert "meta" not in rec
    assert shuzhi.ROLES == ("achievement", "problem", "cause", "commitment", "other")


@pytest.mark.skipif(not os.environ.get("SHUZHI_BIN"), reason="SHUZHI_BIN (the shuzhi binary) not set")
def test_records_are_the_commands(an, tmp_path):
    """Record for record the same as `shuzhi analyze --input-jsonl`."""
    lines = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in SEEDS[:4]]
    lines += bulk_lines("speeches-2020.jsonl", 6)
    lines.append({"id": 7, "text": "同志们：要抓落实。", "year": None, "tags": ["a", 1]})
    lines.append({"id": "no-text", "year": 2020})
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    out = subprocess.run(
        [os.environ["SHUZHI_BIN"], "analyze", "--input-jsonl", str(src)],
        check=True, capture_output=True,
    ).stdout.decode("utf-8")
    cli = [json.loads(x) for x in out.splitlines()]
    assert len(cli) == len(lines)
    texts = [x.get("text") for x in lines]
    ids = [x["id"] for x in lines]
    metas = [{k: v for k, v in x.items() if k not in ("id", "text")} for x in lines]
    recs = an.analyze_batch(texts, ids=ids, metas=metas, jobs=2)
    for c, r in zip(cli[:-1], recs[:-1]):
        assert r == c, r["id"]
    # The line without a text: an `input` error record in both, same id and meta.
    assert cli[-1]["error"]["kind"] == recs[-1]["error"]["kind"] == "input"
    assert cli[-1]["meta"] == recs[-1]["meta"] == {"year": 2020}
    assert [an.analyze(t, id=i, meta=m) for t, i, m in zip(texts[:3], ids[:3], metas[:3])] == cli[:3]


def test_batch_keeps_order_and_threads_agree(an):
    texts = [seed(i) for i in range(4)] + [HEAVY, "", "要抓落实。"]
    one = an.analyze_batch(texts, jobs=1)
    two = an.analyze_batch(texts, jobs=2)
    default = an.analyze_batch(texts)
    assert one == two == default
    assert [r["id"] for r in one] == [str(i) for i in range(len(texts))]
    assert one[4] == an.analyze(HEAVY, id="4")
    lines = an.analyze_batch_json(texts, jobs=2)
    assert all(isinstance(x, str) and "\n" not in x for x in lines)
    assert [json.loads(x) for x in lines] == one
    assert an.analyze_batch([]) == []
    with pytest.raises(ValueError):
        an.analyze_batch(texts, jobs=0)
    with pytest.raises(ValueError):
        an.analyze_batch(texts, ids=["a"])
    with pytest.raises(TypeError):
        an.analyze_batch(["ok", b"bytes"])


def test_missing_and_too_large_texts_are_error_records():
    an = shuzhi.Analyzer(config={"max_document_bytes": 100})
    recs = an.analyze_batch([None, float("nan"), "很长的文本。" * 20, "要抓落实。"], ids=list("abcd"))
    assert [r.get("error", {}).get("kind") for r in recs] == ["input", "input", "too_large", None]
    assert recs[2] == {
        "schema": "shuzhi/1",
        "id": "c",
        "error": {"kind": "too_large", "message": "the text is larger than 100 bytes"},
    }
    assert recs[3]["sentences"]


def test_batch_releases_the_gil(an):
    """While a batch runs on another thread, this one keeps running Python."""
    texts = [seed(i) for i in range(5)] * 40
    span = {}
    ticks = []

    def work():
        span["start"] = time.perf_counter()
        span["recs"] = an.analyze_batch(texts, jobs=1)
        span["end"] = time.perf_counter()

    t = threading.Thread(target=work)
    t.start()
    while t.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    assert len(span["recs"]) == len(texts)
    # Turns this thread took while the call was under way (a margin off
    # each end for the arguments and the last records): with the GIL held
    # for the call there would be none.
    inside = [x for x in ticks if span["start"] + 0.02 < x < span["end"] - 0.02]
    assert span["end"] - span["start"] > 0.1
    assert len(inside) > 10, (span["end"] - span["start"], len(inside))


DOC_COLUMNS = [
    "id", "genre", "chars", "sentences",
    "achievement_share", "problem_share", "cause_share", "commitment_share", "other_share",
    "figures", "figures_per_1000", "formulaic_per_1000",
    "problems", "specific_problems", "score", "flags", "error",
]


def test_screen_columns_and_values(an):
    texts = [seed(0), HEAVY, None]
    df = an.screen(texts, ids=["s0", "heavy", "none"])
    assert list(df.columns) == DOC_COLUMNS
    assert len(df) == 3
    recs = an.analyze_batch(texts, ids=["s0", "heavy", "none"])
    for i, r in enumerate(recs[:2]):
        row = df.iloc[i]
        asm = r["assessment"]
        assert row["id"] == r["id"] and row["genre"] == r["genre"]
        assert row["chars"] == r["chars"] and row["sentences"] == len(r["sentences"])
        for role in shuzhi.ROLES:
            assert row[f"{role}_share"] == asm["shares"][role]
        assert row["score"] == asm["score"]["total"]
        assert row["formulaic_per_1000"] == asm["formulaic_per_1000"]
        codes = list(dict.fromkeys(f["code"] for f in asm["flags"]))
        assert row["flags"] == " ".join(codes)
        real = [f for f in r["figures"] if f["kind"] not in ("ordinal", "slogan")]
        assert row["figures"] == len(real)
        assert row["figures_per_1000"] == pytest.approx(len(real) / r["chars"] * 1000)
        problems = [s for s in r["sentences"] if s["role"] == "problem" and not s["heading"]]
        assert row["problems"] == len(problems)
        assert row["error"] is None
    heavy = df.iloc[1]
    assert heavy["problems"] == 1 and heavy["specific_problems"] == 0
    none = df.iloc[2]
    assert none["error"].startswith("input: ")
    assert none["score"] is __import__("pandas").NA and none["genre"] is None
    assert str(df.dtypes["chars"]) == "Int64" and str(df.dtypes["problem_share"]) == "float64"


def test_screen_meta_columns(an):
    metas = [
        {"year": 2020, "region": "上海市", "genre": "x", "weight": 1.5},
        {"year": 2021, "weight": 2, "ok": True},
        None,
    ]
    df = an.screen([HEAVY, HEAVY, HEAVY], ids=["a", "b", "c"], metas=metas)
    assert list(df.columns)[:6] == ["id", "meta_genre", "ok", "region", "weight", "year"]
    assert list(df.columns)[6:] == DOC_COLUMNS[1:]
    assert df["year"].tolist()[:2] == [2020, 2021] and str(df.dtypes["year"]) == "Int64"
    assert df["weight"].tolist()[:2] == [1.5, 2.0]
    assert df["region"].tolist() == ["上海市", None, None]
    assert df["meta_genre"].tolist()[0] == "x" and df["genre"].tolist()[0] == "duty_report"
    # A DataFrame of meta columns: its missing cells are fields left out.
    pd = pytest.importorskip("pandas")
    meta_df = pd.DataFrame({"year": [2020, None], "region": ["上海市", None]})
    recs = an.analyze_batch([HEAVY, HEAVY], metas=meta_df)
    assert recs[0]["meta"] == {"year": 2020.0, "region": "上海市"}
    assert "meta" not in recs[1]
    with pytest.raises(ValueError):
        an.analyze_batch([HEAVY], metas=[{"x": float("nan")}])


def test_arrow_tables_equal_the_data_frames(an):
    pa = pytest.importorskip("pyarrow")
    texts = [seed(1), HEAVY, None, ""]
    metas = [{"year": 2020}, {"year": 2021, "region": "北京"}, {}, None]
    t = an.screen_arrow(texts, ids=list("abcd"), metas=metas)
    df = an.screen(texts, ids=list("abcd"), metas=metas)
    assert isinstance(t, pa.Table)
    assert t.column_names == list(df.columns)
    assert t.schema.field("chars").type == pa.int64()
    assert t.schema.field("problem_share").type == pa.float64()
    assert t.schema.field("id").type == pa.string()
    assert t.to_pylist() == [
        {k: (None if v is __import__("pandas").NA or (isinstance(v, float) and v != v) else v)
         for k, v in row.items()}
        for row in df.astype(object).to_dict("records")
    ]
    st = an.sentences_arrow(texts, ids=list("abcd"))
    sdf = an.sentences(texts, ids=list("abcd"))
    assert st.column_names == list(sdf.columns)
    assert st.schema.field("specific").type == pa.bool_()
    assert st.num_rows == len(sdf)
    assert st.column("text").to_pylist() == sdf["text"].tolist()
    assert st.column("specific").to_pylist() == [None if v is __import__("pandas").NA else v
                                                 for v in sdf["specific"].astype(object)]


def test_sentences_long_format(an):
    df = an.sentences([HEAVY, seed(0)], ids=["h", "s0"])
    assert list(df.columns) == ["id", "index", "char_start", "char_end", "role", "specific", "text", "heading"]
    recs = an.analyze_batch([HEAVY, seed(0)], ids=["h", "s0"])
    assert len(df) == sum(len(r["sentences"]) for r in recs)
    h = df[df["id"] == "h"].reset_index(drop=True)
    assert h["text"].tolist() == [s["text"] for s in recs[0]["sentences"]]
    assert h["role"][4] == "problem" and not h["specific"][4]
    assert h["specific"][4] is not __import__("pandas").NA
    assert h["specific"].isna().sum() == len(h) - 1
    assert h["heading"].tolist()[:2] == [False, True] or h["heading"][1]
    assert [HEAVY[a:b] for a, b in zip(h["char_start"], h["char_end"])] == h["text"].tolist()


def test_config(an, tmp_path):
    assert an.config["max_document_bytes"] == 32 * 1024 * 1024
    strict = shuzhi.Analyzer(config={"min_problem_share": 0.5})
    assert strict.config["min_problem_share"] == 0.5
    assert strict.config["heavy_ratio"] == an.config["heavy_ratio"]
    p = tmp_path / "c.json"
    p.write_text('{"min_document_chars": 10}')
    assert shuzhi.Analyzer(config=p).config["min_document_chars"] == 10
    assert shuzhi.Analyzer(config='{"min_document_chars": 11}').config["min_document_chars"] == 11
    if sys.version_info >= (3, 11):
        q = tmp_path / "c.toml"
        q.write_text("min_document_chars = 12\n")
        assert shuzhi.Analyzer(config=str(q)).config["min_document_chars"] == 12
    with pytest.raises(shuzhi.ConfigError, match="no_such_field"):
        shuzhi.Analyzer(config={"no_such_field": 1})
    with pytest.raises(shuzhi.ConfigError):
        shuzhi.Analyzer(config={"encoding": "no-such-encoding"})
    with pytest.raises(TypeError):
        shuzhi.Analyzer(config=3)


DICT = "揭榜挂帅制 500 n\n赛马争先\n"


def test_user_dictionaries(an, tmp_path):
    p = tmp_path / "mine.txt"
    p.write_text(DICT, encoding="utf-8")
    mine = shuzhi.Analyzer(user_dict=p)
    assert mine.dictionaries == ["jieba-default", "shuzhi-domain", f"file:{p}"]
    assert mine.dict_hash != an.dict_hash
    rec = mine.analyze(HEAVY)
    assert rec["dictionaries"] == mine.dictionaries and rec["dict_hash"] == mine.dict_hash
    both = shuzhi.Analyzer(user_dict=[str(p), "领办代办\n".encode()])
    assert both.dictionaries[2:] == [f"file:{p}", "bytes"]
    with pytest.raises(shuzhi.DictionaryError, match="line 1"):
        shuzhi.Analyzer(user_dict=b"\xff\xfe bad\n")
    with pytest.raises(shuzhi.DictionaryError, match="line 2"):
        shuzhi.Analyzer(user_dict="ok 5\nword 12x\n".encode())
    with pytest.raises(shuzhi.DictionaryError, match="cannot read"):
        shuzhi.Analyzer(user_dict=tmp_path / "missing.txt")
    with pytest.raises(TypeError):
        shuzhi.Analyzer(user_dict=[3])
    assert issubclass(shuzhi.DictionaryError, ValueError)


def test_pickle_carries_config_and_dictionaries(tmp_path):
    p = tmp_path / "mine.txt"
    p.write_text(DICT, encoding="utf-8")
    an = shuzhi.Analyzer(config={"min_document_chars": 50}, user_dict=p)
    blob = pickle.dumps(an)
    p.unlink()  # a worker does not have the file
    back = pickle.loads(blob)
    assert back.dictionaries == an.dictionaries and back.dict_hash == an.dict_hash
    assert back.config == an.config
    assert back.analyze(seed(2)) == an.analyze(seed(2))


def test_pickle_in_another_process(tmp_path):
    """A fresh interpreter (as a Spark, Dask or Ray worker) gets the same analyzer."""
    p = tmp_path / "mine.txt"
    p.write_text(DICT, encoding="utf-8")
    an = shuzhi.Analyzer(user_dict=p)
    (tmp_path / "an.pickle").write_bytes(pickle.dumps(an))
    p.unlink()
    code = (
        "import pickle, sys, json\n"
        "an = pickle.loads(open(sys.argv[1], 'rb').read())\n"
        "print(json.dumps([an.dict_hash, an.dictionaries, an.analyze(sys.argv[2])['dict_hash']]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "an.pickle"), HEAVY],
                         check=True, capture_output=True, cwd=tmp_path).stdout
    assert json.loads(out) == [an.dict_hash, an.dictionaries, an.dict_hash]


def test_damaged_pickle_raises(tmp_path):
    an = shuzhi.Analyzer(user_dict=DICT.encode())
    state = an.__getstate__()
    bad = dict(state, user_dicts=[("bytes", b"\xff bad\n")])
    with pytest.raises(shuzhi.DictionaryError):
        shuzhi.Analyzer.__new__(shuzhi.Analyzer).__setstate__(bad)
    # Contents that still load, but are not the ones the analyzer was built with.
    other = dict(state, user_dicts=[("bytes", "别的词\n".encode())])
    with pytest.raises(shuzhi.DictionaryError, match="hash"):
        shuzhi.Analyzer.__new__(shuzhi.Analyzer).__setstate__(other)
    with pytest.raises(ValueError, match="version"):
        shuzhi.Analyzer.__new__(shuzhi.Analyzer).__setstate__(dict(state, version=99))


def test_never_raises_on_odd_text(an):
    odd = ["", " ", "\n\n\n", "\x00\x01", "。" * 1000, "一、" * 300, "🙂" * 50, "篇1\n篇2\n", "a" * 5000]
    recs = an.analyze_batch(odd)
    assert len(recs) == len(odd) and all(r["schema"] == "shuzhi/1" for r in recs)
    assert len(an.sentences(odd)) == sum(len(r.get("sentences", [])) for r in recs)


def test_a_text_that_is_not_unicode_is_an_error_record(an):
    recs = an.analyze_batch(["同志们：\ud800要抓落实。", HEAVY], ids=["bad", "good"])
    assert recs[0]["error"]["kind"] == "input"
    assert "not valid Unicode" in recs[0]["error"]["message"]
    assert recs[1]["sentences"]
    assert an.analyze("\udfff")["error"]["kind"] == "input"
    df = an.screen(["\ud800", HEAVY])
    assert df["error"][0].startswith("input: the text is not valid Unicode")
    assert df["error"].isna().tolist() == [False, True]
