"""The ``qawl`` command line, embedded and against a running server."""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import time

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


# --- the command line as other programs and terminals meet it ---------------------------

CLI = "import sys; from qawl.client.cli import main; sys.exit(main(sys.argv[1:]))"
CERTS = REPO / "tests" / "server" / "certs"


def _terminal_env() -> dict:
    return {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}


def _drain(masters: dict[str, int], process: subprocess.Popen, seconds: float = 120) -> dict[str, str]:
    """Everything written to each pseudo-terminal until ``process`` has exited and closed them."""
    chunks = {name: bytearray() for name in masters}
    open_fds = {fd: name for name, fd in masters.items()}
    deadline = time.monotonic() + seconds
    while open_fds and time.monotonic() < deadline:
        ready, _, _ = select.select(list(open_fds), [], [], 0.5)
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the child closed its side
                data = b""
            if data:
                chunks[open_fds[fd]] += data
            else:
                del open_fds[fd]
    process.wait(timeout=max(1.0, deadline - time.monotonic()))
    for fd in masters.values():
        os.close(fd)
    return {name: data.decode("utf-8", "replace") for name, data in chunks.items()}


def test_records_go_to_a_redirected_stdout_while_the_bar_draws_on_a_terminal(target, tmp_path,
                                                                            seed_texts):
    master, slave = os.openpty()
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as handle:
        process = subprocess.Popen([sys.executable, "-c", CLI, "extract", "--server", target,
                                    "--format", "jsonl", *map(str, SEEDS)],
                                   stdin=subprocess.DEVNULL, stdout=handle, stderr=slave,
                                   env=_terminal_env())
    os.close(slave)
    terminal = _drain({"stderr": master}, process)["stderr"]
    assert process.returncode == 0, terminal
    records = _jsonl(out.read_text(encoding="utf-8"))
    assert {r["article_id"] for r in records} == set(seed_texts)
    assert "extracting" in terminal  # the bar was drawn ...
    assert '"article_id"' not in terminal  # ... and no record went its way


def test_records_go_to_stdout_when_stdout_and_stderr_are_both_terminals(target, seed_texts):
    out_master, out_slave = os.openpty()
    err_master, err_slave = os.openpty()
    process = subprocess.Popen([sys.executable, "-c", CLI, "extract", "--server", target,
                                "--format", "jsonl", "--progress", *map(str, SEEDS)],
                               stdin=subprocess.DEVNULL, stdout=out_slave, stderr=err_slave,
                               env=_terminal_env())
    os.close(out_slave)
    os.close(err_slave)
    seen = _drain({"stdout": out_master, "stderr": err_master}, process)
    assert process.returncode == 0, seen["stderr"]
    lines = [line for line in seen["stdout"].splitlines() if line.startswith("{")]
    assert {json.loads(line)["article_id"] for line in lines} == set(seed_texts)
    assert '"article_id"' not in seen["stderr"]


def _run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("flags", [["--tls-cert", str(CERTS / "client.pem")],
                                   ["--tls-key", str(CERTS / "client.key")],
                                   ["--tls-ca", str(CERTS / "ca.pem"), "--tls-cert", str(CERTS / "client.pem")]])
def test_a_client_certificate_without_its_key_is_a_usage_error_not_an_abort(flags):
    done = _run_cli("extract", "--server", "127.0.0.1:1", *flags, str(SEEDS[0]))
    assert done.returncode == 2, done
    assert done.stderr.strip() == "qawl: --tls-cert and --tls-key go together"


@pytest.mark.parametrize("flag", ["--tls-ca", "--tls-cert", "--token-file"])
def test_a_missing_tls_or_token_file_is_a_usage_error(tmp_path, flag):
    missing = str(tmp_path / "missing.pem")
    flags = [flag, missing] + (["--tls-key", str(CERTS / "client.key")] if flag == "--tls-cert" else [])
    done = _run_cli("health", "--server", "127.0.0.1:1", *flags)
    assert done.returncode == 2, done
    assert done.stderr.strip() == f"qawl: {flag} {missing}: no such file"


