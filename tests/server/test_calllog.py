"""One log line per call, whatever its outcome: refused, aborted, too large, late or answered."""

from __future__ import annotations

import logging
import threading
import time
from concurrent import futures

import grpc
import pytest

from qawl.client.api import error_details
from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server.app import start
from qawl.server.config import ServerConfig
from qawl.server.convert import extraction_to_proto
from qawl.engine import Extraction, ExtractionStopped

TEXT = 'قال الوزير إن "الاتفاق نهائي". وأضاف أن "المحادثات ستستمر".'
METHOD = "/qawl.v1.ExtractionService/"


class HeldExtractor:
    """Stands in for the engine: each extraction waits for the gate, or ``seconds``."""

    def __init__(self, seconds: float = 10.0) -> None:
        self.gate = threading.Event()
        self.seconds = seconds
        self.started = threading.Event()

    def extract(self, text, registry=None, should_stop=None) -> Extraction:
        self.started.set()
        self.gate.wait(self.seconds)
        return Extraction(speakers=[], quotes=[])


@pytest.fixture
def lines(caplog):
    """The call lines logged so far (a batch's per-article lines left out)."""
    caplog.set_level(logging.INFO, logger="qawl.server")

    def calls(rpc: str | None = None, wait: int = 1) -> list[dict]:
        """The call lines (of ``rpc``), once there are ``wait`` of them or ten seconds passed:
        a refused call's line follows its status to the client by a moment."""
        def found() -> list[dict]:
            return [r.fields for r in caplog.records if "rpc" in getattr(r, "fields", {})
                    and "batch_index" not in r.fields and (rpc is None or r.fields["rpc"] == rpc)]
        _wait_for(lambda: len(found()) >= wait)
        return found()

    return calls


@pytest.fixture
def serve(shared_extractor):
    """Start servers for a test with settings of its own; all stopped after it."""
    running = []

    def serve_with(extractor=shared_extractor, **settings) -> tuple[grpc.Channel, object]:
        server = start(ServerConfig(address="127.0.0.1:0", **settings), extractor)
        running.append(server)
        channel = grpc.insecure_channel(f"127.0.0.1:{server.port}")
        running.append(channel)
        return channel, server

    yield serve_with
    for item in running:
        item.close() if isinstance(item, grpc.Channel) else item.stop(None)


def _wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


def _extract(channel, text: str = TEXT, article_id: str = "a", **kwargs):
    return qawl_pb2_grpc.ExtractionServiceStub(channel).Extract(
        qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id=article_id, text=text)), **kwargs)


def _fails(code: grpc.StatusCode, call, *args, **kwargs) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call(*args, **kwargs)
    assert caught.value.code() is code
    return caught.value


def test_an_answered_call_logs_its_article(serve, lines):
    channel, _ = serve()
    response = _extract(channel, article_id="ok", timeout=10)
    [line] = lines("Extract")
    assert (line["code"], line["article_id"], line["chars"]) == ("OK", "ok", len(TEXT))
    assert line["quotes"] == len(response.quotes) and 0 < line["engine_ms"] <= line["ms"]


def test_a_call_without_a_token_is_logged_unauthenticated(serve, lines, tmp_path):
    tokens = tmp_path / "tokens"
    tokens.write_text("s3cret\n")
    channel, _ = serve(auth_token_file=str(tokens))
    _fails(grpc.StatusCode.UNAUTHENTICATED, _extract, channel, timeout=10)
    [line] = lines("Extract")
    assert line["code"] == "UNAUTHENTICATED" and "bearer token" in line["detail"] and line["peer"]


def test_a_request_that_does_not_parse_is_logged_invalid_argument(serve, lines):
    channel, _ = serve()
    _fails(grpc.StatusCode.INVALID_ARGUMENT, channel.unary_unary(METHOD + "Extract"),
           b"\xff\xff\xff", timeout=10)
    [line] = lines("Extract")
    assert line["code"] == "INVALID_ARGUMENT" and line["detail"].startswith("request does not parse: ")


def test_a_call_over_the_concurrency_limit_is_logged_resource_exhausted(serve, lines):
    extractor = HeldExtractor()
    channel, server = serve(extractor, threads=1, inline_chars=0)
    with futures.ThreadPoolExecutor(1) as pool:
        held = pool.submit(_extract, channel, article_id="held", timeout=20)
        assert extractor.started.wait(10) and _wait_for(lambda: server.limit.in_flight == 1)
        _fails(grpc.StatusCode.RESOURCE_EXHAUSTED, _extract, channel, article_id="over", timeout=10)
        extractor.gate.set()
        held.result(timeout=20)
    over = next(line for line in lines("Extract", wait=2) if line["code"] != "OK")
    assert over["code"] == "RESOURCE_EXHAUSTED" and "--max-concurrent-rpcs" in over["detail"]


def test_a_request_over_the_message_limit_is_logged_resource_exhausted(serve, lines):
    channel, _ = serve(max_message_bytes=1000)
    _fails(grpc.StatusCode.RESOURCE_EXHAUSTED, _extract, channel, text="ن" * 2000, timeout=10)
    [line] = lines("Extract")
    assert line["code"] == "RESOURCE_EXHAUSTED" and "--max-message-bytes (1,000 bytes)" in line["detail"]


