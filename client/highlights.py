"""Lay an article's statements, cues and speaker mentions out as properly nested runs of text.

HTML elements must nest, but qawl's spans need not: one speaker mention can justify several
statements, a mention can sit inside another statement's words, and statements can cross.
``pieces`` cuts the text at every span boundary and lists, for each piece, the marks covering
it, outermost first (statements, then speaker mentions, then cues). A renderer walking the
pieces opens and closes elements like a stack, so every mark becomes one element, or a few
when it crosses another. Pure Python and code point offsets; no HTML here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qawl.v1 import qawl_pb2

QUOTE, SPEAKER, CUE = "quote", "speaker", "cue"
_LAYER = {QUOTE: 0, SPEAKER: 1, CUE: 2}


@dataclass(frozen=True)
class Mark:
    """A span to mark: what it is (``QUOTE``, ``SPEAKER`` or ``CUE``), where, and for which quotes.

    ``quotes`` holds indexes into the quote list; a speaker mention or cue shared by several
    statements is one mark listing them all.
    """

    role: str
    begin: int
    end: int
    quotes: tuple[int, ...]

    def order(self) -> tuple:
        """Outer marks sort first: by layer, then earlier and longer spans."""
        return (_LAYER[self.role], self.begin, -self.end, self.quotes)


@dataclass(frozen=True)
class Piece:
    """``text[begin:end]`` and the marks covering all of it, outermost first."""

    begin: int
    end: int
    marks: tuple[Mark, ...]


def marks(quotes: Sequence[qawl_pb2.Quote], length: int) -> list[Mark]:
    """Every non-empty statement, speaker-mention and cue span of ``quotes``, clipped to ``length``.

    A speaker mention or cue span shared by several statements is one mark; every statement
    is a mark of its own.
    """
    found: dict[tuple, list[int]] = {}

    def add(role: str, span: qawl_pb2.Span, index: int) -> None:
        begin, end = max(0, span.begin_offset), min(length, span.end_offset)
        if begin < end:
            # Each statement keeps its own mark, even when two share their words.
            key = (role, begin, end, index if role == QUOTE else -1)
            found.setdefault(key, []).append(index)

    for index, quote in enumerate(quotes):
        add(QUOTE, quote.span, index)
        if quote.HasField("speaker_mention"):
            add(SPEAKER, quote.speaker_mention.span, index)
        if quote.HasField("cue"):
            add(CUE, quote.cue.span, index)
    return sorted((Mark(role, begin, end, tuple(indexes))
                   for (role, begin, end, _), indexes in found.items()), key=Mark.order)


def pieces(length: int, all_marks: Sequence[Mark]) -> list[Piece]:
    """The text ``[0, length)`` cut at every mark boundary, each piece with its covering marks."""
    starting: dict[int, list[Mark]] = {}
    ending: dict[int, list[Mark]] = {}
    for mark in all_marks:
        starting.setdefault(mark.begin, []).append(mark)
        ending.setdefault(mark.end, []).append(mark)
    cuts = sorted({0, length, *starting, *ending})
    active: set[Mark] = set()
    result = []
    for begin, end in zip(cuts, cuts[1:]):
        active.difference_update(ending.get(begin, ()))
        active.update(starting.get(begin, ()))
        result.append(Piece(begin, end, tuple(sorted(active, key=Mark.order))))
    return result
