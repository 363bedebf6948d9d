"""The article view of ``qawl extract --format html``: who said what, drawn on the text itself.

Each article is shown whole and as written (right to left, newlines kept), every statement
highlighted in its speaker's colour, with the reporting cue underlined and the speaker's
mention boxed. A statement is a tab stop: hovering or focusing it shows its kind, confidence,
attribution method and rule in a panel, and screen readers get the same words through
``aria-describedby``. A legend lists each article's speakers with their statement counts.

The view is built from the streamed ``qawl.v1.Quote`` messages with ``html.escape`` (through
``page.esc``) rather than with spaCy's displaCy: displaCy lays text out token by token with a
space after each token, which would change the article's own spacing, line breaks and
punctuation, it has no way to attach a tab stop or a description to a span, and it would make
the client import spaCy for what is string assembly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qawl.client import labels
from qawl.client.highlights import QUOTE, SPEAKER, Mark, marks, pieces
from qawl.client.page import color, document, esc, tint
from qawl.v1 import qawl_pb2

PANEL_COLOR = "#263238"
"""The background of the details panel shown on hover and focus."""

VIEW_CSS = """
html { scroll-padding-bottom: 10rem; }  /* a statement reached with Tab stays above the panel */
header .key span { padding: 0 .2em; }
nav ol { columns: 2; margin: .5rem 0; padding-inline-start: 1.5rem; }
.legend { list-style: none; padding: 0; margin: .5rem 0 1rem; display: flex; flex-wrap: wrap; gap: .35rem .6rem; }
.legend li { border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .7rem .1rem .5rem; }
.legend li > bdi { font-weight: 600; }
.text { font-size: 1.2rem; line-height: 2.4; white-space: pre-wrap; overflow-wrap: anywhere;
  margin: 0; padding: 1rem 1.25rem; border: 1px solid var(--line); border-radius: .5rem; }
mark.q { background: var(--bg); color: inherit; border-bottom: 3px solid var(--c); padding: .15em 0;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; cursor: help; }
mark.q.aside { border-bottom-style: dashed; }
mark.q:focus { outline: 3px solid var(--c); outline-offset: 3px; }
.who { border: 2px solid var(--c); border-radius: .3em; padding: 0 .1em; }
.cue { font-weight: 700; text-decoration: underline var(--c) 3px; text-underline-offset: .4em; }
mark.q:focus::after, mark.q:hover:not(:has(mark.q:hover))::after {
  content: attr(data-tip); position: fixed; z-index: 10; left: 1rem; right: 1rem; bottom: 1rem;
  max-width: 40rem; margin: 0 auto; padding: .6rem .9rem; border-radius: .5rem;
  border-inline-start: .5rem solid var(--c); background: """ + PANEL_COLOR + """; color: #fff;
  font: 15px/1.6 """ + '"Noto Sans", "DejaVu Sans", sans-serif' + """; direction: ltr; text-align: left;
  white-space: pre-line; box-shadow: 0 4px 16px rgba(0,0,0,.3); pointer-events: none; }
"""


@dataclass
class SpeakerEntry:
    """One speaker of an article as the legend shows it; ``index`` picks its colour."""

    key: str
    name: str
    type: str
    role: str
    index: int | None
    count: int = 0


def speaker_key(quote: qawl_pb2.Quote) -> str:
    """The speaker's id, or its name when the server sent no id; empty for no speaker."""
    return quote.speaker.id or quote.speaker.name


def speakers(quotes: Sequence[qawl_pb2.Quote]) -> dict[str, SpeakerEntry]:
    """The article's speakers by key, numbered in the order they first speak in the text."""
    entries: dict[str, SpeakerEntry] = {}
    for quote in sorted(quotes, key=lambda q: (q.span.begin_offset, q.span.end_offset)):
        key = speaker_key(quote)
        if key not in entries:
            numbered = sum(1 for e in entries.values() if e.index is not None)
            entries[key] = SpeakerEntry(key, quote.speaker.name, labels.speaker_type(quote.speaker.type),
                                        quote.speaker.role, numbered if key else None)
        entries[key].count += 1
    return entries


