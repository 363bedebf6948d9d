"""Every cue class and phrase shape of the rules, repeated in one long sentence, sized up.

The cases come from the rules data, so a cue class or list a user adds is measured too: for
each cue class of cues.txt its first form, with a speaker before content («قال وزير إن »,
«حسب وزير »), and the shapes the phrase grammar reads (a title chain, a name run, an
organisation, an unnamed source, a document, a relative clause, a back-pointing cue, a channel
aside, a group). Each text is one sentence with no full stop, doubled from 1,000 characters;
``per doubling`` is the time ratio between successive sizes (2 is linear, 4 quadratic).
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks.timing import ms, one_core, table
from qawl.engine import Extractor
from qawl.engine.lexicon import Lexicon

SIZES = (1_000, 2_000, 4_000, 8_000, 16_000, 32_000)


def _first(entries) -> str:
    return sorted(entries)[0]


def cases(lexicon: Lexicon) -> dict[str, str]:
    """The repeated unit of every case, built from ``lexicon``'s own entries."""
    by_class: dict[str, str] = {}
    for entry in lexicon.cues.values():
        if entry.form == entry.lemma:
            by_class.setdefault(entry.cls, entry.form)
    title, org = "وزير", _first(e for e in lexicon.organizations if " " not in e)
    unnamed, document = _first(lexicon.unnamed), _first(lexicon.documents)
    units = {}
    for cls in lexicon.cue_classes:
        form = by_class.get(cls)
        if form is None:
            continue
        if cls == "sourcing":
            units[f"cue class {cls} ({form})"] = f"{form} {title} "
        elif cls in ("participle", "noun"):
            units[f"cue class {cls} ({form})"] = f"{form} إن "
        else:
            units[f"cue class {cls} ({form})"] = f"{form} {title} إن "
    units.update({
        "title chain": f"{title} ",
        "name run": "فادي ",
        "organisation": f"{org} ",
        "unnamed source": f"{unnamed} ",
        "document": f"{document} ",
        "relative clause": "الذي ",
        "content noun": "أكد أهمية ",
        "back pointer": "أعلن ذلك العقيد سامر ",
        "channel aside": "بحسب ما نقلت صحيفة ",
        "group": "سامر داود وخالد سالم ",
        "quoted name": 'قال "سامر" الرئيس ',
        "sourcing after content": "الأسعار سترتفع بحسب البنك ",
        "source after content through على": "الأسعار سترتفع، على ما أفاد الوزير، على حد قول الخبير ",
        "cue pointing back with كما / هكذا": "الأسعار سترتفع، كما قال الوزير، «نعم»، هكذا قال سامر، ",
        "courtesy form": "قال معالي وزير ",
        "locative in a role": "مدير التعليم بمنطقة الرياض ",
        "anonymity aside": "مصدر طلب عدم الكشف عن اسمه ",
        "dual title": "الوزيران ",
        "courtesy pronoun": "وأوضح سموه أن ",
        "quotation left open on each line": 'قال "سامر\n',
        "bracket after a cue, never closed": "قال (سامر ",
        "speech after a comma": "وقال مدير المركز سامر داود لوكالة الأنباء، يقام المهرجان ",
        "cue after a relative pronoun": "على لسان الوزير سامر داود، الذي توقع أن ",
        "إلا أن with a speaker of its own": "الخطة جاهزة إلا أن الوزير قال ",
        "source opening its clause": "وبحسب الوزارة تبلغ الإيرادات ",
        "hard-wrapped lines": "قال مدير الامن العام اللواء سامر داود ان دور الاجهزة الامنية يهدف\n",
        "outlet spoken to after a role": "قال الوزير لوكالة ",
        "quotation left open until a participle": "قال: «الخطة جاهزة، مبينا أن ",
        "source closing its sentence after an aside": "حسبما أفاد به اليوم، وزير القطاع، سامر داود، ",
        "the official pointing back": "وقال المسؤول الجهوي إن ",
    })
    return units


def text_of(unit: str, chars: int) -> str:
    """``unit`` repeated to ``chars`` characters, cut at a space so words stay whole."""
    text = unit * (chars // len(unit) + 1)
    return text[:text.rfind(" ", 0, chars) + 1] or text[:chars]


def calls(fn, text: str) -> int:
    """How many Python function calls ``fn(text)`` makes: a count that does not vary from run
    to run, so growth can be checked without a clock (the tests do)."""
    count = 0

    def tally(frame, event, arg):
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(tally)
    try:
        fn(text)
    finally:
        sys.setprofile(None)
    return count


def run(sizes: tuple[int, ...] = SIZES) -> str:
    """Time every case at every size and return the report with the growth per doubling."""
    with one_core() as pinned:
        extractor = Extractor()
        rows = []
        for label, unit in cases(extractor.lexicon).items():
            times = []
            for chars in sizes:
                start = time.perf_counter()
                extractor.extract(text_of(unit, chars))
                times.append(time.perf_counter() - start)
            growth = [b / a for a, b in zip(times, times[1:]) if a > 0]
            rows.append((label, ms(times[-1]), " ".join(f"{g:.1f}" for g in growth),
                         f"{max(growth):.1f}" if growth else "-"))
    header = ("case", f"ms at {sizes[-1]:,}", "per doubling", "worst")
    return "\n".join([
        f"Cue classes and phrase shapes of the rules in one long sentence, {sizes[0]:,} to"
        f" {sizes[-1]:,} chars ({pinned}); per doubling 2.0 is linear, 4.0 quadratic",
        table(header, rows),
    ])


def main(argv: list[str] | None = None) -> None:
    """``python -m benchmarks.shapes``: print the report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.shapes", description=__doc__)
    parser.add_argument("--max-chars", type=int, default=SIZES[-1], help="largest size (default %(default)s)")
    args = parser.parse_args(argv)
    print(run(tuple(s for s in SIZES if s <= args.max_chars)))


if __name__ == "__main__":
    main()
