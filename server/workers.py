"""Multi-process serving: N server processes share one port, and a dead one is replaced.

One Python process runs one extraction at a time (the GIL), so ``--workers N`` starts N
processes, each a complete server with its own ``Extractor``, all listening on the same port
with SO_REUSEPORT. The kernel spreads incoming *connections*, not requests, over them: a client
that wants more than one worker opens several channels (or balances round_robin over them).
The parent claims the port first (``server.ports``), so no other server can join it, and
starts the workers with the ``spawn`` method, so no gRPC state crosses a fork.

Supervision. The parent waits until every worker reports that it listens, then watches them.
A worker that dies on its own (killed, crashed) is logged and replaced: at once the first
time, then after 1, 2, 4 and 8 s when others died shortly before, and at most
``--max-worker-restarts`` times in any minute; past that the server stops and exits 1, since a
worker that keeps dying is a fault for whoever runs the server to see. The other workers keep
serving meanwhile. Clients of the dead worker lose their connections (calls in flight on them
fail with UNAVAILABLE) and their next connections reach the live workers.

Parent death. A worker watches the pipe multiprocessing gives every spawned child
(``multiprocessing.parent_process()``): only the parent holds its far end, so it reports
end-of-file the moment the parent is gone, ``kill -9`` included, and the worker then shuts
down as on SIGTERM. Chosen over prctl(PR_SET_PDEATHSIG): it needs no ctypes, leaves no window
between the spawn and the prctl call in which a parent's death goes unnoticed, does not fire
when the parent *thread* that started the worker ends (PDEATHSIG does), and is not Linux-only.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections import deque
from multiprocessing.connection import Connection, wait

from qawl.server import logs
from qawl.server.affinity import cpus_for_worker
from qawl.server.config import ServerConfig, split_address
from qawl.server.preflight import StartupError

BACKOFF_SECONDS = (0.0, 1.0, 2.0, 4.0, 8.0)
"""Wait before the n-th replacement within a window (the last figure repeats)."""
RESTART_WINDOW_SECONDS = 60.0
START_TIMEOUT_SECONDS = 180.0
"""How long the workers may take to start listening (loading the engine takes seconds)."""


class RestartBudget:
    """At most ``limit`` restarts in any ``window`` seconds, each after a growing back-off."""

    def __init__(self, limit: int, window: float = RESTART_WINDOW_SECONDS) -> None:
        self.limit = limit
        self.window = window
        self._times: deque[float] = deque()

    def in_window(self, now: float) -> int:
        """Restarts granted within the window that ends at ``now``."""
        while self._times and now - self._times[0] >= self.window:
            self._times.popleft()
        return len(self._times)

    def grant(self, now: float) -> float | None:
        """The back-off before one more restart at ``now``, or None when the budget is spent."""
        granted = self.in_window(now)
        if granted >= self.limit:
            return None
        self._times.append(now)
        return BACKOFF_SECONDS[min(granted, len(BACKOFF_SECONDS) - 1)]


def _exit_with_parent() -> None:
    """Shut this worker down, as on SIGTERM, as soon as the process that started it is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns once the parent's end of the spawn pipe is closed: it has died
        logs.get().error("parent exited; shutting down", extra={"fields": {"parent_pid": parent.pid}})
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="qawl-parent-watch", daemon=True).start()


