"""Sentence segmentation that respects lines, sections and quotations.

A sentence never ends inside a quotation (a quoted passage can hold several sentences of its
own), and never crosses a line break, except where a quotation opened on a line closes on one
of the next two lines of the same section: a page scraped with its lines broken mid-sentence
(«هذه العملية تجسد التنسيق بين / الأجهزة الأمنية / وكفاءتها»). Boilerplate lines yield no
sentences.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from qawl.engine.quotes import QuotedStretch, pair_quotes
from qawl.engine.records import Section
from qawl.engine.sections import Line
from qawl.engine.tokens import Words

SENTENCE_END = {".", "!", "?", "؟", "..", "...", "…", "....", ".....", "......", "……"}
"""Sentence-ending tokens; longer runs of dots are tested by ``ends_sentence``."""


def ends_sentence(text: str) -> bool:
    """A full stop, question or exclamation mark, or a run of dots (القريب....كشف ذلك)."""
    return text in SENTENCE_END or (len(text) > 6 and not text.strip(".…"))


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


MAX_BROKEN_LINES = 3
"""A quotation is followed across at most this many lines (its own included)."""


def _join_broken_quotes(words: Words, ranges: list[tuple[int, int, Line]]
                        ) -> list[tuple[int, int, Line, list[QuotedStretch]]]:
    """Join a line whose quotation is left open to the next lines that close it (at most
    ``MAX_BROKEN_LINES`` in all, one section); every other line stays as it is. Each range
    comes with its quoted stretches."""
    joined: list[tuple[int, int, Line, list[QuotedStretch]]] = []
    n = 0
    while n < len(ranges):
        first, last, line = ranges[n]
        upto = n
        stretches = pair_quotes(words, first, last)
        if stretches and not stretches[-1].closed:
            for m in range(n + 1, min(len(ranges), n + MAX_BROKEN_LINES)):
                if ranges[m][2].section is not line.section:
                    break
                merged = pair_quotes(words, first, ranges[m][1])
                if merged and merged[-1].open == stretches[-1].open and merged[-1].closed:
                    upto, stretches = m, merged
                    break
        joined.append((first, ranges[upto][1], line, stretches))
        n = upto + 1
    return joined


MAX_ABBREVIATION_LETTERS = 3


def abbreviation_dot(words: Words, i: int) -> bool:
    """إن.بي.إن، U.S.A: a full stop written tight between two short pieces is inside an
    abbreviation, not a sentence's end (but «…الفيروس.وطالب» ends one)."""
    if i == 0 or i + 1 >= len(words) or words.text[i] != ".":
        return False
    before, after = words.text[i - 1], words.text[i + 1]
    return (words.end[i - 1] == words.start[i] and words.end[i] == words.start[i + 1]
            and before.isalpha() and after.isalpha()
            and len(before) <= MAX_ABBREVIATION_LETTERS and len(after) <= MAX_ABBREVIATION_LETTERS)


MAX_OPEN_LINES = 5
"""A line left open (``open_ended``) is joined to at most this many lines in all."""


MAX_WRAPPED_LINES = 12
"""On a hard-wrapped page a sentence is followed across at most this many lines."""
MIN_WRAPPED_CHARS = 40
"""A line shorter than this (a headline, a byline) never counts as wrapped text."""
MIN_WRAPPED_SHARE = 0.5
MIN_WRAPPED_BREAKS = 3


def _breaks_once(words: Words, ranges: list[tuple[int, int, Line]], n: int) -> bool:
    """Is line n followed, after a single line break (no blank line), by a line of its section?"""
    if n + 1 >= len(ranges) or ranges[n + 1][2].section is not ranges[n][2].section:
        return False
    return words.source.count("\n", words.end[ranges[n][1] - 1], words.start[ranges[n + 1][0]]) == 1


def _wraps(words: Words, ranges: list[tuple[int, int, Line]], n: int) -> bool:
    """Does line n run on into line n + 1 as wrapped text: a long line, not ending a sentence,
    with a single line break (no blank line) before the next line of its section?"""
    first, last, _ = ranges[n]
    return (words.end[last - 1] - words.start[first] >= MIN_WRAPPED_CHARS and not ends_sentence(words.text[last - 1])
            and words.text[last - 1] != ":" and _breaks_once(words, ranges, n))


