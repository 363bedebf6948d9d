"""Engine time per seed article on one core, next to spaCy's bare blank Arabic tokenizer.

The tokenizer is the floor: no extractor over spaCy can read an article faster than spaCy
splits it into tokens. The ratio engine / tokenizer is the figure that holds on any machine
(target: at most 2x). Both are timed twice: as measured by repeating one text, where spaCy's
token cache serves whatever it kept, and *cold*, with that cache emptied before each run (and
the engine's ``ChunkTokenizer`` made to forget its chunks), the cost of text never seen
before. spaCy keeps some articles wholly in its cache and not others, so the warm tokenizer
figure swings from article to article; the cold one does not.
"""

from __future__ import annotations

import argparse

import spacy

from benchmarks.texts import seed_texts
from benchmarks.timing import measure, ms, one_core, table
from qawl.engine import Extractor


def run(repeat: int = 30, budget: float = 2.0) -> str:
    """Measure every seed and return the printed report."""
    with one_core() as pinned:
        extractor = Extractor()
        bare = spacy.blank("ar").tokenizer
        own = extractor.nlp.tokenizer
        rows = []
        totals = [0, 0.0, 0.0, 0.0, 0.0]
        for name, text in seed_texts().items():
            figures = (
                len(text),
                measure(lambda: bare(text), repeat, budget).median,
                measure(lambda: extractor.extract(text), repeat, budget).median,
                measure(lambda: _cold(bare._flush_cache, bare, text), repeat, budget).median,
                measure(lambda: _cold(own.flush_cache, extractor.extract, text), repeat, budget).median,
            )
            rows.append(_row(name, *figures))
            totals = [total + figure for total, figure in zip(totals, figures)]
        rows.append(_row("all seeds", *totals))
    header = ("article", "chars", "tok ms", "engine ms", "ratio", "cold tok ms", "cold engine ms",
              "cold ratio", "engine chars/s")  # fmt: skip
    articles = len(rows) - 1
    return "\n".join(
        [
            f"Engine vs the bare spaCy tokenizer, median of up to {repeat} runs ({pinned});"
            " cold = spaCy's token cache emptied before each run",
            table(header, rows),
            f"engine per article: {ms(totals[2] / articles)} ms"
            f" ({ms(totals[4] / articles)} ms cold); engine / bare tokenizer:"
            f" {totals[2] / totals[1]:.2f}x ({totals[4] / totals[3]:.2f}x cold); target <= 2x",
        ]
    )


def _cold(flush, fn, text: str):
    """``fn(text)`` after ``flush()`` empties a tokenizer's memory of token splits: text never seen."""
    flush()
    return fn(text)


def _row(name: str, chars: int, floor: float, engine: float, cold_floor: float, cold: float):
    return (name, chars, ms(floor), ms(engine), f"{engine / floor:.2f}x", ms(cold_floor), ms(cold),
            f"{cold / cold_floor:.2f}x", f"{chars / engine:,.0f}")  # fmt: skip


def main() -> None:
    """``python -m benchmarks.engine [--repeat N] [--budget S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="most runs per measurement")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds per measurement, about")
    args = parser.parse_args()
    print(run(args.repeat, args.budget))


if __name__ == "__main__":
    main()
