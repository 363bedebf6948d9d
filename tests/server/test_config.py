"""Server settings from flags, then QAWL_* environment variables, then defaults."""

from __future__ import annotations

import os

import pytest

from qawl.server.config import ServerConfig, parse_args, split_address, with_port


def test_defaults_apply_without_flags_or_environment(monkeypatch):
    for name in [n for n in os.environ if n.startswith("QAWL_")]:
        monkeypatch.delenv(name)
    assert parse_args([]) == ServerConfig()


def test_environment_sets_values(monkeypatch):
    monkeypatch.setenv("QAWL_ADDRESS", "127.0.0.1:7000")
    monkeypatch.setenv("QAWL_MAX_ARTICLE_CHARS", "500")
    config = parse_args([])
    assert config.address == "127.0.0.1:7000" and config.max_article_chars == 500


def test_flags_win_over_environment(monkeypatch):
    monkeypatch.setenv("QAWL_THREADS", "3")
    config = parse_args(["--threads", "5", "--max-message-bytes", "1000", "--grace-seconds", "1.5"])
    assert (config.threads, config.max_message_bytes, config.grace_seconds) == (5, 1000, 1.5)


def test_split_address_reads_v4_and_bracketed_v6():
    assert split_address("127.0.0.1:50051") == ("127.0.0.1", 50051)
    assert split_address("[::]:0") == ("::", 0)
    for bad in ("localhost", "127.0.0.1", "127.0.0.1:99999", "::1:50051", "[::1]", ":50051", "[]:1"):
        with pytest.raises(ValueError):
            split_address(bad)


def test_with_port_replaces_only_the_port():
    assert with_port("[::]:0", 4242) == "[::]:4242"


def test_a_bad_environment_value_is_refused_naming_the_variable(monkeypatch, capsys):
    monkeypatch.setenv("QAWL_GRACE_SECONDS", "soon")
    with pytest.raises(SystemExit) as exited:
        parse_args([])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "qawl-server: error: QAWL_GRACE_SECONDS: 'soon' is not a number of seconds\n")


def test_a_flag_wins_over_a_bad_environment_value(monkeypatch):
    monkeypatch.setenv("QAWL_WORKERS", "abc")
    assert parse_args(["--workers", "2"]).workers == 2
