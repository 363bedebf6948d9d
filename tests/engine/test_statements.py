"""Cue and content patterns: each pattern the grammar handles, on small sentences of its own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, content, kind",
    [
        ("قال الوزير إن الاقتصاد ينمو بسرعة.", "الاقتصاد ينمو بسرعة", "indirect"),
        ("وقال الوزير أن الاقتصاد ينمو بسرعة.", "الاقتصاد ينمو بسرعة", "indirect"),
        ("وأفاد المكتب بأن الاجتماع تأجل.", "الاجتماع تأجل", "indirect"),
        ("وقالت الشركة إنها ستفتح فرعا جديدا.", "ستفتح فرعا جديدا", "indirect"),
        ("وأوضح المدير أنه لن يستقيل.", "لن يستقيل", "indirect"),
        ("وحذرت الهيئة من أن الأسعار سترتفع.", "الأسعار سترتفع", "indirect"),
    ],
)
def test_complementiser_opens_indirect_content(said, text, content, kind):
    (found,) = said(text)
    assert found[2] == content
    assert found[1] == kind


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ("«", "»")])
def test_direct_quote_in_each_style_of_marks(said, marks):
    text = f"وقال المدرب: {marks[0]}سنقاتل حتى النهاية{marks[1]}."
    (found,) = said(text)
    assert found[1:3] == ("direct", "سنقاتل حتى النهاية")


def test_colon_speech_without_quotes_is_direct(said):
    (found,) = said("وأكد رئيس النادي: إن الفريق سيعود أقوى من قبل.")
    assert found[1] == "direct"
    assert found[2] == "إن الفريق سيعود أقوى من قبل"


def test_quote_right_after_the_speaker_without_colon(said):
    (found,) = said('وتابع سامي "العمل لم ينته بعد".')
    assert found[:3] == ("سامي", "direct", "العمل لم ينته بعد")


def test_indirect_content_with_quoted_fragment_is_mixed(said):
    (found,) = said("وقالت الوزارة إن الهجوم كان “عملا جبانا” لن يمر.")
    assert found[1] == "mixed"
    assert found[2] == "الهجوم كان “عملا جبانا” لن يمر"


def test_cue_with_preposition_and_noun_phrase(said):
    (found,) = said("وشدد المحافظ على ضرورة تسريع المشاريع.")
    assert found[2] == "ضرورة تسريع المشاريع"


def test_coordinated_cue_takes_its_object(said):
    found = said("وشكر وزير الزراعة المزارعين على جهودهم، وأكد مجددا دعم الحكومة للقطاع.")
    assert found[-1][2] == "دعم الحكومة للقطاع"


def test_present_tense_and_participle_cues(said):
    found = said("ويقول المحلل إن السوق مستقر، مضيفا أن المستثمرين متفائلون.")
    assert [f[3] for f in found] == ["يقول", "مضيفا"]
    assert [f[2] for f in found] == ["السوق مستقر", "المستثمرين متفائلون"]


def test_content_stops_where_a_new_cue_begins(said):
    found = said("وقالت القاهرة إنها ترحب بالاتفاق، في حين قالت الرياض إنها تدرسه.")
    assert [f[2] for f in found] == ["ترحب بالاتفاق", "تدرسه"]


def test_sourcing_phrase_with_quotation(said):
    (found,) = said('وحسب بيان للنقابة "الإضراب مستمر حتى تلبية المطالب".')
    assert found[:3] == ("النقابة", "direct", "الإضراب مستمر حتى تلبية المطالب")  # the issuer


def test_sourcing_phrase_with_clause(said):
    (found,) = said("وحسب تقرير للبنك الدولي، فإن النمو سيتباطأ.")
    assert found[2] == "النمو سيتباطأ"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وحسب المتحدث باسم الجيش، العميد يحيى رسول، فإن القوات سيطرت على المنطقة.", "يحيى رسول"),
        ("ووفقا لمدير المستشفى، الدكتور أحمد علي، فإن المصابين في حالة مستقرة.", "أحمد علي"),
    ],
)
def test_a_sourced_role_with_its_name_in_apposition_before_fa_inna(said, text, speaker):
    (found,) = said(text)
    assert found[0] == speaker
    assert found[2] == text.split("فإن ")[1].rstrip(".")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("وأكد علي الحمداني أن المشروع متوقف.", "علي الحمداني", "المشروع متوقف"),
        ("بدوره، أكد النائب عن محافظة البصرة، علي الحمداني، أن المشروع متوقف.", "علي الحمداني",
         "المشروع متوقف"),
    ],
)
def test_ali_after_the_cue_or_a_comma_and_before_a_name_is_the_name(said, text, speaker, content):
    assert said(text) == [(speaker, "indirect", content, "أكد")]


def test_ali_before_an_ordinary_word_stays_the_preposition(said):
    found = said("قال الوزير إن الوضع مستقر. وأكد علي ضرورة التعاون بين البلدين.")
    assert found[1][2:] == ("ضرورة التعاون بين البلدين", "أكد")


def test_verbal_noun_cue(said):
    (found,) = said("وجاء الرد بعد يوم من قول أنقرة إنها لن تتراجع.")
    assert found[:3] == ("أنقرة", "indirect", "لن تتراجع")


@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس إلى اجتماع طارئ يوم الأحد.",
        "وبحث الوزيران سبل التعاون.",
        "وناقش المجلس الميزانية الجديدة.",
        "وقطع الرئيس زيارته بعد أن قال مستشاروه شيئا.",
    ],
)
def test_verbs_that_do_not_report_speech_give_nothing(said, text):
    assert [f for f in said(text) if f[3] in ("دعا", "بحث", "ناقش")] == []


def test_call_with_quoted_content_is_a_statement(said):
    (found,) = said("وحث الأمين العام للجامعة العربية أحمد أبو الغيط الأطراف على “التحلي بالحكمة”.")
    assert found[:3] == ("أحمد أبو الغيط", "direct", "التحلي بالحكمة")


def test_quoted_name_inside_speaker_zone_is_not_content(said):
    (found,) = said('وأوضحت قناة "الشرق" الإخبارية أن البث سيتوقف.')
    assert found[0] == 'قناة "الشرق" الإخبارية'
    assert found[2] == "البث سيتوقف"


def test_cue_inside_quotation_is_not_a_new_statement(said):
    found = said('وقال المتحدث: "الرئيس أكد أن الحوار هو الحل".')
    assert len(found) == 1 and found[0][1] == "direct"


def test_no_cue_no_statement(said):
    assert said("ارتفعت أسعار النفط اليوم بنسبة اثنين في المئة.") == []


def test_attribution_after_the_quotation(said):
    (found,) = said("“لن نتراجع عن الإصلاحات”، قال رئيس الحكومة.")
    assert found[:3] == ("رئيس الحكومة", "direct", "لن نتراجع عن الإصلاحات")


def test_verbal_noun_after_a_preposition_is_a_circumstance(said):
    found = said('وأكد وزير المالية التركي محمد شيمشك في تصريحات صحفية أن التضخم يتراجع.')
    assert found == [("محمد شيمشك", "indirect", "التضخم يتراجع", "أكد")]
    found = said('وفي تصريح لـ"الجزيرة نت"، قال المحلل أحمد الحيلة إن الحكومة أمام اختبار.')
    assert [f[0] for f in found] == ["أحمد الحيلة"]


def test_content_stops_before_but_she_stressed(said):
    found = said("وأضافت المديرة أن المبيعات تراجعت، لكنها أكدت أن الأرباح مستقرة.")
    assert [f[2] for f in found] == ["المبيعات تراجعت", "الأرباح مستقرة"]


def test_a_call_inside_the_content_does_not_cut_it(said):
    (found,) = said("وقالت الوزارة إنها ملتزمة بالاتفاق، لكنها دعت الطرف الآخر إلى احترامه.")
    assert found[2] == "ملتزمة بالاتفاق، لكنها دعت الطرف الآخر إلى احترامه"


def test_cue_word_inside_the_content_without_its_own_speaker_is_content(said):
    (found,) = said("وأضافت الخبيرة أن البيانات تشير إلى تباطؤ النمو.")
    assert found[2] == "البيانات تشير إلى تباطؤ النمو"


def test_the_noun_opinion_is_not_the_verb_to_see(said):
    assert said("وقال المدير إن أي رأي آخر مرحب به.")[0][3] == "قال"
    assert len(said("وقال المدير إن أي رأي آخر مرحب به.")) == 1
    assert said("ورأى الخبير أن الأسعار سترتفع.")[0][:3] == ("الخبير", "indirect", "الأسعار سترتفع")


def test_lafata_reports_only_when_pointing_to_something(said):
    assert said("ولفت المدرب إلى أن الفريق تعب.")[0][:3] == ("المدرب", "indirect", "الفريق تعب")
    assert said("ولفت الرجل رأسه بوشاح قبل أن يغادر.") == []


def test_it_is_noted_that_is_the_narrator(said):
    assert said("وقال المحافظ إن الطريق مغلق. يذكر أن الطريق افتتح عام 2015.") == [
        ("المحافظ", "indirect", "الطريق مغلق", "قال")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('وكتب اللاعب على حسابه: "سنعود أقوى".', "كتب"),
        ("ونوه الوزير إلى أن الدعم سيستمر.", "نوه"),
        ("واستبعد المحلل أن تنخفض الأسعار قريبا.", "استبعد"),
        ("وقال المدرب إن الفريق جاهز، مبينا أن الإصابات قليلة.", "مبينا"),
    ],
)
def test_more_reporting_verbs(said, text, cue):
    assert cue in [c for *_, c in said(text)]


def test_a_whole_quotation_after_bare_inna_is_direct_but_after_innahu_mixed(said):
    assert said('وقال المدرب إن "الفريق سيقاتل حتى النهاية".')[0][1:3] == (
        "direct", "الفريق سيقاتل حتى النهاية")
    assert said('وقالت الشركة إنها "ستراجع الأسعار".')[0][1] == "mixed"


def test_a_scare_quoted_word_in_running_text_is_not_a_quotation(said):
    assert said("وكشف النائب سامي حسن عن وجود “صفقات” تعقد سرا، مشيرا إلى أن التحقيق بدأ.") == [
        ("سامي حسن", "indirect", "التحقيق بدأ", "مشيرا")]


def test_a_coordinated_emphasis_cue_still_takes_a_that_clause(said):
    text = "أبدى المدرب سامر علي رضاه عن الأداء، وأكد في تصريحات صحفية أن الفوز مستحق."
    assert said(text)[0][1:3] == ("indirect", "الفوز مستحق")


def test_a_headline_label_and_colon_quote_the_speaker(said):
    text = "المتحدث باسم وزارة النقل: الطريق سيفتح الأسبوع المقبل\nوقال الوزير إن العمل مستمر."
    assert said(text)[0] == ("المتحدث باسم وزارة النقل", "direct", "الطريق سيفتح الأسبوع المقبل", ":")


@pytest.mark.parametrize("line", ["عمّان: افتتحت الوزارة اليوم مركزا جديدا.",
                                  "وكالة الأنباء المحلية: افتتحت الوزارة اليوم مركزا جديدا."])
def test_a_dateline_is_not_a_speaker(said, line):
    assert said(line) == []


def test_lafata_with_ila_only_in_a_later_clause_is_not_a_cue(said):
    text = "وقال المتحدث إن المسلحين لفت جسداهما بأحزمة، إضافة إلى حملهما قنابل."
    assert said(text) == [("المتحدث", "indirect", "المسلحين لفت جسداهما بأحزمة، إضافة إلى حملهما قنابل", "قال")]


def test_a_quoted_name_after_a_body_with_lam_is_not_the_content(said):
    text = 'من جهته، قال الرئيس التنفيذي لشركة "إيني الإيطالية"، كلاوديو ديسكالزي "قررنا مواصلة العمل".'
    assert [(s, c) for s, _, c, _ in said(text)] == [("كلاوديو ديسكالزي", "قررنا مواصلة العمل")]


def test_a_label_whose_content_opens_with_a_quoted_name_keeps_the_whole_line(said):
    text = 'رئيس شركة "النور": "الواحة" ستعود إلى الربح هذا العام\nوقال الرئيس إن الخطة جاهزة.'
    assert said(text)[0][1:3] == ("direct", '"الواحة" ستعود إلى الربح هذا العام')


def test_a_cue_form_written_with_tanween_is_an_adjective(said):
    text = "وقال المحامي سمير داود إن موكله بريء، نافيا أن يكون تابعًا لأحد.\nوأضاف أن المحكمة ستنظر الطعن."
    assert [(s, c) for s, _, _, c in said(text)] == [("سمير داود", "قال"), ("سمير داود", "نافيا"),
                                                     ("سمير داود", "أضاف")]  # not تابعًا


def test_a_quoted_name_after_a_naming_noun_is_not_the_content(said):
    text = 'وأعلن المتحدث في صفحة «الوزارة الرسمية» على «فيسبوك»، أن التسجيل بدأ.'
    assert said(text)[0][1:3] == ("indirect", "التسجيل بدأ")


def test_rarer_continuation_verbs_before_a_colon(said):
    text = ('وقال المدرب جمال سعيد: "لعبنا جيدا".\nوأكمل: "سنعود أقوى".\nوزاد بالقول: "الجمهور رائع".\n'
            "وزادت الأسعار في المدينة.")
    assert [(s, c) for s, _, _, c in said(text)] == [("جمال سعيد", "قال"), ("جمال سعيد", "أكمل"),
                                                    ("جمال سعيد", "زاد")]


def test_a_quoted_surname_after_the_cue_is_the_speaker_not_the_quote(said):
    text = 'قال المحافظ سامي عبدالله إن النمو قوي.\nوأضاف "عبدالله"، خلال مؤتمر صحفي عقده اليوم، أن التضخم سيتراجع.'
    assert said(text)[1][:3] == ("سامي عبدالله", "indirect", "التضخم سيتراجع")


def test_a_quoted_word_after_the_speaker_phrase_is_a_name_not_the_quote(said):
    text = 'كشفت والدة الضحية "كريمة"، المعروفة إعلاميا بعروس المنوفية، عن تفاصيل الجلسة.'
    assert all(content != "كريمة" for _, _, content, _ in said(text))


# -- cue forms: continuation verbs, خلص إلى, لفت أن, participles with على / إلى ---------------

@pytest.mark.parametrize(
    "text, content",
    [
        ('قال المدرب: "الفريق جاهز". وواصل: "سنقاتل حتى النهاية".', "سنقاتل حتى النهاية"),
        ('قال المدرب: "الفريق جاهز". وختم تصريحاته: "سنعود أقوى".', "سنعود أقوى"),
        ("وأوضحت الوزيرة أن العمل بدأ، واختتمت بأن المشروع سينتهي قريبا.", "المشروع سينتهي قريبا"),
        ("وخلص التقرير إلى أن الوضع صعب.", "الوضع صعب"),
        ("وأضاف الوزير أن الزيارة ناجحة. ولفت أن الوفد زار المدينة.", "الوفد زار المدينة"),
        ("وقال الوزير إن الأعداد في تزايد، مشددا على ضرورة التعاون.", "ضرورة التعاون"),
    ],
)
def test_further_cue_forms(said, text, content):
    assert content in [c for _, _, c, _ in said(text)]


def test_a_quoted_name_right_after_the_cue_then_a_role(said):
    text = 'قال "سامر عيد" الرئيس التنفيذي لشركة "النور" ومؤسسها إن الأرباح تضاعفت.'
    assert said(text) == [("سامر عيد", "indirect", "الأرباح تضاعفت", "قال")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وأعلن وزير المالية سالم داود، بحسب ما نقلت صحيفة الأيام الأحد، أن الاتفاق سيوقع.", "سالم داود"),
        ("وقالت الوزارة، حسبما ذكرت الوكالة، إن الحدود مفتوحة.", "الوزارة"),
        ("وبحسب ما ذكرت الصحيفة، فإن الاتفاق قريب.", "الصحيفة"),
    ],
)
def test_a_channel_aside_leaves_the_statement_to_its_speaker(said, text, speaker):
    assert [s for s, *_ in said(text)] == [speaker]


def test_a_channel_aside_after_the_content_ends_it(said):
    text = "وقال الوزير إن الاتفاق سيوقع قريبا، بحسب ما نقلت وكالة رويترز."
    assert said(text) == [("الوزير", "indirect", "الاتفاق سيوقع قريبا", "قال")]


def test_the_verb_after_a_sourcing_what_opens_no_second_statement(said):
    assert len(said("وبحسب ما أعلنت الوزارة، فإن الامتحانات ستبدأ غدا.")) == 1


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("والأسعار سترتفع خلال العام المقبل، بحسب البنك المركزي.", "البنك المركزي",
         "والأسعار سترتفع خلال العام المقبل"),
        ("وستفتح الحدود الأسبوع المقبل وفقا لوزارة الداخلية.", "وزارة الداخلية",
         "وستفتح الحدود الأسبوع المقبل"),
        ("الاتفاق سيوقع الأسبوع المقبل، بحسب ما أفادت مصادر مطلعة.", "مصادر مطلعة",
         "الاتفاق سيوقع الأسبوع المقبل"),
        ("الاتفاق سيوقع الأسبوع المقبل، حسبما ذكرت وزارة الخارجية.", "وزارة الخارجية",
         "الاتفاق سيوقع الأسبوع المقبل"),
    ],
)
def test_a_source_after_the_content(said, text, speaker, content):
    assert [(s, c) for s, _, c, _ in said(text)] == [(speaker, content)]


def test_a_source_after_a_reported_statement_does_not_take_it(said):
    assert [s for s, *_ in said("وقال الوزير إن الأسعار سترتفع، بحسب الوكالة.")] == ["الوزير"]


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("أكد رئيس المجلس، سالم داود، اليوم الثلاثاء، عدم صحة الجلسة المنعقدة.", "سالم داود",
         "عدم صحة الجلسة المنعقدة"),
        ("ورحب المحافظ بالحضور، مؤكدا أهمية التنسيق بين الجهات.", "المحافظ", "أهمية التنسيق بين الجهات"),
    ],
)
def test_an_emphasis_cue_with_a_verbal_noun_object(said, text, speaker, content):
    assert [(s, c) for s, _, c, _ in said(text)] == [(speaker, content)]


def test_an_ordinary_noun_after_an_emphasis_cue_is_no_content(said):
    assert said("وأكد الوزير الخبر في المؤتمر.") == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وجاء في البيان أن الاجتماع ناقش الأزمة.", "البيان"),
        ("وورد في تقرير المنظمة أن الأوضاع صعبة.", "المنظمة"),  # the body whose report it is
    ],
)
def test_wording_in_a_document(said, text, speaker):
    assert [s for s, *_ in said(text)] == [speaker]


def test_bayyana_at_a_clause_start_is_a_cue_and_bayna_is_not(said):
    assert [s for s, *_ in said("وبيّن الوزير أن الخطة جاهزة.")] == ["الوزير"]
    assert said("الفرق بين الحكومة والمعارضة أن الأولى تحكم.") == []


def test_a_short_clause_before_its_source(said):
    assert [s for s, *_ in said("الأسعار ستنخفض، وفقا لوزير التجارة.")] == ["وزير التجارة"]


def test_a_participle_after_a_closing_quote_opens_a_statement_of_its_own(said):
    found = said('وأشار الوزير إلى، أن "الجلسة تمت في غيابه،" مؤكدا على "عدم جواز انعقادها".')
    assert [(s, c) for s, _, c, _ in found] == [("الوزير", "الجلسة تمت في غيابه،"),
                                               ("الوزير", "عدم جواز انعقادها")]


def test_a_quoted_source_after_an_is_the_speaker_not_a_quote(said):
    found = said('ونقلت الوكالة عن "ماسك" قوله: "الشركة كانت تعاني".')
    assert [(s, c) for s, _, c, _ in found] == [("ماسك", "الشركة كانت تعاني")]


@pytest.mark.parametrize("opener", ["كذلك", "كما"])
def test_a_clause_start_only_cue_after_a_clause_adverb(said, opener):
    text = f"وأكدت الوزارة أن الوضع مستقر. {opener} بينت أن العملية ناجحة."
    assert [(s, c) for s, _, _, c in said(text)] == [("الوزارة", "أكدت"), ("الوزارة", "بينت")]


def test_a_participle_cue_without_a_comma_ends_the_content_before_it(said):
    text = "وقال غراندي إن الوضع في سوريا سياسي للغاية مؤكدا أن المفوضية منظمة إنسانية."
    assert [(s, content) for s, _, content, _ in said(text)] == [
        ("غراندي", "الوضع في سوريا سياسي للغاية"), ("غراندي", "المفوضية منظمة إنسانية")]


def test_nabbaha_as_verb_and_as_participle(said):
    assert said("ونبه الخبير إلى أن الأسعار سترتفع.") == [("الخبير", "indirect", "الأسعار سترتفع", "نبه")]
    text = "وقال الوزير إن الخطة جاهزة، منبها إلى أن التمويل متوفر."
    assert [(s, c) for s, _, _, c in said(text)] == [("الوزير", "قال"), ("الوزير", "منبها")]


def test_a_calling_participle_ends_the_content_before_it_and_is_no_record(said):
    text = "كما أشار الخبير إلى أن الأمطار ستكون غزيرة، داعياً المواطنين إلى الابتعاد عن الأودية."
    assert said(text) == [("الخبير", "indirect", "الأمطار ستكون غزيرة", "أشار")]


def test_an_adjective_that_is_also_a_title_is_no_speaker(said):
    text = ("وقال رئيس المعهد إن المحطات ترصد الحركة.\n"
            "ونفى ما أشيع عن قرب حدوث زلزال كبير في مصر، مضيفا أن الشائعات كاذبة.")
    assert {s for s, *_ in said(text)} == {"رئيس المعهد"}


def test_a_verbal_noun_after_the_subject_is_the_verbs_object_not_the_speaker(said):
    text = 'وتابع بيان المنظمة القول: "أصبحت البلاد سجنا".'
    assert said(text) == [("المنظمة", "direct", "أصبحت البلاد سجنا", "تابع")]


def test_an_inner_cue_after_a_sourcing_what_takes_the_quotation(said):
    text = ('قال المتحدث محمد المومني إن التحقيق بدأ.\n'
            'وبحسب ما ذكرته وكالة الأنباء "بترا" فإن المومني بيّن أن "الهجوم فردي".')
    assert [(s, c) for s, _, _, c in said(text)] == [("محمد المومني", "قال"), ("محمد المومني", "بيّن")]


def test_a_conjunction_written_apart_after_a_comma_still_opens_a_new_cue(said):
    text = "وأوضح الوزير بأنه يتعين مضاعفة المجهودات ،و أضاف وزير الداخلية بأن السلطات ستواصل دعمها."
    assert [(s, content) for s, _, content, _ in said(text)] == [
        ("الوزير", "يتعين مضاعفة المجهودات"), ("وزير الداخلية", "السلطات ستواصل دعمها")]


def test_bayyana_written_without_shadda_after_a_long_subject(said):
    text = ("وبين المتحدث الرسمي لشرطة منطقة مكة المكرمة المقدم عاطي القرشي أن الجهات الأمنية "
            "قبضت على المتهم.")
    assert said(text) == [("عاطي القرشي", "indirect", "الجهات الأمنية قبضت على المتهم", "بين")]


def test_wasafa_described_as_reports_a_statement(said):
    assert said("ووصف الوزير الاتفاق بأنه تاريخي.") == [("الوزير", "indirect", "تاريخي", "وصف")]
    assert said("وقال المدير إن الخطة جاهزة، واصفا إياها بأنها الأفضل.")[1][3] == "واصفا"


def test_wasafa_without_bi_anna_is_no_cue(said):
    assert said("ووصف الطبيب الدواء للمريض.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وبحسب الوزارة فإن الإصابات تراجعت.", "الإصابات تراجعت"),
        ("وحسب المصادر فإن الاجتماع تأجل.", "الاجتماع تأجل"),
    ],
)
def test_a_source_then_fa_inna_opens_the_content_without_a_comma(said, text, content):
    assert [c for _, _, c, _ in said(text)] == [content]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("وبحسب مصدر أمني، فإن المتهمين اعترفوا بارتباطهم بشبكة إقليمية.", "مصدر أمني",
         "المتهمين اعترفوا بارتباطهم بشبكة إقليمية"),
        ("ووفقا للشرطة، فإن السائق اعترف بالسرقة.", "الشرطة", "السائق اعترف بالسرقة"),
    ],
)
def test_a_verb_of_saying_without_content_inside_a_sourced_clause(said, text, speaker, content):
    """اعترف بـ opens no content of its own: the clause stays the source's."""
    assert [(s, c) for s, _, c, _ in said(text)] == [(speaker, content)]


