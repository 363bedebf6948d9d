"""The batch job: articles in, statement, article, error and speaker tables out.

Runs as ``qawl batch INPUT OUTPUT``, as ``python -m qawl.batch INPUT OUTPUT``, or through
spark-submit on this file (``spark-submit .../qawl/batch/job.py INPUT OUTPUT``). The plan:

1. read the input into one shape (``inputs``) and mark records whose id is shared
   (``dedupe``);
2. ``mapPartitions`` the engine over them (``worker``): every record gives either its
   statements plus one article row, or one error row, so nothing is lost or doubled;
3. persist those rows once, and write each table from them with Spark's file committer in
   overwrite mode: a failed or retried task's files never reach the output, and a rerun over
   the same input replaces the tables with the same rows in the same order.

OUTPUT gets ``statements/``, ``articles/``, ``errors/``, ``speakers/`` and, when the input
has outlets or dates, ``speakers_by_outlet_month/``.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from urllib.parse import urlparse

if __name__ == "__main__" and sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(
        os.path.abspath(__file__)):
    del sys.path[0]  # run as a script by spark-submit: import qawl.batch.*, not its files bare

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from qawl.batch import records, schema
from qawl.batch.dedupe import mark_duplicates
from qawl.batch.inputs import InputError, read_articles
from qawl.batch.options import BatchConfig, add_arguments, config_from_args
from qawl.batch.progress import Progress
from qawl.batch.worker import extract_partition

log = logging.getLogger("qawl.batch")

TABLES = ("statements", "articles", "errors", "speakers", "speakers_by_outlet_month")


def _local(path: str) -> str | None:
    parsed = urlparse(path)
    return os.path.realpath(parsed.path if parsed.scheme == "file" else path) \
        if parsed.scheme in ("", "file") else None


def check_paths(config: BatchConfig) -> None:
    """Refuse an OUTPUT that is INPUT or holds it or lies inside it (a rerun would lose data)."""
    source, target = _local(config.input), _local(config.output)
    if source is None or target is None:
        if config.input.rstrip("/") == config.output.rstrip("/"):
            raise InputError("OUTPUT must not be INPUT")
        return
    if source == target or source.startswith(target + os.sep) or target.startswith(source + os.sep):
        raise InputError(f"OUTPUT {config.output} must lie outside INPUT {config.input} and not"
                         " contain it")


def _write(frame: DataFrame, path: str, fmt: str) -> None:
    writer = frame.write.mode("overwrite")
    if fmt == "jsonl":
        writer.option("ignoreNullFields", "false").json(path)
    else:
        writer.parquet(path)


def _delete(spark: SparkSession, path: str) -> None:
    """Remove ``path`` (a table an earlier run wrote that this one does not)."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if fs.exists(hadoop_path):
        fs.delete(hadoop_path, True)


def speaker_table(statements: DataFrame, *by: str) -> DataFrame:
    """Statements and distinct articles per canonical speaker and type (and ``by`` columns),
    most quoted first, in one file."""
    keys = ["speaker", "speaker_type", *by]
    return (statements.groupBy(*keys)
            .agg(F.count(F.lit(1)).alias("statements"),
                 F.countDistinct("article_id").alias("articles"))
            .repartition(1)
            .sortWithinPartitions(F.desc("statements"), *[F.asc_nulls_first(k) for k in keys]))


def _tally(tagged: DataFrame) -> tuple[dict[str, int], dict[str, int], bool]:
    """Rows per tag, errors per reason, and whether any article has an outlet or a month, in
    one pass over the persisted rows."""
    dated = (F.col("article.outlet").isNotNull() | F.col("article.month").isNotNull()).cast("int")
    rows = (tagged.groupBy("tag", F.col("error.reason").alias("reason"))
            .agg(F.count(F.lit(1)).alias("rows"), F.sum(dated).alias("dated")).collect())
    counts: dict[str, int] = {}
    reasons: dict[str, int] = {}
    for row in rows:
        counts[row["tag"]] = counts.get(row["tag"], 0) + row["rows"]
        if row["reason"] is not None:
            reasons[row["reason"]] = row["rows"]
    return counts, reasons, any(row["dated"] for row in rows)


def extract(spark: SparkSession, config: BatchConfig, progress: Progress | None = None,
            partition_fn=extract_partition) -> DataFrame:
    """The tagged rows (``schema.TAGGED``) of every input record, not yet computed."""
    articles = mark_duplicates(read_articles(spark, config.input, config.input_format))
    if config.partitions:
        articles = (articles.repartition(config.partitions, F.xxhash64("id"))
                    .sortWithinPartitions("id", "_position"))
    rows = articles.drop("_position").rdd.mapPartitions(functools.partial(
        partition_fn, encoding=config.encoding, max_chars=config.max_article_chars,
        progress=None if progress is None else (progress.records, progress.partitions)))
    if progress is not None:
        progress.total = rows.getNumPartitions()
    return spark.createDataFrame(rows, schema.TAGGED, verifySchema=False)


def run(spark: SparkSession, config: BatchConfig, partition_fn=extract_partition) -> dict:
    """Run the job on ``spark`` and return its summary (counts per table and error reason)."""
    check_paths(config)
    progress = Progress(spark.sparkContext, config.log_every)
    tagged = extract(spark, config, progress, partition_fn).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        statements = tagged.where(F.col("tag") == records.STATEMENT).select("statement.*")
        articles = tagged.where(F.col("tag") == records.ARTICLE).select("article.*")
        errors = tagged.where(F.col("tag") == records.ERROR).select("error.*")
        out = config.output.rstrip("/")
        log.info("reading %s, writing %s tables to %s", config.input, config.format, out)
        with progress:
            _write(statements, f"{out}/statements", config.format)
        _write(articles, f"{out}/articles", config.format)
        _write(errors, f"{out}/errors", config.format)
        counts, reasons, by_outlet_month = _tally(tagged)
        _write(speaker_table(statements), f"{out}/speakers", config.format)
        if by_outlet_month:
            _write(speaker_table(statements, "outlet", "month"), f"{out}/speakers_by_outlet_month",
                   config.format)
        else:
            _delete(spark, f"{out}/speakers_by_outlet_month")
    finally:
        tagged.unpersist()
    return {
        "input": config.input, "output": out, "format": config.format, "encoding": config.encoding,
        "records": counts.get(records.ARTICLE, 0) + counts.get(records.ERROR, 0),
        "articles": counts.get(records.ARTICLE, 0),
        "statements": counts.get(records.STATEMENT, 0),
        "errors": dict(sorted(reasons.items())),
        "speakers_by_outlet_month": by_outlet_month,
    }


def run_cli(config: BatchConfig) -> int:
    """Start a session, run the job, print the summary as one JSON line; the exit status."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s qawl batch: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        return _run_logged(config)
    finally:
        log.removeHandler(handler)


def _run_logged(config: BatchConfig) -> int:
    from qawl.batch.session import JavaMissing, build_session

    try:
        check_paths(config)
        existing = SparkSession.getActiveSession()
        spark = build_session(config.master, config.conf)
    except (InputError, JavaMissing) as error:
        print(f"qawl batch: {error}", file=sys.stderr)
        return 2
    try:
        summary = run(spark, config)
    except InputError as error:
        print(f"qawl batch: {error}", file=sys.stderr)
        return 2
    finally:
        if existing is None:  # a session the caller had open stays open
            spark.stop()
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    """``spark-submit qawl/batch/job.py INPUT OUTPUT [options]`` or ``python -m qawl.batch``."""
    import argparse

    parser = argparse.ArgumentParser(prog="qawl-batch", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run_cli(config_from_args(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
