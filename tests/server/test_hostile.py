"""Hostile and odd input: each gets a result or a clear status, quickly, and the server goes on.

Includes hypothesis fuzzing of the RPC layer (and, through it, the engine) with arbitrary text
and arbitrary request bytes.
"""

from __future__ import annotations

import grpc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server.app import start
from qawl.server.config import ServerConfig

STATEMENT = 'قال الوزير إن "المحادثات كانت مثمرة".'
BIDI_AND_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"

ODD_TEXTS = {
    "no Arabic": 'The minister said "talks were fruitful", officials confirmed.',
    "unbalanced quotes": 'قال الوزير إن "المحادثات «كانت مثمرة. وأضاف: » ثم "',
    "nested quotes": 'قال الوزير: «قال لي الرئيس "نحن مستعدون «تماما»" أمس»',
    "100,000 straight quotes": '"' * 100_000,
    "100,000 guillemets": "«" * 50_000 + "»" * 50_000,
    "100,000 mixed marks": '«"“”»\'' * 16_667,
    "zero-width and bidi controls": BIDI_AND_ZERO_WIDTH.join(STATEMENT) + BIDI_AND_ZERO_WIDTH,
    "html": f'<html><body><p>{STATEMENT}</p><script>alert("قال")</script><b>"</b></body></html>',
    "mixed scripts and emoji": f"中文 𝐀𝐁 😀👨‍👩‍👧 Ελληνικά {STATEMENT} русский עברית 🇸🇦",
    "control characters": "\x00\x01\x07" + STATEMENT + "\x1b[31m\x7f",
    "combining marks": "ق" + "\u0651\u064e" * 5_000 + STATEMENT,
    "one huge word": "ق" * 200_000,
    "only punctuation": ":.،؛!؟" * 2_000,
    "many short lines": "\n".join([STATEMENT] * 1_000),
}


@pytest.fixture(scope="module")
def roomy_server(shared_extractor):
    """A server with the default (production) limits."""
    running = start(ServerConfig(address="127.0.0.1:0"), shared_extractor)
    yield running
    running.stop(None)


@pytest.fixture(scope="module")
def roomy_stub(roomy_server):
    with grpc.insecure_channel(f"127.0.0.1:{roomy_server.port}", options=[
            ("grpc.max_send_message_length", 64 * 1024 * 1024)]) as channel:
        yield qawl_pb2_grpc.ExtractionServiceStub(channel)


def _extract(stub, text: str, encoding=qawl_pb2.ENCODING_TYPE_UNSPECIFIED, timeout: float = 60):
    request = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="h", text=text), encoding_type=encoding)
    return stub.Extract(request, timeout=timeout)


def _assert_still_serving(stub) -> None:
    assert _extract(stub, STATEMENT, timeout=10).quotes


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_gets_a_result_whose_spans_slice_the_text(roomy_stub, name):
    text = ODD_TEXTS[name]
    for quote in _extract(roomy_stub, text).quotes:
        assert text[quote.span.begin_offset:quote.span.end_offset] == quote.text
    units = text.encode("utf-16-le", "surrogatepass")
    for quote in _extract(roomy_stub, text, qawl_pb2.ENCODING_TYPE_UTF16).quotes:
        begin, end = quote.span.begin_offset, quote.span.end_offset
        assert units[2 * begin:2 * end].decode("utf-16-le", "surrogatepass") == quote.text
    _assert_still_serving(roomy_stub)


@pytest.mark.parametrize("text", ["ق" * 5_000_000, "a" * 10_000_000], ids=["10MB-arabic", "10MB-ascii"])
def test_a_10mb_article_is_refused_naming_the_limit(roomy_stub, text):
    with pytest.raises(grpc.RpcError) as caught:
        _extract(roomy_stub, text, timeout=30)
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "1,000,000" in caught.value.details()
    _assert_still_serving(roomy_stub)


