"""Quotation marks: pair opening and closing marks into quoted stretches.

Arabic news mixes “…”, «…», straight "…" and doubled-apostrophe ''…'' quotes, sometimes
unbalanced or nested. Pairing is done per line with a stack: typographic marks pair by
direction, a straight quote closes the innermost open straight quote of its kind or opens a
new one. A quote still open at the end of its line is closed there, so one stray mark never
swallows the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from qawl.engine.tokens import CLOSING_QUOTES, OPENING_QUOTES, Words


@dataclass(frozen=True)
class QuotedStretch:
    """Tokens open..close are the marks; the quoted words are open+1 .. close-1."""

    open: int
    close: int  # index of the closing mark, or one past the line's last token if unclosed
    closed: bool


_MIRROR = {"“": "”", "”": "“"}
"""The curly double quotes, each the other's mirror: right-to-left text often types them
the other way round (”نتحرك سريعا“)."""


_FULL_STOPS = {".", "!", "?", "؟"}


def _opens_a_word(words: Words, i: int) -> bool:
    """Is the mark at token i shaped as an opening one: after a space or a line's start, and
    glued to the word after it ( "بينو)? A closing mark is glued to the word before it."""
    start, end, source = words.start[i], words.end[i], words.source
    return (start == 0 or source[start - 1].isspace()) and end < len(source) and source[end].isalpha()


def _closes_a_word(words: Words, i: int) -> bool:
    """Is the mark at token i shaped as a closing one: glued to the word before it, and
    followed by a space, punctuation or the text's end (اليمن“.)?"""
    start, end, source = words.start[i], words.end[i], words.source
    return start > 0 and source[start - 1].isalpha() and (end >= len(source) or not source[end].isalpha())


def pair_quotes(words: Words, first: int, last: int) -> list[QuotedStretch]:
    """Pair the quotation marks among tokens ``first`` to ``last`` (exclusive), one line."""
    stack: list[int] = []
    stretches: list[QuotedStretch] = []
    for i in words.quote_marks_in(first, last):
        mark = words.text[i]
        if mark in OPENING_QUOTES:
            if stack and words.text[stack[-1]] == _MIRROR.get(mark):  # ”…“: marks typed mirrored
                stretches.append(QuotedStretch(stack.pop(), i, True))
            elif stack and words.text[stack[-1]] == mark and mark in _MIRROR and _closes_a_word(words, i):
                stretches.append(QuotedStretch(stack.pop(), i, True))  # “…اليمن“: the closer typed as an opener
            else:
                stack.append(i)
        elif mark in CLOSING_QUOTES:
            if stack and words.text[stack[-1]] == mark and _opens_a_word(words, stack[-1]) is False \
                    and _closes_a_word(words, i) and not any(words.text[k] in OPENING_QUOTES for k in stack):
                stretches.append(QuotedStretch(stack.pop(), i, True))  # لـ”الشرق”: the closer typed for both
                continue
            if not any(words.text[k] in OPENING_QUOTES for k in stack) and mark in _MIRROR:
                stack.append(i)  # a closing mark with nothing open: perhaps a mirrored opener
                continue
            while stack and words.text[stack[-1]] not in OPENING_QUOTES:
                stack.pop()
            if stack:
                stretches.append(QuotedStretch(stack.pop(), i, True))
        elif stack and words.text[stack[-1]] == mark:  # a straight mark ("، '') closes its twin
            if _opens_a_word(words, i) and _opens_a_word(words, stack[-1]) \
                    and any(words.text[k] in _FULL_STOPS for k in range(stack[-1] + 1, i)):
                stack[-1] = i  # قال: "إن … . كما … "بينو": the first was never closed
            else:
                stretches.append(QuotedStretch(stack.pop(), i, True))
        elif stack and words.text[stack[-1]] in OPENING_QUOTES and _closes_a_word(words, i) and not _opens_a_word(words, i):
            stretches.append(QuotedStretch(stack.pop(), i, True))  # “…فقط": a straight mark closing a curly one
        else:
            stack.append(i)
    stack = [k for k in stack if words.text[k] not in CLOSING_QUOTES]  # a stray ” opens nothing
    if stack:
        stretches.append(QuotedStretch(stack[0], last, False))
    stretches.sort(key=lambda q: q.open)
    outer: list[QuotedStretch] = []
    for stretch in stretches:
        if outer and stretch.open < outer[-1].close:
            continue
        outer.append(stretch)
    return outer
