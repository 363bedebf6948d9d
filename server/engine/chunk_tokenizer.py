"""A spaCy tokenizer that splits each space-delimited chunk once and remembers the split.

spaCy's tokenizer works chunk by chunk: it cuts the text at whitespace, then peels prefixes,
suffixes and infixes off each chunk with regular expressions. Most chunks in Arabic news are
plain words, letters and marks only, which no affix rule can split; the rest (a word with a
comma or quotation mark attached, a number, a date) repeat from article to article. So
``ChunkTokenizer`` answers plain words itself, and words with a mark or two of punctuation
on them where the wrapped tokenizer is known to split those marks off one by one (tried on
probe words when it is made), asks the wrapped spaCy tokenizer about every other chunk once,
keeps the answer, and builds the Doc from words and spaces, spaCy's
documented way to plug in a tokenizer. Its output is token for token what the wrapped
tokenizer gives (tests/engine/test_chunk_tokenizer.py checks that on the seeds, on awkward
spacing and special cases, and on generated text), at a fraction of the cost: see
``make bench``.

Three things in spaCy do not work chunk by chunk: whitespace handling between chunks, which
this module reproduces; special cases that contain a space (``ب. م``); and special cases made
of punctuation only (``''``, ``:)``), which spaCy matches over the tokens of the whole text, so
a neighbouring chunk can change them (``' ''X`` keeps three apostrophes, ``''X`` alone joins
two). A text holding either kind goes to the wrapped tokenizer whole (unless it also holds a
chunk of ``LONG_CHUNK`` characters or more, which only this class reads in linear time; such
a text loses those special cases).
"""

from __future__ import annotations

import re

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

_RUNS = re.compile(r"\S+|\s+")
_PLAIN = re.compile(r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3]+")
"""Arabic letters, tatweel and marks only: no affix rule of the Arabic tokenizer splits these."""

_PREFIXES = ("", *'"“”«»„‟([:؛;،,.!?؟')
_SUFFIXES = ("", *'"“”«»„‟)]:؛;،,.!?؟', *(q + p for q in '"”»)]' for p in '.،:؛;,!?؟)'))
_AFFIX_CHARS = "".join(sorted(set("".join(_PREFIXES + _SUFFIXES))))
_AFFIXED = re.compile(rf"([{re.escape(_AFFIX_CHARS)}]?)({_PLAIN.pattern})([{re.escape(_AFFIX_CHARS)}]{{0,2}})")
"""A plain word with a mark or two of punctuation on it (الوزير، «نعم»، الجارين".): most of
the chunks that are not plain words. The pairs of marks the wrapped tokenizer splits off one by
one, as separate tokens, whatever the word, are found when the tokenizer is made
(``_safe_affixes``), so such a chunk is split without asking it."""

_PROBES = ("قال", "ـبـ", "الأممِ")
"""Words the affix pairs are tried on: a letter, a tatweel and a mark at either end."""

LONG_CHUNK = 200
"""No word is this long: a longer chunk (a run of marks) is split in ``PIECE``-character pieces.

spaCy rescans a space-free chunk once per affix it splits off, and its lexical attributes run
regular expressions over the whole token, so one 100,000-character run of marks would cost
quadratic time. Each piece is tokenized on its own, so a token never crosses a piece's edge.
"""

PIECE = 100

SOURCE_KEY = ("qawl", "source")
"""Where a Doc this tokenizer made keeps the text it was made from (taken off by the component)."""

MAX_CACHED_CHUNKS = 200_000
"""Chunks remembered before the memory is emptied and starts again (a few tens of MB at most)."""


def _pieces(chunk: str) -> list[str]:
    """The pieces ``chunk`` is tokenized in: itself, or ``PIECE``-character cuts of a long one."""
    if len(chunk) < LONG_CHUNK:
        return [chunk]
    return [chunk[k:k + PIECE] for k in range(0, len(chunk), PIECE)]


