"""Fixtures shared by the server and client tests: one engine, one loopback server."""

from __future__ import annotations

from pathlib import Path

import grpc
import pytest

from qawl.v1 import qawl_pb2_grpc
from qawl.server.app import RunningServer, start
from qawl.server.config import ServerConfig
from qawl.engine import Extractor

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))

TEST_MAX_ARTICLE_CHARS = 20_000
TEST_MAX_MESSAGE_BYTES = 1024 * 1024


@pytest.fixture(scope="session")
def shared_extractor() -> Extractor:
    """One engine for every test server (loading the rules takes a moment)."""
    return Extractor()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The seed articles by file name, read exactly as the CLI reads them."""
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS}


@pytest.fixture(scope="module")
def qawl_server(shared_extractor) -> RunningServer:
    """A server on a free loopback port, with small limits so tests can exceed them cheaply."""
    config = ServerConfig(address="127.0.0.1:0", threads=8,
                          max_article_chars=TEST_MAX_ARTICLE_CHARS,
                          max_message_bytes=TEST_MAX_MESSAGE_BYTES)
    running = start(config, shared_extractor)
    yield running
    running.stop(grace=None)


@pytest.fixture(scope="module")
def target(qawl_server) -> str:
    """``host:port`` of the test server."""
    return f"127.0.0.1:{qawl_server.port}"


@pytest.fixture
def channel(target):
    """An insecure channel to the test server."""
    with grpc.insecure_channel(target) as chan:
        yield chan


@pytest.fixture
def stub(channel) -> qawl_pb2_grpc.ExtractionServiceStub:
    """The generated ExtractionService stub on the test channel."""
    return qawl_pb2_grpc.ExtractionServiceStub(channel)
