"""Read articles from JSON lines, Parquet or a folder of .txt files into one shape.

Every reader returns the columns of ``schema.ARTICLES_IN``: ``id``, ``text`` (or ``content``,
bytes still to decode, for .txt files, so that a file that is not UTF-8 becomes an error row
naming the byte rather than a job failure or silent replacement characters), the optional
``outlet``, ``date`` and ``url``, the ``source`` file, and ``defect`` for a record the reader
could not parse. Rows come out in file-split order, which is the same for the same files and
settings, so the output's order is too.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import BinaryType, StringType

from qawl.batch.schema import ARTICLES_IN, JSONL_IN

_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet",
               ".txt": "text"}


class InputError(ValueError):
    """INPUT cannot be read as asked: no such path, an unknown format, a missing column."""


def _format_of(name: str) -> str | None:
    name = name.lower()
    for suffix in (".gz", ".bz2", ".zst", ".snappy"):
        name = name.removesuffix(suffix)
    return _EXTENSIONS.get(os.path.splitext(name)[1])


def detect_format(path: str) -> str:
    """``jsonl``, ``parquet`` or ``text`` from INPUT's name, or the files in a local folder."""
    found = _format_of(path.rstrip("/"))
    if found:
        return found
    local = urlparse(path).scheme in ("", "file")
    folder = urlparse(path).path if local else None
    if folder is None or not os.path.isdir(folder):
        if local and not os.path.exists(folder or path):
            raise InputError(f"INPUT {path} does not exist")
        raise InputError(f"cannot tell the format of {path}: pass --input-format")
    kinds = set()
    for _root, _dirs, files in os.walk(folder):
        kinds.update(k for k in map(_format_of, files) if k)
    if len(kinds) != 1:
        what = "no .jsonl, .parquet or .txt files" if not kinds else "mixed " + ", ".join(sorted(kinds))
        raise InputError(f"{path} holds {what}: pass --input-format")
    return kinds.pop()


def read_articles(spark: SparkSession, path: str, input_format: str = "auto") -> DataFrame:
    """INPUT's records with the columns of ``ARTICLES_IN``."""
    fmt = detect_format(path) if input_format == "auto" else input_format
    reader = {"jsonl": _jsonl, "parquet": _parquet, "text": _text}[fmt]
    return reader(spark, path).select(*ARTICLES_IN.names)


def _jsonl(spark: SparkSession, path: str) -> DataFrame:
    frame = (spark.read.schema(JSONL_IN).option("mode", "PERMISSIVE")
             .option("columnNameOfCorruptRecord", "_corrupt_record").json(path))
    corrupt = F.col("_corrupt_record")
    return frame.select(
        F.when(corrupt.isNull(), F.col("id")).alias("id"),
        F.when(corrupt.isNull(), F.col("text")).alias("text"),
        F.lit(None).cast(BinaryType()).alias("content"),
        "outlet", "date", "url",
        F.input_file_name().alias("source"),
        F.when(corrupt.isNotNull(), F.concat(F.lit("not a JSON object with string fields: "),
                                             F.substring(corrupt, 1, 80))).alias("defect"),
    )


def _parquet(spark: SparkSession, path: str) -> DataFrame:
    frame = spark.read.parquet(path)
    missing = [name for name in ("id", "text") if name not in frame.columns]
    if missing:
        raise InputError(f"{path} has no column {' or '.join(missing)}; it has"
                         f" {', '.join(frame.columns)}")

    def optional(name: str):
        column = F.col(name).cast(StringType()) if name in frame.columns else F.lit(None).cast(StringType())
        return column.alias(name)

    binary = isinstance(frame.schema["text"].dataType, BinaryType)
    return frame.select(
        F.col("id").cast(StringType()).alias("id"),
        (F.lit(None).cast(StringType()) if binary else F.col("text").cast(StringType())).alias("text"),
        (F.col("text") if binary else F.lit(None).cast(BinaryType())).alias("content"),
        optional("outlet"), optional("date"), optional("url"),
        F.input_file_name().alias("source"),
        F.lit(None).cast(StringType()).alias("defect"),
    )


def _qualified(spark: SparkSession, path: str) -> str:
    """``path`` as Hadoop names it (``file:/abs/dir``), the prefix of the files found in it."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(hadoop_path):
        raise InputError(f"INPUT {path} does not exist")
    return fs.makeQualified(hadoop_path).toString().rstrip("/")


def _text(spark: SparkSession, path: str) -> DataFrame:
    """.txt files, recursively; the id is the path below INPUT (the file name at its top)."""
    root = _qualified(spark, path) + "/"
    frame = (spark.read.format("binaryFile").option("pathGlobFilter", "*.txt")
             .option("recursiveFileLookup", "true").load(path))
    file_path = F.col("path")
    relative = F.when(file_path.startswith(root), F.expr(f"substring(path, {len(root) + 1})")) \
        .otherwise(F.element_at(F.split(file_path, "/"), -1))
    none = F.lit(None).cast(StringType())

    def shaped(files: DataFrame, content) -> DataFrame:
        return files.select(
            relative.alias("id"), none.alias("text"), content.alias("content"),
            none.alias("outlet"), none.alias("date"), none.alias("url"),
            file_path.alias("source"), none.alias("defect"),
        )

    return shaped(frame, F.col("content")).unionByName(
        shaped(_empty_files(spark, frame), F.unhex(F.lit(""))))


def _empty_files(spark: SparkSession, frame: DataFrame) -> DataFrame:
    """The listed files that Spark's scan skips: it splits a file into byte ranges, and a file of
    no bytes has none. They are articles too (with an empty text), so they are kept."""
    listed = spark.createDataFrame([(path,) for path in frame.inputFiles()], "uri string")
    # The listing gives URIs (file:///a%20b.txt), the scan Hadoop paths (file:/a b.txt).
    path = F.url_decode(F.regexp_replace(F.regexp_replace("uri", "^file:///", "file:/"),
                                         r"\+", "%2B"))
    return (listed.select(path.alias("path")).join(frame.select("path"), on="path", how="left_anti")
            .orderBy("path"))