def test_a_verb_with_its_own_content_inside_a_sourced_clause_takes_it(said):
    found = said("وبحسب مصادر، فإن الوزير أكد أن الاتفاق قريب.")
    assert [(s, c) for s, _, c, _ in found] == [("الوزير", "الاتفاق قريب")]


def test_a_haythu_clause_stays_in_the_statement(said):
    text = "وقالت المديرة إن فلسطين ستكون حاضرة في المهرجان، حيث تتضمن العروض أعمالا فلسطينية."
    assert said(text)[0][2] == "فلسطين ستكون حاضرة في المهرجان، حيث تتضمن العروض أعمالا فلسطينية"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a trailing source names the channel, not part of the statement
        ("قالت مصادر إن روسيا ترغب في زيادة الإنتاج، بحسب رويترز.", "روسيا ترغب في زيادة الإنتاج"),
        # a new clause that calls, after و or كما
        ("وقالت الوزارة إن الوضع مستقر، ودعت المواطنين إلى الهدوء.", "الوضع مستقر"),
        ("وقالت الشرطة إن المتهم فر، كما دعت المواطنين إلى الإبلاغ عنه.", "المتهم فر"),
        # ... but لكنها دعت goes on with the statement
        ("وقالت الوزارة إنها ملتزمة بالحوار، لكنها دعت إلى ضبط النفس.",
         "ملتزمة بالحوار، لكنها دعت إلى ضبط النفس"),
        # a participle the cue list knows ends the content before it
        ("وأكد الوزير أن البرنامج تقدم، مبرزا أن الدعم سيستمر.", "البرنامج تقدم"),
    ],
)
def test_where_a_statement_ends_before_a_channel_a_call_or_a_participle(said, text, content):
    assert said(text)[0][2] == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وقال الوزير إن المشروع سينجز قريبا، وذلك خلال كلمته في افتتاح المؤتمر.", "المشروع سينجز قريبا"),
        ("وأكد الوزير أن البرنامج تقدم، وذلك في تصريح أدلى به عقب الاجتماع.", "البرنامج تقدم"),
        ("رأى رئيس الحكومة أن الإصلاح ضرورة، وذلك خلال لقائه وفدا من الصندوق.", "الإصلاح ضرورة"),
        ("وأكد الوزير أن الاتفاق قريب، وذلك خلال استقباله السفير.", "الاتفاق قريب"),
        ("وأكد الوزير أن الاتفاق قريب، وذلك على هامش مشاركته في القمة.", "الاتفاق قريب"),
        # وذلك with a reason or a means goes on with the statement
        ("وقال الوزير إن التعاون مهم، وذلك بحكم الجوار.", "التعاون مهم، وذلك بحكم الجوار"),
        ("قال الوزير إن الأسعار سترتفع، وذلك في إطار خطة الإصلاح.", "الأسعار سترتفع، وذلك في إطار خطة الإصلاح"),
    ],
)
def test_wa_dhalika_with_the_occasion_is_the_narrator(said, text, content):
    assert said(text)[0][2] == content


