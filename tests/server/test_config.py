"""Server settings from flags, then QAWL_* environment variables, then defaults."""

from __future__ import annotations

from qawl.server.config import ServerConfig, parse_args


def test_defaults_apply_without_flags_or_environment(monkeypatch):
    for name in ("ADDRESS", "THREADS", "MAX_MESSAGE_BYTES", "MAX_ARTICLE_CHARS"):
        monkeypatch.delenv(f"QAWL_{name}", raising=False)
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
