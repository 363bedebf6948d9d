"""The contract passes ``buf lint`` with the STANDARD rules configured in buf.yaml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _buf() -> str:
    beside = Path(sys.executable).parent / "buf"
    found = str(beside) if beside.exists() else shutil.which("buf")
    assert found, "buf not installed: pip install -e '.[dev]' (buf-bin)"
    return found


def test_buf_lint_passes():
    result = subprocess.run([_buf(), "lint"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_buf_lint_uses_the_standard_rules():
    config = (REPO / "buf.yaml").read_text()
    assert "version: v2" in config and "STANDARD" in config
