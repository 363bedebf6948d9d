"""Who said it: explicit subjects, continuation, role resolution, channels, several speakers."""

from __future__ import annotations

import pytest

from qawl.engine import Method, SpeakerType


def test_role_and_name_in_apposition_are_one_person(extractor):
    result = extractor.extract("وقال المتحدث باسم الشركة، كريم نادر، إن الأرباح ارتفعت.")
    (speaker,) = result.speakers
    assert speaker.name == "كريم نادر"
    assert speaker.role == "المتحدث باسم الشركة"
    assert speaker.type is SpeakerType.PERSON


def test_role_then_name_without_comma(extractor):
    result = extractor.extract("وقال وزير الداخلية في الحكومة الانتقالية سالم الأحمد إن الأمن مستتب.")
    (speaker,) = result.speakers
    assert speaker.role == "وزير الداخلية في الحكومة الانتقالية"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("وقالت الحكومة الأردنية إن الحدود مفتوحة.", SpeakerType.ORGANIZATION),
        ("وقالت ماليزيا إنها ستشارك في القمة.", SpeakerType.COUNTRY),
        ("وقال مسؤول عسكري إن القوات انسحبت.", SpeakerType.UNNAMED),
        ("وذكر التقرير أن البطالة تراجعت.", SpeakerType.DOCUMENT),
        ("وقالت تونس والجزائر إنهما ستنسقان المواقف.", SpeakerType.GROUP),
        ("وقال فادي حداد إن المشروع اكتمل.", SpeakerType.PERSON),
    ],
)
def test_speaker_types(extractor, text, kind):
    result = extractor.extract(text)
    assert [s.type for s in result.speakers] == [kind]


def test_self_named_organisation_takes_the_quoted_name(said):
    found = said("وتبنت الهجوم جماعة تطلق على نفسها “كتائب الفجر”، وتقول إنها ستواصل عملياتها.")
    assert found[-1][0] == "كتائب الفجر"


def test_continuation_takes_the_previous_speaker(extractor):
    result = extractor.extract('وقال المدرب هشام علي إن الفريق جاهز.\nوأضاف: "سنلعب للفوز".')
    first, second = result.quotes
    assert first.speaker_id == second.speaker_id
    assert second.method is Method.CONTINUATION


def test_continuation_respects_gender_agreement(said):
    text = (
        "وقالت وزارة التعليم إن المدارس ستفتح.\n"
        "وقال المدير سمير خليل إن الاستعدادات اكتملت.\n"
        "وأضافت أن الدوام سيبدأ مبكرا."
    )
    assert said(text)[-1][0] == "وزارة التعليم"


def test_continuation_follows_the_latest_speaker(said):
    text = (
        "وقال أحمد سعيد إن المحادثات جيدة.\n"
        "وقال نظيره عمر رشيد إن الخلافات قليلة.\n"
        'وأضاف: "سنلتقي قريبا".'
    )
    assert said(text)[-1][0] == "عمر رشيد"


def test_role_only_mention_resolves_to_named_person(extractor):
    text = (
        "التقى وزير الصحة اللبناني نبيل صالح بنظيره في بيروت.\n"
        "وأكد وزير الصحة اللبناني أن المستشفيات جاهزة."
    )
    result = extractor.extract(text)
    (quote,) = result.quotes
    assert result.speaker(quote.speaker_id).name == "نبيل صالح"
    assert quote.method is Method.ROLE_RESOLVED


def test_counterpart_mention_resolves_through_the_other_role(said):
    text = (
        "وبحث وزير الخارجية المصري سامح شكري مع نظيره الأردني أيمن الصفدي الأوضاع.\n"
        "وقال وزير الخارجية الأردني إن التنسيق مستمر."
    )
    assert said(text)[-1][0] == "أيمن الصفدي"


def test_two_speakers_in_one_sentence(said):
    found = said("وقالت موسكو إنها مستعدة للحوار، في حين قالت كييف إنها ترفض الشروط.")
    assert [f[0] for f in found] == ["موسكو", "كييف"]


def test_channel_gives_way_to_the_speaker_it_reports(said):
    found = said("وذكرت وكالة الأنباء الألمانية أن مصدرا دبلوماسيا قال إن الجولة المقبلة ستعقد في جنيف.")
    assert found == [("مصدرا دبلوماسيا", "indirect", "الجولة المقبلة ستعقد في جنيف", "قال")]


def test_transmitted_words_belong_to_the_person_after_an(said):
    (found,) = said('ونقلت صحيفة "الأيام" عن وزير النقل رامي فؤاد قوله "الطريق سيفتتح قريبا".')
    assert found[:3] == ("رامي فؤاد", "direct", "الطريق سيفتتح قريبا")


def test_subject_before_the_cue_after_kana(said):
    (found,) = said("وكانت الحكومة قد أعلنت أمس أنها ستخفض الضرائب.")
    assert found[0] == "الحكومة"


def test_person_named_in_the_content_is_not_the_speaker(said):
    found = said("وقال عبد الله مراد إن المدينة تستعد، مضيفا أن الرئيس كمال يوسف سيزورها.")
    assert len(found) == 2
    assert all(f[0] == "عبد الله مراد" for f in found)


def test_expressive_cue_gives_a_subject_for_the_next_cue(said):
    found = said("وأعرب وزير البيئة عن قلقه من التلوث، وأكد أن الحكومة ستتحرك.")
    assert found == [("وزير البيئة", "indirect", "الحكومة ستتحرك", "أكد")]