def test_a_cue_joined_by_wa_without_a_comma_ends_the_content_before_it(said):
    text = "وقال المتنبئ إن الحرارة ستنخفض غدا وتوقع أن تسقط الأمطار يوم الخميس."
    assert [(c, q) for _, _, c, q in said(text)] == [("الحرارة ستنخفض غدا", "قال"),
                                                    ("تسقط الأمطار يوم الخميس", "توقع")]


def test_a_negated_cue_reports_nothing(said):
    text = "وقال المتحدث إن قواته استهدفت سفينة. ولم تؤكد هيئة عمليات التجارة البحرية الهجوم على الفور."
    assert [s for s, *_ in said(text)] == ["المتحدث"]


def test_a_reporters_byline_is_no_statement(said):
    text = "كتب - أحمد سامي:\nأكد مصدر مسؤول بوزارة التعليم أن الامتحانات ستبدأ في موعدها."
    assert [(s, c) for s, _, _, c in said(text)] == [("مصدر مسؤول بوزارة التعليم", "أكد")]


def test_a_participles_preposition_comes_right_after_it(said):
    text = "أكد مصدر مسؤول أن الامتحانات في موعدها، نافيا ما تردد على مواقع التواصل بشأن تأجيلها."
    assert [c for _, _, c, _ in said(text)] == ["الامتحانات في موعدها"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("أظهر تقرير صادر عن البنك الدولي أن البطالة مرتفعة.", "أظهر"),
        ("أبرز الوزير الأول أن الصادرات سترتفع.", "أبرز"),
        ("وقال المتحدث إن السفينة أصيبت، زاعما أن مالكها إسرائيلي.", "زاعما"),
    ],
)
def test_cues_of_showing_highlighting_and_claiming(said, text, cue):
    assert said(text)[-1][3] == cue


