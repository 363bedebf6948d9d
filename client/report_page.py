"""The ``qawl report`` page: who is quoted most, by speaker type, outlet and month, direct or not.

Each figure is a bar chart (SVG from ``report_charts``, inline, so the page stays one file)
above the table it was drawn from; the same tables go to CSV with ``--csv``. Names and outlets
are isolated (``<bdi dir="auto">``) so Arabic reads right to left inside the English page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qawl.client import report_charts
from qawl.client.page import ARABIC, document, esc
from qawl.client.report_data import KINDS, Table

REPORT_CSS = f"""
figure {{ margin: 1rem 0; }}
figure svg {{ max-width: 100%; height: auto; }}
figure svg text {{ font-family: "Noto Sans", "DejaVu Sans", {ARABIC} !important; }}
.summary {{ display: flex; flex-wrap: wrap; gap: .5rem 2rem; padding: 0; list-style: none; }}
.summary b {{ font-size: 1.4rem; display: block; }}
details {{ margin-bottom: 1rem; }}
bdi[dir="auto"] {{ font-weight: 600; }}
"""

_TEXT_COLUMNS = {"speaker", "outlet", "type", "kind", "month"}
_NAME_COLUMNS = {"speaker", "outlet"}


@dataclass(frozen=True)
class Summary:
    """What the report was made of."""

    articles: int
    statements: int
    left_out: int
    failed: int
    sources: str


def html_table(table: Table, limit: int | None = None) -> str:
    """``table`` as an HTML table, names isolated for right-to-left text, numbers right-aligned."""
    head = "".join(f'<th scope="col"{" class=n" if i and not _is_text(c) else ""}>{esc(c)}</th>'
                   for i, c in enumerate(table.columns))
    body = []
    for row in table.rows[:limit] if limit else table.rows:
        cells = []
        for column, value in zip(table.columns, row):
            if column in _NAME_COLUMNS:
                cells.append(f'<td><bdi dir="auto">{esc(value)}</bdi></td>')
            elif isinstance(value, (int, float)):
                shown = f"{value:.1%}" if column == "share" else str(value)
                cells.append(f'<td class="n">{esc(shown)}</td>')
            else:
                cells.append(f"<td>{esc(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table id="t-{esc(table.name)}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def _is_text(column: str) -> bool:
    return column in _TEXT_COLUMNS


def _chart(table: Table, top: int) -> str:
    if not table.rows:
        return '<p class="muted">Nothing to draw.</p>'
    if table.name == "kinds":
        svg = report_charts.simple_bars([r[0] for r in table.rows], [r[1] for r in table.rows],
                                        f"c-{table.name}", None,
                                        [report_charts.KIND_COLORS[k] for k in KINDS])
    elif table.name == "months":
        svg = report_charts.kind_bars(table, f"c-{table.name}", horizontal=False)
    elif table.name == "speakers":
        shown = min(top, len(table.rows))
        title = f"top {shown} of {len(table.rows)} speakers" if shown < len(table.rows) else None
        svg = report_charts.kind_bars(table, f"c-{table.name}", limit=top, title=title)
    else:
        svg = report_charts.kind_bars(table, f"c-{table.name}")
    return f'<figure role="img" aria-label="{esc(table.title)}">{svg}</figure>'


def page(tables: Sequence[Table], summary: Summary, top: int = 15) -> str:
    """The report page: a summary, then each table's chart and the table itself."""
    facts = [("articles", summary.articles), ("statements counted", summary.statements),
             ("speakers", len(tables[0].rows) if tables else 0)]
    notes = []
    if summary.left_out:
        notes.append(f"{summary.left_out} statements in related-story teasers or page furniture "
                     "are left out (--all-sections counts them).")
    if summary.failed:
        notes.append(f"{summary.failed} inputs could not be read or extracted (see the command's errors).")
    parts = [
        "<header><h1>Who gets a voice</h1>"
        f'<p class="muted">{esc(summary.sources)}</p>'
        '<ul class="summary">' + "".join(f"<li><b>{n}</b>{esc(label)}</li>" for label, n in facts) + "</ul>"
        + "".join(f'<p class="muted">{esc(n)}</p>' for n in notes) + "</header>"
    ]
    for table in tables:
        listed = top if table.name == "speakers" else None
        more = (f'<p class="muted">The table lists the top {top}; the CSV file (--csv) has all '
                f"{len(table.rows)}.</p>") if listed and len(table.rows) > top else ""
        parts.append(f'<section id="{esc(table.name)}"><h2>{esc(table.title)}</h2>'
                     f"{_chart(table, top)}{html_table(table, listed)}{more}</section>")
    return document("qawl report", "\n".join(parts), REPORT_CSS)
