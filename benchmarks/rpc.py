"""RPC throughput and latency over loopback: Extract and StreamQuotes next to a no-op call.

For each worker count, unpinned and held on its own CPUs (``--cpus``), a real server process
(``python -m server --workers N``) is loaded by closed-loop client threads at several
concurrencies with Extract, StreamQuotes, ExtractBatch and the standard health Check (the
no-op: same server, same transport, no work), cycling through the seed articles. Then it prints the ratios the figures are judged by:

- Extract throughput in one process against the ceiling 1 / (engine time per article + the
  no-op call's server time) (target >= 80%): the engine timed alone in this process, the
  no-op's server time as the server's CPU time per Check call. Next to it, the engine time the
  server's own log lines report (``engine_ms``) in the best row: when that is above the
  engine alone, the engine itself runs slower inside the loaded server (threads moving
  between cores, other processes waking on the same machine), not the serving around it;
- StreamQuotes, and ExtractBatch per article, against Extract (a stream should keep up), and
  the server CPU a streamed quote costs;
- the best Extract throughput with N workers against one worker (target >= 1.6x for 2);
- resident memory per worker.

Server CPU per call (read from ``/proc``, warm-up calls included) holds steadier than
throughput when other work shares the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
from dataclasses import dataclass

from grpc_health.v1 import health_pb2, health_pb2_grpc

from benchmarks.load import Call, LoadResult, run_load
from benchmarks.serverproc import ServerProcess
from benchmarks.texts import seed_texts
from benchmarks.timing import measure, ms, one_core, table
from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from server.engine import Extractor

RPC_TIMEOUT = 60.0
"""Seconds any one benchmark call may take before it counts as an error."""
BATCH = "ExtractBatch"
"""One ExtractBatch call streams every seed article; its rows count calls, not articles."""
WARMUP_CALLS = 2
"""Untimed calls per client thread before each row, to open connections and warm caches."""


def rpc_calls(articles: list[qawl_pb2.Article]) -> dict[str, Call]:
    """The calls under test, each cycling through ``articles`` (ExtractBatch sends them all)."""
    check = health_pb2.HealthCheckRequest()

    def noop(channel, _number):
        return health_pb2_grpc.HealthStub(channel).Check(check, timeout=RPC_TIMEOUT)

    def extract(channel, number):
        request = qawl_pb2.ExtractRequest(article=articles[number % len(articles)])
        return qawl_pb2_grpc.ExtractionServiceStub(channel).Extract(request, timeout=RPC_TIMEOUT)

    def stream(channel, number):
        request = qawl_pb2.StreamQuotesRequest(article=articles[number % len(articles)])
        stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
        return list(stub.StreamQuotes(request, timeout=RPC_TIMEOUT))

    def batch(channel, _number):
        requests = (qawl_pb2.ExtractBatchRequest(article=article) for article in articles)
        stub = qawl_pb2_grpc.ExtractionServiceStub(channel)
        return list(stub.ExtractBatch(requests, timeout=RPC_TIMEOUT))

    return {"Check (no-op)": noop, "Extract": extract, "StreamQuotes": stream, BATCH: batch}


def engine_seconds_per_article(extractor, texts: list[str]) -> float:
    """The in-process engine's median time per article, over passes through all ``texts``.

    The articles are taken in turn, as the server gets them: repeating one text would let
    spaCy's token cache serve it whole, which no server sees. Pinned to one core, as in the
    engine benchmark.
    """

    def one_pass():
        for text in texts:
            extractor.extract(text)

    with one_core():
        return measure(one_pass, 20, 2.0).median / len(texts)


@dataclass(frozen=True)
class Setup:
    """How the server under load is started: worker processes, and CPUs if pinned."""

    workers: int
    cpus: tuple[int, ...] = ()

    def __str__(self) -> str:
        pinned = f" on CPU {','.join(map(str, self.cpus))}" if self.cpus else ""
        return f"{self.workers} worker{'s' if self.workers > 1 else ''}{pinned}"


def setups(workers: tuple[int, ...], pin: bool) -> list[Setup]:
    """An unpinned server per worker count; with ``pin``, each count again held on its own CPUs.

    One worker is held on the last CPU, N workers on the first N, one each.
    """
    cpus = sorted(os.sched_getaffinity(0))
    runs = []
    for count in workers:
        runs.append(Setup(count))
        if pin and len(cpus) > 1 and count <= len(cpus):
            runs.append(Setup(count, (cpus[-1],) if count == 1 else tuple(cpus[:count])))
    return runs


def run(
    workers: tuple[int, ...] = (1, 2),
    concurrencies: tuple[int, ...] = (1, 2, 4, 8),
    max_calls: int = 3000,
    max_seconds: float = 3.0,
    pin: bool = True,
) -> str:
    """Load a server for each setup and return the printed report."""
    texts = seed_texts()
    articles = [qawl_pb2.Article(id=name, text=text) for name, text in texts.items()]
    calls = rpc_calls(articles)
    extractor = Extractor()
    # timed before and after every server run, so a slow or fast spell of a shared machine
    # weighs on both sides of the ratio
    engine_times = [engine_seconds_per_article(extractor, list(texts.values()))]
    runs = setups(workers, pin)
    results: dict[tuple[Setup, str, int], LoadResult] = {}
    memory: dict[Setup, list[float]] = {}
    cpu: dict[tuple[Setup, str, int], float] = {}
    engine_in_server: dict[tuple[Setup, str, int], float] = {}
    for setup in runs:
        with ServerProcess(workers=setup.workers, cpus=setup.cpus) as server:
            for name, call in calls.items():
                for concurrency in concurrencies:
                    cpu_before, mark = server.cpu_seconds(), server.log_size()
                    result = run_load(
                        server.target, call, concurrency, max_calls, max_seconds, WARMUP_CALLS
                    )
                    key = (setup, name, concurrency)
                    results[key] = result
                    served = result.calls + result.errors + WARMUP_CALLS * concurrency
                    cpu[key] = (server.cpu_seconds() - cpu_before) / served
                    engine_in_server[key] = _mean_engine_seconds(server.log_lines_since(mark))
            memory[setup] = server.rss_mb()
        engine_times.append(engine_seconds_per_article(extractor, list(texts.values())))
    rows = []
    for key, r in results.items():
        setup, name, concurrency = key
        rows.append((name, str(setup), concurrency, r.calls, f"{r.throughput:,.1f}", ms(r.percentile(50)),
                     ms(r.percentile(99)), ms(cpu[key]), ms(engine_in_server[key]), r.errors))  # fmt: skip
    header = ("rpc", "server", "conc", "calls", "calls/s", "p50 ms", "p99 ms", "server CPU ms/call",
              "engine ms/article", "errors")  # fmt: skip
    figures = Figures(results, cpu, engine_in_server, concurrencies, len(articles))
    lines = [
        f"RPC load over loopback, up to {max_calls} calls or {max_seconds:g} s per row,"
        f" {len(articles)} seed articles in turn",
        table(header, rows),
        "",
        *_ratios(figures, runs, engine_times, _quotes_per_article(extractor, articles)),
        *(f"resident memory with {setup}: {', '.join(f'{mb:.0f}' for mb in sizes)} MB per process"
          for setup, sizes in memory.items()),
    ]
    return "\n".join(lines)


def _mean_engine_seconds(log_lines: list[dict]) -> float:
    """The mean ``engine_ms`` of the articles the server logged, in seconds (nan if none)."""
    times = [line["engine_ms"] for line in log_lines if "engine_ms" in line]
    return sum(times) / len(times) / 1000 if times else float("nan")


def _quotes_per_article(extractor, articles: list[qawl_pb2.Article]) -> float:
    return sum(len(extractor.extract(a.text).quotes) for a in articles) / len(articles)


@dataclass
class Figures:
    """The measured rows, keyed by (setup, rpc, concurrency)."""

    results: dict
    cpu: dict
    engine_in_server: dict
    concurrencies: tuple[int, ...]
    batch_size: int
    """Articles in one ExtractBatch call."""

    def throughput(self, setup: Setup, name: str, concurrency: int) -> float:
        return self.results[(setup, name, concurrency)].throughput

    def best(self, setup: Setup, name: str) -> tuple[float, int]:
        return max((self.throughput(setup, name, c), c) for c in self.concurrencies)


def _ratios(f: Figures, runs: list[Setup], engine_times: list[float], quotes: float) -> list[str]:
    first = f.concurrencies[0]
    engine = statistics.median(engine_times)
    lines = [f"engine timed alone in-process: {ms(engine)} ms per article (median of"
             f" {len(engine_times)} timings, before and after each server run)"]
    single = [s for s in runs if s.workers == runs[0].workers]
    for setup in single:
        noop = f.cpu[(setup, "Check (no-op)", first)]
        extract, at = f.best(setup, "Extract")
        ceiling = 1 / (engine + noop)
        logged = f.engine_in_server[(setup, "Extract", at)]
        lines.append(
            f"{setup}: best Extract {extract:,.1f} calls/s at concurrency {at}; ceiling 1/(engine"
            f" {ms(engine)} + no-op server CPU {ms(noop)} ms) = {ceiling:,.1f} calls/s:"
            f" {extract / ceiling:.0%} of it (target >= 80%); the server logged the engine at"
            f" {ms(logged)} ms per article in that row")
        extra = f.cpu[(setup, "StreamQuotes", first)] - f.cpu[(setup, "Extract", first)]
        lines.append(f"  StreamQuotes costs the server {ms(extra)} ms of CPU more per article than"
                     f" Extract: {ms(extra / quotes)} ms per streamed quote ({quotes:.1f} per article)")
        for c in f.concurrencies:
            unary = f.throughput(setup, "Extract", c)
            stream = f.throughput(setup, "StreamQuotes", c) / unary
            batch = f.throughput(setup, BATCH, c) * f.batch_size / unary
            lines.append(f"  at concurrency {c}, per article: StreamQuotes / Extract {stream:.2f},"
                         f" ExtractBatch / Extract {batch:.2f}")
    for setup in (s for s in runs if s.workers > runs[0].workers):
        best, at = f.best(setup, "Extract")
        same = next((s for s in single if bool(s.cpus) == bool(setup.cpus)), single[0])
        one, _ = f.best(same, "Extract")
        lines.append(f"Extract with {setup}: best {best:,.1f} calls/s at concurrency {at},"
                     f" {best / one:.2f}x the best of {same} (target >= 1.6x for 2 workers)")
    return lines


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(","))


def main() -> None:
    """``python -m benchmarks.rpc [--workers 1,2] [--concurrency 1,2,4,8] [--seconds S] [--no-pin]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=_ints, default=(1, 2), help="worker counts, e.g. 1,2")
    parser.add_argument("--concurrency", type=_ints, default=(1, 2, 4, 8), help="client threads")
    parser.add_argument("--calls", type=int, default=3000, help="most calls per row")
    parser.add_argument("--seconds", type=float, default=3.0, help="most seconds per row")
    parser.add_argument("--no-pin", dest="pin", action="store_false",
                        help="skip the runs with the workers held on their own CPUs")
    args = parser.parse_args()
    print(run(args.workers, args.concurrency, args.calls, args.seconds, args.pin))


if __name__ == "__main__":
    main()