def test_continuation_without_any_earlier_speaker_gives_nothing(said):
    assert said('وأضاف: "هذا كل شيء".') == []


def test_definite_surname_alone_after_the_full_name(said):
    found = said("وقال سامي العلي إن الحكومة مستقرة.\nوأكد العلي أن الحوار ممكن.")
    assert [f[0] for f in found] == ["سامي العلي", "سامي العلي"]


def test_family_name_with_article_but_not_a_following_prepositional_phrase(said):
    (found,) = said("وقالت المتحدثة باسم الوزارة كارين جان بيير للصحفيين إن الإدارة تتابع الوضع.")
    assert found[0] == "كارين جان بيير"


def test_feminine_role_is_not_merged_with_a_masculine_one(extractor):
    result = extractor.extract("وقال الوزير إن الخطة جاهزة.\nوأشارت الوزيرة إلى أن التمويل متوفر.")
    assert len(result.speakers) == 2


def test_relayed_source_after_naqlan_an(said):
    (found,) = said("قالت وكالة رويترز نقلا عن مصادر مطلعة إن الصفقة ستعلن قريبا.")
    assert found[:2] == ("مصادر مطلعة", "indirect")


def test_plural_source_does_not_continue_into_a_singular_cue(said):
    found = said("وقالت مصادر مطلعة إن الصفقة قريبة.\nوأضاف: «لن نسمح بذلك».")
    assert len(found) == 1


@pytest.mark.parametrize(
    "text, name",
    [
        ("وقال الرئيس السوري بشار الأسد في كلمة إن البلاد تجاوزت الأزمة.", "بشار الأسد"),
        ("أكد الرئيس عبد الفتاح السيسي، خلال لقائه الوفد، على أهمية التعاون.", "عبد الفتاح السيسي"),
    ],
)
def test_names_with_definite_family_names(said, text, name):
    assert said(text)[0][0] == name


def test_name_spelled_like_a_preposition(said):
    (found,) = said("وقال المحامي خالد علي، دفاع المتهمين، إن موكليه أبرياء.")
    assert found[0] == "خالد علي"


@pytest.mark.parametrize(
    "text",
    [
        'وقال المحلل محمد أحمد لـ"الجزيرة نت" إن الوضع معقد.',
        "وقال محمد أحمد لرويترز إن الوضع معقد.",
        "وقال محمد أحمد لوكالة فرانس برس إن الوضع معقد.",
    ],
)
def test_the_outlet_spoken_to_is_not_part_of_the_name(said, text):
    assert said(text)[0][0] == "محمد أحمد"


def test_a_subject_before_the_verb_beats_an_object_read_as_a_name(said):
    text = "لكن المتحدث العسكري أكد وجود تعزيزات جديدة. وقال إن الوضع مستقر."
    assert said(text) == [("المتحدث العسكري", "indirect", "الوضع مستقر", "قال")]


def test_a_participle_continues_the_subject_of_the_opening_verb(said):
    text = ("ألقى الدكتور حسان نوري، رئيس جامعة الشمال، كلمة في حفل أقيم في قاعة المجلس البلدي،"
            ' قائلا: "أنتم مستقبل البلاد".')
    assert said(text)[0][0] == "حسان نوري"


def test_ali_after_a_title_starts_a_name(said):
    assert said("وقال الدكتور علي حسين إن العلاج متوفر.")[0][0] == "علي حسين"


def test_the_same_speaker_points_back(said):
    text = "وقال المدرب جمال سعيد إن اللاعبين تعبوا. وأضاف المتحدث نفسه أن الراحة ضرورية."
    assert [s for s, *_ in said(text)] == ["جمال سعيد", "جمال سعيد"]


def test_a_participle_after_a_leading_adverbial_and_an_expressive_verb(said):
    text = ("وقال المدرب جمال سعيد إن اللاعبين تعبوا.\n"
            "من جهة أخرى، عبر كريم نادر، مدرب الضيوف، عن حزنه، مؤكدا أن الحظ لم يحالفهم.")
    assert said(text)[-1][:2] == ("كريم نادر", "indirect")


def test_a_role_after_the_name_binds_it_and_the_bare_title_resolves_to_it(extractor):
    text = ("أبدى رامي خليل، مدرب نادي الشروق، رضاه عن الأداء.\n"
            "وتحدث المدرب عن الحارس، مشيرا إلى أن إصابته بسيطة.")
    result = extractor.extract(text)
    (quote,) = result.quotes
    speaker = result.speaker(quote.speaker_id)
    assert (speaker.name, speaker.role) == ("رامي خليل", "مدرب نادي الشروق")


def test_illa_annahu_is_a_pronoun_subject_not_a_name(said):
    text = "وقال المبعوث سامي داود إن الهدنة صامدة، إلا أنه شدد على أن الوضع صعب."
    assert [s for s, *_ in said(text)] == ["سامي داود", "سامي داود"]


def test_a_known_surname_wins_over_a_lexicon_reading_of_the_same_word(said):
    text = "وقال الوزير سامر محافظة إن المدارس جاهزة.\nوأوضح محافظة أن الكتب وصلت، مؤكدا أن الدوام يبدأ الأحد."
    assert [s for s, *_ in said(text)] == ["سامر محافظة"] * 3


