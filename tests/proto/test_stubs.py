"""The committed Python stubs must be exactly what the generator makes from the .proto."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

GENERATED = ("qawl_pb2.py", "qawl_pb2.pyi", "qawl_pb2_grpc.py", "qawl_pb2_grpc.pyi")


def test_committed_stubs_match_a_fresh_generation(tmp_path):
    subprocess.run([sys.executable, str(REPO / "proto" / "generate.py"), str(tmp_path)],
                   check=True, capture_output=True)
    stale = [name for name in GENERATED
             if (tmp_path / "qawl" / "v1" / name).read_bytes()
             != (REPO / "proto" / "qawl" / "v1" / name).read_bytes()]
    assert not stale, f"stale stubs {stale}: run python proto/generate.py and commit the result"


def test_stubs_import_as_the_versioned_package():
    from qawl.v1 import qawl_pb2, qawl_pb2_grpc

    assert qawl_pb2.DESCRIPTOR.package == "qawl.v1"
    assert hasattr(qawl_pb2_grpc, "ExtractionServiceStub")
