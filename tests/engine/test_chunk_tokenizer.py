"""ChunkTokenizer gives the tokens and spacing of the spaCy tokenizer it wraps.

Compared token for token (text and trailing space) with the wrapped tokenizer on the seed
articles, on hand-picked spacing and special cases, and on generated text mixing Arabic
words, punctuation, digits, Latin, emoticon-like runs and every kind of whitespace. Each
comparison is made on a tokenizer that has remembered nothing and again on one that has.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qawl.engine import chunk_tokenizer
from qawl.engine.chunk_tokenizer import ChunkTokenizer
from qawl.engine.tokens import make_nlp

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
TOKENIZER: ChunkTokenizer = make_nlp().tokenizer


def tokens(doc) -> list[tuple[str, str]]:
    return [(token.text, token.whitespace_) for token in doc]


def assert_same(text: str) -> None:
    expected = tokens(TOKENIZER.inner(text))
    TOKENIZER.flush_cache()
    assert tokens(TOKENIZER(text)) == expected, "cold"
    assert tokens(TOKENIZER(text)) == expected, "remembered"
    assert TOKENIZER(text).text == text


def test_make_nlp_uses_the_chunk_tokenizer():
    assert isinstance(TOKENIZER, ChunkTokenizer)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_articles(path):
    assert_same(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "  ",
        " قال",
        "' ''X ",  # a punctuation special case that spaCy matches over the whole text
        "قال: :) نعم",
        "قال ",
        "قال  إن",
        "قال   إن",
        "قال \n إن",
        "قال\n\nإن",
        "قال\t إن \u00a0 هذا",
        "\n\nقال: «نعم».\n",
        "وقال الوزير:\u200f “لن نتراجع”",
        "في 18/01/2024، قال 3.5% من (الناس) [ad_1]",
        "Trump said: \"no\" — U.S. officials",
        "ب. م",
        "قال ب. م إن",
        ":-) :( (: ^_^",
        "إلخ. ق.م ص.ب",
        # a word with marks on it, split without asking spaCy unless a special case is in it
        'قال «نعم»، (لا): الجارين". و"داعش". ذلك.. (د.) «أ.» .م "ب." الشـ». (قال):',
    ],
)
def test_spacing_and_special_cases(text):
    assert_same(text)


ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةئؤ"
MARKS = "\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
PUNCT = "\"'“”«»„‟()[]:؛;،,.!?؟…-—/%+=<>*_^@#&~`|\\"
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028", " \n", "\n "]

word = st.one_of(
    st.text(alphabet=ARABIC + MARKS, min_size=1, max_size=7),
    st.text(alphabet=ARABIC + PUNCT + "0123456789٠١٢٣", min_size=1, max_size=6),
    st.text(alphabet="abcXYZ.-'", min_size=1, max_size=5),
    st.sampled_from(["ب.", "م", "ق.م", "إلخ", ":-)", "(:", "http://x.com/a", "a@b.co", "\u200f"]),
    st.builds(lambda pre, core, suf: pre + core + suf,  # a word with marks on it
              st.text(alphabet=PUNCT, max_size=1), st.text(alphabet=ARABIC + MARKS, min_size=1, max_size=5)
              | st.sampled_from(["د", "أ", "ب", "الشـ", "م"]), st.text(alphabet=PUNCT, max_size=2)),
)
text = st.lists(st.tuples(word, st.sampled_from(SPACES)), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_generated_text(text):
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_text(text):
    assert_same(text)


def test_remembers_each_chunk_and_forgets_on_flush():
    TOKENIZER.flush_cache()
    TOKENIZER("قال الوزير: نعم")
    assert {"قال", "الوزير:", "نعم"} <= TOKENIZER._chunks.keys()
    TOKENIZER.flush_cache()
    assert not TOKENIZER._chunks


def test_a_full_memory_starts_again_without_losing_the_text_at_hand(monkeypatch):
    TOKENIZER.flush_cache()
    TOKENIZER("قال الوزير: نعم")
    monkeypatch.setattr(chunk_tokenizer, "MAX_CACHED_CHUNKS", 4)
    text = "قال الوزير: نعم، وأضاف «لا»."
    assert tokens(TOKENIZER(text)) == tokens(TOKENIZER.inner(text))
    assert len(TOKENIZER._chunks) == len(set(text.split()))


def test_a_run_longer_than_any_word_is_tokenized_in_pieces():
    run = ":.،" * 200
    doc = TOKENIZER("قال " + run + " إن")
    assert doc.text == "قال " + run + " إن"
    assert max(len(token.text) for token in doc) <= chunk_tokenizer.PIECE
    pieces = [run[k:k + chunk_tokenizer.PIECE] for k in range(0, len(run), chunk_tokenizer.PIECE)]
    inner = [token.text for piece in pieces for token in TOKENIZER.inner(piece)]
    assert [token.text for token in doc][1:-1] == inner


def test_a_full_stop_with_no_space_after_it_splits_arabic_words_but_not_addresses():
    doc = TOKENIZER("من الفيروس.وطالب الوزير www.example.com https://qawl.org/a")
    assert [t.text for t in doc] == ["من", "الفيروس", ".", "وطالب", "الوزير", "www.example.com",
                                     "https://qawl.org/a"]


def test_marks_are_split_off_a_word_only_as_spacy_splits_them():
    assert TOKENIZER._affix_split("«نعم»،") == ("«", "نعم", "»", "،")
    assert TOKENIZER._affix_split('الجارين".') == ("الجارين", '"', ".")
    assert TOKENIZER._affix_split("ذلك..") is None  # spaCy keeps an ellipsis whole
    assert TOKENIZER._affix_split("(د.)") is None  # د. is a special case
    assert TOKENIZER._affix_split("نعم):") is None  # so is ):
