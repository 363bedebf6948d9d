"""Sentence segmentation: lines, quotations, and quotations broken across scraped lines."""

from __future__ import annotations

import pytest


def test_a_quotation_broken_across_lines_is_one_statement(said):
    text = ('وبينت الوزارة أن "هذه العملية تجسد مستوى التنسيق العالي بين\nالأجهزة الأمنية\n'
            'وكفاءتها في التعامل مع التهديدات".\n')
    (statement,) = said(text)
    assert statement[2] == "هذه العملية تجسد مستوى التنسيق العالي بين\nالأجهزة الأمنية\nوكفاءتها في التعامل مع التهديدات"


def test_an_unclosed_quotation_does_not_join_lines_it_never_closes_on(said):
    text = 'وقال الوزير: "المشروع سينجز\nوفي سياق آخر، أكد المدير أن العمل مستمر.\nالسطر الثالث.\nوالرابع.'
    assert [s for s, *_ in said(text)] == ["الوزير", "المدير"]


def test_a_line_break_still_ends_a_sentence_outside_quotations(said):
    text = "وقال الوزير إن المشروع سينجز\nالعنوان التالي\nوأكد المدير أن العمل مستمر."
    assert [(s, c) for s, _, c, _ in said(text)] == [("الوزير", "المشروع سينجز"), ("المدير", "العمل مستمر")]


def test_a_full_stop_inside_an_abbreviation_ends_no_sentence(said):
    text = 'وقال وزير المالية علي حسن خليل في مقابلة مع تلفزيون إن.بي.إن "تمت الموافقة على كل البنود".'
    assert said(text) == [("علي حسن خليل", "direct", "تمت الموافقة على كل البنود", "قال")]


def test_two_sentences_run_together_still_split(said):
    text = "وقال الوزير إن الفيروس انتشر في المدينة.وأكد المدير أن المستشفيات جاهزة."
    assert [s for s, *_ in said(text)] == ["الوزير", "المدير"]


def test_a_run_of_dots_glued_to_the_next_word_ends_the_sentence(said):
    text = ("يعتزم مجلس النواب استجواب خمسة وزراء في المستقبل القريب....كشف ذلك عضو لجنة الأمن "
            "عبد الكريم السامرائي موضحا أن الاستجواب سيتم قريبا.")
    assert said(text) == [
        ("عبد الكريم السامرائي", "indirect", "يعتزم مجلس النواب استجواب خمسة وزراء في المستقبل القريب", "كشف"),
        ("عبد الكريم السامرائي", "indirect", "الاستجواب سيتم قريبا", "موضحا"),
    ]


def test_a_quotation_never_closed_ends_with_its_sentence(said):
    text = 'وقال الوزير: "إن الوضع جيد في كل المناطق. كما أكد المدير أن العمل مستمر.'
    assert [s for s, *_ in said(text)] == ["الوزير", "المدير"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a line broken after أن goes on with the next line
        ("أكد مدرب المنتخب خلال المؤتمر الصحفي أن\nالمباراة ستكون صعبة للغاية.", "المباراة ستكون صعبة للغاية"),
        # a colon after a cue at a line's end: the quotation is on the next line
        ("وقال المدافع عن المباراة:\nهي مهمة ويجب علينا التركيز فيها.", "هي مهمة ويجب علينا التركيز فيها"),
    ],
)
def test_a_line_left_open_goes_on_with_the_next(said, text, content):
    assert [c for _, _, c, _ in said(text)] == [content]


@pytest.mark.parametrize(
    "text",
    ["القاهرة - كتب أحمد عبد الحميد:\nقضت المحكمة بالسجن على ثلاثة متهمين.",
     "سودان تمورو:\nقضت المحكمة بالسجن على ثلاثة متهمين."],
)
def test_a_byline_or_an_outlets_colon_closes_its_line(said, text):
    assert said(text) == []


def test_a_cue_at_a_lines_end_goes_on_until_a_line_ends_a_sentence(said):
    text = "أعلنت\nوزارة الداخلية\nالسورية\nأن وحداتها الأمنية نفذت عملية واسعة."
    assert [(s, c) for s, _, c, _ in said(text)] == [("وزارة الداخلية", "وحداتها الأمنية نفذت عملية واسعة")]


WRAPPED_PAGE = (
    "قال مدير الامن العام اللواء فاضل الحمود ان دور الاجهزة الامنية يهدف\n"
    "اولا واخيرا الى الحد من وقوع الجريمة والحفاظ على الامن والاستقرار وذلك\n"
    "لا يتحقق الا من خلال التعاون مع جميع المواطنين والجهات المعنية ومؤسسات\n"
    "المجتمع المدني.\n"
    "واوضح الحمود ان عدد الجرائم التي حصلت في العام الماضي بلغت الفين جريمة\n"
    "وكان عدد سكان المملكة خلال نفس العام ستة ملايين نسمة حسب الاحصاءات\n"
    "يذكر ان الاجتماع الامني عقد برئاسة وزير الداخلية في مقر الوزارة بعمان\n"
    "بحضور عدد من كبار الضباط والمسؤولين في الاجهزة الامنية المختلفة.\n"
)


def test_a_hard_wrapped_page_reads_each_sentence_across_its_line_breaks(said):
    contents = [c for _, _, c, _ in said(WRAPPED_PAGE)]
    assert contents[0].endswith("ومؤسسات\nالمجتمع المدني")
    assert contents[1].startswith("عدد الجرائم") and contents[1].endswith("حسب الاحصاءات")


def test_a_short_first_line_opening_a_statement_runs_on_in_a_wrapped_page(said):
    text = WRAPPED_PAGE.replace("واوضح الحمود ان عدد الجرائم التي", "واوضح الحمود ان عدد الجرائم\nالتي")
    contents = [c for _, _, c, _ in said(text)]
    assert contents[1].startswith("عدد الجرائم\nالتي") and contents[1].endswith("حسب الاحصاءات")


def test_a_line_of_ordinary_sentences_is_not_read_as_wrapped(said):
    text = ("قال المدير إن المشروع يسير وفق الخطة المرسومة له منذ البداية.\n"
            "وأضاف أن العمل سينتهي في الموعد المحدد دون أي تأخير يذكر هذا العام\n\n"
            "الأخبار الاقتصادية اليوم\n")
    assert [c for _, _, c, _ in said(text)][-1] == "العمل سينتهي في الموعد المحدد دون أي تأخير يذكر هذا العام"


def test_a_line_ending_with_a_preposition_and_its_pronoun_is_complete(said):
    text = ("- مبعوث ترامب للشرق الأوسط: تنفيذ الاتفاق أصعب من التوصل إليه\n"
            "أريحا: حظي المنتخب الوطني باستقبال رسمي في مدينة أريحا بعد تأهله.")
    assert [c for _, _, c, _ in said(text)] == ["تنفيذ الاتفاق أصعب من التوصل إليه"]
