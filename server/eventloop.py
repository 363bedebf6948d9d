"""The one asyncio event loop that every gRPC server in this process runs on.

grpc.aio serves from a single event loop per process (servers started on a second loop stop
answering their shutdown), so the servers a process starts (the worker's own, the CLI's
embedded one, the tests' many) share this loop, which runs on a daemon thread. Synchronous
code hands it coroutines with ``run``. Each server ``hold``s the loop while it runs and
``release``s it when stopped; the loop stops with its last server, so no callback of theirs
runs while the process exits.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_thread: threading.Thread | None = None
_servers = 0


def get() -> asyncio.AbstractEventLoop:
    """The servers' event loop, started on its thread if none is running."""
    global _loop, _thread
    with _lock:
        if _loop is None:
            _loop = asyncio.new_event_loop()
            _thread = threading.Thread(target=_loop.run_forever, name="qawl-server-loop", daemon=True)
            _thread.start()
        return _loop


def hold() -> None:
    """Count one more server on the loop, which keeps it running (``get`` starts it)."""
    global _servers
    with _lock:
        _servers += 1


def release() -> None:
    """Count one server fewer; when none is left, stop the loop and wait for its thread.

    A process that exits with the loop still running can have gRPC's poller fire a callback
    on a descriptor already closed; a loop stopped with its last server cannot. The next
    ``get`` starts a new loop.
    """
    global _loop, _thread, _servers
    with _lock:
        _servers -= 1
        if _servers > 0 or _loop is None:
            return
        loop, thread, _loop, _thread = _loop, _thread, None, None
    loop.call_soon_threadsafe(loop.stop)
    thread.join()


def run(coroutine: Coroutine[object, object, T], timeout: float | None = None) -> T:
    """Run ``coroutine`` on the servers' loop and wait for its result (from any other thread)."""
    return asyncio.run_coroutine_threadsafe(coroutine, get()).result(timeout)
