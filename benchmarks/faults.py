"""What faults cost clients, and the log line of each call a server refuses.

    python -m benchmarks.faults [--clients 8] [--seconds 12]

1. A worker killed under load. A server with ``--workers 2`` is loaded by ``--clients``
   threads, each calling Extract on the seed articles in turn over a connection of its own,
   for ``--seconds``; a third of the way in, one worker gets SIGKILL. One run for each kind of
   client: a bare gRPC stub (no retry, fails fast), the same stub with ``wait_for_ready``, and
   ``qawl.client.api.QawlClient`` (which retries UNAVAILABLE up to three times). Each row
   gives the calls answered and failed, by status; the time from the death to the new worker
   listening, from the parent's "worker replaced" line; and the longest call of the run, the
   most any client of the killed worker waited.
2. The parent killed: SIGKILL to the parent of ``--workers 2``; how long until no worker is
   left.
3. Refusals: one call of each kind a server refuses, and the JSON line it logged for it.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass, field
from pathlib import Path

import grpc

from benchmarks.load import channel
from benchmarks.serverproc import ServerProcess
from benchmarks.texts import seed_texts
from benchmarks.timing import table
from qawl.client.api import QawlClient
from qawl.v1 import qawl_pb2, qawl_pb2_grpc

CLIENT_KINDS = ("bare stub", "stub, wait_for_ready", "QawlClient (retries)")
CALL_TIMEOUT = 10.0


@dataclass
class KillRun:
    """One run with a worker killed: what its clients saw and when the worker was back."""

    kind: str
    outcomes: Counter = field(default_factory=Counter)
    longest: float = 0.0
    replaced_after: float = float("nan")


def _caller(kind: str, target: str) -> tuple[Callable[[qawl_pb2.ExtractRequest], object], Callable[[], None]]:
    """A function making one Extract call the way ``kind`` of client does, and its closer."""
    if kind == CLIENT_KINDS[2]:
        client = QawlClient(target, timeout=CALL_TIMEOUT, own_connection=True)
        return (lambda request: client.extract(request.article)), client.close
    own = channel(target)
    stub = qawl_pb2_grpc.ExtractionServiceStub(own)
    wait = kind == CLIENT_KINDS[1]
    return (lambda request: stub.Extract(request, timeout=CALL_TIMEOUT, wait_for_ready=wait)), own.close


def kill_a_worker(kind: str, clients: int, seconds: float,
                  requests: list[qawl_pb2.ExtractRequest]) -> KillRun:
    """Load a two-worker server with ``clients`` of ``kind`` and SIGKILL a worker mid-way."""
    run = KillRun(kind)
    stop = threading.Event()
    lock = threading.Lock()

    def client(index: int) -> None:
        call, close = _caller(kind, target)
        number = index
        try:
            while not stop.is_set():
                began = time.monotonic()
                try:
                    call(requests[number % len(requests)])
                    code = "OK"
                except grpc.RpcError as error:
                    code = error.code().name
                with lock:
                    run.outcomes[code] += 1
                    run.longest = max(run.longest, time.monotonic() - began)
                number += 1
        finally:
            close()

    with ServerProcess(workers=2, args=("--grace-seconds", "2")) as server:
        target = server.target
        mark = server.log_size()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        time.sleep(seconds / 3)
        os.kill(server.pids[0], signal.SIGKILL)
        time.sleep(seconds * 2 / 3)
        stop.set()
        for thread in threads:
            thread.join(CALL_TIMEOUT * 4)
        for line in server.log_lines_since(mark):
            if line.get("msg") == "worker replaced":
                run.replaced_after = line["seconds"]
    return run


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def kill_the_parent() -> float:
    """Seconds from SIGKILL to a two-worker server's parent until none of its workers is left."""
    with ServerProcess(workers=2, args=("--grace-seconds", "2")) as server:
        workers = list(server.pids)
        began = time.monotonic()
        os.kill(server.pid, signal.SIGKILL)
        while any(_alive(pid) for pid in workers):
            if time.monotonic() - began > 60:
                return float("inf")
            time.sleep(0.01)
        return time.monotonic() - began


def _refuse(call: Callable[[], object]) -> str:
    try:
        call()
    except grpc.RpcError as error:
        return error.code().name
    return "OK"


