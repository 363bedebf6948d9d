"""Reach a qawl server: the one named by ``--server``, or one started in-process.

Either way the caller gets a ``QawlClient`` speaking real gRPC, so the CLI behaves the same
against a remote server and against its embedded one.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qawl.client.api import QawlClient


@contextmanager
def connect(server: str | None, timeout: float | None, **options) -> Iterator[QawlClient]:
    """A client for ``server`` (host:port), or for an embedded server when it is None.

    ``options`` (token, tls, tls_ca, tls_cert, tls_key) apply to a named server only; the
    embedded one listens on a Unix domain socket only its user can reach, in plaintext
    without auth.
    """
    with connect_many(server, timeout, 1, **options) as (client,):
        yield client


@contextmanager
def connect_many(server: str | None, timeout: float | None, count: int,
                 **options) -> Iterator[list[QawlClient]]:
    """``count`` clients as ``connect`` makes them; with more than one, each has its own TCP
    connection, so a server's ``--workers`` processes can share the load."""
    with _target(server, options) as (target, channel_options):
        clients = [QawlClient(target, timeout=timeout, own_connection=count > 1, **channel_options)
                   for _ in range(count)]
        try:
            yield clients
        finally:
            for client in clients:
                client.close()


@contextmanager
def _target(server: str | None, options: dict) -> Iterator[tuple[str, dict]]:
    if server:
        yield server, options
        return
    from qawl.client.embedded import embedded_server  # loads the engine only when it is needed

    with embedded_server() as target:
        yield target, {}


def option_problem(args: argparse.Namespace) -> str | None:
    """Why the command line's token and TLS settings cannot work, or None when they can.

    Checked before gRPC sees them: its C core aborts the whole process on a client certificate
    without its key. The pair goes together, as for the server, and every file must exist.
    """
    if bool(getattr(args, "tls_cert", None)) != bool(getattr(args, "tls_key", None)):
        return "--tls-cert and --tls-key go together"
    for flag in ("tls_ca", "tls_cert", "tls_key", "token_file"):
        path = getattr(args, flag, None)
        if path and not Path(path).is_file():
            return f"--{flag.replace('_', '-')} {path}: no such file"
    return None


def client_options(args: argparse.Namespace) -> dict:
    """The token and TLS settings of the command line, as ``connect`` takes them."""
    token = os.environ.get("QAWL_TOKEN")
    if args.token_file:
        token = Path(args.token_file).read_text(encoding="utf-8").strip()
    return {"token": token, "tls": args.tls, "tls_ca": args.tls_ca,
            "tls_cert": args.tls_cert, "tls_key": args.tls_key}
