"""Every server in a process runs on one event loop, reached from any thread."""

from __future__ import annotations

import asyncio
import threading
from concurrent import futures

from server import eventloop


async def _where() -> tuple[asyncio.AbstractEventLoop, str]:
    return asyncio.get_running_loop(), threading.current_thread().name


def test_run_returns_the_coroutine_result_from_the_servers_loop_thread():
    loop, thread = eventloop.run(_where(), timeout=5)
    assert loop is eventloop.get() and thread == "qawl-server-loop"


def test_callers_on_many_threads_share_the_one_loop():
    with futures.ThreadPoolExecutor(4) as pool:
        loops = {loop for loop, _ in pool.map(lambda _: eventloop.run(_where(), timeout=5), range(8))}
    assert loops == {eventloop.get()}
