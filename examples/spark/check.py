"""Runs both Spark recipes in local mode and checks their records against the command's.

    python examples/spark/check.py --shuzhi target/release/shuzhi corpora/bulk

Reads every .jsonl file of the folder: `shuzhi analyze --input-jsonl` on
the files gives the reference records; recipe 1 (RDD.pipe through the
binary) and recipe 2 (DataFrame.mapInArrow with the wheel) must give the
same records, record for record (the same ids, each record equal as JSON
data). Prints the wall time of each, and exits 1 on any difference.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import arrow_recipe  # noqa: E402
import pipe_recipe  # noqa: E402


def compare(name, reference, lines):
    """Differences between the reference records and a recipe's, as messages."""
    got = {}
    for line in lines:
        r = json.loads(line)
        got.setdefault(r["id"], []).append(r)
    problems = []
    if len(lines) != len(reference):
        problems.append(f"{name}: {len(lines)} records, the command wrote {len(reference)}")
    for r in reference:
        mine = got.get(r["id"], [])
        if not mine:
            problems.append(f"{name}: no record for {r['id']}")
        elif r not in mine:
            keys = sorted(k for k in set(r) | set(mine[0]) if r.get(k) != mine[0].get(k))
            problems.append(f"{name}: {r['id']} differs in {keys}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shuzhi", required=True, help="the shuzhi binary (built with --features cli)")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("corpus", help="a folder of .jsonl files")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(os.path.abspath(a.corpus), "*.jsonl")))
    if not files:
        sys.exit(f"no .jsonl files in {a.corpus}")
    shuzhi_bin = os.path.abspath(a.shuzhi)
    # The workers run this interpreter, the one with the wheel installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

    import shuzhi
    from pyspark.sql import SparkSession

    size = sum(os.path.getsize(f) for f in files) / 2**20
    cores = a.master
    timings = []

    t0 = time.perf_counter()
    out = subprocess.run([shuzhi_bin, "analyze", "--input-jsonl", *files],
                         check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
    timings.append(("shuzhi analyze --input-jsonl (no Spark, all cores)", time.perf_counter() - t0))
    reference = [json.loads(line) for line in out.splitlines()]

    t0 = time.perf_counter()
    spark = (SparkSession.builder.master(a.master).appName("shuzhi-check")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    timings.append((f"Spark session start ({cores})", time.perf_counter() - t0))

    problems = []
    t0 = time.perf_counter()
    piped = pipe_recipe.run(spark, files, shuzhi_bin, partitions=a.partitions).collect()
    timings.append(("recipe 1: RDD.pipe through the binary", time.perf_counter() - t0))
    problems += compare("RDD.pipe", reference, piped)

    an = shuzhi.Analyzer()
    t0 = time.perf_counter()
    rows = arrow_recipe.run(spark, files, an, partitions=a.partitions).collect()
    timings.append(("recipe 2: DataFrame.mapInArrow with the wheel", time.perf_counter() - t0))
    problems += compare("mapInArrow", reference, [r["record"] for r in rows])

    t0 = time.perf_counter()
    verdicts = arrow_recipe.screen(spark, files, an, partitions=a.partitions).collect()
    timings.append(("recipe 2, screen: typed verdicts (screen_arrow)", time.perf_counter() - t0))
    # (An id may stand for two documents: the bulk corpus has two cpc-congress-1.)
    by_id = {}
    for r in reference:
        by_id.setdefault(r["id"], []).append((r["assessment"]["score"]["total"], r["chars"]))
    for v in verdicts:
        if (v["score"], v["chars"]) not in by_id.get(v["id"], []):
            problems.append(f"screen: the verdict of {v['id']} is not its record's")
    if len(verdicts) != len(reference):
        problems.append(f"screen: {len(verdicts)} rows for {len(reference)} records")
    spark.stop()

    print(f"{len(reference)} documents in {len(files)} files, {size:.2f} MiB of JSON Lines; "
          f"Spark {a.master}, {a.partitions} partitions")
    for name, secs in timings:
        print(f"  {name:<52} {secs:7.2f} s")
    for p in problems:
        print("DIFFERENT:", p)
    print(f"records identical to the command's: {'yes' if not problems else 'no'} "
          f"(RDD.pipe {len(piped)}, mapInArrow {len(rows)}, screen {len(verdicts)})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
