"""Closed-loop RPC load: N client threads, each on its own connection, for a bounded run.

Each thread opens its own channel with a local subchannel pool, so N threads make N TCP
connections; with ``--workers`` the kernel spreads connections over the server processes, so
this is also how a client spreads its load. The kernel may put every connection on one
process; given a ``spread`` check, a run whose connections missed a worker dials them all
again, and says how often it did. Every run stops at a call count or a time limit, whichever
comes first.
"""

from __future__ import annotations

import itertools
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import grpc

Call = Callable[[grpc.Channel, int], object]
"""One RPC on a channel; the int numbers the call, to pick its input."""


@dataclass(frozen=True)
class LoadResult:
    """What a load run achieved."""

    calls: int
    seconds: float
    latencies: tuple[float, ...]
    errors: int
    redials: int = 0
    """How many times every connection was dialled again because one worker got none."""

    @property
    def throughput(self) -> float:
        """Calls completed per second."""
        return self.calls / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Latency in seconds at percentile ``p`` (0-100) of the completed calls."""
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(p) - 1]


def channel(target: str) -> grpc.Channel:
    """A channel with a connection of its own (not shared with other channels to ``target``)."""
    return grpc.insecure_channel(target, options=[("grpc.use_local_subchannel_pool", 1)])


def run_load(
    target: str,
    call: Call,
    concurrency: int,
    max_calls: int,
    max_seconds: float,
    warmup_calls: int = 2,
    spread: Callable[[], bool] | None = None,
    max_redials: int = 5,
) -> LoadResult:
    """Run ``call`` from ``concurrency`` threads until ``max_calls`` or ``max_seconds``.

    With ``spread`` (true when every server process holds a connection; needs at least one
    warm-up call, which connects), connections are dialled again, up to ``max_redials``
    times, until it holds.
    """
    channels = _connected(target, call, concurrency, warmup_calls)
    redials = 0
    while spread is not None and redials < max_redials and not spread():
        for ch in channels:
            ch.close()
        channels = _connected(target, call, concurrency, warmup_calls)
        redials += 1
    numbers = itertools.count()
    latencies: list[list[float]] = [[] for _ in channels]
    errors = [0] * concurrency
    start = time.perf_counter()
    deadline = start + max_seconds

    def worker(index: int) -> None:
        ch, mine = channels[index], latencies[index]
        while time.perf_counter() < deadline:
            number = next(numbers)
            if number >= max_calls:
                return
            began = time.perf_counter()
            try:
                call(ch, number)
            except grpc.RpcError:
                errors[index] += 1
                continue
            mine.append(time.perf_counter() - began)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    for ch in channels:
        ch.close()
    done = tuple(sorted(x for mine in latencies for x in mine))
    return LoadResult(len(done), seconds, done, sum(errors), redials)


def _connected(target: str, call: Call, concurrency: int, warmup_calls: int) -> list[grpc.Channel]:
    """``concurrency`` channels of their own, each warmed up with ``warmup_calls`` calls."""
    channels = [channel(target) for _ in range(concurrency)]
    for ch in channels:
        for i in range(warmup_calls):
            call(ch, i)
    return channels
