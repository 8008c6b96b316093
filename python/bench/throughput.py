"""analyze_batch from Python against `shuzhi analyze --input-jsonl`, same input, same threads.

    python python/bench/throughput.py --cli target/release/shuzhi --jobs 2 --runs 5 corpora/bulk/*.jsonl

Both read the same JSON Lines files. The command's time is that of the whole
process (start-up, loading the dictionaries, reading and parsing the input,
analysis, writing the records to a pipe that this script drains); start-up
alone is timed on an empty input and reported beside it. The Python time is
one call of `Analyzer.analyze_batch` on texts already in memory, up to the
list of dicts (analysis, JSON, json.loads); the Analyzer is built once,
before. Wall time and CPU time (user + system, all threads) are both given:
on a machine shared with other work, wall time moves with their load and
CPU time much less. It also checks that the records are the command's,
record for record.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

import shuzhi


class timer:
    """Appends (wall seconds, CPU seconds) of the block to a list: CPU of
    this process (all its threads), or of the child processes it waited for."""

    def __init__(self, out, children):
        self.out, self.who = out, resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF

    def cpu(self):
        r = resource.getrusage(self.who)
        return r.ru_utime + r.ru_stime

    def __enter__(self):
        self.t, self.c = time.perf_counter(), self.cpu()

    def __exit__(self, *exc):
        self.out.append((time.perf_counter() - self.t, self.cpu() - self.c))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True, help="the shuzhi binary (built with --features cli)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()

    texts, ids, metas = [], [], []
    size = 0
    for path in a.files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                size += len(line.encode("utf-8"))
                obj = json.loads(line)
                ids.append(obj.pop("id"))
                texts.append(obj.pop("text"))
                metas.append(obj)
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)

    cmd = [a.cli, "analyze", "--input-jsonl", "--jobs", str(a.jobs), *a.files]
    empty = [a.cli, "analyze", "--input-jsonl", "--jobs", str(a.jobs), "-"]
    an = shuzhi.Analyzer()
    cli, start, py = [], [], []
    cli_out = recs = None
    # Runs alternate, so that load from other processes falls on both alike.
    for _ in range(a.runs):
        with timer(cli, children=True):
            cli_out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True).stdout
        with timer(start, children=True):
            subprocess.run(empty, input=b"", stdout=subprocess.PIPE, check=True)
        recs = None  # freeing the last run's records is not part of this one
        with timer(py, children=False):
            recs = an.analyze_batch(texts, ids=ids, metas=metas, jobs=a.jobs)

    cli_recs = [json.loads(l) for l in cli_out.decode("utf-8").splitlines()]
    same = len(cli_recs) == len(recs) and all(x == y for x, y in zip(cli_recs, recs))
    mib = text_bytes / 2**20

    def line(name, ts):
        wall = statistics.median(t[0] for t in ts)
        cpu = statistics.median(t[1] for t in ts)
        print(f"{name:<40} wall {wall:6.3f} s ({mib / wall:5.2f} MiB/s)   "
              f"CPU {cpu:6.3f} s ({mib / cpu:5.2f} MiB/CPU-s)")

    print(f"{len(texts)} documents, {mib:.2f} MiB of text ({size / 2**20:.2f} MiB of JSON Lines), "
          f"{a.jobs} thread(s), {a.runs} runs each")
    print("medians:")
    line("shuzhi analyze --input-jsonl", cli)
    line("  start-up alone (empty input)", start)
    line("Analyzer.analyze_batch (to dicts)", py)
    for i, what in ((0, "wall"), (1, "CPU")):
        r = statistics.median(t[i] for t in cli) / statistics.median(t[i] for t in py)
        print(f"Python throughput / command throughput ({what} time): {r:.3f}")
    print(f"records identical to the command's: {same} ({len(recs)} records)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
