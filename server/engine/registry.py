"""Speaker ids that hold across articles.

One ``SpeakerRegistry`` shared by several extractions (an ExtractBatch stream shares one) gives
the same speaker the same id in every article, matching names the same way the entity table
does within an article: surname against full name, spelling variants, contained body names.

The registry is indexed, so a long stream costs the same per article however many speakers it
has met: a person is looked up among the known people with the same surname, a body among the
known bodies whose words contain its own (the intersection of the per-word indexes) or that
its own words contain (each subset of its few words, looked up whole).
"""

from __future__ import annotations

from itertools import combinations

from qawl.engine.entities import Entity, name_key, same_person
from qawl.engine.kinds import kind_of
from qawl.engine.records import SpeakerType

MAX_SUBSET_WORDS = 10
"""A body name longer than this is matched by its superset index and exactly, not by subsets."""

Key = tuple[str, ...]


class SpeakerRegistry:
    """Gives each distinct speaker an id (s1, s2, ...) that stays the same across articles."""

    def __init__(self) -> None:
        self._ids: list[str] = []
        self._exact: dict[tuple[SpeakerType, Key], int] = {}
        self._people: dict[str, list[tuple[Key, int]]] = {}
        self._word_sets: dict[tuple[SpeakerType, frozenset[str]], int] = {}
        self._by_word: dict[tuple[SpeakerType, str], set[int]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def id_for(self, entity: Entity) -> str:
        """The id of this entity's speaker, matching by name as within an article: the speaker
        met first among those that match."""
        key = name_key(entity.name)
        found = self._match(entity.type, key)
        if found is None:
            found = self._add(entity.type, key)
        return self._ids[found]

    def _match(self, kind: SpeakerType, key: Key) -> int | None:
        merge = kind_of(kind).merge
        if merge == "person":
            people = self._people.get(key[-1], []) if key else []
            return min((n for known, n in people if same_person(key, known)), default=None)
        exact = self._exact.get((kind, key))
        if merge != "body" or not key:
            return exact
        words = frozenset(key)
        found = {exact} if exact is not None else set()
        postings = sorted((self._by_word.get((kind, w), set()) for w in words), key=len)
        if postings and postings[0]:
            found |= set.intersection(*postings)  # known bodies whose words contain these
        if len(words) <= MAX_SUBSET_WORDS:
            for size in range(1, len(words) + 1):
                for subset in combinations(sorted(words), size):
                    hit = self._word_sets.get((kind, frozenset(subset)))
                    if hit is not None:
                        found.add(hit)  # known bodies whose words these contain
        return min(found, default=None)

    def _add(self, kind: SpeakerType, key: Key) -> int:
        n = len(self._ids)
        self._ids.append(f"s{n + 1}")
        self._exact.setdefault((kind, key), n)
        merge = kind_of(kind).merge
        if merge == "person":
            if key:
                self._people.setdefault(key[-1], []).append((key, n))
        elif merge == "body" and key:
            words = frozenset(key)
            self._word_sets.setdefault((kind, words), n)
            for word in words:
                self._by_word.setdefault((kind, word), set()).add(n)
        return n
