"""A limit on extraction calls in flight: beyond it, RESOURCE_EXHAUSTED at once, not a queue.

Only the listed services count, so health probes and reflection are always answered, even
when the server is saturated. A refused call carries a ``RetryInfo`` saying when to try again.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import partial

import grpc

from qawl.server.errors import Problem, Reason
from qawl.server.handlers import around, service_of, with_behavior

RETRY_DELAY_SECONDS = 1.0
"""The ``RetryInfo`` delay a refused call is given: a slot frees when any call in flight ends."""


class ConcurrencyLimit(grpc.aio.ServerInterceptor):
    """Refuses calls to ``services`` beyond ``limit`` in flight with RESOURCE_EXHAUSTED.

    A slot is held from the start of a call until its behaviour returns, fails or is cancelled
    (a client going away cancels it), so a streaming call holds one slot for its whole life.
    The count lives on the server's event loop, where every behaviour starts and ends.
    """

    def __init__(self, limit: int, services: Collection[str]) -> None:
        self.limit = limit
        self._services = frozenset(services)
        self._in_flight = 0

    @property
    def in_flight(self) -> int:
        """Calls holding a slot now."""
        return self._in_flight

    async def _admit(self, request: object, context: grpc.aio.ServicerContext) -> object:
        if self._in_flight >= self.limit:
            await Problem(grpc.StatusCode.RESOURCE_EXHAUSTED,
                          f"server busy: {self.limit} extraction calls already in flight "
                          f"(server flag --max-concurrent-rpcs); retry later",
                          Reason.TOO_MANY_CALLS, retry_delay=RETRY_DELAY_SECONDS,
                          metadata={"limit": str(self.limit)}).abort(context)
        self._in_flight += 1
        return request

    def _release(self) -> None:
        self._in_flight -= 1

    async def intercept_service(self, continuation, handler_call_details):
        """Wrap calls to the limited services so each takes a slot first."""
        handler = await continuation(handler_call_details)
        if handler is None or service_of(handler_call_details.method) not in self._services:
            return handler
        return with_behavior(handler, partial(around, before=self._admit, after=self._release))
