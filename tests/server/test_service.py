"""Every RPC of ExtractionService over real gRPC on loopback, good input and bad."""

from __future__ import annotations

import grpc
import pytest

from qawl.v1 import qawl_pb2
from tests.conftest import TEST_MAX_ARTICLE_CHARS, TEST_MAX_MESSAGE_BYTES

STATEMENT = 'قال وزير الخارجية أحمد سالم إن "المحادثات كانت مثمرة".'


def _article(text: str, article_id: str = "a1") -> qawl_pb2.Article:
    return qawl_pb2.Article(id=article_id, text=text, title="t", source="s", language_code="ar")


def _assert_spans_slice(text: str, quotes) -> None:
    for quote in quotes:
        assert text[quote.span.begin_offset:quote.span.end_offset] == quote.text
        assert text[quote.cue.span.begin_offset:quote.cue.span.end_offset] == quote.cue.text


def test_extract_returns_speakers_and_quotes_of_a_seed(stub, seed_texts):
    name, text = next(iter(seed_texts.items()))
    response = stub.Extract(qawl_pb2.ExtractRequest(article=_article(text, name)))
    assert response.article_id == name
    assert response.quotes and response.speakers
    speaker_ids = {s.id for s in response.speakers}
    for quote in response.quotes:
        assert quote.article_id == name
        assert quote.speaker.id in speaker_ids
        assert quote.kind != qawl_pb2.QUOTE_KIND_UNSPECIFIED
    _assert_spans_slice(text, response.quotes)


def test_extract_answers_the_same_every_time(stub, seed_texts):
    text = seed_texts[sorted(seed_texts)[1]]
    request = qawl_pb2.ExtractRequest(article=_article(text))
    assert stub.Extract(request) == stub.Extract(request)


def test_stream_quotes_yields_what_extract_returns(stub, seed_texts):
    text = seed_texts[sorted(seed_texts)[2]]
    streamed = [r.quote for r in stub.StreamQuotes(qawl_pb2.StreamQuotesRequest(article=_article(text)))]
    unary = stub.Extract(qawl_pb2.ExtractRequest(article=_article(text))).quotes
    assert streamed == list(unary)
    assert all(q.speaker.name for q in streamed)


def test_utf16_offsets_slice_a_javascript_string(stub):
    text = "🙂🙂 " + STATEMENT
    request = qawl_pb2.ExtractRequest(article=_article(text),
                                      encoding_type=qawl_pb2.ENCODING_TYPE_UTF16)
    response = stub.Extract(request)
    assert response.encoding_type == qawl_pb2.ENCODING_TYPE_UTF16
    units = text.encode("utf-16-le")
    assert response.quotes
    for quote in response.quotes:
        begin, end = quote.span.begin_offset, quote.span.end_offset
        assert units[2 * begin:2 * end].decode("utf-16-le") == quote.text


def test_utf8_offsets_slice_a_go_string(stub):
    text = "🙂 " + STATEMENT
    request = qawl_pb2.ExtractRequest(article=_article(text), encoding_type=qawl_pb2.ENCODING_TYPE_UTF8)
    data = text.encode("utf-8")
    quotes = stub.Extract(request).quotes
    assert quotes
    for quote in quotes:
        assert data[quote.span.begin_offset:quote.span.end_offset].decode("utf-8") == quote.text


def test_extract_batch_answers_in_order_with_shared_speaker_ids(stub, seed_texts):
    names = sorted(seed_texts)
    requests = [qawl_pb2.ExtractBatchRequest(article=_article(seed_texts[n], n)) for n in names]
    responses = list(stub.ExtractBatch(iter(requests)))
    assert [r.article_id for r in responses] == names
    ids_by_name: dict[str, set[str]] = {}
    for response in responses:
        assert not response.HasField("error")
        _assert_spans_slice(seed_texts[response.article_id], response.quotes)
        for speaker in response.speakers:
            ids_by_name.setdefault(speaker.name, set()).add(speaker.id)
    assert all(len(ids) == 1 for ids in ids_by_name.values())
    recurring = [n for n in ids_by_name if sum(n in {s.name for s in r.speakers} for r in responses) > 1]
    assert recurring, "the seeds share speakers across articles"


def test_extract_batch_reports_a_bad_article_and_goes_on(stub):
    requests = [
        qawl_pb2.ExtractBatchRequest(article=_article(STATEMENT, "good-1")),
        qawl_pb2.ExtractBatchRequest(article=_article("", "empty")),
        qawl_pb2.ExtractBatchRequest(article=_article(STATEMENT, "good-2")),
    ]
    responses = list(stub.ExtractBatch(iter(requests)))
    assert [r.article_id for r in responses] == ["good-1", "empty", "good-2"]
    assert responses[1].error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert "article.text" in responses[1].error.message
    assert responses[0].quotes and responses[2].quotes
    assert responses[0].quotes[0].speaker.id == responses[2].quotes[0].speaker.id


