"""The rows of one article, without Spark: validation, offsets, and the engine's failures."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qawl.batch.records import (ARTICLE, ERROR, STATEMENT, STATEMENT_FIELDS, UNITS, ArticleIn,
                                article_rows, month_of)
from qawl.server.offsets import Unit

TEXT = "😀 قال الوزير إن \"المحادثات كانت مثمرة\".\n"


@pytest.mark.parametrize("date, month", [("2024-03-09", "2024-03"), ("2024-03", "2024-03"),
                                         (" 2019-12-31T10:00:00Z", "2019-12"), ("2024-13-01", None),
                                         ("9 March 2024", None), (None, None), ("", None)])
def test_month_of(date, month):
    assert month_of(date) == month


@pytest.mark.parametrize("encoding", sorted(UNITS))
def test_statement_offsets_slice_the_text_in_each_unit(shared_extractor, encoding):
    rows = article_rows(ArticleIn(id="a", text=TEXT, date="2024-05-01"), shared_extractor.extract,
                        UNITS[encoding], 1000)
    statements = [dict(zip((n for n, _ in STATEMENT_FIELDS), f)) for t, f in rows if t == STATEMENT]
    assert statements and rows[-1][0] == ARTICLE
    width = {"utf32": ("utf-32-le", 4), "utf16": ("utf-16-le", 2), "utf8": ("utf-8", 1)}[encoding]
    data = TEXT.encode(width[0])
    for row in statements:
        assert data[width[1] * row["begin"]:width[1] * row["end"]].decode(width[0]) == row["content"]
        assert row["month"] == "2024-05" and row["statement_id"] == f"a:q{row['statement_index'] + 1}"


def _reason(article: ArticleIn, extract=lambda text: pytest.fail("must not extract"),
            max_chars: int = 100) -> tuple[str, str]:
    (tag, fields), = article_rows(article, extract, Unit.CODE_POINT, max_chars)
    assert tag == ERROR and fields[0] == article.id
    return fields[2], fields[3]


def test_each_bad_record_gets_its_reason():
    assert _reason(ArticleIn(id=None, text=TEXT))[0] == "missing_id"
    assert _reason(ArticleIn(id=" \t", text=TEXT))[0] == "missing_id"
    assert _reason(ArticleIn(id="a", text=None))[0] == "empty_text"
    assert _reason(ArticleIn(id="a", text="\u2003\n"))[0] == "empty_text"
    assert _reason(ArticleIn(id="a", text="ب" * 101)) == ("too_long", "text has 101 code points;"
                                                                       " the limit is 100")
    assert _reason(ArticleIn(id="a", content=b"x" * 401))[0] == "too_long"
    assert _reason(ArticleIn(id="a", content=b"ok \xc3(")) == ("undecodable", "not UTF-8: invalid"
                                                                " continuation byte at byte 3")
    assert _reason(ArticleIn(id="a", text=TEXT, duplicate="why"))[0] == "duplicate_id"
    assert _reason(ArticleIn(id=None, defect="line 3"))[0] == "malformed_record"


def test_an_engine_failure_is_an_error_row_not_a_crash():
    def broken(text):
        raise RecursionError("too deep")

    assert _reason(ArticleIn(id="a", text=TEXT), broken) == ("engine_error",
                                                             "RecursionError: too deep")


def test_the_client_and_the_batch_options_load_neither_spark_nor_spacy():
    script = ("import sys, qawl.client.cli as cli, qawl.batch.options, qawl.batch.records\n"
              "cli.build_parser()\n"
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'pyspark', 'py4j', 'spacy'}))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
