"""``--workers N``: processes sharing one port, stopped together on a signal or a failure."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server.config import parse_args
from qawl.server.workers import reserve_port, split_address, with_port
from tests.conftest import REPO


def test_split_address_reads_v4_and_bracketed_v6():
    assert split_address("127.0.0.1:50051") == ("127.0.0.1", 50051)
    assert split_address("[::]:0") == ("::", 0)
    with pytest.raises(ValueError):
        split_address("localhost")


def test_with_port_replaces_only_the_port():
    assert with_port("[::]:0", 4242) == "[::]:4242"


def test_reserved_port_can_be_shared_by_another_reuseport_socket():
    with reserve_port("127.0.0.1:0") as port:
        assert port > 0
        other = socket.socket()
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", port))
        other.close()


def test_workers_flag_and_environment(monkeypatch):
    monkeypatch.delenv("QAWL_WORKERS", raising=False)
    assert parse_args([]).workers == 1
    monkeypatch.setenv("QAWL_WORKERS", "3")
    assert parse_args([]).workers == 3
    assert parse_args(["--workers", "2"]).workers == 2


def _start_workers():
    process = subprocess.Popen(
        [sys.executable, "-m", "qawl.server", "--address", "127.0.0.1:0", "--workers", "2",
         "--grace-seconds", "2"],
        cwd=REPO, stderr=subprocess.PIPE, text=True)  # fmt: skip
    started = json.loads(process.stderr.readline())
    assert started["msg"] == "serving with workers" and started["workers"] == 2
    return process, started


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_workers_serve_on_one_port_and_stop_together_on_sigterm():
    process, started = _start_workers()
    try:
        target = f"127.0.0.1:{started['port']}"
        article = qawl_pb2.Article(id="w1", text='قال الوزير إن "الوضع مستقر".')
        for _ in range(4):  # separate connections, spread over the workers by the kernel
            options = [("grpc.use_local_subchannel_pool", 1)]
            with grpc.insecure_channel(target, options=options) as channel:
                health = health_pb2_grpc.HealthStub(channel).Check(
                    health_pb2.HealthCheckRequest(), timeout=30, wait_for_ready=True)
                response = qawl_pb2_grpc.ExtractionServiceStub(channel).Extract(
                    qawl_pb2.ExtractRequest(article=article), timeout=30)  # fmt: skip
            assert health.status == health_pb2.HealthCheckResponse.SERVING
            assert response.quotes
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        process.kill()
        process.wait()
    assert not any(_alive(pid) for pid in started["pids"])


def test_a_dying_worker_stops_the_others_and_fails_the_process():
    process, started = _start_workers()
    try:
        os.kill(started["pids"][0], signal.SIGKILL)
        assert process.wait(timeout=20) == 1
    finally:
        process.kill()
        process.wait()
    assert not any(_alive(pid) for pid in started["pids"])
