"""``qawl-server`` and ``python -m server``: run the extraction service."""

from __future__ import annotations

from server import logs
from server.app import serve
from server.config import parse_args


def main(argv: list[str] | None = None) -> None:
    """Parse flags and environment, configure logging, and serve until signalled."""
    config = parse_args(argv)
    logs.configure(config.log_level)
    serve(config)


if __name__ == "__main__":
    main()
