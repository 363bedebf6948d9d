"""``qawl report``: who gets a voice across many articles, as one HTML page and CSV files.

Inputs are article files and folders of ``*.txt`` articles, extracted through the service
exactly as ``qawl extract`` does (StreamQuotes, over ``--connections`` connections), and JSON
lines from ``qawl extract --format jsonl`` (``.jsonl`` files, or ``-`` for standard input),
which are read without a server. Outlet and month come from a folder's sidecar ``meta.tsv`` or
``meta.csv``, from ``--meta`` tables, or from a JSON line's own ``outlet`` / ``published``
columns (those win). Statements in related-story teasers and page furniture are left out
unless ``--all-sections``.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from rich.console import Console

from qawl.client import report_charts, report_page
from qawl.client.api import ENCODINGS
from qawl.client.connect import client_options, connect_many
from qawl.client.render import print_error, progress_bar
from qawl.client.report_data import ArticleMeta, Statement, all_tables, lookup, read_jsonl, read_meta, \
    statement, write_csv

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SIDECARS = ("meta.tsv", "meta.csv")


def _say(console: Console, message: str) -> None:
    """``qawl: message`` on one line, never wrapped."""
    console.print(f"qawl: {message}", markup=False, highlight=False, soft_wrap=True)


def sort_inputs(paths: list[str], errors: Console) -> tuple[list[str], list[str], dict, int]:
    """Split ``paths`` into article files and JSONL files, reading folders' sidecar tables.

    Returns the article files, the JSONL sources, the sidecar metadata and how many paths failed.
    """
    texts, jsonl, meta, failed = [], [], {}, 0
    for path in paths:
        folder = Path(path)
        if path == "-" or folder.suffix.lower() in JSONL_SUFFIXES:
            jsonl.append(path)
        elif folder.is_dir():
            found = sorted(str(p) for p in folder.iterdir() if p.suffix == ".txt" and p.is_file())
            if not found:
                print_error(errors, path, "no .txt articles in this folder")
                failed += 1
            texts.extend(found)
            for name in SIDECARS:
                if (folder / name).is_file():
                    meta.update(read_meta(folder / name))
        else:
            texts.append(path)
    return texts, jsonl, meta, failed


def run_report(args: argparse.Namespace) -> int:
    """Tally statements from every input and write the page (and CSV files); 1 if any input failed."""
    from qawl.client.cli import stream_all

    errors = Console(stderr=True)
    try:
        report_charts.require()
        texts, jsonl, meta, failed = sort_inputs(args.paths, errors)
        for path in args.meta or ():
            meta.update(read_meta(path))
    except OSError as error:
        print_error(errors, error.filename or "--meta", error.strerror or str(error))
        return 2
    except (report_charts.ChartsUnavailable, ValueError) as error:
        _say(errors, str(error))
        return 2

    statements: list[Statement] = []
    articles: dict[str, ArticleMeta] = {}
    for source in jsonl:
        try:
            with (nullcontext(sys.stdin) if source == "-" else open(source, encoding="utf-8")) as lines:
                for quote, own in read_jsonl(lines, "stdin" if source == "-" else source):
                    known = articles.setdefault(quote.article_id, own.over(lookup(quote.article_id, meta)))
                    statements.append(statement(quote, own.over(known)))
        except OSError as error:
            print_error(errors, source, error.strerror or str(error))
            failed += 1
        except UnicodeError as error:
            print_error(errors, source, error)
            failed += 1
        except ValueError as error:  # names the file and line itself
            _say(errors, str(error))
            failed += 1
    if texts:
        show_progress = args.progress if args.progress is not None else (len(texts) > 1 and sys.stderr.isatty())
        done = 0
        with connect_many(args.server, args.timeout, args.connections, **client_options(args)) as clients, \
                progress_bar(len(texts), show_progress, errors) as bar:
            for item, quotes in stream_all(clients, texts, ENCODINGS["codepoint"], bar, errors):
                done += 1
                known = articles.setdefault(item.article_id, lookup(item.article_id, meta))
                statements.extend(statement(quote, known) for quote in quotes)
        failed += len(texts) - done

    counted = [s for s in statements if s.in_body or args.all_sections]
    tables = all_tables(counted)
    summary = report_page.Summary(
        articles=len(articles), statements=len(counted), left_out=len(statements) - len(counted),
        failed=failed, sources=_sources(texts, jsonl, articles))
    markup = report_page.page(tables, summary, args.top)
    try:
        if args.output:
            Path(args.output).write_text(markup, encoding="utf-8")
        else:
            sys.stdout.write(markup)
            sys.stdout.flush()
        if args.csv:
            write_csv(tables, args.csv)
    except OSError as error:
        print_error(errors, error.filename or args.output or args.csv, error.strerror or str(error))
        return 2
    return 1 if failed else 0


def _sources(texts: list[str], jsonl: list[str], articles: dict[str, ArticleMeta]) -> str:
    parts = []
    if texts:
        parts.append(f"{len(texts)} article file{'s' if len(texts) != 1 else ''} extracted")
    if jsonl:
        parts.append(f"{len(jsonl)} JSONL input{'s' if len(jsonl) != 1 else ''}")
    outlets = sum(1 for m in articles.values() if m.outlet)
    months = sum(1 for m in articles.values() if m.month)
    parts.append(f"outlet known for {outlets} of {len(articles)} articles, month for {months}")
    return " · ".join(parts)
