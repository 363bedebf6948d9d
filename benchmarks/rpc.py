"""RPC throughput and latency over loopback: Extract and StreamQuotes next to a no-op call.

For each worker count, a real server process (``python -m server --workers N``) is loaded
by closed-loop client threads at several concurrencies with Extract, StreamQuotes and the
standard health Check (the no-op: same server, same transport, no work), cycling through the
seed articles. Then it prints the ratios the figures are judged by:

- Extract throughput in one process against the ceiling 1 / (engine time per article + the
  no-op call's server time) (target >= 80%). The no-op's server time is the server's CPU time
  per Check call. The engine time is given twice: timed alone in this process, and as the
  server's own log lines report it (``engine_ms``) during the Extract row at concurrency 1.
  The two differ when the engine runs slower inside the loaded server than alone (other
  threads and processes waking on the same machine); the second ceiling holds the engine
  time fixed and so measures what serving itself costs;
- StreamQuotes, and ExtractBatch per article, against Extract (a stream should keep up);
- the best Extract throughput with N workers against one worker (target >= 1.6x for 2);
- resident memory per worker.

Server CPU per call (read from ``/proc``, warm-up calls included) holds steadier than
throughput when other work shares the machine.
"""

from __future__ import annotations

import argparse
import statistics

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


def run(
    workers: tuple[int, ...] = (1, 2),
    concurrencies: tuple[int, ...] = (1, 2, 4, 8),
    max_calls: int = 3000,
    max_seconds: float = 3.0,
) -> str:
    """Load a server for each worker count and return the printed report."""
    texts = seed_texts()
    articles = [qawl_pb2.Article(id=name, text=text) for name, text in texts.items()]
    calls = rpc_calls(articles)
    extractor = Extractor()
    # timed before and after every server run, so a slow or fast spell of a shared machine
    # weighs on both sides of the ratio
    engine_times = [engine_seconds_per_article(extractor, list(texts.values()))]
    results: dict[tuple[int, str, int], LoadResult] = {}
    memory: dict[int, list[float]] = {}
    cpu: dict[tuple[int, str, int], float] = {}
    engine_in_server: dict[tuple[int, str, int], float] = {}
    for count in workers:
        with ServerProcess(workers=count) as server:
            for name, call in calls.items():
                for concurrency in concurrencies:
                    cpu_before, mark = server.cpu_seconds(), server.log_size()
                    result = run_load(
                        server.target, call, concurrency, max_calls, max_seconds, WARMUP_CALLS
                    )
                    key = (count, name, concurrency)
                    results[key] = result
                    served = result.calls + result.errors + WARMUP_CALLS * concurrency
                    cpu[key] = (server.cpu_seconds() - cpu_before) / served
                    engine_in_server[key] = _mean_engine_seconds(server.log_lines_since(mark))
            memory[count] = server.rss_mb()
        engine_times.append(engine_seconds_per_article(extractor, list(texts.values())))
    rows = []
    for (count, name, concurrency), r in results.items():
        key = (count, name, concurrency)
        rows.append((name, count, concurrency, r.calls, f"{r.throughput:,.1f}", ms(r.percentile(50)),
                     ms(r.percentile(99)), ms(cpu[key]), ms(engine_in_server[key]), r.errors))  # fmt: skip
    header = ("rpc", "workers", "conc", "calls", "calls/s", "p50 ms", "p99 ms", "server CPU ms/call",
              "engine ms/article", "errors")  # fmt: skip
    lines = [
        f"RPC load over loopback, up to {max_calls} calls or {max_seconds:g} s per row,"
        f" {len(articles)} seed articles in turn",
        table(header, rows),
        "",
        *_ratios(results, memory, cpu, engine_times, engine_in_server, workers, concurrencies,
                 articles),
    ]
    return "\n".join(lines)


def _mean_engine_seconds(log_lines: list[dict]) -> float:
    """The mean ``engine_ms`` of the articles the server logged, in seconds (nan if none)."""
    times = [line["engine_ms"] for line in log_lines if "engine_ms" in line]
    return sum(times) / len(times) / 1000 if times else float("nan")


def _best(results, count: int, name: str, concurrencies) -> tuple[float, int]:
    return max((results[(count, name, c)].throughput, c) for c in concurrencies)


def _extract_all(articles: list[qawl_pb2.Article]) -> list[qawl_pb2.ExtractResponse]:
    """Each article's ExtractResponse, from an in-process servicer (to count quotes)."""
    from server.convert import extraction_to_proto

    extractor = Extractor()
    return [extraction_to_proto(extractor.extract(a.text), a.text, a.id) for a in articles]


def _ratios(results, memory, cpu, engine_times: list[float], engine_in_server, workers,
            concurrencies, articles: list[qawl_pb2.Article]) -> list[str]:
    batch_size = len(articles)
    one, first = workers[0], concurrencies[0]
    engine = statistics.median(engine_times)
    noop = cpu[(one, "Check (no-op)", first)]
    served_engine = engine_in_server[(one, "Extract", first)]
    extract, at = _best(results, one, "Extract", concurrencies)
    lines = [f"no-op server time: {ms(noop)} ms CPU per Check call"]
    alone = f"timed alone in-process (median of {len(engine_times)} timings)"
    for label, seconds in ((alone, engine), (f"inside the server at concurrency {first}", served_engine)):
        ceiling = 1 / (seconds + noop)
        lines.append(
            f"engine {label}: {ms(seconds)} ms per article; ceiling 1/(engine + no-op) ="
            f" {ceiling:,.1f} calls/s; Extract with {one} worker, best {extract:,.1f} calls/s at"
            f" concurrency {at}: {extract / ceiling:.0%} of it (target >= 80%)")
    quotes = sum(len(response.quotes) for response in _extract_all(articles)) / len(articles)
    extra = cpu[(one, "StreamQuotes", first)] - cpu[(one, "Extract", first)]
    lines.append(f"StreamQuotes costs the server {ms(extra)} ms of CPU more per article than Extract,"
                 f" {ms(extra / quotes)} ms per streamed quote ({quotes:.1f} quotes per article)")
    for c in concurrencies:
        stream = results[(one, "StreamQuotes", c)].throughput
        single = results[(one, "Extract", c)].throughput
        batch = results[(one, BATCH, c)].throughput * batch_size
        lines.append(f"at concurrency {c}, per article: StreamQuotes / Extract {stream / single:.2f},"
                     f" ExtractBatch / Extract {batch / single:.2f}")
    for count in workers[1:]:
        best, at_n = _best(results, count, "Extract", concurrencies)
        lines.append(
            f"Extract with {count} workers: best {best:,.1f} calls/s at concurrency {at_n},"
            f" {best / extract:.2f}x one worker's best"
        )
    for count, sizes in memory.items():
        shown = ", ".join(f"{mb:.0f}" for mb in sizes)
        lines.append(f"resident memory with {count} worker(s): {shown} MB per worker process")
    return lines


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(","))


def main() -> None:
    """``python -m benchmarks.rpc [--workers 1,2] [--concurrency 1,2,4,8] [--seconds S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=_ints, default=(1, 2), help="worker counts, e.g. 1,2")
    parser.add_argument("--concurrency", type=_ints, default=(1, 2, 4, 8), help="client threads")
    parser.add_argument("--calls", type=int, default=3000, help="most calls per row")
    parser.add_argument("--seconds", type=float, default=3.0, help="most seconds per row")
    args = parser.parse_args()
    print(run(args.workers, args.concurrency, args.calls, args.seconds))


if __name__ == "__main__":
    main()
