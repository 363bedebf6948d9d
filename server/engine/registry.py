"""Speaker ids that hold across articles.

One ``SpeakerRegistry`` shared by several extractions (an ExtractBatch stream shares one) gives
the same speaker the same id in every article, matching names the same way the entity table
does within an article: surname against full name, spelling variants, contained body names.
"""

from __future__ import annotations

from qawl.engine.entities import Entity, name_key, same_body, same_person
from qawl.engine.records import SpeakerType


class SpeakerRegistry:
    """Gives each distinct speaker an id (s1, s2, ...) that stays the same across articles."""

    def __init__(self) -> None:
        self._known: list[tuple[SpeakerType, tuple[str, ...], str]] = []

    def __len__(self) -> int:
        return len(self._known)

    def id_for(self, entity: Entity) -> str:
        """The id of this entity's speaker, matching by name as within an article."""
        key = name_key(entity.name)
        for kind, known_key, speaker_id in self._known:
            if kind is not entity.type:
                continue
            if kind is SpeakerType.PERSON and same_person(key, known_key):
                return speaker_id
            if kind is not SpeakerType.PERSON and (key == known_key or (
                    kind in (SpeakerType.ORGANIZATION, SpeakerType.DOCUMENT) and same_body(key, known_key))):
                return speaker_id
        speaker_id = f"s{len(self._known) + 1}"
        self._known.append((entity.type, key, speaker_id))
        return speaker_id
