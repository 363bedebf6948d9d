"""The batch job's command-line options, shared by ``qawl batch`` and ``spark-submit``.

Pure argparse, no pyspark import, so the ``qawl`` CLI can offer the subcommand and its
``--help`` without loading Spark.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

ENCODINGS = ("utf32", "utf16", "utf8")
"""Offset units: code points (utf32, Python's), UTF-16 code units, UTF-8 bytes."""

INPUT_FORMATS = ("auto", "jsonl", "parquet", "text")
OUTPUT_FORMATS = ("parquet", "jsonl")
DEFAULT_MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True)
class BatchConfig:
    """What one batch run reads, how it extracts, and where it writes."""

    input: str
    output: str
    input_format: str = "auto"
    format: str = "parquet"
    encoding: str = "utf32"
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS
    partitions: int | None = None
    log_every: int = 10
    master: str | None = None
    conf: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _conf(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError("expected KEY=VALUE")
    return key, value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the batch options to ``parser``."""
    parser.add_argument("input", metavar="INPUT",
                        help="articles: a .jsonl or .parquet file, a folder of them, or a folder"
                             " of .txt files (columns id, text; optional outlet, date, url)")
    parser.add_argument("output", metavar="OUTPUT",
                        help="folder for the statements, articles, errors and speakers tables"
                             " (each overwritten)")
    parser.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                        help="how INPUT is stored (default: from the file names)")
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="parquet",
                        help="output format (default %(default)s)")
    parser.add_argument("--encoding", choices=ENCODINGS, default="utf32",
                        help="unit of begin/end offsets: code points (utf32), UTF-16 code units or"
                             " UTF-8 bytes (default %(default)s)")
    parser.add_argument("--max-article-chars", type=_positive, default=DEFAULT_MAX_ARTICLE_CHARS,
                        metavar="N", help="longer articles go to the errors table (default"
                                          " %(default)s code points)")
    parser.add_argument("--partitions", type=_positive, metavar="N",
                        help="spread the articles over N partitions before extracting (default:"
                             " as Spark splits the input)")
    parser.add_argument("--log-every", type=_positive, default=10, metavar="N",
                        help="log progress each time N more partitions are extracted"
                             " (default %(default)s)")
    parser.add_argument("--master", metavar="URL",
                        help="Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (default:"
                             " spark-submit's, else local[*])")
    parser.add_argument("--conf", type=_conf, action="append", default=[], metavar="KEY=VALUE",
                        help="a Spark setting, as spark-submit's --conf (repeatable)")


def config_from_args(args: argparse.Namespace) -> BatchConfig:
    """The ``BatchConfig`` the parsed options describe."""
    return BatchConfig(input=args.input, output=args.output, input_format=args.input_format,
                       format=args.format, encoding=args.encoding,
                       max_article_chars=args.max_article_chars, partitions=args.partitions,
                       log_every=args.log_every, master=args.master, conf=tuple(args.conf))
