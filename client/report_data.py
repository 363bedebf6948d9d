"""Who is quoted, how often and how: statements from quotes or JSONL records, tallied into tables.

``qawl report`` counts statements from two kinds of input: quotes streamed from the service for
article files, and JSON lines written by ``qawl extract --format jsonl``. Outlet and month come
from the records themselves where a line carries them (``outlet`` or ``source``; ``published``,
``date`` or ``month``), or from a sidecar table (CSV or TSV) keyed by article id or file name.
Speakers are counted across articles by name and type, their names compared without
diacritics, tatweel or hamza-seat spellings. Pure Python: no gRPC, no charts.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from google.protobuf import json_format

from qawl.client import labels
from qawl.v1 import qawl_pb2

KINDS = tuple(labels.KINDS.values())
NOT_KNOWN = "(not known)"
ID_COLUMNS = ("article_id", "id", "file")
OUTLET_COLUMNS = ("outlet", "source")
DATE_COLUMNS = ("published", "date", "month")

_MONTH = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})(?:\D|$)")
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


@dataclass(frozen=True)
class ArticleMeta:
    """What is known of an article beyond its text: its outlet and month (``YYYY-MM``)."""

    outlet: str | None = None
    month: str | None = None

    def over(self, other: "ArticleMeta") -> "ArticleMeta":
        """This metadata, falling back on ``other`` for what it lacks."""
        return ArticleMeta(self.outlet or other.outlet, self.month or other.month)


@dataclass(frozen=True)
class Statement:
    """One attributed statement as the report counts it."""

    article_id: str
    speaker: str
    speaker_type: str
    kind: str
    in_body: bool
    outlet: str | None
    month: str | None

    @property
    def speaker_key(self) -> tuple[str, str]:
        """Who this is across articles: the compared form of the name, and the type."""
        return compare_form(self.speaker), self.speaker_type


@dataclass
class Table:
    """A titled table of figures; the same rows feed the page, its chart and its CSV file."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple]


def compare_form(name: str) -> str:
    """``name`` as speakers are matched across articles: no diacritics or tatweel, one alef, ي for ى."""
    return " ".join(_MARKS.sub("", name).translate(_ALEFS).split())


