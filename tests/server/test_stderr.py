"""A serving process's stderr is JSON lines only, gRPC's C-core lines included."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from qawl.server.stderr import log_line
from tests.server.running import ServerProcess

CERTS = Path(__file__).parent / "certs"
HANDSHAKE = ("I1203 15:32:10.847969   21427 ssl_transport_security.cc:2563] Handshake failed with "
             "error SSL_ERROR_SSL: error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER")


def test_a_c_core_line_keeps_its_level_and_source_and_anything_else_is_a_warning(caplog):
    caplog.set_level(logging.DEBUG, logger="qawl.server")
    log_line(HANDSHAKE)
    log_line("Traceback (most recent call last):")
    core, other = caplog.records[-2:]
    assert (core.name, core.levelname, core.fields["source"]) == (
        "qawl.server.grpc", "INFO", "ssl_transport_security.cc:2563")
    assert core.getMessage().startswith("Handshake failed with error SSL_ERROR_SSL")
    assert (other.name, other.levelname, other.getMessage()) == (
        "qawl.server.stderr", "WARNING", "Traceback (most recent call last):")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_plaintext_client_of_a_tls_server_leaves_only_json_lines(workers):
    with ServerProcess("--address", "127.0.0.1:0", "--workers", workers, "--grace-seconds", "1",
                       "--tls-cert", str(CERTS / "server.pem"),
                       "--tls-key", str(CERTS / "server.key")) as server:
        started = server.wait_for(lambda e: e["msg"] in ("serving", "serving with workers")
                                  and e.get("workers", 1) == int(workers))
        for _ in range(3):
            with grpc.insecure_channel(f"127.0.0.1:{started['port']}",
                                       options=[("grpc.use_local_subchannel_pool", 1)]) as channel, \
                    pytest.raises(grpc.RpcError) as caught:
                health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=3)
            assert caught.value.code() is grpc.StatusCode.UNAVAILABLE
        server.wait_for(lambda e: e["logger"] == "qawl.server.grpc" and "Handshake failed" in e["msg"])
        assert server.stop() == 0
    for line in server.lines:
        assert isinstance(json.loads(line), dict), line