def refusals(texts: dict[str, str]) -> list[tuple[str, str, dict]]:
    """(what was tried, the status the client got, the line the server logged) per refusal."""
    short = next(iter(texts.values()))
    long_text = "\n".join(texts.values()) * 60  # about 800,000 characters: seconds on a thread
    tried: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        tokens = Path(folder) / "tokens"
        tokens.write_text("s3cret\n")
        token = (("authorization", "Bearer s3cret"),)
        args = ("--auth-token-file", str(tokens), "--max-concurrent-rpcs", "1", "--inline-chars", "0",
                "--max-message-bytes", str(4 * 1024 * 1024))
        with ServerProcess(args=args) as server, channel(server.target) as own, \
                futures.ThreadPoolExecutor(1) as pool:
            stub = qawl_pb2_grpc.ExtractionServiceStub(own)
            mark = server.log_size()

            def extract(text: str, **kwargs) -> object:
                request = qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id="a1", text=text))
                return stub.Extract(request, timeout=kwargs.pop("timeout", CALL_TIMEOUT), **kwargs)

            tried.append(("no bearer token", _refuse(lambda: extract(short))))
            raw = own.unary_unary("/qawl.v1.ExtractionService/Extract")
            tried.append(("request bytes that do not parse",
                          _refuse(lambda: raw(b"\xff\xff\xff", timeout=CALL_TIMEOUT, metadata=token))))
            held = pool.submit(_refuse, lambda: extract(long_text, metadata=token, timeout=1.0))
            time.sleep(0.3)
            tried.append(("a second call while --max-concurrent-rpcs 1 is taken",
                          _refuse(lambda: extract(short, metadata=token))))
            tried.append(("an 800,000-character article with a 1 s deadline", held.result()))
            tried.append(("a request over --max-message-bytes (5 MB against 4 MiB)",
                          _refuse(lambda: extract("x" * 5_000_000, metadata=token))))
            time.sleep(0.5)
            lines = [line for line in server.log_lines_since(mark) if "rpc" in line]
        with ServerProcess(args=("--max-message-bytes", "2000")) as server, channel(server.target) as own:
            stub = qawl_pb2_grpc.ExtractionServiceStub(own)
            mark = server.log_size()
            tried.append(("a response over --max-message-bytes (2000) to a 1,000-character article",
                          _refuse(lambda: stub.Extract(qawl_pb2.ExtractRequest(article=qawl_pb2.Article(
                              id="a2", text=short[:1000])), timeout=CALL_TIMEOUT))))
            time.sleep(0.5)
            lines += [line for line in server.log_lines_since(mark) if "rpc" in line]
    return [(what, code, line) for (what, code), line in zip(tried, lines)]


def run(clients: int = 8, seconds: float = 12.0) -> str:
    """Every part in turn; the printed report."""
    texts = seed_texts()
    requests = [qawl_pb2.ExtractRequest(article=qawl_pb2.Article(id=name, text=text))
                for name, text in texts.items()]
    rows = []
    for kind in CLIENT_KINDS:
        result = kill_a_worker(kind, clients, seconds, requests)
        failed = {code: n for code, n in result.outcomes.items() if code != "OK"}
        rows.append((kind, sum(result.outcomes.values()), failed or "none",
                     f"{result.longest:.2f}", f"{result.replaced_after:.2f}"))
    lines = [f"A worker of two killed (SIGKILL) under load: {clients} clients, each on its own "
             f"connection, Extract on the seed articles for {seconds:g} s, the kill at {seconds / 3:g} s",
             table(("client", "calls", "failed", "longest call s", "worker replaced after s"), rows),
             "",
             f"The parent of two workers killed (SIGKILL): no worker left after {kill_the_parent():.2f} s",
             "",
             "Refused calls and the line the server logged for each:"]
    for what, code, line in refusals(texts):
        lines += [f"- {what}: the client got {code}; the server logged",
                  "  " + json.dumps(line, ensure_ascii=False)]
    return "\n".join(lines)


def main() -> None:
    """``python -m benchmarks.faults``: print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=12.0)
    args = parser.parse_args()
    print(run(args.clients, args.seconds))


if __name__ == "__main__":
    main()
