"""A task that fails after producing rows is retried without adding a single row."""

from __future__ import annotations

import json
import sys

import pytest

from tests.batch import corpus

pytest.importorskip("pyspark", reason="the batch tests need the qawl[spark] extra")

from pyspark import TaskContext, cloudpickle  # noqa: E402

from qawl.batch.job import run  # noqa: E402
from qawl.batch.options import BatchConfig  # noqa: E402
from qawl.batch.worker import extract_partition  # noqa: E402

# The workers cannot import this test module, so the failing function travels by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def fail_first_attempt(rows, **options):
    """The job's own partition function, except that a first attempt dies after 3 rows."""
    for produced, row in enumerate(extract_partition(rows, **options)):
        if produced == 3 and TaskContext.get().attemptNumber() == 0:
            raise RuntimeError("this attempt fails on purpose")
        yield row


def _lines(path) -> list[str]:
    return [line for part in sorted(path.glob("part-*.json"))
            for line in part.read_text(encoding="utf-8").splitlines()]


def test_a_retried_task_adds_no_rows(spark, tmp_path):
    archive = tmp_path / "articles.jsonl"
    archive.write_text("".join(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n"
                               for i, (_, text) in enumerate(corpus.GOOD[:6])), encoding="utf-8")
    clean, flaky = tmp_path / "clean", tmp_path / "flaky"
    config = BatchConfig(input=str(archive), output=str(clean), format="jsonl", partitions=2)
    expected = run(spark, config)
    summary = run(spark, BatchConfig(**{**config.__dict__, "output": str(flaky)}),
                  partition_fn=fail_first_attempt)
    assert summary | {"output": None} == expected | {"output": None}
    for table in ("statements", "articles", "errors", "speakers"):
        assert _lines(flaky / table) == _lines(clean / table)
    assert len(_lines(flaky / "statements")) == expected["statements"] > 20
