"""``qawl``: the command-line client of the qawl service.

Subcommands:

- ``extract FILE|DIR... | -``: stream each article's quotes back (StreamQuotes) as a table on a
  terminal or JSON lines otherwise, or as one HTML page (``--format`` overrides); a folder
  stands for its ``.txt`` files in name order.
- ``eval --gold DIR FILE...``: stream quotes the same way and score them against annotations.
- ``report PATH...``: who is quoted most, by speaker type, outlet and month, direct against
  indirect, over articles (extracted the same way) or JSONL records: an HTML page and CSV files.
- ``health --server HOST:PORT``: the server's health status.
- ``batch INPUT OUTPUT``: extract a whole archive on Apache Spark, in-process engines, no
  server (``qawl.batch``; needs the ``qawl[spark]`` extra and Java). Spark and the engine are
  imported only when this command runs.

Without ``--server``, ``extract``, ``eval`` and ``report`` start a server in their own process, listening
on a Unix domain socket in a private temporary folder, and talk to it through real gRPC; with
``--server HOST:PORT`` they talk to a running one. Usage errors print one line and exit 2.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import metadata

import grpc
from rich.console import Console
from rich.progress import Progress

from qawl.client import render
from qawl.client.api import ENCODINGS, QawlClient, article
from qawl.client.articles import ArticleInput, expand_paths, read_articles
from qawl.client.connect import client_options, connect, connect_many, option_problem


def stream_all(clients: list[QawlClient], paths: list[str], encoding_type: int,
               progress: Progress, errors: Console) -> Iterator[tuple[ArticleInput, list]]:
    """Each readable article with its streamed quotes, in the order of ``paths``.

    One article is in flight per client, at most; failures are reported on ``errors``, and
    ``progress`` advances by one per article.
    """
    idle: queue.SimpleQueue[QawlClient] = queue.SimpleQueue()
    for client in clients:
        idle.put(client)

    def stream(item: ArticleInput) -> tuple[ArticleInput, list | grpc.RpcError]:
        client = idle.get()
        try:
            return item, list(client.stream_quotes(article(item.text, item.article_id), encoding_type))
        except grpc.RpcError as error:
            return item, error
        finally:
            idle.put(client)

    with ThreadPoolExecutor(len(clients), thread_name_prefix="qawl-extract") as pool:
        task = progress.add_task("extracting", total=len(paths))
        pending: deque[Future | tuple] = deque()
        for item in read_articles(paths):
            pending.append(item if isinstance(item, tuple) else pool.submit(stream, item))
            while len(pending) > len(clients) or (pending and _ready(pending[0])):
                yield from _report(pending.popleft(), errors)
                progress.advance(task)
        while pending:
            yield from _report(pending.popleft(), errors)
            progress.advance(task)


def _ready(entry: Future | tuple) -> bool:
    return not isinstance(entry, Future) or entry.done()


def _report(entry: Future | tuple, errors: Console) -> Iterator[tuple[ArticleInput, list]]:
    """Yield a finished article's quotes, or print why it has none."""
    if not isinstance(entry, Future):
        render.print_error(errors, *entry)
        return
    item, outcome = entry.result()
    if isinstance(outcome, grpc.RpcError):
        render.print_error(errors, item.article_id, outcome)
    else:
        yield item, outcome


def cmd_extract(args: argparse.Namespace) -> int:
    """Stream and print the quotes of every file; exit 1 if any article failed.

    Records go to stdout (or ``--output``) whatever the progress bar does: it draws on stderr.
    """
    try:
        target = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as error:
        return usage_error(f"--output {args.output}: {error.strerror}")
    fmt = args.format or ("table" if target.isatty() else "jsonl")
    # The page places highlights by code point; the other formats show offsets as asked.
    encoding = ENCODINGS["codepoint" if fmt == "html" else args.encoding]
    paths = expand_paths(args.files)
    out, errors = Console(file=target), Console(stderr=True)
    show_progress = args.progress if args.progress is not None else (
        len(paths) > 1 and sys.stderr.isatty())
    done, shown = 0, []
    try:
        with connect_many(args.server, args.timeout, args.connections, **client_options(args)) as clients, \
                render.progress_bar(len(paths), show_progress, errors) as bar:
            for item, quotes in stream_all(clients, paths, encoding, bar, errors):
                done += 1
                if fmt == "html":
                    shown.append((item.article_id, item.text, quotes))
                    continue
                with render.beside(bar):
                    if fmt == "jsonl":
                        target.write("".join(render.quote_json(quote) + "\n" for quote in quotes))
                        target.flush()
                    else:
                        render.print_table(out, item.article_id, quotes)
        if fmt == "html":
            from qawl.client.article_view import page

            target.write(page(shown))
            target.flush()
    finally:
        if target is not sys.stdout:
            target.close()
    return 0 if done == len(paths) else 1


def cmd_health(args: argparse.Namespace) -> int:
    """Print the server's health status; exit 0 only when SERVING, 2 without ``--server``.

    A probe of a server this command started itself would always pass, so there is none.
    """
    if not args.server:
        return usage_error("health needs --server HOST:PORT (the server to probe)")
    with connect(args.server, args.timeout, **client_options(args)) as client:
        try:
            status = client.health(args.service)
        except grpc.RpcError as error:
            render.print_error(Console(stderr=True), args.server or "embedded", error)
            return 1
    print(status)
    return 0 if status == "SERVING" else 1


