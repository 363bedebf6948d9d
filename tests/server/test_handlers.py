"""``around`` wraps a coroutine behaviour with a before and an after; ``with_behavior`` keeps the kind."""

from __future__ import annotations

import asyncio

import grpc
import pytest

from qawl.server.handlers import around, service_of, with_behavior


class Refused(Exception):
    """What a ``before`` that ends the call raises here, as ``context.abort`` would."""


def _recorder():
    log: list[str] = []

    async def before(request, _context):
        if request == "refuse":
            raise Refused
        log.append(f"before {request}")
        return request.upper()

    def after():
        log.append("after")

    return log, before, after


def test_a_coroutine_gets_what_before_returned_and_after_runs_once_it_returns():
    log, before, after = _recorder()

    async def behavior(request, _context):
        log.append(f"behavior {request}")
        return request

    assert asyncio.run(around(behavior, before, after)("a", None)) == "A"
    assert log == ["before a", "behavior A", "after"]


def test_after_runs_when_the_behavior_fails_or_is_cancelled():
    log, before, after = _recorder()

    async def failing(_request, _context):
        raise ValueError

    async def waiting(_request, _context):
        await asyncio.sleep(10)

    with pytest.raises(ValueError):
        asyncio.run(around(failing, before, after)("a", None))

    async def cancel_it():
        task = asyncio.ensure_future(around(waiting, before, after)("b", None))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_it())
    assert log == ["before a", "after", "before b", "after"]


def test_a_before_that_ends_the_call_skips_the_behavior_and_after():
    log, before, after = _recorder()

    async def behavior(request, _context):
        log.append("behavior")

    with pytest.raises(Refused):
        asyncio.run(around(behavior, before, after)("refuse", None))
    assert log == []


def test_with_behavior_keeps_the_kind_and_serializers():
    async def behavior(request, context):
        return request

    handler = grpc.unary_stream_rpc_method_handler(behavior, request_deserializer=bytes.upper,
                                                   response_serializer=bytes.lower)
    wrapped = with_behavior(handler, lambda b: "replaced", request_deserializer=bytes.strip)
    assert (wrapped.unary_stream, wrapped.unary_unary) == ("replaced", None)
    assert wrapped.request_streaming is False and wrapped.response_streaming is True
    assert (wrapped.request_deserializer, wrapped.response_serializer) == (bytes.strip, bytes.lower)


def test_service_of_a_method_path():
    assert service_of("/qawl.v1.ExtractionService/Extract") == "qawl.v1.ExtractionService"


def test_with_behavior_can_hand_over_bytes_the_behaviour_serialized():
    async def behavior(request, context):
        return request

    handler = grpc.unary_unary_rpc_method_handler(behavior, response_serializer=bytes.lower)
    assert with_behavior(handler, lambda b: b, response_serializer=None).response_serializer is None
    assert with_behavior(handler, lambda b: b).response_serializer is bytes.lower
