"""Run every benchmark in one go: per article, against length, hostile input, then RPC load."""

from __future__ import annotations

import argparse

from benchmarks import engine, pathological, rpc, scaling, shapes

PARTS = (engine, scaling, pathological, shapes, rpc)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``python -m benchmarks``: no options beyond --help."""
    listing = "\n".join(f"  python -m benchmarks.{part.__name__.rpartition('.')[2]:<13}"
                        f"{(part.__doc__ or '').strip().splitlines()[0]}" for part in PARTS)
    return argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=f"{__doc__} Prints each report in turn (about eight minutes; loopback only).",
        epilog=f"Each part alone, with its own options (see its --help):\n{listing}",
        formatter_class=argparse.RawDescriptionHelpFormatter)


def main(argv: list[str] | None = None) -> None:
    """``python -m benchmarks``: each report in turn, a blank line between them."""
    build_parser().parse_args(argv)
    for part in PARTS:
        print(part.run(), end="\n\n", flush=True)


if __name__ == "__main__":
    main()
