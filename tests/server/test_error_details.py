"""Every error the service raises carries google.rpc.Status details in its trailer."""

from __future__ import annotations

import asyncio
from concurrent import futures

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from qawl.server.app import start
from qawl.server.config import ServerConfig
from qawl.server.errors import DOMAIN, Problem, Reason
from qawl.server.runner import ExtractionRunner
from qawl.server.service import ExtractionServicer
from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from tests.conftest import TEST_MAX_ARTICLE_CHARS
from tests.server.test_limits import GatedExtractor, _wait_until

STATEMENT = 'قال وزير الخارجية أحمد سالم إن "المحادثات كانت مثمرة".'


def _details(error: grpc.RpcError) -> dict:
    """The unpacked details of ``error``'s google.rpc.Status, by message type name."""
    status = rpc_status.from_call(error)
    assert status is not None, "no grpc-status-details-bin trailer"
    assert status.code == error.code().value[0] and status.message == error.details()
    found = {}
    for kind in (error_details_pb2.ErrorInfo, error_details_pb2.BadRequest, error_details_pb2.RetryInfo):
        for detail in status.details:
            if detail.Is(kind.DESCRIPTOR):
                found[kind.DESCRIPTOR.name] = unpacked = kind()
                detail.Unpack(unpacked)
    return found


def _extract_error(stub, text: str, encoding: int = 0) -> grpc.RpcError:
    request = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="e", text=text), encoding_type=encoding)
    with pytest.raises(grpc.RpcError) as caught:
        stub.Extract(request, timeout=10)
    return caught.value


def _violations(details: dict) -> list[tuple[str, str]]:
    return [(v.field, v.description) for v in details["BadRequest"].field_violations]


def test_empty_text_has_a_reason_and_a_field_violation(stub):
    details = _details(_extract_error(stub, " "))
    assert (details["ErrorInfo"].reason, details["ErrorInfo"].domain) == ("TEXT_EMPTY", DOMAIN)
    [(field, description)] = _violations(details)
    assert field == "article.text" and "empty" in description
    assert "RetryInfo" not in details


def test_text_too_long_gives_the_length_and_the_limit(stub):
    details = _details(_extract_error(stub, "ق" * (TEST_MAX_ARTICLE_CHARS + 1)))
    info = details["ErrorInfo"]
    assert info.reason == "TEXT_TOO_LONG"
    assert dict(info.metadata) == {"length": str(TEST_MAX_ARTICLE_CHARS + 1),
                                   "limit": str(TEST_MAX_ARTICLE_CHARS)}
    assert _violations(details)[0][0] == "article.text"


@pytest.mark.parametrize("encoding", [99, -1])
def test_an_unknown_encoding_names_the_field_and_the_accepted_values(stub, encoding):
    details = _details(_extract_error(stub, STATEMENT, encoding))
    assert details["ErrorInfo"].reason == "ENCODING_UNKNOWN"
    assert details["ErrorInfo"].metadata["value"] == str(encoding)
    [(field, description)] = _violations(details)
    assert field == "encoding_type" and "ENCODING_TYPE_UTF16 (2)" in description


def test_a_stream_carries_the_details_too(stub):
    request = qawl_pb2.StreamQuotesRequest(article=qawl_pb2.Article(text=""))
    with pytest.raises(grpc.RpcError) as caught:
        list(stub.StreamQuotes(request, timeout=10))
    assert _details(caught.value)["ErrorInfo"].reason == "TEXT_EMPTY"


def test_a_request_that_does_not_parse_has_a_reason(channel):
    extract = channel.unary_unary("/qawl.v1.ExtractionService/Extract")
    with pytest.raises(grpc.RpcError) as caught:
        extract(b"\xff\xff\xff", timeout=10)
    assert _details(caught.value)["ErrorInfo"].reason == "REQUEST_MALFORMED"


def test_calls_over_the_limit_get_retry_info():
    extractor = GatedExtractor()
    running = start(ServerConfig(address="127.0.0.1:0", threads=1, inline_chars=0), extractor)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel, \
                futures.ThreadPoolExecutor(1) as pool:
            stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
            request = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(text="نص"))
            held = pool.submit(stub.Extract, request, timeout=20)
            assert _wait_until(lambda: running.limit.in_flight == 1)
            with pytest.raises(grpc.RpcError) as caught:
                stub.Extract(request, timeout=10)
            extractor.gate.set()
            held.result(timeout=10)
    finally:
        extractor.gate.set()
        running.stop(None)
    assert caught.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    details = _details(caught.value)
    assert details["ErrorInfo"].reason == "TOO_MANY_CALLS"
    assert details["ErrorInfo"].metadata["limit"] == "1"
    assert details["RetryInfo"].retry_delay.ToNanoseconds() > 0


def test_unauthenticated_calls_have_a_reason(shared_extractor, tmp_path):
    tokens = tmp_path / "tokens"
    tokens.write_text("a-token\n")
    running = start(ServerConfig(address="127.0.0.1:0", auth_token_file=str(tokens)), shared_extractor)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
            error = _extract_error(qawl_pb2_grpc.ExtractionServiceStub(channel), STATEMENT)
    finally:
        running.stop(None)
    assert error.code() is grpc.StatusCode.UNAUTHENTICATED
    assert _details(error)["ErrorInfo"].reason == "UNAUTHENTICATED"


class _BrokenExtractor:
    def extract(self, text, registry=None, should_stop=None):
        raise RuntimeError("engine fault")


def test_an_engine_fault_is_internal_with_a_reason():
    running = start(ServerConfig(address="127.0.0.1:0"), _BrokenExtractor())
    try:
        with grpc.insecure_channel(f"127.0.0.1:{running.port}") as channel:
            error = _extract_error(qawl_pb2_grpc.ExtractionServiceStub(channel), STATEMENT)
    finally:
        running.stop(None)
    assert error.code() is grpc.StatusCode.INTERNAL
    assert _details(error)["ErrorInfo"].reason == "EXTRACTION_FAILED"


class _ExpiredContext:
    def time_remaining(self) -> float:
        return 0.0


def test_a_deadline_passed_before_extraction_has_a_reason():
    servicer = ExtractionServicer(_BrokenExtractor(), 100, ExtractionRunner(100, 1))
    article = qawl_pb2.Article(text=STATEMENT)
    problem = asyncio.run(servicer._extract(article, 0, _ExpiredContext()))
    assert isinstance(problem, Problem)
    assert problem.code is grpc.StatusCode.DEADLINE_EXCEEDED and problem.reason is Reason.DEADLINE_EXPIRED


def test_every_reason_is_its_own_name():
    assert all(reason.value == reason.name for reason in Reason)
