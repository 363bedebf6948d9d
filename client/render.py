"""Show quotes to people (a table, a progress bar) and to programs (JSON lines).

JSON lines are proto3 JSON of ``qawl.v1.Quote``, one per line, with the proto's snake_case
field names, enum names, and every field present even when zero (so a span starting at 0
still has ``begin_offset``). Error lines are never wrapped, whatever the terminal's width, so a
log pipeline sees one line per error. The progress bar draws on stderr and leaves stdout alone:
records written while it shows still go to stdout, wherever that leads.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import grpc
from google.protobuf import json_format
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from qawl.client.errors import describe
from qawl.v1 import qawl_pb2

_TEXT_WIDTH = 120


def quote_json(quote: qawl_pb2.Quote) -> str:
    """One quote as a single line of proto3 JSON."""
    return json_format.MessageToJson(
        quote,
        preserving_proto_field_name=True,
        indent=None,
        ensure_ascii=False,
        always_print_fields_with_no_presence=True,
    )


def _short(text: str, width: int = _TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _enum_label(enum_type, value: int, prefix: str) -> str:
    return enum_type.Name(value).removeprefix(prefix).lower().replace("_", " ")


def quote_table(article_id: str, quotes: Sequence[qawl_pb2.Quote]) -> Table:
    """A table of one article's quotes: who, how, the cue and the words."""
    table = Table(title=f"{article_id} · {len(quotes)} quotes", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("speaker", max_width=18)
    table.add_column("kind", no_wrap=True)
    table.add_column("cue", no_wrap=True)
    table.add_column("quote", min_width=20, ratio=1)
    table.add_column("conf", justify="right", no_wrap=True)
    for quote in quotes:
        table.add_row(
            quote.id,
            quote.speaker.name or "?",
            _enum_label(qawl_pb2.QuoteKind, quote.kind, "QUOTE_KIND_"),
            quote.cue.text,
            _short(quote.text),
            f"{quote.confidence:.2f}",
        )
    return table


def print_table(console: Console, article_id: str, quotes: Sequence[qawl_pb2.Quote]) -> None:
    """Print one article's quote table on ``console``."""
    console.print(quote_table(article_id, quotes))


def error_line(source: str, error: Exception | str) -> str:
    """``qawl: SOURCE: CODE: details [reason …; field …; retry after …]`` for an RPC error,
    ``qawl: SOURCE: message`` otherwise; always one line."""
    if isinstance(error, grpc.RpcError):
        detail = describe(error)
    else:
        detail = " ".join(str(error).splitlines())
    return f"qawl: {source}: {detail}"


def print_error(console: Console, source: str, error: Exception | str) -> None:
    """Print ``error_line(source, error)`` on ``console`` as one line, never wrapped."""
    console.print(error_line(source, error), markup=False, highlight=False, emoji=False,
                  soft_wrap=True)


def progress_bar(total: int, enabled: bool, console: Console | None = None) -> Progress:
    """A transient progress bar for ``total`` articles on ``console`` (default: stderr), shown
    only when ``enabled``.

    Print errors on the same ``console`` while it shows, so they appear above it. It never
    takes over stdout: write records there inside ``beside(bar)``.
    """
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=True,
        disable=not enabled,
        redirect_stdout=False,
    )


@contextmanager
def beside(bar: Progress) -> Iterator[None]:
    """Write to stdout inside this while ``bar`` shows.

    When stdout is a terminal too, the bar is taken down for the write and drawn again after,
    so the two never overwrite each other; otherwise (stdout a file or a pipe) nothing needs
    doing and the records go straight there.
    """
    if bar.disable or not bar.live.is_started or not sys.stdout.isatty():
        yield
        return
    bar.stop()
    try:
        yield
    finally:
        sys.stdout.flush()
        bar.start()