def test_showing_inside_a_statement_goes_on_with_the_speakers_words(said):
    text = "وأكد الوزير: إن الاحتلال، من خلال حصار غزة، أظهر للعالم أنه لا يلتزم بأي قاعدة."
    assert [c for _, _, c, _ in said(text)] == ["إن الاحتلال، من خلال حصار غزة، أظهر للعالم أنه لا يلتزم بأي قاعدة"]


def test_advising_ends_the_statement_and_is_not_recorded(said):
    text = "وقال الدكتور محمود شاهين إن العظمى ستسجل 41 درجة، ناصحا المواطنين بتجنب الشمس."
    assert [c for _, _, c, _ in said(text)] == ["العظمى ستسجل 41 درجة"]


def test_a_quotation_framed_around_the_cue_gives_both_halves(said):
    text = "«لا نحمّل المدرب وحده مسؤولية النتائج»، يضيف الشحف، «لكننا نحتاج إلى صدمة إيجابية»."
    assert [(s, c) for s, _, c, _ in said(text)] == [
        ("الشحف", "لا نحمّل المدرب وحده مسؤولية النتائج"), ("الشحف", "لكننا نحتاج إلى صدمة إيجابية")]


def test_a_belief_expressed_with_anna_is_a_statement(said):
    assert said("وعبر ترامب أمس عن اعتقاده بأن كييف قادرة على استعادة أراضيها.") == [
        ("ترامب", "indirect", "كييف قادرة على استعادة أراضيها", "عبر")]
    assert said("وأعرب الوزير عن قلقه إزاء التصعيد.") == []


