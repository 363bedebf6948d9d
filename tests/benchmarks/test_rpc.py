"""The RPC benchmark's setups and the engine time it reads from server logs."""

from __future__ import annotations

import json
import os

import grpc
import pytest

from benchmarks.rpc import Setup, _mean_engine_seconds, _per_channel, setups
from benchmarks.serverproc import ServerProcess

CPUS = sorted(os.sched_getaffinity(0))


def test_without_pinning_one_setup_per_worker_count():
    assert setups((1, 2), pin=False) == [Setup(1), Setup(2)]


@pytest.mark.skipif(len(CPUS) < 2, reason="needs two CPUs")
def test_pinning_holds_one_worker_on_the_last_cpu_and_n_workers_on_the_first_n():
    assert setups((1, 2), pin=True) == [Setup(1), Setup(1, (CPUS[-1],)), Setup(2),
                                        Setup(2, tuple(CPUS[:2]))]
    assert str(Setup(2, (0, 1))) == "2 workers on CPU 0,1" and str(Setup(1)) == "1 worker"


def test_mean_engine_time_comes_from_the_lines_that_carry_it():
    lines = [{"msg": "serving"}, {"rpc": "Extract", "engine_ms": 4.0}, {"rpc": "Extract", "engine_ms": 6.0}]
    assert _mean_engine_seconds(lines) == pytest.approx(0.005)
    assert _mean_engine_seconds([{"msg": "serving"}]) != _mean_engine_seconds([{"msg": "serving"}])  # nan


def test_log_lines_since_a_mark_skip_what_came_before():
    server = ServerProcess()
    log = server._log
    log.write(json.dumps({"msg": "serving"}).encode() + b"\n")
    log.flush()
    mark = server.log_size()
    log.write(json.dumps({"rpc": "Extract", "engine_ms": 3.5}).encode() + b"\n")
    log.flush()
    assert server.log_lines_since(mark) == [{"rpc": "Extract", "engine_ms": 3.5}]
    log.close()


def test_stubs_are_built_once_per_channel():
    built = []
    stub = _per_channel(lambda channel: built.append(channel) or object())
    one, other = grpc.insecure_channel("127.0.0.1:9"), grpc.insecure_channel("127.0.0.1:9")
    try:
        assert stub(one) is stub(one) and stub(other) is not stub(one)
        assert built == [one, other]
    finally:
        one.close()
        other.close()
