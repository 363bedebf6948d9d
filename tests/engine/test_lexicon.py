"""Rule files: agreement read off cue forms, and a user's own rules folder."""

from __future__ import annotations

import shutil

import pytest

from qawl.engine import Extractor
from qawl.engine.lexicon import DEFAULT_RULES_DIR, cue_agreement, load_lexicon


@pytest.mark.parametrize(
    "form, lemma, cls, expected",
    [
        ("قال", "قال", "speech", ("m", "sg")),
        ("قالت", "قال", "speech", ("f", "sg")),
        ("قالا", "قال", "speech", ("m", "du")),
        ("قالتا", "قال", "speech", ("f", "du")),
        ("قالوا", "قال", "speech", ("m", "pl")),
        ("يقول", "قال", "speech", ("m", "sg")),
        ("تقول", "قال", "speech", ("f", "sg")),
        ("يقولون", "قال", "speech", ("m", "pl")),
        ("مؤكدا", "مؤكدا", "participle", ("m", "sg")),
        ("مؤكده", "مؤكدا", "participle", ("f", "sg")),
        ("قول", "قول", "noun", ("", "")),
    ],
)
def test_agreement_is_read_off_the_form(form, lemma, cls, expected):
    assert cue_agreement(form, lemma, cls) == expected


def test_packaged_rules_load():
    lex = load_lexicon()
    assert lex.cues["قالت"].lemma == "قال"
    assert "وزير" in lex.titles
    assert "اسلام اباد" in lex.place_phrases["اسلام"]


def test_a_user_can_add_a_cue_in_their_own_rules_folder(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, folder)
    text = "وأذاع الرئيس بأن الانتخابات ستجرى في موعدها."
    assert Extractor(folder).extract(text).quotes == []
    with open(folder / "cues.txt", "a", encoding="utf-8") as handle:
        handle.write("\n[speech]\nأذاع أذاعت يذيع تذيع\n")
    (quote,) = Extractor(folder).extract(text).quotes
    assert quote.text == "الانتخابات ستجرى في موعدها"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("تصريح", True), ("كلمته", True), ("لقائه", True), ("لقاءها", True), ("مشاركة", False),
     ("استقباله", True), ("وزير", False)],
)
def test_an_occasion_noun_is_known_with_a_pronoun_and_a_hamza_seat(word, expected):
    assert load_lexicon().is_occasion(word) is expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وحسب المندوبية السامية للتخطيط، فإن معدل البطالة استقر.", "المندوبية السامية للتخطيط"),
        ("وأعلنت خلية الإعلام الأمني أن القوات اعتقلت خمسة متهمين.", "خلية الإعلام الأمني"),
        ("وأعلن الهلال الأحمر الفلسطيني أن طواقمه نقلت المصابين.", "الهلال الأحمر الفلسطيني"),
    ],
)
def test_bodies_headed_by_listed_words_are_organisations(extractor, text, speaker):
    result = extractor.extract(text)
    (quote,) = result.quotes
    assert (result.speaker(quote.speaker_id).name, result.speaker(quote.speaker_id).type.value) == (speaker, "organization")
