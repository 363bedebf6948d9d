"""Bounded timing and table printing shared by the benchmarks.

Figures on a shared machine are noisy, so each measurement repeats a call a bounded number of
times within a time budget and keeps the median; benchmarks print ratios next to the raw
figures, and ratios hold when the machine is busy.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Seconds per call over ``runs`` calls."""

    median: float
    best: float
    runs: int
    mean: float


def measure(
    fn: Callable[[], object], repeat: int = 20, budget: float = 2.0, warmup: int = 1
) -> Timing:
    """Time ``fn()`` at most ``repeat`` times and for about ``budget`` seconds (at least once)."""
    for _ in range(warmup):
        fn()
    times: list[float] = []
    deadline = time.perf_counter() + budget
    while len(times) < repeat and (not times or time.perf_counter() < deadline):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return Timing(statistics.median(times), min(times), len(times), statistics.fmean(times))


@contextmanager
def one_core() -> Iterator[str]:
    """Keep this process on one CPU while inside, so "one core" figures mean it.

    Yields a note saying which CPU (or that pinning is not available); the earlier CPU set is
    restored on leaving, so later benchmarks and the processes they start use every core.
    """
    if not hasattr(os, "sched_setaffinity"):
        yield "not pinned (no sched_setaffinity)"
        return
    before = os.sched_getaffinity(0)
    cpu = min(before)
    os.sched_setaffinity(0, {cpu})
    try:
        yield f"pinned to CPU {cpu}"
    finally:
        os.sched_setaffinity(0, before)


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Rows as an aligned text table: first column left, the rest right-aligned."""
    cells = [[str(c) for c in header], *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:]))
        return "  ".join([first, *rest]).rstrip()

    rule = "-" * len(line(cells[0]))
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def ms(seconds: float) -> str:
    """Seconds shown as milliseconds with two decimals."""
    return f"{seconds * 1000:.2f}"
