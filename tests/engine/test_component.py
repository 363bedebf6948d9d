"""The engine as a spaCy component in someone else's pipeline."""

from __future__ import annotations

import spacy

import server.engine  # noqa: F401  (registers the factory)
from server.engine import SpeakerRegistry

TEXT = "وقال المتحدث باسم الشركة، كريم نادر، إن الأرباح ارتفعت."


def test_add_pipe_writes_results_on_the_doc():
    nlp = spacy.blank("ar")
    nlp.add_pipe("qawl_attribution")
    doc = nlp(TEXT)
    (quote,) = doc._.qawl.quotes
    assert quote.text == "الأرباح ارتفعت"
    (span,) = doc.spans["qawl_quotes"]
    assert span.label_ == "indirect" and span.text.startswith("الأرباح")
    assert any(s.text == "كريم نادر" for s in doc.spans["qawl_speakers"])


def test_component_round_trips_through_disk(tmp_path):
    nlp = spacy.blank("ar")
    nlp.add_pipe("qawl_attribution")
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "qawl_attribution" / "cues.txt").exists()
    assert len(loaded(TEXT)._.qawl.quotes) == 1


def test_registry_on_the_doc_keeps_ids_across_docs():
    nlp = spacy.blank("ar")
    nlp.add_pipe("qawl_attribution")
    registry = SpeakerRegistry()
    first = nlp.make_doc("وقالت وزارة المالية إن العجز تراجع.\n" + TEXT)
    first._.qawl_registry = registry
    second = nlp.make_doc("وأوضح كريم نادر أن الخطة ناجحة.")
    second._.qawl_registry = registry
    a = nlp(first)._.qawl
    b = nlp(second)._.qawl
    person = [s for s in a.speakers if s.name == "كريم نادر"][0]
    assert b.speakers[0].id == person.id