def test_error_lines_are_never_wrapped_and_carry_the_details(capsys, target, tmp_path):
    folder = tmp_path / ("a-rather-long-folder-name-" * 3)
    folder.mkdir()
    empty = folder / "an-empty-article-with-a-long-name.txt"
    empty.write_text(" ")
    assert main(["extract", "--server", target, "--format", "jsonl", str(empty)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and len(lines[0]) > 80
    assert lines[0].startswith(f"qawl: {empty.name}: INVALID_ARGUMENT: article.text is required")
    assert "reason TEXT_EMPTY" in lines[0] and "field article.text: " in lines[0]


def test_a_missing_file_is_one_line_too(capsys, target, tmp_path):
    missing = tmp_path / ("x" * 120 + ".txt")
    assert main(["extract", "--server", target, str(missing)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("qawl: ") and str(missing) in line


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"statements": {"a": 1}}',
                                     '{"statements": ["text"]}',
                                     '{"statements": [{"content": "x", "kind": "direct", "occurrence": "two"}]}',
                                     "\udcff"])
def test_eval_names_a_malformed_annotation_file_on_one_line(capsys, target, tmp_path, content):
    article = tmp_path / "odd.txt"
    article.write_text('قال الوزير إن "كل شيء بخير".', encoding="utf-8")
    gold = tmp_path / "odd.json"
    gold.write_bytes(content.encode("utf-8", "surrogateescape"))
    seed_gold = REPO / "seeds" / "gold" / f"{SEEDS[0].stem}.json"
    (tmp_path / seed_gold.name).write_bytes(seed_gold.read_bytes())
    assert main(["eval", "--server", target, "--gold", str(tmp_path), str(article), str(SEEDS[0])]) == 1
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(f"qawl: {gold}: ") and line.count(str(gold)) == 1
    assert SEEDS[0].stem in captured.out  # the other article is still scored


def test_version_is_the_installed_distributions(capsys):
    from importlib import metadata

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"qawl {metadata.version('qawl')}"


def test_eval_verbose_lists_the_matches_too(capsys, target):
    assert main(["eval", "--server", target, "--gold", str(REPO / "seeds" / "gold"), "-v",
                 str(SEEDS[0])]) == 0
    out = capsys.readouterr().out
    matches = [line for line in out.splitlines() if line.startswith("  match ")]
    row = next(line for line in out.splitlines() if line.startswith(SEEDS[0].name))
    matched = int(row.split()[3])
    assert matches and len(matches) <= matched
    assert all("«" in line for line in matches)


def test_health_needs_a_server(capsys):
    assert main(["health"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("qawl: health needs --server")


def test_extract_reads_a_folders_text_files_in_name_order(capsys, target, tmp_path, seed_texts):
    folder = tmp_path / "articles"
    folder.mkdir()
    names = ["b.txt", "a.txt", "c.txt"]
    for name, seed in zip(names, SEEDS):
        (folder / name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "notes.md").write_text("not an article")
    (folder / "sub.txt").mkdir()
    assert main(["extract", "--server", target, "--format", "jsonl", str(folder)]) == 0
    ids = [r["article_id"] for r in _jsonl(capsys.readouterr().out)]
    assert list(dict.fromkeys(ids)) == sorted(names)


def test_a_folder_without_text_files_is_reported(capsys, target, tmp_path):
    assert main(["extract", "--server", target, str(tmp_path), str(SEEDS[0])]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert str(tmp_path) in line and "no .txt file" in line


def test_extract_html_is_one_page_of_every_article_with_a_tab_stop_per_statement(
        capsys, target, tmp_path, seed_texts):
    from tests.client.dom import parse

    out = tmp_path / "seeds.html"
    assert main(["extract", "--server", target, "--format", "html", "--output", str(out),
                 *map(str, SEEDS)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["extract", "--server", target, "--format", "jsonl", *map(str, SEEDS)]) == 0
    records = _jsonl(capsys.readouterr().out)
    doc = parse(out.read_text(encoding="utf-8"))
    assert [a.text() for a in doc.find_all("article")] == [seed_texts[p.name] for p in SEEDS]
    stops = [m for m in doc.find_all("mark", "q") if "tabindex" in m.attrs]
    assert [m.text() for m in stops] == [r["text"] for r in records]


def test_extract_html_goes_to_stdout_without_output(capsys, target):
    assert main(["extract", "--server", target, "--format", "html", str(SEEDS[2])]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.count("<article ") == 1


def test_an_output_file_that_cannot_be_written_is_a_one_line_usage_error(capsys, tmp_path):
    assert main(["extract", "--format", "html", "--output", str(tmp_path / "no" / "x.html"),
                 str(SEEDS[0])]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("qawl: --output ") and "No such file or directory" in line
