"""The batch job end to end in Spark local mode: rows against the engine, errors, reruns."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from tests.batch import corpus

pytest.importorskip("pyspark", reason="the batch tests need the qawl[spark] extra")

from pyspark.sql import functions as F  # noqa: E402

from qawl.batch.job import run  # noqa: E402
from qawl.batch.options import BatchConfig  # noqa: E402

_PART = re.compile(r"part-(\d+)")


def read_files(spark, path: str) -> dict[int, list[dict]]:
    """A table's rows by part file number, each file's rows in the order written."""
    rows = spark.read.parquet(path).withColumn("_file", F.input_file_name()).collect()
    files: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        fields = row.asDict()
        files[int(_PART.search(fields.pop("_file"))[1])].append(fields)
    return dict(files)


def read_tables(spark, out) -> dict[str, dict[int, list[dict]]]:
    return {name: read_files(spark, str(out / name))
            for name in ("statements", "articles", "errors", "speakers", "speakers_by_outlet_month")}


def rows(table: dict[int, list[dict]]) -> list[dict]:
    return [row for part in sorted(table) for row in table[part]]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return corpus.write_jsonl(tmp_path_factory.mktemp("archive") / "articles.jsonl")


@pytest.fixture(scope="module")
def first_run(spark, archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    config = BatchConfig(input=str(archive), output=str(out), max_article_chars=corpus.MAX_CHARS,
                         partitions=3)
    summary = run(spark, config)
    return config, summary, read_tables(spark, out)


def test_every_statement_is_the_engines_own(first_run, shared_extractor):
    _config, summary, tables = first_run
    got: dict[str, list[tuple]] = defaultdict(list)
    for row in sorted(rows(tables["statements"]), key=lambda r: (r["article_id"], r["statement_index"])):
        text = corpus.TEXTS[row["article_id"]]
        assert text[row["begin"]:row["end"]] == row["content"]
        assert text[row["cue_begin"]:row["cue_end"]] == row["cue"]
        got[row["article_id"]].append((row["kind"], row["content"], row["begin"], row["end"],
                                       row["cue"], row["speaker"], row["speaker_type"],
                                       row["confidence"], row["rule"]))
    expected = {}
    for article_id in corpus.EXTRACTED:
        extraction = shared_extractor.extract(corpus.TEXTS[article_id])
        expected[article_id] = [
            (q.kind.value, q.text, q.start, q.end, q.cue.text, extraction.speaker(q.speaker_id).name,
             extraction.speaker(q.speaker_id).type.value, q.confidence, q.rule)
            for q in extraction.quotes]
    assert {k: v for k, v in got.items()} == {k: v for k, v in expected.items() if v}
    assert summary["statements"] == sum(map(len, expected.values())) > 50


def test_every_record_is_an_article_or_an_error_once(first_run):
    _config, summary, tables = first_run
    articles = rows(tables["articles"])
    errors = rows(tables["errors"])
    assert sorted(a["article_id"] for a in articles) == sorted(corpus.EXTRACTED)
    assert Counter((e["article_id"], e["reason"]) for e in errors) == Counter(corpus.EXPECTED_ERRORS)
    assert summary["records"] == len(corpus.records()) + 1 == len(articles) + len(errors)
    by_id = {a["article_id"]: a for a in articles}
    first = by_id[corpus.GOOD[0][0]]
    assert (first["outlet"], first["month"], first["chars"]) == ("outlet-0", "2024-01",
                                                                  len(corpus.GOOD[0][1]))
    messages = {e["reason"]: e["message"] for e in errors}
    assert str(corpus.MAX_CHARS) in messages["too_long"]
    assert "this is not json" in messages["malformed_record"]


def test_speaker_tables_count_the_statements(first_run):
    _config, _summary, tables = first_run
    statements = rows(tables["statements"])
    counts = Counter((s["speaker"], s["speaker_type"]) for s in statements)
    articles = {key: len({s["article_id"] for s in statements
                          if (s["speaker"], s["speaker_type"]) == key}) for key in counts}
    speakers = rows(tables["speakers"])
    assert {(r["speaker"], r["speaker_type"]): (r["statements"], r["articles"]) for r in speakers} \
        == {key: (counts[key], articles[key]) for key in counts}
    assert [r["statements"] for r in speakers] == sorted((r["statements"] for r in speakers),
                                                         reverse=True)
    monthly = Counter((s["speaker"], s["outlet"], s["month"]) for s in statements)
    assert {(r["speaker"], r["outlet"], r["month"]): r["statements"]
            for r in rows(tables["speakers_by_outlet_month"])} == monthly


def test_a_rerun_writes_the_same_rows_in_the_same_files(spark, first_run):
    config, summary, tables = first_run
    assert run(spark, config) == summary
    again = read_tables(spark, __import__("pathlib").Path(config.output))
    assert again == tables
    assert len(tables["statements"]) == 3  # --partitions 3: one file each
