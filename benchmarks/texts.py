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


def paragraph_variants(text: str, count: int) -> list[str]:
    """``count`` distinct articles made of ``text``'s own lines: rotated, one or two left out.

    Variant 0 is ``text`` itself; then every rotation of its lines, then each rotation with one
    line left out, then with two, until ``count`` distinct texts are found (a 20-line article
    gives over 3,000). Raises ValueError when ``text`` has too few lines for ``count``.
    """
    lines = text.split("\n")
    found: dict[str, None] = {text: None}

    def candidates():
        n = len(lines)
        for skip in range(3):
            for rotation in range(n):
                turned = lines[rotation:] + lines[:rotation]
                if skip == 0:
                    yield turned
                for first in range(n) if skip else ():
                    for second in range(first + 1, n) if skip == 2 else (None,):
                        yield [line for i, line in enumerate(turned) if i not in (first, second)]

    for variant in candidates():
        if len(found) >= count:
            break
        article = "\n".join(variant)
        if article.strip():
            found.setdefault(article, None)
    if len(found) < count:
        raise ValueError(f"only {len(found)} distinct variants of a {len(lines)}-line text")
    return list(found)[:count]


def varied_corpus(count: int, seeds_dir: Path = SEEDS_DIR) -> list[tuple[str, str]]:
    """``count`` distinct ``(id, text)`` articles from the seeds, taken from each seed in turn."""
    seeds = seed_texts(seeds_dir)
    per_seed = -(-count // len(seeds))
    variants = {name: paragraph_variants(text, per_seed) for name, text in seeds.items()}
    names = list(seeds)
    return [(f"{names[i % len(names)].removesuffix('.txt')}-{i // len(names):05d}",
             variants[names[i % len(names)]][i // len(names)]) for i in range(count)]
