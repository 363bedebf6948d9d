"""The annotated seed articles: the engine must not score below the recorded figures.

Recorded with ``qawl eval --gold seeds/gold seeds/*.txt``. Raise the figures when the rules
improve; a change that lowers any of them fails here, with the evaluation report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qawl.eval import evaluate_dir, predictions_from_extraction

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Lowered once, from 0.954 / 0.976, when «، حيث …» stopped ending a statement: the dev sets'
# annotators kept that clause in 9 statements and cut it in 1, the seeds' annotator cut it in
# one optional statement, which the longer span no longer matches.
RECORDED = {
    "span_precision": 0.933,
    "span_recall": 1.0,
    "attribution_precision": 0.933,
    "attribution_recall": 1.0,
    "attribution_f1": 0.965,
    "kind_accuracy": 1.0,
}


def test_seed_scores_hold(extractor):
    articles = sorted(SEEDS.glob("*.txt"))
    assert len(articles) == 5
    result = evaluate_dir(
        lambda text: predictions_from_extraction(extractor.extract(text)), articles, SEEDS / "gold"
    )
    overall = result.overall
    report = result.format_report(verbose=True)
    for figure, floor in RECORDED.items():
        assert getattr(overall, figure) >= floor, f"{figure} fell below {floor}\n{report}"


GROUP = "وقال وزير الخارجية سامر داود ونظيره القطري خالد بن محمد آل سالم إن المحادثات بناءة."


@pytest.mark.parametrize("text", [*(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))), GROUP])
def test_every_text_field_is_the_article_at_its_span(extractor, text):
    extraction = extractor.extract(text)
    spans = [(m.text, m.start, m.end) for s in extraction.speakers for m in s.mentions]
    for q in extraction.quotes:
        spans.append((q.text, q.start, q.end))
        spans.extend((m.text, m.start, m.end) for m in (q.cue, q.speaker_mention) if m is not None)
    assert spans and all(text[start:end] == value for value, start, end in spans)
