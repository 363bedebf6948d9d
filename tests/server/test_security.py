"""TLS, mutual TLS and bearer-token auth; health stays open for probes."""

from __future__ import annotations

from pathlib import Path

import grpc
import pytest

from qawl.client.api import QawlClient, article
from qawl.server.app import start
from qawl.server.auth import BearerTokenAuth, read_tokens
from qawl.server.config import ServerConfig

CERTS = Path(__file__).parent / "certs"
TOKEN = "s3cret-token-for-tests"
TEXT = 'قال الوزير إن "الاتفاق نهائي".'


@pytest.fixture(scope="module")
def token_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("auth") / "tokens"
    path.write_text(f"# accepted tokens\n\nanother-token\n{TOKEN}\n")
    return str(path)


def _serve(extractor, **settings):
    return start(ServerConfig(address="127.0.0.1:0", **settings), extractor)


@pytest.fixture(scope="module")
def token_server(shared_extractor, token_file):
    running = _serve(shared_extractor, auth_token_file=token_file)
    yield f"127.0.0.1:{running.port}"
    running.stop(None)


@pytest.fixture(scope="module")
def tls_server(shared_extractor):
    running = _serve(shared_extractor, tls_cert=str(CERTS / "server.pem"),
                     tls_key=str(CERTS / "server.key"))
    yield f"localhost:{running.port}"
    running.stop(None)


@pytest.fixture(scope="module")
def mtls_server(shared_extractor, token_file):
    running = _serve(shared_extractor, tls_cert=str(CERTS / "server.pem"),
                     tls_key=str(CERTS / "server.key"), tls_client_ca=str(CERTS / "ca.pem"),
                     auth_token_file=token_file)
    yield f"localhost:{running.port}"
    running.stop(None)


def test_read_tokens_skips_blanks_and_comments(token_file):
    assert read_tokens(token_file) == ["another-token", TOKEN]


def test_auth_needs_a_token():
    with pytest.raises(ValueError):
        BearerTokenAuth([])


@pytest.mark.parametrize("token", [None, "wrong", TOKEN[:-1], TOKEN + "x"])
def test_calls_without_a_valid_token_are_unauthenticated(token_server, token):
    with QawlClient(token_server, timeout=10, token=token) as client:
        with pytest.raises(grpc.RpcError) as caught:
            client.extract(article(TEXT))
        assert caught.value.code() is grpc.StatusCode.UNAUTHENTICATED
        with pytest.raises(grpc.RpcError) as caught:
            list(client.stream_quotes(article(TEXT)))
        assert caught.value.code() is grpc.StatusCode.UNAUTHENTICATED


def test_a_valid_token_is_let_through_on_every_rpc(token_server):
    with QawlClient(token_server, timeout=10, token=TOKEN) as client:
        assert client.extract(article(TEXT)).quotes
        assert list(client.stream_quotes(article(TEXT)))
        assert [r.article_id for r in client.extract_batch([article(TEXT, "b")])] == ["b"]


def test_health_stays_open_without_a_token(token_server):
    with QawlClient(token_server, timeout=10) as client:
        assert client.health() == "SERVING"


def test_the_token_scheme_is_bearer(token_server):
    with grpc.insecure_channel(token_server) as channel:
        call = channel.unary_unary("/qawl.v1.ExtractionService/Extract")
        with pytest.raises(grpc.RpcError) as caught:
            call(b"", metadata=(("authorization", f"Basic {TOKEN}"),), timeout=10)
    assert caught.value.code() is grpc.StatusCode.UNAUTHENTICATED


def test_tls_serves_a_client_that_trusts_the_ca(tls_server):
    with QawlClient(tls_server, timeout=10, tls_ca=str(CERTS / "ca.pem")) as client:
        assert client.extract(article(TEXT)).quotes


def test_tls_refuses_a_plaintext_client(tls_server):
    with QawlClient(tls_server, timeout=3) as client, pytest.raises(grpc.RpcError) as caught:
        client.extract(article(TEXT))
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE


def test_mutual_tls_serves_a_client_with_a_certificate_and_token(mtls_server):
    with QawlClient(mtls_server, timeout=10, token=TOKEN, tls_ca=str(CERTS / "ca.pem"),
                    tls_cert=str(CERTS / "client.pem"), tls_key=str(CERTS / "client.key")) as client:
        assert client.extract(article(TEXT)).quotes


def test_mutual_tls_refuses_a_client_without_a_certificate(mtls_server):
    with QawlClient(mtls_server, timeout=3, token=TOKEN, tls_ca=str(CERTS / "ca.pem")) as client:
        with pytest.raises(grpc.RpcError) as caught:
            client.extract(article(TEXT))
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE


def test_cli_sends_token_and_tls_settings(capsys, mtls_server, tmp_path):
    from qawl.client.cli import main

    token_path = tmp_path / "token"
    token_path.write_text(TOKEN + "\n")
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    code = main(["extract", "--server", mtls_server, "--format", "jsonl",
                 "--token-file", str(token_path), "--tls-ca", str(CERTS / "ca.pem"),
                 "--tls-cert", str(CERTS / "client.pem"), "--tls-key", str(CERTS / "client.key"),
                 str(source)])
    assert code == 0 and '"article_id": "a.txt"' in capsys.readouterr().out
