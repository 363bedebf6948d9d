"""Article validation: required text and the size limit."""

from __future__ import annotations

import grpc

from qawl.server.validate import text_problem


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
