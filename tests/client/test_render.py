"""Rendering quotes as JSON lines and as a table."""

from __future__ import annotations

import json

from rich.console import Console

from qawl.client.render import quote_json, quote_table
from qawl.v1 import qawl_pb2


def _quote() -> qawl_pb2.Quote:
    return qawl_pb2.Quote(id="q1", article_id="a.txt", text="نحن هنا",
                          span=qawl_pb2.Span(begin_offset=0, end_offset=7),
                          kind=qawl_pb2.QUOTE_KIND_DIRECT,
                          speaker=qawl_pb2.SpeakerRef(id="s1", name="الوزير"))


def test_json_is_one_line_with_zero_fields_present():
    line = quote_json(_quote())
    assert "\n" not in line
    record = json.loads(line)
    assert record["span"] == {"begin_offset": 0, "end_offset": 7}
    assert record["sentence_index"] == 0 and record["kind"] == "QUOTE_KIND_DIRECT"
    assert "نحن هنا" in line  # readable Arabic, not \u escapes


def test_table_shows_speaker_kind_and_text():
    console = Console(record=True, width=120)
    console.print(quote_table("a.txt", [_quote()]))
    out = console.export_text()
    assert "الوزير" in out and "direct" in out and "نحن هنا" in out and "a.txt" in out


def test_an_error_line_is_never_wrapped_on_a_narrow_console():
    import io

    from qawl.client.render import print_error

    stream = io.StringIO()
    print_error(Console(file=stream, width=40), "a-long-article-name.txt",
                OSError("a message far longer than the forty columns\nof this console"))
    assert stream.getvalue().count("\n") == 1
    assert stream.getvalue().startswith("qawl: a-long-article-name.txt: a message far longer")
