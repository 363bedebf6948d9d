"""Keep a serving process's stderr all JSON lines, whatever else writes to it.

gRPC's C core logs on its own, in absl's plain-text format, straight to file descriptor 2: a
client that speaks plaintext to a TLS server, for one, leaves ``I1203 15:32:10.847969 21427
ssl_transport_security.cc:2563] Handshake failed ...`` among the JSON lines. Tracebacks that
Python or grpc's Cython layer print themselves land there too. ``route()`` points descriptor 2
at a pipe; a thread reads it and logs each line as a JSON record (``qawl.server.grpc`` with the
C core's level and source file for absl lines, ``qawl.server.stderr`` at WARNING for anything
else), and the log handler writes to the original stderr. At exit descriptor 2 is put back and
the pipe drained, so nothing written before is lost.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import sys
import threading
from typing import TextIO

from qawl.server import logs

_ABSL = re.compile(r"^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+\s+([^\]\s]+)\]\s?(.*)$")
_LEVELS = {"I": logging.INFO, "W": logging.WARNING, "E": logging.ERROR, "F": logging.CRITICAL}
DRAIN_SECONDS = 2.0
"""How long exit waits for the lines still in the pipe to be logged."""


def log_line(line: str) -> None:
    """Log one line found on stderr as a JSON record."""
    found = _ABSL.match(line)
    if found:
        level, source, message = found.groups()
        logs.get("grpc").log(_LEVELS[level], "%s", message, extra={"fields": {"source": source}})
    else:
        logs.get("stderr").warning("%s", line)


def _forward(pipe: int) -> None:
    with os.fdopen(pipe, "rb") as lines:
        for raw in lines:
            line = raw.decode("utf-8", "backslashreplace").rstrip("\r\n")
            if line.strip():
                log_line(line)


def route() -> TextIO:
    """Send what is written to descriptor 2 to the log as JSON; return the original stderr.

    Give the returned stream to ``logs.configure`` so the JSON lines themselves go straight out.
    """
    sys.stderr.flush()
    original = os.dup(2)
    read_end, write_end = os.pipe()
    os.dup2(write_end, 2)
    os.close(write_end)
    reader = threading.Thread(target=_forward, args=(read_end,), name="qawl-stderr", daemon=True)
    reader.start()

    def restore() -> None:
        sys.stderr.flush()
        os.dup2(original, 2)  # the pipe's last write end closes, so the reader sees its end
        reader.join(DRAIN_SECONDS)

    atexit.register(restore)
    return os.fdopen(os.dup(original), "w", buffering=1, encoding="utf-8", errors="backslashreplace")
