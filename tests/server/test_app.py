"""Server assembly and graceful shutdown: NOT_SERVING first, in-flight calls finish."""

from __future__ import annotations

import threading
import time
from concurrent import futures

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server.app import start
from qawl.server.config import ServerConfig
from qawl.engine import Extraction


class SlowExtractor:
    """Stands in for the engine: takes ``seconds`` per article and finds nothing.

    A real article that slow is a long one, extracted on a thread, so the servers below send
    every article to a thread (``inline_chars=0``).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = threading.Event()

    def extract(self, text, registry=None, should_stop=None) -> Extraction:
        self.started.set()
        time.sleep(self.seconds)
        return Extraction(speakers=[], quotes=[])


def _request() -> qawl_pb2.ExtractRequest:
    return qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="slow", text="نص"))


def test_start_binds_a_free_port_when_asked_for_port_zero():
    running = start(ServerConfig(address="127.0.0.1:0"), SlowExtractor(0))
    try:
        assert running.port > 0
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
            response = qawl_pb2_grpc.ExtractionServiceStub(channel).Extract(_request(), timeout=5)
        assert response.article_id == "slow"
    finally:
        running.stop(grace=None)


def test_shutdown_reports_not_serving_first_and_lets_in_flight_calls_finish():
    extractor = SlowExtractor(1.0)
    running = start(ServerConfig(address="127.0.0.1:0", inline_chars=0), extractor)
    target = f"127.0.0.1:{running.port}"
    with grpc.insecure_channel(target) as channel, futures.ThreadPoolExecutor(2) as pool:
        watch = health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service=""))
        assert next(watch).status == health_pb2.HealthCheckResponse.SERVING
        in_flight = pool.submit(qawl_pb2_grpc.ExtractionServiceStub(channel).Extract, _request(),
                                timeout=10)
        assert extractor.started.wait(5)
        stopping = pool.submit(running.stop, 5.0)
        assert next(watch).status == health_pb2.HealthCheckResponse.NOT_SERVING
        assert not in_flight.done()
        assert in_flight.result(timeout=10).article_id == "slow"
        stopping.result(timeout=10)
        watch.cancel()


def test_calls_still_running_after_the_grace_period_are_cancelled():
    extractor = SlowExtractor(3.0)
    running = start(ServerConfig(address="127.0.0.1:0", inline_chars=0), extractor)
    with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel, \
            futures.ThreadPoolExecutor(1) as pool:
        in_flight = pool.submit(qawl_pb2_grpc.ExtractionServiceStub(channel).Extract, _request(),
                                timeout=10)
        assert extractor.started.wait(5)
        began = time.monotonic()
        running.stop(0.2)
        assert time.monotonic() - began < 2.5
        with pytest.raises(grpc.RpcError) as caught:
            in_flight.result(timeout=10)
        assert caught.value.code() in (grpc.StatusCode.CANCELLED, grpc.StatusCode.UNAVAILABLE)
