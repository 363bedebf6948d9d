"""Run every benchmark in one go: per article, against length, hostile input, then RPC load."""

from __future__ import annotations

from benchmarks import engine, pathological, rpc, scaling


def main() -> None:
    """``python -m benchmarks``: each report in turn, a blank line between them."""
    for report in (engine.run, scaling.run, pathological.run, rpc.run):
        print(report(), end="\n\n", flush=True)


if __name__ == "__main__":
    main()
