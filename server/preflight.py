"""Check the files a server configuration names before serving, so a bad one is refused clearly.

A missing or unreadable TLS or token file, a token file with no tokens, or a key that does not
belong to its certificate would otherwise surface as a traceback, or in the key's case as
gRPC's "failed to bind to address". Each check here raises ``StartupError`` with one line that
names the flag and the file; ``qawl-server`` prints it and exits with the error's code.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from qawl.server.auth import read_tokens
from qawl.server.config import ServerConfig

T = TypeVar("T")


class StartupError(Exception):
    """A reason the server cannot start, said in one line; ``exit_code`` is the process's status.

    2 (the default) is for settings, as argparse exits on a bad flag: the same command will
    fail again. 1 is for a state of the machine that may pass, such as a port in use.
    """

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


def _read(flag: str, path: str, read: Callable[[str], T]) -> T:
    """``read(path)``, with a file that cannot be read refused as a StartupError naming ``flag``."""
    try:
        return read(path)
    except UnicodeDecodeError:
        raise StartupError(f"{flag} {path}: not UTF-8 text") from None
    except OSError as error:
        raise StartupError(f"{flag} {path}: {error.strerror.lower()}") from None


def _check_tls(cert: str, key: str, client_ca: str) -> None:
    cert_pem = _read("--tls-cert", cert, lambda p: Path(p).read_bytes())
    key_pem = _read("--tls-key", key, lambda p: Path(p).read_bytes())
    if b"-----BEGIN CERTIFICATE-----" not in cert_pem:
        raise StartupError(f"--tls-cert {cert}: no PEM certificate in it")
    if b"PRIVATE KEY-----" not in key_pem:
        raise StartupError(f"--tls-key {key}: no PEM private key in it")
    if b"ENCRYPTED" in key_pem:
        raise StartupError(f"--tls-key {key}: the key is encrypted; the server needs it unencrypted")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(cert, key, password="")  # never prompts for a password
    except ssl.SSLError as error:
        if error.reason == "KEY_VALUES_MISMATCH":
            raise StartupError(f"--tls-key {key} does not match --tls-cert {cert}") from None
        raise StartupError(f"--tls-cert {cert} with --tls-key {key}: unusable ({error})") from None
    if client_ca:
        _read("--tls-client-ca", client_ca, lambda p: Path(p).read_bytes())
        try:
            context.load_verify_locations(cafile=client_ca)
        except ssl.SSLError:
            raise StartupError(f"--tls-client-ca {client_ca}: no PEM CA certificate in it") from None


def check_files(config: ServerConfig) -> None:
    """Raise StartupError if a TLS or token file of ``config`` cannot be used."""
    if config.tls_cert:
        _check_tls(config.tls_cert, config.tls_key, config.tls_client_ca)
    if config.auth_token_file:
        path = config.auth_token_file
        if not _read("--auth-token-file", path, read_tokens):
            raise StartupError(f"--auth-token-file {path}: no tokens in it "
                               "(one per line; blank lines and # comments are skipped)")
