"""Arabic normalisation for matching: one spelling for the letters writers vary.

Alef forms (أ إ آ ٱ) become ا, ta marbuta ة becomes ه, alef maqsura ى becomes ي, and tatweel
and diacritics (harakat, tanween, shadda, sukun, superscript alef) are removed. It is used to
look words up and to compare names only; offsets always point into the original text.
"""

from __future__ import annotations

_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"},)
_TABLE.update({ord(ch): None for ch in _DIACRITICS})


def normalize(text: str) -> str:
    """Return ``text`` with Arabic spelling variants folded (see the module docstring)."""
    return text.translate(_TABLE)


_MARKS = {ord(ch): None for ch in _DIACRITICS}


def strip_marks(text: str) -> str:
    """``text`` without diacritics and tatweel, letters (hamza forms included) kept: the
    spelling a dictionary looks up."""
    return text.translate(_MARKS)
