"""Load over loopback: concurrent clients with zero errors, and memory that stays flat."""

from __future__ import annotations

import pytest

from qawl.v1 import qawl_pb2
from qawl.server.app import start
from qawl.server.config import ServerConfig
from tests.server.load import memory_growth, run_load

CLIENTS, REQUESTS = 8, 25
MEMORY_REQUESTS = 10_000
MEMORY_BOUND_MIB = 20.0
"""Resident-memory growth allowed over MEMORY_REQUESTS requests after warm-up."""

NAMES = ["أحمد سالم", "ليلى حداد", "وزارة الخارجية", "المتحدث باسم الجيش", "مصدر أمني", "البيان"]


@pytest.fixture(scope="module")
def load_target(shared_extractor):
    running = start(ServerConfig(address="127.0.0.1:0", threads=CLIENTS), shared_extractor)
    yield f"127.0.0.1:{running.port}"
    running.stop(None)


def test_concurrent_clients_get_every_answer_with_a_bounded_p99(load_target):
    result = run_load(load_target, CLIENTS, REQUESTS)
    print(f"\n{CLIENTS} clients x {REQUESTS} requests: {result.ok} ok, errors {result.errors}, "
          f"p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, {result.per_second:.0f}/s")
    assert result.errors == {}
    assert result.ok == CLIENTS * REQUESTS
    assert result.p99_ms < 5_000


def test_memory_stays_flat_over_ten_thousand_requests(load_target):
    articles = [qawl_pb2.Article(id=str(i), text=f'قال {NAMES[i % len(NAMES)]} إن "الجولة {i} انتهت".')
                for i in range(200)]
    before, after = memory_growth(load_target, MEMORY_REQUESTS, warmup=1_000, articles=articles)
    print(f"\nresident memory {before:.1f} MiB -> {after:.1f} MiB over {MEMORY_REQUESTS} requests")
    assert after - before < MEMORY_BOUND_MIB
