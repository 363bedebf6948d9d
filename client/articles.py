"""Read articles from files or standard input exactly as written.

Text is decoded as UTF-8 with newlines left untouched (no CRLF translation), so the offsets the
server returns index the file's own text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"


@dataclass(frozen=True)
class ArticleInput:
    """One article to send: its id (the file name, or ``stdin``) and its text."""

    article_id: str
    text: str


def read_article(path: str) -> ArticleInput:
    """Read ``path`` (or standard input for ``-``); the id is the file's name."""
    if path == STDIN:
        return ArticleInput("stdin", sys.stdin.buffer.read().decode("utf-8"))
    with open(path, encoding="utf-8", newline="") as handle:
        return ArticleInput(Path(path).name, handle.read())


def read_articles(paths: list[str]) -> Iterator[ArticleInput | tuple[str, OSError | UnicodeError]]:
    """Each path's article, or ``(path, error)`` when it cannot be read."""
    for path in paths:
        try:
            yield read_article(path)
        except (OSError, UnicodeError) as error:
            yield path, error
