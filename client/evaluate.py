"""``qawl eval``: stream quotes over gRPC and score them against annotated articles.

Each article is sent through StreamQuotes exactly like ``qawl extract`` sends it; the quotes
come back as prediction dicts (code-point span, speaker name, kind) and are scored by
``qawl.eval`` against ``--gold DIR/<article>.json``. The report gives span and
attribution precision/recall/F1 and kind accuracy per article and overall. An article whose
annotation file is missing or malformed is reported on one line naming that file, and the
others are still scored.
"""

from __future__ import annotations

import argparse
import sys

import grpc
from rich.console import Console

from qawl.client.api import article
from qawl.client.articles import expand_paths, read_article
from qawl.client.connect import client_options, connect
from qawl.client.render import print_error, progress_bar
from qawl.v1 import qawl_pb2
from qawl.eval import EvaluationResult, GoldError, gold_path, load_gold, score_article


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
    paths = expand_paths(args.files)
    show_progress = len(paths) > 1 and sys.stderr.isatty()
    scored, failed = [], 0
    with connect(args.server, args.timeout, **client_options(args)) as client, \
            progress_bar(len(paths), show_progress, errors) as bar:
        task = bar.add_task("scoring", total=len(paths))
        for path in paths:
            gold_file = str(gold_path(path, args.gold))
            try:
                item = read_article(path)
                gold = load_gold(gold_file)
                quotes = client.stream_quotes(article(item.text, item.article_id))
                predictions = [quote_prediction(q) for q in quotes]
                scored.append(score_article(item.article_id, item.text, predictions, gold))
            except GoldError as error:  # the annotation's fault: name its file, once
                failed += 1
                print_error(errors, gold_file, str(error).removeprefix(f"{gold_file}: "))
            except (OSError, UnicodeError, ValueError, grpc.RpcError) as error:
                failed += 1  # ValueError: a span outside the text, which no server should send
                print_error(errors, path, error)
            bar.advance(task)
    if not scored:
        return 1
    print(EvaluationResult(scored).format_report(verbose=args.verbose))
    return 1 if failed else 0
