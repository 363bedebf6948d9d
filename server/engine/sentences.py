"""Sentence segmentation that respects lines, sections and quotations.

A sentence never crosses a line break, and never ends inside a quotation (a quoted passage
can hold several sentences of its own). Boilerplate lines yield no sentences.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from qawl.engine.quotes import QuotedStretch, pair_quotes
from qawl.engine.records import Section
from qawl.engine.sections import Line
from qawl.engine.tokens import Words

SENTENCE_END = {".", "!", "?", "؟", "..", "...", "…"}


@dataclass
class Sentence:
    """Tokens ``first``..``last`` (exclusive) of one sentence, with its quoted stretches."""

    index: int
    first: int
    last: int
    section: Section
    quotes: list[QuotedStretch] = field(default_factory=list)
    _opens: list[int] = field(default_factory=list, repr=False)
    stops: list[int] | None = field(default=None, repr=False)

    def set_quotes(self, quotes: list[QuotedStretch]) -> None:
        """Attach the sentence's quoted stretches (sorted, not overlapping)."""
        self.quotes = quotes
        self._opens = [q.open for q in quotes]

    def quote_at(self, i: int) -> QuotedStretch | None:
        """The quoted stretch containing token ``i`` (marks included), if any."""
        k = bisect.bisect_right(self._opens, i) - 1
        if k >= 0 and i <= self.quotes[k].close:
            return self.quotes[k]
        return None


def _line_token_ranges(words: Words, lines: list[Line]) -> list[tuple[int, int, Line]]:
    """For each line, the range of tokens that start inside it, trimmed of whitespace tokens."""
    ranges: list[tuple[int, int, Line]] = []
    hi = 0
    for k, line in enumerate(lines):
        lo = hi
        hi = bisect.bisect_left(words.start, lines[k + 1].start, lo) if k + 1 < len(lines) else len(words)
        first, last = lo, hi
        first = words.first_word(first, last)
        while last > first and not words.text[last - 1].strip():
            last -= 1
        if first < last:
            ranges.append((first, last, line))
    return ranges


def split_sentences(words: Words, lines: list[Line]) -> list[Sentence]:
    """Segment the article into sentences, in order, skipping boilerplate lines."""
    sentences: list[Sentence] = []
    for first, last, line in _line_token_ranges(words, lines):
        if line.section is Section.BOILERPLATE:
            continue
        stretches = pair_quotes(words, first, last)
        inside = set()
        for stretch in stretches:
            inside.update(range(stretch.open, min(stretch.close, last - 1) + 1))
        start = first
        for i in range(first, last):
            if words.text[i] in SENTENCE_END and i not in inside and i + 1 < last:
                sentences.append(Sentence(len(sentences), start, i + 1, line.section))
                start = i + 1
        sentences.append(Sentence(len(sentences), start, last, line.section))
    for sentence in sentences:
        sentence.set_quotes(pair_quotes(words, sentence.first, sentence.last))
    return sentences
