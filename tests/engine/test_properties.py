"""Properties of the engine for any input: it returns, and every span it reports is honest.

For arbitrary Unicode and for text built from the pieces the grammar reacts to (cues,
complementisers, quotation marks, colons, names, newlines, invisible controls), ``extract``
returns without error, every quote, cue and mention lies inside the text and equals its
slice, every speaker a quote names exists, and the same text always gives the same answer.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qawl.engine import Extractor

EXTRACTOR = Extractor()

ARABIC_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةئؤ"
MARKS = "\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
PIECES = [
    "قال", "قالت", "وقال", "فقال", "يقول", "أكد", "وأضاف", "كما أكد", "مؤكدا", "مضيفا", "حسب",
    "بحسب", "وفقا لـ", "نقلت وكالة", "عن", "قوله", "أن", "إن", "بأن", "أنه", "إنها", "على", "إلى",
    "الوزير", "وزير الخارجية", "المتحدث باسم", "محمد علي", "الرئيس", "بيان", "البيان", "طهران",
    "مسؤول أمني", "في حين", "إقرأ أيضاً", "كلمات دلالية", "المصدر", "[ad_1]",
    '"', "'", "“", "”", "«", "»", ":", "،", ".", "؛", "؟", "!", "-", "(", ")",
    "\n", "\n\n", "\r\n", " ", "  ", "\t", "\u00a0", "\u2028",
]  # fmt: skip

CUES = ["قال", "قالت", "وقال", "فقال", "وأكد", "وأضاف", "كما أكد", "مؤكدا", "وأوضح", "حذر"]
SPEAKERS = ["", "الوزير", "وزير الخارجية محمد علي", "المتحدث باسم الحكومة", "بيان", "طهران"]
OPENERS = [" إن ", " أن ", " بأن ", ": ", ' "', " «", " “", "، ", " على "]
CLOSERS = ['"', "»", "”", "", "."]

piece = st.one_of(
    st.sampled_from(PIECES),
    st.text(alphabet=ARABIC_LETTERS + MARKS, min_size=1, max_size=8),
    st.sampled_from(INVISIBLE),
    st.text(max_size=3),
)
words = st.lists(st.text(alphabet=ARABIC_LETTERS + MARKS, min_size=1, max_size=7), max_size=8).map(
    " ".join
)
statement = st.builds(
    lambda cue, speaker, opener, content, closer, end: f"{cue} {speaker}{opener}{content}{closer}{end}",
    st.sampled_from(CUES),
    st.sampled_from(SPEAKERS),
    st.sampled_from(OPENERS),
    words,
    st.sampled_from(CLOSERS),
    st.sampled_from([". ", "\n", "، ", ""]),
)
separator = st.sampled_from(["", " ", " ", "\n"])
newsy_text = st.lists(st.tuples(st.one_of(statement, piece), separator), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)
repeated_marks = st.builds(
    lambda mark, n, filler: (mark + filler) * n,
    st.sampled_from(['"', "«", "»", "“", "”", ":", "،", "'"]),
    st.integers(1, 300),
    st.sampled_from(["", " ", "قال ", "أن "]),
)

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def check(text: str) -> None:
    result = EXTRACTOR.extract(text)

    def honest(start: int, end: int, shown: str) -> None:
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        assert text[start:end] == shown

    speaker_ids = {speaker.id for speaker in result.speakers}
    assert len(speaker_ids) == len(result.speakers)
    for speaker in result.speakers:
        for mention in speaker.mentions:
            honest(mention.start, mention.end, mention.text)
    for quote in result.quotes:
        honest(quote.start, quote.end, quote.text)
        honest(quote.cue.start, quote.cue.end, quote.cue.text)
        if quote.speaker_mention is not None:
            mention = quote.speaker_mention
            honest(mention.start, mention.end, mention.text)
        assert quote.speaker_id in speaker_ids
        assert result.speaker(quote.speaker_id).id == quote.speaker_id


@SETTINGS
@given(st.text())
def test_any_unicode_text(text):
    check(text)


@SETTINGS
@given(newsy_text)
@example("المتحدث باسمالمتحدث باسمقال")  # a ب-word ending the article right after a role
def test_text_made_of_the_pieces_the_grammar_reacts_to(text):
    check(text)


@SETTINGS
@given(repeated_marks)
def test_long_runs_of_marks(text):
    check(text)


def test_seed_like_sentence_keeps_its_properties():
    text = "وقال وزير الخارجية محمد علي إن «الوضع مستقر»، مضيفا: “لن نتراجع”.\n"
    check(text)
    assert EXTRACTOR.extract(text).quotes


@SETTINGS
@given(newsy_text)
def test_same_text_gives_the_same_answer(text):
    assert EXTRACTOR.extract(text) == EXTRACTOR.extract(text)
