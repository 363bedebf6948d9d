"""``qawl-server`` and ``python -m server``: run the extraction service."""

from __future__ import annotations

from qawl.server import logs
from qawl.server.app import serve
from qawl.server.config import parse_args
from qawl.server.workers import serve_workers


def main(argv: list[str] | None = None) -> None:
    """Parse flags and environment, configure logging, and serve until signalled."""
    config = parse_args(argv)
    logs.configure(config.log_level)
    if config.workers > 1:
        serve_workers(config, config.workers)
    else:
        serve(config)


if __name__ == "__main__":
    main()
