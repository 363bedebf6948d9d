"""Both pages in a real browser: headless Chromium draws the highlights, right to left, safely.

Skipped, with the reason, where Chromium is missing; under CI (``CI`` set) a missing Chromium
fails instead, since ``make test`` installs it there.
"""

from __future__ import annotations

import os

import pytest

from qawl.client.article_view import PANEL_COLOR as PANEL
from qawl.client.cli import main
from qawl.client.page import PALETTE, tint
from qawl.client.report_charts import KIND_COLORS
from tests.client import chromium
from tests.client.dom import parse
from tests.conftest import REPO, SEEDS

SHORT = "قال الوزير إن الاتفاق نهائي.\n"
HOSTILE = ('قال الوزير إن "<script>document.title=\'pwned\'</script>" '
           'وأضاف أن <img src=x onerror="document.title=\'pwned\'"> وصل.\n')


@pytest.fixture(scope="module")
def browser() -> str:
    binary = chromium.find()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail(chromium.INSTALL_HINT + "; CI must run the browser tests")
        pytest.skip(chromium.INSTALL_HINT)
    return binary


def _page(target, tmp_path, name: str, *files) -> "os.PathLike":
    out = tmp_path / f"{name}.html"
    assert main(["extract", "--server", target, "--format", "html", "-o", str(out), *map(str, files)]) == 0
    return out


def _article(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))


