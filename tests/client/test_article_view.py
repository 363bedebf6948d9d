"""The article view: escaped text as written, one highlight per statement, legend and details."""

from __future__ import annotations

import re

from qawl.client.article_view import describe, page, speakers
from qawl.client.page import PALETTE, tint
from qawl.v1 import qawl_pb2
from tests.client.dom import parse

TEXT = 'قال الوزير إن "المحادثات كانت مثمرة".\nوأضاف أن الجولة المقبلة في مايو.\nوقالت الوزارة إن الوفد وصل.'


def _span(text: str, part: str, start: int = 0) -> qawl_pb2.Span:
    begin = text.index(part, start)
    return qawl_pb2.Span(begin_offset=begin, end_offset=begin + len(part))


def _quote(text, qid, words, cue, mention, speaker, kind=qawl_pb2.QUOTE_KIND_INDIRECT, **fields):
    quote = qawl_pb2.Quote(id=qid, article_id="a.txt", text=words, span=_span(text, words), kind=kind,
                           speaker=speaker, confidence=0.87, rule="speech.that.explicit", **fields)
    quote.cue.CopyFrom(qawl_pb2.Mention(text=cue, span=_span(text, cue)))
    if mention:
        quote.speaker_mention.CopyFrom(qawl_pb2.Mention(text=mention, span=_span(text, mention)))
    return quote


MINISTER = qawl_pb2.SpeakerRef(id="s1", name="الوزير", type=qawl_pb2.SPEAKER_TYPE_PERSON)
MINISTRY = qawl_pb2.SpeakerRef(id="s2", name="الوزارة", type=qawl_pb2.SPEAKER_TYPE_ORGANIZATION)


def _quotes(text=TEXT) -> list[qawl_pb2.Quote]:
    return [
        _quote(text, "q1", "المحادثات كانت مثمرة", "قال", "الوزير", MINISTER, kind=qawl_pb2.QUOTE_KIND_DIRECT),
        _quote(text, "q2", "الجولة المقبلة في مايو", "أضاف", None, MINISTER,
               method=qawl_pb2.ATTRIBUTION_METHOD_CONTINUATION),
        _quote(text, "q3", "الوفد وصل", "قالت", "الوزارة", MINISTRY, section=qawl_pb2.SECTION_RELATED),
    ]


def _article(doc):
    return doc.find("article")


def test_the_article_is_right_to_left_arabic_and_its_text_is_exactly_the_input():
    doc = parse(page([("a.txt", TEXT, _quotes())]))
    article = _article(doc)
    assert article.attrs["dir"] == "rtl" and article.attrs["lang"] == "ar"
    assert article.text() == TEXT


def test_each_statement_is_one_focusable_mark_in_its_speakers_colour_with_its_details():
    doc = parse(page([("a.txt", TEXT, _quotes())]))
    stops = [n for n in doc.find_all("mark", "q") if "tabindex" in n.attrs]
    assert [n.text() for n in stops] == ["المحادثات كانت مثمرة", "الجولة المقبلة في مايو", "الوفد وصل"]
    assert [n.attrs["class"].split()[1] for n in stops] == ["sp-0", "sp-0", "sp-1"]
    first = stops[0]
    assert "direct statement · confidence 0.87" in first.attrs["data-tip"]
    assert "rule: speech.that.explicit" in first.attrs["data-tip"]
    described = doc.find(id=first.attrs["aria-describedby"])
    assert described.text() == first.attrs["data-tip"]
    assert "aside" in stops[2].attrs["class"] and "related-story teaser" in stops[2].attrs["data-tip"]
    css = doc.find("style").text()
    assert f".sp-0 {{ --c: {PALETTE[0]}; --bg: {tint(PALETTE[0])}; }}" in css


def test_cues_and_speaker_mentions_are_marked_in_the_speakers_colour():
    doc = parse(page([("a.txt", TEXT, _quotes())]))
    article = _article(doc)
    assert [(n.text(), n.attrs["class"]) for n in article.find_all("span", "cue")] == [
        ("قال", "cue sp-0"), ("أضاف", "cue sp-0"), ("قالت", "cue sp-1")]
    assert [n.text() for n in article.find_all("span", "who")] == ["الوزير", "الوزارة"]


def test_the_legend_counts_each_speakers_statements_most_quoted_first():
    doc = parse(page([("a.txt", TEXT, _quotes())]))
    items = doc.find("ul", "legend").find_all("li")
    assert [" ".join(li.text().split()) for li in items] == [
        "الوزير person · 2 statements", "الوزارة organisation · 1 statement"]
    assert [e.count for e in speakers(_quotes()).values()] == [2, 1]


def test_markup_in_the_article_and_in_records_is_shown_as_text():
    hostile = '<script>alert(1)</script> قال الوزير إن "<img src=x onerror=alert(2)>" وصل.'
    speaker = qawl_pb2.SpeakerRef(id="s1", name='"><img src=y onerror=alert(3)>', type=1)
    quote = _quote(hostile, "q1", "<img src=x onerror=alert(2)>", "قال", "الوزير", speaker)
    quote.rule = "</style><script>alert(4)</script>"
    markup = page([("<b>x</b>.txt", hostile, [quote])])
    doc = parse(markup)
    assert not doc.find_all("script") and not doc.find_all("img") and not doc.find_all("b")
    assert _article(doc).text() == hostile
    assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
    mark = doc.find("mark", "q")
    assert '"><img src=y onerror=alert(3)>' in mark.attrs["data-tip"]
    assert "alert(4)" in mark.attrs["data-tip"]


def test_a_mention_inside_another_statement_nests_and_statements_that_cross_are_split():
    text = "ألف باء جيم دال هاء واو زاي حاء طاء"
    outer = _quote(text, "q1", "باء جيم دال هاء", "ألف", None, MINISTER)
    inner = _quote(text, "q2", "زاي حاء", "واو", "جيم", MINISTRY)
    crossing = _quote(text, "q3", "هاء واو زاي", "طاء", None, MINISTRY)
    doc = parse(page([("a.txt", text, [outer, inner, crossing])]))
    assert _article(doc).text() == text
    first = doc.find(id="a1-q1")
    assert [n.text() for n in first.find_all("span", "who")] == ["جيم"]
    pieces_of_q3 = [n for n in doc.find_all("mark", "q") if "طاء" not in n.text()
                    and n.attrs["data-tip"] == doc.find(id="a1-q3").attrs["data-tip"]]
    assert "".join(n.text() for n in pieces_of_q3) == "هاء واو زاي"
    assert sum("tabindex" in n.attrs for n in pieces_of_q3) == 1 and len(pieces_of_q3) > 1


def test_the_page_is_self_contained():
    markup = page([("a.txt", TEXT, _quotes())])
    doc = parse(markup)
    assert doc.find("meta", http_equiv="Content-Security-Policy").attrs["content"].startswith("default-src 'none'")
    assert not doc.find_all("script") and not doc.find_all("link")
    assert not re.search(r"(?:https?:)?//[a-z]", markup.replace("http-equiv", ""))
    assert "@import" not in markup and "url(" not in markup


def test_an_article_without_statements_says_so_and_keeps_its_text():
    doc = parse(page([("a.txt", "لا شيء هنا.", [])]))
    assert _article(doc).text() == "لا شيء هنا." and "No statements found." in doc.text()


def test_details_isolate_arabic_inside_the_english_line():
    line = describe(_quotes()[0]).splitlines()[1]
    assert line == "speaker: \u2068الوزير\u2069 (person)"
