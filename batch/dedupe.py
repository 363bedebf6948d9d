"""Mark records whose id is also on other records, so no article is extracted twice.

An article id is the key of every statement row. When several records share an id:

- if they all carry the same text (an archive that holds one article twice), the first is
  extracted and the others go to the errors table as copies of it;
- if their texts differ, none is extracted and all go to the errors table, since no rule can
  say which one the id means.

"First" is the record's position in the input as Spark splits it
(``monotonically_increasing_id``: the split's number and the row's place in it), the same in
every run over the same files and settings. Texts are compared by their 64-bit xxHash.

Only ids are shuffled to find the duplicates; the duplicated ids, usually few, are then
broadcast to the article partitions, so the articles themselves are never shuffled and keep
their order. Past ``BROADCAST_LIMIT`` duplicated ids the join shuffles the articles instead:
slower, same result.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

BROADCAST_LIMIT = 2_000_000


def mark_duplicates(articles: DataFrame) -> DataFrame:
    """``articles`` with a ``duplicate`` column (None, or why the record is not extracted) and
    the ``_position`` that orders records with the same id."""
    keyed = articles.withColumn("_position", F.monotonically_increasing_id())
    body = F.coalesce(F.col("text").cast("binary"), F.col("content"))
    has_id = F.col("id").isNotNull() & (F.trim(F.col("id")) != "") & F.col("defect").isNull()
    shared = (keyed.where(has_id)
              .groupBy("id")
              .agg(F.count(F.lit(1)).alias("_copies"),
                   F.countDistinct(F.xxhash64(body)).alias("_texts"),
                   F.min("_position").alias("_first"))
              .where(F.col("_copies") > 1))
    if shared.count() <= BROADCAST_LIMIT:
        shared = F.broadcast(shared)
    joined = keyed.join(shared, on="id", how="left")
    copies = F.col("_copies").cast("string")
    duplicate = (
        F.when(F.col("_copies").isNull() | ~has_id, F.lit(None))
        .when(F.col("_texts") > 1,
              F.concat(F.lit("the id is on "), copies, F.lit(" records with "),
                       F.col("_texts").cast("string"), F.lit(" different texts")))
        .when(F.col("_position") != F.col("_first"),
              F.concat(F.lit("a copy of an earlier record with the same id and text ("),
                       copies, F.lit(" in all); that one is extracted")))
    )
    return joined.select(*articles.columns, duplicate.alias("duplicate"), "_position")
