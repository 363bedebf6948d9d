"""Read the details of a qawl error: the google.rpc.Status a server sends in its trailer.

A qawl server sends, with each error's code and message, an ``ErrorInfo`` (a stable reason in
the domain ``qawl.v1``), a ``BadRequest`` with the invalid fields, and a ``RetryInfo`` when
retrying later may succeed. ``error_details`` turns those into one plain ``ErrorDetails``, and
``describe`` puts an error on one line for people and log pipelines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status


@dataclass(frozen=True)
class ErrorDetails:
    """What a server said about an error beyond its code and message."""

    reason: str = ""
    """``ErrorInfo.reason``, such as ``TEXT_EMPTY`` or ``TOO_MANY_CALLS``; "" when not sent."""
    domain: str = ""
    """``ErrorInfo.domain``: ``qawl.v1`` for qawl's own errors."""
    metadata: dict[str, str] = field(default_factory=dict)
    """``ErrorInfo.metadata``: the facts behind the reason (a limit, a value)."""
    field_violations: tuple[tuple[str, str], ...] = ()
    """``(field, description)`` of each invalid request field."""
    retry_delay: float | None = None
    """Seconds to wait before retrying (``RetryInfo``), or None when the server gave none."""


def _unpack(status, kind):
    for detail in status.details:
        if detail.Is(kind.DESCRIPTOR):
            message = kind()
            detail.Unpack(message)
            return message
    return None


def error_details(error: grpc.RpcError) -> ErrorDetails | None:
    """The details ``error`` carries, or None when it carries none (or they do not match it)."""
    if not hasattr(error, "trailing_metadata"):
        return None
    try:
        status = rpc_status.from_call(error)
    except ValueError:  # a trailer whose code or message disagrees with the call's
        return None
    if status is None:
        return None
    info = _unpack(status, error_details_pb2.ErrorInfo)
    bad_request = _unpack(status, error_details_pb2.BadRequest)
    retry = _unpack(status, error_details_pb2.RetryInfo)
    return ErrorDetails(
        reason=info.reason if info else "",
        domain=info.domain if info else "",
        metadata=dict(info.metadata) if info else {},
        field_violations=tuple((v.field, v.description) for v in bad_request.field_violations)
        if bad_request else (),
        retry_delay=retry.retry_delay.ToNanoseconds() / 1e9
        if retry and retry.HasField("retry_delay") else None)


def describe(error: grpc.RpcError) -> str:
    """``CODE: message`` and, when sent, ``[reason X; field F: what; retry after Ns]``, one line."""
    text = f"{error.code().name}: {error.details()}"
    details = error_details(error)
    if details is None:
        return _one_line(text)
    parts = [f"reason {details.reason}"] if details.reason else []
    parts += [f"field {name}: {description}" for name, description in details.field_violations]
    if details.retry_delay is not None:
        parts.append(f"retry after {details.retry_delay:g}s")
    return _one_line(f"{text} [{'; '.join(parts)}]" if parts else text)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())
