"""Multi-process serving: N server processes share one port, so extraction uses every core.

One Python process runs one extraction at a time (the GIL), so ``--workers N`` starts N
processes, each a complete server with its own ``Extractor``, all listening on the same port
with SO_REUSEPORT. The kernel spreads incoming *connections*, not requests, over them: a client
that wants more than one worker opens several channels (or balances round_robin over them).

It follows grpc's ``examples/python/multiprocessing``: the parent holds the port with a
SO_REUSEPORT socket of its own for as long as the workers run, and starts the workers with the
``spawn`` method, so no gRPC state crosses a fork.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from qawl.server import logs
from qawl.server.affinity import cpus_for_worker
from qawl.server.config import ServerConfig

WORKER_CHECK_SECONDS = 0.5
"""How often the parent checks that every worker is still alive."""


def split_address(address: str) -> tuple[str, int]:
    """``host:port`` (host possibly ``[v6]``) as the bare host and the port number."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"address {address!r} is not host:port")
    return host.strip("[]"), int(port)


def with_port(address: str, port: int) -> str:
    """``address`` with its port replaced by ``port``."""
    return f"{address.rpartition(':')[0]}:{port}"


@contextmanager
def reserve_port(address: str) -> Iterator[int]:
    """Hold ``address`` with a SO_REUSEPORT socket and yield its port (port 0 picks one)."""
    if not hasattr(socket, "SO_REUSEPORT"):
        raise OSError("--workers needs SO_REUSEPORT, which this platform lacks")
    host, port = split_address(address)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        yield sock.getsockname()[1]
    finally:
        sock.close()


def run_worker(config: ServerConfig) -> None:
    """One worker process: a complete server on the shared port until SIGTERM or SIGINT."""
    from qawl.server.app import serve  # loads gRPC and the engine in the worker, after the spawn

    logs.configure(config.log_level)
    serve(config)


def serve_workers(config: ServerConfig, workers: int) -> None:
    """Run ``workers`` server processes on ``config.address`` until signalled.

    SIGTERM or SIGINT is passed on to every worker, which then shuts down within the grace
    period. If a worker dies on its own, the others are stopped too and the process exits with
    status 1, so a supervisor sees the failure instead of a service at part strength.
    """
    log = logs.get()
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda number, _frame: stopping.set())
    with reserve_port(config.address) as port:
        worker_config = dataclasses.replace(config, address=with_port(config.address, port))
        spawn = multiprocessing.get_context("spawn")
        processes = [
            spawn.Process(target=run_worker, name=f"qawl-worker-{i}", args=(
                dataclasses.replace(worker_config, cpus=cpus_for_worker(config.cpus, i)),))
            for i in range(workers)
        ]
        for process in processes:
            process.start()
        fields = {"address": worker_config.address, "port": port, "workers": workers,
                  "pids": [p.pid for p in processes]}  # fmt: skip
        log.info("serving with workers", extra={"fields": fields})
        failed = False
        while not stopping.wait(WORKER_CHECK_SECONDS):
            if any(not p.is_alive() for p in processes):
                failed = True
                log.error("a worker exited; stopping the others",
                          extra={"fields": {"exit_codes": [p.exitcode for p in processes]}})  # fmt: skip
                break
        _stop(processes, config.grace_seconds)
    log.info("stopped")
    if failed:
        raise SystemExit(1)


def _stop(processes: list[multiprocessing.Process], grace: float) -> None:
    """SIGTERM each live worker, wait out the grace period, then kill what is left."""
    for process in processes:
        if process.is_alive():
            os.kill(process.pid, signal.SIGTERM)
    for process in processes:
        process.join(grace + 5)
        if process.is_alive():
            process.kill()
            process.join()
