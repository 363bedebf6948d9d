"""Cost against article length: 1x, 10x and 100x concatenations of a seed, and a 1 MB article.

Cost that grows linearly shows as a flat time per 100 KB down the table; the last column
divides each row's rate by the 1x rate, so anything well above 1.0 is superlinear. The bare
spaCy tokenizer is timed on the same texts, to tell the engine's growth from spaCy's.
"""

from __future__ import annotations

import argparse

import spacy

from benchmarks.texts import article_of_size, concatenation, seed_texts
from benchmarks.timing import measure, ms, one_core, table
from qawl.engine import Extractor

KB = 1000
"""Kilobytes are of UTF-8, 1,000 bytes each: the size of the article on the wire."""
SIZES = (("1x", 1, 10), ("10x", 10, 3), ("100x", 100, 1))
"""Label, copies of the seed, most runs."""


def run(seed: str | None = None, megabyte: bool = True, budget: float = 2.0) -> str:
    """Time the engine and the tokenizer on each length and return the printed report."""
    with one_core() as pinned:
        texts = seed_texts()
        name = seed or max(texts, key=lambda n: len(texts[n]))
        base = texts[name]
        cases = [(label, concatenation(base, n), repeat) for label, n, repeat in SIZES]
        if megabyte:
            cases.append(("1 MB", article_of_size(base, 1000 * KB), 1))
        extractor = Extractor()
        bare = spacy.blank("ar")
        rows = []
        first_rate = None
        for label, text, repeat in cases:
            size_kb = len(text.encode("utf-8")) / KB
            engine = measure(lambda: extractor.extract(text), repeat, budget).median
            floor = measure(lambda: bare.tokenizer(text), repeat, budget).median
            rate = engine / size_kb * 100
            first_rate = first_rate or rate
            rows.append(
                (label, f"{len(text):,}", f"{size_kb:,.1f}", ms(engine), ms(rate), ms(floor / size_kb * 100),
                 f"{engine / floor:.2f}x", f"{rate / first_rate:.2f}")
            )  # fmt: skip
        header = (
            "length",
            "chars",
            "KB",
            "engine ms",
            "ms/100KB",
            "tok ms/100KB",
            "engine/tok",
            "rate/1x",
        )
        return "\n".join(
            [f"Cost against length, concatenations of {name} ({pinned})", table(header, rows)]
        )


def main() -> None:
    """``python -m benchmarks.scaling [--seed NAME] [--no-megabyte]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="seed file name to concatenate (default: the longest)")
    parser.add_argument("--no-megabyte", action="store_true", help="skip the 1 MB article")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds per measurement, about")
    args = parser.parse_args()
    print(run(args.seed, not args.no_megabyte, args.budget))


if __name__ == "__main__":
    main()