def test_described_with_its_object_pronoun_and_accusing(said):
    text = "وأشاد الرئيس زيلينسكي بالتصريحات ووصفها بأنها تحول كبير، متهما روسيا بأنها تطيل الحرب."
    assert [(s, q) for s, _, _, q in said(text)] == [("زيلينسكي", "وصفها"), ("زيلينسكي", "متهما")]


def test_an_addressee_written_with_la_and_tatweel_is_no_speaker(said):
    text = "ظريف لـCNN: هناك أخطاء ارتكبت.\nوقال جواد ظريف إن الحل سياسي. وتابع: \"لديك مجموعة مسلحة ممولة من الخارج\"."
    assert [s for s, *_ in said(text)][-1] == "جواد ظريف"


def test_concluding_with_a_colon_is_a_cue_and_finishing_work_is_not(said):
    text = 'وقال ياسين منصور إن الفريق جيد. قبل أن ينهي: "لكن وجهة نظري أن القميص ملك للنادي".'
    assert [q for *_, q in said(text)] == ["قال", "ينهي"]
    assert said("وأنهى وكيل النيابة إجراءات التحقيق.") == []


def test_official_statistics_are_a_source(said):
    assert [s for s, *_ in said("وحسب الإحصاءات الرسمية، بلغ معدل البطالة 12 في المئة.")] == ["الإحصاءات الرسمية"]


def test_quoted_names_after_a_title_and_a_place_are_not_the_content(said):
    text = ("وقال الدكتور “علي العباب”، مدير مكتب التربية بمحافظة “مأرب”، في تصريح لمراسل “يمن مونيتور”، "
            "إن العام الدراسي سيبدأ في نوفمبر.")
    assert [(k, c) for _, k, c, _ in said(text)] == [("indirect", "العام الدراسي سيبدأ في نوفمبر")]


def test_no_verb_follows_fi_and_wasala_needs_its_words(said):
    assert [q for *_, q in said("وذكر المهندس أسامة القادري في تصرح للثورة أنه يتم العمل على الصيانة.")] == ["ذكر"]
    text = "وقال المتحدث إن القوات ثابتة في مواقعها، وتواصل تقدمها نحو المدينة."
    assert [c for _, _, c, _ in said(text)] == ["القوات ثابتة في مواقعها، وتواصل تقدمها نحو المدينة"]


def test_an_accusing_participle_reports_the_accused_and_the_charge(said):
    text = "وقال المرشح إن النتائج مزورة، متهما السلطات بتزوير محاضر عدد من المكاتب."
    assert said(text)[-1][2:] == ("السلطات بتزوير محاضر عدد من المكاتب", "متهما")
    assert [q for *_, q in said("وقال المرشح إن النتائج مزورة، متهما السلطات.")] == ["قال"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("وأرجع المعهد الوطني للإحصاء هذا التراجع أساسا إلى تباطؤ ارتفاع الأسعار.",
         "المعهد الوطني للإحصاء", "تباطؤ ارتفاع الأسعار"),
        ("وعزا الوزير ذلك إلى ارتفاع الأسعار عالميا.", "الوزير", "ارتفاع الأسعار عالميا"),
        ('وأرجع البنك قراره إلى "التراجع الملحوظ في التضخم".', "البنك", "التراجع الملحوظ في التضخم"),
    ],
)
def test_a_cause_put_down_by_a_speaker_is_the_content_after_ila(said, text, speaker, content):
    assert [(s, c) for s, _, c, _ in said(text)] == [(speaker, content)]


def test_a_cause_with_no_speaker_is_no_statement(said):
    assert said("ويرجع ذلك إلى ارتفاع الأسعار.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("الإضراب سيستمر حتى تحقيق المطالب، على حد قول رئيس النقابة.", "رئيس النقابة", "على حد قول"),
        ("الإضراب سيستمر حتى تحقيق المطالب، على حد تعبير الخبير سامي داود.", "سامي داود", "على حد تعبير"),
        ("الإضراب سيستمر حتى تحقيق المطالب، على ما أفاد رئيس النقابة.", "رئيس النقابة", "على ما أفاد"),
    ],
)
def test_a_source_after_the_content_through_ala(said, text, speaker, cue):
    assert [(s, c, q) for s, _, c, q in said(text)] == [(speaker, "الإضراب سيستمر حتى تحقيق المطالب", cue)]


@pytest.mark.parametrize(
    "text",
    ["وتراجعت الأسعار إلى حد كبير.", "وعلى ما يبدو فإن الأزمة مستمرة.", "وقال علي ما يريده الناس واضح."],
)
def test_ma_and_hadd_source_nothing_without_ala_and_a_cue(said, text):
    assert said(text) == []


@pytest.mark.parametrize(
    "text",
    ['"لن نتراجع عن مطالبنا"، هكذا قال رئيس النقابة.', '"لن نتراجع عن مطالبنا" هكذا قال رئيس النقابة.'],
)
def test_hakadha_points_the_cue_back_to_the_quotation(said, text):
    assert [(s, k, c) for s, k, c, _ in said(text)] == [("رئيس النقابة", "direct", "لن نتراجع عن مطالبنا")]


