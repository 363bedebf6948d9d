"""Start-up refusals: one line on stderr naming the flag, variable or file, and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CERTS = Path(__file__).parent / "certs"


def _start(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``qawl-server ARGS`` expecting it to refuse at once (a server that starts is killed)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("QAWL_")}
    return subprocess.run([sys.executable, "-m", "qawl.server", *args], cwd=REPO, text=True,
                          capture_output=True, env={**clean, **(env or {})}, timeout=30)


@pytest.fixture(scope="module")
def empty_tokens(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("tokens") / "empty"
    path.write_text("# no tokens yet\n\n")
    return str(path)


LOOPBACK = ["--address", "127.0.0.1:0"]
CASES = {
    "missing TLS certificate": (LOOPBACK + ["--tls-cert", "/nonexistent/server.pem",
                                            "--tls-key", str(CERTS / "server.key")], {},
                                "--tls-cert /nonexistent/server.pem: no such file"),
    "missing TLS key": (LOOPBACK + ["--tls-cert", str(CERTS / "server.pem"),
                                    "--tls-key", "/nonexistent/server.key"], {},
                        "--tls-key /nonexistent/server.key: no such file"),
    "missing client CA": (LOOPBACK + ["--tls-cert", str(CERTS / "server.pem"),
                                      "--tls-key", str(CERTS / "server.key"),
                                      "--tls-client-ca", "/nonexistent/ca.pem"], {},
                          "--tls-client-ca /nonexistent/ca.pem: no such file"),
    "key of another certificate": (LOOPBACK + ["--tls-cert", str(CERTS / "server.pem"),
                                               "--tls-key", str(CERTS / "client.key")], {},
                                   f"--tls-key {CERTS / 'client.key'} does not match --tls-cert"),
    "certificate that is not one": (LOOPBACK + ["--tls-cert", str(CERTS / "make_certs.sh"),
                                                "--tls-key", str(CERTS / "server.key")], {},
                                    "no PEM certificate in it"),
    "missing token file": (LOOPBACK + ["--auth-token-file", "/nonexistent/tokens"], {},
                           "--auth-token-file /nonexistent/tokens: no such file"),
    "empty token file": (LOOPBACK + ["--auth-token-file", "EMPTY"], {}, "no tokens in it"),
    "QAWL_WORKERS=abc": (LOOPBACK, {"QAWL_WORKERS": "abc"}, "QAWL_WORKERS: 'abc' is not a whole number"),
    "QAWL_LOG_LEVEL=loud": (LOOPBACK, {"QAWL_LOG_LEVEL": "loud"}, "QAWL_LOG_LEVEL: 'loud' is not one of"),
    "--threads 0": (LOOPBACK + ["--threads", "0"], {}, "argument --threads: must be at least 1, got 0"),
    "no port": (["--address", "127.0.0.1"], {}, "argument --address: '127.0.0.1' is not host:port"),
    "port 99999": (["--address", "127.0.0.1:99999"], {}, "port 99999 is outside 0-65535"),
    "--workers 0": (LOOPBACK + ["--workers", "0"], {}, "argument --workers: must be at least 1, got 0"),
    "--workers -1": (LOOPBACK + ["--workers", "-1"], {}, "argument --workers: must be at least 1, got -1"),
    "--max-article-chars -5": (LOOPBACK + ["--max-article-chars", "-5"], {},
                               "argument --max-article-chars: must be at least 1, got -5"),
    "--max-message-bytes too large for gRPC": (LOOPBACK + ["--max-message-bytes", str(2**31)], {},
                                               "argument --max-message-bytes: must be at most"),
    "--grace-seconds -1": (LOOPBACK + ["--grace-seconds", "-1"], {}, "argument --grace-seconds"),
    "unknown flag": (LOOPBACK + ["--wrokers", "2"], {}, "unrecognized arguments: --wrokers"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_setting_is_refused_in_one_line_with_status_2(case, empty_tokens):
    args, env, expected = CASES[case]
    args = [empty_tokens if a == "EMPTY" else a for a in args]
    result = _start(args, env)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("qawl-server: error: "), result.stderr
    assert expected in lines[0]


def test_an_address_that_cannot_be_bound_is_refused_in_one_line():
    result = _start(["--address", "203.0.113.7:50051"])  # TEST-NET-3: not an address of this host
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "qawl-server: error: --address 203.0.113.7:50051: cannot bind: Cannot assign requested address"]
