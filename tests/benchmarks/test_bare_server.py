"""The bare transport server replays the exact bytes it was given, over real gRPC."""

from __future__ import annotations

import grpc
import pytest

from benchmarks.bare_server import SERVICE, BareServer, write_answers


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    answers = tmp_path_factory.mktemp("bare") / "answers.pickle"
    write_answers(answers, unary={b"one": b"answer"}, stream={b"two": [b"q1", b"q2", b"q3"]})
    with BareServer(answers) as server:
        yield server


def test_extract_answers_a_known_request_with_its_bytes(bare):
    with grpc.insecure_channel(bare.target) as channel:
        assert channel.unary_unary(f"/{SERVICE}/Extract")(b"one", timeout=30) == b"answer"


def test_stream_quotes_replays_every_message_in_order(bare):
    with grpc.insecure_channel(bare.target) as channel:
        assert list(channel.unary_stream(f"/{SERVICE}/StreamQuotes")(b"two", timeout=30)) == [
            b"q1", b"q2", b"q3"]


def test_an_unknown_request_fails_the_call_not_the_server(bare):
    with grpc.insecure_channel(bare.target) as channel:
        with pytest.raises(grpc.RpcError) as raised:
            channel.unary_unary(f"/{SERVICE}/Extract")(b"other", timeout=30)
        assert raised.value.code() == grpc.StatusCode.UNKNOWN
        assert channel.unary_unary(f"/{SERVICE}/Extract")(b"one", timeout=30) == b"answer"


def test_its_cpu_time_is_read_from_proc(bare):
    before = bare.cpu_seconds()
    with grpc.insecure_channel(bare.target) as channel:
        call = channel.unary_unary(f"/{SERVICE}/Extract")
        for _ in range(300):
            call(b"one", timeout=30)
    assert bare.cpu_seconds() > before
