"""The Python client API against a loopback server."""

from __future__ import annotations

import json

import grpc
import pytest

from qawl.client.api import RETRY_SERVICE_CONFIG, QawlClient, article
from qawl.v1 import qawl_pb2

TEXT = 'قال رئيس الوزراء إن "الحكومة ستعلن خطتها الأسبوع المقبل".'


def test_extract_and_stream_quotes_agree(target):
    with QawlClient(target, timeout=10) as client:
        whole = client.extract(article(TEXT, "x"))
        streamed = list(client.stream_quotes(article(TEXT, "x")))
    assert list(whole.quotes) == streamed and streamed


def test_extract_batch_yields_one_response_per_article(target):
    with QawlClient(target, timeout=10) as client:
        responses = list(client.extract_batch(article(TEXT, str(i)) for i in range(3)))
    assert [r.article_id for r in responses] == ["0", "1", "2"]
    assert len({r.quotes[0].speaker.id for r in responses}) == 1


def test_errors_surface_as_rpc_errors_with_the_status(target):
    with QawlClient(target, timeout=10) as client, pytest.raises(grpc.RpcError) as caught:
        client.extract(article(""))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT


def test_health(target):
    with QawlClient(target, timeout=5) as client:
        assert client.health() == "SERVING"
        assert client.health("qawl.v1.ExtractionService") == "SERVING"


def test_the_retry_policy_covers_only_unavailable():
    (method,) = json.loads(RETRY_SERVICE_CONFIG)["methodConfig"]
    assert method["name"] == [{"service": "qawl.v1.ExtractionService"}]
    assert method["retryPolicy"]["retryableStatusCodes"] == ["UNAVAILABLE"]


def test_article_carries_metadata():
    message = article("نص", "id-1", title="عنوان", source="وكالة", url="https://example.org/a")
    assert isinstance(message, qawl_pb2.Article)
    assert (message.id, message.title, message.source) == ("id-1", "عنوان", "وكالة")


def test_wait_for_ready_waits_for_a_server_that_comes_up_late(shared_extractor):
    import socket
    import threading

    from qawl.server.app import start
    from qawl.server.config import ServerConfig

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = []
    timer = threading.Timer(0.5, lambda: started.append(
        start(ServerConfig(address=f"127.0.0.1:{port}"), shared_extractor)))
    timer.start()
    try:
        with QawlClient(f"127.0.0.1:{port}", timeout=15, wait_for_ready=True) as client:
            assert client.extract(article(TEXT, "late")).article_id == "late"
    finally:
        timer.join()
        for running in started:
            running.stop(None)


def test_error_details_expose_the_reason_the_fields_and_describe_them_on_one_line(target):
    from qawl.client.api import describe, error_details

    with QawlClient(target, timeout=10) as client, pytest.raises(grpc.RpcError) as caught:
        client.extract(article(TEXT), encoding_type=42)
    details = error_details(caught.value)
    assert (details.reason, details.domain) == ("ENCODING_UNKNOWN", "qawl.v1")
    assert details.metadata == {"value": "42"}
    assert [name for name, _ in details.field_violations] == ["encoding_type"]
    assert details.retry_delay is None
    line = describe(caught.value)
    assert "\n" not in line and line.startswith("INVALID_ARGUMENT: encoding_type 42")
    assert "reason ENCODING_UNKNOWN" in line and "field encoding_type: must be one of" in line


def test_a_stream_error_has_details_too(target):
    from qawl.client.api import error_details

    with QawlClient(target, timeout=10) as client, pytest.raises(grpc.RpcError) as caught:
        list(client.stream_quotes(article("")))
    assert error_details(caught.value).reason == "TEXT_EMPTY"


def test_an_error_without_details_has_none():
    from qawl.client.api import describe, error_details

    with QawlClient("127.0.0.1:1", timeout=2) as client, pytest.raises(grpc.RpcError) as caught:
        client.health()
    assert error_details(caught.value) is None
    assert describe(caught.value).startswith("UNAVAILABLE: ")


def test_a_certificate_without_its_key_is_refused_before_grpc_sees_it():
    from qawl.client.api import open_channel

    with pytest.raises(ValueError, match="go together"):
        open_channel("localhost:1", tls_cert="client.pem")
    with pytest.raises(ValueError, match="go together"):
        open_channel("localhost:1", tls_key="client.key")
