"""Words: the per-token arrays the grammar reads, and the escaped line breaks they skip."""

from __future__ import annotations

import pytest

from qawl.engine.tokens import Words, is_definite


def words_of(extractor, text: str) -> Words:
    return Words.from_doc(extractor.nlp.make_doc(text), text)


def test_offsets_point_into_the_source(extractor):
    text = "وقال الوزير: «نعم»."
    words = words_of(extractor, text)
    assert [text[s:e] for s, e in zip(words.start, words.end)] == words.text
    assert words.bare[0] == "قال"


def test_a_word_glued_after_escaped_line_breaks_is_read_without_them(extractor):
    text = r"انتهى. \n\nوأضاف الوزير"
    words = words_of(extractor, text)
    k = words.text.index("وأضاف")
    assert text[words.start[k]:words.end[k]] == "وأضاف"
    assert words.bare[k] == "اضاف"


def test_escapes_alone_and_before_latin_words_stay_as_they_are(extractor):
    text = r"نص \n\n آخر \nThe"
    assert {r"\n\n", r"\nThe"} <= set(words_of(extractor, text).text)


def test_a_cue_after_scraped_escapes_is_found(said):
    text = r"وقال الوزير إن المطار استأنف عمله. \n\nوأضاف الوزير أن الرحلات ستزيد."
    assert [(c, q) for _, _, c, q in said(text)] == [("المطار استأنف عمله", "قال"), ("الرحلات ستزيد", "أضاف")]


def test_a_dash_glued_to_an_aside_is_a_token_of_its_own(extractor):
    words = words_of(extractor, "الجندي -في مداخلة تليفونية- إن")
    assert words.text[:3] == ["الجندي", "-", "في"] and "-" in words.text[4:]


def test_a_speaker_before_an_aside_set_off_by_glued_dashes(said):
    text = "وقال المحامي محمد الجندي -في مداخلة تليفونية لبرنامج مسائي- إن المحاكمة لم تكن عادلة."
    assert [(s, c) for s, _, c, _ in said(text)] == [("محمد الجندي", "المحاكمة لم تكن عادلة")]


def test_a_comma_glued_after_a_closing_mark_is_a_token_of_its_own(extractor):
    words = words_of(extractor, 'أية أخطاء"،مشيرا إلى')
    assert words.text[2:5] == ['"', "،", "مشيرا"]


def test_a_participle_after_a_quote_and_a_glued_comma_opens_a_new_statement(said):
    text = 'وشدد الوزير على أن المواضيع "لم تكن بها أية أخطاء"،مشيرا إلى أن الأسئلة تناولت الدروس.'
    assert [(c, q) for _, _, c, q in said(text)] == [
        ('المواضيع "لم تكن بها أية أخطاء"', "شدد"), ("الأسئلة تناولت الدروس", "مشيرا")]


@pytest.mark.parametrize(
    ("norm", "definite"),
    [("الوزير", True), ("والوزير", True), ("بالحضور", True), ("للوزاره", True),
     ("والد", False), ("والي", False), ("بالغ", False), ("فالح", False), ("ال", False)],
)
def test_the_article_leaves_at_least_two_letters_of_noun(norm, definite):
    assert is_definite(norm) is definite
