"""Is this an ordinary Arabic word? A check against the Ayaspell Hunspell dictionary.

The engine uses it as negative evidence for names: a token the dictionary rejects (غوتيريش،
زيلينسكي، نتنياهو) is more likely a transliterated foreign name than a word. The dictionary's
affix rules take the proclitics (و ف ب ل ك ال لل بال وال) and pronoun suffixes, so وقال،
بياناتها، للصحافيين are accepted as written. Hunspell rejects hamza-less and normalised
spellings (الى، واضاف، الاميركي، اسرائيليه), which are common in news text and are what
``normalize`` produces, so a rejected token is tried again with spelling variants:

* a bare alef ``ا`` at the start becomes ``أ``, ``إ`` or ``آ``, also after one proclitic
  (و ف ب ل ك), after the article (ال) or after a proclitic plus article (وال فال بال كال لل);
* a final ``ى`` becomes ``ي`` and back, a final ``ه`` becomes ``ة`` and back;

both kinds combined (اسرائيليه -> إسرائيلية). The answer is cached per token.

Ayaspell takes an interrogative أ before any word (أقال، أطهران), so the ا -> أ variant
accepts ``اX`` whenever ``X`` is a word; that is what the variant is for (اعلن، اضاف), and it
also lets through some transliterated names that start with ا (of arabnamer's 12,069
one-word names, 27% are accepted as written and 2% more through the variants; 5% more when
the names are first ``normalize``d). The one case refused is
أ + ل + word in place of the article (الجابري would pass as ألجابري = أ + لجابري): a variant
``ألX`` is not taken when ``لX`` is itself a word.

What it does not tell: the dictionary has no proper-noun tag, so it accepts places, demonyms
and Arabic given names (طهران، الإيراني، محمد), and it reads some foreign names as clitic +
word (بلينكن as ب + لينكن, بوتين, ماكرون). "Rejected" is strong evidence of a non-word;
"accepted" is weak evidence of a word.

The dictionary is Debian's ``hunspell-ar`` (Ayaspell 3.2, GPL-2.0 / LGPL-2.1 / MPL-1.1
tri-licence), reached at run time through Enchant (``libenchant-2-2``) and the pure-ctypes
binding ``pyenchant`` (LGPL-2.1). Nothing of it is bundled with qawl. Install::

    apt-get install hunspell-ar libenchant-2-2
    pip install pyenchant

Speed, measured on the 2-core development machine (Python 3.11, pyenchant 3.3.0, Enchant
2.3.3, hunspell-ar 3.2-1.2) over the 31 seed articles (5,158 Arabic tokens, 2,549 distinct),
median of 7 repetitions, range over 6 runs (the low ends were measured while another test
suite shared the machine): ``load()`` 0.2-0.3 s. Uncached: 29,000-65,000 checks/s on running
text as written (5% of the distinct tokens are rejected, and a rejected token costs up to a
dozen variant look-ups), and 8,000-20,000/s on ``normalize``d text (24% rejected as written,
most of them then accepted through a variant). Cached, from an empty cache over the same text
(words repeat): 54,000-113,000/s as written and 24,000-49,000/s normalised; warm (every token
seen before): 0.9-5.1 million/s.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

__all__ = ["DEFAULT_LANGUAGE", "Dictionary", "DictionaryMissing", "spelling_variants"]

DEFAULT_LANGUAGE = "ar"
DEFAULT_CACHE_SIZE = 1 << 17

INSTALL_HINT = (
    "install the Arabic Hunspell dictionary and Enchant with "
    "'apt-get install hunspell-ar libenchant-2-2', and the binding with 'pip install pyenchant'"
)

_LETTERS = re.compile(r"[^\W\d_]+")
"""Letters (of any script) and their combining marks only: what a word can be made of."""

# Longest first, so that "وال" is taken before "و".
_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "")
_HAMZA_ALEFS = ("أ", "إ", "آ")
_FINAL_SWAPS = {"ى": "ي", "ي": "ى", "ه": "ة", "ة": "ه"}


class DictionaryMissing(RuntimeError):
    """The Hunspell dictionary, Enchant or pyenchant is not installed."""


def _start_variants(token: str) -> list[str]:
    """``token`` with a bare alef after the (optional) prefix replaced by each hamza alef."""
    out: list[str] = []
    seen: set[str] = set()
    for prefix in _PREFIXES:
        rest = token[len(prefix):]
        if token.startswith(prefix) and len(rest) >= 2 and rest[0] == "ا":
            for alef in _HAMZA_ALEFS:
                variant = prefix + alef + rest[1:]
                if variant not in seen:
                    seen.add(variant)
                    out.append(variant)
    return out


def spelling_variants(token: str) -> list[str]:
    """Spellings to try after ``token`` itself is rejected, most likely first, no repeats.

    >>> spelling_variants("الى")
    ['الي', 'ألى', 'إلى', 'آلى', 'ألي', 'إلي', 'آلي']
    """
    ends = [token]
    if len(token) >= 2 and token[-1] in _FINAL_SWAPS:
        ends.append(token[:-1] + _FINAL_SWAPS[token[-1]])
    out: list[str] = []
    for form in ends[1:]:
        out.append(form)
    for form in ends:
        for variant in _start_variants(form):
            if variant not in out and variant != token:
                out.append(variant)
    return out


class Dictionary:
    """An Enchant/Hunspell dictionary with hamza/alef-tolerant, cached ``is_word``.

    Build it with :meth:`load`. It is safe to share between threads: Hunspell calls are
    serialised by a lock and the cache is ``functools.lru_cache``.
    """

    def __init__(self, enchant_dict, *, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        """Wrap an opened ``enchant.Dict``; ``cache_size`` tokens are remembered (0: none)."""
        self._dict = enchant_dict
        self._lock = threading.Lock()
        self.language = getattr(enchant_dict, "tag", DEFAULT_LANGUAGE)
        provider = getattr(enchant_dict, "provider", None)
        self.provider = getattr(provider, "name", "")
        if cache_size:
            self._lookup = lru_cache(maxsize=cache_size)(self._uncached)
        else:
            self._lookup = self._uncached

    @classmethod
    def load(cls, language: str = DEFAULT_LANGUAGE, *,
             cache_size: int = DEFAULT_CACHE_SIZE) -> "Dictionary":
        """Open the Hunspell dictionary for ``language`` (default ``ar``).

        Raises :class:`DictionaryMissing`, naming the packages to install, when pyenchant,
        the Enchant library or the dictionary itself cannot be found.
        """
        try:
            import enchant
        except ImportError as exc:  # pyenchant absent, or libenchant not found by it
            raise DictionaryMissing(
                f"cannot use the Hunspell dictionary '{language}' ({exc}): {INSTALL_HINT}"
            ) from exc
        try:
            broker = enchant.Broker()
            broker.set_ordering(language, "hunspell,nuspell,*")
            opened = broker.request_dict(language)
        except enchant.errors.Error as exc:
            raise DictionaryMissing(
                f"no Hunspell dictionary for language '{language}' ({exc}): {INSTALL_HINT}"
            ) from exc
        return cls(opened, cache_size=cache_size)

    def _check(self, word: str) -> bool:
        with self._lock:
            return bool(self._dict.check(word))

    def _interrogative(self, variant: str) -> bool:
        """True if ``variant`` reads only as interrogative أ + ل + word (ألجابري = أ + لجابري).

        Hunspell takes an interrogative أ before any word, so turning the article's alef of
        الجابري into أ would make every ال-word "accepted"; such a reading is refused.
        """
        for prefix in _PREFIXES:
            if variant.startswith(prefix + "أل"):
                return self._check(prefix + variant[len(prefix) + 1:])
        return False

    def _uncached(self, token: str) -> bool:
        if self._check(token):
            return True
        return any(self._check(variant) and not self._interrogative(variant)
                   for variant in spelling_variants(token))

    def is_word(self, token: str) -> bool:
        """True if ``token`` (as written, or in a hamza/alef/final-letter variant) is a word.

        Empty strings, strings containing spaces and strings with anything but letters and
        marks (digits, controls such as NUL, punctuation, which Enchant may refuse with an
        error) are not words.
        """
        token = token.strip()
        if not token or not _LETTERS.fullmatch(token):
            return False
        return self._lookup(token)

    def check_as_written(self, token: str) -> bool:
        """True if Hunspell accepts ``token`` exactly as written (no variants, no cache)."""
        token = token.strip()
        return bool(token) and bool(_LETTERS.fullmatch(token)) and self._check(token)

    def cache_info(self):
        """``functools`` cache statistics, or ``None`` when caching is off."""
        info = getattr(self._lookup, "cache_info", None)
        return info() if info else None

    def clear_cache(self) -> None:
        """Forget cached answers (for timing, or after a dictionary change)."""
        clear = getattr(self._lookup, "cache_clear", None)
        if clear:
            clear()
