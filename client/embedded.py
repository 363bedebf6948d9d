"""Run a qawl server inside the CLI's own process, reached through real gRPC on loopback.

The CLI uses this when no ``--server`` is given, so a single command works on a fresh machine
and still exercises exactly the path a remote client takes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from qawl.server.app import start
from qawl.server.config import ServerConfig


@contextmanager
def embedded_server() -> Iterator[str]:
    """Start a server on 127.0.0.1 with a free port; yield its ``host:port``; stop it after."""
    running = start(ServerConfig(address="127.0.0.1:0", threads=4))
    try:
        yield f"127.0.0.1:{running.port}"
    finally:
        running.stop(grace=None)
