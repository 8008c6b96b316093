"""Recipe 2: DataFrame.mapInArrow with the `shuzhi` wheel.

The Analyzer is built once on the driver and shipped to the workers inside
the function (it pickles with its settings and user dictionaries, so the
workers need no dictionary file); each Arrow batch of JSON Lines is analysed
with `Analyzer.analyze_batch_json`, which releases the GIL and runs on rayon.
The result is a DataFrame of (id, record) with the record as the JSON text
`shuzhi analyze` writes. `screen` gives a typed DataFrame of per-document
verdicts instead (the columns of `shuzhi corpus`'s documents.csv).

    python examples/spark/arrow_recipe.py --out /tmp/shuzhi-arrow corpora/bulk/*.jsonl
    python examples/spark/arrow_recipe.py --screen --out /tmp/shuzhi-screen corpora/bulk/*.jsonl
"""

import argparse
import json
import os


def _split(lines):
    """ids, texts and meta fields of JSON Lines, as `shuzhi analyze --input-jsonl`
    reads them (a line without an id is `line N`, N counted within the batch)."""
    ids, texts, metas = [], [], []
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except ValueError:
            obj = None
        if not isinstance(obj, dict):
            # An `input` error record for this line; the others go on.
            ids.append(f"line {n}")
            texts.append(None)
            metas.append(None)
            continue
        i = obj.pop("id", None)
        ids.append(i if isinstance(i, str) else f"line {n}" if i is None else str(i))
        t = obj.pop("text", None)
        texts.append(t if isinstance(t, str) else None)
        metas.append(obj)
    return ids, texts, metas


def _ship(spark):
    """Makes this module importable on the workers (the functions below use `_split`)."""
    spark.sparkContext.addPyFile(os.path.abspath(__file__))


def run(spark, files, analyzer, partitions=8, jobs=1):
    """The records of the JSON Lines `files`: a DataFrame (id string, record string).

    The lines are read as text and parsed on the workers, so every record
    carries exactly the fields of its line under `meta`, as the command's
    do (a DataFrame read with spark.read.json would give each line every
    column of the corpus, null where the line has none).
    """
    import pyarrow as pa

    def analyze(batches):
        for b in batches:
            ids, texts, metas = _split(b.column("value").to_pylist())
            recs = analyzer.analyze_batch_json(texts, ids=ids, metas=metas, jobs=jobs)
            yield pa.RecordBatch.from_arrays([pa.array(ids), pa.array(recs)], names=["id", "record"])

    _ship(spark)
    lines = spark.read.text(files).repartition(partitions)
    return lines.mapInArrow(analyze, "id string, record string")


def screen(spark, files, analyzer, partitions=8, jobs=1):
    """Per-document verdicts as a typed DataFrame: the columns of
    `shuzhi corpus`'s documents.csv, built by `Analyzer.screen_arrow`
    (meta columns left out: their set depends on the input)."""
    import pyarrow as pa  # noqa: F401  (the workers need it)

    schema = (
        "id string, genre string, chars long, sentences long, achievement_share double, "
        "problem_share double, cause_share double, commitment_share double, other_share double, "
        "figures long, figures_per_1000 double, formulaic_per_1000 double, problems long, "
        "specific_problems long, score long, flags string, error string"
    )

    def verdicts(batches):
        for b in batches:
            ids, texts, _ = _split(b.column("value").to_pylist())
            yield from analyzer.screen_arrow(texts, ids=ids, jobs=jobs).to_batches()

    _ship(spark)
    return spark.read.text(files).repartition(partitions).mapInArrow(verdicts, schema)


def main():
    from pyspark.sql import SparkSession

    import shuzhi

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--screen", action="store_true", help="write the verdicts as Parquet instead")
    ap.add_argument("--user-dict", action="append", help="a jieba-format user dictionary")
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    spark = SparkSession.builder.master(a.master).appName("shuzhi-arrow").getOrCreate()
    an = shuzhi.Analyzer(user_dict=a.user_dict)
    if a.screen:
        screen(spark, a.files, an).write.parquet(a.out)
    else:
        run(spark, a.files, an).select("record").write.text(a.out)
    spark.stop()


if __name__ == "__main__":
    main()
