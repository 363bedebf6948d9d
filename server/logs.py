"""Structured logs: one JSON object per line on stderr.

Each RPC logs one line with its method, article id, sizes, outcome, duration and the engine's
share of it (``engine_ms``), so logs can be filtered and aggregated by field. Article text is
never logged at INFO or above.
"""

from __future__ import annotations

import json
import logging
import sys
import time

LOGGER_NAME = "qawl.server"


class JsonFormatter(logging.Formatter):
    """Formats a record as a JSON object holding its message and any ``fields`` extra."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
                    + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(level: str = "INFO") -> None:
    """Send qawl's server logs to stderr as JSON lines at ``level``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(LOGGER_NAME)
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def get() -> logging.Logger:
    """The server's logger."""
    return logging.getLogger(LOGGER_NAME)
