"""Tokenisation: spaCy's blank Arabic tokenizer, taught to split quotation marks off words.

spaCy's Arabic rules leave a closing quote glued to the word before it (رقعته".) and an opening
quote glued to a proclitic (و“لا); the grammar needs every quotation mark as its own token.
``Words`` then gives the grammar cheap per-token views: offsets, normalised form, and the form
with the conjunction proclitic (و / ف) removed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from qawl.engine.chunk_tokenizer import ChunkTokenizer
from qawl.engine.normalize import normalize

OPENING_QUOTES = "“«„"
CLOSING_QUOTES = "”»‟"
SYMMETRIC_QUOTES = '"'
QUOTE_CHARS = OPENING_QUOTES + CLOSING_QUOTES + SYMMETRIC_QUOTES
DOUBLED_APOSTROPHE = "''"
"""Two apostrophes typed for a straight quotation mark (''…'', common in the Maghreb press)."""
QUOTE_TOKENS = frozenset(QUOTE_CHARS) | {DOUBLED_APOSTROPHE}
"""The tokens that are one quotation mark."""
_QUOTE_CLASS = "[" + re.escape(QUOTE_CHARS) + "]"
_ARABIC_RUN = "[\u0621-\u064a]+"
_SPLIT_PUNCT = r"[\"“”«»„‟()\[\]:؛;،,.!?؟…\-–—]"


TOKENIZER_NAME = "qawl.tokenizer.v1"
"""The registered name of qawl's tokenizer, as a pipeline config names it."""

PIPELINE_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}}
"""The pipeline config of qawl's extraction: a blank Arabic pipeline with qawl's tokenizer."""


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer() -> Callable[[Language], ChunkTokenizer]:
    """spaCy's tokenizer factory: ``[nlp.tokenizer] @tokenizers = "qawl.tokenizer.v1"``."""
    return build_tokenizer


def build_tokenizer(nlp: Language) -> ChunkTokenizer:
    """The blank Arabic tokenizer taught to split quotation marks and clause punctuation.

    It sits inside a ``ChunkTokenizer``, which gives the same tokens but splits each distinct
    chunk only once.
    """
    url_match = nlp.Defaults.url_match
    if url_match is not None:
        # spaCy reads «الفيروس.وطالب» (no space after a full stop) as a Unicode domain name
        flags, pattern = re.match(r"(\(\?[aiLmsux]+\))?(.*)", url_match.__self__.pattern, re.S).groups()
        url_match = re.compile(rf"{flags or ''}(?!{_ARABIC_RUN}(?:[.!?؟]{_ARABIC_RUN})+$)(?:{pattern})").match
    tokenizer = Tokenizer(nlp.vocab, rules=nlp.Defaults.tokenizer_exceptions,
                          token_match=nlp.Defaults.token_match, url_match=url_match)
    prefixes = [_SPLIT_PUNCT, *nlp.Defaults.prefixes]
    suffixes = [_SPLIT_PUNCT, *nlp.Defaults.suffixes]
    infixes = [_QUOTE_CLASS, r"(?<=\w)[،؛:](?=\w)", rf"(?<=\w)[،؛:](?={_QUOTE_CLASS})",
               rf"(?<={_QUOTE_CLASS})[،؛:](?=\w)",  # «…"،مشيرا»: a comma glued after a closing mark
               r"(?<=[\u0621-\u064a])[.!?؟](?=[\u0621-\u064a])",  # «الفيروس.وطالب»: no space after the stop
               *nlp.Defaults.infixes]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return ChunkTokenizer(tokenizer)


def make_nlp() -> Language:
    """A blank Arabic pipeline with qawl's registered tokenizer (``PIPELINE_CONFIG``)."""
    return spacy.blank("ar", config=PIPELINE_CONFIG)


def splits_quotes(tokenizer: Callable[[str], Doc]) -> bool:
    """True when ``tokenizer`` gives every quotation mark a token of its own, as the grammar needs."""
    probe = 'قال و“لا رقعته". «نعم»:«لا»'
    marks = [token.text for token in tokenizer(probe) if any(ch in QUOTE_CHARS for ch in token.text)]
    return len(marks) == sum(ch in QUOTE_CHARS for ch in probe) and all(len(m) == 1 for m in marks)


CONJUNCTIONS = ("و", "ف")


def strip_conjunction(norm: str) -> str:
    """Drop one leading و / ف from a normalised word when something word-like remains."""
    if len(norm) > 2 and norm[0] in CONJUNCTIONS:
        return norm[1:]
    return norm