class ChunkTokenizer:
    """Tokenizes like ``inner`` (a configured spaCy ``Tokenizer``), remembering each chunk's split."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner
        self.vocab = inner.vocab
        self._reset()

    def _reset(self) -> None:
        """Read the special cases off ``inner`` and start with an empty memory."""
        whole_text = sorted((key for key in self.inner.rules if " " in key.strip()
                             or (len(key.strip()) > 1 and not any(ch.isalnum() for ch in key))),
                            key=len, reverse=True)
        self._spanning = re.compile("|".join(map(re.escape, whole_text))) if whole_text else None
        self._plain_rules = {key for key in self.inner.rules if _PLAIN.fullmatch(key)}
        self._chunks: dict[str, tuple[str, ...]] = {}
        self._safe_affixes = self._safe_affixes_of()

    def _safe_affixes_of(self) -> frozenset[tuple[str, str]]:
        """The (prefix, suffix) pairs that ``inner`` splits off every probe word as one token
        per mark, the word kept whole."""
        pairs = [(pre, suf) for pre in _PREFIXES for suf in _SUFFIXES if pre or suf]
        chunks = [pre + word + suf for pre, suf in pairs for word in _PROBES]
        split = iter(self._split(chunks))
        safe = set()
        for pre, suf in pairs:
            got = [next(split) for _ in _PROBES]
            if got == [tuple(filter(None, (pre, word, *suf))) for word in _PROBES]:
                safe.add((pre, suf))
        self.inner._flush_cache()
        return frozenset(safe)

    def _affix_split(self, chunk: str) -> tuple[str, ...] | None:
        """The tokens of a plain word with safe affixes (``_AFFIXED``), or None to ask ``inner``."""
        match = _AFFIXED.fullmatch(chunk)
        if match is None:
            return None
        pre, core, suf = match.groups()
        if (pre, suf) not in self._safe_affixes or core in self._plain_rules:
            return None
        rules = self.inner.rules
        inner_start = len(pre)
        for b in range(inner_start + len(core), len(chunk) + 1):  # every rest spaCy looks up
            if chunk[:b] in rules or chunk[inner_start:b] in rules:
                return None
        return tuple(filter(None, (pre, core, *suf)))

    def __call__(self, text: str) -> Doc:
        """The Doc of ``text``, with the tokens and spacing ``inner`` would give it."""
        chunks_in_text = set(text.split())
        if self._spanning is not None and self._spanning.search(text) and all(len(c) < LONG_CHUNK for c in chunks_in_text):
            return self.inner(text)
        self._learn(chunks_in_text)
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
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[SOURCE_KEY] = text  # spares the component rebuilding it token by token
        return doc

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
            elif (affixed := self._affix_split(chunk)) is not None:
                self._chunks[chunk] = affixed
            else:
                others.append(chunk)
        if not others:
            return
        pieces = [_pieces(chunk) for chunk in others]
        split = iter(self._split([piece for chunk in pieces for piece in chunk]))
        for chunk, its_pieces in zip(others, pieces):
            self._chunks[chunk] = tuple(token for _ in its_pieces for token in next(split))

    def _split(self, chunks: list[str]) -> list[tuple[str, ...]]:
        """The inner tokenizer's tokens of each chunk, from one call where the rules allow."""
        # A newline between chunks is a token of its own, so no special case can join two.
        tokens = [token.text for token in self.inner("\n".join(chunks))]
        split: list[tuple[str, ...]] = []
        start = 0
        for i, token in enumerate(tokens + ["\n"]):
            if token == "\n":
                split.append(tuple(tokens[start:i]))
                start = i + 1
        if len(split) != len(chunks):  # never seen; stay exact whatever the rules do
            split = [tuple(token.text for token in self.inner(chunk)) for chunk in chunks]
        return split

    def flush_cache(self) -> None:
        """Forget every remembered chunk, here and in ``inner``: the next text is read cold."""
        self._chunks.clear()
        self.inner._flush_cache()  # spaCy offers no public way to empty its cache

    def pipe(self, texts, batch_size: int = 1000):
        """Tokenize a stream of texts (spaCy's ``Tokenizer.pipe`` interface)."""
        for text in texts:
            yield self(text)

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        """The wrapped tokenizer's settings (spaCy serialisation protocol)."""
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "ChunkTokenizer":
        """Load the wrapped tokenizer's settings and forget every remembered chunk."""
        self.inner.from_bytes(data, exclude=exclude)
        self._reset()
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Write the wrapped tokenizer's settings to ``path``."""
        self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()) -> "ChunkTokenizer":
        """Read the wrapped tokenizer's settings from ``path`` and forget every remembered chunk."""
        self.inner.from_disk(path, exclude=exclude)
        self._reset()
        return self
