"""The shell of qawl's HTML pages: one self-contained document, escaped text, speaker colours.

Both pages (``qawl extract --format html`` and ``qawl report``) are single files a person can
open from disk or mail: the styles are inline, nothing is fetched (a Content-Security-Policy
of ``default-src 'none'`` forbids it, scripts included), and fonts are the reader's own, with
Arabic faces named first. Every piece of text that comes from an article or a record goes
through ``esc``, so an article holding markup shows it as text.
"""

from __future__ import annotations

import colorsys
import html

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#edc948",
           "#76b7b2", "#ff9da7", "#9c755f", "#8cd17d", "#d37295", "#499894")
"""Speaker colours in the order speakers first speak; more speakers get generated hues."""

UNKNOWN_COLOR = "#9aa0a6"

SANS = '"Noto Sans", "DejaVu Sans", "Segoe UI", system-ui, sans-serif'
ARABIC = ('"Noto Naskh Arabic UI", "Noto Naskh Arabic", "Noto Sans Arabic UI", "Noto Sans Arabic", '
          'Amiri, "Geeza Pro", "Traditional Arabic", Tahoma, "DejaVu Sans", sans-serif')

BASE_CSS = f"""
:root {{ color-scheme: light; --ink: #1f1f1f; --muted: #5f6368; --line: #dadce0; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0 auto; max-width: 64rem; padding: 1.5rem 1.5rem 6rem; background: #fff;
  color: var(--ink); font: 16px/1.5 {SANS}; }}
[lang="ar"] {{ font-family: {ARABIC}; }}
h1 {{ font-size: 1.5rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.2rem; margin: 2rem 0 .5rem; border-top: 1px solid var(--line); padding-top: 1rem; }}
.muted {{ color: var(--muted); }}
.swatch {{ display: inline-block; width: .9em; height: .9em; border-radius: .2em;
  vertical-align: -.1em; background: var(--c); margin-inline-end: .35em; }}
table {{ border-collapse: collapse; margin: .5rem 0 1rem; }}
th, td {{ border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: start; }}
td.n, th.n {{ text-align: end; font-variant-numeric: tabular-nums; }}
"""


def esc(text: object) -> str:
    """``text`` escaped for HTML element content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def color(index: int | None) -> str:
    """The strong colour of speaker ``index`` (``None``: no known speaker)."""
    if index is None:
        return UNKNOWN_COLOR
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index * 0.381966) % 1.0  # golden-angle steps keep generated hues apart
    red, green, blue = colorsys.hls_to_rgb(hue, 0.45, 0.6)
    return "#{:02x}{:02x}{:02x}".format(round(red * 255), round(green * 255), round(blue * 255))


def tint(strong: str, share: float = 0.32) -> str:
    """``strong`` mixed with white, keeping ``share`` of the colour: a background text stays readable on."""
    channels = (int(strong[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def document(title: str, body: str, css: str = "", lang: str = "en") -> str:
    """A complete HTML document: ``body`` (already escaped markup) under ``title`` (plain text)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
