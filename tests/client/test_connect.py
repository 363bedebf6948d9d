"""Connections the CLI opens: several clients spread over several TCP connections."""

from __future__ import annotations

from concurrent import futures

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from qawl.client.api import QawlClient
from qawl.client.connect import connect_many


class _PeerRecorder(health_pb2_grpc.HealthServicer):
    """A health service that remembers the address of every caller."""

    def __init__(self) -> None:
        self.peers: set[str] = set()

    def Check(self, request, context):
        self.peers.add(context.peer())
        return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)


@pytest.fixture
def recorder():
    servicer = _PeerRecorder()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}", servicer
    server.stop(grace=None)


def test_connect_many_opens_a_connection_per_client(recorder):
    target, servicer = recorder
    with connect_many(target, 5, 3) as clients:
        for client in clients:
            assert client.health() == "SERVING"
    assert len(servicer.peers) == 3


def test_plain_clients_share_one_connection(recorder):
    target, servicer = recorder
    clients = [QawlClient(target, timeout=5) for _ in range(3)]
    for client in clients:
        assert client.health() == "SERVING"
    for client in clients:
        client.close()
    assert len(servicer.peers) == 1
