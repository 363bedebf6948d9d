"""One port, one server: a second server on a port already served refuses to start."""

from __future__ import annotations

import socket

import grpc
import pytest

from qawl.client.api import QawlClient, article
from qawl.server.ports import PortInUse, claim_port
from tests.server.running import ServerProcess

TEXT = 'قال الوزير إن "الاتفاق نهائي".'


def _refused(*args: str) -> tuple[int, list[str]]:
    """Start a server expected to refuse; its exit status and its stderr lines."""
    with ServerProcess(*args) as second:
        status = second.process.wait(timeout=60)
        second._reader.join(10)
        return status, second.lines


def test_a_second_server_on_a_served_port_refuses_and_calls_keep_their_auth(tmp_path):
    tokens = tmp_path / "tokens"
    tokens.write_text("s3cret\n")
    with ServerProcess("--address", "127.0.0.1:0", "--auth-token-file", str(tokens)) as first:
        port = first.wait_for_msg("serving")["port"]
        status, lines = _refused("--address", f"127.0.0.1:{port}")
        assert status == 1
        assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "already" in lines[0]
        for _ in range(20):  # each call over a new connection: none reaches a server without auth
            with QawlClient(f"127.0.0.1:{port}", timeout=10, own_connection=True) as client, \
                    pytest.raises(grpc.RpcError) as caught:
                client.extract(article(TEXT))
            assert caught.value.code() is grpc.StatusCode.UNAUTHENTICATED
        assert first.stop() == 0


def test_servers_with_workers_refuse_a_served_port_and_are_refused_in_turn():
    with ServerProcess("--address", "127.0.0.1:0", "--workers", "2") as first:
        port = first.wait_for_msg("serving with workers")["port"]
        for args in ((), ("--workers", "2")):
            status, lines = _refused("--address", f"127.0.0.1:{port}", *args)
            assert status == 1 and len(lines) == 1 and "already served by another qawl server" in lines[0]
            assert f"(pid {first.pid})" in lines[0]
        assert first.stop() == 0


def test_a_port_another_program_listens_on_is_refused_even_with_so_reuseport():
    with socket.socket() as other:
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)  # as gRPC servers do
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        for args in ((), ("--workers", "2")):
            status, lines = _refused("--address", f"127.0.0.1:{port}", *args)
            assert status == 1 and lines == [f"qawl-server: error: 127.0.0.1:{port} is already in use: "
                                             "another server listens there"]


def test_a_claim_keeps_other_qawl_servers_out_before_anything_listens():
    with claim_port("127.0.0.1:0") as port:
        with pytest.raises(PortInUse, match=f"127.0.0.1:{port} is already served"):
            with claim_port(f"127.0.0.1:{port}"):
                pass
        with pytest.raises(PortInUse):
            with claim_port(f"[::]:{port}"):
                pass
    with claim_port(f"127.0.0.1:{port}") as again:  # released with the block
        assert again == port


def test_a_claim_leaves_the_port_to_the_servers_own_workers():
    with claim_port("127.0.0.1:0") as port:
        workers = [socket.socket() for _ in range(2)]
        try:
            for worker in workers:  # what gRPC does in each --workers process
                worker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                worker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                worker.bind(("127.0.0.1", port))
                worker.listen()
        finally:
            for worker in workers:
                worker.close()


def test_a_port_in_use_by_a_listener_without_reuseport_is_refused():
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        with pytest.raises(PortInUse, match="already in use"):
            with claim_port(f"127.0.0.1:{other.getsockname()[1]}"):
                pass


def test_of_two_servers_started_at_once_on_one_port_exactly_one_serves():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = ("--address", f"127.0.0.1:{port}", "--workers", "2", "--grace-seconds", "1")
    with ServerProcess(*args) as first, ServerProcess(*args) as second:
        # each claims the port at once, but its workers take a second or two to listen
        refused = [s for s in (first, second) if _exits_within(s, 60)]
        assert len(refused) == 1 and refused[0].process.returncode == 1
        assert "already served by another qawl server" in refused[0].lines[-1]
        serving = second if refused[0] is first else first
        assert serving.wait_for_msg("serving with workers")["port"] == port
        assert serving.stop() == 0


def _exits_within(server: ServerProcess, seconds: float) -> bool:
    """Whether ``server`` exits before it logs that it serves (within ``seconds``)."""
    try:
        server.wait_for(lambda e: e["msg"] == "serving with workers", seconds)
    except AssertionError:
        server.process.wait(10)
        return True
    return False
