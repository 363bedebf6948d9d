"""Assemble and run the gRPC server: servicer, health checking, reflection, shutdown.

The server is grpc.aio's: calls are coroutines on one event loop, and short articles are
extracted on that loop itself (``server.runner`` says why).

``start()`` builds and starts a server and returns a handle (tests and the CLI's embedded mode
use it with port 0); ``serve()`` is the long-running process behind ``qawl-server``, which
stops gracefully on SIGTERM or SIGINT.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from qawl.v1 import qawl_pb2_grpc
from qawl.server import eventloop, logs
from qawl.server.affinity import pin_process
from qawl.server.auth import BearerTokenAuth, read_tokens
from qawl.server.calllog import CallLog
from qawl.server.config import ServerConfig
from qawl.server.decoding import ParseRequests
from qawl.engine import Extractor
from qawl.server.limits import ConcurrencyLimit
from qawl.server.preflight import StartupError
from qawl.server.reflection import enable_reflection
from qawl.server.runner import ExtractionRunner
from qawl.server.service import SERVICE_NAME, ExtractionServicer
from qawl.server.tls import server_credentials

@dataclass
class RunningServer:
    """A started server, the port it is bound to, its health service and its call limit."""

    server: grpc.aio.Server
    port: int
    health: health.aio.HealthServicer
    limit: ConcurrencyLimit
    runner: ExtractionRunner

    def stop(self, grace: float | None) -> None:
        """Report NOT_SERVING, then let in-flight calls finish for up to ``grace`` seconds."""
        try:
            eventloop.run(self._stop(grace))
        finally:
            eventloop.release()

    async def _stop(self, grace: float | None) -> None:
        await self.health.enter_graceful_shutdown()
        await self.server.stop(grace)
        self.runner.close()


def start(config: ServerConfig, extractor: Extractor | None = None) -> RunningServer:
    """Start a server for ``config`` (building an ``Extractor`` if none is given).

    The server runs on the process's server event loop (``server.eventloop``); this returns
    once it is listening.
    """
    extractor = extractor or Extractor()
    eventloop.hold()
    try:
        return eventloop.run(_start(config, extractor))
    except BaseException:
        eventloop.release()
        raise


async def _start(config: ServerConfig, extractor: Extractor) -> RunningServer:
    limit = ConcurrencyLimit(config.rpc_limit, services=(SERVICE_NAME,))
    interceptors: list[grpc.aio.ServerInterceptor] = [
        CallLog(config.max_message_bytes, own_service=SERVICE_NAME),  # outermost: sees every end
        *([BearerTokenAuth(read_tokens(config.auth_token_file))] if config.auth_token_file else []),
        limit,
        ParseRequests(services=(SERVICE_NAME,)),
    ]
    server = grpc.aio.server(
        interceptors=interceptors,
        options=[
            ("grpc.max_receive_message_length", config.max_message_bytes),
            ("grpc.max_send_message_length", config.max_message_bytes),
            # Only the processes of one server share its port (server.ports says why).
            ("grpc.so_reuseport", 1 if config.workers > 1 else 0),
        ],
    )
    runner = ExtractionRunner(config.inline_chars, config.threads)
    servicer = ExtractionServicer(extractor, config.max_article_chars, runner)
    qawl_pb2_grpc.add_ExtractionServiceServicer_to_server(servicer, server)

    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for name in ("", SERVICE_NAME):
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)

    enable_reflection((SERVICE_NAME, health.SERVICE_NAME), server)

    if config.tls_cert:
        credentials = server_credentials(config.tls_cert, config.tls_key, config.tls_client_ca)
        port = server.add_secure_port(config.address, credentials)
    else:
        port = server.add_insecure_port(config.address)
    await server.start()
    return RunningServer(server, port, health_servicer, limit, runner)


def serve(config: ServerConfig, on_serving: Callable[[int], None] = lambda port: None) -> None:
    """Run a server until SIGTERM or SIGINT, then shut down within the grace period.

    ``on_serving(port)`` is called once the server listens. Raises StartupError if gRPC cannot
    listen on ``config.address``.
    """
    log = logs.get()
    if config.cpus:
        pin_process(config.cpus)
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda number, _frame: stopping.set())
    try:
        running = start(config)
    except RuntimeError:  # gRPC's "Failed to bind to address"; the C core logged the reason
        raise StartupError(f"cannot listen on {config.address}: gRPC could not bind it",
                           exit_code=1) from None
    log.info("serving", extra={"fields": {
        "address": config.address, "port": running.port, "threads": config.threads,
        "cpus": list(config.cpus) or "any", "inline_chars": config.inline_chars,
        "max_concurrent_rpcs": config.rpc_limit, "tls": bool(config.tls_cert),
        "mutual_tls": bool(config.tls_client_ca), "auth": bool(config.auth_token_file)}})
    on_serving(running.port)
    stopping.wait()
    log.info("shutting down", extra={"fields": {"grace_seconds": config.grace_seconds}})
    running.stop(config.grace_seconds)
    log.info("stopped")
