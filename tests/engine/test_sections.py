"""Page sections: related-story teasers and boilerplate lines."""

from __future__ import annotations

from qawl.engine.lexicon import load_lexicon
from qawl.engine.records import Section
from qawl.engine.sections import classify_lines

PAGE = "\n".join([
    "وقال الوزير إن الخطة جاهزة.",
    "المصدر: وكالة الأنباء",
    "كلمات دلالية: اقتصاد موازنة ضرائب",
    "إقرأ أيضاً:",
    "وقالت الشركة إنها ستوسع نشاطها.",
    "[ad_1]",
])


def test_lines_get_their_sections():
    lines = classify_lines(PAGE, load_lexicon())
    assert [line.section for line in lines] == [
        Section.BODY, Section.BOILERPLATE, Section.BOILERPLATE, Section.BOILERPLATE,
        Section.RELATED, Section.BOILERPLATE,
    ]
    assert PAGE[lines[0].start:lines[0].end] == "وقال الوزير إن الخطة جاهزة."


def test_quotes_in_teasers_are_marked_related(extractor):
    result = extractor.extract(PAGE)
    assert [q.section for q in result.quotes] == [Section.BODY, Section.RELATED]


def test_a_long_body_line_starting_like_a_marker_stays_body():
    text = "تابع الرئيس حديثه قائلا إن البلاد تمر بمرحلة صعبة تتطلب تضافر جهود جميع المواطنين والمؤسسات في كل المحافظات"
    (line,) = classify_lines(text, load_lexicon())
    assert line.section is Section.BODY