def test_a_speaker_named_in_quotation_marks(extractor):
    text = "وقال المستشار هاني رزق إن التحقيق مستمر.\nوقال «رزق» إن الأدلة كافية."
    result = extractor.extract(text)
    second = result.quotes[1]
    assert result.speaker(second.speaker_id).name == "هاني رزق"
    assert second.method is Method.EXPLICIT


def test_a_name_takes_the_gender_of_its_verb_for_later_continuations(said):
    text = ("وقالت ليلى سعيد، خلال الندوة التي نظمتها جامعة القاهرة، إن البحث مستمر.\n"
            "وأوضحت أن النتائج ستنشر قريبا.")
    assert [s for s, *_ in said(text)] == ["ليلى سعيد", "ليلى سعيد"]


def test_a_body_inside_a_relative_clause_does_not_continue(said):
    text = ("وصل الوفد إلى المعرض الذي تنظمه وزارة الثقافة.\n"
            "وأكدت أن الزوار كثيرون.")
    assert said(text) == []


def test_a_body_after_a_preposition_does_not_continue(said):
    text = "عقد اللقاء في وزارة التجارة.\nوأكدت أن الأسعار مستقرة."
    assert said(text) == []


def test_a_body_acting_in_its_clause_continues(said):
    text = "وعقدت وزارة التجارة مؤتمرا صحفيا أمس.\nوأكدت أن الأسعار مستقرة."
    assert [s for s, *_ in said(text)] == ["وزارة التجارة"]


def test_a_country_mentioned_in_passing_never_continues(said):
    text = "وصل الوفد إلى السودان أمس.\nوقالت إن الزيارة ناجحة."
    assert said(text) == []


def test_a_back_pointer_gives_the_sentence_before_to_the_speaker_after_it(said):
    text = ("شهدت المدينة هدوءا نسبيا يوم الجمعة بعد أيام من الاحتجاجات.\n"
            "أعلن ذلك العقيد سامر داود الناطق باسم الشرطة في تصريح صحفي.")
    assert said(text) == [("سامر داود", "indirect",
                           "شهدت المدينة هدوءا نسبيا يوم الجمعة بعد أيام من الاحتجاجات", "أعلن")]


def test_a_back_pointer_takes_no_sentence_that_has_its_own_statement(said):
    text = "وقال الوزير إن الأسعار مستقرة.\nأعلن ذلك في مؤتمر صحفي."
    assert [s for s, *_ in said(text)] == ["الوزير"]


def test_a_cue_inside_a_statements_content_names_no_speaker_for_later_continuations(said):
    text = ("وأوضح الوزير أن المشاركة الواسعة تؤكد نجاح هذا المهرجان.\n"
            "وأشار إلى أن الدورة المقبلة أكبر.")
    assert [s for s, *_ in said(text)] == ["الوزير", "الوزير"]


@pytest.mark.parametrize(
    "text, strategy",
    [
        ("وشكر وزير الزراعة المزارعين على جهودهم، وأكد مجددا رغبة الحكومة في الحوار.", "coordinated"),
        ('المتحدث باسم الوزارة: "الحدود مفتوحة".', "explicit"),
        ("ونقلت الوكالة عن مصدر مسؤول قوله إن المفاوضات مستمرة.", "transmit"),
        ("وجاء في البيان أن الاجتماع ناقش الأزمة.", "wording"),
        ("وبحسب وزارة الصحة، فإن الحالات تراجعت.", "sourcing"),
        ("وأكد أن مسؤولا أمنيا قال إن الهجوم أحبط.", "pre-verbal"),
        ("وقال الوزير إن الزيارة ناجحة.\nوأضاف أن التعاون مستمر.", "continuation"),
    ],
)
def test_each_speaker_strategy_names_its_rule(extractor, text, strategy):
    rules = [q.rule for q in extractor.extract(text).quotes]
    assert any(rule.endswith("." + strategy) for rule in rules), rules


def test_the_strategies_are_tried_in_order():
    from qawl.engine.attribution import Attributor

    names = [s.__name__ for s in Attributor.STRATEGIES]
    assert names == ["by_coordination", "by_label", "by_transmission", "by_wording", "by_sourcing", "by_relative",
                     "by_subject", "by_continuation"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وأشار تقرير حديث نشره معهد المحاسبين القانونيين إلى أن الأسعار ستتراجع.",
         "معهد المحاسبين القانونيين"),
        ("وأفاد بيان صادر عن الرئاسة بأن الرئيس سيزور الصين.", "الرئاسة"),
        ("وحسب بيان باكستاني صادر عن الاجتماع \"بحث الجانبان المسائل\".", "بيان باكستاني"),
    ],
)
def test_a_document_speaks_for_the_body_that_issued_it(said, text, speaker):
    assert [s for s, *_ in said(text)] == [speaker]


def test_a_masculine_title_in_ta_is_continued_by_a_masculine_cue(said):
    text = "ونفى الداعية محمد العريفي ما نسب إليه، وقال إن الحساب مزور."
    assert said(text) == [("محمد العريفي", "indirect", "الحساب مزور", "قال")]


def test_a_document_with_la_and_a_body_speaks_for_that_body(said):
    assert [s for s, *_ in said("وقال بيان لوزارة الخارجية إن الوزير سيزور الرياض.")] == ["وزارة الخارجية"]
    assert [s for s, *_ in said("وذكر تقرير لمجلة تايم أن الرئيس سيزور الصين.")] == ["مجلة تايم"]


