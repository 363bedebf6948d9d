"""Page sections: which lines are the article, related-story teasers, or page furniture.

News pages carry more than the article: tag lists, source lines, ad markers, comment forms,
and teasers of other stories after a marker line such as «إقرأ أيضاً». The markers live in
``rules/sections.txt``. A marker line opens the related section for every line after it;
boilerplate lines are never searched for statements.
"""

from __future__ import annotations

from dataclasses import dataclass

from qawl.engine.lexicon import Lexicon
from qawl.engine.normalize import normalize
from qawl.engine.records import Section

SHORT_LINE_WORDS = 12
MARKER_WINDOW = 80
"""Markers stand at the start of a line: only this many characters are normalised to look."""


@dataclass(frozen=True)
class Line:
    """One line of the article: its character range and section."""

    start: int
    end: int
    section: Section


def _starts_with_marker(norm_line: str, markers: tuple[str, ...]) -> str | None:
    if not norm_line.startswith(markers):
        return None
    for marker in markers:
        if norm_line.startswith(marker):
            rest = norm_line[len(marker):len(marker) + 1]
            if not rest or not rest.isalpha() or marker.endswith((":", "_")):
                return marker
    return None


def classify_lines(text: str, lex: Lexicon) -> list[Line]:
    """Split ``text`` into lines and give each its section."""
    lines: list[Line] = []
    related_markers, boilerplate_markers = tuple(lex.related_markers), tuple(lex.boilerplate_markers)
    # twice the longest marker: room for the diacritics and tatweel that normalising removes
    window = min(MARKER_WINDOW, 2 * max(map(len, related_markers + boilerplate_markers), default=0) + 2)
    in_related = False
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        norm = normalize(raw.lstrip()[:window])
        related = _starts_with_marker(norm, related_markers)
        boiler = _starts_with_marker(norm, boilerplate_markers)
        words = len(raw.split(None, SHORT_LINE_WORDS + 1)) if related or boiler else 0
        if related and words <= SHORT_LINE_WORDS // 2:
            in_related = True
            section = Section.BOILERPLATE
        elif boiler and (" " in boiler or words <= SHORT_LINE_WORDS):
            section = Section.BOILERPLATE
        else:
            section = Section.RELATED if in_related else Section.BODY
        lines.append(Line(start, end, section))
    return lines
