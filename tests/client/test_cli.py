"""The ``qawl`` command line, embedded and against a running server."""

from __future__ import annotations

import io
import json

import pytest

from qawl.client.cli import main
from tests.conftest import REPO, SEEDS


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_extract_jsonl_spans_slice_the_article_text_embedded(capsys, seed_texts):
    assert main(["extract", "--format", "jsonl", *map(str, SEEDS)]) == 0
    records = _jsonl(capsys.readouterr().out)
    assert {r["article_id"] for r in records} == set(seed_texts)
    for record in records:
        text = seed_texts[record["article_id"]]
        span = record["span"]
        assert text[span["begin_offset"]:span["end_offset"]] == record["text"]
        assert record["speaker"]["name"] and record["kind"].startswith("QUOTE_KIND_")


def test_extract_jsonl_against_a_running_server(capsys, target, seed_texts):
    seed = SEEDS[0]
    assert main(["extract", "--server", target, "--format", "jsonl", str(seed)]) == 0
    records = _jsonl(capsys.readouterr().out)
    assert records and all(r["article_id"] == seed.name for r in records)
    assert all(seed_texts[seed.name][r["span"]["begin_offset"]:r["span"]["end_offset"]] == r["text"]
               for r in records)


def test_extract_utf16_offsets_slice_the_utf16_text(capsys, target, seed_texts):
    seed = SEEDS[1]
    assert main(["extract", "--server", target, "--format", "jsonl", "--encoding", "utf16",
                 str(seed)]) == 0
    units = seed_texts[seed.name].encode("utf-16-le")
    for record in _jsonl(capsys.readouterr().out):
        begin, end = record["span"]["begin_offset"], record["span"]["end_offset"]
        assert units[2 * begin:2 * end].decode("utf-16-le") == record["text"]


def test_extract_reads_stdin(capsys, monkeypatch, target):
    text = 'قال المتحدث إن "الاتفاق نهائي".\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["extract", "--server", target, "--format", "jsonl", "-"]) == 0
    records = _jsonl(capsys.readouterr().out)
    assert records and records[0]["article_id"] == "stdin"
    span = records[0]["span"]
    assert text[span["begin_offset"]:span["end_offset"]] == records[0]["text"]


def test_extract_table_names_each_article(capsys, target):
    assert main(["extract", "--server", target, "--format", "table", *map(str, SEEDS[:2])]) == 0
    out = capsys.readouterr().out
    assert SEEDS[0].name in out and SEEDS[1].name in out and "speaker" in out


def test_extract_without_a_tty_defaults_to_jsonl(capsys, target):
    assert main(["extract", "--server", target, str(SEEDS[2])]) == 0
    assert all(json.loads(line)["id"] for line in capsys.readouterr().out.splitlines())


def test_a_bad_file_is_reported_and_the_rest_still_run(capsys, target, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["extract", "--server", target, "--format", "jsonl",
                 str(tmp_path / "missing.txt"), str(empty), str(SEEDS[0])])
    captured = capsys.readouterr()
    assert code == 1
    assert "missing.txt" in captured.err
    assert "empty.txt: INVALID_ARGUMENT" in captured.err
    assert {r["article_id"] for r in _jsonl(captured.out)} == {SEEDS[0].name}


def test_an_unreachable_server_is_reported(capsys):
    code = main(["extract", "--server", "127.0.0.1:1", "--timeout", "2", str(SEEDS[0])])
    assert code == 1
    assert "UNAVAILABLE" in capsys.readouterr().err


def test_health_prints_serving(capsys, target):
    assert main(["health", "--server", target]) == 0
    assert capsys.readouterr().out.strip() == "SERVING"


def test_health_of_an_unknown_service_fails(capsys, target):
    assert main(["health", "--server", target, "--service", "no.such.Service"]) == 1
    assert "NOT_FOUND" in capsys.readouterr().err


def test_eval_prints_span_attribution_and_kind_scores(capsys, target):
    assert main(["eval", "--server", target, "--gold", str(REPO / "seeds" / "gold"),
                 *map(str, SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "span P" in out and "attr P" in out and "kind" in out
    overall = next(line for line in out.splitlines() if line.startswith("overall"))
    assert len(overall.split()) == 11


def test_eval_without_an_annotation_names_the_missing_file(capsys, target, tmp_path):
    article = tmp_path / "lonely.txt"
    article.write_text('قال الوزير إن "كل شيء بخير".', encoding="utf-8")
    assert main(["eval", "--server", target, "--gold", str(tmp_path), str(article)]) == 1
    assert "lonely" in capsys.readouterr().err


def test_extract_requires_a_file():
    with pytest.raises(SystemExit):
        main(["extract"])


def test_extract_over_several_connections_keeps_the_input_order(capsys, target, tmp_path):
    missing = str(tmp_path / "missing.txt")
    files = [*map(str, SEEDS), missing, *map(str, SEEDS)]
    assert main(["extract", "--server", target, "--format", "jsonl", *files]) == 1
    one_by_one = capsys.readouterr()
    assert main(["extract", "--server", target, "--format", "jsonl", "--connections", "3", *files]) == 1
    parallel = capsys.readouterr()
    assert parallel.out == one_by_one.out
    assert [r["article_id"] for r in _jsonl(parallel.out)][0] == SEEDS[0].name
    assert "missing.txt" in parallel.err


def test_connections_must_be_between_1_and_64(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--connections", "0", "x.txt"])
    assert "--connections" in capsys.readouterr().err
