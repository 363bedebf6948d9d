"""Bearer-token authentication: an interceptor that refuses calls without a known token.

Tokens come from a file (one per line) so they never show in a process listing. The health
service stays open, so probes work without a token.
"""

from __future__ import annotations

import hmac
from collections.abc import Collection
from pathlib import Path

import grpc
from grpc_health.v1 import health

from qawl.server.errors import Problem, Reason
from qawl.server.handlers import service_of, with_behavior


def read_tokens(path: str) -> list[str]:
    """The bearer tokens in ``path``: one per line, blank lines and ``#`` comments skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def _refusal(problem: Problem):
    """A behaviour that ends any call at once with ``problem``."""
    async def abort(_request, context: grpc.aio.ServicerContext):
        await problem.abort(context)

    return abort


class BearerTokenAuth(grpc.aio.ServerInterceptor):
    """Lets a call through only with ``authorization: Bearer <token>`` naming a known token."""

    def __init__(self, tokens: Collection[str], open_services: Collection[str] = (health.SERVICE_NAME,)):
        self._tokens = [t.encode() for t in tokens if t]
        if not self._tokens:
            raise ValueError("bearer-token auth needs at least one token")
        self._open = frozenset(open_services)
        self._deny = _refusal(Problem(
            grpc.StatusCode.UNAUTHENTICATED,
            "missing or invalid bearer token (metadata 'authorization: Bearer <token>')",
            Reason.UNAUTHENTICATED))

    def _known(self, token: str) -> bool:
        given = token.encode()
        # compare_digest against every token, so timing reveals neither which nor how much matched
        return sum(hmac.compare_digest(given, t) for t in self._tokens) > 0

    def _authenticated(self, handler_call_details) -> bool:
        metadata = dict(handler_call_details.invocation_metadata or ())
        scheme, _, token = str(metadata.get("authorization", "")).partition(" ")
        return scheme.lower() == "bearer" and self._known(token.strip())

    async def intercept_service(self, continuation, handler_call_details):
        """Pass authenticated calls and open services on; refuse the rest, unknown methods too."""
        handler = await continuation(handler_call_details)
        if service_of(handler_call_details.method) in self._open or self._authenticated(handler_call_details):
            return handler
        if handler is None:
            return grpc.unary_unary_rpc_method_handler(self._deny)
        return with_behavior(handler, lambda _behavior: self._deny)