def _hard_wrapped(words: Words, ranges: list[tuple[int, int, Line]]) -> bool:
    """Is the page hard-wrapped (lines broken at a fixed width, mid-sentence), as some scraped
    wire copies are: most of its long lines run on into the next one?"""
    long_lines = [n for n, (first, last, _) in enumerate(ranges[:-1])
                  if words.end[last - 1] - words.start[first] >= MIN_WRAPPED_CHARS]
    wrapped = sum(_wraps(words, ranges, n) for n in long_lines)
    return wrapped >= MIN_WRAPPED_BREAKS and wrapped >= MIN_WRAPPED_SHARE * len(long_lines)


def _join_open_lines(words: Words, ranges: list[tuple[int, int, Line]], open_ended: Callable[[int], bool] | None,
                     opens_statement: Callable[[int], bool] | None = None) -> list[tuple[int, int, Line]]:
    """Join a line whose last token cannot end a sentence (``open_ended``: أكد … أن / قال:
    / a preposition, as pages scraped with their lines broken mid-sentence have them) to the
    lines after it, in one section, until a line of them ends a sentence. On a hard-wrapped
    page every line that runs on (``_wraps``) is joined to the next, unless the next opens with
    a statement of its own (``opens_statement``: وقال …، يذكر أن …)."""
    if open_ended is None:
        return ranges
    wrapped = _hard_wrapped(words, ranges)
    reach = MAX_WRAPPED_LINES if wrapped else MAX_OPEN_LINES

    def runs_on(m: int, joining: bool) -> bool:
        """Does line m go on into line m + 1 (``joining``: m is already joined to lines before)?"""
        if open_ended(ranges[m][1] - 1):
            return True
        if wrapped and opens_statement is not None and opens_statement(ranges[m + 1][0]):
            return False
        if wrapped and opens_statement is not None and opens_statement(ranges[m][0]) and _breaks_once(words, ranges, m) \
                and not ends_sentence(words.text[ranges[m][1] - 1]):
            return True  # واوضح الحمود ان عدد الجرائم / التي …: a paragraph's short first line, a statement opened
        return (wrapped and _wraps(words, ranges, m)) or (joining and not ends_sentence(words.text[ranges[m][1] - 1]))

    joined: list[tuple[int, int, Line]] = []
    n = 0
    while n < len(ranges):
        first, last, line = ranges[n]
        m = n
        while m + 1 < len(ranges) and m + 1 - n < reach and ranges[m + 1][2].section is line.section \
                and runs_on(m, m > n):
            m += 1
        joined.append((first, ranges[m][1], line))
        n = m + 1
    return joined


def split_sentences(words: Words, lines: list[Line], open_ended: Callable[[int], bool] | None = None,
                    opens_statement: Callable[[int], bool] | None = None) -> list[Sentence]:
    """Segment the article into sentences, in order, skipping boilerplate lines.
    ``open_ended(i)``: can token i, the last of its line, not end a sentence? ``opens_statement(j)``:
    does token j, the first of its line, begin a statement of its own? (see ``_join_open_lines``)"""
    sentences: list[Sentence] = []
    ranges = _join_open_lines(words, _line_token_ranges(words, lines), open_ended, opens_statement)
    for first, last, line, stretches in _join_broken_quotes(words, ranges):
        if line.section is Section.BOILERPLATE:
            continue
        inside = set()
        for stretch in stretches:
            if stretch.closed:  # a quotation never closed ends with its sentence (قال: "إن … . كما أشاد …)
                inside.update(range(stretch.open, min(stretch.close, last - 1) + 1))
        start = first
        for i in range(first, last):
            text = words.text[i]  # the set first, inline: this runs on every token
            if (text in SENTENCE_END or len(text) > 6 and ends_sentence(text)) and i not in inside and i + 1 < last \
                    and not abbreviation_dot(words, i):
                sentences.append(Sentence(len(sentences), start, i + 1, line.section))
                start = i + 1
        sentences.append(Sentence(len(sentences), start, last, line.section))
    for sentence in sentences:
        sentence.set_quotes(pair_quotes(words, sentence.first, sentence.last))
    return sentences
