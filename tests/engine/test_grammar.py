"""The grammar's schema in rules data: word classes, cue classes and weights, checked on load."""

from __future__ import annotations

import pytest

from qawl.engine import Extractor
from qawl.engine.grammar import RulesError
from qawl.engine.pipeline import make_pipeline


@pytest.fixture
def rules(tmp_path):
    folder = tmp_path / "rules"
    make_pipeline().get_pipe("qawl_attribution").to_disk(folder)
    return folder


def append(path, text):
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


def test_an_unknown_word_class_is_refused_with_its_line(rules):
    lines = (rules / "grammar.txt").read_text(encoding="utf-8").splitlines()
    append(rules / "grammar.txt", "\n[name_links]\nعبد\n")
    with pytest.raises(RulesError, match=rf"grammar.txt:{len(lines) + 2}: unknown section \[name_links\]"):
        Extractor(rules)


def test_a_malformed_needs_next_line_is_refused(rules):
    append(rules / "grammar.txt", "\n[needs_next]\nأذاع\n")
    with pytest.raises(RulesError, match=r"grammar.txt:\d+: malformed line \(lemma: word word"):
        Extractor(rules)


def test_an_unknown_cue_class_property_is_refused(rules):
    append(rules / "cue_classes.txt", "rumour: verb spreads\n")
    with pytest.raises(RulesError, match=r"cue_classes.txt:\d+: unknown property 'spreads'"):
        Extractor(rules)


@pytest.mark.parametrize("line, complaint", [
    ("[method]\nexplicit = 1.5\n", "lies outside 0..1"),
    ("[method]\nguess = 0.5\n", "unknown weight"),
    ("[marker]\nprep = much\n", "not a number"),
])
def test_bad_weights_are_refused(rules, line, complaint):
    append(rules / "weights.txt", "\n" + line)
    with pytest.raises(RulesError, match=complaint):
        Extractor(rules)


def test_a_new_cue_class_is_a_line_of_cue_classes_and_a_section_of_cues(rules):
    text = "وأفشى الوزير أن الخطة جاهزة."
    assert Extractor(rules).extract(text).quotes == []
    append(rules / "cue_classes.txt", "disclosure: verb stops produces\n")
    append(rules / "cues.txt", "\n[disclosure]\nأفشى أفشت\n")
    (quote,) = Extractor(rules).extract(text).quotes
    assert quote.text == "الخطة جاهزة" and quote.rule == "disclosure.that.explicit"


def test_a_word_added_to_a_class_takes_effect(rules):
    text = "وقال الوزير إن الخطة، فضلا عن ذلك، جاهزة."
    before = [q.text for q in Extractor(rules).extract(text).quotes]
    grammar = rules / "grammar.txt"
    grammar.write_text(grammar.read_text(encoding="utf-8").replace("[narrator_clause]\n", "[narrator_clause]\nفضلا\n"),
                       encoding="utf-8")
    grammar.write_text(grammar.read_text(encoding="utf-8").replace("[clause_link]\n", "[clause_link]\nفضلا\n"),
                       encoding="utf-8")
    after = [q.text for q in Extractor(rules).extract(text).quotes]
    assert before != after and after == ["الخطة"]


def test_weights_travel_with_the_serialised_component(rules):
    text = "وقال الوزير إن الخطة جاهزة."
    weights = rules / "weights.txt"
    weights.write_text(weights.read_text(encoding="utf-8").replace("explicit = 0.92", "explicit = 0.6"),
                       encoding="utf-8")
    custom = make_pipeline(rules)
    fresh = make_pipeline()
    assert fresh(text)._.qawl.quotes[0].confidence == 0.92
    fresh.from_bytes(custom.to_bytes())
    assert fresh(text)._.qawl.quotes[0].confidence == 0.6
