"""Server reflection under both protocol names: ``grpc.reflection.v1`` and ``v1alpha``.

Newer tools (grpcurl, buf curl, Postman) ask for ``grpc.reflection.v1.ServerReflection`` first;
older ones know only ``grpc.reflection.v1alpha``. grpcio-reflection (up to 1.85 at least) ships
only v1alpha. The v1 protocol is the v1alpha one under a new package name, message for message
and field number for field number, so the two are the same on the wire. This module therefore
registers v1alpha's servicer a second time under the v1 service name, through grpc's generic
handler API, and adds v1's file descriptor (v1alpha's, renamed) to the same descriptor pool, so
reflection can describe itself under either name (unless the pool has v1's service already).
"""

from __future__ import annotations

from collections.abc import Iterable

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha import reflection as v1alpha
from grpc_reflection.v1alpha import reflection_pb2 as v1alpha_pb2
from grpc_reflection.v1alpha import reflection_pb2_grpc as v1alpha_pb2_grpc

V1_PACKAGE = "grpc.reflection.v1"
V1_SERVICE_NAME = f"{V1_PACKAGE}.ServerReflection"
V1_FILE = "grpc/reflection/v1/reflection.proto"
SERVICE_NAMES = (V1_SERVICE_NAME, v1alpha.SERVICE_NAME)
"""The reflection services a server built by ``enable_reflection`` answers."""


def _v1_file_proto() -> descriptor_pb2.FileDescriptorProto:
    """v1alpha's reflection.proto under v1's file name and package, as upstream declares it."""
    proto = descriptor_pb2.FileDescriptorProto()
    v1alpha_pb2.DESCRIPTOR.CopyToProto(proto)
    old, new = f".{v1alpha_pb2.DESCRIPTOR.package}.", f".{V1_PACKAGE}."
    proto.name, proto.package = V1_FILE, V1_PACKAGE
    for message in proto.message_type:
        for message_field in message.field:
            if message_field.type_name.startswith(old):
                message_field.type_name = new + message_field.type_name.removeprefix(old)
    for service in proto.service:
        for method in service.method:
            method.input_type = new + method.input_type.removeprefix(old)
            method.output_type = new + method.output_type.removeprefix(old)
    proto.options.go_package = "google.golang.org/grpc/reflection/grpc_reflection_v1"
    proto.options.java_package = "io.grpc.reflection.v1"
    proto.options.java_multiple_files = True
    proto.options.java_outer_classname = "ServerReflectionProto"
    return proto


def _ensure_v1_descriptor(pool: descriptor_pool.DescriptorPool) -> None:
    """Add v1's reflection.proto to ``pool`` unless it knows v1's service already."""
    try:
        pool.FindServiceByName(V1_SERVICE_NAME)
    except KeyError:
        pool.AddSerializedFile(_v1_file_proto().SerializeToString())


def _v1_handler(servicer: v1alpha_pb2_grpc.ServerReflectionServicer) -> grpc.GenericRpcHandler:
    """v1alpha's ``servicer`` answering under the v1 service name (the same bytes either way)."""
    method = grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=v1alpha_pb2.ServerReflectionRequest.FromString,
        response_serializer=v1alpha_pb2.ServerReflectionResponse.SerializeToString)
    return grpc.method_handlers_generic_handler(V1_SERVICE_NAME, {"ServerReflectionInfo": method})


def enable_reflection(service_names: Iterable[str], server: grpc.aio.Server,
                      pool: descriptor_pool.DescriptorPool | None = None) -> None:
    """Serve reflection v1 and v1alpha on ``server`` for ``service_names`` and themselves.

    ``pool`` is the descriptor pool the services' files are in (protobuf's default pool if None).
    """
    pool = pool or descriptor_pool.Default()
    _ensure_v1_descriptor(pool)
    servicer = v1alpha.aio.ReflectionServicer((*service_names, *SERVICE_NAMES), pool=pool)
    v1alpha_pb2_grpc.add_ServerReflectionServicer_to_server(servicer, server)
    server.add_generic_rpc_handlers((_v1_handler(servicer),))
