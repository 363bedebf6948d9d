"""Speaker phrases: how far a role runs, where the name starts, and groups of people."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a genitive chain after an indefinite title, closed by a definite word
        ("وأكد رئيس مجلس قرية تل الورد المحلي سمير حداد أن الطريق سيفتح.",
         "سمير حداد", "رئيس مجلس قرية تل الورد المحلي"),
        # ... or by a listed place
        ("وقال وزير خارجية الأردن أيمن الصفدي إن المحادثات بناءة.", "أيمن الصفدي", "وزير خارجية الأردن"),
        # ... or by a quoted name
        ('وقال مراسل "النهار" إن الاشتباكات توقفت.', 'مراسل "النهار"', 'مراسل "النهار"'),
        # ل + a noun chain, then definite qualifiers
        ("وقال الرئيس التنفيذي لشركة الفجر للطيران نادر سليم إن الرحلات ستعود.",
         "نادر سليم", "الرئيس التنفيذي لشركة الفجر للطيران"),
        # عن + the body a member speaks for
        ("وقال النائب عن كتلة الإصلاح الوطني حامد الجبوري إن الجلسة تأجلت.",
         "حامد الجبوري", "النائب عن كتلة الإصلاح الوطني"),
        # a coordinated definite noun stays in the role
        ("وقال وزير الزراعة والري المهندس عادل فهمي إن المحصول وفير.", "عادل فهمي",
         "وزير الزراعة والري المهندس"),
    ],
)
def test_role_runs_to_where_the_name_starts(extractor, text, name, role):
    result = extractor.extract(text)
    (quote,) = result.quotes
    speaker = result.speaker(quote.speaker_id)
    assert (speaker.name, speaker.role) == (name, role)


def test_a_long_role_then_the_name_in_apposition(said):
    text = "وقال نائب المنسق الخاص للأمم المتحدة لعملية التسوية في المنطقة، كريم بدران، إن الهدنة صامدة."
    assert said(text)[0][0] == "كريم بدران"


def test_two_people_with_one_family_name_speak_together(extractor):
    result = extractor.extract("وقال ماجد الحلبي وسامي الحلبي إن الكهرباء عادت.")
    (quote,) = result.quotes
    speaker = result.speaker(quote.speaker_id)
    assert speaker.name == "ماجد الحلبي وسامي الحلبي" and speaker.type.value == "group"


def test_a_name_after_a_preposition_like_letter_is_still_a_name(said):
    assert said("وقال الوزير لطفي حماد إن الموازنة جاهزة.")[0][0] == "لطفي حماد"


def test_a_nisba_before_a_name_describes_it(extractor):
    result = extractor.extract("وقال الإسباني خوان مارتينيز إن الفريق يستحق الفوز.")
    speaker = result.speaker(result.quotes[0].speaker_id)
    assert (speaker.name, speaker.role) == ("خوان مارتينيز", "الإسباني")


def test_a_noun_in_construct_after_a_role_is_not_a_name(said):
    text = "وقال المدرب جمال سعيد إن اللاعبين تعبوا. وتناول المدرب إصابة الحارس، مشيرا إلى أنها بسيطة."
    assert [s for s, *_ in said(text)] == ["جمال سعيد", "جمال سعيد"]


def test_two_roles_of_one_person_before_a_name_in_apposition(said):
    text = ("وقال نائب المبعوث الخاص لشؤون اللاجئين ومنسق الإغاثة في المنطقة الشمالية، هادي صالح،"
            " إن المخيمات مكتظة.")
    assert said(text)[0][0] == "هادي صالح"


def test_two_titled_people_joined_by_wa_speak_as_a_group(extractor):
    result = extractor.extract("وقال وزير المالية ووزير الاقتصاد إن الموازنة متوازنة.")
    speaker = result.speaker(result.quotes[0].speaker_id)
    assert (speaker.name, speaker.type.value) == ("وزير المالية ووزير الاقتصاد", "group")


def test_a_family_name_then_a_title_without_a_comma(said):
    assert said("وصرح المستشار نبيل العمري النائب العام المساعد، أن التحقيق مستمر.")[0][0] == "نبيل العمري"


def test_a_two_word_nationality_before_a_name(extractor):
    result = extractor.extract("من جهته، أكد الجنوب إفريقي توماس نكوسي، مدرب الضيوف، أن فريقه استحق الفوز.")
    speaker = result.speaker(result.quotes[0].speaker_id)
    assert speaker.name == "توماس نكوسي"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال سليم العطار ومراد النجار إن المياه انقطعت.", "سليم العطار ومراد النجار"),
        ("وقال الفرنسي جان مارتان والإيطالي ماركو روسي إن البطولة صعبة.", "جان مارتان وماركو روسي"),
    ],
)
def test_the_second_member_of_a_group_is_read_with_the_whole_grammar(said, text, name):
    assert said(text)[0][0] == name
