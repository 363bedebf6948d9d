"""Engine records to protobuf: fields, enums, offsets in every unit."""

from __future__ import annotations

import enum

import pytest

from qawl.v1 import qawl_pb2
from qawl.server.convert import extraction_to_proto, unit_for
from qawl.engine import Extraction, Mention, Method, Quote, QuoteKind, Section, Speaker, SpeakerType
from qawl.server.offsets import Unit

TEXT = "😀 قال الوزير: «نحن هنا»"


def _extraction(kind=QuoteKind.DIRECT, method=Method.EXPLICIT) -> Extraction:
    def at(piece: str) -> Mention:
        start = TEXT.index(piece)
        return Mention(piece, start, start + len(piece))

    minister = at("الوزير")
    content = at("نحن هنا")
    speaker = Speaker(id="s1", name="الوزير", type=SpeakerType.PERSON, role="وزير",
                      mentions=[minister])
    quote = Quote(id="q1", text=content.text, start=content.start, end=content.end, kind=kind,
                  speaker_id="s1", cue=at("قال"), speaker_mention=minister, method=method,
                  confidence=0.9, sentence_index=0, section=Section.BODY, rule="speech.colon")
    return Extraction(speakers=[speaker], quotes=[quote])


def test_quote_carries_article_id_speaker_and_evidence():
    result = extraction_to_proto(_extraction(), TEXT, "a1")
    quote = result.quotes[0]
    assert quote.article_id == "a1"
    assert quote.speaker.name == "الوزير" and quote.speaker.role == "وزير"
    assert quote.speaker.type == qawl_pb2.SPEAKER_TYPE_PERSON
    assert quote.kind == qawl_pb2.QUOTE_KIND_DIRECT
    assert quote.method == qawl_pb2.ATTRIBUTION_METHOD_EXPLICIT
    assert quote.section == qawl_pb2.SECTION_BODY
    assert quote.cue.text == "قال" and quote.rule == "speech.colon"
    assert quote.speaker_mention.text == "الوزير"
    assert TEXT[quote.span.begin_offset:quote.span.end_offset] == quote.text


def test_speakers_keep_every_mention():
    result = extraction_to_proto(_extraction(), TEXT, "a1")
    (speaker,) = result.speakers
    (mention,) = speaker.mentions
    assert TEXT[mention.span.begin_offset:mention.span.end_offset] == mention.text


def test_utf16_and_utf8_offsets_slice_the_encoded_text():
    for encoding, codec, width in ((qawl_pb2.ENCODING_TYPE_UTF16, "utf-16-le", 2),
                                   (qawl_pb2.ENCODING_TYPE_UTF8, "utf-8", 1)):
        quote = extraction_to_proto(_extraction(), TEXT, "a1", encoding).quotes[0]
        data = TEXT.encode(codec)
        piece = data[quote.span.begin_offset * width:quote.span.end_offset * width]
        assert piece.decode(codec) == quote.text
        cue = data[quote.cue.span.begin_offset * width:quote.cue.span.end_offset * width]
        assert cue.decode(codec) == "قال"


def test_every_engine_enum_member_has_a_proto_value():
    pairs = ((SpeakerType, qawl_pb2.SpeakerType, "SPEAKER_TYPE_"),
             (QuoteKind, qawl_pb2.QuoteKind, "QUOTE_KIND_"),
             (Method, qawl_pb2.AttributionMethod, "ATTRIBUTION_METHOD_"),
             (Section, qawl_pb2.Section, "SECTION_"))
    missing = [f"{prefix}{member.name}" for engine_enum, proto_enum, prefix in pairs
               for member in engine_enum if prefix + member.name not in proto_enum.keys()]
    assert not missing, f"add these to qawl.proto: {missing}"


def test_an_engine_enum_member_unknown_to_the_contract_maps_to_unspecified():
    class FutureMethod(str, enum.Enum):
        GUESSED = "guessed"

    quote = extraction_to_proto(_extraction(method=FutureMethod.GUESSED), TEXT, "a1").quotes[0]
    assert quote.method == qawl_pb2.ATTRIBUTION_METHOD_UNSPECIFIED


def test_missing_speaker_mention_is_left_unset():
    extraction = _extraction()
    extraction.quotes[0].speaker_mention = None
    quote = extraction_to_proto(extraction, TEXT, "a1").quotes[0]
    assert not quote.HasField("speaker_mention")


def test_unit_for_defaults_to_code_points_and_refuses_unknown_values():
    assert unit_for(qawl_pb2.ENCODING_TYPE_UNSPECIFIED) is Unit.CODE_POINT
    assert unit_for(qawl_pb2.ENCODING_TYPE_UTF32) is Unit.CODE_POINT
    assert unit_for(qawl_pb2.ENCODING_TYPE_UTF16) is Unit.UTF16
    with pytest.raises(ValueError):
        unit_for(99)


def test_a_batch_response_is_built_with_the_same_fields():
    single = extraction_to_proto(_extraction(), TEXT, "a1", qawl_pb2.ENCODING_TYPE_UTF16)
    batch = extraction_to_proto(_extraction(), TEXT, "a1", qawl_pb2.ENCODING_TYPE_UTF16,
                                qawl_pb2.ExtractBatchResponse)
    assert isinstance(batch, qawl_pb2.ExtractBatchResponse)
    assert (batch.article_id, batch.encoding_type) == ("a1", qawl_pb2.ENCODING_TYPE_UTF16)
    assert list(batch.speakers) == list(single.speakers) and list(batch.quotes) == list(single.quotes)
