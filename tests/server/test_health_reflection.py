"""Standard health checking and server reflection, as probes and grpcurl use them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from google.protobuf import descriptor_pool, message_factory
from grpc_health.v1 import health_pb2, health_pb2_grpc
from google.protobuf import descriptor_pb2
from grpc_reflection.v1alpha import reflection_pb2
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)

from qawl.server.reflection import V1_SERVICE_NAME
from qawl.server.service import SERVICE_NAME


def test_health_reports_serving_for_the_server_and_the_service(channel):
    health = health_pb2_grpc.HealthStub(channel)
    for service in ("", SERVICE_NAME):
        response = health.Check(health_pb2.HealthCheckRequest(service=service))
        assert response.status == health_pb2.HealthCheckResponse.SERVING


def test_reflection_lists_the_services(channel):
    services = ProtoReflectionDescriptorDatabase(channel).get_services()
    assert SERVICE_NAME in services
    assert "grpc.health.v1.Health" in services


def test_a_reflection_client_calls_extract_without_the_generated_code(channel):
    pool = descriptor_pool.DescriptorPool(ProtoReflectionDescriptorDatabase(channel))
    method = pool.FindServiceByName(SERVICE_NAME).FindMethodByName("Extract")
    request_class = message_factory.GetMessageClass(method.input_type)
    response_class = message_factory.GetMessageClass(method.output_type)
    request = request_class()
    request.article.id = "r1"
    request.article.text = 'قال المتحدث باسم الوزارة إن "الاجتماع سيعقد غدا".'
    call = channel.unary_unary(f"/{SERVICE_NAME}/Extract",
                               request_serializer=request_class.SerializeToString,
                               response_deserializer=response_class.FromString)
    response = call(request, timeout=10)
    assert response.article_id == "r1"
    assert "الاجتماع سيعقد غدا" in response.quotes[0].text


@pytest.mark.parametrize("protocol", ["grpc-v1", "grpc-v1alpha"])
def test_buf_curl_lists_and_calls_extract_through_reflection(target, protocol):
    buf = str(Path(sys.executable).parent / "buf")
    base = [buf, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "--reflect-protocol", protocol]
    listed = subprocess.run([*base, "--list-methods", f"http://{target}"],
                            capture_output=True, text=True, timeout=60)
    assert f"{SERVICE_NAME}/Extract" in listed.stdout.split(), listed.stderr
    data = json.dumps({"article": {"id": "b1", "text": 'قال الوزير إن "الوضع هادئ".'}})
    called = subprocess.run([*base, "--data", data, f"http://{target}/{SERVICE_NAME}/Extract"],
                            capture_output=True, text=True, timeout=60)
    assert called.returncode == 0, called.stderr
    assert json.loads(called.stdout)["articleId"] == "b1"


def _ask_v1(channel, **request) -> reflection_pb2.ServerReflectionResponse:
    """One request to grpc.reflection.v1 (its messages are v1alpha's on the wire)."""
    info = channel.stream_stream(f"/{V1_SERVICE_NAME}/ServerReflectionInfo",
                                 request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
                                 response_deserializer=reflection_pb2.ServerReflectionResponse.FromString)
    [response] = info(iter([reflection_pb2.ServerReflectionRequest(**request)]), timeout=10)
    return response


def test_reflection_v1_lists_the_services_and_both_reflection_versions(channel):
    listed = {s.name for s in _ask_v1(channel, list_services="").list_services_response.service}
    assert {SERVICE_NAME, "grpc.health.v1.Health", V1_SERVICE_NAME,
            "grpc.reflection.v1alpha.ServerReflection"} <= listed


@pytest.mark.parametrize("symbol", [SERVICE_NAME, V1_SERVICE_NAME])
def test_reflection_v1_describes_a_service(channel, symbol):
    response = _ask_v1(channel, file_containing_symbol=symbol)
    files = [descriptor_pb2.FileDescriptorProto.FromString(data)
             for data in response.file_descriptor_response.file_descriptor_proto]
    package, _, name = symbol.rpartition(".")
    assert any(f.package == package and name in {s.name for s in f.service} for f in files)
