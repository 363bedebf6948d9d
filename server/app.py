"""Assemble and run the gRPC server: servicer, health checking, reflection, shutdown.

``start()`` builds and starts a server and returns a handle (tests and the CLI's embedded mode
use it with port 0); ``serve()`` is the long-running process behind ``qawl-server``, which
stops gracefully on SIGTERM or SIGINT.
"""

from __future__ import annotations

import signal
import threading
from concurrent import futures
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from qawl.v1 import qawl_pb2_grpc
from server import logs
from server.affinity import pin_process
from server.auth import BearerTokenAuth, read_tokens
from server.config import ServerConfig
from server.engine import Extractor
from server.limits import ConcurrencyLimit
from server.service import SERVICE_NAME, ExtractionServicer
from server.tls import server_credentials

SPARE_THREADS = 4
"""Threads beyond the extraction limit, so health probes and reflection are always answered."""


@dataclass
class RunningServer:
    """A started server, the port it is bound to, its health service and its call limit."""

    server: grpc.Server
    port: int
    health: health.HealthServicer
    limit: ConcurrencyLimit

    def stop(self, grace: float | None) -> None:
        """Report NOT_SERVING, then let in-flight calls finish for up to ``grace`` seconds."""
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait()


def start(config: ServerConfig, extractor: Extractor | None = None) -> RunningServer:
    """Start a server for ``config`` (building an ``Extractor`` if none is given)."""
    limit = ConcurrencyLimit(config.rpc_limit, services=(SERVICE_NAME,))
    interceptors: list[grpc.ServerInterceptor] = [limit]
    if config.auth_token_file:
        interceptors.insert(0, BearerTokenAuth(read_tokens(config.auth_token_file)))
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=max(config.threads, config.rpc_limit) + SPARE_THREADS),
        interceptors=interceptors,
        options=[
            ("grpc.max_receive_message_length", config.max_message_bytes),
            ("grpc.max_send_message_length", config.max_message_bytes),
        ],
    )
    servicer = ExtractionServicer(extractor or Extractor(), config.max_article_chars)
    qawl_pb2_grpc.add_ExtractionServiceServicer_to_server(servicer, server)

    health_servicer = health.HealthServicer(
        experimental_non_blocking=True,
        experimental_thread_pool=futures.ThreadPoolExecutor(max_workers=1),
    )
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for name in ("", SERVICE_NAME):
        health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)

    reflection.enable_server_reflection(
        (SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME), server)

    if config.tls_cert:
        credentials = server_credentials(config.tls_cert, config.tls_key, config.tls_client_ca)
        port = server.add_secure_port(config.address, credentials)
    else:
        port = server.add_insecure_port(config.address)
    server.start()
    return RunningServer(server, port, health_servicer, limit)


def serve(config: ServerConfig) -> None:
    """Run a server until SIGTERM or SIGINT, then shut down within the grace period."""
    log = logs.get()
    if config.cpus:
        pin_process(config.cpus)
    running = start(config)
    log.info("serving", extra={"fields": {
        "address": config.address, "port": running.port, "threads": config.threads,
        "cpus": list(config.cpus) or "any",
        "max_concurrent_rpcs": config.rpc_limit, "tls": bool(config.tls_cert),
        "mutual_tls": bool(config.tls_client_ca), "auth": bool(config.auth_token_file)}})
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda number, _frame: stopping.set())
    stopping.wait()
    log.info("shutting down", extra={"fields": {"grace_seconds": config.grace_seconds}})
    running.stop(config.grace_seconds)
    log.info("stopped")
