"""Laying statements, cues and speaker mentions out as nested pieces of text."""

from __future__ import annotations

from qawl.client.highlights import CUE, QUOTE, SPEAKER, marks, pieces
from qawl.v1 import qawl_pb2


def _quote(begin, end, cue=None, mention=None) -> qawl_pb2.Quote:
    quote = qawl_pb2.Quote(span=qawl_pb2.Span(begin_offset=begin, end_offset=end))
    if cue:
        quote.cue.span.begin_offset, quote.cue.span.end_offset = cue
    if mention:
        quote.speaker_mention.span.begin_offset, quote.speaker_mention.span.end_offset = mention
    return quote


def test_a_mention_shared_by_two_statements_is_one_mark_listing_both():
    found = marks([_quote(10, 20, cue=(0, 3), mention=(4, 9)), _quote(30, 40, cue=(22, 25), mention=(4, 9))], 50)
    speaker_marks = [m for m in found if m.role == SPEAKER]
    assert len(speaker_marks) == 1 and speaker_marks[0].quotes == (0, 1)
    assert sum(m.role == QUOTE for m in found) == 2 and sum(m.role == CUE for m in found) == 2


def test_two_statements_with_the_same_words_keep_a_mark_each():
    found = marks([_quote(10, 20), _quote(10, 20)], 50)
    assert [m.quotes for m in found] == [(0,), (1,)]


def test_spans_are_clipped_to_the_text_and_empty_ones_dropped():
    found = marks([_quote(5, 99, cue=(3, 3))], 20)
    assert [(m.role, m.begin, m.end) for m in found] == [(QUOTE, 5, 20)]


def test_pieces_cover_the_text_once_and_list_covering_marks_outermost_first():
    # The second statement's speaker mention (12-15) lies inside the first statement (10-20).
    quotes = [_quote(10, 20, cue=(0, 3)), _quote(25, 30, cue=(16, 18), mention=(12, 15))]
    found = marks(quotes, 30)
    cut = pieces(30, found)
    assert [(p.begin, p.end) for p in cut] == [(0, 3), (3, 10), (10, 12), (12, 15), (15, 16),
                                               (16, 18), (18, 20), (20, 25), (25, 30)]
    inside = next(p for p in cut if p.begin == 12)
    assert [m.role for m in inside.marks] == [QUOTE, SPEAKER]
    assert [m.role for m in next(p for p in cut if p.begin == 16).marks] == [QUOTE, CUE]
    assert next(p for p in cut if p.begin == 3).marks == ()


def test_crossing_statements_share_the_pieces_where_they_overlap():
    cut = pieces(20, marks([_quote(0, 10), _quote(5, 15)], 20))
    overlap = next(p for p in cut if p.begin == 5)
    assert (overlap.end, [m.quotes for m in overlap.marks]) == (10, [(0,), (1,)])


def test_an_article_without_statements_is_one_bare_piece():
    cut = pieces(7, [])
    assert [(p.begin, p.end, p.marks) for p in cut] == [(0, 7, ())]