def month_of(value: str | None) -> str | None:
    """``YYYY-MM`` from a date such as ``2024-01-19``, ``2024-01`` or ``2024-01-19T08:00:00Z``."""
    match = _MONTH.match(value or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return f"{match.group(1)}-{int(match.group(2)):02d}"


def _first(row: dict, names: Sequence[str]) -> str | None:
    for name in names:
        value = (row.get(name) or "").strip()
        if value:
            return value
    return None


def meta_of(row: dict) -> ArticleMeta:
    """Outlet and month from a record or sidecar row, whichever of the known columns it has."""
    return ArticleMeta(_first(row, OUTLET_COLUMNS), month_of(_first(row, DATE_COLUMNS)))


def read_meta(path: str | Path) -> dict[str, ArticleMeta]:
    """A sidecar table (TSV for ``.tsv``, else CSV) by article id; raises ValueError when unusable."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        columns = [c.strip() for c in reader.fieldnames or ()]
        reader.fieldnames = columns
        key = next((c for c in ID_COLUMNS if c in columns), None)
        if key is None or not any(c in columns for c in OUTLET_COLUMNS + DATE_COLUMNS):
            raise ValueError(f"{path}: a metadata table needs a column {' or '.join(ID_COLUMNS)} and one of "
                             f"{', '.join(OUTLET_COLUMNS + DATE_COLUMNS)}; it has {', '.join(columns) or 'none'}")
        return {row[key].strip(): meta_of(row) for row in reader if (row.get(key) or "").strip()}


def lookup(article_id: str, table: dict[str, ArticleMeta]) -> ArticleMeta:
    """``article_id``'s row of ``table``, by the id itself or by the file name without its extension."""
    return table.get(article_id) or table.get(Path(article_id).stem) or ArticleMeta()


def statement(quote: qawl_pb2.Quote, meta: ArticleMeta) -> Statement:
    """The report's view of one quote from an article with ``meta``."""
    return Statement(
        article_id=quote.article_id,
        speaker=" ".join(quote.speaker.name.split()),
        speaker_type=labels.speaker_type(quote.speaker.type),
        kind=labels.kind(quote.kind),
        in_body=quote.section in (qawl_pb2.SECTION_BODY, qawl_pb2.SECTION_UNSPECIFIED),
        outlet=meta.outlet,
        month=meta.month,
    )


def read_jsonl(lines: Iterable[str], source: str) -> Iterator[tuple[qawl_pb2.Quote, ArticleMeta]]:
    """Quotes from ``qawl extract --format jsonl`` lines, with any outlet and date columns they carry.

    Raises ValueError naming ``source`` and the line for a line that is not a Quote record.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            quote = json_format.ParseDict(record, qawl_pb2.Quote(), ignore_unknown_fields=True)
        except (ValueError, json_format.ParseError) as error:
            raise ValueError(f"{source}:{number}: not a qawl Quote record: {error}") from None
        yield quote, meta_of(record)


def _by_kind(statements: Iterable[Statement]) -> tuple[int, ...]:
    counts = Counter(s.kind for s in statements)
    return tuple(counts[k] for k in KINDS)


def speakers_table(statements: Sequence[Statement]) -> Table:
    """Every speaker, most quoted first: type, statements, how many of each kind, articles."""
    groups: dict[tuple, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[s.speaker_key].append(s)
    rows = []
    for group in groups.values():
        spelling = Counter(s.speaker for s in group).most_common(1)[0][0] or "(no speaker found)"
        rows.append((spelling, group[0].speaker_type, len(group), *_by_kind(group),
                     len({s.article_id for s in group})))
    rows.sort(key=lambda r: (-r[2], -r[-1], r[0]))
    return Table("speakers", "Who is quoted most",
                 ("speaker", "type", "statements", *KINDS, "articles"), rows)


def types_table(statements: Sequence[Statement]) -> Table:
    """Statements and distinct speakers by speaker type, in the contract's order."""
    order = list(labels.SPEAKER_TYPES.values()) + [labels.UNKNOWN]
    rows = []
    for kind in order:
        group = [s for s in statements if s.speaker_type == kind]
        if group or kind != labels.UNKNOWN:
            rows.append((kind, len(group), len({s.speaker_key for s in group}), *_by_kind(group)))
    return Table("speaker_types", "By speaker type", ("type", "statements", "speakers", *KINDS), rows)


def _grouped(name: str, title: str, column: str, statements: Sequence[Statement],
             key, order) -> Table:
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[key(s) or NOT_KNOWN].append(s)
    known = sorted((k for k in groups if k != NOT_KNOWN), key=order(groups))
    if NOT_KNOWN in groups:
        known.append(NOT_KNOWN)
    rows = [(k, len(groups[k]), len({s.article_id for s in groups[k]}), *_by_kind(groups[k])) for k in known]
    return Table(name, title, (column, "statements", "articles", *KINDS), rows)


def outlets_table(statements: Sequence[Statement]) -> Table:
    """Statements by outlet, busiest first; statements of articles with no known outlet last."""
    return _grouped("outlets", "By outlet", "outlet", statements, lambda s: s.outlet,
                    lambda groups: (lambda k: (-len(groups[k]), k)))


def months_table(statements: Sequence[Statement]) -> Table:
    """Statements by month of publication, oldest first; unknown dates last."""
    return _grouped("months", "By month", "month", statements, lambda s: s.month, lambda groups: str)


def kinds_table(statements: Sequence[Statement]) -> Table:
    """Direct against indirect (and mixed) statements, with each kind's share."""
    counts = _by_kind(statements)
    total = sum(counts) or 1
    return Table("kinds", "Direct against indirect", ("kind", "statements", "share"),
                 [(k, n, round(n / total, 3)) for k, n in zip(KINDS, counts)])


def all_tables(statements: Sequence[Statement]) -> list[Table]:
    """The report's tables, in the order the page shows them."""
    return [speakers_table(statements), types_table(statements), kinds_table(statements),
            outlets_table(statements), months_table(statements)]


def write_csv(tables: Sequence[Table], directory: str | Path) -> list[Path]:
    """Each table as ``DIRECTORY/NAME.csv`` (UTF-8, a header row); returns the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = directory / f"{table.name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows(table.rows)
        written.append(path)
    return written
