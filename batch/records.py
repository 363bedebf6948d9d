"""One article in, its output rows out: statements, the article's own row, or an error.

Pure Python over the engine, with no Spark import: the Spark job calls ``article_rows`` inside
each partition, and anything else (a test, another scheduler) can call it the same way. Every
row is derived from the article alone (no clock, no partition number, no shared speaker
registry), so extracting the same article twice, in a rerun or in a retried task, gives the
same rows. The field lists here are the output tables' columns, in order; ``schema`` turns
them into Spark types.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from qawl.server.offsets import Unit, convert_offsets

STATEMENT_FIELDS = (
    ("article_id", "string"), ("statement_index", "int"), ("statement_id", "string"),
    ("kind", "string"), ("content", "string"), ("begin", "int"), ("end", "int"),
    ("cue", "string"), ("cue_begin", "int"), ("cue_end", "int"),
    ("speaker", "string"), ("speaker_type", "string"), ("speaker_role", "string"),
    ("speaker_mention", "string"), ("method", "string"), ("confidence", "double"),
    ("rule", "string"), ("section", "string"),
    ("outlet", "string"), ("date", "string"), ("month", "string"), ("url", "string"),
)
"""A statement row: the quote, its offsets in the requested unit, its cue and its speaker."""

ARTICLE_FIELDS = (
    ("article_id", "string"), ("outlet", "string"), ("date", "string"), ("month", "string"),
    ("url", "string"), ("source", "string"), ("chars", "int"), ("statements", "int"),
    ("speakers", "int"),
)
"""An extracted article: its metadata, length in code points, statement and speaker counts."""

ERROR_FIELDS = (
    ("article_id", "string"), ("source", "string"), ("reason", "string"), ("message", "string"),
)
"""A record that was not extracted: its id (when it has one), its file, why, and details."""

STATEMENT, ARTICLE, ERROR = "statement", "article", "error"

UNITS = {"utf32": Unit.CODE_POINT, "utf16": Unit.UTF16, "utf8": Unit.UTF8}

# Reasons in the errors table.
MALFORMED = "malformed_record"
MISSING_ID = "missing_id"
DUPLICATE_ID = "duplicate_id"
UNDECODABLE = "undecodable"
EMPTY_TEXT = "empty_text"
TOO_LONG = "too_long"
ENGINE_ERROR = "engine_error"

_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class ArticleIn:
    """One input record as read: text as a string, or as bytes still to decode (.txt files).

    ``defect`` is set when the reader could not parse the record at all; ``duplicate`` when
    the job found its id on other records.
    """

    id: str | None
    text: str | None = None
    content: bytes | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    defect: str | None = None
    duplicate: str | None = None


Row = tuple[str, tuple]
"""``(STATEMENT | ARTICLE | ERROR, the row's fields in that table's order)``."""


def month_of(date: str | None) -> str | None:
    """``YYYY-MM`` from a date that starts with an ISO year and month, else None."""
    match = _MONTH.match(date.strip()) if date else None
    return f"{match[1]}-{match[2]}" if match and 1 <= int(match[2]) <= 12 else None


def _error(article: ArticleIn, reason: str, message: str) -> list[Row]:
    return [(ERROR, (article.id, article.source, reason, message))]


def article_rows(article: ArticleIn, extract: Callable, unit: Unit, max_chars: int) -> list[Row]:
    """The rows of one article: its statements and its article row, or one error row.

    ``extract`` is the engine's ``Extractor.extract``; an exception inside it becomes an
    ``engine_error`` row, so one article never fails a job.
    """
    if article.defect is not None:
        return _error(article, MALFORMED, article.defect)
    if article.id is None or not article.id.strip():
        return _error(article, MISSING_ID, "the record has no id")
    if article.duplicate is not None:
        return _error(article, DUPLICATE_ID, article.duplicate)
    text = article.text
    if text is None and article.content is not None:
        if len(article.content) > 4 * max_chars:
            return _error(article, TOO_LONG, f"{len(article.content)} bytes cannot fit in the"
                                             f" limit of {max_chars} code points")
        try:
            text = article.content.decode("utf-8")
        except UnicodeDecodeError as error:
            return _error(article, UNDECODABLE, f"not UTF-8: {error.reason} at byte {error.start}")
    if text is None or not text.strip():
        return _error(article, EMPTY_TEXT, "text is missing, empty or only whitespace")
    if len(text) > max_chars:
        return _error(article, TOO_LONG, f"text has {len(text)} code points; the limit is"
                                         f" {max_chars}")
    try:
        extraction = extract(text)
    except Exception as error:  # noqa: BLE001 - one bad article must not fail the job
        return _error(article, ENGINE_ERROR, f"{type(error).__name__}: {error}")
    return _statement_rows(article, text, extraction, unit)


def _statement_rows(article: ArticleIn, text: str, extraction, unit: Unit) -> list[Row]:
    offsets = set()
    for quote in extraction.quotes:
        offsets.update((quote.start, quote.end, quote.cue.start, quote.cue.end))
    at = convert_offsets(text, offsets, unit)
    speakers = {speaker.id: speaker for speaker in extraction.speakers}
    month = month_of(article.date)
    rows: list[Row] = []
    for index, quote in enumerate(extraction.quotes):
        speaker = speakers[quote.speaker_id]
        mention = quote.speaker_mention.text if quote.speaker_mention is not None else None
        rows.append((STATEMENT, (
            article.id, index, f"{article.id}:{quote.id}", quote.kind.value, quote.text,
            at[quote.start], at[quote.end], quote.cue.text, at[quote.cue.start], at[quote.cue.end],
            speaker.name, speaker.type.value, speaker.role or None, mention, quote.method.value,
            float(quote.confidence), quote.rule, quote.section.value,
            article.outlet, article.date, month, article.url,
        )))
    rows.append((ARTICLE, (article.id, article.outlet, article.date, month, article.url,
                           article.source, len(text), len(extraction.quotes),
                           len({quote.speaker_id for quote in extraction.quotes}))))
    return rows
