"""Paired rounds: the order of a round's steps, and the ratios the report derives from them."""

from __future__ import annotations

from benchmarks.rounds import EngineTime, Plan, Round, Run, one_round, report, spread


class Idle:
    """A stand-in server: the calls below never use the channel, and it uses no CPU."""

    target = "127.0.0.1:9"

    def cpu_seconds(self) -> float:
        return 0.0

    def spread(self) -> bool:
        return True


def recording_plan(order: list[str]) -> Plan:
    def call(name):
        def record(_channel, _number):
            if not order or order[-1] != name:
                order.append(name)
        return record

    one, two, bare = Idle(), Idle(), Idle()
    calls = {name: call(name) for name in ("Check", "Extract", "StreamQuotes", "ExtractBatch")}
    return Plan(one=one, more=[(two, 2)], bare=bare, calls=calls, concurrency=1,
                engine=lambda: order.append("engine") or EngineTime(0.004, 0.0035))


FORWARD = ["engine", "Check", "Extract", "StreamQuotes", "ExtractBatch", "Extract", "StreamQuotes"]


def test_a_round_runs_every_step_in_order_and_odd_rounds_run_backwards():
    forward: list[str] = []
    one_round(recording_plan(forward), seconds=0.02, reverse=False)
    backward: list[str] = []
    result = one_round(recording_plan(backward), seconds=0.02, reverse=True)
    # consecutive runs of the same call collapse into one entry: Extract on the larger server
    # and then on the bare one make the sixth
    assert forward == FORWARD
    assert backward == FORWARD[::-1]
    assert result.engine == EngineTime(0.004, 0.0035)
    assert result.extract.throughput > 0 and len(result.scaled) == 1


def test_spread_gives_the_median_and_the_range():
    assert spread([0.9, 0.7, 0.8]) == "0.80 (0.70-0.90)"
    assert spread([0.0012], "{:.4f}") == "0.0012 (0.0012-0.0012)"


def a_round(**changes) -> Round:
    figures = dict(engine=EngineTime(0.004, 0.0035), noop=Run(2000.0, 0.001),
                   extract=Run(160.0, 0.005), stream=Run(120.0, 0.007), batch=Run(40.0, 0.025),
                   scaled=(Run(300.0, 0.005),), bare_extract=Run(1000.0, 0.0005),
                   bare_stream=Run(800.0, 0.0015))
    figures.update(changes)
    return Round(**figures)


def test_the_report_derives_each_ratio_from_its_own_round():
    rounds = [a_round(), a_round(extract=Run(200.0, 0.005), scaled=(Run(340.0, 0.005),))]
    text = "\n".join(report(rounds, quotes=10.0, batch_size=5, first="1 worker",
                            larger=["2 workers"]))
    # ceiling: 160 * (0.004 + 0.001) = 0.80 and 200 * 0.005 = 1.00, on the sustained engine
    # time; on the median pass 160 * 0.0045 = 0.72 and 200 * 0.0045 = 0.90
    assert "Extract / ceiling 1/(engine alone + no-op server CPU): 0.90 (0.80-1.00)" in text
    assert "against the median pass: 0.81 (0.72-0.90)" in text
    assert "engine alone 4.000 (4.000-4.000) ms per article sustained (3.500 (3.500-3.500) in" in text
    # 120/160 and 120/200; batch 40*5/160 and 40*5/200
    assert "StreamQuotes / Extract per article: 0.68 (0.60-0.75)" in text
    assert "ExtractBatch / Extract per article: 1.12 (1.00-1.25)" in text
    # (0.007 - 0.005) / 10 quotes = 0.2 ms; bare (0.0015 - 0.0005) / 10 = 0.1 ms, so the
    # most a stream can reach is 0.005 / (0.005 + 0.001) = 0.83
    assert "beyond Extract: 0.200 (0.200-0.200) ms" in text
    assert "replaying the same bytes: 0.100 (0.100-0.100) ms" in text
    assert "can reach 0.83 (0.83-0.83)" in text
    # 300/160 = 1.875 and 340/200 = 1.70
    assert "Extract with 2 workers / 1 worker: 1.79 (1.70-1.88)x" in text
    assert "failed" not in text and "dialled again" not in text


def test_the_report_says_when_calls_failed():
    rounds = [a_round(), a_round(bare_stream=Run(800.0, 0.0015, errors=3),
                                 scaled=(Run(300.0, 0.005, errors=1),))]
    text = "\n".join(report(rounds, quotes=10.0, batch_size=5, first="1 worker", larger=[]))
    assert "WARNING: 4 calls failed in the rounds" in text


def test_the_report_says_when_connections_were_dialled_again():
    rounds = [a_round(scaled=(Run(300.0, 0.005, redials=2),)),
              a_round(scaled=(Run(300.0, 0.005, redials=1),))]
    text = "\n".join(report(rounds, quotes=10.0, batch_size=5, first="1 worker", larger=["2 workers"]))
    assert "left a worker without a connection in 2 runs" in text and "(3 times)" in text
