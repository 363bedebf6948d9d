"""The closed-loop load runner: bounded by calls and by time, errors counted, percentiles."""

from __future__ import annotations

import threading
import time

import grpc

from benchmarks.load import LoadResult, run_load

NOWHERE = "127.0.0.1:9"  # channels connect lazily; these calls never use them


def test_load_stops_at_the_call_count():
    seen = []
    lock = threading.Lock()

    def call(_channel, number):
        with lock:
            seen.append(number)

    result = run_load(NOWHERE, call, concurrency=3, max_calls=50, max_seconds=30, warmup_calls=1)
    assert result.calls == 50 and result.errors == 0
    assert len(seen) == 50 + 3  # one warm-up call per thread
    assert sorted(seen[3:]) == list(range(50))


def test_load_stops_at_the_time_limit():
    started = time.perf_counter()
    result = run_load(NOWHERE, lambda _c, _n: time.sleep(0.01), 2, 10**9, 0.2, warmup_calls=0)
    assert time.perf_counter() - started < 2
    assert 2 <= result.calls <= 60


def test_failed_calls_are_counted_not_timed():
    class Failed(grpc.RpcError):
        pass

    def call(_channel, number):
        if number % 2:
            raise Failed()

    result = run_load(NOWHERE, call, 1, 10, 30, warmup_calls=0)
    assert (result.calls, result.errors) == (5, 5)


def test_percentiles_and_throughput():
    result = LoadResult(
        calls=100, seconds=2.0, latencies=tuple(i / 1000 for i in range(1, 101)), errors=0
    )
    assert result.throughput == 50
    assert abs(result.percentile(50) - 0.0505) < 1e-3
    assert abs(result.percentile(99) - 0.099) < 2e-3


def test_connections_are_dialled_again_until_they_spread():
    checks = iter([False, False, True])
    calls = []
    result = run_load(NOWHERE, lambda _c, n: calls.append(n), 2, 10, 30, warmup_calls=1,
                      spread=lambda: next(checks))
    assert result.redials == 2 and result.calls == 10
    assert len(calls) == 3 * 2 + 10  # each dialling warms up both connections again


def test_redialling_gives_up_after_its_limit():
    result = run_load(NOWHERE, lambda _c, _n: None, 1, 5, 30, warmup_calls=1,
                      spread=lambda: False, max_redials=3)
    assert result.redials == 3 and result.calls == 5
