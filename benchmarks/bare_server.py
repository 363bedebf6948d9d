"""The transport floor: a bare gRPC server that replays canned answers to the same requests.

It serves qawl's method names over the same grpc.aio server as qawl's, but parses nothing and
runs no engine: each request's bytes look up the answer bytes the real server gave them
(Extract's whole response, or StreamQuotes' messages one by one). What it costs per call and
per streamed message is what grpc-python itself costs for the same bytes in and out, the part
of the RPC figures no servicer can remove.

Run as ``python -m benchmarks.bare_server ANSWERS`` (a pickle written by ``write_answers``); it
prints its port on the first line of stdout and serves until terminated.
"""

from __future__ import annotations

import asyncio
import pickle
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import grpc

from benchmarks.serverproc import REPO, cpu_seconds
from qawl.v1 import qawl_pb2

SERVICE = qawl_pb2.DESCRIPTOR.services_by_name["ExtractionService"].full_name


def write_answers(path: Path, unary: Mapping[bytes, bytes], stream: Mapping[bytes, Sequence[bytes]]) -> None:
    """Store the answers to replay: request bytes -> Extract response, and -> streamed messages."""
    path.write_bytes(pickle.dumps({"unary": dict(unary), "stream": {k: list(v) for k, v in stream.items()}}))


def handler(answers: dict) -> grpc.GenericRpcHandler:
    """Extract and StreamQuotes, answering each known request with its canned bytes."""
    unary, stream = answers["unary"], answers["stream"]

    async def extract(request: bytes, _context) -> bytes:
        return unary[request]

    async def stream_quotes(request: bytes, context: grpc.aio.ServicerContext) -> None:
        for message in stream[request]:  # written one by one, as qawl's StreamQuotes does
            await context.write(message)

    return grpc.method_handlers_generic_handler(SERVICE, {
        "Extract": grpc.unary_unary_rpc_method_handler(extract),
        "StreamQuotes": grpc.unary_stream_rpc_method_handler(stream_quotes),
    })


class BareServer:
    """``python -m benchmarks.bare_server`` in a child process, used as a context manager."""

    def __init__(self, answers: Path) -> None:
        self.answers = answers
        self.port = 0
        self._process: subprocess.Popen | None = None

    @property
    def target(self) -> str:
        """Where clients connect."""
        return f"127.0.0.1:{self.port}"

    def __enter__(self) -> BareServer:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.bare_server", str(self.answers)],
            cwd=REPO, stdout=subprocess.PIPE, text=True)
        line = self._process.stdout.readline()
        if not line.strip().isdigit():
            self._process.kill()
            raise RuntimeError(f"bare server did not start: {line!r}")
        self.port = int(line)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._process.terminate()
        self._process.wait(timeout=30)
        self._process.stdout.close()

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server has used so far, in seconds."""
        return cpu_seconds([self._process.pid])

    def spread(self) -> bool:
        """Always true: the bare server is one process."""
        return True


async def serve(answers: dict) -> None:
    """Serve ``answers`` on a free loopback port until terminated, printing the port first."""
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((handler(answers),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    print(port, flush=True)
    await server.wait_for_termination()


def main() -> None:
    """Serve the answers in ``sys.argv[1]``."""
    asyncio.run(serve(pickle.loads(Path(sys.argv[1]).read_bytes())))


if __name__ == "__main__":
    main()
