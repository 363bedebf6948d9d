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
from functools import lru_cache

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from server.engine.chunk_tokenizer import ChunkTokenizer
from server.engine.normalize import normalize

OPENING_QUOTES = "“«„"
CLOSING_QUOTES = "”»‟"
SYMMETRIC_QUOTES = '"'
QUOTE_CHARS = OPENING_QUOTES + CLOSING_QUOTES + SYMMETRIC_QUOTES
_QUOTE_CLASS = "[" + re.escape(QUOTE_CHARS) + "]"
_OVERLONG = re.compile(r"\S{200,}")
_RUN_PIECE = 100
_SPLIT_PUNCT = r"[\"“”«»„‟()\[\]:؛;،,.!?؟…]"


def make_nlp() -> Language:
    """A blank Arabic pipeline whose tokenizer splits quotation marks and clause punctuation.

    The configured spaCy tokenizer sits inside a ``ChunkTokenizer``, which gives the same
    tokens but splits each distinct chunk only once.
    """
    nlp = spacy.blank("ar")
    tokenizer = nlp.tokenizer
    prefixes = [_SPLIT_PUNCT, *nlp.Defaults.prefixes]
    suffixes = [_SPLIT_PUNCT, *nlp.Defaults.suffixes]
    infixes = [_QUOTE_CLASS, r"(?<=\w)[،؛:](?=\w)", *nlp.Defaults.infixes]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer = ChunkTokenizer(tokenizer)
    return nlp


def tokenizable(text: str) -> str:
    """The text to hand the tokenizer: the same length, long runs without a space broken up.

    spaCy rescans a space-free chunk once per affix it splits off, and its lexical attributes
    run regular expressions over the whole token, so one 100,000-character run of marks costs
    quadratic time. No word is 200 characters long: in such a run every ``_RUN_PIECE``-th
    character is read as a space. Offsets are unchanged; token texts come from the original.
    """
    if not _OVERLONG.search(text):
        return text
    chars = list(text)
    for match in _OVERLONG.finditer(text):
        for k in range(match.start() + _RUN_PIECE, match.end(), _RUN_PIECE):
            chars[k] = " "
    return "".join(chars)


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
    """True for a word carrying the definite article, bare or after a proclitic."""
    return norm.startswith(("ال", "وال", "بال", "فال", "لل", "كال")) and len(norm) > 3


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
        norm, bare, art, bare_art = [list(c) for c in zip(*map(word_forms, texts))] or [[], [], [], []]
        marks = [i for i, t in enumerate(texts) if len(t) == 1 and t in QUOTE_CHARS]
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
        return len(text) == 1 and text in QUOTE_CHARS

    def quote_marks_in(self, first: int, last: int) -> list[int]:
        """The quotation-mark tokens among tokens ``first`` to ``last`` (exclusive)."""
        return self.quote_marks[bisect.bisect_left(self.quote_marks, first):
                                bisect.bisect_left(self.quote_marks, last)]

    def first_word(self, first: int, last: int) -> int:
        """The first token from ``first`` (before ``last``) that is not whitespace; ``last`` if none."""
        while first < last and not self.text[first].strip():
            first += 1
        return first

    def next_word(self, i: int, last: int) -> int | None:
        """The first token after ``i`` (before ``last``) that is not whitespace, if any."""
        j = self.first_word(i + 1, last)
        return j if j < last else None

    def is_punct(self, i: int) -> bool:
        """True for a token made of punctuation or symbols only."""
        return not any(ch.isalnum() for ch in self.text[i])
