"""The service and a spaCy pipeline loaded from disk give the same records: one extraction path.

The seeds and sentences of each pattern go through real gRPC (Extract) and through
``spacy.load`` of the saved pipeline; every quote's span, text, kind, speaker, cue, method and
rule must agree.
"""

from __future__ import annotations

import pytest
import spacy

from qawl.client.api import article
from qawl.engine.pipeline import make_pipeline
from qawl.v1 import qawl_pb2

SENTENCES = [
    'وقال المدرب: "سنقاتل حتى النهاية".',
    "وأضاف الوزير:«الاقتصاد ينمو».",
    "وقال المتحدث باسم الشركة، كريم نادر، إن الأرباح ارتفعت.",
    "وأكدت وزارة الصحة في بيان أن الوضع مستقر، مشيرة إلى أن الحالات تراجعت.",
    "ونقلت الوكالة عن مصدر مسؤول قوله إن المفاوضات ستستأنف الأسبوع المقبل.",
    "قالت سلمى الحسن: «لن نتراجع»، وأضافت أن الفريق جاهز.",
]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pipeline")
    make_pipeline().to_disk(folder)
    return spacy.load(folder)


def from_service(response: qawl_pb2.ExtractResponse) -> list[tuple]:
    kinds = {qawl_pb2.QUOTE_KIND_DIRECT: "direct", qawl_pb2.QUOTE_KIND_INDIRECT: "indirect",
             qawl_pb2.QUOTE_KIND_MIXED: "mixed"}
    names = {s.id: s.name for s in response.speakers}
    return [(q.span.begin_offset, q.span.end_offset, q.text, kinds[q.kind], names[q.speaker.id],
             q.cue.text, q.rule) for q in response.quotes]


def from_pipeline(nlp, text: str) -> list[tuple]:
    extraction = nlp(text)._.qawl
    return [(q.start, q.end, q.text, q.kind.value, extraction.speaker(q.speaker_id).name,
             q.cue.text, q.rule) for q in extraction.quotes]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences_agree(stub, loaded, text):
    response = stub.Extract(qawl_pb2.ExtractRequest(article=article(text, "s")))
    assert from_service(response) == from_pipeline(loaded, text)
    assert response.quotes


def test_seed_articles_agree(stub, loaded, seed_texts):
    for name, text in seed_texts.items():
        response = stub.Extract(qawl_pb2.ExtractRequest(article=article(text, name)))
        assert from_service(response) == from_pipeline(loaded, text), name
