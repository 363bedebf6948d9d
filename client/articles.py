"""Read articles from files, folders or standard input exactly as written.

Text is decoded as UTF-8 with newlines left untouched (no CRLF translation), so the offsets the
server returns index the file's own text. A folder stands for the ``.txt`` files directly in
it, in name order.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"


@dataclass(frozen=True)
class ArticleInput:
    """One article to send: its id (the file name, or ``stdin``) and its text."""

    article_id: str
    text: str


def expand_paths(paths: Iterable[str]) -> list[str]:
    """``paths`` with each folder replaced by its ``.txt`` files in name order.

    A folder holding none stays as it is, so reading it reports that.
    """
    expanded = []
    for path in paths:
        expanded.extend(_texts_in(path) or [path])
    return expanded


def _texts_in(path: str) -> list[str]:
    """The ``.txt`` files directly in folder ``path`` by name; none if it is no readable folder."""
    folder = Path(path)
    if path == STDIN or not folder.is_dir():
        return []
    try:
        texts = [p for p in folder.iterdir() if p.suffix == ".txt" and p.is_file()]
    except OSError:
        return []
    return [str(p) for p in sorted(texts, key=lambda p: p.name)]


def read_article(path: str) -> ArticleInput:
    """Read ``path`` (or standard input for ``-``); the id is the file's name."""
    if path == STDIN:
        return ArticleInput("stdin", sys.stdin.buffer.read().decode("utf-8"))
    if Path(path).is_dir():
        raise IsADirectoryError(errno.EISDIR, "folder holds no .txt file", path)
    with open(path, encoding="utf-8", newline="") as handle:
        return ArticleInput(Path(path).name, handle.read())


def read_articles(paths: list[str]) -> Iterator[ArticleInput | tuple[str, OSError | UnicodeError]]:
    """Each path's article, or ``(path, error)`` when it cannot be read."""
    for path in paths:
        try:
            yield read_article(path)
        except (OSError, UnicodeError) as error:
            yield path, error
