"""Paired rounds: every judged RPC ratio from measurements taken seconds apart, many times over.

A shared machine's speed drifts in spells lasting seconds to minutes, so two rows measured a
minute apart differ by the drift as much as by what they measure. A round measures both sides
of every ratio within a few seconds of each other, one short run each: the engine alone in
this process, the no-op, Extract, StreamQuotes and ExtractBatch on one worker, Extract on each
larger worker count, and the bare transport (``benchmarks.bare_server``) replaying the same
bytes. Odd rounds run the steps in reverse order, so a steady drift weighs on both sides alike.
The report gives each ratio's median over the rounds and its range.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from benchmarks.load import Call, run_load

WARMUP_CALLS = 1
"""Untimed calls per client thread before each run."""


class Served(Protocol):
    """A server under load: where to connect, the CPU time it has used, and whether every one
    of its processes holds a client connection."""

    @property
    def target(self) -> str: ...

    def cpu_seconds(self) -> float: ...

    def spread(self) -> bool: ...


@dataclass(frozen=True)
class Run:
    """One short load run: calls per second, the server CPU per call (warm-up included), and
    the calls that failed."""

    throughput: float
    cpu_per_call: float
    errors: int = 0
    redials: int = 0


def load_run(server: Served, call: Call, concurrency: int, seconds: float) -> Run:
    """Load ``server`` with ``call`` from ``concurrency`` threads for about ``seconds``."""
    before = server.cpu_seconds()
    result = run_load(server.target, call, concurrency, 10**9, seconds, WARMUP_CALLS, server.spread)
    served = result.calls + result.errors + WARMUP_CALLS * concurrency * (1 + result.redials)
    return Run(result.throughput, (server.cpu_seconds() - before) / served, result.errors, result.redials)


@dataclass(frozen=True)
class EngineTime:
    """The engine alone, seconds per article: sustained (total time over the articles, pauses
    for garbage collection and the machine's hiccups included, as a server meets them) and in
    the median pass."""

    sustained: float
    median: float


@dataclass(frozen=True)
class Round:
    """The figures of one round, each side of every ratio measured within seconds."""

    engine: EngineTime
    """The engine alone in this process."""
    noop: Run
    extract: Run
    stream: Run
    batch: Run
    """Counted in ExtractBatch calls, each carrying every seed article."""
    scaled: tuple[Run, ...]
    """Extract with each larger worker count, in order."""
    bare_extract: Run
    bare_stream: Run


@dataclass(frozen=True)
class Plan:
    """What a round loads: servers, calls and the concurrency each server is loaded at."""

    one: Served
    """The one-worker server."""
    more: Sequence[tuple[Served, int]]
    """Each larger server with the concurrency its Extract runs at."""
    bare: Served
    calls: Mapping[str, Call]
    """``Check``, ``Extract``, ``StreamQuotes`` and ``ExtractBatch``."""
    concurrency: int
    """For every run against the one-worker and the bare server."""
    engine: Callable[[], EngineTime]
    """Times the engine alone."""


def one_round(plan: Plan, seconds: float, reverse: bool) -> Round:
    """Measure one round, its steps in order or, with ``reverse``, backwards."""
    c = plan.concurrency
    steps: dict[str, Callable[[], object]] = {
        "engine": plan.engine,
        "noop": lambda: load_run(plan.one, plan.calls["Check"], c, seconds / 2),
        "extract": lambda: load_run(plan.one, plan.calls["Extract"], c, seconds),
        "stream": lambda: load_run(plan.one, plan.calls["StreamQuotes"], c, seconds),
        "batch": lambda: load_run(plan.one, plan.calls["ExtractBatch"], c, seconds),
        "scaled": lambda: tuple(load_run(server, plan.calls["Extract"], conc, seconds)
                                for server, conc in plan.more),
        "bare_extract": lambda: load_run(plan.bare, plan.calls["Extract"], c, seconds / 2),
        "bare_stream": lambda: load_run(plan.bare, plan.calls["StreamQuotes"], c, seconds / 2),
    }
    order = list(steps)[::-1] if reverse else list(steps)
    return Round(**{name: steps[name]() for name in order})


def run_rounds(plan: Plan, rounds: int, seconds: float) -> list[Round]:
    """``rounds`` rounds, every other one in reverse order."""
    return [one_round(plan, seconds, reverse=bool(k % 2)) for k in range(rounds)]


def spread(values: Sequence[float], fmt: str = "{:.2f}") -> str:
    """The median of ``values`` and their range, e.g. ``0.83 (0.79-0.88)``."""
    return (fmt.format(statistics.median(values))
            + f" ({fmt.format(min(values))}-{fmt.format(max(values))})")


def report(rounds: Sequence[Round], quotes: float, batch_size: int, first: str,
           larger: Sequence[str]) -> list[str]:
    """The judged ratios, median and range over ``rounds``.

    ``quotes`` is the mean number of quotes per article, ``batch_size`` the articles in one
    ExtractBatch call; ``first`` names the server the ratios are taken on and ``larger`` each
    larger worker count, in ``Round.scaled`` order.
    """
    ceiling = [r.extract.throughput * (r.engine.sustained + r.noop.cpu_per_call) for r in rounds]
    by_median = [r.extract.throughput * (r.engine.median + r.noop.cpu_per_call) for r in rounds]
    stream = [r.stream.throughput / r.extract.throughput for r in rounds]
    batch = [r.batch.throughput * batch_size / r.extract.throughput for r in rounds]
    ours = [(r.stream.cpu_per_call - r.extract.cpu_per_call) / quotes for r in rounds]
    floor = [(r.bare_stream.cpu_per_call - r.bare_extract.cpu_per_call) / quotes for r in rounds]
    keep_up = [r.extract.cpu_per_call / (r.extract.cpu_per_call + f * quotes)
               for r, f in zip(rounds, floor)]
    lines = [
        f"{len(rounds)} paired rounds on {first}, median (range) of each round's figure:",
        f"  engine alone {_ms(r.engine.sustained for r in rounds)} ms per article sustained"
        f" ({_ms(r.engine.median for r in rounds)} in the median pass); no-op server CPU"
        f" {_ms(r.noop.cpu_per_call for r in rounds)} ms per call",
        f"  Extract / ceiling 1/(engine alone + no-op server CPU): {spread(ceiling)} (target >= 0.80);"
        f" against the median pass: {spread(by_median)}",
        f"  StreamQuotes / Extract per article: {spread(stream)}; ExtractBatch / Extract per"
        f" article: {spread(batch)}",
        f"  server CPU per streamed quote beyond Extract: {_ms(ours)} ms; grpc-python's own,"
        f" replaying the same bytes: {_ms(floor)} ms ({quotes:.1f} quotes per article): at that"
        f" cost per message, StreamQuotes / Extract can reach {spread(keep_up)}",
    ]
    for k, name in enumerate(larger):
        scaled = [r.scaled[k].throughput / r.extract.throughput for r in rounds]
        lines.append(f"  Extract with {name} / {first}: {spread(scaled)}x (target >= 1.6x for 2)")
    runs = [run for r in rounds for run in (r.noop, r.extract, r.stream, r.batch, *r.scaled,
                                            r.bare_extract, r.bare_stream)]
    failed = sum(run.errors for run in runs)
    if failed:
        lines.append(f"  WARNING: {failed} calls failed in the rounds; the figures above count them")
    redialled = sum(1 for run in runs if run.redials)
    if redialled:
        lines.append(f"  the kernel left a worker without a connection in {redialled} runs; their"
                     f" connections were dialled again ({sum(run.redials for run in runs)} times)")
    return lines


def _ms(seconds: Iterable[float]) -> str:
    return spread([s * 1000 for s in seconds], "{:.3f}")
