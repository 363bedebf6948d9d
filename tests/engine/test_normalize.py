"""Arabic normalisation: every folded letter, every removed mark, and what is left alone."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qawl.engine.normalize import normalize


@pytest.mark.parametrize("alef", ["أ", "إ", "آ", "ٱ"])
def test_alef_forms_become_bare_alef(alef):
    assert normalize(f"{alef}حمد") == "احمد"


def test_ta_marbuta_becomes_ha():
    assert normalize("وزارة الخارجية") == "وزاره الخارجيه"


def test_alef_maqsura_becomes_ya():
    assert normalize("مصطفى على") == "مصطفي علي"


def test_persian_ya_and_kaf_become_arabic():
    assert normalize("کرمی") == "كرمي"


def test_tatweel_is_removed():
    assert normalize("قـــال") == "قال"


@pytest.mark.parametrize(
    "mark",
    [
        "\u064b",  # fathatan
        "\u064c",  # dammatan
        "\u064d",  # kasratan
        "\u064e",  # fatha
        "\u064f",  # damma
        "\u0650",  # kasra
        "\u0651",  # shadda
        "\u0652",  # sukun
        "\u0653",  # maddah above
        "\u0654",  # hamza above
        "\u0655",  # hamza below
        "\u0670",  # superscript alef
    ],
)
def test_each_diacritic_is_removed(mark):
    assert normalize(f"ك{mark}تب") == "كتب"


def test_fully_vowelled_word_matches_its_bare_spelling():
    assert normalize("أَكَّدَ") == normalize("اكد") == "اكد"


def test_decomposed_hamza_alef_matches_the_composed_one():
    decomposed = unicodedata.normalize("NFD", "أكد")
    assert decomposed != "أكد"
    assert normalize(decomposed) == normalize("أكد")


def test_other_text_is_left_alone():
    text = "Latin 123 ١٢٣ «quote» ، ؛ ؟ \n\t"
    assert normalize(text) == text


def test_whitespace_is_kept_as_is():
    assert normalize("قال  \n وزير") == "قال  \n وزير"


@given(st.text())
def test_never_lengthens_and_is_idempotent(text):
    once = normalize(text)
    assert len(once) <= len(text)
    assert normalize(once) == once
