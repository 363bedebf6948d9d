"""Rebuilding a gRPC method handler around a new behaviour, for the server's interceptors.

An interceptor that wraps or replaces what a method does must hand gRPC a handler of the same
kind (unary or streaming on each side) with the same serializers; ``with_behavior`` builds it,
and ``around`` wraps a grpc.aio coroutine behaviour.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import grpc

_FACTORIES = {"unary_unary": grpc.unary_unary_rpc_method_handler,
              "unary_stream": grpc.unary_stream_rpc_method_handler,
              "stream_unary": grpc.stream_unary_rpc_method_handler,
              "stream_stream": grpc.stream_stream_rpc_method_handler}  # fmt: skip


def service_of(method: str) -> str:
    """``/pkg.Service/Method`` -> ``pkg.Service``."""
    return method.lstrip("/").partition("/")[0]


_KEEP = object()


def with_behavior(handler: grpc.RpcMethodHandler, wrap: Callable[[Callable], Callable],
                  request_deserializer: Callable | None = None,
                  response_serializer: Callable | None | object = _KEEP) -> grpc.RpcMethodHandler:
    """A handler of ``handler``'s kind whose behaviour is ``wrap(its behaviour)``.

    ``request_deserializer``, if given, replaces the handler's own; so does
    ``response_serializer`` (None: the behaviour hands over bytes, already serialized).
    """
    if response_serializer is _KEEP:
        response_serializer = handler.response_serializer
    for kind, factory in _FACTORIES.items():
        behavior = getattr(handler, kind)
        if behavior is not None:
            return factory(wrap(behavior),
                           request_deserializer=request_deserializer or handler.request_deserializer,
                           response_serializer=response_serializer)
    return handler


def around(behavior: Callable, before: Callable[[object, grpc.aio.ServicerContext], Awaitable[object]],
           after: Callable[[], None] = lambda: None) -> Callable:
    """Coroutine ``behavior`` run on what ``await before(request, context)`` returns, then ``after()``.

    ``after`` runs however the behaviour ends (returned, failed or cancelled), but only if
    ``before`` returned: a ``before`` that aborts the call ends it there. qawl's behaviours are
    coroutines, streams included (they write with ``context.write``).
    """
    async def call(request, context):
        request = await before(request, context)
        try:
            return await behavior(request, context)
        finally:
            after()
    return call
