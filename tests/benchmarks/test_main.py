"""``python -m benchmarks``: --help prints help and runs nothing."""

from __future__ import annotations

import pytest

import benchmarks.__main__ as everything


def test_help_prints_usage_and_runs_no_benchmark(monkeypatch, capsys):
    ran = []
    for part in everything.PARTS:
        monkeypatch.setattr(part, "run", lambda part=part: ran.append(part) or "")
    with pytest.raises(SystemExit) as stopped:
        everything.main(["--help"])
    assert stopped.value.code == 0 and not ran
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m benchmarks")
    assert "python -m benchmarks.rpc" in out


def test_without_options_every_part_runs_in_turn(monkeypatch, capsys):
    ran = []
    for part in everything.PARTS:
        monkeypatch.setattr(part, "run", lambda part=part: ran.append(part) or part.__name__)
    everything.main([])
    assert ran == list(everything.PARTS)
    assert capsys.readouterr().out.split() == [part.__name__ for part in everything.PARTS]


def test_an_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        everything.main(["--nonsense"])
    assert stopped.value.code == 2
