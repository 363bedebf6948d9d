"""The server's settings: where it listens, the limits it enforces, and who may call it.

Each setting comes from a command-line flag, else a ``QAWL_*`` environment variable, else the
default here; the README's "Running the server" table states the same defaults. A value that
does not parse or is out of range is refused in one line naming the flag or the variable it
came from (``qawl-server: error: ...``, exit status 2, as argparse does), never a traceback.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from dataclasses import dataclass

from qawl.server.affinity import check_cpus, parse_cpus

MIB = 1024 * 1024
MAX_MESSAGE_BYTES = 2**31 - 1
"""The largest message limit gRPC takes (its channel arguments are C ints)."""
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True)
class ServerConfig:
    """Everything ``serve()`` needs to start a server."""

    address: str = "[::]:50051"
    threads: int = 16
    """Threads extracting articles longer than ``inline_chars``."""
    inline_chars: int = 20_000
    """Articles up to this many code points are extracted on the event loop itself; 0: none."""
    workers: int = 1
    """Server processes sharing the port (SO_REUSEPORT); one per core uses every core."""
    cpus: tuple[int, ...] = ()
    """CPUs to run on (worker k on the k-th, round robin); empty leaves placement to the kernel."""
    max_concurrent_rpcs: int = 0
    """Extraction RPCs in flight at once; more get RESOURCE_EXHAUSTED. 0 means ``threads``."""
    max_message_bytes: int = 16 * MIB
    """Largest request or response message, in bytes; larger ones get RESOURCE_EXHAUSTED."""
    max_article_chars: int = 1_000_000
    """Longest Article.text, in code points; longer ones get INVALID_ARGUMENT."""
    grace_seconds: float = 10.0
    """How long in-flight calls may run on after SIGTERM/SIGINT."""
    max_worker_restarts: int = 5
    """With ``workers`` > 1: dead workers replaced within a minute before the server gives up."""
    log_level: str = "INFO"
    tls_cert: str = ""
    """PEM certificate chain file; with ``tls_key``, serve TLS instead of plaintext."""
    tls_key: str = ""
    """PEM private key file of ``tls_cert``."""
    tls_client_ca: str = ""
    """PEM CA bundle; when set, clients must present a certificate it signed (mutual TLS)."""
    auth_token_file: str = ""
    """File of accepted bearer tokens, one per line; when set, every RPC but health needs one."""

    @property
    def rpc_limit(self) -> int:
        """The effective limit on extraction RPCs in flight."""
        return self.max_concurrent_rpcs or self.threads


def split_address(address: str) -> tuple[str, int]:
    """``host:port`` (host possibly ``[v6]``) as the bare host and the port number.

    Raises ValueError for anything else: no port, a port outside 0-65535, an empty host or an
    IPv6 address without its brackets.
    """
    host, colon, port = address.rpartition(":")
    if not colon or not host or not port.isdigit():
        raise ValueError(f"{address!r} is not host:port (for example 0.0.0.0:50051 or [::]:50051)")
    if int(port) > 65535:
        raise ValueError(f"{address!r}: port {int(port)} is outside 0-65535")
    bracketed = host.startswith("[") and host.endswith("]")
    if ":" in host and not bracketed or host.startswith("[") != host.endswith("]"):
        raise ValueError(f"{address!r}: an IPv6 address goes in brackets, as in [::1]:50051")
    bare = host[1:-1] if bracketed else host
    if not bare:
        raise ValueError(f"{address!r} has an empty host")
    return bare, int(port)


def with_port(address: str, port: int) -> str:
    """``address`` with its port replaced by ``port``."""
    return f"{address.rpartition(':')[0]}:{port}"


def _address(text: str) -> str:
    try:
        split_address(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _whole(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """A parser of whole numbers from ``minimum`` to ``maximum``."""
    def whole(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum:,}, got {value:,}")
        return value
    return whole


def _seconds(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds, 0 or more, got {text}")
    return value


def _level(text: str) -> str:
    if text.strip().upper() not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"{text!r} is not one of {', '.join(LOG_LEVELS)}")
    return text.strip().upper()


class _Parser(argparse.ArgumentParser):
    """argparse, with each error in one line (``qawl-server: error: ...``) and exit status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}\n")