def test_kama_with_the_cue_ending_the_sentence_points_back_to_the_clause(said):
    found = said("الإضراب سيستمر حتى تحقيق المطالب، كما أكد رئيس النقابة.")
    assert [(s, c) for s, _, c, _ in found] == [("رئيس النقابة", "الإضراب سيستمر حتى تحقيق المطالب")]


def test_kama_after_another_speakers_statement_takes_nothing_of_it(said):
    found = said("وقال الوزير إن الإضراب سيستمر، كما قال رئيس النقابة.")
    assert [(s, c) for s, _, c, _ in found] == [("الوزير", "الإضراب سيستمر")]


def test_wafq_ma_after_the_content_names_its_source(said):
    found = said("وعثرت القوات على مضافة تحتوي على أحزمة ناسفة، وفق ما أفاد ضابط في قيادة العمليات.")
    assert [(s, c) for s, _, c, _ in found] == [("ضابط في قيادة العمليات", "وعثرت القوات على مضافة تحتوي على أحزمة ناسفة")]


def test_wafq_with_neither_lam_nor_ma_is_no_source(said):
    assert said("وتوزع المساعدات وفق شروط محددة.") == []


def test_a_postposed_cue_takes_the_name_set_off_after_its_role(said):
    text = '"نحن أمام أزمة كبرى"، قالت منسقة الشؤون الإنسانية للأمم المتحدة في السودان، ماري دوبون، للصحفيين.'
    assert [(s, c) for s, _, c, _ in said(text)] == [("ماري دوبون", "نحن أمام أزمة كبرى")]


def test_a_postposed_cue_ends_its_zone_at_the_next_cue(said):
    found = said('"لن نتراجع"، قال الوزير، مؤكدا أن الحكومة ماضية في الإصلاح.')
    assert [(s, c) for s, _, c, _ in found] == [("الوزير", "لن نتراجع"), ("الوزير", "الحكومة ماضية في الإصلاح")]


def test_a_quoted_outlet_a_source_told_is_not_the_content(said):
    found = said('وتراجع إنتاج النفط إلى أقل من مليون برميل يوميا، بحسب مصادر نفطية تحدثت لـ"رويترز".')
    assert [(s, c) for s, _, c, _ in found] == [("مصادر نفطية", "وتراجع إنتاج النفط إلى أقل من مليون برميل يوميا")]


def test_wafq_before_a_speaker_phrase_names_the_source(said):
    found = said("ووفق الوزير، فإن فعاليات المعرض تغطي جوانب مختلفة.")
    assert [(s, c) for s, _, c, _ in found] == [("الوزير", "فعاليات المعرض تغطي جوانب مختلفة")]


def test_renewed_emphasis_with_anna_continues_the_speaker(said):
    text = "وقال الوزير إن الصور تعود لتدريبات. وجدد التأكيد على أن البلاد لم تسجل أي إصابة."
    assert [(s, c) for s, _, c, _ in said(text)][-1] == ("الوزير", "البلاد لم تسجل أي إصابة")


def test_emphasis_as_a_noun_without_anna_is_no_statement(said):
    assert said("وطالب الوزير بالإسراع مع التأكيد على ضرورة التعاون.") == []


def test_kama_jaa_fi_after_the_content_points_back_to_the_document(said):
    found = said("وبلغ معدل نمو الأرباح 7 بالمئة، كما جاء في البيان.")
    assert [(s, c) for s, _, c, _ in found] == [("البيان", "وبلغ معدل نمو الأرباح 7 بالمئة")]


def test_a_pledge_joined_after_a_comma_ends_the_statement_before_it(said):
    found = said("وأشار حاشي إلى أنهم يقاتلون المسلحين في الغابات، وتعهد باستمرار القتال حتى تحرير الإقليم.")
    assert [c for _, _, c, _ in found] == ["يقاتلون المسلحين في الغابات"]


def test_reassured_that_is_a_cue(said):
    found = said("وطمأن الشيخ عبدالله الصباح المجتمع بأن «جودة الهواء مستقرة».")
    assert [(s, c) for s, _, c, _ in found] == [("عبدالله الصباح", "جودة الهواء مستقرة")]


def test_a_cue_needing_anna_finds_it_after_a_long_circumstance_set_off_by_commas(said):
    text = ("وقالت الوزيرة إن الامتحانات ستبدأ. وبينت خلال لقائها مديري التربية في المحافظات، بحضور الأمين "
            "العام للشؤون الإدارية، أن الوزارة ستعتمد التصحيح الإلكتروني.")
    assert [c for _, _, c, _ in said(text)][-1] == "الوزارة ستعتمد التصحيح الإلكتروني"


def test_a_calling_participle_with_no_comma_ends_the_statement_before_it(said):
    text = "وقال الوزير إن البلاد لم تسجل أي إصابة حتى الآن داعيا المواطنين إلى متابعة الوزارة."
    assert [c for _, _, c, _ in said(text)] == ["البلاد لم تسجل أي إصابة حتى الآن"]


@pytest.mark.parametrize(
    "text",
    ["وأوضح المراسل أن المدنيين وصفوا تفوق الطلاب بـ “المريبة”.",
     'وأكدت الوزارة خلو المملكة من البعوض الناقل لفيروس "زيكا".'],
)
def test_a_quoted_term_after_a_preposition_is_not_the_content(said, text):
    assert all(k != "direct" for _, k, _, _ in said(text))


def test_it_turned_out_that_is_no_ones_statement(said):
    found = said("وقال المصدر إن امرأة زعمت أنها طبيبة، وتبين لاحقا أنها تعمل في شركة للنظافة.")
    assert all(q != "تبين" for _, _, _, q in found)


def test_a_subject_after_tubayyin_makes_it_a_cue_again(said):
    found = said("وقالت الوزيرة إن الامتحانات تأجلت. وتبين الوزيرة أن القرار نهائي.")
    assert [(s, c) for s, _, c, _ in found][-1] == ("الوزيرة", "القرار نهائي")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comma closes the subject and addressee of a verb of saying; the words after are speech
        ("وقال مدير عام المركز عبد الله ملكني لوكالة الأنباء، يقام هذا المهرجان سنويا في مدينة مختلفة.",
         ("عبد الله ملكني", "direct", "يقام هذا المهرجان سنويا في مدينة مختلفة", "قال")),
        ("و أوضح ملكني، لأول مرة تقوم الدولة بدعم المهرجان ورعايته.",
         ("ملكني", "direct", "لأول مرة تقوم الدولة بدعم المهرجان ورعايته", "أوضح")),
        # a dashed aside closes the subject as a comma does
        ('وقال الهاجري – في تصريحات لـ "تلفزيون قطر" – تم عمل فحص إنشائي للمدارس القديمة.',
         ("الهاجري", "direct", "تم عمل فحص إنشائي للمدارس القديمة", "قال")),
    ],
)
def test_a_comma_after_the_subject_of_a_verb_of_saying_opens_its_speech(said, text, expected):
    assert said(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير، في كلمته بالمناسبة، نحن جاهزون.",  # a circumstance after the comma
        "وقال الوزير، رئيس اللجنة.",  # too few words to be speech
        "وأعلن الوزير، يوم الأحد، افتتاح المعرض في مدينة مختلفة.",  # أعلن takes no speech so
    ],
)
def test_no_speech_after_a_comma_that_opens_no_clause_of_speech(said, text):
    assert said(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال مدير عام المركز “عبد الله ملكني” إن المهرجان يقام سنويا.", "عبد الله ملكني"),
        ("وقال المدرب “وليد الركراكي” إن الفريق جاهز.", "وليد الركراكي"),
        ("وقال مدير عام مركز الدراسات “عبد الله ملكني”لوكالة الأنباء، يقام المهرجان سنويا في طرابلس.",
         "عبد الله ملكني"),
    ],
)
def test_a_quoted_person_name_after_a_role_is_the_speaker_not_a_quote(said, text, name):
    ((speaker, _, content, _),) = said(text)
    assert speaker == name and name not in content


