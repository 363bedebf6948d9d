"""Every cue class and phrase shape of the rules costs work linear in the sentence's length.

Counted in Python function calls, which do not vary from run to run, so the guard holds on a
busy machine: four times the text may cost at most ``LINEAR`` times the calls (a quadratic
pass gives sixteen). The timed figures are in ``python -m benchmarks.shapes``.
"""

from __future__ import annotations

import pytest

from benchmarks.shapes import calls, cases, text_of
from qawl.engine import Extractor

EXTRACTOR = Extractor()
LINEAR = 5.5


@pytest.mark.parametrize("label, unit", sorted(cases(EXTRACTOR.lexicon).items()))
def test_four_times_the_text_costs_about_four_times_the_work(label, unit):
    small = calls(EXTRACTOR.extract, text_of(unit, 1_500))
    large = calls(EXTRACTOR.extract, text_of(unit, 6_000))
    assert large / small <= LINEAR, f"{label}: {small:,} -> {large:,} calls"


def test_the_cases_cover_every_cue_class_of_the_rules():
    labels = " ".join(cases(EXTRACTOR.lexicon))
    for cls in {entry.cls for entry in EXTRACTOR.lexicon.cues.values()}:
        assert f"cue class {cls} " in labels


def test_the_call_count_sees_a_quadratic_pass():
    def step(j):
        return j

    def quadratic(text):
        for i in range(len(text) // 50):
            for j in range(i):
                step(j)

    assert calls(quadratic, "x" * 6_000) / calls(quadratic, "x" * 1_500) > 10
