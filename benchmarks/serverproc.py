"""A qawl server in a child process on loopback, for the RPC benchmark: start, wait, measure, stop.

The server is started exactly as a user starts it (``python -m server``), with its logs going
to a temporary file so a full pipe never slows it down. The port and the serving processes
come from the line that says it serves (with ``--workers``, the parent's "serving with
workers", logged once every worker listens); memory and CPU time are read from ``/proc`` for
each serving process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

REPO = Path(__file__).resolve().parent.parent


class ServerProcess:
    """``python -m server --workers N [--cpus LIST] [ARGS]`` on 127.0.0.1, as a context manager."""

    def __init__(self, workers: int = 1, threads: int = 16, cpus: tuple[int, ...] = (),
                 start_timeout: float = 120.0, args: tuple[str, ...] = ()) -> None:
        self.workers = workers
        self.args = args
        self.cpus = cpus
        self.threads = threads
        self.start_timeout = start_timeout
        self.port = 0
        self.pids: list[int] = []
        self._log = tempfile.NamedTemporaryFile(prefix="qawl-bench-", suffix=".log")
        self._process: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        """The server's own process (with workers, their parent)."""
        return self._process.pid

    @property
    def target(self) -> str:
        """Where clients connect."""
        return f"127.0.0.1:{self.port}"

    def __enter__(self) -> ServerProcess:
        command = [sys.executable, "-m", "qawl.server", "--address", "127.0.0.1:0",
                   "--workers", str(self.workers), "--threads", str(self.threads)]  # fmt: skip
        if self.cpus:
            command += ["--cpus", ",".join(map(str, self.cpus))]
        command += self.args
        self._process = subprocess.Popen(command, cwd=REPO, stderr=self._log)
        started = self._started_line()
        self.port = started["port"]
        self.pids = started.get("pids", [self._process.pid])
        self._wait_until_serving()
        return self

    def __exit__(self, *_exc: object) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._log.close()

    def log_size(self) -> int:
        """How many bytes the servers have logged so far: a mark for ``log_lines_since``."""
        return Path(self._log.name).stat().st_size

    def log_lines_since(self, mark: int) -> list[dict]:
        """The JSON log lines written after ``mark`` (from ``log_size``)."""
        with open(self._log.name, "rb") as log:
            log.seek(mark)
            return [json.loads(line) for line in log.read().decode("utf-8").splitlines() if line.strip()]

    def rss_mb(self) -> list[float]:
        """Resident memory of each serving process, in MB."""
        return [_rss_kb(pid) / 1024 for pid in self.pids]

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the serving processes have used so far, in seconds."""
        return cpu_seconds(self.pids)

    def connections(self) -> list[int]:
        """How many established client connections each serving process holds on the port."""
        established = _established_inodes(self.port)
        return [len(_socket_inodes(pid) & established) for pid in self.pids]

    def spread(self) -> bool:
        """Whether the client connections reach as many serving processes as they can: every
        process, or with fewer connections than processes, one process each."""
        counts = self.connections()
        return sum(1 for n in counts if n) == min(len(counts), sum(counts))

    def _started_line(self) -> dict:
        """The log line that gives the port and the serving processes' ids."""
        wanted = "serving with workers" if self.workers > 1 else "serving"
        deadline = time.monotonic() + self.start_timeout
        path = Path(self._log.name)
        while time.monotonic() < deadline:
            text = path.read_text(encoding="utf-8")
            for line in text[:text.rfind("\n") + 1].splitlines():  # whole lines only
                entry = json.loads(line)
                if entry.get("msg") == wanted:
                    return entry
            if self._process.poll() is not None:
                raise RuntimeError(f"server exited with {self._process.returncode}: {text}")
            time.sleep(0.05)
        raise TimeoutError("server did not log its port in time")

    def _wait_until_serving(self) -> None:
        """Wait for every process to log that it serves, then for one health check to pass."""
        deadline = time.monotonic() + self.start_timeout
        while not self._all_serving():
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise RuntimeError("server workers did not all start")
            time.sleep(0.1)
        with grpc.insecure_channel(self.target) as channel:
            health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=30, wait_for_ready=True
            )

    def _all_serving(self) -> bool:
        text = Path(self._log.name).read_text(encoding="utf-8")
        serving = sum(1 for line in text.splitlines() if '"msg": "serving"' in line)
        return serving >= self.workers


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) the processes ``pids`` have used so far, in seconds."""
    return sum(_cpu_ticks(pid) for pid in pids) / os.sysconf("SC_CLK_TCK")


def _cpu_ticks(pid: int) -> int:
    # fields after the parenthesised command name; utime and stime are the 14th and 15th
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _socket_inodes(pid: int) -> set[int]:
    """The inodes of the sockets process ``pid`` has open."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            link = os.readlink(fd)
        except OSError:  # closed since the listing
            continue
        if link.startswith("socket:["):
            inodes.add(int(link[8:-1]))
    return inodes


def _established_inodes(port: int) -> set[int]:
    """Inodes of the established TCP sockets whose local port is ``port`` (IPv4 and IPv6)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port and fields[3] == "01":  # 01: ESTABLISHED
                inodes.add(int(fields[9]))
    return inodes


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