def test_a_long_occasion_aside_between_the_cue_and_its_that_clause(said):
    text = ("وأوضح الوزير في كلمة ألقاها بمناسبة إشرافه على اختتام أشغال المركز الوطني لطبع مواضيع "
            "امتحانات الشهادة لهذا العام، والتي تميزت بخروج الفريق المشرف على إعداد مواضيع هذه الدورة "
            "وطبعها في آخر يوم من هذا الموعد التربوي الوطني الكبير، أن الامتحان جرى في ظروف جيدة.")
    assert [(s, c) for s, _, c, _ in said(text)] == [("الوزير", "الامتحان جرى في ظروف جيدة")]


@pytest.mark.parametrize("participle", ["مشيدا", "مثمنا", "مرحبا"])
def test_a_stance_participle_after_a_comma_ends_the_reported_clause(said, participle):
    text = f"وأوضح السفير أن المطار يعد معلما من المعالم البارزة، {participle} بالجهود التي بذلت فيه."
    assert [c for _, _, c, _ in said(text)] == ["المطار يعد معلما من المعالم البارزة"]


def test_a_participle_with_a_claim_noun_and_no_comma_ends_the_content_before_it(said):
    text = "وقال المحامي عثمان عيسى إن المحكمة أجلت استجواب المتهمين إلى اليوم مؤكدا تمسك المتهمين بمواقفهم."
    assert said(text)[0][2] == "المحكمة أجلت استجواب المتهمين إلى اليوم"


def test_a_cue_verb_after_haythu_with_no_marker_keeps_the_speakers_words_going(said):
    text = "ذكر المهندس رضوان حرصوني أن الإنتاج يبلغ 31 طنا، حيث يعتبر من أكثر الأشجار تحقيقا للريعية."
    assert [c for _, _, c, _ in said(text)] == ["الإنتاج يبلغ 31 طنا، حيث يعتبر من أكثر الأشجار تحقيقا للريعية"]


def test_a_cue_verb_after_haythu_with_its_own_that_clause_starts_a_statement(said):
    text = "ذكر المهندس رضوان حرصوني أن الإنتاج يبلغ 31 طنا، حيث أوضح أن الموسم جيد."
    assert [c for _, _, c, _ in said(text)] == ["الإنتاج يبلغ 31 طنا", "الموسم جيد"]


def test_a_participle_with_a_quotation_and_no_comma_ends_the_content_before_it(said):
    text = "وكشف الشريف أن الوزارة وافقت على إحداث مستشفى جهوي بمنطقة قرمدة مضيفا “وهذا كسب صحي جديد للولاية”."
    assert [(k, c) for _, k, c, _ in said(text)] == [
        ("indirect", "الوزارة وافقت على إحداث مستشفى جهوي بمنطقة قرمدة"), ("direct", "وهذا كسب صحي جديد للولاية")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وقال رئيس اللجنة إن نسبة المشاركة بلغت 55%.", "نسبة المشاركة بلغت 55%"),
        ("وقال رئيس اللجنة إن الإنتاج بلغ ألف طن (تقريبا).", "الإنتاج بلغ ألف طن (تقريبا)"),
        ("وقال رئيس اللجنة إن الإنتاج بلغ ألف طن.", "الإنتاج بلغ ألف طن"),
    ],
)
def test_a_sign_or_closed_bracket_at_the_end_of_content_is_kept(said, text, content):
    assert said(text)[0][2] == content


def test_a_participle_with_a_colon_and_no_comma_ends_the_content_before_it(said):
    text = "أكد الناطق الرسمي أن الوزارة تعمل في إطار القانون قائلا: “الفيديوهات تخضع إلى التدقيق”."
    assert [(k, c) for _, k, c, _ in said(text)] == [
        ("indirect", "الوزارة تعمل في إطار القانون"), ("direct", "الفيديوهات تخضع إلى التدقيق")]


def test_a_quoted_surname_with_spaces_inside_its_marks_before_a_dashed_aside(said):
    text = 'وقال " الدبيبة " - في كلمة له خلال اجتماع مجلس الوزراء بحضور رئيس الأركان – إن الحديث عن التسليم عبث.'
    assert [(s, c) for s, _, c, _ in said(text)] == [("الدبيبة", "الحديث عن التسليم عبث")]


@pytest.mark.parametrize(
    "text",
    ["وأشار المحافظ، بحسب البيان، إلى أن القاعة تم تحويلها إلى مستشفى.",
     "وقال المحافظ، بحسب البيان، إن القاعة تم تحويلها إلى مستشفى."],
)
def test_a_channel_aside_set_off_by_commas_keeps_the_statement_its_speakers(said, text):
    assert [(s, c) for s, _, c, _ in said(text)] == [("المحافظ", "القاعة تم تحويلها إلى مستشفى")]


def test_a_verb_of_saying_typed_with_tanween_before_a_colon_is_still_a_cue(said):
    text = "وقال الوزير إن الحوار مستمر.\nو تابعً: (نحن مستعدون للذهاب إلى أي مكان من أجل السلام)."
    assert [q for _, _, _, q in said(text)] == ["قال", "تابعً"]


def test_a_cue_form_right_after_an_is_the_clauses_subject_noun(said):
    text = 'وقال المحامي إنه اعترض على الوصف، مشيرا إلى أن رد القاضي "شجع الشاهد على المضي في كلامه".'
    assert [(s, q) for s, _, _, q in said(text)] == [("المحامي", "قال"), ("المحامي", "مشيرا")]


def test_a_cue_after_qabla_an_is_still_a_verb(said):
    text = 'وتحدث المدرب عن المباراة قبل أن ينهي: "لكن وجهة نظري أن الفريق يستحق الفوز".'
    assert [q for _, _, _, q in said(text)] == ["ينهي"]


@pytest.mark.parametrize("link", ["في حين", "فيما", "بينما"])
def test_a_contrast_clause_with_no_cue_goes_on_with_the_speakers_words(said, link):
    text = f"وذكر المسؤول أن عدد المدرسين يبلغ 8500 مدرس، {link} يوجد 9000 شاغر قيد التعيين."
    assert said(text)[0][2] == f"عدد المدرسين يبلغ 8500 مدرس، {link} يوجد 9000 شاغر قيد التعيين"


