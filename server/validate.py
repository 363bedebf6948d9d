"""Check an incoming request's fields before any work is spent on it.

Returns a ``Problem`` (a status code, a message naming the field and the limit or the accepted
values, and the details of ``server.errors``) rather than raising, so the unary and streaming
RPCs can abort with it while ExtractBatch reports it for one article and carries on.
"""

from __future__ import annotations

import grpc

from qawl.server.errors import FieldViolation, Problem, Reason
from qawl.v1 import qawl_pb2

__all__ = ["Problem", "encoding_problem", "text_problem"]

_ENCODINGS = dict(sorted(qawl_pb2.EncodingType.items(), key=lambda item: item[1]))
_ACCEPTED = ", ".join(f"{name} ({value})" for name, value in _ENCODINGS.items())


def text_problem(text: str, max_chars: int) -> Problem | None:
    """The reason an article with ``text`` cannot be extracted, or None when it can."""
    if not text or text.isspace():
        message = "article.text is required and must not be empty or only whitespace"
        return Problem(grpc.StatusCode.INVALID_ARGUMENT, message, Reason.TEXT_EMPTY,
                       (FieldViolation("article.text", "must not be empty or only whitespace"),))
    if len(text) > max_chars:
        message = (f"article.text is {len(text):,} code points; "
                   f"the limit is {max_chars:,} (server flag --max-article-chars)")
        return Problem(grpc.StatusCode.INVALID_ARGUMENT, message, Reason.TEXT_TOO_LONG,
                       (FieldViolation("article.text", f"at most {max_chars} code points"),),
                       metadata={"length": str(len(text)), "limit": str(max_chars)})
    return None


def encoding_problem(encoding_type: int) -> Problem | None:
    """Why ``encoding_type`` cannot be honoured (it is no ``EncodingType``), or None."""
    if encoding_type in _ENCODINGS.values():
        return None
    message = f"encoding_type {encoding_type} is unknown; accepted values: {_ACCEPTED}"
    return Problem(grpc.StatusCode.INVALID_ARGUMENT, message, Reason.ENCODING_UNKNOWN,
                   (FieldViolation("encoding_type", f"must be one of {_ACCEPTED}"),),
                   metadata={"value": str(encoding_type)})
