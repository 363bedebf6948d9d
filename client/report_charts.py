"""Bar charts of the report's tables, drawn by matplotlib as SVG to embed in the page.

The figures are drawn off-screen (matplotlib's object API on an Agg canvas, never pyplot, so no
window and no global state) and saved as SVG with text kept as text (``svg.fonttype: none``):
the browser then shapes and orders Arabic names itself, which matplotlib's own text renderer
does not do. Math-text parsing is off, so a ``$`` in a name is just a character; matplotlib
escapes text for XML. Element ids are prefixed per chart so several charts share one page.
matplotlib is imported only when a chart is drawn; it comes with the ``report`` extra.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from qawl.client.report_data import KINDS, Table

KIND_COLORS = {"direct": "#4e79a7", "indirect": "#f28e2b", "mixed": "#59a14f"}
_STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "qawl",
    "text.parse_math": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#9aa0a6",
    "axes.titlelocation": "left",
    "axes.titleweight": "bold",
}


class ChartsUnavailable(RuntimeError):
    """matplotlib is not installed."""


def _matplotlib():
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as error:
        raise ChartsUnavailable("qawl report draws its charts with matplotlib: "
                                "pip install 'qawl[report]'") from error
    return matplotlib, Figure, FigureCanvasAgg


def require() -> None:
    """Raise ChartsUnavailable, saying how to install matplotlib, when it is missing."""
    _matplotlib()


def _svg(figure, prefix: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'\bid="', f'id="{prefix}-', svg)
    svg = re.sub(r'url\(#', f'url(#{prefix}-', svg)
    return re.sub(r'href="#', f'href="#{prefix}-', svg)


def kind_bars(table: Table, prefix: str, label_column: int = 0, limit: int | None = None,
              horizontal: bool = True, title: str | None = None) -> str:
    """``table``'s rows as bars stacked by statement kind (its direct, indirect, mixed columns), as SVG.

    ``limit`` keeps the first rows; horizontal charts list rows top to bottom.
    """
    matplotlib, Figure, FigureCanvasAgg = _matplotlib()
    rows = table.rows[:limit] if limit else table.rows
    names = [str(row[label_column]) for row in rows]
    columns = [table.columns.index(kind) for kind in KINDS]
    with matplotlib.rc_context(_STYLE):
        if horizontal:
            figure = Figure(figsize=(7.5, 0.9 + 0.32 * max(len(rows), 1)), layout="constrained")
        else:
            figure = Figure(figsize=(7.5, 3.4), layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        base = [0] * len(rows)
        positions = range(len(rows))
        for kind, column in zip(KINDS, columns):
            values = [row[column] for row in rows]
            if horizontal:
                axes.barh(positions, values, left=base, color=KIND_COLORS[kind], label=kind, height=0.7)
            else:
                axes.bar(positions, values, bottom=base, color=KIND_COLORS[kind], label=kind, width=0.7)
            base = [b + v for b, v in zip(base, values)]
        if horizontal:
            axes.set_yticks(list(positions), names)
            axes.invert_yaxis()
            axes.set_xlabel("statements")
            axes.xaxis.get_major_locator().set_params(integer=True)
            for y, total in enumerate(base):
                axes.text(total, y, f" {total}", va="center", fontsize=9, color="#3c4043")
        else:
            axes.set_xticks(list(positions), names, rotation=45 if len(rows) > 6 else 0,
                            ha="right" if len(rows) > 6 else "center")
            axes.set_ylabel("statements")
            axes.yaxis.get_major_locator().set_params(integer=True)
        if title:
            axes.set_title(title)
        figure.legend(loc="outside upper right", frameon=False, ncols=3)
        return _svg(figure, prefix)


def simple_bars(labels: Sequence[str], values: Sequence[int], prefix: str, title: str | None = None,
                colors: Sequence[str] | None = None) -> str:
    """One bar per label, as SVG: for totals that need no split by kind."""
    matplotlib, Figure, FigureCanvasAgg = _matplotlib()
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(7.5, 0.9 + 0.32 * max(len(labels), 1)), layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = list(range(len(labels)))
        axes.barh(positions, values, color=list(colors) if colors else "#4e79a7", height=0.7)
        axes.set_yticks(positions, list(labels))
        axes.invert_yaxis()
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_xlabel("statements")
        for y, value in enumerate(values):
            axes.text(value, y, f" {value}", va="center", fontsize=9, color="#3c4043")
        if title:
            axes.set_title(title)
        return _svg(figure, prefix)
