"""Every server in a process runs on one event loop, reached from any thread, which stops with
its last server."""

from __future__ import annotations

import asyncio
import threading
from concurrent import futures

from qawl.server import eventloop


async def _where() -> tuple[asyncio.AbstractEventLoop, str]:
    return asyncio.get_running_loop(), threading.current_thread().name


def test_run_returns_the_coroutine_result_from_the_servers_loop_thread():
    eventloop.hold()
    try:
        loop, thread = eventloop.run(_where(), timeout=5)
        assert loop is eventloop.get() and thread == "qawl-server-loop"
    finally:
        eventloop.release()


def test_callers_on_many_threads_share_the_one_loop():
    eventloop.hold()
    try:
        with futures.ThreadPoolExecutor(4) as pool:
            loops = {loop for loop, _ in pool.map(lambda _: eventloop.run(_where(), timeout=5), range(8))}
        assert loops == {eventloop.get()}
    finally:
        eventloop.release()


def test_the_loop_stops_with_the_last_server_that_held_it_and_a_new_one_starts_after():
    eventloop.hold()
    eventloop.hold()
    first = eventloop.get()
    eventloop.release()
    assert first.is_running()  # one holder left
    eventloop.release()
    assert not first.is_running()
    eventloop.hold()
    try:
        second, _ = eventloop.run(_where(), timeout=5)
        assert second is not first and second.is_running()
    finally:
        eventloop.release()