def test_an_article_at_the_limit_is_extracted(roomy_stub, seed_texts):
    body = "\n".join(seed_texts.values())
    text = (body * (1_000_000 // len(body) + 1))[:1_000_000]
    assert _extract(roomy_stub, text, timeout=120).quotes
    _assert_still_serving(roomy_stub)


def test_a_message_over_16mib_is_resource_exhausted(roomy_stub):
    with pytest.raises(grpc.RpcError) as caught:
        _extract(roomy_stub, "a" * (17 * 1024 * 1024), timeout=30)
    assert caught.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    _assert_still_serving(roomy_stub)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


MALFORMED = {
    "garbage": b"\xff\xff\xff\xff\xff",
    "truncated length": b"\x0a\xff\xff\xff\x0f",
    "length past the end": _field(1, b"")[:1] + _varint(1000) + b"abc",
    "wrong wire type": b"\x0d\x00\x00\x00\x00\x0a\x00",
    "invalid utf-8 text": _field(1, _field(2, b"\xff\xfe\xc0\x80")),
    "lone surrogate text": _field(1, _field(2, b"\xed\xa0\x80")),
    "deep unknown nesting": _field(1, _field(15, _field(1, _field(1, b"x") * 3) * 3)),
    "huge field number": _varint((1 << 29) - 1 << 3 | 2) + _varint(1) + b"x",
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_request_bytes_get_a_status_and_the_server_goes_on(roomy_server, roomy_stub, name):
    with grpc.insecure_channel(f"127.0.0.1:{roomy_server.port}") as channel:
        raw = channel.unary_unary("/qawl.v1.ExtractionService/Extract")  # bytes in, bytes out
        try:
            reply = raw(MALFORMED[name], timeout=10)
        except grpc.RpcError as error:
            assert error.code() is grpc.StatusCode.INVALID_ARGUMENT and error.details()
        else:
            qawl_pb2.ExtractResponse.FromString(reply)  # parsed leniently: must still be an answer
    _assert_still_serving(roomy_stub)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=600), encoding=st.sampled_from([qawl_pb2.ENCODING_TYPE_UNSPECIFIED,
                                                              qawl_pb2.ENCODING_TYPE_UTF8,
                                                              qawl_pb2.ENCODING_TYPE_UTF16]))
def test_fuzz_any_text_gets_a_result_or_invalid_argument(roomy_stub, text, encoding):
    try:
        response = _extract(roomy_stub, text, encoding, timeout=30)
    except grpc.RpcError as error:
        assert error.code() is grpc.StatusCode.INVALID_ARGUMENT and not text.strip()
        return
    codec, width = {qawl_pb2.ENCODING_TYPE_UTF8: ("utf-8", 1),
                    qawl_pb2.ENCODING_TYPE_UTF16: ("utf-16-le", 2)}.get(encoding, (None, 1))
    data = text.encode(codec, "surrogatepass") if codec else text
    for quote in response.quotes:
        piece = data[quote.span.begin_offset * width:quote.span.end_offset * width]
        assert (piece.decode(codec, "surrogatepass") if codec else piece) == quote.text


ARABIC_PIECES = st.sampled_from(["قال", "الوزير", "إن", "أن", '"', "«", "»", ":", "،", ".", "\n",
                                 "وأضاف", "المتحدث", "باسم", "الخارجية", "حسب", "بيان", " ", "😀"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.lists(ARABIC_PIECES, max_size=80).map(" ".join), min_size=1, max_size=4))
def test_fuzz_arabic_like_batches_answer_every_article_in_order(roomy_stub, texts):
    requests = [qawl_pb2.ExtractBatchRequest(article=qawl_pb2.Article(id=str(i), text=t))
                for i, t in enumerate(texts)]
    responses = list(roomy_stub.ExtractBatch(iter(requests), timeout=60))
    assert [r.article_id for r in responses] == [str(i) for i in range(len(texts))]
    for text, response in zip(texts, responses):
        assert response.HasField("error") == (not text.strip())
        for quote in response.quotes:
            assert text[quote.span.begin_offset:quote.span.end_offset] == quote.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.binary(max_size=300))
def test_fuzz_arbitrary_request_bytes_never_break_the_server(roomy_server, payload):
    with grpc.insecure_channel(f"127.0.0.1:{roomy_server.port}") as channel:
        raw = channel.unary_unary("/qawl.v1.ExtractionService/Extract")
        try:
            raw(payload, timeout=10)
        except grpc.RpcError as error:
            assert error.code() is grpc.StatusCode.INVALID_ARGUMENT


