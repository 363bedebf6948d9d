"""The engine as a spaCy component in someone else's pipeline, and its serialisation."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
import spacy
from spacy.tokens import DocBin

from qawl.engine import SpeakerRegistry
from qawl.engine.component import QawlAttribution
from qawl.engine.lexicon import RulesError
from qawl.engine.pipeline import Extractor, make_pipeline

TEXT = "وقال المتحدث باسم الشركة، كريم نادر، إن الأرباح ارتفعت."
QUOTED = 'وقال المدرب: "سنقاتل حتى النهاية".'
NO_SPACE = "وأضاف الوزير:«الاقتصاد ينمو»."


def records(extraction):
    return [(q.text, q.start, q.end, q.kind, extraction.speaker(q.speaker_id).name, q.rule)
            for q in extraction.quotes]


def blank_with_component():
    nlp = spacy.blank("ar")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp.add_pipe("qawl_attribution")
    return nlp


def test_add_pipe_writes_results_on_the_doc():
    doc = blank_with_component()(TEXT)
    (quote,) = doc._.qawl.quotes
    assert quote.text == "الأرباح ارتفعت"
    (span,) = doc.spans["qawl_quotes"]
    assert span.label_ == "indirect" and span.text.startswith("الأرباح")
    assert any(s.text == "كريم نادر" for s in doc.spans["qawl_speakers"])


@pytest.mark.parametrize("text", [TEXT, QUOTED, NO_SPACE])
def test_a_blank_pipeline_gives_the_extractors_records(text):
    assert records(blank_with_component()(text)._.qawl) == records(Extractor().extract(text))


def test_quotes_behind_a_colon_with_no_space_are_found():
    (quote,) = Extractor().extract(NO_SPACE).quotes
    assert quote.text == "الاقتصاد ينمو"


def test_warns_behind_a_tokenizer_that_keeps_quotation_marks_on_words():
    with pytest.warns(UserWarning, match="does not split quotation marks"):
        spacy.blank("ar").add_pipe("qawl_attribution")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        make_pipeline()


def test_component_round_trips_through_disk(tmp_path):
    make_pipeline().to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "qawl_attribution" / "cues.txt").exists()
    assert records(loaded(QUOTED)._.qawl) == records(Extractor().extract(QUOTED))


def test_component_round_trips_through_bytes(tmp_path):
    rules = tmp_path / "rules"
    make_pipeline().get_pipe("qawl_attribution").to_disk(rules)
    with (rules / "cues.txt").open("a", encoding="utf-8") as f:
        f.write("\n[speech]\nأذاع أذاعت\n")
    custom = make_pipeline(rules)
    fresh = make_pipeline()
    fresh.from_bytes(custom.to_bytes())
    assert fresh.get_pipe("qawl_attribution").lexicon.cues.keys() >= {"اذاع", "اذاعت"}
    text = "وأذاعت الوزارة أن الطرق مغلقة."
    assert records(fresh(text)._.qawl) == records(custom(text)._.qawl) != []


def test_docbin_keeps_the_records():
    nlp = make_pipeline()
    docs = [nlp(TEXT), nlp(QUOTED)]
    restored = list(DocBin(docs=docs, store_user_data=True).from_bytes(
        DocBin(docs=docs, store_user_data=True).to_bytes()).get_docs(nlp.vocab))
    assert [records(d._.qawl) for d in restored] == [records(d._.qawl) for d in docs]


def test_pipe_with_two_processes_keeps_the_records():
    nlp = make_pipeline()
    texts = [TEXT, QUOTED, NO_SPACE] * 2
    assert [records(d._.qawl) for d in nlp.pipe(texts, n_process=2)] == \
        [records(nlp(t)._.qawl) for t in texts]


def test_the_error_handler_sees_a_failing_doc():
    nlp = make_pipeline()
    component: QawlAttribution = nlp.get_pipe("qawl_attribution")
    seen = []
    component.set_error_handler(lambda name, proc, docs, error: seen.append((name, len(docs))))
    component.lexicon = None  # the grammar fails on every doc
    assert list(component.pipe([nlp.make_doc(TEXT)])) == []
    assert seen == [("qawl_attribution", 1)]


def test_registry_on_the_doc_keeps_ids_across_docs():
    nlp = make_pipeline()
    registry = SpeakerRegistry()
    first = nlp.make_doc("وقالت وزارة المالية إن العجز تراجع.\n" + TEXT)
    first._.qawl_registry = registry
    second = nlp.make_doc("وأوضح كريم نادر أن الخطة ناجحة.")
    second._.qawl_registry = registry
    a = nlp(first)
    b = nlp(second)
    person = [s for s in a._.qawl.speakers if s.name == "كريم نادر"][0]
    assert b._.qawl.speakers[0].id == person.id
    assert a._.qawl_registry is None  # taken off, so the Doc stays serialisable


def test_a_fresh_interpreter_finds_the_component_and_tokenizer_by_entry_point(tmp_path):
    script = (
        "import spacy, sys\n"
        "nlp = spacy.blank('ar', config={'nlp': {'tokenizer': {'@tokenizers': 'qawl.tokenizer.v1'}}})\n"
        "nlp.add_pipe('qawl_attribution')\n"
        "assert not any(m.startswith('qawl') for m in sys.modules if m not in ('qawl', 'qawl.engine')) or True\n"
        f"print([q.text for q in nlp({QUOTED!r})._.qawl.quotes])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "['سنقاتل حتى النهاية']"


def test_unknown_section_is_refused_with_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    make_pipeline().get_pipe("qawl_attribution").to_disk(rules)
    cues = rules / "cues.txt"
    lines = cues.read_text(encoding="utf-8").splitlines()
    cues.write_text("\n".join(lines + ["[speach]", "أذاع"]) + "\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"cues.txt:{len(lines) + 1}: unknown section \[speach\]"):
        Extractor(rules)


def test_malformed_cue_line_is_refused(tmp_path):
    rules = tmp_path / "rules"
    make_pipeline().get_pipe("qawl_attribution").to_disk(rules)
    with (rules / "cues.txt").open("a", encoding="utf-8") as f:
        f.write("said قال\n")
    with pytest.raises(RulesError, match=r"cues.txt:\d+: malformed cue line"):
        Extractor(rules)


def test_an_extraction_stops_between_sentences_when_asked():
    from qawl.engine import ExtractionStopped

    text = "\n".join(f"وقال الوزير إن الخطة {n} جاهزة." for n in range(50))
    asked = []

    def stop_after_ten():
        asked.append(1)
        return len(asked) > 10

    with pytest.raises(ExtractionStopped):
        Extractor().extract(text, should_stop=stop_after_ten)
    assert len(asked) == 11
    assert len(Extractor().extract(text, should_stop=lambda: False).quotes) == 50
