"""Translate between protobuf messages and engine records.

The only place that knows both the contract (``qawl.v1``) and the engine's dataclasses. Enum
members are mapped by name, so a member the engine adds before the contract has it comes out
as the ``*_UNSPECIFIED`` value rather than failing the call.
"""

from __future__ import annotations

import functools
from typing import TypeVar

from qawl.v1 import qawl_pb2
from qawl.engine import Extraction, Mention, Quote, Speaker
from qawl.server.offsets import Unit, convert_offsets

Response = TypeVar("Response", qawl_pb2.ExtractResponse, qawl_pb2.ExtractBatchResponse)

_UNITS = {
    qawl_pb2.ENCODING_TYPE_UNSPECIFIED: Unit.CODE_POINT,
    qawl_pb2.ENCODING_TYPE_UTF32: Unit.CODE_POINT,
    qawl_pb2.ENCODING_TYPE_UTF8: Unit.UTF8,
    qawl_pb2.ENCODING_TYPE_UTF16: Unit.UTF16,
}


def unit_for(encoding_type: int) -> Unit:
    """The offset unit a request's ``encoding_type`` asks for.

    An unknown value raises ValueError: the service refuses such a request before extracting
    (``server.validate.encoding_problem``), so offsets never come back in a unit not asked for.
    """
    try:
        return _UNITS[encoding_type]
    except KeyError:
        raise ValueError(f"unknown encoding_type {encoding_type}") from None


@functools.cache
def _enum_value(enum_type, prefix: str, member) -> int:
    """The proto value named ``prefix + member.name``, or 0 (UNSPECIFIED) if it has none."""
    try:
        return enum_type.Value(prefix + member.name)
    except ValueError:
        return 0


class _SpanMaker:
    """Builds Span/Mention messages with offsets converted to the requested unit."""

    def __init__(self, text: str, extraction: Extraction, unit: Unit) -> None:
        offsets: set[int] = set()
        for speaker in extraction.speakers:
            for m in speaker.mentions:
                offsets.update((m.start, m.end))
        for q in extraction.quotes:
            offsets.update((q.start, q.end, q.cue.start, q.cue.end))
            if q.speaker_mention is not None:
                offsets.update((q.speaker_mention.start, q.speaker_mention.end))
        self._map = convert_offsets(text, offsets, unit)

    def span(self, start: int, end: int) -> dict[str, int]:
        return {"begin_offset": self._map[start], "end_offset": self._map[end]}

    def mention(self, mention: Mention) -> dict:
        return {"text": mention.text, "span": self.span(mention.start, mention.end)}


def _speaker_fields(speaker: Speaker) -> dict:
    return {"id": speaker.id, "name": speaker.name, "role": speaker.role,
            "type": _enum_value(qawl_pb2.SpeakerType, "SPEAKER_TYPE_", speaker.type)}


def _quote_fields(quote: Quote, speaker: dict, article_id: str, spans: _SpanMaker) -> dict:
    fields = {
        "id": quote.id,
        "article_id": article_id,
        "text": quote.text,
        "span": spans.span(quote.start, quote.end),
        "kind": _enum_value(qawl_pb2.QuoteKind, "QUOTE_KIND_", quote.kind),
        "speaker": speaker,
        "cue": spans.mention(quote.cue),
        "method": _enum_value(qawl_pb2.AttributionMethod, "ATTRIBUTION_METHOD_", quote.method),
        "confidence": quote.confidence,
        "sentence_index": quote.sentence_index,
        "section": _enum_value(qawl_pb2.Section, "SECTION_", quote.section),
        "rule": quote.rule,
    }
    if quote.speaker_mention is not None:
        fields["speaker_mention"] = spans.mention(quote.speaker_mention)
    return fields


def extraction_to_proto(extraction: Extraction, text: str, article_id: str,
                        encoding_type: int = qawl_pb2.ENCODING_TYPE_UNSPECIFIED,
                        response_type: type[Response] = qawl_pb2.ExtractResponse) -> Response:
    """Convert an engine ``Extraction`` of ``text`` into a response (ExtractResponse, or
    ExtractBatchResponse for a batch: both carry the same four fields).

    Every quote carries ``article_id`` and its speaker inline; offsets are counted in the
    unit ``encoding_type`` names. Messages are built in place, field values given as plain
    dicts, so no sub-message is built twice and copied.
    """
    spans = _SpanMaker(text, extraction, unit_for(encoding_type))
    response = response_type(article_id=article_id, encoding_type=encoding_type)
    refs = {}
    for speaker in extraction.speakers:
        refs[speaker.id] = fields = _speaker_fields(speaker)
        response.speakers.add(**fields, mentions=[spans.mention(m) for m in speaker.mentions])
    for quote in extraction.quotes:
        speaker = refs.get(quote.speaker_id) or {"id": quote.speaker_id}
        response.quotes.add(**_quote_fields(quote, speaker, article_id, spans))
    return response
