"""``qawl eval``: stream quotes over gRPC and score them against annotated articles.

Each article is sent through StreamQuotes exactly like ``qawl extract`` sends it; the quotes
come back as prediction dicts (code-point span, speaker name, kind) and are scored by
``qawl.eval`` against ``--gold DIR/<article>.json``. The report gives span and
attribution precision/recall/F1 and kind accuracy per article and overall.
"""

from __future__ import annotations

import argparse
import sys

import grpc
from rich.console import Console

from qawl.client.api import article
from qawl.client.articles import read_article
from qawl.client.connect import client_options, connect
from qawl.client.render import print_error, progress_bar
from qawl.v1 import qawl_pb2
from qawl.eval import GoldError, evaluate, gold_path, load_gold


def quote_prediction(quote: qawl_pb2.Quote) -> dict:
    """A streamed quote as the scorer's prediction dict."""
    return {
        "start": quote.span.begin_offset,
        "end": quote.span.end_offset,
        "speaker": quote.speaker.name,
        "kind": qawl_pb2.QuoteKind.Name(quote.kind).removeprefix("QUOTE_KIND_").lower(),
        "rule": quote.rule,
    }


def run_eval(args: argparse.Namespace) -> int:
    """Score every file against its annotation and print the report; 1 if any file failed."""
    errors = Console(stderr=True)
    show_progress = len(args.files) > 1 and sys.stderr.isatty()
    scored, failed = [], 0
    with connect(args.server, args.timeout, **client_options(args)) as client, \
            progress_bar(len(args.files), show_progress) as bar:
        task = bar.add_task("scoring", total=len(args.files))
        for path in args.files:
            try:
                item = read_article(path)
                gold = load_gold(gold_path(path, args.gold))
                quotes = client.stream_quotes(article(item.text, item.article_id))
                scored.append((item.article_id, item.text, [quote_prediction(q) for q in quotes], gold))
            except (OSError, UnicodeError, GoldError, grpc.RpcError) as error:
                failed += 1
                print_error(errors, path, error)
            bar.advance(task)
    if not scored:
        return 1
    try:
        report = evaluate(scored).format_report(verbose=args.verbose)
    except (GoldError, ValueError) as error:
        errors.print(f"qawl: {error}", markup=False, highlight=False)
        return 1
    print(report)
    return 1 if failed else 0
