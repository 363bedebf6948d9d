"""Pairing quotation marks, balanced or not."""

from __future__ import annotations

from qawl.engine.quotes import pair_quotes
from qawl.engine.tokens import Words, make_nlp

NLP = make_nlp()


def stretches(text: str):
    words = Words.from_doc(NLP(text), text)
    return [(words.span_text(q.open + 1, q.close), q.closed) for q in pair_quotes(words, 0, len(words))]


def test_tokenizer_splits_quotes_off_words():
    words = Words.from_doc(NLP('قال "نعم". و“لا”'))
    assert '"' in words.text and "“" in words.text and "”" in words.text


def test_each_style_pairs():
    assert stretches('أ "ب ج" د «هـ» و “ز”') == [("ب ج", True), ("هـ", True), ("ز", True)]


def test_nested_quotes_keep_the_outer_stretch():
    assert stretches("قال «نحن نرفض “الوصاية” تماما»") == [("نحن نرفض “الوصاية” تماما", True)]


def test_unclosed_quote_runs_to_the_end_of_the_range():
    assert stretches('قال "هذا كلام بلا نهاية') == [("هذا كلام بلا نهاية", False)]


def test_stray_closing_mark_is_ignored():
    assert stretches("قال ” ثم مضى") == []


def test_doubled_apostrophes_are_a_straight_quotation_mark(said):
    text = "وقالت المديرة هند المقراني ''لم يقع إقصاء المدير الفني''.\nكما قالت ''المهرجان قائم''."
    assert said(text) == [("هند المقراني", "direct", "لم يقع إقصاء المدير الفني", "قالت"),
                          ("هند المقراني", "direct", "المهرجان قائم", "قالت")]


def test_doubled_apostrophes_pair_with_each_other_not_with_a_double_quote():
    assert stretches("قال ''سنعود'' و\"نبقى\".") == [("سنعود", True), ("نبقى", True)]


def test_mirrored_curly_quotes_pair(said):
    text = "وقال أوداي في مقابلة بمحطة NBC ”نتحرك سريعا جدا مع الهيئة“."
    assert said(text) == [("أوداي", "direct", "نتحرك سريعا جدا مع الهيئة", "قال")]


def test_round_brackets_right_after_a_cue_quote_a_clause(said):
    text = "وقال المدير إن العمل مستمر. وأضاف يؤكد (عانيت في الأيام الماضية من محاولات تخريبية كثيرة)."
    assert said(text)[-1][1:3] == ("direct", "عانيت في الأيام الماضية من محاولات تخريبية كثيرة")
    assert [c for _, _, c, _ in said("وقال (الرئيس) إن القرار نهائي.")] == ["القرار نهائي"]


def test_a_second_opening_mark_after_a_full_stop_leaves_the_first_unclosed():
    text = 'قال: "إن الأسعار معقولة. كما أشاد بالتجار، مخاطبا إياهم "بارك الله فيكم".'
    assert stretches(text) == [("بارك الله فيكم", True)]


def test_a_straight_quote_nested_in_a_straight_quote_is_no_new_opening():
    text = 'أكد أن "تجديد العقود مع "إيني" مكسب للبلدين ". وقال'
    assert stretches(text)[0] == ("تجديد العقود مع", True)


def test_an_unclosed_quotation_and_the_quotation_after_it_are_both_statements(said):
    text = 'وقال الوزير: "إن الأسعار معقولة هذا العام. وأضاف الوزير "بارك الله في التجار".'
    assert [(k, c) for _, k, c, _ in said(text)] == [("direct", "إن الأسعار معقولة هذا العام"),
                                                      ("direct", "بارك الله في التجار")]


def test_an_opening_mark_typed_as_the_closer_closes_its_twin():
    # the closer typed with the opener's shape, glued to the last word
    assert stretches("أن “طواقم الوزارة تعمل حتى عودتهم إلى اليمن“.") == [
        ("طواقم الوزارة تعمل حتى عودتهم إلى اليمن", True)]
    assert stretches("لموقع “برلمان كوم“، الزيادة") == [("برلمان كوم", True)]


def test_a_line_ending_in_a_closer_typed_as_an_opener_keeps_the_next_line_apart(said):
    text = ("وأضاف الوزير أن “الطواقم تعمل على المتابعة حتى عودتهم إلى اليمن“.\n"
            "وأكد الوكيل أن ”عملية التفويج تسير وفق ما هو مخطط له”.")
    assert [(s, q) for s, _, _, q in said(text)] == [("الوزير", "أضاف"), ("الوكيل", "أكد")]


def test_a_straight_mark_glued_after_a_word_closes_a_curly_opening(said):
    text = 'أعلن الوزير جو الصدي أن “القدرة الإنتاجية تغطي ثلث الطلب فقط"، وقال “نعمل على مشروع غازي”.'
    assert [c for _, _, c, _ in said(text)] == ["القدرة الإنتاجية تغطي ثلث الطلب فقط", "نعمل على مشروع غازي"]


def test_a_closing_curly_typed_for_both_marks_pairs_with_itself(said):
    text = "قال الوزير جو الصدي إن العمل مستمر. وكشف لـ”الشرق” أن “الكهرباء ستصل إلى 10 ساعات”."
    assert said(text)[1][2] == "الكهرباء ستصل إلى 10 ساعات"