def strip_article(norm: str) -> str:
    """Drop a leading definite article (ال، وال، بال، لل) from a normalised word."""
    if not norm or norm[0] not in "اوبفكل":
        return norm
    for prefix in ("وال", "بال", "فال", "كال", "ال"):
        if norm.startswith(prefix) and len(norm) > len(prefix) + 1:
            return norm[len(prefix):]
    if norm.startswith("لل") and len(norm) > 3:
        return norm[2:]
    return norm


def is_definite(norm: str) -> bool:
    """True for a word carrying the definite article, bare or after a proclitic. A proclitic
    and the article leave at least two letters of noun: والد، والي، بالغ، فالح are words."""
    if norm.startswith(("وال", "بال", "فال", "كال")):
        return len(norm) > 4
    return norm.startswith(("ال", "لل")) and len(norm) > 3


_ESCAPED_BREAKS = re.compile(r"^(?:\\[nrt])+(?![A-Za-z])")
"""Line breaks and tabs written as their escapes (a literal backslash and n), as text scraped
from JSON without decoding has them; a word glued after them is read without them."""


@lru_cache(maxsize=1 << 16)
def word_forms(text: str) -> tuple[str, str, str, str]:
    """A word's lookup forms: normalised; without و/ف; without article; without both."""
    norm = normalize(text)
    bare = strip_conjunction(norm)
    art = strip_article(norm)
    return norm, bare, art, art if bare == norm else strip_article(bare)


@dataclass
class Words:
    """Flat per-token arrays for one Doc, so the grammar never re-derives a token's forms."""

    doc: Doc
    source: str
    text: list[str]
    start: list[int]
    end: list[int]
    norm: list[str]
    bare: list[str]
    art: list[str]
    bare_art: list[str]
    quote_marks: list[int]
    """Indices of the tokens that are a single quotation mark, in order."""

    @classmethod
    def from_doc(cls, doc: Doc, source: str | None = None) -> "Words":
        """Build the arrays from the Doc's offsets (no per-token Python objects are made).

        ``source`` is the text the Doc was made from, if the caller has it (``doc.text``
        rebuilds the string from its tokens).
        """
        source = doc.text if source is None else source
        offsets = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        starts = [start for start, _ in offsets]
        ends = [start + length for start, length in offsets]
        texts = [source[s:e] for s, e in zip(starts, ends)]
        for k, text in enumerate(texts if "\\" in source else ()):
            if text.startswith("\\"):
                word = _ESCAPED_BREAKS.sub("", text)
                if word and word != text:  # \n\nوأضاف: a line break scraped as its escape
                    starts[k] += len(text) - len(word)
                    texts[k] = word
        norm, bare, art, bare_art = [list(c) for c in zip(*map(word_forms, texts))] or [[], [], [], []]
        marks = [i for i, t in enumerate(texts) if t in QUOTE_TOKENS]
        return cls(doc, source, texts, starts, ends, norm, bare, art, bare_art, marks)

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, i: int, j: int) -> str:
        """The original text from token i to token j (exclusive)."""
        if j <= i:
            return ""
        return self.source[self.start[i]:self.end[j - 1]]

    def is_quote(self, i: int) -> bool:
        """True for a token that is a single quotation mark."""
        text = self.text[i]
        return text in QUOTE_TOKENS

    def quote_marks_in(self, first: int, last: int) -> list[int]:
        """The quotation-mark tokens among tokens ``first`` to ``last`` (exclusive)."""
        return self.quote_marks[bisect.bisect_left(self.quote_marks, first):
                                bisect.bisect_left(self.quote_marks, last)]

    def first_word(self, first: int, last: int) -> int:
        """The first token from ``first`` (before ``last``) that is not whitespace; ``last`` if none."""
        while first < last and not self.text[first].strip():
            first += 1
        return first

    def prev_word(self, i: int) -> int:
        """The last token before ``i`` that is not whitespace (0 if none)."""
        k = i - 1
        while k > 0 and not self.text[k].strip():
            k -= 1
        return max(k, 0)

    def next_word(self, i: int, last: int) -> int | None:
        """The first token after ``i`` (before ``last``) that is not whitespace, if any."""
        j = self.first_word(i + 1, last)
        return j if j < last else None

    def is_punct(self, i: int) -> bool:
        """True for a token made of punctuation or symbols only."""
        return _is_punct_text(self.text[i])


@lru_cache(maxsize=1 << 12)
def _is_punct_text(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)
