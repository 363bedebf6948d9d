"""One JSON log line per call, whatever ends it.

A call can end in many places: answered by the servicer; refused by an interceptor (no token,
a request that does not parse, too many calls in flight); aborted by the servicer (a bad
article, a deadline already past); cancelled by its client; past its deadline while it ran; or
refused by gRPC itself before any Python code saw its request (a message over
``--max-message-bytes``). ``CallLog`` is the server's outermost interceptor: it wraps every
call's behaviour to see how it ended and writes the line as the behaviour ends. A callback on
the call's task, which grpc.aio finishes only once the call is over, writes the line of a call
whose behaviour never ran. Code inside a call adds to its line with ``note(...)``: the
servicer gives the article id, its length, the quote count and the engine's time.

Responses are checked against ``--max-message-bytes`` here, before gRPC sends them: a unary
response is serialized by this wrapper (gRPC then sends the bytes as they are), a streamed one
as it is written. One that is too large ends the call with RESOURCE_EXHAUSTED naming the limit,
and is logged so; left to gRPC it would be dropped after the behaviour returned, and the call
would look answered.

What grpc.aio does not show: a call whose request the C core refused for its size looks the
same as one whose client went away before sending it (the line says both), and an oversize
message in a request stream looks like the stream's end, so such a batch's line reads OK.

Health checks are logged at DEBUG (probes come every few seconds); every other call at INFO.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Collection
from contextvars import ContextVar
from dataclasses import dataclass, field

import grpc
from grpc._cython import cygrpc
from grpc_health.v1 import health

from qawl.server import logs
from qawl.server.errors import Problem, Reason
from qawl.server.handlers import service_of, with_behavior

_fields: ContextVar[dict | None] = ContextVar("qawl_call_fields", default=None)

_CALL_GONE = getattr(cygrpc, "ExecuteBatchError", ())
"""What grpc.aio raises when the server writes to, or ends, a call that has already ended."""

NEVER_RAN = ("the request never reached the server: larger than --max-message-bytes ({limit:,} "
             "bytes), or the client went away before sending it")
"""The line of a call gRPC ended before its behaviour ran, which is all grpc.aio lets us see."""


def note(**fields: object) -> None:
    """Add ``fields`` to the log line of the call running now; outside a call, do nothing."""
    current = _fields.get()
    if current is not None:
        current.update(fields)


class _TooLarge(Exception):
    """Raised by the streamed-response serializer for a message over the limit."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


@dataclass
class _Call:
    """What one call's log line will say."""

    rpc: str
    level: int
    started: float = field(default_factory=time.perf_counter)
    fields: dict = field(default_factory=dict)
    code: grpc.StatusCode | None = None
    """None until the behaviour runs."""
    detail: str = ""
    written: bool = False


def _expired(context: grpc.aio.ServicerContext) -> bool:
    remaining = context.time_remaining()
    return remaining is not None and remaining <= 0


class CallLog(grpc.aio.ServerInterceptor):
    """Logs one line per call with its outcome; refuses responses over ``max_message_bytes``."""

    def __init__(self, max_message_bytes: int, own_service: str,
                 quiet_services: Collection[str] = (health.SERVICE_NAME,)) -> None:
        self._limit = max_message_bytes
        self._own = own_service
        self._quiet = frozenset(quiet_services)
        self._log = logs.get()

    def _rpc_name(self, method: str) -> str:
        service = service_of(method)
        return method.rpartition("/")[2] if service == self._own else method.lstrip("/")

    async def intercept_service(self, continuation, handler_call_details):
        """Wrap the call's behaviour and arrange for its line when the call's task ends."""
        handler = await continuation(handler_call_details)
        method = handler_call_details.method
        level = logging.DEBUG if service_of(method) in self._quiet else logging.INFO
        if not self._log.isEnabledFor(level):
            return handler
        call = _Call(self._rpc_name(method), level)
        if handler is None:
            call.code, call.detail = grpc.StatusCode.UNIMPLEMENTED, "no such method"
            self._write(call)
            return None
        _fields.set(call.fields)  # the call's task runs the behaviour later, in this context
        asyncio.current_task().add_done_callback(lambda _task: self._write(call))
        checked = self._checked(handler.response_serializer)
        if handler.response_streaming:  # each message is checked as the behaviour writes it
            return with_behavior(handler, lambda behavior: self._observed(behavior, call, None),
                                 response_serializer=checked)
        return with_behavior(handler, lambda behavior: self._observed(behavior, call, checked),
                             response_serializer=None)

    def _checked(self, serialize: Callable | None) -> Callable:
        """``serialize``, raising _TooLarge for a message over the limit."""
        def checked(message: object) -> bytes:
            data = serialize(message) if serialize else message
            if len(data) > self._limit:
                raise _TooLarge(len(data))
            return data
        return checked

    def _too_large(self, size: int) -> Problem:
        return Problem(grpc.StatusCode.RESOURCE_EXHAUSTED,
                       f"response is {size:,} bytes; the limit is {self._limit:,} "
                       f"(server flag --max-message-bytes)", Reason.RESPONSE_TOO_LARGE,
                       metadata={"size": str(size), "limit": str(self._limit)})

    def _observed(self, behavior: Callable, call: _Call, serialize: Callable | None):
        """``behavior``, recording how it ended in ``call``; ``serialize``: the unary response's."""
        async def observed(request, context: grpc.aio.ServicerContext):
            call.code = grpc.StatusCode.OK
            peer = context.peer()  # a cancelled call no longer knows it
            try:
                response = await behavior(request, context)
                if serialize is not None:
                    response = serialize(response)
            except _TooLarge as error:
                problem = self._too_large(error.size)
                call.code, call.detail = problem.code, problem.message
                await problem.abort(context)
            except grpc.aio.AbortError:
                call.code, call.detail = context.code(), context.details()
                raise
            except asyncio.CancelledError:
                expired = _expired(context)
                call.code = grpc.StatusCode.DEADLINE_EXCEEDED if expired else grpc.StatusCode.CANCELLED
                call.detail = ("deadline passed while the call ran" if expired
                               else "cancelled: the client went away, or the server stopped")
                raise
            except Exception as error:
                if _expired(context):  # e.g. an abort too late: gRPC had ended the call itself
                    call.code = grpc.StatusCode.DEADLINE_EXCEEDED
                    call.detail = context.details() or "deadline passed while the call ran"
                elif isinstance(error, _CALL_GONE):
                    call.code = grpc.StatusCode.CANCELLED
                    call.detail = "the call ended before the server answered: the client went away"
                else:
                    call.code, call.detail = grpc.StatusCode.UNKNOWN, f"{type(error).__name__}: {error}"
                raise
            finally:
                if call.code is grpc.StatusCode.OK and _expired(context):
                    # gRPC drops the answer: the client already has DEADLINE_EXCEEDED
                    call.code = grpc.StatusCode.DEADLINE_EXCEEDED
                    call.detail = "answer came after the deadline"
                if call.code is not grpc.StatusCode.OK:
                    call.fields["peer"] = peer
                self._write(call)
            return response
        return observed

    def _write(self, call: _Call) -> None:
        if call.written:
            return
        call.written = True
        code, detail = call.code, call.detail
        if code is None:
            code, detail = grpc.StatusCode.RESOURCE_EXHAUSTED, NEVER_RAN.format(limit=self._limit)
        fields = {"rpc": call.rpc, "code": code.name,
                  "ms": round((time.perf_counter() - call.started) * 1000, 2), **call.fields}
        if detail:
            fields["detail"] = detail
        self._log.log(call.level, "%s %s", call.rpc, code.name, extra={"fields": fields})
