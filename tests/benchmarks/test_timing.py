"""Bounded timing and table layout."""

from __future__ import annotations

import os
import time

from benchmarks.timing import measure, ms, one_core, table


def test_measure_stops_at_the_repeat_count():
    calls = []
    timing = measure(lambda: calls.append(1), repeat=5, budget=10.0, warmup=2)
    assert timing.runs == 5 and len(calls) == 7
    assert 0 <= timing.best <= timing.median


def test_measure_stops_at_the_budget_but_runs_at_least_once():
    timing = measure(lambda: time.sleep(0.02), repeat=1000, budget=0.05, warmup=0)
    assert 1 <= timing.runs <= 4


def test_table_aligns_columns():
    lines = table(("name", "ms"), [("a", "1.00"), ("long name", "10.00")]).splitlines()
    assert lines[0] == "name          ms"
    assert set(lines[1]) == {"-"}
    assert lines[2] == "a           1.00" and lines[3] == "long name  10.00"


def test_ms_shows_two_decimals():
    assert ms(0.0012345) == "1.23"


def test_one_core_pins_inside_and_restores_on_leaving():
    before = os.sched_getaffinity(0)
    with one_core() as note:
        assert len(os.sched_getaffinity(0)) == 1
        assert note.startswith("pinned to CPU")
    assert os.sched_getaffinity(0) == before


def test_the_mean_counts_a_slow_call_that_the_median_leaves_out():
    pauses = iter([0.0, 0.0, 0.0, 0.0, 0.05])
    timing = measure(lambda: time.sleep(next(pauses)), repeat=5, budget=10.0, warmup=0)
    assert timing.median < 0.01 and timing.mean >= 0.05 / 5
