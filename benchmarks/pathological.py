"""Hostile input: long runs of quotation marks, commas and colons, sized up until slow.

Each case doubles its length from 1,000 characters until one extraction takes longer than the
limit (or the largest size is reached), so a catastrophic pattern shows without hanging the
run. ``growth`` is the exponent between the last two sizes: about 1 is linear, about 2 is
quadratic. The bare spaCy tokenizer is sized up the same way on its own, so its limits show
apart from the engine's.
"""

from __future__ import annotations

import argparse
import math
import time

import spacy

from benchmarks.timing import ms, one_core, table
from qawl.engine import Extractor

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


def size_up(
    fn, unit: str, limit: float, start_chars: int, max_chars: int
) -> tuple[int, float, str]:
    """Double a run of ``unit`` until ``fn`` takes over ``limit`` s or the size would pass
    ``max_chars``; return the last size, its time and the growth exponent to it."""
    chars, previous = start_chars, None
    while True:
        text = (unit * (chars // len(unit) + 1))[:chars]
        took = _seconds(fn, text)
        growth = f"{math.log2(took / previous):.2f}" if previous else "-"
        if took > limit or chars * 2 > max_chars:
            return chars, took, growth
        chars, previous = chars * 2, took


def run(limit: float = 1.0, start_chars: int = 1000, max_chars: int = 128_000) -> str:
    """Size every case up, for the engine and the bare tokenizer apart, and return the report."""
    with one_core() as pinned:
        extractor = Extractor()
        bare = spacy.blank("ar").tokenizer
        rows = []
        for label, unit in CASES.items():
            chars, took, growth = size_up(extractor.extract, unit, limit, start_chars, max_chars)
            per_100kb = took / len(unit.encode("utf-8")) * len(unit) / chars * 100_000
            tok_chars, tok_took, tok_growth = size_up(bare, unit, limit, start_chars, max_chars)
            rows.append((label, f"{chars:,}", ms(took), ms(per_100kb), growth,
                         f"{tok_chars:,}", ms(tok_took), tok_growth))  # fmt: skip
    header = ("input", "chars", "engine ms", "ms/100KB", "growth", "tok chars", "tok ms",
              "tok growth")  # fmt: skip
    return "\n".join(
        [
            f"Runs of marks, doubled from {start_chars:,} chars until one run takes over"
            f" {limit:g} s or reaches {max_chars:,} chars ({pinned});"
            " engine and bare spaCy tokenizer sized up apart",
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