def cmd_eval(args: argparse.Namespace) -> int:
    """Score streamed quotes against annotated articles."""
    from qawl.client.evaluate import run_eval

    return run_eval(args)


def cmd_report(args: argparse.Namespace) -> int:
    """Tally who is quoted across articles or JSONL records into an HTML page and CSV files."""
    from qawl.client.report import run_report

    return run_report(args)


def usage_error(message: str) -> int:
    """Print ``qawl: message`` as one line on stderr; the exit status of a usage error, 2."""
    print(f"qawl: {message}", file=sys.stderr)
    return 2


def version() -> str:
    """The installed qawl distribution's version."""
    try:
        return metadata.version("qawl")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def cmd_batch(args: argparse.Namespace) -> int:
    """Run the Spark batch job over an archive."""
    try:
        from qawl.batch.job import run_cli
    except ImportError as error:
        return usage_error(f"batch needs pyspark: pip install 'qawl[spark]' ({error})")
    from qawl.batch.options import config_from_args

    return run_cli(config_from_args(args))


def _positive(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError("must be between 1 and 64")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The ``qawl`` argument parser with its subcommands."""
    parser = argparse.ArgumentParser(prog="qawl", description="Who said what in Arabic news, over gRPC.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--server", metavar="HOST:PORT",
                        help="a running qawl server (default for extract, eval and report: start one "
                             "in-process on a private Unix socket; health needs it)")
    common.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="deadline per RPC (default %(default)s)")
    common.add_argument("--token-file", default=os.environ.get("QAWL_TOKEN_FILE"), metavar="FILE",
                        help="file holding a bearer token to send (env QAWL_TOKEN_FILE; "
                             "or the token itself in env QAWL_TOKEN)")
    common.add_argument("--tls", action="store_true", help="use TLS with the system's root CAs")
    common.add_argument("--tls-ca", metavar="PEM", help="use TLS, trusting this CA bundle")
    common.add_argument("--tls-cert", metavar="PEM", help="client certificate for mutual TLS")
    common.add_argument("--tls-key", metavar="PEM", help="private key of --tls-cert")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", parents=[common], help="stream quotes out of articles")
    extract.add_argument("files", nargs="+", metavar="FILE",
                         help="article text files, folders (their .txt files in name order), "
                              "or - for stdin")
    extract.add_argument("--format", choices=["table", "jsonl", "html"],
                         help="output format: a table, JSON lines, or one self-contained HTML page"
                              " of every article with its statements highlighted (default: table"
                              " on a terminal, jsonl otherwise)")
    extract.add_argument("--output", "-o", metavar="FILE",
                         help="write to FILE instead of standard output")
    extract.add_argument("--encoding", choices=sorted(ENCODINGS), default="codepoint",
                         help="unit of span offsets in jsonl (default %(default)s)")
    extract.add_argument("--connections", type=_positive, default=1, metavar="N",
                         help="stream N articles at once, each over its own connection, so a server's"
                              " --workers processes share them (default %(default)s)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress bar on stderr (default: on for several files on a terminal)")
    extract.set_defaults(run=cmd_extract)

    evaluate = sub.add_parser("eval", parents=[common], help="score extraction against annotations")
    evaluate.add_argument("files", nargs="+", metavar="FILE", help="article text files")
    evaluate.add_argument("--gold", required=True, metavar="DIR", help="directory of annotation JSON")
    evaluate.add_argument("--verbose", "-v", action="store_true",
                          help="list every match, miss and false alarm (a match with the wrong "
                               "speaker or kind is listed as such)")
    evaluate.set_defaults(run=cmd_eval)

    report = sub.add_parser("report", parents=[common],
                            help="who is quoted most, by type, outlet and month: an HTML page and CSV")
    report.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files, folders of .txt articles (extracted through the service),"
                             " or .jsonl files from 'qawl extract --format jsonl' (- reads JSONL"
                             " from standard input)")
    report.add_argument("--meta", action="append", metavar="TABLE",
                        help="CSV or TSV with an article_id, id or file column and outlet/source and"
                             " published/date/month columns (a folder's meta.tsv or meta.csv is read"
                             " by itself); may be repeated")
    report.add_argument("--output", "-o", metavar="FILE", help="write the page to FILE (default: stdout)")
    report.add_argument("--csv", metavar="DIR", help="also write every table as DIR/NAME.csv")
    report.add_argument("--top", type=_positive, default=15, metavar="N",
                        help="speakers in the chart and table (default %(default)s; the CSV has all)")
    report.add_argument("--all-sections", action="store_true",
                        help="count statements in related-story teasers and page furniture too")
    report.add_argument("--connections", type=_positive, default=1, metavar="N",
                        help="stream N articles at once, as in extract (default %(default)s)")
    report.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: on for several files on a terminal)")
    report.set_defaults(run=cmd_report)

    health = sub.add_parser("health", parents=[common],
                            help="check a running server's health (needs --server)")
    health.add_argument("--service", default="", help="service name (default: the whole server)")
    health.set_defaults(run=cmd_health)

    from qawl.batch.options import add_arguments as add_batch_arguments

    batch = sub.add_parser("batch", help="extract an archive on Apache Spark (no server)",
                           description="Extract every article of an archive on Apache Spark:"
                                       " local[*] by default, a cluster with --master.")
    add_batch_arguments(batch)
    batch.set_defaults(run=cmd_batch)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``qawl`` command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    problem = option_problem(args)
    if problem:
        return usage_error(problem)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
