"""Faults: SIGTERM during in-flight calls, a restarted server, and client retries."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from concurrent import futures
from contextlib import contextmanager

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from qawl.client.api import QawlClient, article
from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server import eventloop
from qawl.server.runner import ExtractionRunner
from qawl.server.service import ExtractionServicer
from tests.conftest import REPO


def _spawn_server(address: str) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen([sys.executable, "-m", "qawl.server", "--address", address,
                                "--grace-seconds", "20"], cwd=REPO, stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    if not line:
        process.kill()
        pytest.fail(f"server did not start: exit {process.wait()}")
    return process, json.loads(line)["port"]


def _drain(process: subprocess.Popen) -> list[dict]:
    return [json.loads(line) for line in process.stderr.read().splitlines() if line.strip()]


def test_sigterm_reports_not_serving_first_then_lets_in_flight_calls_finish(seed_texts):
    process, port = _spawn_server("127.0.0.1:0")
    long_text = "\n".join(seed_texts.values()) * 20  # about a second of extraction each
    try:
        with QawlClient(f"127.0.0.1:{port}", timeout=60) as client, \
                grpc.insecure_channel(f"127.0.0.1:{port}") as probe, \
                futures.ThreadPoolExecutor(4) as pool:
            watch = health_pb2_grpc.HealthStub(probe).Watch(health_pb2.HealthCheckRequest())
            assert next(watch).status == health_pb2.HealthCheckResponse.SERVING
            calls = [pool.submit(client.extract, article(long_text, f"in-flight-{i}")) for i in range(3)]
            threading.Event().wait(0.3)  # let the calls reach the server
            process.send_signal(signal.SIGTERM)
            assert next(watch).status == health_pb2.HealthCheckResponse.NOT_SERVING
            answers = [call.result(timeout=60) for call in calls]
        assert [a.article_id for a in answers] == ["in-flight-0", "in-flight-1", "in-flight-2"]
        assert all(a.quotes for a in answers)
        assert process.wait(timeout=30) == 0
        completed = [line for line in _drain(process) if line.get("rpc") == "Extract"]
        assert {line["code"] for line in completed} == {"OK"} and len(completed) == 3
    finally:
        process.kill()
        process.wait()


def test_a_restarted_server_serves_the_same_client_again():
    first, port = _spawn_server("127.0.0.1:0")
    text = 'قال الوزير إن "الاتفاق نهائي".'
    with QawlClient(f"127.0.0.1:{port}", timeout=30) as client:
        try:
            assert client.extract(article(text)).quotes
            first.send_signal(signal.SIGTERM)
            assert first.wait(timeout=30) == 0
            with pytest.raises(grpc.RpcError) as caught:
                client.extract(article(text))
            assert caught.value.code() is grpc.StatusCode.UNAVAILABLE
            second, _ = _spawn_server(f"127.0.0.1:{port}")
            try:
                assert client.extract(article(text)).quotes  # reconnects; retries cover the gap
                assert client.health() == "SERVING"
            finally:
                second.send_signal(signal.SIGTERM)
                assert second.wait(timeout=30) == 0
        finally:
            first.kill()
            first.wait()


class FlakyFirst(grpc.aio.ServerInterceptor):
    """Fails the first ``failures`` calls with UNAVAILABLE, as a server restarting might."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    async def intercept_service(self, continuation, handler_call_details):
        self.calls += 1
        if self.calls > self.failures:
            return await continuation(handler_call_details)

        async def unavailable(_request, context):
            await context.abort(grpc.StatusCode.UNAVAILABLE, "restarting")

        return grpc.unary_unary_rpc_method_handler(unavailable)


async def _start_flaky(extractor, flaky: FlakyFirst) -> tuple[grpc.aio.Server, int]:
    server = grpc.aio.server(interceptors=[flaky])
    runner = ExtractionRunner(inline_chars=10_000, threads=1)
    servicer = ExtractionServicer(extractor, 10_000, runner)
    qawl_pb2_grpc.add_ExtractionServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    return server, port


@contextmanager
def _flaky_server(shared_extractor, failures: int):
    """A server whose first ``failures`` calls fail with UNAVAILABLE: yields its port and the interceptor."""
    flaky = FlakyFirst(failures)
    eventloop.hold()
    try:
        server, port = eventloop.run(_start_flaky(shared_extractor, flaky))
        try:
            yield port, flaky
        finally:
            eventloop.run(server.stop(None))
    finally:
        eventloop.release()


def test_the_client_retries_unavailable(shared_extractor):
    with _flaky_server(shared_extractor, failures=2) as (port, flaky), \
            QawlClient(f"127.0.0.1:{port}", timeout=30) as client:
        response = client.extract(article('قال الوزير إن "الاتفاق نهائي".', "r"))
    assert response.article_id == "r" and flaky.calls == 3


def test_the_client_gives_up_after_its_attempts(shared_extractor):
    with _flaky_server(shared_extractor, failures=100) as (port, flaky), \
            QawlClient(f"127.0.0.1:{port}", timeout=30) as client, pytest.raises(grpc.RpcError) as caught:
        client.extract(article("نص"))
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE and flaky.calls == 4


def test_invalid_argument_is_not_retried(shared_extractor):
    with _flaky_server(shared_extractor, failures=0) as (port, flaky), \
            QawlClient(f"127.0.0.1:{port}", timeout=30) as client, pytest.raises(grpc.RpcError):
        client.extract(qawl_pb2.Article(text=""))
    assert flaky.calls == 1