# flag, parser, metavar, help; the environment variable is QAWL_ and the flag's name in capitals
_OPTIONS: list[tuple[str, Callable[[str], object], str, str]] = [
    ("--address", _address, "HOST:PORT", "where to listen"),
    ("--threads", _whole(1), "N", "threads extracting articles longer than --inline-chars"),
    ("--inline-chars", _whole(0), "N", "extract articles up to this many code points on the event "
                                       "loop itself, longer ones on a thread; 0 sends all to threads"),
    ("--workers", _whole(1), "N", "server processes sharing the port"),
    ("--cpus", str, "LIST", "CPUs to run on, e.g. 1 or 0,1 or 0-3; with --workers, worker k on "
                            "the k-th"),
    ("--max-concurrent-rpcs", _whole(0), "N", "extraction RPCs in flight before "
                                              "RESOURCE_EXHAUSTED; 0: as many as --threads"),
    ("--max-message-bytes", _whole(1, MAX_MESSAGE_BYTES), "N", "largest message in bytes"),
    ("--max-article-chars", _whole(1), "N", "longest article text in code points"),
    ("--grace-seconds", _seconds, "SECONDS", "shutdown grace period"),
    ("--max-worker-restarts", _whole(0), "N", "with --workers: dead workers replaced within a "
                                              "minute before the server stops; 0 stops at the first"),
    ("--log-level", _level, "LEVEL", f"log level: {', '.join(LOG_LEVELS)}"),
    ("--tls-cert", str, "PEM", "certificate chain; serve TLS"),
    ("--tls-key", str, "PEM", "private key of --tls-cert"),
    ("--tls-client-ca", str, "PEM", "require client certificates signed by this CA"),
    ("--auth-token-file", str, "FILE", "accepted bearer tokens, one per line"),
]


def _field(flag: str) -> str:
    return flag[2:].replace("-", "_")


def _env_name(flag: str) -> str:
    return "QAWL_" + _field(flag).upper()


def parse_args(argv: list[str] | None = None) -> ServerConfig:
    """Build a ``ServerConfig`` from command-line flags and ``QAWL_*`` environment variables.

    A bad value exits with status 2 after one line on stderr naming the flag or variable.
    """
    defaults = ServerConfig()
    parser = _Parser(prog="qawl-server", description="Serve qawl's extraction over gRPC.")
    for flag, parse, metavar, text in _OPTIONS:
        default = getattr(defaults, _field(flag))
        shown = f"; default {default}" if default not in ("", ()) else ""
        parser.add_argument(flag, type=parse, default=None, metavar=metavar,
                            help=f"{text} (env {_env_name(flag)}{shown})".replace("%", "%%"))
    given = vars(parser.parse_args(argv))
    values = {}
    for flag, parse, _metavar, _text in _OPTIONS:
        name = _field(flag)
        value = given[name]
        if value is None and _env_name(flag) in os.environ:
            raw = os.environ[_env_name(flag)]
            try:
                value = parse(raw)
            except argparse.ArgumentTypeError as error:
                parser.error(f"{_env_name(flag)}: {error}")
        values[name] = getattr(defaults, name) if value is None else value
    if bool(values["tls_cert"]) != bool(values["tls_key"]):
        parser.error("--tls-cert and --tls-key go together")
    if values["tls_client_ca"] and not values["tls_cert"]:
        parser.error("--tls-client-ca needs --tls-cert and --tls-key")
    try:
        values["cpus"] = parse_cpus(values["cpus"]) if isinstance(values["cpus"], str) else values["cpus"]
        check_cpus(values["cpus"])
    except ValueError as error:
        parser.error(str(error))
    return ServerConfig(**values)