def test_a_source_after_li_keeps_its_article(extractor):
    result = extractor.extract("ووفقا للتقرير فإن 400 لاجئ عادوا إلى سوريا.")
    (quote,) = result.quotes
    speaker = result.speaker(quote.speaker_id)
    assert (speaker.name, quote.speaker_mention.text, quote.text) == (
        "التقرير", "للتقرير", "400 لاجئ عادوا إلى سوريا")


def test_a_role_after_li_keeps_its_article(extractor):
    result = extractor.extract("تواصل الدائرة تنفيذ حملتها، وفقا للمتحدث باسم الوزارة.")
    (quote,) = result.quotes
    speaker = result.speaker(quote.speaker_id)
    assert (speaker.name, speaker.role, quote.speaker_mention.text) == (
        "المتحدث باسم الوزارة", "المتحدث باسم الوزارة", "للمتحدث باسم الوزارة")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("تواصل الدائرة حملتها لإزالة العوائق، وفقا لراكان الشرايعة من دائرة الإزالة.", "راكان الشرايعة"),
        ("تواصل الدائرة حملتها لإزالة العوائق، وفقا لمحمد علي.", "محمد علي"),
    ],
)
def test_a_person_named_after_li_is_the_source(said, text, speaker):
    assert said(text)[0][0] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "وزار الوزير مستشفى الملك فهد، وأكد أن الوزارة ستدعم المستشفى.",
        "وزار الوزير مستشفى الملك فهد، واطلع على الخدمات. وأكد أن الوزارة ستدعم المستشفى.",
    ],
)
def test_a_continuation_goes_to_the_subject_not_the_object_or_a_place_named_after_someone(said, text):
    assert [s for s, *_ in said(text)] == ["الوزير"]


def test_a_governor_by_his_region_is_a_mention_a_continuation_finds(said):
    text = "واستقبل أمير المنطقة وفدا من وزارة الإسكان. وأكد خلال اللقاء أن المشاريع ستنجز."
    assert [s for s, *_ in said(text)] == ["أمير المنطقة"]


def test_an_addressee_after_an_unnamed_subject_ends_it(said):
    text = "وقال أحد المتظاهرين لوكالة فرانس برس إن الشرطة أطلقت الغاز."
    assert [s for s, *_ in said(text)] == ["أحد المتظاهرين"]


@pytest.mark.parametrize("pronoun", ["سموه", "معاليه", "سماحته"])
def test_a_courtesy_pronoun_continues_the_person_named_before(said, pronoun):
    text = (f"أكد صاحب السمو الملكي الأمير خالد الفيصل أمير منطقة مكة المكرمة أن المنطقة تشهد نهضة. "
            f"وأوضح {pronoun} أن المشاريع ستنجز في موعدها.")
    assert [s for s, *_ in said(text)] == ["خالد الفيصل", "خالد الفيصل"]


def test_a_dual_title_is_a_group_that_dual_cues_continue(extractor, said):
    result = extractor.extract("وأكد الوزيران أن التعاون مهم. وأضافا أن العلاقات متينة.")
    speakers = [result.speaker(q.speaker_id) for q in result.quotes]
    assert [(s.name, s.type.value) for s in speakers] == [("الوزيران", "group")] * 2
    assert [s for s, *_ in said("وقال الجانبان في بيان مشترك إن المحادثات بناءة.")] == ["الجانبان"]
    assert [s for s, *_ in said("وقال البيان إن الخطة جاهزة.")] == ["البيان"]  # not a dual


def test_residents_are_a_plural_source_a_plural_cue_continues(said):
    text = ("طالب أهالي حي السبيل بتوفير المياه.\n"
            "وخلال لقائهم المحافظ محمد علبي في جولة له على الحي أكدوا أن قطع المياه جريمة.")
    assert [s for s, *_ in said(text)] == ["أهالي حي السبيل"]


def test_a_person_relaying_anothers_words_keeps_his_statement_and_theirs(said):
    text = "وقال النائب خالد العنزي إن وزير النفط أبلغه خلال الاجتماع أن الوزارة بصدد مراجعة العقود."
    assert [(s, c) for s, _, _, c in said(text)] == [("خالد العنزي", "قال"), ("وزير النفط", "أبلغه")]


def test_an_outlet_carrying_an_officials_words_gives_the_official_only(said):
    text = "وذكرت وكالة الأنباء الفرنسية أن مسؤولا أمنيا قال إن رئيس الأركان سيحضر الاجتماع."
    assert [s for s, *_ in said(text)] == ["مسؤولا أمنيا"]


def test_the_subject_after_a_dateline_and_a_courtesy_form_is_continued(said):
    text = ("جدة - واس: دشّن معالي وزير الصحة فهد الجلاجل اليوم مستشفى الملك سلمان التخصصي. "
            "وقال معاليه في كلمة بالمناسبة إن المشروع يأتي ضمن برنامج التحول.")
    assert [s for s, *_ in said(text)] == ["فهد الجلاجل"]


def test_a_known_surname_before_kana_qad_and_the_verb_is_the_person_named_before(said):
    text = ("وقال النائب العام الصديق الصور إن المحكمة أدانت المتهمين. "
            "وكان الصور قد أكد في تصريحات سابقة أن التحقيقات ستطال الجميع.")
    assert [s for s, *_ in said(text)] == ["الصديق الصور"] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وأكد رئيس مجلس النواب نبيه بري أن الانتخابات ستجري. ونقل زوار عين التينة عن بري قوله إن "
         "الخلاف يجب أن يحل داخل المجلس.", "نبيه بري"),
        ("وعلمت «النهار» من مصادر وزارية أن وزير الداخلية سيرفع تقريرا.", "مصادر وزارية"),
        ("نقلت وكالة «رويترز» عن مهندسين في حقل الشرارة أن الإنتاج عاد.", "مهندسين في حقل الشرارة"),
    ],
)
def test_the_source_after_a_transmitting_cue(said, text, speaker):
    assert said(text)[-1][0] == speaker


