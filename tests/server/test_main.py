"""``python -m server`` as a process: JSON logs, serving, and a clean exit on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import grpc

from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from tests.conftest import REPO


def test_server_process_serves_then_stops_on_sigterm():
    process = subprocess.Popen(
        [sys.executable, "-m", "qawl.server", "--address", "127.0.0.1:0", "--grace-seconds", "2"],
        cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        serving = json.loads(process.stderr.readline())
        assert serving["msg"] == "serving" and serving["port"] > 0
        with grpc.insecure_channel(f"127.0.0.1:{serving['port']}") as channel:
            article = qawl_pb2.Article(id="p1", text='قال الوزير إن "الوضع مستقر".')
            response = qawl_pb2_grpc.ExtractionServiceStub(channel).Extract(
                qawl_pb2.ExtractRequest(article=article), timeout=20)
        assert response.quotes
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        lines = [json.loads(line) for line in process.stderr.read().splitlines() if line.strip()]
    finally:
        process.kill()
        process.wait()
    messages = [line["msg"] for line in lines]
    assert messages[-2:] == ["shutting down", "stopped"]
    rpc = next(line for line in lines if line.get("rpc") == "Extract")
    assert rpc["article_id"] == "p1" and rpc["code"] == "OK"
    assert rpc["quotes"] == len(response.quotes) and rpc["chars"] == len(article.text)
    assert 0 < rpc["engine_ms"] <= rpc["ms"]
    assert all("الوضع مستقر" not in json.dumps(line, ensure_ascii=False) for line in lines)
