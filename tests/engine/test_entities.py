"""Clustering speaker mentions: surnames, spelling variants, contained names."""

from __future__ import annotations

import pytest

from qawl.engine.entities import name_key, same_body, same_person, skeleton


@pytest.mark.parametrize(
    "a, b",
    [
        ("خواجة", "خواجه"),
        ("ناصر", "نصير"),
        ("جوتيريش", "غوتيريش"),
        ("أحمد", "احمد"),
        ("مصطفى", "مصطفي"),
    ],
)
def test_spelling_variants_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


def test_different_names_keep_different_skeletons():
    assert skeleton("سالم") != skeleton("سليمان")


def test_surname_and_full_name_are_one_person():
    assert same_person(name_key("بيسكوف"), name_key("ديمتري بيسكوف"))
    assert same_person(name_key("خواجة آصف"), name_key("خواجه محمد آصف"))


def test_same_first_name_is_not_the_same_person():
    assert not same_person(name_key("محمد علي"), name_key("محمد حسن"))


def test_contained_body_names_are_one_body():
    assert same_body(("خارجي", "باكستاني"), ("وزار", "خارجي", "باكستاني"))
    assert not same_body(("خارجي", "ايراني"), ("وزار", "خارجي", "باكستاني"))


def test_article_clusters_variants_into_one_speaker(extractor):
    text = (
        "وقال وزير الدفاع عزيز ناصر زاده إن الجيش مستعد.\n"
        "وأكد عزيز نصير زاده أن التدريبات ستستمر.\n"
        "وقالت الخارجية الكويتية إنها تتابع الوضع.\n"
        "وأوضحت وزارة الخارجية الكويتية أن السفير عاد."
    )
    result = extractor.extract(text)
    assert len(result.speakers) == 2
    person = result.speaker(result.quotes[0].speaker_id)
    assert {m.text for m in person.mentions} >= {"عزيز ناصر زاده", "عزيز نصير زاده"}
    assert result.quotes[0].speaker_id == result.quotes[1].speaker_id
    assert result.quotes[2].speaker_id == result.quotes[3].speaker_id


def test_a_body_whose_head_begins_with_waw_is_one_body_with_its_definite_mention(extractor):
    text = ("وأعلنت وزارة الخارجية الإثيوبية أن السد لن يضر بدول المصب.\n"
            "وأضافت الوزارة أن المفاوضات يجب أن تستمر.")
    result = extractor.extract(text)
    assert len(result.speakers) == 1
    assert [result.speaker(q.speaker_id).name for q in result.quotes] == ["وزارة الخارجية الإثيوبية"] * 2


def test_a_family_name_the_lists_cannot_gender_joins_the_woman_named_before(extractor):
    text = ("أعلنت وزيرة التنمية الاجتماعية وفاء بني مصطفى، الثلاثاء، إطلاق برنامج جديد.\n"
            "وقالت بني مصطفى في مؤتمر صحفي إن البرنامج يستهدف عشرة آلاف أسرة.")
    result = extractor.extract(text)
    (quote,) = result.quotes
    assert result.speaker(quote.speaker_id).name == "وفاء بني مصطفى"
