"""Short articles are extracted on the event loop itself; long ones on a worker thread."""

from __future__ import annotations

import asyncio
import threading

import pytest

from qawl.server.runner import ExtractionRunner


def _thread_of(text: str) -> str:
    return threading.current_thread().name


@pytest.fixture
def runner():
    runner = ExtractionRunner(inline_chars=10, threads=2)
    yield runner
    runner.close()


def test_the_threshold_is_inclusive(runner):
    assert runner.runs_inline("x" * 10) and not runner.runs_inline("x" * 11)


def test_a_short_article_runs_on_the_loop_thread_and_a_long_one_on_a_worker(runner):
    async def both():
        return threading.current_thread().name, await runner.run(_thread_of, "short"), \
            await runner.run(_thread_of, "a much longer article")

    loop_thread, short, long = asyncio.run(both())
    assert short == loop_thread
    assert long != loop_thread and long.startswith("qawl-extract")


def test_the_loop_keeps_running_while_a_long_article_is_extracted(runner):
    release = threading.Event()

    def slow(text: str) -> str:
        release.wait(5)
        return text

    async def scenario():
        extraction = asyncio.ensure_future(runner.run(slow, "a much longer article"))
        await asyncio.sleep(0.05)
        ticked = not extraction.done()  # the loop ran this coroutine while the thread worked
        release.set()
        return ticked, await extraction

    assert asyncio.run(scenario()) == (True, "a much longer article")


def test_inline_chars_zero_sends_every_article_to_a_thread():
    runner = ExtractionRunner(inline_chars=0, threads=1)
    try:
        assert not runner.runs_inline("x")
        assert asyncio.run(runner.run(_thread_of, "x")).startswith("qawl-extract")
    finally:
        runner.close()
