"""Server credentials for TLS, and for mutual TLS when a client CA is given, from PEM files."""

from __future__ import annotations

from pathlib import Path

import grpc


def server_credentials(cert_file: str, key_file: str, client_ca_file: str = "") -> grpc.ServerCredentials:
    """TLS credentials from ``cert_file`` and ``key_file``.

    With ``client_ca_file``, every client must present a certificate signed by that CA.
    """
    pair = (Path(key_file).read_bytes(), Path(cert_file).read_bytes())
    client_ca = Path(client_ca_file).read_bytes() if client_ca_file else None
    return grpc.ssl_server_credentials([pair], root_certificates=client_ca,
                                       require_client_auth=client_ca is not None)

