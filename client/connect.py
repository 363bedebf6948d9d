"""Reach a qawl server: the one named by ``--server``, or one started in-process.

Either way the caller gets a ``QawlClient`` speaking real gRPC, so the CLI behaves the same
against a remote server and against its embedded one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from client.api import QawlClient


@contextmanager
def connect(server: str | None, timeout: float | None) -> Iterator[QawlClient]:
    """A client for ``server`` (host:port), or for an embedded server when it is None."""
    if server:
        with QawlClient(server, timeout=timeout) as client:
            yield client
        return
    from client.embedded import embedded_server  # loads the engine only when it is needed

    with embedded_server() as target, QawlClient(target, timeout=timeout) as client:
        yield client