def test_naql_without_an_is_no_cue(said):
    text = "وقال الناطق إن الكوادر تعاملت مع الحادث ونقلت المصابين إلى المستشفى."
    assert [c for _, _, c, _ in said(text)] == ["الكوادر تعاملت مع الحادث ونقلت المصابين إلى المستشفى"]


def test_a_given_name_after_the_full_name_with_bin_is_the_same_person(extractor):
    text = ("قال صاحب السمو الملكي الأمير عبدالعزيز بن سلمان وزير الطاقة إن التحالف سيواصل نهجه.\n"
            "وأشار الأمير عبدالعزيز إلى أن المملكة ملتزمة بالتخفيضات.")
    result = extractor.extract(text)
    assert len({q.speaker_id for q in result.quotes}) == 1
    assert result.speaker(result.quotes[0].speaker_id).name == "عبدالعزيز بن سلمان"


def test_a_journalist_adjective_after_a_press_conference_is_no_mention(said):
    text = ("وحل المرشح بيرام اعبيد ثانيا. وقال رئيس اللجنة، في مؤتمر صحفي بنواكشوط، إن المشاركة بلغت "
            "55%. وأضاف أن العملية جرت بشفافية.")
    assert [s for s, *_ in said(text)] == ["رئيس اللجنة"] * 2


def test_a_transmitted_source_with_no_statement_is_who_a_participle_continues(said):
    text = "نقلت صحيفة «عكاظ» عن عدد من المعلمين ترحيبهم بالقرار، معتبرين أن القرار يخفف الضغط."
    assert [s for s, *_ in said(text)] == ["عدد من المعلمين"]


def test_a_cue_joined_right_after_a_persons_name_is_that_persons(said):
    text = ("وعبر ترامب عن اعتقاده بأن كييف قادرة على استعادة أراضيها. وأشاد بها الرئيس الأوكراني "
            "فولوديمير زيلينسكي ووصفها بأنها تحول كبير.")
    assert [s for s, *_ in said(text)] == ["ترامب", "فولوديمير زيلينسكي"]


def test_an_interview_is_no_speaker_but_whose_interview_it_was(said):
    text = ("قال جواد ظريف إن هناك أخطاء ارتكبت في سوريا.\n"
            'جاء ذلك في مقابلة حصرية لظريف مع الزميلة كريستيان آمانبور، حيث قال: "لديك مجموعة مسلحة ممولة".')
    assert {s for s, *_ in said(text)} == {"جواد ظريف"}


def test_a_statement_of_a_definite_body_after_lil_is_that_bodys_and_is_continued(said):
    text = ("وأفاد بيان للمديرية العامة للأمن الوطني، أن مصالحها أوقفت الأشخاص. "
            "وأوضحت أن المتهمين حاولوا زرع الفتنة.")
    assert [s for s, *_ in said(text)] == ["المديرية العامة للأمن الوطني"] * 2


def test_a_channel_between_the_verb_and_its_that_is_an_aside(said):
    assert said("وقال مكتب النائب العام بحسب بيان له، إن وكيل النيابة أنهى التحقيق.") == [
        ("مكتب النائب العام", "indirect", "وكيل النيابة أنهى التحقيق", "قال")]


def test_plural_ministers_and_deputies_are_unnamed_sources(said):
    assert [s for s, *_ in said("وقال وزراء في الحكومة اللبنانية إن المجلس وافق على الموازنة.")] == [
        "وزراء في الحكومة اللبنانية"]


def test_qawluhu_refers_to_the_mention_right_before_it(said):
    text = "ونسبت الوكالة إلى مصدر عسكري قوله إن القوات تقدمت نحو المدينة."
    assert [s for s, *_ in said(text)] == ["مصدر عسكري"]


def test_the_pronoun_of_ma_after_the_sourcing_verb_is_skipped(said):
    text = "الأسعار سترتفع في الربع المقبل، بحسب ما أفاد به رئيس اتحاد الغرف التجارية."
    assert said(text) == [("رئيس اتحاد الغرف التجارية", "indirect", "الأسعار سترتفع في الربع المقبل", "بحسب")]


def test_the_sources_again_are_the_sources_named_before(extractor):
    result = extractor.extract("وقالت مصادر طبية إن حصيلة القتلى ارتفعت. وأضافت المصادر أن بين القتلى أطفالا.")
    assert len({q.speaker_id for q in result.quotes}) == 1
    assert result.speaker(result.quotes[0].speaker_id).name == "مصادر طبية"


def test_an_addressee_in_quotation_marks_ends_an_unlisted_subject(said):
    assert [s for s, *_ in said('وقال والد الضحية لـ"الشروق" إن ابنه كان في طريقه إلى العمل.')] == ["والد الضحية"]


def test_wording_with_a_pronoun_goes_to_the_document_named_before(said):
    assert [s for s, *_ in said("وأصدرت الوزارة بيانا جاء فيه أن الوضع مستقر.")] == ["الوزارة"]


