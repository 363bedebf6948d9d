"""Speaker entities: cluster the phrases that refer to one source within an article.

A person is one entity across full name, surname and spelling variants (خواجة/خواجه،
ناصر/نصير، جوتيريش/غوتيريش): names are compared by a consonant skeleton. A role-only mention
(وزير الدفاع الباكستاني) resolves to the person the article named with that role, including a
counterpart (نظيره الإيراني = the Iranian holder of the role named just before). Organisations
and documents merge when one name is contained in the other (الخارجية الباكستانية ⊂ وزارة
الخارجية الباكستانية; البيان ⊂ بيان باكستاني).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from qawl.engine.kinds import kind_of
from qawl.engine.normalize import normalize
from qawl.engine.phrases import Phrase, phrase_key
from qawl.engine.records import Mention, SpeakerType

_SKELETON = str.maketrans({"غ": "ج", "ق": "ج", "ط": "ت", "ص": "س", "ث": "س", "ذ": "ز", "ظ": "ز", "ض": "د", "ة": "ه"})
_LONG_VOWELS = {"ا", "و", "ي"}


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """A spelling-tolerant key for a name word: letter classes folded, inner long vowels dropped."""
    word = normalize(word).translate(_SKELETON)
    if not word:
        return word
    return word[0] + "".join(ch for ch in word[1:] if ch not in _LONG_VOWELS)


@lru_cache(maxsize=1 << 14)
def name_key(name: str) -> tuple[str, ...]:
    """Skeletons of a name's words, in order."""
    return tuple(skeleton(w) for w in name.split() if w.strip())


@dataclass
class Entity:
    """One speaker as the article refers to it, before it becomes a ``Speaker`` record."""

    type: SpeakerType
    names: list[str] = field(default_factory=list)
    role: str = ""
    role_keys: list[tuple[str, ...]] = field(default_factory=list)
    gender: str = "m"
    number: str = "sg"
    mentions: list[Mention] = field(default_factory=list)

    fullest: str = ""

    def add_name(self, name: str) -> None:
        """Record a name the article uses for this entity."""
        if name not in self.names:
            self.names.append(name)
            if (len(name.split()), len(name)) > (len(self.fullest.split()), len(self.fullest)):
                self.fullest = name

    @property
    def name(self) -> str:
        """The fullest name the article gives (the role when no name is known)."""
        return self.fullest or self.role

    @property
    def key(self) -> tuple[str, ...]:
        """Skeleton key of the fullest name, for person matching."""
        return name_key(self.name)

    @property
    def body_key(self) -> tuple[str, ...]:
        """Word key of the fullest name, for organisation and document matching."""
        return phrase_key(normalize(self.name))


def same_person(a: tuple[str, ...], b: tuple[str, ...], given_name: bool = False) -> bool:
    """Two name keys refer to one person: same surname, and one's words within the other's.
    With ``given_name`` (within one article), also a name and the same name followed by بن and
    a father's name: الأمير عبدالعزيز after عبدالعزيز بن سلمان, as the Gulf press refers back."""
    if not a or not b:
        return False
    if given_name:
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        if len(short) < len(long_) and long_[:len(short)] == short and long_[len(short)] in _PATRONYMIC:
            return True
    if a[-1] != b[-1]:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


_PATRONYMIC = frozenset(skeleton(w) for w in ("بن", "ابن", "بنت"))


def same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two organisation or document keys refer to one body: one's words within the other's."""
    if not a or not b:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


class EntityTable:
    """All entities of one article, with the role bindings learned from role + name phrases."""

    def __init__(self, is_nationality: Callable[[str], bool] = lambda token: False) -> None:
        self.is_nationality = is_nationality
        self.entities: list[Entity] = []
        self.bindings: dict[tuple[str, ...], Entity] = {}

    def counterpart_role(self, phrase: Phrase, previous_role: str) -> str:
        """نظيره الإيراني after وزير الدفاع الباكستاني reads as وزير الدفاع الإيراني."""
        own = [t for t in phrase_key(normalize(phrase.role))[1:] if self.is_nationality(t)]
        base = [t for t in phrase_key(normalize(previous_role)) if not self.is_nationality(t)]
        return " ".join(base + own[:1])

    def add(self, phrase: Phrase, previous_role: str = "") -> tuple[Entity, bool]:
        """Attach a phrase to its entity (creating one if new); True when a role was resolved."""
        mention = phrase.mention
        role_key: tuple[str, ...] = ()
        if phrase.role:
            role_text = phrase.role
            if phrase.counterpart and previous_role:
                role_text = self.counterpart_role(phrase, previous_role)
                role_key = tuple(role_text.split())
            else:
                role_key = phrase_key(normalize(role_text))
        if phrase.role_only:
            bound = self._bound(role_key)
            if bound is not None:
                bound.mentions.append(mention)
                return bound, True
            entity = self._find(phrase.type, phrase_key(normalize(phrase.name)), role_key, phrase.gender)
        elif phrase.type is SpeakerType.PERSON:
            entity = self._find(phrase.type, name_key(phrase.name), role_key, phrase.gender)
        else:
            entity = self._find(phrase.type, phrase_key(normalize(phrase.name)), ())
        if entity is None:
            # a name the lists cannot gender is taken as a man's until a verb says otherwise
            entity = Entity(phrase.type, gender=phrase.gender or "m", number=phrase.number)
            self.entities.append(entity)
        if not phrase.role_only:
            entity.add_name(phrase.name)
        if phrase.role and not entity.role:
            entity.role = phrase.role
        if role_key:
            entity.role_keys.append(role_key)
            if not phrase.role_only:
                self.bindings.pop(role_key, None)
                self.bindings[role_key] = entity
        entity.mentions.append(mention)
        return entity, False

    def _bound(self, role_key: tuple[str, ...]) -> Entity | None:
        """The latest named person bound to this role (exact first, then contained)."""
        if role_key in self.bindings:
            return self.bindings[role_key]
        wanted = set(role_key)
        if len(wanted) >= 2:
            for key, entity in reversed(self.bindings.items()):
                if wanted <= set(key):
                    return entity
        elif wanted:
            # المدرب alone: the person last named with a role headed by that title.
            for key, entity in reversed(self.bindings.items()):
                if key[:1] == role_key:
                    return entity
        return None

    def _find(self, kind: SpeakerType, key: tuple[str, ...], role_key: tuple[str, ...],
              gender: str = "") -> Entity | None:
        for entity in reversed(self.entities):
            if entity.type is not kind or (gender and entity.gender and gender != entity.gender):
                continue
            merge = kind_of(kind).merge
            if merge == "person":
                if entity.names and same_person(key, entity.key, given_name=True):
                    return entity
                if not entity.names and role_key and role_key in entity.role_keys:
                    return entity
            elif merge == "body":
                if same_body(key, entity.body_key):
                    return entity
            elif key == entity.body_key or (kind is SpeakerType.UNNAMED and len(key) == 1
                                            and entity.body_key[:1] == key):
                return entity  # وأضافت المصادر …: the sources named before (مصادر طبية)
        return None
