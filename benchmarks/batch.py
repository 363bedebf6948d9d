"""The Spark batch job at local[1] and local[2] against the engine alone, on the same articles.

Builds an archive of distinct real articles (the seeds' own lines rotated and thinned,
``texts.varied_corpus``), writes it as JSON lines, then times:

- ``qawl.batch.job.run`` at each master, in a fresh process per master, twice in one Spark
  session: the first run pays for starting the Python workers and loading an engine in each,
  the second does not. Spark's own start-up (JVM and context) is timed apart;
- that for several rounds, the masters taking turns (local[1], local[2], local[1], …): this
  machine's speed drifts by a third over minutes, so a single pair compares two speeds of the
  machine as much as two masters. Each figure is reported as the best round (the run least
  disturbed, as ``timeit`` reports) and the median round;
- after each run, in the same process with Spark idle, the engine alone:
  ``Extractor().extract`` over every article (a new engine after run 1, the same one warm
  after run 2). The machine's speed drifts over minutes, so each Spark run is compared with
  the engine pass measured right after it.

Every run is the whole job: reading, the duplicate-id pass, extraction, and writing every
table as Parquet. Targets: local[2] >= 1.6x local[1], local[1] >= 0.7x the engine alone. Printed, not asserted; on a machine whose two cores
are shared with other work, the figures swing.

``python -m benchmarks.batch [--articles N] [--rounds R]``; not part of ``make bench`` (it takes minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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


def run(articles: int = 10_000, rounds: int = 3) -> str:
    """Measure and return the printed report."""
    corpus = varied_corpus(articles)
    chars = sum(len(text) for _, text in corpus)
    figs: dict[str, list[dict]] = {master: [] for master in MASTERS}
    with tempfile.TemporaryDirectory(prefix="qawl-batch-bench-") as tmp:
        archive = Path(tmp) / "articles.jsonl"
        write_archive(archive, corpus)
        for _ in range(rounds):
            for master in MASTERS:
                figs[master].append(spark_at(master, archive, Path(tmp) / "out"))
    load = os.getloadavg()

    def rate(seconds: float) -> str:
        return f"{articles / seconds:,.0f}"

    def best_and_median(values: list[float]) -> str:
        return f"{min(values):.1f} / {statistics.median(values):.1f}"

    rows = []
    for master, runs in figs.items():
        rows.append((f"Spark {master}", runs[0]["partitions"],
                     best_and_median([fig["start"] for fig in runs]),
                     *(best_and_median([fig["runs"][i] for fig in runs]) for i in (0, 1)),
                     rate(min(fig["runs"][1] for fig in runs))))
        rows.append(("  engine alone after it", "-",
                     best_and_median([fig["engine_load"] for fig in runs]) + " (load)",
                     *(best_and_median([fig["engine"][i] for fig in runs]) for i in (0, 1)),
                     rate(min(fig["engine"][1] for fig in runs))))
    best = {master: min(fig["runs"][1] for fig in runs) for master, runs in figs.items()}
    # Spark's speed as a share of the engine's, each measured next to the other.
    share = {master: [fig["engine"][1] / fig["runs"][1] for fig in runs]
             for master, runs in figs.items()}
    pairs = [one["runs"][1] / two["runs"][1] for one, two in zip(*figs.values())]
    statements = {fig["summary"]["statements"] for runs in figs.values() for fig in runs}
    engine_statements = figs[MASTERS[0]][0]["engine_statements"]
    same = statements == {engine_statements}
    header = ("", "partitions", "start-up s", "run 1 s", "run 2 s", "run 2 articles/s")
    return "\n".join([
        f"Spark batch job vs the engine alone: {articles:,} distinct articles from the seeds"
        f" ({chars / articles:,.0f} code points on average), JSON lines in, Parquet out;"
        f" {rounds} rounds, masters taking turns; load average at the end {load[0]:.2f}"
        f" {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores. Each Spark run is followed by"
        f" an engine-alone pass in the same process (run 1: new Python workers and a new engine"
        f" each). Times are best / median over the rounds; articles/s from the best",
        table(header, rows),
        f"local[1] / engine alone next to it, run 2: {max(share['local[1]']):.2f}x best,"
        f" {statistics.median(share['local[1]']):.2f}x median; target >= 0.7x",
        f"local[2] / local[1], run 2: {best['local[1]'] / best['local[2]']:.2f}x best against"
        f" best, {statistics.median(pairs):.2f}x median of the rounds' pairs"
        f" ({', '.join(f'{pair:.2f}' for pair in pairs)}); target >= 1.6x",
        f"whole job at local[1], best run 2: {1000 * best['local[1]'] / articles:.2f} ms per"
        f" article; statements {engine_statements:,} from the engine,"
        f" {'the same' if same else 'DIFFERENT'} from every Spark run",
    ])


def main() -> None:
    """``python -m benchmarks.batch``: print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="times each master runs, the masters taking turns (default: 3)")
    parser.add_argument("--child", nargs=3, metavar=("MASTER", "ARCHIVE", "OUTPUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(spark_child(*args.child)))
    else:
        print(run(args.articles, args.rounds), flush=True)


if __name__ == "__main__":
    main()
