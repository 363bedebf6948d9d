"""Spark types of the batch job's tables, built from the field lists in ``records``."""

from __future__ import annotations

from pyspark.sql.types import (BinaryType, DoubleType, IntegerType, StringType, StructField,
                               StructType)

from qawl.batch.records import ARTICLE_FIELDS, ERROR_FIELDS, STATEMENT_FIELDS

_TYPES = {"string": StringType(), "int": IntegerType(), "double": DoubleType()}


def struct(fields: tuple[tuple[str, str], ...]) -> StructType:
    """A nullable struct of ``(name, type name)`` fields."""
    return StructType([StructField(name, _TYPES[kind], True) for name, kind in fields])


STATEMENT = struct(STATEMENT_FIELDS)
ARTICLE = struct(ARTICLE_FIELDS)
ERROR = struct(ERROR_FIELDS)

TAGGED = StructType([
    StructField("tag", StringType(), False),
    StructField("statement", STATEMENT, True),
    StructField("article", ARTICLE, True),
    StructField("error", ERROR, True),
])
"""What the partition function returns: a tag and the one filled struct of that tag."""

ARTICLES_IN = StructType([
    StructField("id", StringType(), True),
    StructField("text", StringType(), True),
    StructField("content", BinaryType(), True),
    StructField("outlet", StringType(), True),
    StructField("date", StringType(), True),
    StructField("url", StringType(), True),
    StructField("source", StringType(), True),
    StructField("defect", StringType(), True),
])
"""Every reader's output: the article fields, text or undecoded bytes, file, parse defect."""

JSONL_IN = StructType([
    StructField("id", StringType(), True),
    StructField("text", StringType(), True),
    StructField("outlet", StringType(), True),
    StructField("date", StringType(), True),
    StructField("url", StringType(), True),
    StructField("_corrupt_record", StringType(), True),
])
"""The JSON lines reader's schema: unknown keys are ignored, a line that is not a JSON object
lands whole in ``_corrupt_record``."""
