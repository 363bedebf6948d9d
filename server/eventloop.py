"""The one asyncio event loop that every gRPC server in this process runs on.

grpc.aio serves from a single event loop per process (servers started on a second loop stop
answering their shutdown), so the servers a process starts (the worker's own, the CLI's
embedded one, the tests' many) share this loop, which runs on a daemon thread. Synchronous
code hands it coroutines with ``run``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def get() -> asyncio.AbstractEventLoop:
    """The servers' event loop, started on its thread the first time it is asked for."""
    global _loop
    with _lock:
        if _loop is None:
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="qawl-server-loop", daemon=True).start()
            _loop = loop
        return _loop


def run(coroutine: Coroutine[object, object, T], timeout: float | None = None) -> T:
    """Run ``coroutine`` on the servers' loop and wait for its result (from any other thread)."""
    return asyncio.run_coroutine_threadsafe(coroutine, get()).result(timeout)
