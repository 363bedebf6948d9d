"""The CLI's embedded server: reachable only through a private Unix domain socket."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from qawl.client.api import QawlClient
from qawl.client.embedded import embedded_server


def test_the_embedded_server_listens_on_a_socket_in_a_private_folder_removed_after():
    with embedded_server() as target:
        assert target.startswith("unix:")
        socket_path = Path(target.removeprefix("unix:"))
        folder = socket_path.parent
        mode = folder.stat()
        assert stat.S_IMODE(mode.st_mode) == 0o700 and mode.st_uid == os.getuid()
        assert stat.S_ISSOCK(socket_path.stat().st_mode)
        with QawlClient(target, timeout=10) as client:
            assert client.health() == "SERVING"
    assert not folder.exists()


def test_the_folder_is_removed_when_the_caller_fails():
    try:
        with embedded_server() as target:
            folder = Path(target.removeprefix("unix:")).parent
            raise RuntimeError("caller failed")
    except RuntimeError:
        pass
    assert not folder.exists()
