"""Run a qawl server inside the CLI's own process, reached through real gRPC.

The CLI uses this when no ``--server`` is given, so a single command works on a fresh machine
and still exercises exactly the path a remote client takes. The server listens on a Unix
domain socket in a temporary folder of mode 0700, not on a TCP port, so no other local user can
call it while it runs; the folder is removed when it stops.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from qawl.server.app import start
from qawl.server.config import ServerConfig


# A socket path longer than this does not fit sockaddr_un (108 bytes with its NUL on Linux).
_MAX_SOCKET_PATH = 100


def _private_folder() -> str:
    """A new folder only this user can enter, short enough to hold a socket path."""
    folder = tempfile.mkdtemp(prefix="qawl-")
    if len(folder) + len("/qawl.sock") > _MAX_SOCKET_PATH:  # a long TMPDIR
        os.rmdir(folder)
        folder = tempfile.mkdtemp(prefix="qawl-", dir="/tmp")
    os.chmod(folder, 0o700)
    return folder


@contextmanager
def embedded_server() -> Iterator[str]:
    """Start a server on a Unix socket in a private folder; yield its gRPC target
    (``unix:/path``); stop it and remove the folder after."""
    folder = _private_folder()
    try:
        target = f"unix:{os.path.join(folder, 'qawl.sock')}"
        running = start(ServerConfig(address=target, threads=4))
        try:
            yield target
        finally:
            running.stop(grace=None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
