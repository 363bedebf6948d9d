"""Reading a serving process's CPU time and memory from /proc."""

from __future__ import annotations

import os
import time

from benchmarks.serverproc import _cpu_ticks, _rss_kb


def test_cpu_ticks_grow_while_the_process_works():
    before = _cpu_ticks(os.getpid())
    deadline = time.process_time() + 0.1
    while time.process_time() < deadline:
        pass
    assert _cpu_ticks(os.getpid()) > before


def test_resident_memory_is_reported_in_kilobytes():
    assert 1024 < _rss_kb(os.getpid()) < 64 * 1024 * 1024
