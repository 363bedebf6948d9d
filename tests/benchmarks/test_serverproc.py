"""Reading a serving process's CPU time, memory and client connections from /proc."""

from __future__ import annotations

import os
import socket
import time

from benchmarks.serverproc import ServerProcess, _cpu_ticks, _established_inodes, _rss_kb, _socket_inodes


def test_cpu_ticks_grow_while_the_process_works():
    before = _cpu_ticks(os.getpid())
    deadline = time.process_time() + 0.1
    while time.process_time() < deadline:
        pass
    assert _cpu_ticks(os.getpid()) > before


def test_resident_memory_is_reported_in_kilobytes():
    assert 1024 < _rss_kb(os.getpid()) < 64 * 1024 * 1024


def test_the_established_connections_on_a_port_are_found_among_a_process_sockets():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        assert not _socket_inodes(os.getpid()) & _established_inodes(port)
        with socket.create_connection(("127.0.0.1", port)), listener.accept()[0]:
            # this process holds both ends; only the accepted end has the port as its own
            assert len(_socket_inodes(os.getpid()) & _established_inodes(port)) == 1


def test_connections_spread_when_they_reach_every_process_or_one_each(monkeypatch):
    server = ServerProcess(workers=2)
    for counts, spread in (([1, 3], True), ([0, 4], False), ([1, 0], True), ([0, 0], True),
                           ([2, 0, 0], False), ([1, 1, 0], True)):
        monkeypatch.setattr(server, "connections", lambda counts=counts: counts)
        assert server.spread() is spread, counts
