"""shuzhi (述职): read Chinese duty reports, work reports and speeches.

Each sentence gets a role (achievement, problem, cause, commitment, other),
numbers are told apart from statistics, and each document is screened:
role shares, document labels, flags with evidence and a 0-100 score.

    >>> import shuzhi
    >>> an = shuzhi.Analyzer()
    >>> rec = an.analyze("二、存在的问题\\n理论学习不够深入，创新意识有待提高。", id="r1")
    >>> rec["sentences"][1]["role"]
    'problem'

``Analyzer.analyze`` gives the record the ``shuzhi analyze`` command writes
(schema ``shuzhi/1``) as a dict; ``analyze_batch`` analyses many texts on
all cores with the GIL released; ``screen`` and ``sentences`` give pandas
DataFrames with the columns of the ``shuzhi corpus`` command's
``documents.csv`` and ``sentences.csv``, and ``screen_arrow`` and
``sentences_arrow`` the same as pyarrow Tables, built from column buffers.

An Analyzer pickles with its settings and the contents of its user
dictionaries, so it can be shipped to Spark, Dask or Ray workers that do not
have the dictionary files; a dictionary that cannot be loaded raises
``DictionaryError`` wherever it happens, and never falls back to the
defaults.
"""

import contextlib
import gc
import json
import math
import os

from . import _shuzhi
from ._shuzhi import SCHEMA, ConfigError, DictionaryError

__version__ = _shuzhi.__version__
__all__ = ["Analyzer", "ConfigError", "DictionaryError", "ROLES", "SCHEMA"]

#: The sentence roles, in the order the records and tables use.
ROLES = tuple(_shuzhi.roles())

_STATE_VERSION = 1


def _config_json(config):
    """The settings as JSON text for the native analyzer, or None."""
    if config is None:
        return None
    if isinstance(config, dict):
        return json.dumps(config)
    if isinstance(config, str) and config.lstrip().startswith("{"):
        return config
    if isinstance(config, (str, os.PathLike)):
        path = os.fspath(config)
        with open(path, "rb") as f:
            raw = f.read()
        if path.lower().endswith(".toml"):
            try:
                import tomllib
            except ImportError:  # Python < 3.11
                try:
                    import tomli as tomllib
                except ImportError:
                    raise ConfigError(
                        f"{path}: reading TOML needs Python 3.11 or the tomli package; "
                        "give a .json file or a dict"
                    ) from None
            try:
                return json.dumps(tomllib.loads(raw.decode("utf-8")))
            except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(f"bad TOML config {path}: {e}") from None
        return raw.decode("utf-8")
    raise TypeError(
        "config must be None, a dict, JSON text or the path of a .json or .toml file, "
        f"not {type(config).__name__}"
    )


def _user_dicts(user_dict):
    """[(name, bytes)] from a path, bytes, or a list of them, read now."""
    if user_dict is None:
        return []
    if isinstance(user_dict, (str, bytes, bytearray, memoryview, os.PathLike)):
        user_dict = [user_dict]
    out = []
    for d in user_dict:
        if isinstance(d, (bytes, bytearray, memoryview)):
            out.append(("bytes", bytes(d)))
        elif isinstance(d, (str, os.PathLike)):
            path = os.fspath(d)
            try:
                with open(path, "rb") as f:
                    out.append((f"file:{path}", f.read()))
            except OSError as e:
                raise DictionaryError(f"cannot read user dictionary file:{path}: {e}") from e
        else:
            raise TypeError(
                "a user dictionary is a path or bytes in jieba's format, "
                f"not {type(d).__name__}"
            )
    return out