def test_a_long_circumstance_between_the_speaker_and_inna(said):
    text = ("قال وزير التربية، نور الدين النوري، خلال إشرافه اليوم على افتتاح السنة الدراسية 2025-2026 "
            "من المعهد الثانوي ابن رشيق بالزهراء، إن الوزارة قامت بالتنسيق مع كل الجهات.")
    assert [s for s, *_ in said(text)] == ["نور الدين النوري"]


def test_a_courtesy_pronoun_continues_the_speaker_named_with_that_courtesy(said):
    text = ("استقبل صاحب السمو الملكي الأمير سلطان بن فهد، في مكتبه اليوم، معالي وزير الخارجية "
            "السنغالي الدكتور مامادو دياللو. وأكد سموه أن المملكة حريصة على التعاون. "
            "من جانبه، أكد معاليه أن بلاده تقدر دعم المملكة.")
    assert [s for s, _, _, _ in said(text)] == ["سلطان بن فهد", "مامادو دياللو"]


def test_a_courtesy_pronoun_with_no_one_so_named_continues_the_latest_speaker(said):
    text = "وقال الوزير فيصل العلي إن العلاقات متينة. وأضاف سموه أن التعاون سيتعزز."
    assert [s for s, _, _, _ in said(text)] == ["فيصل العلي", "فيصل العلي"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a subject before a verb of telling: the words after the verb are whom it told
        ("وقال المصدر إن المدرب الجديد أبلغ الإدارة بأنه يرغب في ضم لاعبين.", "المدرب الجديد"),
        # after it, a man's title takes no feminine definite word: that is the object
        ("وأبلغ المدرب الإدارة بأنه يرغب في ضم لاعبين.", "المدرب"),
    ],
)
def test_who_told_and_whom(said, text, speaker):
    assert said(text)[-1][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وذكرت الصحيفة أن ضابطا كبيرا في الجيش قال خلال اجتماع مغلق إن الوضع صعب.", "ضابطا كبيرا في الجيش"),
        ("وذكرت الصحيفة أن وزيرا سابقا قال إن الوضع صعب.", "وزيرا سابقا"),
    ],
)
def test_a_title_in_the_accusative_after_anna_is_the_subject_of_the_cue_after_it(said, text, speaker):
    assert [s for s, _, _, _ in said(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("ووفقا لبيان الوزارة، فإن الطلب على الطاقة ارتفع.", "الوزارة"),
        ("وأظهر بيان البنك المركزي أن التضخم تراجع.", "البنك المركزي"),
        ("ووفقا لتقرير نشره البنك الدولي، فإن النمو تباطأ.", "البنك الدولي"),
    ],
)
def test_the_body_a_document_is_of_is_the_speaker(said, text, speaker):
    assert [s for s, _, _, _ in said(text)] == [speaker]


def test_a_quantified_plural_of_things_after_a_cue_is_its_object_not_a_speaker(said):
    text = "وكان دفاع المتهم نفى كافة الاتهامات أثناء مرافعته، وأكد أن لا يوجد دليل واحد للإدانة."
    assert all(s != "كافة الاتهامات" for s, _, _, _ in said(text))


def test_a_name_set_off_after_a_role_and_where_it_serves(said):
    text = "قال وزير الثقافة والفنون، في الحكومة الموريتانية، الحسين ولد مدو، إن القطاع يستعد للمعرض."
    assert [s for s, _, _, _ in said(text)] == ["الحسين ولد مدو"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("ووفقا لبيانات الوزارة، فإن الطلب على الطاقة ارتفع.", "الوزارة"),
        ("وأظهرت بيانات إدارة معلومات الطاقة أن المخزونات تراجعت.", "إدارة معلومات الطاقة"),
    ],
)
def test_the_body_whose_figures_they_are_is_the_speaker(said, text, speaker):
    assert [s for s, _, _, _ in said(text)] == [speaker]


def test_data_alone_inside_a_statement_is_no_speaker(said):
    assert len(said("وأضافت الخبيرة أن البيانات تشير إلى تباطؤ النمو.")) == 1


def test_each_of_two_people_named_together_in_passing_is_known_by_role(extractor):
    text = ("افتتح رئيس الوزراء المستشفى بحضور محافظ بغداد محمد العطا ووزير الصحة حسن التميمي.\n"
            "وقال المحافظ إن المستشفى يتسع لأربعمئة سرير.")
    result = extractor.extract(text)
    (quote,) = result.quotes
    assert result.speaker(quote.speaker_id).name == "محمد العطا"


def test_a_quoted_name_after_a_role_and_its_complement_is_the_persons(said):
    text = "وقال وزير التربية بحكومة دمشق “دارم طباع”، إن نسبة النجاح بلغت 66 بالمئة."
    assert [s for s, _, _, _ in said(text)] == ["دارم طباع"]


def test_a_participle_continues_an_unnamed_group_that_is_the_subject_of_a_verb_that_is_no_cue(said):
    text = "واستنكر العديد من المواطنين في تصريحات لموقع إخباري، الزيادة في الأسعار، مؤكدين أن الزيادات أضرت بهم."
    assert [(s, q) for s, _, _, q in said(text)] == [("العديد من المواطنين", "مؤكدين")]


