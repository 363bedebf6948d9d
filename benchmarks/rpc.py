"""RPC throughput and latency over loopback: Extract and StreamQuotes next to a no-op call.

First a table: for each worker count, unpinned and held on its own CPUs (``--cpus``), a real
server process (``python -m server --workers N``) is loaded by closed-loop client threads at
several concurrencies with Extract, StreamQuotes, ExtractBatch and the standard health Check
(the no-op: same server, same transport, no work), cycling through the seed articles. Each row
gives throughput, p50/p99 latency, the server's CPU per call (read from ``/proc``, warm-up calls
included) and the engine time the server's own log lines report (``engine_ms``): when that is
above the engine timed alone, the engine itself runs slower inside the loaded server (a
process moving between cores, other processes on the same machine, or, as it was before the
server extracted short articles on its event loop, a thread woken for each call), not the
serving around it.

Then the judged ratios, from paired rounds (``benchmarks.rounds``) on unpinned servers, each
loaded at the concurrency of its best Extract row:

- Extract throughput in one process against the ceiling 1 / (engine time per article + the
  no-op call's server time) (target >= 80%): the engine's sustained time per article alone in
  this process (the median pass beside it), the no-op's server time as the server's CPU time
  per Check call;
- StreamQuotes, and ExtractBatch per article, against Extract (a stream should keep up), with
  the server CPU a streamed quote costs next to what grpc itself costs per streamed
  message (``benchmarks.bare_server`` replaying the same bytes);
- Extract with N workers against one worker (target >= 1.6x for 2);

and resident memory per worker.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import weakref
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from benchmarks.bare_server import BareServer, write_answers
from benchmarks.load import Call, LoadResult, run_load
from benchmarks.rounds import EngineTime, Plan, Round, report, run_rounds
from benchmarks.serverproc import ServerProcess
from benchmarks.texts import seed_texts
from benchmarks.timing import measure, ms, one_core, table
from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.engine import Extractor
from qawl.server.service import SERVICE_NAME

RPC_TIMEOUT = 60.0
"""Seconds any one benchmark call may take before it counts as an error."""
NOOP, EXTRACT, STREAM = "Check (no-op)", "Extract", "StreamQuotes"
BATCH = "ExtractBatch"
"""One ExtractBatch call streams every seed article; its rows count calls, not articles."""
WARMUP_CALLS = 2
"""Untimed calls per client thread before each row, to open connections and warm caches."""

T = TypeVar("T")


@dataclass(frozen=True)
class Requests:
    """Each article's request for every call under test, built once, so a call only sends one."""

    extract: list[qawl_pb2.ExtractRequest]
    stream: list[qawl_pb2.StreamQuotesRequest]
    batch: list[qawl_pb2.ExtractBatchRequest]

    @classmethod
    def of(cls, articles: list[qawl_pb2.Article]) -> Requests:
        return cls([qawl_pb2.ExtractRequest(article=a) for a in articles],
                   [qawl_pb2.StreamQuotesRequest(article=a) for a in articles],
                   [qawl_pb2.ExtractBatchRequest(article=a) for a in articles])


def rpc_calls(requests: Requests) -> dict[str, Call]:
    """The calls under test, each cycling through the articles (ExtractBatch sends them all).

    Each channel's stubs are built once, on its first call, so a call costs the client no
    more than the call itself: the client shares the machine's cores with the server.
    """
    check = health_pb2.HealthCheckRequest()
    health_stubs = _per_channel(health_pb2_grpc.HealthStub)
    stubs = _per_channel(qawl_pb2_grpc.ExtractionServiceStub)

    def noop(channel, _number):
        return health_stubs(channel).Check(check, timeout=RPC_TIMEOUT)

    def extract(channel, number):
        request = requests.extract[number % len(requests.extract)]
        return stubs(channel).Extract(request, timeout=RPC_TIMEOUT)

    def stream(channel, number):
        request = requests.stream[number % len(requests.stream)]
        return list(stubs(channel).StreamQuotes(request, timeout=RPC_TIMEOUT))

    def batch(channel, _number):
        return list(stubs(channel).ExtractBatch(iter(requests.batch), timeout=RPC_TIMEOUT))

    return {NOOP: noop, EXTRACT: extract, STREAM: stream, BATCH: batch}