def isolate(text: str) -> str:
    """``text`` between Unicode first-strong and pop isolates, so Arabic inside English keeps its order."""
    return f"\u2068{text}\u2069"


def describe(quote: qawl_pb2.Quote) -> str:
    """The words shown for a statement on hover or focus: kind, confidence, speaker, cue, rule."""
    speaker = quote.speaker
    who = f"{isolate(speaker.name)} ({labels.speaker_type(speaker.type)}" + (
        f", {isolate(speaker.role)})" if speaker.role and speaker.role != speaker.name else ")"
    ) if speaker.name else "no speaker found"
    mention = f" · mention: {isolate(quote.speaker_mention.text)}" if quote.speaker_mention.text else ""
    lines = [
        f"{labels.kind(quote.kind)} statement · confidence {quote.confidence:.2f}",
        f"speaker: {who}",
        f"cue: {isolate(quote.cue.text)}{mention}",
        f"attribution: {labels.method(quote.method)} · rule: {quote.rule or 'none'}",
    ]
    if quote.section not in (qawl_pb2.SECTION_BODY, qawl_pb2.SECTION_UNSPECIFIED):
        lines.append(f"section: {labels.section(quote.section)}")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _color_class(entry: SpeakerEntry) -> str:
    return "sp-none" if entry.index is None else f"sp-{entry.index}"


def highlighted_text(prefix: str, text: str, quotes: Sequence[qawl_pb2.Quote],
                     entries: dict[str, SpeakerEntry]) -> str:
    """``text`` escaped, with every statement, speaker mention and cue wrapped in its element.

    A mark that crosses another is closed and reopened around it; only its first element
    carries the id and the tab stop.
    """
    opened: set[Mark] = set()

    def open_tag(mark: Mark) -> str:
        quote = quotes[mark.quotes[0]]
        classes = _color_class(entries[speaker_key(quote)])
        if mark.role != QUOTE:
            return f'<span class="{"who" if mark.role == SPEAKER else "cue"} {classes}">'
        if quote.section not in (qawl_pb2.SECTION_BODY, qawl_pb2.SECTION_UNSPECIFIED):
            classes += " aside"
        attrs = f' data-tip="{esc(describe(quote))}"'
        if mark not in opened:
            opened.add(mark)
            element_id = f"{prefix}-{quote.id or mark.quotes[0] + 1}"
            attrs = (f' id="{esc(element_id)}" tabindex="0" aria-describedby="{esc(element_id)}-d"'
                     + attrs)
        else:
            classes += " cont"
        return f'<mark class="q {classes}"{attrs}>'

    def close_tag(mark: Mark) -> str:
        return "</mark>" if mark.role == QUOTE else "</span>"

    out: list[str] = []
    stack: tuple[Mark, ...] = ()
    for piece in pieces(len(text), marks(quotes, len(text))):
        keep = 0
        while keep < min(len(stack), len(piece.marks)) and stack[keep] == piece.marks[keep]:
            keep += 1
        out.extend(close_tag(mark) for mark in reversed(stack[keep:]))
        out.extend(open_tag(mark) for mark in piece.marks[keep:])
        stack = piece.marks
        out.append(esc(text[piece.begin:piece.end]))
    out.extend(close_tag(mark) for mark in reversed(stack))
    return "".join(out)