def run_worker(config: ServerConfig, report: Connection) -> None:
    """One worker process: a complete server on the shared port until SIGTERM or SIGINT.

    Sends ``("serving", port)`` on ``report`` once it listens, or ``("failed", reason)``.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C; serve() takes over
    from qawl.server import stderr
    logs.configure(config.log_level, stderr.route())
    _exit_with_parent()
    from qawl.server.app import serve  # loads gRPC and the engine in the worker, after the spawn

    def tell(*message: object) -> None:
        try:
            report.send(message)
        except OSError:  # the parent is gone; the watcher stops this worker
            pass

    try:
        serve(config, on_serving=lambda port: tell("serving", port))
    except StartupError as error:
        tell("failed", str(error))
        raise SystemExit(error.exit_code) from None
    except Exception as error:
        logs.get().exception("worker failed")
        tell("failed", f"{type(error).__name__}: {error}")
        raise


@dataclasses.dataclass
class _Worker:
    """One worker process as the parent sees it."""

    index: int
    process: multiprocessing.Process
    report: Connection
    replacing: int | None = None
    """The pid of the dead worker this one replaces."""
    died_at: float = 0.0
    """When that worker was found dead."""
    serving: bool = False
    failure: str = ""
    """What the worker reported when it could not start."""


def _how_it_ended(exitcode: int | None) -> dict:
    """A dead process's exit code, and the signal's name when a signal ended it."""
    if exitcode is not None and exitcode < 0:
        return {"exit_code": exitcode, "signal": signal.Signals(-exitcode).name}
    return {"exit_code": exitcode}


def _said(ended: dict) -> str:
    return f"killed by {ended['signal']}" if "signal" in ended else f"exited with status {ended['exit_code']}"


class _Supervisor:
    """Starts the workers, replaces those that die, and stops them all on a signal."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.budget = RestartBudget(config.max_worker_restarts)
        self.workers: list[_Worker] = []
        self.due: list[tuple[float, int, int, float]] = []
        """Replacements to start: (when, worker index, pid replaced, when it died)."""
        self._spawn = multiprocessing.get_context("spawn")
        self._log = logs.get()
        self.stopping = False
        self._wake_read, wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(wake_write, False)
        signal.set_wakeup_fd(wake_write)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._stop_on_signal)

    def _stop_on_signal(self, _signum, _frame) -> None:
        self.stopping = True

    def start(self, index: int, replacing: int | None = None, died_at: float = 0.0) -> _Worker:
        """Spawn worker ``index``."""
        config = dataclasses.replace(self.config, cpus=cpus_for_worker(self.config.cpus, index))
        receive, send = self._spawn.Pipe(duplex=False)
        process = self._spawn.Process(target=run_worker, name=f"qawl-worker-{index}",
                                      args=(config, send))
        process.start()
        send.close()
        worker = _Worker(index, process, receive, replacing, died_at)
        self.workers.append(worker)
        return worker

    def _wait(self, timeout: float | None) -> None:
        """Sleep until a worker reports or exits, a signal arrives, or ``timeout`` passes."""
        objects = [self._wake_read, *(w.process.sentinel for w in self.workers),
                   *(w.report for w in self.workers if not (w.serving or w.failure))]
        wait(objects, timeout)
        try:
            os.read(self._wake_read, 512)
        except BlockingIOError:
            pass

    def _read_report(self, worker: _Worker) -> bool:
        """Whether ``worker`` has just reported that it listens (a failure is kept on it)."""
        if worker.serving or worker.failure or not worker.report.poll():
            return False
        try:
            kind, detail = worker.report.recv()
        except EOFError:  # it died before reporting
            return False
        worker.serving = kind == "serving"
        worker.failure = "" if worker.serving else detail
        return worker.serving

    def start_all(self) -> None:
        """Start every worker and wait until all listen; StartupError if one cannot."""
        for index in range(self.config.workers):
            self.start(index)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not self.stopping:
            for worker in self.workers:
                self._read_report(worker)
                if worker.failure or not worker.process.is_alive():
                    worker.process.join(5)
                    reason = worker.failure or _said(_how_it_ended(worker.process.exitcode))
                    raise StartupError(f"worker {worker.index} could not start: {reason}", exit_code=1)
            if all(w.serving for w in self.workers):
                return
            if time.monotonic() > deadline:
                raise StartupError(f"workers did not all listen within {START_TIMEOUT_SECONDS:g} s",
                                   exit_code=1)
            self._wait(1.0)

    def watch(self) -> int:
        """Replace workers that die until a signal comes; the exit status for the process."""
        while not self.stopping:
            now = time.monotonic()
            for worker in list(self.workers):
                if self._read_report(worker):
                    self._log.info("worker replaced", extra={"fields": {
                        "worker": worker.index, "worker_pid": worker.process.pid,
                        "replaced_pid": worker.replacing,
                        "seconds": round(now - worker.died_at, 2)}})
                if not worker.process.is_alive():
                    if not self._bury(worker, now):
                        return 1
            for entry in [d for d in self.due if d[0] <= now]:
                self.due.remove(entry)
                self.start(entry[1], replacing=entry[2], died_at=entry[3])
            next_due = min((d[0] for d in self.due), default=None)
            self._wait(None if next_due is None else max(0.0, next_due - time.monotonic()))
        return 0

    def _bury(self, worker: _Worker, now: float) -> bool:
        """Log a dead worker and schedule its replacement; False when the budget is spent."""
        self.workers.remove(worker)
        pid, ended = worker.process.pid, _how_it_ended(worker.process.exitcode)
        worker.process.close()
        worker.report.close()
        delay = self.budget.grant(now)
        fields = {"worker": worker.index, "worker_pid": pid, **ended,
                  "restarts_in_window": self.budget.in_window(now),
                  "window_seconds": self.budget.window}
        if worker.failure:
            fields["reason"] = worker.failure
        if delay is None:
            self._log.error("worker exited; restart limit reached, stopping the server",
                            extra={"fields": {**fields, "max_worker_restarts": self.budget.limit}})
            return False
        self._log.error("worker exited; replacing it", extra={"fields": {**fields,
                                                                         "restart_in_seconds": delay}})
        self.due.append((now + delay, worker.index, pid, now))
        return True

    def stop_all(self) -> None:
        """SIGTERM each live worker, wait out the grace period, then kill what is left."""
        processes = [w.process for w in self.workers]
        for process in processes:
            if process.is_alive():
                os.kill(process.pid, signal.SIGTERM)
        for process in processes:
            process.join(self.config.grace_seconds + 5)
            if process.is_alive():
                process.kill()
                process.join()


def serve_workers(config: ServerConfig) -> None:
    """Run ``config.workers`` server processes on ``config.address`` until signalled.

    ``config.address`` names the port the caller has claimed. SIGTERM or SIGINT is passed on
    to every worker, which then shuts down within the grace period. Raises StartupError if a
    worker cannot start, and SystemExit(1) once workers have died more often than
    ``config.max_worker_restarts`` times in a minute.
    """
    if not hasattr(socket, "SO_REUSEPORT"):
        raise StartupError("--workers needs SO_REUSEPORT, which this platform lacks")
    log = logs.get()
    supervisor = _Supervisor(config)
    status = 0
    try:
        supervisor.start_all()
        if not supervisor.stopping:
            log.info("serving with workers", extra={"fields": {
                "address": config.address, "port": split_address(config.address)[1],
                "workers": config.workers, "pids": [w.process.pid for w in supervisor.workers]}})
            status = supervisor.watch()
    finally:
        supervisor.stop_all()
    log.info("stopped")
    if status:
        raise SystemExit(status)
