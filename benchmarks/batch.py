"""The Spark batch job at local[1] and local[2] against the engine alone, on the same articles.

Builds an archive of distinct real articles (the seeds' own lines rotated and thinned,
``texts.varied_corpus``), writes it as JSON lines, then times:

- ``qawl.batch.job.run`` at each master, in a fresh process per master, twice in one Spark
  session: the first run pays for starting the Python workers and loading an engine in each,
  the second does not. Spark's own start-up (JVM and context) is timed apart;
- after each run, in the same process with Spark idle, the engine alone:
  ``Extractor().extract`` over every article (a new engine after run 1, the same one warm
  after run 2). The machine's speed drifts over minutes, so each Spark run is compared with
  the engine pass measured right after it.

Every run is the whole job: reading, the duplicate-id pass, extraction, and writing every
table as Parquet. Targets: local[2] >= 1.6x local[1], local[1] >= 0.7x the engine alone. Printed, not asserted; on a machine whose two cores
are shared with other work, the figures swing.

``python -m benchmarks.batch [--articles N]``; not part of ``make bench`` (it takes minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.texts import varied_corpus
from benchmarks.timing import table

MASTERS = ("local[1]", "local[2]")
SPARK_CONF = (("spark.ui.enabled", "false"), ("spark.ui.showConsoleProgress", "false"),
              ("spark.sql.shuffle.partitions", "4"),
              # ~4 MB splits: a dozen partitions for 10,000 articles, so two cores share evenly.
              ("spark.sql.files.maxPartitionBytes", str(4 * 1024 * 1024)))


def write_archive(path: Path, articles: list[tuple[str, str]]) -> None:
    """The articles as JSON lines, one ``{"id", "text"}`` object a line."""
    with path.open("w", encoding="utf-8") as handle:
        for article_id, text in articles:
            handle.write(json.dumps({"id": article_id, "text": text}, ensure_ascii=False) + "\n")


def spark_child(master: str, archive: str, output: str) -> dict:
    """In this (child) process: start Spark at ``master``; run the job and the engine alone in turn.

    Order: start-up, job run 1, engine pass 1 (a new engine), job run 2, engine pass 2, so each
    job run has an engine pass right after it, measured under the same load.
    """
    start = time.perf_counter()
    from qawl.batch.job import run
    from qawl.batch.options import BatchConfig
    from qawl.batch.session import build_session

    spark = build_session(master, SPARK_CONF, app_name="qawl-batch-bench")
    spark.sparkContext.setLogLevel("ERROR")
    figures = {"start": time.perf_counter() - start, "runs": [], "engine": []}
    texts = [json.loads(line)["text"] for line in Path(archive).read_text(encoding="utf-8").splitlines()]
    config = BatchConfig(input=archive, output=output)
    extractor = None
    for _ in range(2):
        start = time.perf_counter()
        summary = run(spark, config)
        figures["runs"].append(time.perf_counter() - start)
        if extractor is None:
            start = time.perf_counter()
            from qawl.engine import Extractor

            extractor = Extractor()
            figures["engine_load"] = time.perf_counter() - start
        start = time.perf_counter()
        figures["engine_statements"] = sum(len(extractor.extract(text).quotes) for text in texts)
        figures["engine"].append(time.perf_counter() - start)
    figures["summary"] = summary
    figures["partitions"] = spark.read.json(archive).rdd.getNumPartitions()
    spark.stop()
    return figures


def spark_at(master: str, archive: Path, output: Path) -> dict:
    """``spark_child`` in a fresh Python process, so each master pays its own start-up."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.batch", "--child", master,
                           str(archive), str(output)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(articles: int = 10_000) -> str:
    """Measure and return the printed report."""
    corpus = varied_corpus(articles)
    chars = sum(len(text) for _, text in corpus)
    with tempfile.TemporaryDirectory(prefix="qawl-batch-bench-") as tmp:
        archive = Path(tmp) / "articles.jsonl"
        write_archive(archive, corpus)
        figs = {master: spark_at(master, archive, Path(tmp) / "out") for master in MASTERS}
    load = os.getloadavg()

    def rate(seconds: float) -> str:
        return f"{articles / seconds:,.0f}"

    rows = []
    for master, fig in figs.items():
        rows.append((f"Spark {master}", fig["partitions"], f"{fig['start']:.1f}",
                     *(f"{t:.1f} / {rate(t)}" for t in fig["runs"])))
        rows.append(("  engine alone after it", "-", f"{fig['engine_load']:.1f} (load)",
                     *(f"{t:.1f} / {rate(t)}" for t in fig["engine"])))
    one, two = (figs[m] for m in MASTERS)
    # Spark's speed as a share of the engine's, each measured next to the other.
    share = {m: [e / r for e, r in zip(f["engine"], f["runs"])] for m, f in figs.items()}
    same = all(f["summary"]["statements"] == f["engine_statements"] for f in figs.values())
    header = ("", "partitions", "start-up s", "run 1: s / articles/s", "run 2: s / articles/s")
    return "\n".join([
        f"Spark batch job vs the engine alone: {articles:,} distinct articles from the seeds"
        f" ({chars / articles:,.0f} code points on average), JSON lines in, Parquet out;"
        f" load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on"
        f" {os.cpu_count()} cores. Each Spark run is followed by an engine-alone pass in the same"
        f" process (run 1: new Python workers and a new engine each)",
        table(header, rows),
        f"local[1] / engine alone next to it: {share['local[1]'][1]:.2f}x on run 2"
        f" ({share['local[1]'][0]:.2f}x on run 1); target >= 0.7x",
        f"local[2] / local[1]: {one['runs'][1] / two['runs'][1]:.2f}x on run 2"
        f" ({one['runs'][0] / two['runs'][0]:.2f}x on run 1); against the engine next to each:"
        f" {share['local[2]'][1] / share['local[1]'][1]:.2f}x"
        f" ({share['local[2]'][0] / share['local[1]'][0]:.2f}x); target >= 1.6x",
        f"whole job at local[1], run 2: {1000 * one['runs'][1] / articles:.2f} ms per article"
        f" (engine alone next to it {1000 * one['engine'][1] / articles:.2f} ms); statements"
        f" {one['engine_statements']:,} from the engine, {'the same' if same else 'DIFFERENT'}"
        f" from each Spark run",
    ])


def main() -> None:
    """``python -m benchmarks.batch``: print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--child", nargs=3, metavar=("MASTER", "ARCHIVE", "OUTPUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(spark_child(*args.child)))
    else:
        print(run(args.articles), flush=True)


if __name__ == "__main__":
    main()
