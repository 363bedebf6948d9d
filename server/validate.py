"""Check an incoming article's text before any work is spent on it.

Returns a ``Problem`` (a status code and a message naming the field and the limit) rather than
raising, so the unary and streaming RPCs can abort with it while ExtractBatch reports it for one
article and carries on.
"""

from __future__ import annotations

from dataclasses import dataclass

import grpc


@dataclass(frozen=True)
class Problem:
    """Why a request cannot be served."""

    code: grpc.StatusCode
    message: str


def text_problem(text: str, max_chars: int) -> Problem | None:
    """The reason an article with ``text`` cannot be extracted, or None when it can."""
    if not text or text.isspace():
        return Problem(grpc.StatusCode.INVALID_ARGUMENT,
                       "article.text is required and must not be empty or only whitespace")
    if len(text) > max_chars:
        return Problem(grpc.StatusCode.INVALID_ARGUMENT,
                       f"article.text is {len(text):,} code points; "
                       f"the limit is {max_chars:,} (server flag --max-article-chars)")
    return None