def test_a_contrast_clause_with_its_own_cue_ends_the_statement(said):
    text = "وذكر المسؤول أن عدد المدرسين يبلغ 8500 مدرس، فيما أوضح المدير أن الشواغر كثيرة."
    assert [c for _, _, c, _ in said(text)] == ["عدد المدرسين يبلغ 8500 مدرس", "الشواغر كثيرة"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("أعلن ممثل موزعي المحروقات فادي أبو شقرا ألّا مخزون من المحروقات في لبنان.", "ألّا مخزون من المحروقات في لبنان"),
        ("وأكد الوزير ألا تراجع عن القرار.", "ألا تراجع عن القرار"),
    ],
)
def test_an_with_la_written_as_one_word_opens_the_content_and_stays_in_it(said, text, content):
    assert said(text)[0][2] == content


def test_a_present_tense_cue_verb_after_a_comma_with_no_marker_is_the_contents_own_verb(said):
    text = ("قال المتحدث الرسمي علاء الحديدي إن الدكتور هشام قنديل، رئيس مجلس الوزراء، "
            "يتابع مع وزير الصحة حالات التسمم الغذائي.")
    assert said(text)[0][2] == "الدكتور هشام قنديل، رئيس مجلس الوزراء، يتابع مع وزير الصحة حالات التسمم الغذائي"


def test_a_present_tense_cue_verb_after_a_comma_with_its_own_that_clause_starts_a_statement(said):
    text = "وقال الوزير إن الخطة جاهزة، يقول المدير إن التمويل متوفر."
    assert [c for _, _, c, _ in said(text)] == ["الخطة جاهزة", "التمويل متوفر"]


def test_abana_is_a_verb_of_saying(said):
    assert said("وأبان الوزير أن المبالغ أسهمت في دعم السيولة.")[0][3] == "أبان"


def test_a_channel_aside_between_a_participle_and_its_that_clause(said):
    text = ("قال المسؤول إن الدولة صرفت للبنوك مبالغ كبيرة، مبيناً وفقاً لصحيفة “الشرق الأوسط” "
            "أن القطاع يتمتع الآن بمستوى سيولة جيد.")
    assert [(s, c) for s, _, c, _ in said(text)] == [
        ("المسؤول", "الدولة صرفت للبنوك مبالغ كبيرة"), ("المسؤول", "القطاع يتمتع الآن بمستوى سيولة جيد")]


def test_a_cue_form_counted_after_a_number_is_a_noun(said):
    text = "ويتوزع الرقم على 5000 طالب مسجلين على الشهادة. وأشار الوزير إلى أن الملف جاهز."
    assert [(s, c) for s, _, _, c in said(text)] == [("الوزير", "أشار")]


def test_a_verb_after_a_year_is_still_a_verb(said):
    assert said("وفي عام 2020 قال الوزير إن الملف جاهز.")[0][0] == "الوزير"


def test_a_quotation_never_closed_ends_where_a_participle_resumes_the_report(said):
    text = ("قال وزير الصحة خالد السعيد إن العمل مستمر.\n"
            "وقال: «تركز الوزارة حاليا على البناء والاهتمام بالمنظومة الصحية، مبينا أن الوزارة بصدد تدشين مراكز جديدة.")
    assert said(text)[1:] == [
        ("خالد السعيد", "direct", "تركز الوزارة حاليا على البناء والاهتمام بالمنظومة الصحية", "قال"),
        ("خالد السعيد", "indirect", "الوزارة بصدد تدشين مراكز جديدة", "مبينا"),
    ]


def test_a_quotation_never_closed_runs_on_past_a_comma_without_a_participle(said):
    text = 'وقال الوزير: «تركز الوزارة على البناء، وستبدأ قريبا بالمراكز.'
    assert said(text)[0][2] == "تركز الوزارة على البناء، وستبدأ قريبا بالمراكز"


def test_a_form_ten_verb_after_a_title_opens_no_name(said):
    text = "وقال الوزير إن لقاءه مع رئيس الوزراء استعرض خلاله مشروعات القوانين. وأضاف أن المشروعات كثيرة."
    assert [s for s, *_ in said(text)] == ["الوزير", "الوزير"]


def test_a_bodys_quoted_name_after_the_cue_is_the_speaker(said):
    text = "وقال «موقع الشرق» الاقتصادي في تقرير عبر موقعه، إن الحكومة تدرس بيع حصة."
    assert said(text) == [("موقع الشرق", "indirect", "الحكومة تدرس بيع حصة", "قال")]


def test_a_short_quote_after_a_colon_opening_with_a_body_is_still_the_quote(said):
    text = 'قال الوزير سامي حداد إن الوضع صعب. وأضاف: "الحكومة فشلت".'
    assert said(text)[1] == ("سامي حداد", "direct", "الحكومة فشلت", "أضاف")


def test_a_quotation_never_closed_ends_before_a_participle_with_bil_qawl(said):
    text = "وقال المدير العام سالار حسين: “في الصيف تمكنا من تجهيز الطاقة 20 ساعة يوميا، مردفا بالقول إنه: تم تزويد المواطنين بأكثر."
    assert [c for _, _, c, _ in said(text)] == ["في الصيف تمكنا من تجهيز الطاقة 20 ساعة يوميا", "تم تزويد المواطنين بأكثر"]


def test_a_channel_aside_between_dashes_opens_no_statement(said):
    text = 'وأكد محافظ البنك المركزي -وفقا لوكالة "سبأ"- أن عملا كهذا يعد جريمة.'
    assert said(text) == [("محافظ البنك المركزي", "indirect", "عملا كهذا يعد جريمة", "أكد")]


def test_the_colon_of_a_time_is_no_colon_of_speech(said):
    text = "وطلب النواب ذلك\nالإثنين، 29 يناير 2018 11:49 صباحا\nتعهد رئيس الوزراء بحضور الوزراء."
    assert said(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ونشرت بعض وسائل الاتصال أن هناك أزمة إنسانية في المستشفيات.",
         [("بعض وسائل الاتصال", "indirect", "هناك أزمة إنسانية في المستشفيات", "نشرت")]),
        ("ونشر الجيش قوات على الحدود.", []),
        ("نشر بتاريخ:\nطرابلس 7 نوفمبر 2020 - أعلنت المؤسسة الوطنية للنفط أن الإنتاج ارتفع.",
         [("المؤسسة الوطنية للنفط", "indirect", "الإنتاج ارتفع", "أعلنت")]),
    ],
)
def test_nashara_reports_only_with_an_anna_clause(said, text, expected):
    assert said(text) == expected


def test_a_statement_published_by_a_page_is_worded_in_the_ministers_statement(said):
    text = ("قال وزير الصحة خالد آيت الطالب إن اللقاح ضروري.\nونشرت الصفحة الرسمية لوزارة الصحة اليوم تصريحا "
            "مقتضبا لوزير الصحة، جاء فيه أن الفيروس سيستمر.")
    assert said(text)[-1][0] != "الصفحة الرسمية لوزارة الصحة"


def test_calculations_are_a_document_source(said):
    text = "واظهرت حسابات خاصة اطلعت عليها الوكالة ان الايرادات انخفضت. واظهرت الحسابات ان العراق باع النفط."
    assert [s for s, *_ in said(text)] == ["حسابات خاصة", "حسابات خاصة"]


def test_a_quotation_after_a_colon_is_not_also_the_next_cues_postposed_statement(said):
    text = 'وقال عبد الغاني لوكيل المدرب المساعد:” الحمد لله على الانتصار”، كما أضاف لوكيل قائلا:” سنواصل العمل”.'
    contents = [c for _, _, c, _ in said(text)]
    assert contents.count("الحمد لله على الانتصار") == 1
