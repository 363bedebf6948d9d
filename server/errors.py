"""Errors in Google's rich error model: a status, a message, and machine-readable details.

Every error qawl raises is a ``Problem``: besides the gRPC status code and the message, it
sends a ``google.rpc.Status`` in the ``grpc-status-details-bin`` trailer holding

- an ``ErrorInfo`` with a stable ``reason`` (one of ``Reason``) in the domain ``qawl.v1``, so
  a client can branch on the reason instead of parsing the message;
- a ``BadRequest`` with one field violation per invalid request field, when a field is at fault;
- a ``RetryInfo`` with the delay after which trying again may succeed, when it may.

A client that reads only the code and the message sees exactly what it saw before. The reasons
are part of the contract: a reason once sent keeps its meaning.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NoReturn

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

DOMAIN = "qawl.v1"
"""The ``ErrorInfo.domain`` of every error qawl raises."""


class Reason(str, enum.Enum):
    """The stable ``ErrorInfo.reason`` of each kind of error."""

    TEXT_EMPTY = "TEXT_EMPTY"
    """``article.text`` is missing, empty or only whitespace."""
    TEXT_TOO_LONG = "TEXT_TOO_LONG"
    """``article.text`` is longer than the server's ``--max-article-chars``."""
    ENCODING_UNKNOWN = "ENCODING_UNKNOWN"
    """``encoding_type`` is not a value of ``qawl.v1.EncodingType``."""
    REQUEST_MALFORMED = "REQUEST_MALFORMED"
    """The request bytes do not parse as the method's request message."""
    TOO_MANY_CALLS = "TOO_MANY_CALLS"
    """``--max-concurrent-rpcs`` extraction calls are already in flight."""
    UNAUTHENTICATED = "UNAUTHENTICATED"
    """No bearer token, or one the server does not know."""
    DEADLINE_EXPIRED = "DEADLINE_EXPIRED"
    """The call's deadline passed before or during extraction."""
    CANCELLED = "CANCELLED"
    """The client cancelled the call while its article was being extracted."""
    EXTRACTION_FAILED = "EXTRACTION_FAILED"
    """A fault inside the engine; the server log has the details."""
    RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE"
    """The answer is larger than the server's ``--max-message-bytes``."""


@dataclass(frozen=True)
class FieldViolation:
    """One invalid request field: its path (``article.text``) and what is wrong with it."""

    field: str
    description: str


@dataclass(frozen=True)
class Problem:
    """Why a request cannot be served, with the details a client can act on."""

    code: grpc.StatusCode
    message: str
    reason: Reason
    violations: tuple[FieldViolation, ...] = ()
    """Invalid request fields, sent as a ``BadRequest``."""
    retry_delay: float | None = None
    """Seconds after which a retry may succeed, sent as a ``RetryInfo``; None: no advice."""
    metadata: Mapping[str, str] = field(default_factory=dict)
    """Facts behind the reason (a limit, a value), sent as ``ErrorInfo.metadata``."""

    def status(self) -> status_pb2.Status:
        """The ``google.rpc.Status`` of this problem, details included."""
        details = [error_details_pb2.ErrorInfo(reason=self.reason.value, domain=DOMAIN,
                                               metadata=dict(self.metadata))]
        if self.violations:
            details.append(error_details_pb2.BadRequest(field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field=v.field, description=v.description)
                for v in self.violations]))
        if self.retry_delay is not None:
            delay = duration_pb2.Duration()
            delay.FromNanoseconds(round(self.retry_delay * 1e9))
            details.append(error_details_pb2.RetryInfo(retry_delay=delay))
        packed = []
        for detail in details:
            container = any_pb2.Any()
            container.Pack(detail)
            packed.append(container)
        return status_pb2.Status(code=self.code.value[0], message=self.message, details=packed)

    def trailing_metadata(self) -> tuple[tuple[str, bytes], ...]:
        """The ``grpc-status-details-bin`` trailer that carries ``status()``."""
        return tuple(rpc_status.to_status(self.status()).trailing_metadata)

    async def abort(self, context: grpc.aio.ServicerContext) -> NoReturn:
        """End the call with this problem's code, message and details."""
        await context.abort(self.code, self.message, self.trailing_metadata())

