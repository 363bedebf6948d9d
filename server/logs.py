"""Structured logs: one JSON object per line on stderr.

Each RPC logs one line (``server.calllog``) with its method, outcome, duration and, for
extraction calls, the article id, sizes and the engine's share of the time (``engine_ms``), so
logs can be filtered and aggregated by field. Article text is never logged at INFO or above.
Every line carries the process id, since ``--workers`` processes share one stderr.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from typing import TextIO

LOGGER_NAME = "qawl.server"


class JsonFormatter(logging.Formatter):
    """Formats a record as a JSON object holding its message and any ``fields`` extra."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
                    + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process or os.getpid(),
            "msg": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(level: str = "INFO", stream: TextIO | None = None) -> None:
    """Make every log line of this process a JSON line on ``stream`` (stderr by default).

    qawl's own logger logs at ``level``; other libraries' loggers (gRPC's Python layer among
    them), Python warnings and uncaught exceptions reach the same stream at WARNING and above.
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(LOGGER_NAME)
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught


def _log_uncaught(kind, error, trace) -> None:
    get().critical("uncaught %s", kind.__name__, exc_info=(kind, error, trace))


def get(name: str = "") -> logging.Logger:
    """The server's logger, or its child ``name``."""
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)