def test_extract_batch_of_nothing_ends_cleanly(stub):
    assert list(stub.ExtractBatch(iter([]))) == []


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_invalid_argument_naming_the_field(stub, text):
    with pytest.raises(grpc.RpcError) as caught:
        stub.Extract(qawl_pb2.ExtractRequest(article=_article(text)))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "article.text" in caught.value.details()


def test_missing_article_is_invalid_argument(stub):
    with pytest.raises(grpc.RpcError) as caught:
        list(stub.StreamQuotes(qawl_pb2.StreamQuotesRequest()))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT


def test_text_over_the_article_limit_names_the_limit_and_the_server_goes_on(stub):
    with pytest.raises(grpc.RpcError) as caught:
        stub.Extract(qawl_pb2.ExtractRequest(article=_article("ق" * (TEST_MAX_ARTICLE_CHARS + 1))))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert f"{TEST_MAX_ARTICLE_CHARS:,}" in caught.value.details()
    assert stub.Extract(qawl_pb2.ExtractRequest(article=_article(STATEMENT))).quotes


def test_message_over_the_size_limit_is_resource_exhausted_and_the_server_goes_on(stub):
    with pytest.raises(grpc.RpcError) as caught:
        stub.Extract(qawl_pb2.ExtractRequest(article=_article("a" * (TEST_MAX_MESSAGE_BYTES + 10))))
    assert caught.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    assert str(TEST_MAX_MESSAGE_BYTES) in caught.value.details()
    assert stub.Extract(qawl_pb2.ExtractRequest(article=_article(STATEMENT))).quotes


def test_text_without_statements_gives_an_empty_answer(stub):
    response = stub.Extract(qawl_pb2.ExtractRequest(article=_article("The weather is fine today.")))
    assert response.article_id == "a1" and not response.quotes


def test_an_expired_deadline_is_deadline_exceeded(stub, seed_texts):
    text = "\n".join(seed_texts.values())
    with pytest.raises(grpc.RpcError) as caught:
        stub.Extract(qawl_pb2.ExtractRequest(article=_article(text)), timeout=0.001)
    assert caught.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED


ACCEPTED_ENCODINGS = ("ENCODING_TYPE_UNSPECIFIED", "ENCODING_TYPE_UTF8", "ENCODING_TYPE_UTF16",
                      "ENCODING_TYPE_UTF32")


def _assert_names_the_encoding_field(message: str) -> None:
    assert "encoding_type" in message
    assert all(name in message for name in ACCEPTED_ENCODINGS)


@pytest.mark.parametrize("encoding", [99, -1])
def test_an_unknown_encoding_type_is_refused_by_extract(stub, encoding):
    with pytest.raises(grpc.RpcError) as caught:
        stub.Extract(qawl_pb2.ExtractRequest(article=_article(STATEMENT), encoding_type=encoding))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    _assert_names_the_encoding_field(caught.value.details())
    assert str(encoding) in caught.value.details()


@pytest.mark.parametrize("encoding", [99, -1])
def test_an_unknown_encoding_type_is_refused_by_stream_quotes(stub, encoding):
    request = qawl_pb2.StreamQuotesRequest(article=_article(STATEMENT), encoding_type=encoding)
    with pytest.raises(grpc.RpcError) as caught:
        list(stub.StreamQuotes(request))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    _assert_names_the_encoding_field(caught.value.details())


@pytest.mark.parametrize("encoding", [99, -1])
def test_an_unknown_encoding_type_is_that_articles_error_in_a_batch(stub, encoding):
    requests = [
        qawl_pb2.ExtractBatchRequest(article=_article(STATEMENT, "good-1")),
        qawl_pb2.ExtractBatchRequest(article=_article(STATEMENT, "odd"), encoding_type=encoding),
        qawl_pb2.ExtractBatchRequest(article=_article(STATEMENT, "good-2"),
                                     encoding_type=qawl_pb2.ENCODING_TYPE_UTF8),
    ]
    responses = list(stub.ExtractBatch(iter(requests)))
    assert [r.article_id for r in responses] == ["good-1", "odd", "good-2"]
    odd = responses[1]
    assert odd.HasField("error") and not odd.quotes
    assert odd.error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert odd.error.reason == "ENCODING_UNKNOWN"
    _assert_names_the_encoding_field(odd.error.message)
    assert odd.encoding_type != encoding
    assert responses[0].quotes and responses[2].quotes
    assert responses[2].encoding_type == qawl_pb2.ENCODING_TYPE_UTF8


def test_every_declared_encoding_type_is_served(stub):
    for value in qawl_pb2.EncodingType.values():
        response = stub.Extract(qawl_pb2.ExtractRequest(article=_article(STATEMENT), encoding_type=value))
        assert response.encoding_type == value and response.quotes


def test_a_bad_article_in_a_batch_carries_the_reason_of_its_error(stub):
    requests = [qawl_pb2.ExtractBatchRequest(article=_article("", "empty")),
                qawl_pb2.ExtractBatchRequest(article=_article("ق" * (TEST_MAX_ARTICLE_CHARS + 1), "long"))]
    assert [r.error.reason for r in stub.ExtractBatch(iter(requests))] == ["TEXT_EMPTY", "TEXT_TOO_LONG"]