def _pixels(image, hex_color: str, tolerance: int = 6) -> list[tuple[int, int]]:
    """Every (x, y) whose colour is within ``tolerance`` of ``hex_color`` on each channel."""
    red, green, blue = _rgb(hex_color)
    data, width = image.tobytes(), image.width
    return [(i // 3 % width, i // 3 // width) for i in range(0, len(data), 3)
            if abs(data[i] - red) <= tolerance and abs(data[i + 1] - green) <= tolerance
            and abs(data[i + 2] - blue) <= tolerance]


def _solid(points: list[tuple[int, int]], run: int = 30) -> list[tuple[int, int]]:
    """The points on rows holding at least ``run`` of them: filled areas, not anti-aliased edges."""
    per_row: dict[int, int] = {}
    for _, y in points:
        per_row[y] = per_row.get(y, 0) + 1
    return [(x, y) for x, y in points if per_row[y] >= run]


def test_a_short_article_is_highlighted_from_the_right(browser, target, tmp_path):
    page = _page(target, tmp_path, "short", _article(tmp_path, "short", SHORT))
    image = chromium.shot(browser, page, tmp_path / "short.png", size=(1000, 600))
    highlight = _solid(_pixels(image, tint(PALETTE[0])))
    assert len(highlight) > 500, "the statement's highlight is drawn"
    # The one line starts at the right edge of the text box: in right-to-left text the whole
    # statement lies in the right half, and the cue (underlined in the strong colour) lies to
    # the right of the statement.
    assert min(x for x, _ in highlight) > image.width / 2
    rows = {y for _, y in highlight}
    underline = [(x, y) for x, y in _pixels(image, PALETTE[0], 10) if min(rows) - 20 < y < max(rows) + 20]
    assert underline and max(x for x, _ in underline) > max(x for x, _ in highlight)


def test_the_seed_view_in_the_dom_is_rtl_arabic_as_written_with_one_stop_per_statement(
        browser, target, tmp_path, seed_texts, capsys):
    page = _page(target, tmp_path, "seeds", *SEEDS)
    assert main(["extract", "--server", target, "--format", "jsonl", *map(str, SEEDS)]) == 0
    records = [line for line in capsys.readouterr().out.splitlines() if line]
    doc = parse(chromium.dump_dom(browser, page))
    articles = doc.find_all("article")
    assert [(a.attrs["dir"], a.attrs["lang"]) for a in articles] == [("rtl", "ar")] * len(SEEDS)
    assert [a.text() for a in articles] == [seed_texts[p.name] for p in SEEDS]
    assert len([m for m in doc.find_all("mark", "q") if m.attrs.get("tabindex") == "0"]) == len(records)


def test_the_seed_view_draws_each_speakers_colour(browser, target, tmp_path):
    page = _page(target, tmp_path, "seeds", *SEEDS)
    image = chromium.shot(browser, page, tmp_path / "seeds.png", size=(1200, 1400))
    for index in range(3):
        found = _pixels(image, tint(PALETTE[index]))
        assert len(found) > 200, f"speaker {index}'s highlight is drawn"


def test_a_hostile_article_creates_no_element_and_shows_its_markup_as_text(browser, target, tmp_path):
    page = _page(target, tmp_path, "hostile", _article(tmp_path, "<img src=y onerror=alert(1)>", HOSTILE))
    doc = parse(chromium.dump_dom(browser, page))
    assert not doc.find_all("script") and not doc.find_all("img")
    assert doc.find("article").text() == HOSTILE
    assert doc.find("title").text() != "pwned"
    with chromium.DevTools(browser) as tab:
        tab.open(page)
        assert tab.js("document.querySelectorAll('script, img').length") == 0
        assert tab.js("document.title") != "pwned"
        assert "<script>" in tab.js("document.querySelector('article').innerText")


def test_keyboard_focus_and_hover_show_kind_confidence_and_rule(browser, target, tmp_path):
    page = _page(target, tmp_path, "seeds1", SEEDS[0])
    with chromium.DevTools(browser) as tab:
        tab.open(page)
        for _ in range(30):
            tab.press_tab()
            if tab.js("document.activeElement.matches('mark.q')"):
                break
        assert tab.js("document.activeElement.id") == "a1-q1"
        tip = tab.js("getComputedStyle(document.activeElement, '::after').content")
        assert "statement · confidence" in tip and "rule: " in tip
        assert tab.js("getComputedStyle(document.activeElement, '::after').position") == "fixed"
        assert len(_solid(_pixels(tab.screenshot(), PANEL, 2), 300)) > 5000, "the details panel is drawn"

        tab.js("document.activeElement.blur()")
        assert not _solid(_pixels(tab.screenshot(), PANEL, 2), 300)
        box = tab.js("(() => { const r = document.querySelectorAll('mark.q')[1].getClientRects()[0];"
                     " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        tab.hover(*box)
        tip = tab.js("getComputedStyle(document.querySelectorAll('mark.q')[1], '::after').content")
        assert "confidence" in tip
        assert len(_solid(_pixels(tab.screenshot(), PANEL, 2), 300)) > 5000


def test_the_text_runs_right_to_left_in_layout(browser, target, tmp_path):
    page = _page(target, tmp_path, "short", _article(tmp_path, "short", SHORT))
    with chromium.DevTools(browser) as tab:
        tab.open(page)
        assert tab.js("getComputedStyle(document.querySelector('article')).direction") == "rtl"
        cue_right, quote_right, box_right = tab.js(
            "[document.querySelector('article .cue'), document.querySelector('article mark.q'),"
            " document.querySelector('article')].map(e => e.getBoundingClientRect().right)")
        assert cue_right > quote_right and box_right - cue_right < 40


def test_the_report_draws_its_bars_and_names_and_stays_inert(browser, target, tmp_path):
    page = tmp_path / "report.html"
    assert main(["report", "--server", target, str(REPO / "seeds"), "-o", str(page)]) == 0
    image = chromium.shot(browser, page, tmp_path / "report.png", size=(1100, 1400))
    for kind, hex_color in KIND_COLORS.items():
        assert len(_pixels(image, hex_color, 3)) > 300, f"{kind} bars are drawn"
    doc = parse(chromium.dump_dom(browser, page))
    assert not doc.find_all("script") and len(doc.find_all("svg")) == 5
    names = [t.text() for t in doc.find("section", id="speakers").find_all("text")]
    first = doc.find("table", id="t-speakers").find("td").text()
    assert first in names
    with chromium.DevTools(browser, size=(1100, 1400)) as tab:
        tab.open(page)
        # The top speaker's name in the chart is drawn as shaped Arabic text, right to left.
        width = tab.js("(() => { const t = [...document.querySelectorAll('#speakers svg text')]"
                       f".find(e => e.textContent === {first!r}); return t ? t.getComputedTextLength() : -1; }})()")
        assert width > 0
        assert tab.js("getComputedStyle([...document.querySelectorAll('#t-speakers bdi')][0]).direction") == "rtl"
