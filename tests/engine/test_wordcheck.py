"""The Hunspell word check: ordinary words with clitics pass, transliterated names do not."""

from __future__ import annotations

import pytest

from qawl.engine.normalize import normalize
from qawl.engine.wordcheck import Dictionary, DictionaryMissing, spelling_variants


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    # Needs Debian hunspell-ar + libenchant-2-2 and PyPI pyenchant; DictionaryMissing says so.
    return Dictionary.load()


@pytest.mark.parametrize("word", [
    "وقال", "بياناتها", "للصحافيين", "الاقتصادية", "قالت", "الحكومة", "وأضاف",
    "المتحدث", "بالإضافة", "للأمم",
])
def test_ordinary_words_with_clitics_are_words(dictionary, word):
    assert dictionary.check_as_written(word)
    assert dictionary.is_word(word)


@pytest.mark.parametrize("written, variant", [
    ("الى", "إلى"),
    ("واضاف", "وأضاف"),
    ("اشار", "أشار"),
    ("الاميركي", "الأميركي"),
    ("للامم", "للأمم"),
    ("فى", "في"),
    ("اسرائيليه", "إسرائيلية"),
])
def test_hamza_less_spellings_pass_through_a_variant(dictionary, written, variant):
    assert not dictionary.check_as_written(written)
    assert variant in spelling_variants(written)
    assert dictionary.is_word(written)


@pytest.mark.parametrize("word", ["الاقتصادية", "وأضاف", "الأميركي", "إسرائيلية", "بالإضافة"])
def test_normalised_words_are_words(dictionary, word):
    assert dictionary.is_word(normalize(word))


# Only names Hunspell really rejects: it reads بلينكن as ب + لينكن and accepts بوتين and
# ماكرون, so those are no test of rejection.
@pytest.mark.parametrize("name", [
    "غوتيريش", "زيلينسكي", "ترامب", "نتنياهو", "لافروف", "ستولتنبرغ", "عراقجي", "بزشكيان",
])
def test_transliterated_names_are_not_words(dictionary, name):
    assert not dictionary.is_word(name)
    assert not dictionary.is_word(normalize(name))


def test_the_article_alef_is_not_read_as_interrogative_hamza(dictionary):
    # ألجابري would pass as أ + لجابري; الجابري is a family name, not a dictionary word.
    assert not dictionary.is_word("الجابري")
    assert dictionary.is_word("المانيا")  # ألمانيا


def test_the_answer_is_cached(dictionary):
    dictionary.clear_cache()
    for _ in range(3):
        assert dictionary.is_word("وقال")
    info = dictionary.cache_info()
    assert info.misses == 1 and info.hits == 2


def test_uncached_dictionary_gives_the_same_answers():
    plain = Dictionary.load(cache_size=0)
    assert plain.cache_info() is None
    assert plain.is_word("الى") and not plain.is_word("غوتيريش")


@pytest.mark.parametrize("token", ["", "   ", "قال إنه"])
def test_empty_or_several_words_are_not_a_word(dictionary, token):
    assert not dictionary.is_word(token)


def test_variants_do_not_repeat_or_include_the_token():
    for token in ("الى", "اسرائيليه", "واضاف", "قال"):
        variants = spelling_variants(token)
        assert token not in variants
        assert len(variants) == len(set(variants))
    assert spelling_variants("قال") == []


def test_a_missing_dictionary_says_what_to_install():
    with pytest.raises(DictionaryMissing) as caught:
        Dictionary.load("xx_NOPE")
    message = str(caught.value)
    assert "xx_NOPE" in message
    assert "apt-get install hunspell-ar libenchant-2-2" in message
    assert "pip install pyenchant" in message


@pytest.mark.parametrize("token", ["قال\x00", "\x00", "12", "قال.", "a\x01b"])
def test_tokens_with_anything_but_letters_are_no_words_and_raise_nothing(dictionary, token):
    assert dictionary.is_word(token) is False
