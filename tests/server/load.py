"""A loopback load generator: N concurrent clients x M requests against a qawl server.

Used by ``test_load.py`` with small numbers and run by hand for the README's figures:

    python -m tests.server.load --clients 16 --requests 100 --memory-requests 10000

Each client has its own channel and sends the seed articles in turn, alternating Extract and
StreamQuotes. Reports every error, latency percentiles, throughput, and the process's resident
memory before and after a long run (the server runs in this process).
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import grpc

from qawl.v1 import qawl_pb2, qawl_pb2_grpc

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@dataclass
class LoadResult:
    """What a load run did: counts, errors by status, and latency percentiles in ms."""

    clients: int
    requests: int
    ok: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0

    @property
    def per_second(self) -> float:
        """Completed requests per second over the whole run."""
        return self.ok / self.seconds if self.seconds else 0.0


def rss_mib() -> float:
    """This process's resident set size in MiB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS not found")


def _articles() -> list[qawl_pb2.Article]:
    return [qawl_pb2.Article(id=p.name, text=p.read_text(encoding="utf-8")) for p in SEEDS]


def run_load(target: str, clients: int, requests: int, timeout: float = 30.0) -> LoadResult:
    """``clients`` threads, each on its own channel, each sending ``requests`` requests."""
    articles = _articles()
    latencies: list[float] = []
    result = LoadResult(clients, requests)
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(index: int) -> None:
        with grpc.insecure_channel(target) as channel:
            stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
            grpc.channel_ready_future(channel).result(timeout=timeout)
            start.wait()
            for i in range(requests):
                article = articles[(index + i) % len(articles)]
                began = time.perf_counter()
                try:
                    if i % 2:
                        list(stub.StreamQuotes(qawl_pb2.StreamQuotesRequest(article=article), timeout=timeout))
                    else:
                        stub.Extract(qawl_pb2.ExtractRequest(article=article), timeout=timeout)
                except grpc.RpcError as error:
                    with lock:
                        name = error.code().name
                        result.errors[name] = result.errors.get(name, 0) + 1
                    continue
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    latencies.append(elapsed)
                    result.ok += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    if latencies:
        ordered = sorted(latencies)
        result.p50_ms = round(statistics.median(ordered), 1)
        result.p99_ms = round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1)
        result.max_ms = round(ordered[-1], 1)
    return result


def memory_growth(target: str, requests: int, warmup: int = 500,
                  articles: list[qawl_pb2.Article] | None = None) -> tuple[float, float]:
    """Resident MiB after ``warmup`` requests and after ``requests`` more, on one channel.

    ``articles`` (default: the seeds) are sent in turn.
    """
    articles = articles or _articles()
    with grpc.insecure_channel(target) as channel:
        stub = qawl_pb2_grpc.ExtractionServiceStub(channel)

        def send(count: int) -> None:
            for i in range(count):
                stub.Extract(qawl_pb2.ExtractRequest(article=articles[i % len(articles)]), timeout=30)

        send(warmup)
        before = rss_mib()
        send(requests)
        return before, rss_mib()


def main() -> None:
    """Start an in-process server, run the load and the memory check, print JSON figures."""
    from qawl.server.app import start
    from qawl.server.config import ServerConfig

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=100, help="per client")
    parser.add_argument("--memory-requests", type=int, default=10_000)
    args = parser.parse_args()
    running = start(ServerConfig(address="127.0.0.1:0", threads=max(16, args.clients)))
    target = f"127.0.0.1:{running.port}"
    try:
        load = run_load(target, args.clients, args.requests)
        before, after = memory_growth(target, args.memory_requests)
    finally:
        running.stop(None)
    print(json.dumps({**asdict(load), "per_second": round(load.per_second, 1),
                      "memory_requests": args.memory_requests,
                      "rss_before_mib": round(before, 1), "rss_after_mib": round(after, 1)}))


if __name__ == "__main__":
    main()
