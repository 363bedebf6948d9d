"""Request bytes that do not parse: INVALID_ARGUMENT naming the problem, not UNKNOWN.

grpc.aio parses a request before the servicer sees it, and a parse error there ends the call
with UNKNOWN and a stack trace in the log. This interceptor has the request parsed without
raising, and a request that did not parse ends its call with INVALID_ARGUMENT, like any other
bad input.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Collection
from dataclasses import dataclass
from functools import partial

import grpc
from google.protobuf.message import DecodeError

from qawl.server.errors import Problem, Reason
from qawl.server.handlers import around, service_of, with_behavior


@dataclass(frozen=True)
class Malformed:
    """Stands for a request whose bytes did not parse."""

    error: str


def _tolerant(parse: Callable[[bytes], object]) -> Callable[[bytes], object]:
    """``parse``, returning ``Malformed`` where it would raise a DecodeError."""
    def tolerant_parse(data: bytes) -> object:
        try:
            return parse(data)
        except DecodeError as error:
            return Malformed(str(error))
    return tolerant_parse


async def _check(request: object, context: grpc.aio.ServicerContext) -> object:
    """``request``, or the call ended with INVALID_ARGUMENT if it did not parse."""
    if isinstance(request, Malformed):
        await Problem(grpc.StatusCode.INVALID_ARGUMENT, f"request does not parse: {request.error}",
                      Reason.REQUEST_MALFORMED).abort(context)
    return request


async def _checked(requests: AsyncIterator, context: grpc.aio.ServicerContext) -> AsyncIterator:
    """``requests``, ending the call at the first one that did not parse."""
    async for request in requests:
        yield await _check(request, context)


async def _check_each(requests: AsyncIterator, context: grpc.aio.ServicerContext) -> AsyncIterator:
    return _checked(requests, context)


class ParseRequests(grpc.aio.ServerInterceptor):
    """Parses the requests of ``services`` without raising and refuses those that do not parse."""

    def __init__(self, services: Collection[str]) -> None:
        self._services = frozenset(services)

    async def intercept_service(self, continuation, handler_call_details):
        """Give the listed services' handlers a tolerant parser and a check before the behaviour."""
        handler = await continuation(handler_call_details)
        if handler is None or service_of(handler_call_details.method) not in self._services:
            return handler
        before = _check_each if handler.request_streaming else _check
        return with_behavior(handler, partial(around, before=before),
                             request_deserializer=_tolerant(handler.request_deserializer))
