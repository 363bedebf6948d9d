"""Assemble records: turn attributed statements into ``Speaker`` and ``Quote`` records."""

from __future__ import annotations

from qawl.engine.attribution import Attributed
from qawl.engine.records import Extraction, Quote, Speaker
from qawl.engine.registry import SpeakerRegistry


def to_records(found: list[Attributed], registry: SpeakerRegistry, source: str) -> Extraction:
    """Build the records of one article, quotes in text order, speakers in order of first quote.

    Two entities the registry knows as one speaker (the same person met in an earlier article
    under a fuller name) become one ``Speaker`` with the mentions of both.
    """
    speakers: dict[str, Speaker] = {}
    mentions: dict[str, set] = {}
    merged: set[int] = set()
    quotes: list[Quote] = []
    for n, item in enumerate(sorted(found, key=lambda r: (r.start, r.end)), 1):
        entity = item.entity
        speaker_id = registry.id_for(entity)
        speaker = speakers.get(speaker_id)
        if speaker is None:
            speaker = Speaker(speaker_id, entity.name, entity.type, entity.role, [])
            speakers[speaker_id] = speaker
            mentions[speaker_id] = set()
        if id(entity) not in merged:
            merged.add(id(entity))
            for mention in entity.mentions:
                if mention not in mentions[speaker_id]:
                    mentions[speaker_id].add(mention)
                    speaker.mentions.append(mention)
        draft = item.draft
        quotes.append(Quote(
            id=f"q{n}",
            text=source[item.start:item.end],
            start=item.start,
            end=item.end,
            kind=draft.kind,
            speaker_id=speaker_id,
            cue=item.cue,
            speaker_mention=item.mention,
            method=item.method,
            confidence=item.confidence,
            sentence_index=draft.sentence.index,
            section=draft.sentence.section,
            rule=item.rule,
        ))
    for speaker in speakers.values():
        speaker.mentions.sort(key=lambda m: (m.start, m.end))
    return Extraction(speakers=list(speakers.values()), quotes=quotes)