def test_the_same_source_again_points_back_past_the_verbs_agreement(said):
    # «المصدر ذاته» is singular, the citizens it points back to are many
    text = ("وقال العديد من المواطنين إن الأسعار ارتفعت كثيرا هذا الشهر.\n"
            "وأوضح المصدر ذاته، أن سعر البترول العالمي انخفض.")
    assert [(s, q) for s, _, _, q in said(text)] == [("العديد من المواطنين", "قال"), ("العديد من المواطنين", "أوضح")]


def test_a_continuation_never_goes_to_a_mention_inside_an_earlier_statement(said):
    text = ("وقال المواطنون إن هذه الزيادات أضرت بشكل كبير بالمواطنين.\n"
            "وأوضح، أن سعر البترول العالمي انخفض.")
    speakers = [s for s, _, _, _ in said(text)]
    assert "كبير بالمواطنين" not in speakers


def test_a_statement_hard_wrapped_before_its_that_clause_is_read_across_the_break(said):
    text = ("وقال وزير الطاقة، خلال مشاركته في ندوة على هامش مؤتمر المناخ (كوب 28)\n"
            "في مدينة دبي أن الغاز يشكل فرصة كبيرة للبلاد.")
    assert [(s, c) for s, _, c, _ in said(text)] == [("وزير الطاقة", "الغاز يشكل فرصة كبيرة للبلاد")]



def test_a_masthead_line_of_a_role_and_a_name_is_no_statement(said):
    text = ("رئيس مجلس الإدارة: د. خالد بن ثاني آل ثاني\n"
            "رئيس التحرير: جابر سالم الحرمي\n"
            "وزير الخارجية: نرفض هذا القرار جملة وتفصيلا")
    assert [(s, c) for s, _, c, _ in said(text)] == [("وزير الخارجية", "نرفض هذا القرار جملة وتفصيلا")]


def test_a_person_named_in_passing_after_an_occasion_is_known_by_surname_later(said):
    text = ("وقالت الوزيرة في مؤتمر صحفي بحضور أمين عام الوزارة برق الضمور إن البرنامج جيد.\n"
            "من جانبه، أوضح الضمور أن التسجيل سيبدأ الأسبوع المقبل.")
    assert [s for s, _, _, _ in said(text)] == ["الوزيرة", "برق الضمور"]


def test_a_name_ends_before_bihudur_and_the_title_after_it(said):
    text = "وقالت بني مصطفى بحضور أمين عام الوزارة برق الضمور إن البرنامج جيد."
    assert said(text)[0][0] == "بني مصطفى"


def test_a_cue_after_a_relative_pronoun_has_the_phrase_it_hangs_on_for_subject(said):
    text = ("وأعلنت الحكومة أن الموسم استثنائي، على لسان وزير الفلاحة أحمد البواري، "
            "الذي توقع أن يصل الإنتاج إلى مليوني طن.")
    assert [(s, c) for s, _, c, _ in said(text)] == [
        ("الحكومة", "الموسم استثنائي"), ("أحمد البواري", "يصل الإنتاج إلى مليوني طن")]


def test_a_relative_clause_whose_cue_has_its_own_subject_keeps_it(said):
    text = "وزار الوزير مستشفى الولادة، الذي قال مديره إن الأسرة كافية."
    assert [s for s, _, _, _ in said(text)] == ["مديره"]


def test_a_participle_continues_the_subject_after_a_leading_adverbial(said):
    text = ("وقال الوزير إن الحوار مستمر.\n"
            "و بنبرة هادئة، أشار المخلافي إلى أن حكومته لم تختر الحرب، مضيفا: “أجبرنا على الحرب”.")
    assert [s for s, _, _, _ in said(text)][-2:] == ["المخلافي", "المخلافي"]


def test_an_illa_anna_clause_with_its_own_speaker_splits_the_statement_and_the_participle_goes_on_with_the_first(said):
    text = ('ونقلت الصحيفة عن المحامي قوله إنه اعترض على وصف الشاهد إلا أن رئيس المحكمة قال: "لا بأس"، '
            'مشيرا إلى أن الرد شجع الشاهد.')
    assert [(s, c) for s, _, c, _ in said(text)] == [
        ("المحامي", "اعترض على وصف الشاهد"), ("رئيس المحكمة", "لا بأس"), ("المحامي", "الرد شجع الشاهد")]


def test_illa_anna_with_no_speaker_of_its_own_stays_in_the_statement(said):
    text = "وقال الوزير إن الخطة جاهزة إلا أن التمويل لم يصل بعد."
    assert [c for _, _, c, _ in said(text)] == ["الخطة جاهزة إلا أن التمويل لم يصل بعد"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وتبلغ قيمة الإيرادات نحو 10.3 مليار دينار، بحسب مشروع الموازنة الجديدة.", "مشروع الموازنة الجديدة"),
        ("وبحسب تقديرات البنك الدولي، سيبلغ النمو 3 في المئة.", "البنك الدولي"),
    ],
)
def test_a_draft_budget_or_estimates_are_a_documents_source(said, text, speaker):
    assert said(text)[0][0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("وبحسب مشروع الموازنة الجديدة تبلغ قيمة الإيرادات نحو 10.3 مليار دينار.", "مشروع الموازنة الجديدة",
         "تبلغ قيمة الإيرادات نحو 10.3 مليار دينار"),
        ("وبحسب الوزارة تبلغ قيمة الإيرادات نحو 10.3 مليار دينار.", "الوزارة", "تبلغ قيمة الإيرادات نحو 10.3 مليار دينار"),
    ],
)
def test_a_source_opening_its_clause_with_no_comma(said, text, speaker, content):
    assert [(s, c) for s, _, c, _ in said(text)] == [(speaker, content)]