def _limit_between_request_and_response(shared_extractor) -> int:
    request = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="big", text=TEXT)).ByteSize()
    response = extraction_to_proto(shared_extractor.extract(TEXT), TEXT, "big", 0,
                                   qawl_pb2.ExtractResponse).ByteSize()
    assert response > request + 10
    return (request + response) // 2


def test_a_response_over_the_message_limit_is_refused_and_logged_so(serve, lines, shared_extractor):
    limit = _limit_between_request_and_response(shared_extractor)
    channel, _ = serve(max_message_bytes=limit)
    error = _fails(grpc.StatusCode.RESOURCE_EXHAUSTED, _extract, channel, article_id="big", timeout=10)
    assert "--max-message-bytes" in error.details()
    info = error_details(error)
    assert (info.reason, info.metadata["limit"]) == ("RESPONSE_TOO_LARGE", str(limit))
    [line] = lines("Extract")
    assert (line["code"], line["article_id"]) == ("RESOURCE_EXHAUSTED", "big")
    assert f"the limit is {limit:,}" in line["detail"]


def test_a_streamed_response_over_the_message_limit_is_refused_and_logged_so(serve, lines,
                                                                            shared_extractor):
    channel, _ = serve(max_message_bytes=_limit_between_request_and_response(shared_extractor))
    batch = qawl_pb2_grpc.ExtractionServiceStub(channel).ExtractBatch(
        iter([qawl_pb2.ExtractBatchRequest(article=qawl_pb2.Article(id="big", text=TEXT))]), timeout=10)
    error = _fails(grpc.StatusCode.RESOURCE_EXHAUSTED, list, batch)
    assert "--max-message-bytes" in error.details()
    [line] = lines("ExtractBatch")
    assert line["code"] == "RESOURCE_EXHAUSTED" and line["articles"] == 1


def test_a_deadline_passing_on_a_thread_is_logged_deadline_exceeded(serve, lines):
    extractor = HeldExtractor()
    channel, server = serve(extractor, inline_chars=0)
    _fails(grpc.StatusCode.DEADLINE_EXCEEDED, _extract, channel, timeout=0.3)
    extractor.gate.set()
    [line] = lines("Extract")
    assert line["code"] == "DEADLINE_EXCEEDED" and line["ms"] >= 100 and line["peer"]


def test_an_answer_after_the_deadline_is_logged_deadline_exceeded(serve, lines):
    channel, _ = serve(HeldExtractor(seconds=0.5))  # extracted on the event loop: not interrupted
    _fails(grpc.StatusCode.DEADLINE_EXCEEDED, _extract, channel, timeout=0.2)
    [line] = lines("Extract")
    assert line["code"] == "DEADLINE_EXCEEDED" and "after the deadline" in line["detail"]


class LateStop:
    """Stands in for the engine: notices its stop signal only well past a short deadline."""

    def extract(self, text, registry=None, should_stop=None) -> Extraction:
        time.sleep(0.6)
        raise ExtractionStopped


def test_an_abort_that_comes_after_the_deadline_is_logged_deadline_exceeded(serve, lines):
    channel, _ = serve(LateStop())  # on the event loop: gRPC ends the call before the abort
    _fails(grpc.StatusCode.DEADLINE_EXCEEDED, _extract, channel, timeout=0.2)
    [line] = lines("Extract")
    assert line["code"] == "DEADLINE_EXCEEDED" and line["detail"] == "deadline expired during extraction"


def test_an_unknown_method_is_logged_unimplemented(serve, lines):
    channel, _ = serve()
    _fails(grpc.StatusCode.UNIMPLEMENTED, channel.unary_unary(METHOD + "Nope"), b"", timeout=10)
    [line] = lines()
    assert (line["rpc"], line["code"]) == ("Nope", "UNIMPLEMENTED")


def test_a_batch_logs_each_article_and_one_line_for_the_call(serve, lines, caplog):
    channel, _ = serve()
    requests = [qawl_pb2.ExtractBatchRequest(article=qawl_pb2.Article(id=i, text=t))
                for i, t in (("one", TEXT), ("empty", ""), ("two", TEXT))]
    answers = list(qawl_pb2_grpc.ExtractionServiceStub(channel).ExtractBatch(iter(requests), timeout=10))
    [call] = lines("ExtractBatch")
    assert (call["code"], call["articles"]) == ("OK", 3)
    assert call["quotes"] == sum(len(a.quotes) for a in answers) and "engine_ms" not in call
    articles = [r.fields for r in caplog.records if "batch_index" in getattr(r, "fields", {})]
    assert [(a["batch_index"], a["article_id"], a["code"]) for a in articles] == [
        (0, "one", "OK"), (1, "empty", "INVALID_ARGUMENT"), (2, "two", "OK")]


def test_health_checks_are_logged_only_at_debug(serve, lines, caplog):
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    channel, _ = serve()
    health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
    assert lines(wait=0) == []
    caplog.set_level(logging.DEBUG, logger="qawl.server")
    health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
    [line] = lines()
    assert (line["rpc"], line["code"]) == ("grpc.health.v1.Health/Check", "OK")
