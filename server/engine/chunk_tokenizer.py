"""A spaCy tokenizer that splits each space-delimited chunk once and remembers the split.

spaCy's tokenizer works chunk by chunk: it cuts the text at whitespace, then peels prefixes,
suffixes and infixes off each chunk with regular expressions. Most chunks in Arabic news are
plain words, letters and marks only, which no affix rule can split; the rest (a word with a
comma or quotation mark attached, a number, a date) repeat from article to article. So
``ChunkTokenizer`` answers plain words itself, asks the wrapped spaCy tokenizer about every
other chunk once, keeps the answer, and builds the Doc from words and spaces, spaCy's
documented way to plug in a tokenizer. Its output is token for token what the wrapped
tokenizer gives (tests/engine/test_chunk_tokenizer.py checks that on the seeds, on awkward
spacing and special cases, and on generated text), at a fraction of the cost: see
``make bench``.

Two things in spaCy do not work chunk by chunk: whitespace handling between chunks, which
this module reproduces, and special cases that contain a space (``ب. م``), for which a text
holding one goes to the wrapped tokenizer whole.
"""

from __future__ import annotations

import re

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

_RUNS = re.compile(r"\S+|\s+")
_PLAIN = re.compile(r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3]+")
"""Arabic letters, tatweel and marks only: no affix rule of the Arabic tokenizer splits these."""

MAX_CACHED_CHUNKS = 200_000
"""Chunks remembered before the memory is emptied and starts again (a few tens of MB at most)."""


class ChunkTokenizer:
    """Tokenizes like ``inner`` (a configured spaCy ``Tokenizer``), remembering each chunk's split."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner
        self.vocab = inner.vocab
        self._spanning = tuple(key for key in inner.rules if " " in key.strip())
        self._plain_rules = {key for key in inner.rules if _PLAIN.fullmatch(key)}
        self._chunks: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> Doc:
        """The Doc of ``text``, with the tokens and spacing ``inner`` would give it."""
        if any(key in text for key in self._spanning):
            return self.inner(text)
        self._learn(set(text.split()))
        words: list[str] = []
        spaces: list[bool] = []
        chunks = self._chunks
        gap = ""  # whitespace read since the last word, not yet a token
        after_word = False  # the character before this point is not whitespace
        for n, piece in enumerate(text.split(" ")):
            if n:
                # the space that text.split(" ") removed: spaCy puts the first space after a
                # word onto that word, and keeps any other as (part of) a whitespace token
                if after_word:
                    spaces[-1] = True
                else:
                    gap += " "
            if not piece:
                after_word = False
                continue
            for run in (piece,) if piece.isprintable() else _RUNS.findall(piece):
                if run[0].isspace():
                    gap += run
                    after_word = False
                    continue
                if gap:
                    words.append(gap)
                    spaces.append(False)
                    gap = ""
                pieces = chunks[run]
                words.extend(pieces)
                spaces.extend([False] * len(pieces))
                after_word = True
        if gap:
            words.append(gap)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _learn(self, chunks: set[str]) -> None:
        """Split every chunk not yet remembered: plain words at once, the rest in one spaCy call."""
        unknown = [chunk for chunk in chunks if chunk not in self._chunks]
        if not unknown:
            return
        if len(self._chunks) + len(unknown) > MAX_CACHED_CHUNKS:
            self._chunks.clear()  # the text's known chunks go too, so all of them are learned
            unknown = list(chunks)
        others = []
        for chunk in unknown:
            if _PLAIN.fullmatch(chunk) and chunk not in self._plain_rules:
                self._chunks[chunk] = (chunk,)
            else:
                others.append(chunk)
        if not others:
            return
        # A newline between chunks is a token of its own, so no special case can join two.
        tokens = [token.text for token in self.inner("\n".join(others))]
        split: list[tuple[str, ...]] = []
        start = 0
        for i, token in enumerate(tokens + ["\n"]):
            if token == "\n":
                split.append(tuple(tokens[start:i]))
                start = i + 1
        if len(split) != len(others):  # never seen; stay exact whatever the rules do
            split = [tuple(token.text for token in self.inner(chunk)) for chunk in others]
        self._chunks.update(zip(others, split))

    def flush_cache(self) -> None:
        """Forget every remembered chunk, here and in ``inner``: the next text is read cold."""
        self._chunks.clear()
        self.inner._flush_cache()  # spaCy offers no public way to empty its cache

    def pipe(self, texts, batch_size: int = 1000):
        """Tokenize a stream of texts (spaCy's ``Tokenizer.pipe`` interface)."""
        for text in texts:
            yield self(text)
