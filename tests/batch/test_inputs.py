"""Folders of .txt files and Parquet archives through the job, and the ``qawl batch`` command."""

from __future__ import annotations

import json

import pytest

from tests.batch import corpus

pytest.importorskip("pyspark", reason="the batch tests need the qawl[spark] extra")

from qawl.batch.job import run  # noqa: E402
from qawl.batch.options import BatchConfig  # noqa: E402
from qawl.client.cli import main  # noqa: E402


def _jsonl_table(path) -> list[dict]:
    return [json.loads(line) for part in sorted(path.glob("part-*.json"))
            for line in part.read_text(encoding="utf-8").splitlines()]


def test_a_folder_of_text_files(spark, tmp_path):
    root = tmp_path / "archive"
    (root / "2024" / "05").mkdir(parents=True)
    (root / "a.txt").write_text(corpus.GOOD[0][1], encoding="utf-8", newline="")
    (root / "2024" / "05" / "b.txt").write_text(corpus.GOOD[1][1], encoding="utf-8", newline="")
    (root / "bad.txt").write_bytes("قال الوزير".encode("utf-8") + b"\xff\xfe rest")
    (root / "empty.txt").write_bytes(b"")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out"
    summary = run(spark, BatchConfig(input=str(root), output=str(out), format="jsonl"))
    articles = _jsonl_table(out / "articles")
    errors = {e["article_id"]: e for e in _jsonl_table(out / "errors")}
    assert sorted(a["article_id"] for a in articles) == ["2024/05/b.txt", "a.txt"]
    assert errors["bad.txt"]["reason"] == "undecodable"
    assert "at byte 19" in errors["bad.txt"]["message"]
    assert errors["empty.txt"]["reason"] == "empty_text"
    assert summary["records"] == 4 and not summary["speakers_by_outlet_month"]
    assert not (out / "speakers_by_outlet_month").exists()
    statements = _jsonl_table(out / "statements")
    texts = {"a.txt": corpus.GOOD[0][1], "2024/05/b.txt": corpus.GOOD[1][1]}
    assert statements and all(texts[s["article_id"]][s["begin"]:s["end"]] == s["content"]
                              for s in statements)


def test_qawl_batch_over_parquet_with_utf16_offsets(spark, tmp_path, capsys):
    source = tmp_path / "articles.parquet"
    texts = dict(corpus.GOOD[:3])
    spark.createDataFrame([(i, text, "outlet-x") for i, (_, text) in enumerate(texts.items())],
                          "id long, text string, outlet string").write.parquet(str(source))
    out = tmp_path / "out"
    assert main(["batch", str(source), str(out), "--encoding", "utf16", "--format", "jsonl"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["articles"], summary["errors"], summary["encoding"]) == (3, {}, "utf16")
    by_id = {str(i): text for i, text in enumerate(texts.values())}
    statements = _jsonl_table(out / "statements")
    assert len(statements) == summary["statements"] > 0
    for row in statements:
        units = by_id[row["article_id"]].encode("utf-16-le")
        assert units[2 * row["begin"]:2 * row["end"]].decode("utf-16-le") == row["content"]
        assert row["outlet"] == "outlet-x"
    assert spark.sparkContext._jsc is not None  # the command left the caller's session running


def test_output_inside_the_input_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("قال الوزير إن الخطة ناجحة.", encoding="utf-8")
    assert main(["batch", str(tmp_path), str(tmp_path / "out")]) == 2
    assert "must lie outside INPUT" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
