"""Generate the Python stubs for the qawl protobuf contract.

Writes ``qawl_pb2.py``, ``qawl_pb2_grpc.py`` and their ``.pyi`` type stubs next to each
``.proto`` under ``proto/`` (so ``from qawl.v1 import qawl_pb2`` works once installed). The
stubs are committed; ``tests/proto/test_stubs.py`` regenerates them into a temporary directory
and fails when the committed ones are stale.

Run from anywhere: ``python proto/generate.py [OUTPUT_DIR]``.
"""

from __future__ import annotations

import shutil
import sys
from importlib import resources
from pathlib import Path

from grpc_tools import protoc

PROTO_ROOT = Path(__file__).resolve().parent


def proto_files() -> list[Path]:
    """Every .proto file of the contract, relative to ``PROTO_ROOT``, in a stable order."""
    return sorted(p.relative_to(PROTO_ROOT) for p in PROTO_ROOT.rglob("*.proto"))


def _plugin(name: str) -> str:
    """The path of a protoc plugin installed next to this Python interpreter, or on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the dev extras (pip install -e '.[dev]')")
    return found


def generate(output_dir: Path = PROTO_ROOT) -> None:
    """Run protoc over every .proto file, writing the stubs under ``output_dir``."""
    output_dir.mkdir(parents=True, exist_ok=True)
    well_known = resources.files("grpc_tools") / "_proto"
    args = [
        "grpc_tools.protoc",
        f"--proto_path={PROTO_ROOT}",
        f"--proto_path={well_known}",
        f"--plugin=protoc-gen-mypy={_plugin('protoc-gen-mypy')}",
        f"--plugin=protoc-gen-mypy_grpc={_plugin('protoc-gen-mypy_grpc')}",
        f"--python_out={output_dir}",
        f"--grpc_python_out={output_dir}",
        f"--mypy_out={output_dir}",
        f"--mypy_grpc_out={output_dir}",
        *(str(p) for p in proto_files()),
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")


def main() -> None:
    """Command-line entry: generate into the given directory, default ``proto/``."""
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else PROTO_ROOT)


if __name__ == "__main__":
    main()
