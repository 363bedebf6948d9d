"""``qawl-server`` and ``python -m qawl.server``: run the extraction service.

Start-up goes in this order, so that a server which cannot start says why in one line:
settings (flags and ``QAWL_*`` variables), the files they name, the port (no other server may
hold it), and only then logging and serving. A refusal before logging starts is printed as
``qawl-server: error: ...``; once logging has started, every line on stderr is JSON, a
refusal included. The exit status is 2 for bad settings or files and 1 for anything else.
"""

from __future__ import annotations

import dataclasses
import sys

from qawl.server import logs, stderr
from qawl.server.config import parse_args, with_port
from qawl.server.ports import claim_port
from qawl.server.preflight import StartupError, check_files


def main(argv: list[str] | None = None) -> None:
    """Parse flags and environment, claim the port, configure logging, and serve until signalled."""
    config = parse_args(argv)
    logging_started = False
    try:
        check_files(config)
        with claim_port(config.address) as port:
            config = dataclasses.replace(config, address=with_port(config.address, port))
            if config.workers > 1:
                from qawl.server.workers import serve_workers  # the parent loads no engine

                logs.configure(config.log_level)
                logging_started = True
                serve_workers(config)
            else:
                from qawl.server.app import serve

                logs.configure(config.log_level, stderr.route())
                logging_started = True
                serve(config)
    except StartupError as error:
        if logging_started:
            logs.get().error("cannot start: %s", error, extra={"fields": {"exit_code": error.exit_code}})
        else:
            print(f"qawl-server: error: {error}", file=sys.stderr)
        raise SystemExit(error.exit_code) from None


if __name__ == "__main__":
    main()
