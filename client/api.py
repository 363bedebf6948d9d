"""A small Python client for the qawl service.

``QawlClient`` wraps a gRPC channel and the generated stub with plain methods. The channel
carries a service config that retries UNAVAILABLE a few times with backoff: every qawl RPC is
a pure function of its request, so repeating one is always safe. It speaks plaintext, TLS
(``tls=True`` or a CA file) or mutual TLS (plus a client certificate and key), and sends a
bearer token in the call metadata when given one.

Errors are ``grpc.RpcError`` as gRPC raises them; ``error_details(error)`` reads what a qawl
server sends with each (the ``ErrorInfo`` reason, the invalid fields, the retry delay), and
``describe(error)`` puts it all on one line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from qawl.client.errors import ErrorDetails, describe, error_details
from qawl.v1 import qawl_pb2, qawl_pb2_grpc

__all__ = ["ENCODINGS", "ErrorDetails", "QawlClient", "article", "describe", "error_details",
           "open_channel"]

SERVICE_NAME = qawl_pb2.DESCRIPTOR.services_by_name["ExtractionService"].full_name

RETRY_SERVICE_CONFIG = json.dumps({
    "methodConfig": [{
        "name": [{"service": SERVICE_NAME}],
        "retryPolicy": {
            "maxAttempts": 4,
            "initialBackoff": "0.2s",
            "maxBackoff": "2s",
            "backoffMultiplier": 2,
            "retryableStatusCodes": ["UNAVAILABLE"],
        },
    }],
})

ENCODINGS = {
    "codepoint": qawl_pb2.ENCODING_TYPE_UNSPECIFIED,
    "utf8": qawl_pb2.ENCODING_TYPE_UTF8,
    "utf16": qawl_pb2.ENCODING_TYPE_UTF16,
}
"""Offset units by the names the CLI accepts."""

MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def article(text: str, article_id: str = "", **metadata) -> qawl_pb2.Article:
    """An Article message for ``text`` (``metadata``: title, source, url, language_code)."""
    return qawl_pb2.Article(id=article_id, text=text, **metadata)


def _read(path: str | None) -> bytes | None:
    return Path(path).read_bytes() if path else None


def open_channel(target: str, *, tls: bool = False, tls_ca: str | None = None,
                 tls_cert: str | None = None, tls_key: str | None = None,
                 own_connection: bool = False) -> grpc.Channel:
    """A channel to ``target`` with the retry policy; TLS when ``tls`` or any PEM file is given.

    ``tls_ca`` replaces the system's root certificates; ``tls_cert`` and ``tls_key`` are the
    client's own certificate for mutual TLS. Channels to one target share a TCP connection
    unless ``own_connection``: then this one opens its own, which a server running several
    ``--workers`` processes may hand to a different process. A certificate without its key (or
    a key without its certificate) is a ValueError.
    """
    if bool(tls_cert) != bool(tls_key):
        raise ValueError("tls_cert and tls_key go together")
    options = [
        ("grpc.service_config", RETRY_SERVICE_CONFIG),
        ("grpc.enable_retries", 1),
        ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        # Reconnect within a second of a restarted server coming back, not gRPC's default
        # two minutes at most, so the retries above find it.
        ("grpc.initial_reconnect_backoff_ms", 100),
        ("grpc.min_reconnect_backoff_ms", 100),
        ("grpc.max_reconnect_backoff_ms", 1000),
    ]
    if own_connection:
        options.append(("grpc.use_local_subchannel_pool", 1))
    if not (tls or tls_ca or tls_cert):
        return grpc.insecure_channel(target, options=options)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=_read(tls_ca), private_key=_read(tls_key), certificate_chain=_read(tls_cert))
    return grpc.secure_channel(target, credentials, options=options)


class QawlClient:
    """Calls a qawl server at ``target`` (host:port); use as a context manager to close it.

    ``token`` is sent as ``authorization: Bearer <token>``; the TLS keywords and
    ``own_connection`` are those of ``open_channel``. With ``wait_for_ready``, a call made while the server is unreachable
    waits for it (up to ``timeout``) instead of failing at once with UNAVAILABLE.
    """

    def __init__(self, target: str, *, timeout: float | None = None, token: str | None = None,
                 wait_for_ready: bool = False, channel: grpc.Channel | None = None, **tls) -> None:
        self.timeout = timeout
        self._wait = wait_for_ready
        self._metadata = (("authorization", f"Bearer {token}"),) if token else None
        self._channel = channel or open_channel(target, **tls)
        self._stub = qawl_pb2_grpc.ExtractionServiceStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)

    def __enter__(self) -> "QawlClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the channel."""
        self._channel.close()

    def _options(self) -> dict:
        return {"timeout": self.timeout, "metadata": self._metadata, "wait_for_ready": self._wait}

    def extract(self, article: qawl_pb2.Article,
                encoding_type: int = qawl_pb2.ENCODING_TYPE_UNSPECIFIED) -> qawl_pb2.ExtractResponse:
        """All speakers and quotes of ``article`` in one response."""
        request = qawl_pb2.ExtractRequest(article=article, encoding_type=encoding_type)
        return self._stub.Extract(request, **self._options())

    def stream_quotes(self, article: qawl_pb2.Article,
                      encoding_type: int = qawl_pb2.ENCODING_TYPE_UNSPECIFIED) -> Iterator[qawl_pb2.Quote]:
        """The quotes of ``article`` as the server streams them."""
        request = qawl_pb2.StreamQuotesRequest(article=article, encoding_type=encoding_type)
        for response in self._stub.StreamQuotes(request, **self._options()):
            yield response.quote

    def extract_batch(self, articles: Iterable[qawl_pb2.Article],
                      encoding_type: int = qawl_pb2.ENCODING_TYPE_UNSPECIFIED,
                      ) -> Iterator[qawl_pb2.ExtractBatchResponse]:
        """One response per article, in order, with speaker ids shared across all of them."""
        requests = (qawl_pb2.ExtractBatchRequest(article=a, encoding_type=encoding_type) for a in articles)
        yield from self._stub.ExtractBatch(requests, **self._options())

    def health(self, service: str = "") -> str:
        """The serving status name (SERVING, NOT_SERVING, ...) of ``service`` ("" = the server)."""
        response = self._health.Check(health_pb2.HealthCheckRequest(service=service), **self._options())
        return health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
