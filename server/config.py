"""The server's settings: where it listens, the limits it enforces, and who may call it.

Each setting comes from a command-line flag, else a ``QAWL_*`` environment variable, else the
default here; the README's "Limits" and "Security" sections state the same defaults.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from qawl.server.affinity import check_cpus, parse_cpus

MIB = 1024 * 1024


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


def _env(name: str, default: object) -> str:
    return os.environ.get(f"QAWL_{name.upper()}", str(default))


def parse_args(argv: list[str] | None = None) -> ServerConfig:
    """Build a ``ServerConfig`` from command-line flags and ``QAWL_*`` environment variables."""
    d = ServerConfig()
    p = argparse.ArgumentParser(prog="qawl-server", description="Serve qawl's extraction over gRPC.")
    p.add_argument("--address", default=_env("address", d.address),
                   help="host:port to listen on (env QAWL_ADDRESS; default %(default)s)")
    p.add_argument("--threads", type=int, default=int(_env("threads", d.threads)),
                   help="threads extracting articles longer than --inline-chars "
                        "(env QAWL_THREADS; default %(default)s)")
    p.add_argument("--inline-chars", type=int, default=int(_env("inline_chars", d.inline_chars)),
                   help="extract articles up to this many code points on the event loop itself, "
                        "longer ones on a thread; 0 sends all to threads "
                        "(env QAWL_INLINE_CHARS; default %(default)s)")
    p.add_argument("--workers", type=int, default=int(_env("workers", d.workers)),
                   help="server processes sharing the port (env QAWL_WORKERS; default %(default)s)")
    p.add_argument("--cpus", default=_env("cpus", ""), metavar="LIST",
                   help="CPUs to run on, e.g. 1 or 0,1 or 0-3; with --workers, worker k on the "
                        "k-th (env QAWL_CPUS; default: any)")
    p.add_argument("--max-concurrent-rpcs", type=int,
                   default=int(_env("max_concurrent_rpcs", d.max_concurrent_rpcs)),
                   help="extraction RPCs in flight before RESOURCE_EXHAUSTED "
                        "(env QAWL_MAX_CONCURRENT_RPCS; default: --threads)")
    p.add_argument("--max-message-bytes", type=int,
                   default=int(_env("max_message_bytes", d.max_message_bytes)),
                   help="largest message in bytes (env QAWL_MAX_MESSAGE_BYTES; default %(default)s)")
    p.add_argument("--max-article-chars", type=int,
                   default=int(_env("max_article_chars", d.max_article_chars)),
                   help="longest article text in code points (env QAWL_MAX_ARTICLE_CHARS; "
                        "default %(default)s)")
    p.add_argument("--grace-seconds", type=float, default=float(_env("grace_seconds", d.grace_seconds)),
                   help="shutdown grace period (env QAWL_GRACE_SECONDS; default %(default)s)")
    p.add_argument("--log-level", default=_env("log_level", d.log_level),
                   choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                   help="log level (env QAWL_LOG_LEVEL; default %(default)s)")
    p.add_argument("--tls-cert", default=_env("tls_cert", ""), metavar="PEM",
                   help="certificate chain; serve TLS (env QAWL_TLS_CERT)")
    p.add_argument("--tls-key", default=_env("tls_key", ""), metavar="PEM",
                   help="private key of --tls-cert (env QAWL_TLS_KEY)")
    p.add_argument("--tls-client-ca", default=_env("tls_client_ca", ""), metavar="PEM",
                   help="require client certificates signed by this CA (env QAWL_TLS_CLIENT_CA)")
    p.add_argument("--auth-token-file", default=_env("auth_token_file", ""), metavar="FILE",
                   help="accepted bearer tokens, one per line (env QAWL_AUTH_TOKEN_FILE)")
    a = p.parse_args(argv)
    if bool(a.tls_cert) != bool(a.tls_key):
        p.error("--tls-cert and --tls-key go together")
    if a.tls_client_ca and not a.tls_cert:
        p.error("--tls-client-ca needs --tls-cert and --tls-key")
    try:
        cpus = parse_cpus(a.cpus)
        check_cpus(cpus)
    except ValueError as error:
        p.error(str(error))
    return ServerConfig(address=a.address, threads=a.threads, inline_chars=a.inline_chars,
                        workers=a.workers, cpus=cpus,
                        max_concurrent_rpcs=a.max_concurrent_rpcs,
                        max_message_bytes=a.max_message_bytes,
                        max_article_chars=a.max_article_chars, grace_seconds=a.grace_seconds,
                        log_level=a.log_level, tls_cert=a.tls_cert, tls_key=a.tls_key,
                        tls_client_ca=a.tls_client_ca, auth_token_file=a.auth_token_file)
