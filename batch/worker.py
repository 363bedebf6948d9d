"""What runs inside each Spark partition: one engine per Python worker, loaded once.

Spark reuses its Python workers across tasks (``spark.python.worker.reuse``, on by default),
so the module-level engine below is built by a worker's first task and serves every later
task of that worker: loading the rules and spaCy costs a couple of seconds once per worker,
not once per partition or article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from qawl.batch.records import ARTICLE, ERROR, STATEMENT, UNITS, ArticleIn, article_rows

_extractor = None


def extractor():
    """This worker's engine, built on first use."""
    global _extractor
    if _extractor is None:
        from qawl.engine import Extractor

        _extractor = Extractor()
    return _extractor


def _article(row) -> ArticleIn:
    return ArticleIn(id=row["id"], text=row["text"], content=row["content"],
                     outlet=row["outlet"], date=row["date"], url=row["url"],
                     source=row["source"], defect=row["defect"], duplicate=row["duplicate"])


def extract_partition(rows: Iterable, encoding: str, max_chars: int,
                      progress=None) -> Iterator[tuple]:
    """Spark ``mapPartitions`` function: input rows in, tagged output rows out, in input order.

    Each output row is ``(tag, statement, article, error)`` with the one struct its tag names
    filled and the other two None. ``progress`` is ``(records, partitions)``, two Spark
    accumulators this adds to for the driver's progress lines.
    """
    unit = UNITS[encoding]
    extract = extractor().extract
    for row in rows:
        for tag, fields in article_rows(_article(row), extract, unit, max_chars):
            yield (tag, fields if tag == STATEMENT else None, fields if tag == ARTICLE else None,
                   fields if tag == ERROR else None)
        if progress is not None:
            progress[0].add(1)
    if progress is not None:
        progress[1].add(1)