def _missing(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def _texts(texts):
    out = list(texts)
    for i, t in enumerate(out):
        if isinstance(t, str):
            continue
        if _missing(t):
            out[i] = None
        else:
            raise TypeError(f"texts[{i}] is {type(t).__name__}, not str")
    return out


def _ids(ids, n):
    if ids is None:
        return [str(i) for i in range(n)]
    out = [i if isinstance(i, str) else str(i) for i in ids]
    if len(out) != n:
        raise ValueError(f"{len(out)} ids for {n} texts")
    return out


def _meta_json(meta):
    if meta is None:
        return None
    if not isinstance(meta, dict):
        raise TypeError(f"meta must be a dict, not {type(meta).__name__}")
    try:
        return json.dumps(meta, ensure_ascii=False, allow_nan=False, default=_json_default)
    except ValueError as e:
        raise ValueError(f"meta {meta!r} cannot be written as JSON: {e}") from None


def _json_default(x):
    # numpy and pandas scalars in a DataFrame's rows.
    if hasattr(x, "item"):
        return x.item()
    if hasattr(x, "isoformat"):
        return x.isoformat()
    raise TypeError(f"{type(x).__name__} in meta cannot be written as JSON")


def _metas(metas, n):
    if metas is None:
        return None
    if hasattr(metas, "to_dict") and hasattr(metas, "columns"):
        # A pandas DataFrame of meta columns: a missing cell (None, NaN) is
        # a field the document does not have.
        metas = [
            {k: v for k, v in row.items() if not _missing(v)}
            for row in metas.to_dict("records")
        ]
    out = [_meta_json(m) for m in metas]
    if len(out) != n:
        raise ValueError(f"{len(out)} metas for {n} texts")
    return out


@contextlib.contextmanager
def _no_gc():
    """The cyclic garbage collector paused while records are made: they
    hold no reference cycles, and the collector, run again and again while
    millions of dicts and lists are made, would double the cost of making
    them (measured on the bulk corpus: 0.5 s of CPU against 0.2 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _arrow_table(rows, cols):
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}

    def buf(b):
        return None if b is None else pa.py_buffer(b)

    names, arrays = [], []
    for name, kind, payload in cols:
        if kind == "str":
            validity, offsets, data, large = payload
            typ = pa.large_string() if large else pa.string()
            bufs = [buf(validity), pa.py_buffer(offsets), pa.py_buffer(data)]
        else:
            validity, values = payload
            typ = types[kind]
            bufs = [buf(validity), pa.py_buffer(values)]
        names.append(name)
        arrays.append(pa.Array.from_buffers(typ, rows, bufs))
    return pa.Table.from_arrays(arrays, names=names)


def _data_frame(rows, cols):
    import pandas as pd

    dtypes = {"int": "Int64", "float": "float64", "bool": "boolean", "str": object}
    data = {name: pd.Series(values, dtype=dtypes[kind]) for name, kind, values in cols}
    return pd.DataFrame(data, index=pd.RangeIndex(rows))


class Analyzer:
    """Reads duty reports, work reports and speeches.

    Build it once and reuse it: building loads jieba's dictionary (a
    noticeable fraction of a second); analysing is thread-safe.

    ``config`` holds settings (the fields of the Rust ``shuzhi::Config``:
    ``max_document_bytes``, ``min_problem_share``, ``heavy_ratio``…) as a
    dict, JSON text, or the path of a .json or .toml file; unknown fields
    raise ``ConfigError``. ``user_dict`` is a jieba-format user dictionary
    (``word [freq] [pos]`` per line): a path, bytes, or a list of them,
    read when the Analyzer is built; records name a file ``file:PATH``
    and bytes ``bytes``.
    """

    def __init__(self, config=None, user_dict=None):
        self._build(_config_json(config), _user_dicts(user_dict))

    def _build(self, config_json, dicts):
        self._native = _shuzhi.NativeAnalyzer(config_json, dicts)

    # Pickling carries the settings and the dictionaries' contents, never a
    # path: a worker without the file still gets the same analyzer, and one
    # whose copy is damaged raises DictionaryError instead of analysing with
    # other dictionaries.
    def __getstate__(self):
        return {
            "version": _STATE_VERSION,
            "config": self._native.config_json(),
            "user_dicts": self._native.user_dicts(),
            "dict_hash": self._native.dict_hash(),
        }

    def __setstate__(self, state):
        if state.get("version") != _STATE_VERSION:
            raise ValueError(f"cannot restore a shuzhi.Analyzer from state version {state.get('version')}")
        self._build(state["config"], list(state["user_dicts"]))
        if self._native.dict_hash() != state["dict_hash"]:
            raise DictionaryError(
                f"the restored dictionaries hash to {self._native.dict_hash()}, "
                f"not {state['dict_hash']} as where the Analyzer was built"
            )

    def __repr__(self):
        return f"shuzhi.Analyzer(dictionaries={self.dictionaries!r}, dict_hash={self.dict_hash!r})"

    @property
    def config(self):
        """Every setting, defaults included, as a dict."""
        return json.loads(self._native.config_json())

    @property
    def dictionaries(self):
        """The dictionaries in use, as records name them."""
        return list(self._native.dictionaries())

    @property
    def dict_hash(self):
        """The hash of the dictionaries' contents that records carry."""
        return self._native.dict_hash()

    def analyze(self, text, id=None, meta=None):
        """The record of one text, as a dict (schema ``shuzhi/1``).

        The text is one document (as one line of ``shuzhi analyze
        --input-jsonl``); ``id`` defaults to ``"text"``; ``meta`` (a dict)
        comes back under ``meta``, as the other fields of a JSON Lines input
        do. A text larger than ``max_document_bytes`` gives an error record
        (``{"schema", "id", "error": {"kind": "too_large", ...}}``).
        """
        if not isinstance(text, str) and not _missing(text):
            raise TypeError(f"text is {type(text).__name__}, not str")
        text = None if _missing(text) else text
        rid = "text" if id is None else (id if isinstance(id, str) else str(id))
        rec = self._native.analyze_json(text, rid, _meta_json(meta))
        with _no_gc():
            return json.loads(rec)

    def analyze_batch(self, texts, ids=None, jobs=None, metas=None):
        """One record per text, in order, as dicts.

        Runs on ``jobs`` threads (default: all cores) with the GIL released.
        ``ids`` default to the positions ("0", "1", ...). ``metas`` is a
        list of dicts (None for none) that come back under ``meta`` as they
        are, or a DataFrame of meta columns whose missing cells are left
        out. A missing text (None or NaN) or a str that is not valid Unicode
        gives an ``input`` error record, a text over ``max_document_bytes``
        a ``too_large`` one; the other texts are analysed as usual.
        """
        texts = _texts(texts)
        ids = _ids(ids, len(texts))
        metas = _metas(metas, len(texts))
        with _no_gc():
            return self._native.analyze_batch(texts, ids, metas, jobs, json.loads)

    def analyze_batch_json(self, texts, ids=None, jobs=None, metas=None):
        """As ``analyze_batch``, each record as the line of JSON that
        ``shuzhi analyze`` writes (without its line break): for writing
        JSON Lines, or a string column in Spark, without making dicts."""
        texts = _texts(texts)
        ids = _ids(ids, len(texts))
        return self._native.analyze_batch_json(texts, ids, _metas(metas, len(texts)), jobs)

    def _table(self, which, texts, ids, metas, jobs, arrow):
        texts = _texts(texts)
        ids = _ids(ids, len(texts))
        return self._native.table(which, texts, ids, _metas(metas, len(texts)), jobs, arrow)

    def screen(self, texts, ids=None, metas=None, jobs=None):
        """A pandas DataFrame, one row per text: the columns of ``documents.csv``.

        ``id``, the meta fields (sorted; one named like a fixed column gets a
        ``meta_`` prefix), ``genre``, ``chars``, ``sentences``, the five
        ``<role>_share`` columns, ``figures``, ``figures_per_1000``,
        ``formulaic_per_1000``, ``problems``, ``specific_problems``,
        ``score``, ``flags`` (codes separated by spaces) and ``error``
        (``kind: message`` for a text that could not be analysed).
        """
        return _data_frame(*self._table("documents", texts, ids, metas, jobs, False))

    def screen_arrow(self, texts, ids=None, metas=None, jobs=None):
        """``screen`` as a pyarrow Table, built from column buffers."""
        return _arrow_table(*self._table("documents", texts, ids, metas, jobs, True))

    def sentences(self, texts, ids=None, jobs=None):
        """A pandas DataFrame in long format, one row per sentence (headings too).

        Columns as ``sentences.csv``: ``id``, ``index``, ``char_start``,
        ``char_end`` (char offsets into the text), ``role``, ``specific``
        (for problem sentences: whether the problem names something
        specific; else missing), ``text``, ``heading``.
        """
        return _data_frame(*self._table("sentences", texts, ids, None, jobs, False))

    def sentences_arrow(self, texts, ids=None, jobs=None):
        """``sentences`` as a pyarrow Table, built from column buffers."""
        return _arrow_table(*self._table("sentences", texts, ids, None, jobs, True))
