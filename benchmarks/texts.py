"""The texts the benchmarks run on: the seed articles and longer articles built from them."""

from __future__ import annotations

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
JOINER = "\n\n"


def seed_texts(seeds_dir: Path = SEEDS_DIR) -> dict[str, str]:
    """Each seed article's text by file name, in name order."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


def concatenation(text: str, times: int) -> str:
    """``text`` repeated ``times`` times as paragraphs of one article."""
    return JOINER.join([text] * times)


def article_of_size(text: str, utf8_bytes: int) -> str:
    """Copies of ``text`` joined into an article of at least ``utf8_bytes`` bytes in UTF-8."""
    size = len((text + JOINER).encode("utf-8"))
    return concatenation(text, -(-utf8_bytes // size))