def test_hasab_with_no_source_after_it_gives_no_statement(said):
    assert said("وحسب الحاجة يتم توزيع المساعدات على الأسر.") == []


def test_a_participle_of_the_wrong_gender_goes_on_with_the_sentences_speaker(said):
    text = "وأكد اليوبي خلال ندوة صحافية، أن الأمر يتعلق بسيدة مسنة، مشيرة إلى أنها كانت تعاني من أمراض مزمنة."
    assert [s for s, *_ in said(text)] == ["اليوبي", "اليوبي"]


def test_a_participle_agreeing_with_no_one_before_the_sentence_stays_unattributed(said):
    assert said("مشيرة إلى أن الأمطار ستتواصل.") == []


def test_a_cue_right_after_anna_with_a_pronoun_inside_a_statement_is_no_statement_of_its_own(said):
    text = ("وأوضح السفير ليسان يوهانس أنه نقل الرسالة. وأشار إلى أنه أبلغ مساعد رئيس الجمهورية أن "
            "المفاوضات ستبدأ في فبراير.")
    assert [s for s, *_ in said(text)] == ["ليسان يوهانس", "ليسان يوهانس"]


def test_a_speaker_quoted_inside_a_statement_is_not_who_the_next_sentence_continues(said):
    text = ("وأوضح السفير ليسان يوهانس أنه نقل الرسالة. وقال إن رئيس الوفد أكد له استعداد الحكومة للتفاوض. "
            "وأشار إلى أن المفاوضات ستبدأ في فبراير.")
    assert said(text)[-1][0] == "ليسان يوهانس"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("ستشرع مصالح وزارة الفلاحة في تنفيذ التدابير، حسبما أفاد به اليوم الخميس بالجزائر العاصمة، "
         "وزير القطاع، محمد عبد الحفيظ هني.", "محمد عبد الحفيظ هني"),
        ("ستشرع الوزارة في تنفيذ التدابير، حسبما أفاد به اليوم وزير الفلاحة.", "وزير الفلاحة"),
    ],
)
def test_a_source_closing_the_sentence_after_an_aside_of_time_and_place(said, text, speaker):
    assert said(text) == [(speaker, "indirect", text.split("،")[0], "حسبما")]


def test_the_verb_of_a_sourcing_word_registers_no_subject_of_its_own(said):
    text = ("ستشرع مصالح وزارة الفلاحة في تنفيذ التدابير، حسبما أفاد به اليوم الخميس بالجزائر العاصمة، "
            "وزير القطاع، محمد عبد الحفيظ هني.\nوقال الوزير إنه ستكون هناك إجراءات.")
    assert [s for s, *_ in said(text)] == ["محمد عبد الحفيظ هني"] * 2


def test_a_masculine_verb_goes_on_with_a_body_that_spoke_through_its_statement(said):
    text = ("وأظهرت حسابات خاصة اطلعت عليها الوكالة أن الإيرادات انخفضت.\n"
            "وذكر بيان وزارة النفط أن الصادرات بلغت مئة مليون برميل.\nوأشار إلى أن المعدل اليومي بلغ ثلاثة ملايين برميل.")
    assert [s for s, *_ in said(text)] == ["حسابات خاصة", "وزارة النفط", "وزارة النفط"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("وكشف فؤاد حجوي، مدير المجلس الجهوي للسياحة، أن الفنادق امتلأت. وقال المسؤول الجهوي إن الموسم جيد.",
         ["فؤاد حجوي", "فؤاد حجوي"]),
        ("وقال محمد علي، مدير المستشفى، إن الوضع مستقر. وأضاف المسؤول أن الأدوية متوفرة.", ["محمد علي", "محمد علي"]),
        # the qualifier is not in the named person's role: another official
        ("وقال محمد علي، مدير المستشفى، إن الوضع مستقر. وأضاف المسؤول الأمني أن الطرق مغلقة.",
         ["محمد علي", "المسؤول الأمني"]),
    ],
)
def test_the_official_points_back_to_the_named_official_who_spoke(said, text, speakers):
    assert [s for s, *_ in said(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("أكد مفوض عام وكالة غوث وتشغيل اللاجئين الفلسطينيين (أونروا)، فيليب لازاريني، أن الوكالة لديها مواد. "
         "وأضاف المفوض العام أن المخازن مليئة.", ["فيليب لازاريني", "فيليب لازاريني"]),
        ("أكد رئيس المنظمة التونسية للدفاع عن المستهلك سليم سعد الله، اليوم، أن المنتوجات متوفرة.", ["سليم سعد الله"]),
        ("نجحت الحكومة في تشغيل 97 مشروعا، وفق تصريحات وليد جمال الدين رئيس الهيئة العامة للمنطقة الاقتصادية، "
         "موضحا أن 40% أجانب.", ["وليد جمال الدين", "وليد جمال الدين"]),
        ("نجحت الحكومة في تشغيل 97 مشروعا، وفق تصريحات وليد جمال الدين.", ["وليد جمال الدين"]),
    ],
)
def test_names_past_an_acronym_a_bodys_object_and_whose_statements(said, text, speakers):
    assert [s for s, *_ in said(text)] == speakers


def test_wafq_before_an_ordinary_noun_is_no_source(said):
    assert said("وتعمل الشركة وفق شروط السوق.") == []
