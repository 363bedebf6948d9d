"""``--workers N``: processes sharing one port; a dead one replaced, all gone with their parent."""

from __future__ import annotations

import os
import signal
import threading

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server.config import parse_args
from qawl.server.workers import BACKOFF_SECONDS, RestartBudget
from tests.server.running import ServerProcess, alive, wait_until

ARTICLE = qawl_pb2.Article(id="w1", text='قال الوزير إن "الوضع مستقر".')
OWN_CONNECTION = [("grpc.use_local_subchannel_pool", 1)]


def test_workers_flag_and_environment(monkeypatch):
    monkeypatch.delenv("QAWL_WORKERS", raising=False)
    assert parse_args([]).workers == 1
    monkeypatch.setenv("QAWL_WORKERS", "3")
    assert parse_args([]).workers == 3
    assert parse_args(["--workers", "2"]).workers == 2


def test_the_restart_budget_backs_off_and_runs_out_within_its_window():
    budget = RestartBudget(limit=3, window=60.0)
    assert [budget.grant(t) for t in (0.0, 1.0, 2.0)] == list(BACKOFF_SECONDS[:3])
    assert budget.grant(3.0) is None and budget.in_window(3.0) == 3
    assert budget.grant(60.5) == BACKOFF_SECONDS[2]  # the first restart left the window
    assert RestartBudget(limit=0).grant(0.0) is None


def _workers(*extra: str) -> tuple[ServerProcess, dict]:
    server = ServerProcess("--address", "127.0.0.1:0", "--workers", "2", "--grace-seconds", "2", *extra)
    started = server.wait_for_msg("serving with workers")
    assert started["workers"] == 2 and len(started["pids"]) == 2
    return server, started


def _answered(target: str) -> bool:
    with grpc.insecure_channel(target, options=OWN_CONNECTION) as channel:
        health = health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=30, wait_for_ready=True)
        response = qawl_pb2_grpc.ExtractionServiceStub(channel).Extract(
            qawl_pb2.ExtractRequest(article=ARTICLE), timeout=30)
    return health.status == health_pb2.HealthCheckResponse.SERVING and bool(response.quotes)


def test_workers_serve_on_one_port_and_stop_together_on_sigterm():
    server, started = _workers()
    with server:
        for _ in range(4):  # separate connections, spread over the workers by the kernel
            assert _answered(f"127.0.0.1:{started['port']}")
        assert server.stop() == 0
    assert not any(alive(pid) for pid in started["pids"])


class _Load:
    """Clients calling Extract in a loop, each over its own connection, counting outcomes."""

    def __init__(self, target: str, clients: int) -> None:
        self.target = target
        self.outcomes: list[list[str]] = [[] for _ in range(clients)]
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(i,)) for i in range(clients)]
        for thread in self._threads:
            thread.start()

    def _run(self, index: int) -> None:
        with grpc.insecure_channel(self.target, options=OWN_CONNECTION) as channel:
            stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
            while not self._stop.is_set():
                try:
                    stub.Extract(qawl_pb2.ExtractRequest(article=ARTICLE), timeout=10, wait_for_ready=True)
                    self.outcomes[index].append("OK")
                except grpc.RpcError as error:
                    self.outcomes[index].append(error.code().name)

    def calls(self) -> int:
        return sum(map(len, self.outcomes))

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(30)


def test_a_killed_worker_is_replaced_while_the_other_serves_on():
    server, started = _workers()
    target = f"127.0.0.1:{started['port']}"
    with server:
        load = _Load(target, clients=4)
        try:
            assert wait_until(lambda: load.calls() >= 40, 60)
            victim, survivor = started["pids"]
            os.kill(victim, signal.SIGKILL)
            exited = server.wait_for_msg("worker exited; replacing it", timeout=30)
            assert (exited["worker_pid"], exited["signal"], exited["level"]) == (victim, "SIGKILL", "ERROR")
            at_kill = [len(o) for o in load.outcomes]
            replaced = server.wait_for_msg("worker replaced", timeout=120)
            assert replaced["replaced_pid"] == victim and alive(replaced["worker_pid"])
            assert wait_until(lambda: all(len(o) > n + 5 for o, n in zip(load.outcomes, at_kill)), 60)
        finally:
            load.stop()
        assert all(o[-1] == "OK" for o in load.outcomes)  # every client is served again
        assert alive(survivor) and server.process.poll() is None
        for _ in range(4):
            assert _answered(target)
        assert server.stop() == 0
    assert not alive(replaced["worker_pid"]) and not alive(survivor)


def test_workers_that_keep_dying_stop_the_server():
    server, started = _workers("--max-worker-restarts", "1")
    with server:
        os.kill(started["pids"][0], signal.SIGKILL)
        replacement = server.wait_for_msg("worker replaced")["worker_pid"]
        os.kill(replacement, signal.SIGKILL)
        limit = server.wait_for_msg("worker exited; restart limit reached, stopping the server")
        assert limit["max_worker_restarts"] == 1
        assert server.process.wait(timeout=30) == 1
    assert not alive(started["pids"][1])


def test_workers_exit_when_their_parent_is_killed():
    server, started = _workers()
    with server:
        os.kill(server.pid, signal.SIGKILL)
        server.process.wait(timeout=10)
        assert wait_until(lambda: not any(alive(pid) for pid in started["pids"]), 30)
    shutting = [e for e in server.entries() if e["msg"] == "parent exited; shutting down"]
    assert sorted(e["pid"] for e in shutting) == sorted(started["pids"])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_workers_without_replacing_them(signum):
    server, started = _workers()
    with server:
        server.process.send_signal(signum)
        assert server.process.wait(timeout=30) == 0
    assert not any(e["msg"].startswith("worker exited") for e in server.entries())
    assert not any(alive(pid) for pid in started["pids"])
