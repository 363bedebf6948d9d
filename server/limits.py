"""A limit on extraction calls in flight: beyond it, RESOURCE_EXHAUSTED at once, not a queue.

Only the listed services count, so health probes and reflection are always answered, even
when the server is saturated.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection

import grpc


def _service_of(method: str) -> str:
    """``/pkg.Service/Method`` -> ``pkg.Service``."""
    return method.lstrip("/").partition("/")[0]


def _with_behavior(handler: grpc.RpcMethodHandler,
                   wrap: Callable[[Callable], Callable]) -> grpc.RpcMethodHandler:
    """A copy of ``handler`` whose behaviour function is ``wrap(behaviour)``."""
    for kind, factory in (("unary_unary", grpc.unary_unary_rpc_method_handler),
                          ("unary_stream", grpc.unary_stream_rpc_method_handler),
                          ("stream_unary", grpc.stream_unary_rpc_method_handler),
                          ("stream_stream", grpc.stream_stream_rpc_method_handler)):
        behavior = getattr(handler, kind)
        if behavior is not None:
            return factory(wrap(behavior), request_deserializer=handler.request_deserializer,
                           response_serializer=handler.response_serializer)
    return handler


class ConcurrencyLimit(grpc.ServerInterceptor):
    """Refuses calls to ``services`` beyond ``limit`` in flight with RESOURCE_EXHAUSTED.

    A slot is held from the start of a call until gRPC reports it over (completed, failed or
    cancelled by the client), so a streaming call holds one slot for its whole life.
    """

    def __init__(self, limit: int, services: Collection[str]) -> None:
        self.limit = limit
        self._services = frozenset(services)
        self._slots = threading.BoundedSemaphore(limit)
        self._lock = threading.Lock()
        self._in_flight = 0

    @property
    def in_flight(self) -> int:
        """Calls holding a slot now."""
        with self._lock:
            return self._in_flight

    def _release(self) -> None:
        with self._lock:
            self._in_flight -= 1
        self._slots.release()

    def _admit(self, context: grpc.ServicerContext) -> None:
        if not self._slots.acquire(blocking=False):
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED,
                          f"server busy: {self.limit} extraction calls already in flight "
                          f"(server flag --max-concurrent-rpcs); retry later")
        with self._lock:
            self._in_flight += 1
        released = threading.Event()

        def release_once() -> None:
            if not released.is_set():
                released.set()
                self._release()

        if not context.add_callback(release_once):
            release_once()

    def intercept_service(self, continuation, handler_call_details):
        """Wrap calls to the limited services so each takes a slot first."""
        handler = continuation(handler_call_details)
        if handler is None or _service_of(handler_call_details.method) not in self._services:
            return handler

        def wrap(behavior):
            def limited(request, context):
                self._admit(context)
                return behavior(request, context)
            return limited

        return _with_behavior(handler, wrap)