def _per_channel(make_stub: Callable[[grpc.Channel], T]) -> Callable[[grpc.Channel], T]:
    """``make_stub(channel)``, built once per channel and forgotten with the channel."""
    made: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def stub(channel: grpc.Channel) -> T:
        found = made.get(channel)
        if found is None:
            found = made[channel] = make_stub(channel)
        return found

    return stub


def engine_time_per_article(extractor, texts: list[str], budget: float = 2.0) -> EngineTime:
    """The in-process engine's time per article, over passes through all ``texts``.

    Sustained is the mean over the passes: the time per article at which the engine alone
    keeps up, and so what a server's ceiling rests on. The median pass, which leaves out the
    slow passes (a garbage collection, a hiccup of the machine), is given beside it. The
    articles are taken in turn, as the server gets them: repeating one text would let spaCy's
    token cache serve it whole, which no server sees. Pinned to one core, as in the engine
    benchmark.
    """

    def one_pass():
        for text in texts:
            extractor.extract(text)

    with one_core():
        timing = measure(one_pass, 20, budget)
    return EngineTime(timing.mean / len(texts), timing.median / len(texts))


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
    max_seconds: float = 2.0,
    pin: bool = True,
    rounds: int = 6,
    round_seconds: float = 2.0,
) -> str:
    """Load a server for each setup, then run the paired rounds; return the printed report."""
    texts = seed_texts()
    articles = [qawl_pb2.Article(id=name, text=text) for name, text in texts.items()]
    requests = Requests.of(articles)
    calls = rpc_calls(requests)
    extractor = Extractor()
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
                    result = run_load(server.target, call, concurrency, max_calls, max_seconds,
                                      WARMUP_CALLS, server.spread)
                    key = (setup, name, concurrency)
                    results[key] = result
                    served = result.calls + result.errors + WARMUP_CALLS * concurrency * (1 + result.redials)
                    cpu[key] = (server.cpu_seconds() - cpu_before) / served
                    engine_in_server[key] = _mean_engine_seconds(server.log_lines_since(mark))
            memory[setup] = server.rss_mb()
    rows = []
    for key, r in results.items():
        setup, name, concurrency = key
        rows.append((name, str(setup), concurrency, r.calls, f"{r.throughput:,.1f}", ms(r.percentile(50)),
                     ms(r.percentile(99)), ms(cpu[key]), ms(engine_in_server[key]), r.errors))  # fmt: skip
    header = ("rpc", "server", "conc", "calls", "calls/s", "p50 ms", "p99 ms", "server CPU ms/call",
              "engine ms/article", "errors")  # fmt: skip
    best = {setup: max((r.throughput, c) for (s, name, c), r in results.items()
                       if s == setup and name == EXTRACT) for setup in runs}  # fmt: skip
    measured = _paired_rounds(workers, best, requests, calls, texts, extractor, rounds, round_seconds)
    quotes = _quotes_per_article(extractor, articles)
    lines = [
        f"RPC load over loopback, up to {max_calls} calls or {max_seconds:g} s per row,"
        f" {len(articles)} seed articles in turn",
        table(header, rows),
        *_redial_note(results.values()),
        "",
        *_best_rows(runs, best, engine_in_server, statistics.median(r.engine.sustained for r in measured)),
        *report(measured, quotes, len(articles), str(Setup(workers[0])),
                [str(Setup(n)) for n in workers[1:]]),
        *(f"resident memory with {setup}: {', '.join(f'{mb:.0f}' for mb in sizes)} MB per process"
          for setup, sizes in memory.items()),
    ]
    return "\n".join(lines)


