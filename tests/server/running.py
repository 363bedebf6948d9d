"""``qawl-server`` as a child process for tests, started as a user starts it.

Its stderr is read on a thread as it comes, so a server that logs a line per call never blocks
on a full pipe, and tests can wait for a given log line or read them all.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from tests.conftest import REPO


class ServerProcess:
    """``python -m qawl.server ARGS``; a context manager that kills it if it is still running."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "qawl.server", *args], cwd=REPO,
                                        stderr=subprocess.PIPE, text=True,
                                        env={**os.environ, **(env or {})})
        self.lines: list[str] = []
        self._new_line = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            with self._new_line:
                self.lines.append(line.rstrip("\n"))
                self._new_line.notify_all()
        with self._new_line:
            self._new_line.notify_all()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._reader.join(10)

    @property
    def pid(self) -> int:
        """The server's process id (with ``--workers``, the parent's)."""
        return self.process.pid

    def entries(self) -> list[dict]:
        """Every line so far, parsed as JSON (a line that is not JSON fails the test)."""
        with self._new_line:
            return [json.loads(line) for line in self.lines if line.strip()]

    def wait_for(self, matches: Callable[[dict], bool], timeout: float = 120.0) -> dict:
        """The first JSON line for which ``matches`` is true, waiting up to ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        seen = 0
        with self._new_line:
            while True:
                for line in self.lines[seen:]:
                    seen += 1
                    entry = json.loads(line) if line.startswith("{") else {}
                    if entry and matches(entry):
                        return entry
                if not self._reader.is_alive() or time.monotonic() > deadline:
                    raise AssertionError(f"no such log line; the server wrote: {self.lines[-20:]}")
                self._new_line.wait(max(0.0, min(1.0, deadline - time.monotonic())))

    def wait_for_msg(self, msg: str, timeout: float = 120.0) -> dict:
        """The first line whose ``msg`` is ``msg``."""
        return self.wait_for(lambda entry: entry.get("msg") == msg, timeout)

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM the server and return its exit status."""
        self.process.send_signal(signal.SIGTERM)
        status = self.process.wait(timeout=timeout)
        self._reader.join(10)
        return status


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (orphans here may go unreaped)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
