"""Hostile input: long runs of quotation marks, commas and colons, sized up until slow.

Each case doubles its length from 1,000 characters until one extraction takes longer than the
limit (or the largest size is reached), so a catastrophic pattern shows without hanging the
run. ``growth`` is the exponent between the last two sizes: about 1 is linear, about 2 is
quadratic. The bare spaCy tokenizer on the same text shows whether the cost is spaCy's own.
"""

from __future__ import annotations

import argparse
import math
import time

import spacy

from benchmarks.timing import ms, one_core, table
from server.engine import Extractor

CASES = {
    'straight quotes """': '"',
    "guillemets «««": "«",
    "guillemets »»»": "»",
    "curly quotes “”“”": "“”",
    "colons :::": ":",
    "Arabic commas ،،،": "،",
    "commas ,,,": ",",
    "apostrophes '''": "'",
    'mixed "«:،»': '"«:،»',
    "spaced cue and quote": "قال: « ",
    "unclosed complementisers": "أن «قال إن ",
}


def _seconds(fn, text: str) -> float:
    """One run: a repeat of the same text would hit spaCy's tokenizer cache and hide the cost."""
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


def run(limit: float = 1.0, start_chars: int = 1000, max_chars: int = 128_000) -> str:
    """Size every case up and return the printed report."""
    with one_core() as pinned:
        extractor = Extractor()
        bare = spacy.blank("ar")
        rows = []
        for label, unit in CASES.items():
            chars, previous = start_chars, None
            while True:
                text = (unit * (chars // len(unit) + 1))[:chars]
                took = _seconds(extractor.extract, text)
                growth = f"{math.log2(took / previous):.2f}" if previous else "-"
                if took > limit or chars * 2 > max_chars:
                    break
                chars, previous = chars * 2, took
            floor = _seconds(bare.tokenizer, text)
            per_100kb = took / len(text.encode("utf-8")) * 100_000
            rows.append((label, f"{chars:,}", ms(took), ms(per_100kb), growth, ms(floor)))
        header = ("input", "chars", "engine ms", "ms/100KB", "growth", "spaCy tok ms")
        return "\n".join(
            [
                f"Runs of marks, doubled until one extraction takes over {limit:g} s ({pinned})",
                table(header, rows),
            ]
        )


def main() -> None:
    """``python -m benchmarks.pathological [--limit S] [--max-chars N]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=float, default=1.0, help="stop sizing up past this many seconds"
    )
    parser.add_argument("--max-chars", type=int, default=128_000, help="largest input to try")
    args = parser.parse_args()
    print(run(args.limit, max_chars=args.max_chars))


if __name__ == "__main__":
    main()