def _paired_rounds(workers, best, requests, calls, texts, extractor, rounds, seconds) -> list[Round]:
    """Start an unpinned server per worker count and the bare transport, and run the rounds.

    Each server is loaded at the concurrency its best Extract row had; the servers not under
    load sit idle.
    """
    with ExitStack() as stack:
        servers = [stack.enter_context(ServerProcess(workers=n)) for n in workers]
        answers = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "answers.pickle"
        write_answers(answers, *_answers(servers[0].target, requests))
        plan = Plan(
            one=servers[0],
            more=[(server, best[Setup(n)][1]) for server, n in zip(servers[1:], workers[1:])],
            bare=stack.enter_context(BareServer(answers)),
            calls={"Check": calls[NOOP], "Extract": calls[EXTRACT], "StreamQuotes": calls[STREAM],
                   "ExtractBatch": calls[BATCH]},
            concurrency=best[Setup(workers[0])][1],
            engine=lambda: engine_time_per_article(extractor, list(texts.values()), seconds / 2),
        )
        return run_rounds(plan, rounds, seconds)


def _answers(target: str, requests: Requests) -> tuple[dict, dict]:
    """What the server answers each Extract and StreamQuotes request, as bytes."""
    with grpc.insecure_channel(target) as channel:
        extract = channel.unary_unary(f"/{SERVICE_NAME}/Extract")
        quotes = channel.unary_stream(f"/{SERVICE_NAME}/StreamQuotes")
        unary = {key: extract(key, timeout=RPC_TIMEOUT)
                 for key in (r.SerializeToString() for r in requests.extract)}
        stream = {key: list(quotes(key, timeout=RPC_TIMEOUT))
                  for key in (r.SerializeToString() for r in requests.stream)}
    return unary, stream


def _best_rows(runs: list[Setup], best: dict, engine_in_server: dict, engine: float) -> list[str]:
    """Each setup's best Extract row, with the engine time its server logged there."""
    lines = []
    for setup in runs:
        throughput, at = best[setup]
        lines.append(f"{setup}: best Extract {throughput:,.1f} calls/s at concurrency {at}; the"
                     f" server logged the engine at {ms(engine_in_server[(setup, EXTRACT, at)])} ms"
                     f" per article there (engine alone: {ms(engine)} ms)")
    return lines


def _redial_note(results) -> list[str]:
    """A line saying how many rows had their connections dialled again, if any did."""
    redialled = [r.redials for r in results if r.redials]
    if not redialled:
        return []
    return [f"the kernel left a worker without a connection in {len(redialled)} rows; their"
            f" connections were dialled again ({sum(redialled)} times)"]


def _mean_engine_seconds(log_lines: list[dict]) -> float:
    """The mean ``engine_ms`` of the articles the server logged, in seconds (nan if none)."""
    times = [line["engine_ms"] for line in log_lines if "engine_ms" in line]
    return sum(times) / len(times) / 1000 if times else float("nan")


def _quotes_per_article(extractor, articles: list[qawl_pb2.Article]) -> float:
    return sum(len(extractor.extract(a.text).quotes) for a in articles) / len(articles)


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(","))


def main() -> None:
    """``python -m benchmarks.rpc [--workers 1,2] [--concurrency 1,2,4,8] [--seconds S] [--rounds R]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=_ints, default=(1, 2), help="worker counts, e.g. 1,2")
    parser.add_argument("--concurrency", type=_ints, default=(1, 2, 4, 8), help="client threads")
    parser.add_argument("--calls", type=int, default=3000, help="most calls per row")
    parser.add_argument("--seconds", type=float, default=2.0, help="most seconds per row")
    parser.add_argument("--no-pin", dest="pin", action="store_false",
                        help="skip the rows with the workers held on their own CPUs")
    parser.add_argument("--rounds", type=int, default=6, help="paired rounds for the ratios")
    parser.add_argument("--round-seconds", type=float, default=2.0,
                        help="seconds per load run in a round")
    args = parser.parse_args()
    print(run(args.workers, args.concurrency, args.calls, args.seconds, args.pin, args.rounds,
              args.round_seconds))


if __name__ == "__main__":
    main()
