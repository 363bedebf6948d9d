"""Requests that do not parse end their call with INVALID_ARGUMENT, on every kind of method."""

from __future__ import annotations

import grpc
import pytest

from qawl.v1 import qawl_pb2

NOT_A_MESSAGE = b"\xff\xff\xff\xff\xff"
METHOD = "/qawl.v1.ExtractionService/"


def _assert_does_not_parse(error: grpc.RpcError) -> None:
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert error.details().startswith("request does not parse: ")


def test_a_quote_stream_request_that_does_not_parse_is_invalid_argument(channel):
    quotes = channel.unary_stream(METHOD + "StreamQuotes")
    with pytest.raises(grpc.RpcError) as caught:
        list(quotes(NOT_A_MESSAGE, timeout=10))
    _assert_does_not_parse(caught.value)


def test_a_batch_answers_the_articles_before_one_that_does_not_parse_then_ends(channel):
    batch = channel.stream_stream(METHOD + "ExtractBatch",
                                  response_deserializer=qawl_pb2.ExtractBatchResponse.FromString)
    good = qawl_pb2.ExtractBatchRequest(
        article=qawl_pb2.Article(id="good", text='قال الوزير إن "الاتفاق نهائي".')).SerializeToString()
    responses = batch(iter([good, NOT_A_MESSAGE, good]), timeout=10)
    assert next(responses).article_id == "good"
    with pytest.raises(grpc.RpcError) as caught:
        next(responses)
    _assert_does_not_parse(caught.value)


def test_the_server_still_answers_after_requests_that_do_not_parse(channel, stub):
    extract = channel.unary_unary(METHOD + "Extract")
    for _ in range(3):
        with pytest.raises(grpc.RpcError) as caught:
            extract(NOT_A_MESSAGE, timeout=10)
        _assert_does_not_parse(caught.value)
    request = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="after", text='قال الوزير إن "نعم".'))
    assert stub.Extract(request, timeout=10).article_id == "after"
