"""``--cpus``: parsing, the CPU each worker gets, and every thread of a server held there."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import grpc
import pytest

from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server.affinity import cpus_for_worker, parse_cpus
from qawl.server.config import parse_args
from tests.conftest import REPO

ALLOWED = sorted(os.sched_getaffinity(0))


def test_cpu_lists_and_ranges():
    assert parse_cpus("") == ()
    assert parse_cpus("1") == (1,)
    assert parse_cpus("0,2") == (0, 2)
    assert parse_cpus("0-3,2,5") == (0, 1, 2, 3, 5)


@pytest.mark.parametrize("text", ["x", "1-", "-1", "0-a", "1.5", "3-1"])
def test_a_bad_list_is_refused(text):
    with pytest.raises(ValueError, match="--cpus"):
        parse_cpus(text)


def test_a_cpu_this_process_may_not_use_is_refused(capsys):
    with pytest.raises(SystemExit):
        parse_args(["--cpus", str(max(ALLOWED) + 1)])
    assert "is not available" in capsys.readouterr().err


def test_workers_take_the_cpus_round_robin():
    assert [cpus_for_worker((0, 1), k) for k in range(3)] == [(0,), (1,), (0,)]
    assert cpus_for_worker((), 4) == ()


def _thread_cpus(pid: int) -> set[frozenset[int]]:
    return {frozenset(os.sched_getaffinity(int(tid))) for tid in os.listdir(f"/proc/{pid}/task")}


def _serving(process: subprocess.Popen, msg: str = "serving") -> dict:
    for line in process.stderr:
        entry = json.loads(line)
        if entry["msg"] == msg:
            return entry
    raise AssertionError(f"the server never logged {msg!r}")


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    finally:
        process.kill()


def test_every_thread_of_a_pinned_server_stays_on_its_cpu():
    cpu = ALLOWED[-1]
    process = subprocess.Popen(
        [sys.executable, "-m", "qawl.server", "--address", "127.0.0.1:0", "--cpus", str(cpu)],
        cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        serving = _serving(process)
        assert serving["cpus"] == [cpu]
        with grpc.insecure_channel(f"127.0.0.1:{serving['port']}") as channel:
            article = qawl_pb2.Article(id="p", text='قال الوزير إن "الوضع مستقر".')
            response = qawl_pb2_grpc.ExtractionServiceStub(channel).Extract(
                qawl_pb2.ExtractRequest(article=article), timeout=20)
        assert response.quotes
        assert _thread_cpus(process.pid) == {frozenset({cpu})}
    finally:
        _stop(process)


@pytest.mark.skipif(len(ALLOWED) < 2, reason="needs two CPUs")
def test_each_worker_runs_on_its_own_cpu():
    cpus = ALLOWED[:2]
    process = subprocess.Popen(
        [sys.executable, "-m", "qawl.server", "--address", "127.0.0.1:0", "--workers", "2",
         "--cpus", ",".join(map(str, cpus))],
        cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        pids = _serving(process, "serving with workers")["pids"]  # once every worker is up
        assert [_thread_cpus(pid) for pid in pids] == [{frozenset({cpu})} for cpu in cpus]
    finally:
        _stop(process)
