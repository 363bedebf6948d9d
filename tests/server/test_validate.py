"""Request validation: required text, the size limit and known offset encodings."""

from __future__ import annotations

import grpc

from qawl.server.validate import encoding_problem, text_problem


def test_empty_text_names_the_field():
    problem = text_problem("", max_chars=100)
    assert problem.code is grpc.StatusCode.INVALID_ARGUMENT
    assert "article.text" in problem.message


def test_whitespace_only_text_is_refused():
    assert text_problem(" \n\t\u3000", max_chars=100) is not None


def test_text_over_the_limit_names_the_limit():
    problem = text_problem("ق" * 101, max_chars=100)
    assert problem.code is grpc.StatusCode.INVALID_ARGUMENT
    assert "100" in problem.message and "101" in problem.message


def test_text_at_the_limit_passes():
    assert text_problem("ق" * 100, max_chars=100) is None


def test_every_encoding_type_of_the_contract_is_accepted():
    from qawl.v1 import qawl_pb2

    assert all(encoding_problem(value) is None for value in qawl_pb2.EncodingType.values())


def test_an_unknown_encoding_type_names_the_field_and_every_accepted_value():
    problem = encoding_problem(7)
    assert problem.code is grpc.StatusCode.INVALID_ARGUMENT and problem.reason.value == "ENCODING_UNKNOWN"
    assert problem.message.startswith("encoding_type 7 ")
    assert "ENCODING_TYPE_UNSPECIFIED (0)" in problem.message and "ENCODING_TYPE_UTF32 (3)" in problem.message
    assert [v.field for v in problem.violations] == ["encoding_type"]


def test_text_problems_name_their_field_and_reason():
    assert text_problem("", 10).reason.value == "TEXT_EMPTY"
    long = text_problem("ق" * 11, 10)
    assert long.reason.value == "TEXT_TOO_LONG" and long.metadata == {"length": "11", "limit": "10"}
    assert [v.field for v in long.violations] == ["article.text"]
