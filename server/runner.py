"""Where an extraction runs: on the event loop for short articles, on a thread for long ones.

A short article (a few milliseconds of engine time) is extracted right on the server's event
loop. Handed to a thread woken for each call, the engine ran 44% slower inside the server than
alone on the benchmark machine; inline it runs within 10% of alone (README, "Speed and
scale"). A long article would hold the loop for as long as it takes, so it goes to a worker
thread: the loop keeps answering health probes and other calls meanwhile, sharing the
interpreter with it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent import futures
from typing import TypeVar

T = TypeVar("T")


class ExtractionRunner:
    """Runs ``work(text, ...)`` inline up to ``inline_chars`` characters, else on ``threads`` threads."""

    def __init__(self, inline_chars: int, threads: int) -> None:
        self.inline_chars = inline_chars
        self._pool = futures.ThreadPoolExecutor(max_workers=threads, thread_name_prefix="qawl-extract")

    def runs_inline(self, text: str) -> bool:
        """Whether ``text`` is short enough to extract on the event loop itself."""
        return len(text) <= self.inline_chars

    async def run(self, work: Callable[..., T], text: str, *args: object) -> T:
        """``work(text, *args)``, inline or on a worker thread according to the text's length."""
        if self.runs_inline(text):
            return work(text, *args)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(work, text, *args))

    def close(self) -> None:
        """Stop taking work; extractions already on a thread finish on their own."""
        self._pool.shutdown(wait=False, cancel_futures=True)
