"""Limits hold: calls beyond the limit are refused at once, probes still answered, deadlines
honoured, and a client that goes away frees the server's work."""

from __future__ import annotations

import logging
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


class GatedExtractor:
    """Stands in for the engine: each extraction waits until the test opens the gate.

    Only a long article takes that long, and long articles are extracted on threads, so the
    servers here send every article to a thread (``inline_chars=0``).
    """

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.calls = 0
        self._lock = threading.Lock()

    def extract(self, text, registry=None, should_stop=None) -> Extraction:
        with self._lock:
            self.calls += 1
        self.gate.wait(10)
        return Extraction(speakers=[], quotes=[])


class PacedExtractor:
    """Stands in for the engine: ``seconds`` per article, counting the articles it ran."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.calls = 0

    def extract(self, text, registry=None, should_stop=None) -> Extraction:
        self.calls += 1
        time.sleep(self.seconds)
        return Extraction(speakers=[], quotes=[])


def _request(article_id: str = "a") -> qawl_pb2.ExtractRequest:
    return qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id=article_id, text="نص"))


def _wait_until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


@pytest.fixture
def gated():
    extractor = GatedExtractor()
    running = start(ServerConfig(address="127.0.0.1:0", threads=2, inline_chars=0), extractor)
    yield extractor, running
    extractor.gate.set()
    running.stop(None)


def test_calls_beyond_the_limit_get_resource_exhausted_at_once_and_probes_are_answered(gated):
    extractor, running = gated
    target = f"127.0.0.1:{running.port}"
    with grpc.insecure_channel(target) as channel, futures.ThreadPoolExecutor(2) as pool:
        stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
        held = [pool.submit(stub.Extract, _request(str(i)), timeout=20) for i in range(2)]
        assert _wait_until(lambda: extractor.calls == 2 and running.limit.in_flight == 2)

        began = time.monotonic()
        with pytest.raises(grpc.RpcError) as caught:
            stub.Extract(_request("third"), timeout=20)
        assert time.monotonic() - began < 1.0
        assert caught.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
        assert "--max-concurrent-rpcs" in caught.value.details()

        health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
        assert health.status == health_pb2.HealthCheckResponse.SERVING

        extractor.gate.set()
        assert [f.result(timeout=10).article_id for f in held] == ["0", "1"]
        assert _wait_until(lambda: running.limit.in_flight == 0)
        assert stub.Extract(_request("after"), timeout=10).article_id == "after"


def test_a_call_whose_deadline_passes_gets_deadline_exceeded_and_frees_its_slot(gated):
    extractor, running = gated
    with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
        stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
        with pytest.raises(grpc.RpcError) as caught:
            stub.Extract(_request(), timeout=0.3)
        assert caught.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
        extractor.gate.set()
        assert _wait_until(lambda: running.limit.in_flight == 0)


def test_cancelling_a_batch_mid_stream_stops_the_server_work():
    extractor = PacedExtractor(0.1)
    running = start(ServerConfig(address="127.0.0.1:0"), extractor)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
            stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
            requests = (qawl_pb2.ExtractBatchRequest(article=qawl_pb2.Article(id=str(i), text="نص"))
                        for i in range(100))
            responses = stub.ExtractBatch(requests, timeout=60)
            assert next(responses).article_id == "0"
            responses.cancel()
            assert _wait_until(lambda: running.limit.in_flight == 0)
            ran = extractor.calls
            time.sleep(0.5)
            assert extractor.calls == ran <= 3
    finally:
        running.stop(None)


def test_cancelling_a_quote_stream_frees_its_slot(qawl_server, stub, seed_texts):
    text = "\n".join(seed_texts.values())
    responses = stub.StreamQuotes(qawl_pb2.StreamQuotesRequest(article=qawl_pb2.Article(text=text)),
                                  timeout=30)
    next(responses)
    responses.cancel()
    assert _wait_until(lambda: qawl_server.limit.in_flight == 0)


def test_a_quote_stream_cancelled_mid_way_stops_writing_and_logs_how_far_it_got(shared_extractor,
                                                                              seed_texts, caplog):
    text = "\n".join(seed_texts.values()) * 10  # more quotes than the transport buffers
    caplog.set_level(logging.INFO, logger="qawl.server")
    running = start(ServerConfig(address="127.0.0.1:0"), shared_extractor)
    with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
        stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
        request = qawl_pb2.StreamQuotesRequest(article=qawl_pb2.Article(id="long", text=text))
        responses = stub.StreamQuotes(request, timeout=60)
        next(responses)
        responses.cancel()

    def ended():
        return [r.fields for r in caplog.records
                if getattr(r, "fields", {}).get("rpc") == "StreamQuotes" and r.fields["article_id"] == "long"]

    assert _wait_until(lambda: ended(), seconds=30)
    [line] = ended()
    found = len(shared_extractor.extract(text).quotes)
    assert line["code"] == "CANCELLED" and 1 <= line["quotes"] < found
    assert _wait_until(lambda: running.limit.in_flight == 0)
    running.stop(None)


def test_a_probe_is_answered_while_a_long_article_is_extracted(shared_extractor, seed_texts):
    text = "\n".join(seed_texts.values()) * 30  # about 400,000 characters: a thread's work
    running = start(ServerConfig(address="127.0.0.1:0"), shared_extractor)
    assert not running.runner.runs_inline(text)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel, \
                futures.ThreadPoolExecutor(1) as pool:
            request = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="long", text=text))
            long_call = pool.submit(qawl_pb2_grpc.ExtractionServiceStub(channel).Extract, request,
                                    timeout=60)
            assert _wait_until(lambda: running.limit.in_flight == 1)
            health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
            assert health.status == health_pb2.HealthCheckResponse.SERVING
            assert not long_call.done()
            assert long_call.result(timeout=60).quotes
    finally:
        running.stop(None)


TEXT_SHORT = "وقال الوزير إن الخطة جاهزة."
LONG_COPIES = 70
"""Seed copies in a long article: about 930,000 characters, seconds of engine work."""


@pytest.mark.parametrize("inline_chars", [0, 2_000_000], ids=["on a thread", "on the event loop"])
def test_an_extraction_past_its_deadline_stops_and_frees_its_thread(shared_extractor, seed_texts,
                                                                   inline_chars):
    text = "\n".join(seed_texts.values()) * LONG_COPIES
    # One extraction thread (or the event loop itself): a short call after the late one is
    # answered at once only if the late extraction let go of it.
    running = start(ServerConfig(address="127.0.0.1:0", threads=1, max_concurrent_rpcs=4,
                                 inline_chars=inline_chars), shared_extractor)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
            stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
            whole = time.perf_counter()
            shared_extractor.extract(text)
            whole = time.perf_counter() - whole
            with pytest.raises(grpc.RpcError) as caught:
                stub.Extract(qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="late", text=text)),
                             timeout=0.5)
            assert caught.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
            after_deadline = time.perf_counter()
            short = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(text=TEXT_SHORT * (1 if inline_chars else 2)))
            assert stub.Extract(short, timeout=30).quotes
            waited = time.perf_counter() - after_deadline
            # without stopping, the short call waits for the rest of the article (most of
            # ``whole``); stopping between sentences leaves at most the tokenizing before them
            assert waited < whole / 2, (waited, whole)
            assert _wait_until(lambda: running.limit.in_flight == 0)
    finally:
        running.stop(None)


def test_a_cancelled_extraction_on_a_thread_stops(shared_extractor, seed_texts):
    text = "\n".join(seed_texts.values()) * LONG_COPIES
    running = start(ServerConfig(address="127.0.0.1:0", threads=1, max_concurrent_rpcs=4, inline_chars=0),
                    shared_extractor)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
            stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
            whole = time.perf_counter()
            shared_extractor.extract(text)
            whole = time.perf_counter() - whole
            call = stub.Extract.future(qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="gone", text=text)),
                                       timeout=60)
            assert _wait_until(lambda: running.limit.in_flight == 1)
            time.sleep(whole / 2)  # past the tokenizing, into the sentences, where it is asked
            call.cancel()
            cancelled = time.perf_counter()
            assert stub.Extract(qawl_pb2.ExtractRequest(article=qawl_pb2.Article(text=TEXT_SHORT)),
                                timeout=30).quotes
            waited = time.perf_counter() - cancelled
            # without stopping, the short call waits for the other half of the article
            assert waited < whole / 4, (waited, whole)
    finally:
        running.stop(None)
