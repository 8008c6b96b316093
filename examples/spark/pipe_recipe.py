"""Recipe 1: RDD.pipe through the `shuzhi` binary.

Each partition's lines go, as they are, to the standard input of one
`shuzhi analyze --input-jsonl -` process, which writes one record per line
in the same order. Nothing but the binary is needed on the workers (ship it
with `--files` or install it on each node).

    python examples/spark/pipe_recipe.py --shuzhi target/release/shuzhi \\
        --out /tmp/shuzhi-pipe corpora/bulk/*.jsonl
"""

import argparse
import shlex


def run(spark, files, shuzhi, partitions=8, jobs=1):
    """The records of the JSON Lines `files`, as an RDD of JSON text lines.

    `jobs` is the binary's thread count per task: Spark already runs one
    task per core, so one thread each keeps the cores from being
    oversubscribed.
    """
    lines = spark.sparkContext.textFile(",".join(files), minPartitions=partitions)
    cmd = f"{shlex.quote(shuzhi)} analyze --input-jsonl --jobs {jobs} --quiet -"
    return lines.pipe(cmd, checkCode=True)


def main():
    from pyspark.sql import SparkSession

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shuzhi", required=True, help="the shuzhi binary (built with --features cli)")
    ap.add_argument("--out", required=True, help="output directory (JSON Lines part files)")
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    spark = SparkSession.builder.master(a.master).appName("shuzhi-pipe").getOrCreate()
    run(spark, a.files, a.shuzhi).saveAsTextFile(a.out)
    spark.stop()


if __name__ == "__main__":
    main()