def _h2_grpc_call(port: int, path: str, body: bytes, headers: list[tuple[str, str]] | None = None,
                  timeout: float = 10):
    """Send one gRPC request over a raw HTTP/2 connection; return the response headers+trailers."""
    import socket

    import h2.config
    import h2.connection
    import h2.events

    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True))
    conn.initiate_connection()
    stream = conn.get_next_available_stream_id()
    conn.send_headers(stream, headers or [
        (":method", "POST"), (":scheme", "http"), (":path", path),
        (":authority", f"127.0.0.1:{port}"), ("content-type", "application/grpc"), ("te", "trailers"),
    ])
    conn.send_data(stream, body, end_stream=True)
    sock.sendall(conn.data_to_send())
    received: dict[str, str] = {}
    try:
        while True:
            data = sock.recv(65536)
            if not data:
                break
            for event in conn.receive_data(data):
                if isinstance(event, (h2.events.ResponseReceived, h2.events.TrailersReceived)):
                    received.update((k.decode() if isinstance(k, bytes) else k,
                                     v.decode() if isinstance(v, bytes) else v) for k, v in event.headers)
                if isinstance(event, (h2.events.StreamEnded, h2.events.StreamReset,
                                      h2.events.ConnectionTerminated)):
                    return received
            sock.sendall(conn.data_to_send())
    finally:
        sock.close()
    return received


RAW_FRAMES = {
    "compressed flag without an encoding": b"\x01\x00\x00\x00\x02\x0a\x00",
    "garbage message": b"\x00\x00\x00\x00\x05\xff\xff\xff\xff\xff",
}
CUT_SHORT_FRAMES = {
    "length prefix longer than the body": b"\x00\x00\x00\x10\x00" + b"\x0a\x02",
    "half a length prefix": b"\x00\x00\x00",
}


@pytest.mark.parametrize("name", sorted(RAW_FRAMES))
def test_raw_http2_client_with_malformed_grpc_frames_gets_a_status(roomy_server, roomy_stub, name):
    reply = _h2_grpc_call(roomy_server.port, "/qawl.v1.ExtractionService/Extract", RAW_FRAMES[name])
    assert reply.get("grpc-status") not in (None, "0"), reply
    _assert_still_serving(roomy_stub)


@pytest.mark.parametrize("name", sorted(CUT_SHORT_FRAMES))
def test_raw_http2_message_cut_short_is_never_answered_ok_and_the_server_goes_on(roomy_server, roomy_stub,
                                                                                name):
    # grpc.aio takes a request message cut short by the end of the stream for a call the
    # client cancelled, and sends nothing back; the client's deadline ends such a call.
    try:
        reply = _h2_grpc_call(roomy_server.port, "/qawl.v1.ExtractionService/Extract",
                              CUT_SHORT_FRAMES[name], timeout=2)
    except TimeoutError:
        reply = {}
    assert reply.get("grpc-status") != "0", reply
    assert roomy_server.limit.in_flight == 0
    _assert_still_serving(roomy_stub)


def test_raw_http2_request_to_an_unknown_method_is_unimplemented(roomy_server, roomy_stub):
    reply = _h2_grpc_call(roomy_server.port, "/qawl.v1.ExtractionService/Nope", b"\x00\x00\x00\x00\x00")
    assert reply.get("grpc-status") == str(grpc.StatusCode.UNIMPLEMENTED.value[0])
    _assert_still_serving(roomy_stub)


def test_bytes_that_are_not_http2_are_dropped_and_the_server_goes_on(roomy_server, roomy_stub):
    import socket

    for junk in (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", bytes(range(256)) * 4,
                 b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\xff" * 64):
        with socket.create_connection(("127.0.0.1", roomy_server.port), timeout=5) as sock:
            sock.sendall(junk)
            try:
                while sock.recv(4096):
                    pass
            except (ConnectionResetError, TimeoutError):
                pass
    _assert_still_serving(roomy_stub)