def legend(article_id: str, entries: dict[str, SpeakerEntry]) -> str:
    """The article's speakers, most quoted first, each in its colour with its statement count."""
    if not entries:
        return '<p class="muted">No statements found.</p>'
    items = []
    for entry in sorted(entries.values(), key=lambda e: (-e.count, e.index is None, e.index or 0)):
        details = []
        if entry.name:
            details.append(esc(entry.type))
        if entry.role and entry.role != entry.name:
            details.append(f'<bdi lang="ar">{esc(entry.role)}</bdi>')
        details.append(_count(entry.count, "statement"))
        name = f'<bdi lang="ar">{esc(entry.name)}</bdi>' if entry.name else "<bdi>no speaker found</bdi>"
        items.append(
            f'<li class="{_color_class(entry)}"><span class="swatch" aria-hidden="true"></span>'
            f'{name} <span class="muted">{" · ".join(details)}</span></li>')
    return f'<ul class="legend" aria-label="speakers in {esc(article_id)}">{"".join(items)}</ul>'


def article_section(number: int, article_id: str, text: str, quotes: Sequence[qawl_pb2.Quote]) -> str:
    """One article: heading, speaker legend, the highlighted text, and the statements' descriptions."""
    prefix = f"a{number}"
    entries = speakers(quotes)
    named = sum(1 for e in entries.values() if e.index is not None)
    descriptions = "".join(
        f'<span id="{esc(prefix)}-{esc(q.id or i + 1)}-d">{esc(describe(q))}</span>'
        for i, q in enumerate(quotes))
    return (
        f'<section class="article" id="{prefix}" aria-labelledby="{prefix}-h">\n'
        f'<h2 id="{prefix}-h"><bdi>{esc(article_id)}</bdi> '
        f'<span class="muted">· {_count(len(quotes), "statement")} · {_count(named, "speaker")}</span></h2>\n'
        f"{legend(article_id, entries)}\n"
        f'<article class="text" dir="rtl" lang="ar">{highlighted_text(prefix, text, quotes, entries)}'
        "</article>\n"
        f"<div hidden>{descriptions}</div>\n</section>"
    )


def speaker_css(count: int) -> str:
    """The colour variables of speaker classes ``sp-0`` .. ``sp-{count-1}`` and ``sp-none``."""
    rules = [f".sp-{i} {{ --c: {color(i)}; --bg: {tint(color(i))}; }}" for i in range(count)]
    rules.append(f".sp-none {{ --c: {color(None)}; --bg: {tint(color(None))}; }}")
    return "\n".join(rules)


def page(articles: Sequence[tuple[str, str, Sequence[qawl_pb2.Quote]]]) -> str:
    """The whole page for ``(article_id, text, quotes)`` triples, in the order given."""
    total = sum(len(quotes) for _, _, quotes in articles)
    most_speakers = max((len(speakers(quotes)) for _, _, quotes in articles), default=0)
    sections = [article_section(n, aid, text, quotes) for n, (aid, text, quotes) in enumerate(articles, 1)]
    nav = ""
    if len(articles) > 1:
        links = "".join(f'<li><a href="#a{n}"><bdi>{esc(aid)}</bdi></a> '
                        f'<span class="muted">{len(quotes)}</span></li>'
                        for n, (aid, _, quotes) in enumerate(articles, 1))
        nav = f'<nav aria-label="articles"><ol>{links}</ol></nav>'
    header = (
        "<header><h1>Who said what</h1>"
        f'<p class="muted">{_count(len(articles), "article")} · '
        f"{_count(total, 'statement')} · extracted by qawl</p>"
        '<p class="key sp-0">Highlighted: a statement, in its speaker\'s colour. '
        '<span class="who">Boxed</span>: the speaker\'s mention. '
        '<span class="cue">Underlined</span>: the reporting cue. Dashed: a statement outside '
        "the article's body. Hover over a statement, or move to it with Tab, for its kind, "
        f"confidence and rule.</p>{nav}</header>"
    )
    title = f"qawl · {articles[0][0]}" if len(articles) == 1 else f"qawl · {len(articles)} articles"
    return document(title, header + "\n" + "\n".join(sections),
                    VIEW_CSS + speaker_css(most_speakers))
