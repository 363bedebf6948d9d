"""Engine time per seed article on one core, next to spaCy's bare blank Arabic tokenizer.

The tokenizer is the floor: no extractor over spaCy can read an article faster than spaCy
splits it into tokens. The ratio engine / tokenizer is the figure that holds on any machine
(issue target: at most 2x). The engine's own tokenizer (quotation marks split off) is shown
too, so the cost of the grammar itself can be read off.
"""

from __future__ import annotations

import argparse

import spacy

from benchmarks.texts import seed_texts
from benchmarks.timing import measure, ms, one_core, table
from server.engine import Extractor


def run(repeat: int = 30, budget: float = 2.0) -> str:
    """Measure every seed and return the printed report."""
    with one_core() as pinned:
        extractor = Extractor()
        bare = spacy.blank("ar")
        rows = []
        totals = [0, 0.0, 0.0, 0.0]
        for name, text in seed_texts().items():
            floor = measure(lambda: bare.tokenizer(text), repeat, budget).median
            own_tokens = measure(lambda: extractor.nlp.make_doc(text), repeat, budget).median
            engine = measure(lambda: extractor.extract(text), repeat, budget).median
            rows.append(_row(name, len(text), floor, own_tokens, engine))
            for i, value in enumerate((len(text), floor, own_tokens, engine)):
                totals[i] += value
        rows.append(_row("all seeds", *totals))
        header = (
            "article",
            "chars",
            "spaCy tok ms",
            "engine tok ms",
            "engine ms",
            "engine/tok",
            "chars/s",
        )
        return "\n".join(
            [
                f"Engine vs the bare spaCy tokenizer, median of up to {repeat} runs ({pinned})",
                table(header, rows),
                f"engine per article: {ms(totals[3] / (len(rows) - 1))} ms;"
                f" engine / bare tokenizer: {totals[3] / totals[1]:.2f}x (target <= 2x)",
            ]
        )


def _row(name: str, chars: int, floor: float, own_tokens: float, engine: float) -> tuple:
    return (
        name,
        chars,
        ms(floor),
        ms(own_tokens),
        ms(engine),
        f"{engine / floor:.2f}x",
        f"{chars / engine:,.0f}",
    )


def main() -> None:
    """``python -m benchmarks.engine [--repeat N] [--budget S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="most runs per measurement")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds per measurement, about")
    args = parser.parse_args()
    print(run(args.repeat, args.budget))


if __name__ == "__main__":
    main()
