"""The engine's output records: speakers, quotes and the evidence for each attribution.

Plain dataclasses with no dependency on spaCy or gRPC, so any caller (the gRPC server, the
evaluation command, a user's script) can consume them. All offsets are Unicode code-point
indices into the article text exactly as it was passed in, end exclusive: ``text[start:end]``
is always the record's ``text``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class SpeakerType(str, enum.Enum):
    """What kind of source made a statement."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    DOCUMENT = "document"
    UNNAMED = "unnamed"
    GROUP = "group"


class QuoteKind(str, enum.Enum):
    """How the statement is reported."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Method(str, enum.Enum):
    """How the speaker of a quote was found."""

    EXPLICIT = "explicit"
    """The speaker is the subject of the cue in the same clause."""
    CONTINUATION = "continuation"
    """A cue with no subject of its own continues the latest compatible speaker."""
    ROLE_RESOLVED = "role_resolved"
    """A role-only mention (the minister) resolved to the person named with that role."""
    SOURCING = "sourcing"
    """A sourcing phrase (according to, quoted by) names the source."""


class Strategy(str, enum.Enum):
    """Which speaker strategy named the speaker: the last part of a record's ``rule``.

    A rule reads ``<cue class>.<marker>.<strategy>``: the cue class of cues.txt (or ``label``
    for «الجهة: …»), the ``Marker`` that opened the content, and this strategy.
    """

    COORDINATED = "coordinated"
    """A second cue joined by و to the first (قال وأضاف أن): the first cue's speaker."""
    EXPLICIT = "explicit"
    """The phrase in the speaker zone after the cue, or before a «الجهة:» colon."""
    SUBJECT = "subject"
    """The words in the subject slot between the cue and the content, read by position when no
    head or name list reads them (قال بارو إن، قالت الطبيبة إن): a lower confidence."""
    PRE_VERBAL = "pre-verbal"
    """The phrase right before the cue (أن مسؤولا قال، وكانت باكستان قد ذكرت)."""
    TRANSMIT = "transmit"
    """The phrase after عن of a transmitting cue (نقلت الوكالة عن فلان قوله)."""
    WORDING = "wording"
    """What the wording is in, after في (جاء في البيان أن)."""
    SOURCING = "sourcing"
    """The phrase after حسب / وفقا لـ / طبقا لـ."""
    CONTINUATION = "continuation"
    """No subject of its own: the latest speaker that agrees with the cue."""


class Marker(str, enum.Enum):
    """What opened a statement's content: the middle part of a record's ``rule``."""

    THAT = "that"
    """أن / إن / بأن and their clitic forms."""
    COLON = "colon"
    """A colon after the speaker zone."""
    QUOTE = "quote"
    """A quotation after the speaker zone."""
    PREP = "prep"
    """A preposition of the cue class (أكد على، أعرب عن)."""
    OBJECT = "object"
    """A noun phrase object (أكد ضرورة …، وأكد مجددا رغبة …)."""
    POSTPOSED = "postposed"
    """A quotation before «، قال فلان»."""
    SOURCING = "sourcing"
    """The rest of the sentence after «حسب X،»."""
    COMMA = "comma"
    """The rest of the sentence after «قال فلان لوكالة X،» with no other marker."""
    SOURCE_AFTER = "source-after"
    """The clause before a source that ends the sentence (… بحسب البنك)."""
    BACK = "back"
    """The sentence before a back-pointing cue (أعلن ذلك فلان)."""


class Section(str, enum.Enum):
    """Which part of the page a sentence belongs to."""

    BODY = "body"
    RELATED = "related"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Mention:
    """A stretch of the article text: what it says and where."""

    text: str
    start: int
    end: int


@dataclass
class Speaker:
    """One source, clustered over all its mentions in the article.

    ``id`` is stable within one extraction and, when a ``SpeakerRegistry`` is shared, across
    all articles extracted with it.
    """

    id: str
    name: str
    type: SpeakerType
    role: str = ""
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    """One attributed statement with the evidence behind its attribution."""

    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker_id: str
    cue: Mention
    speaker_mention: Mention | None
    method: Method
    confidence: float
    sentence_index: int
    section: Section
    rule: str


@dataclass
class Extraction:
    """Everything the engine found in one article."""

    speakers: list[Speaker]
    quotes: list[Quote]

    def speaker(self, speaker_id: str) -> Speaker:
        """Return the speaker with ``speaker_id`` (every quote's speaker_id is present)."""
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)

    def to_dict(self) -> dict:
        """The extraction as plain lists, dicts, strings and numbers (JSON and msgpack safe).

        This is the form stored on a spaCy Doc, so that ``DocBin`` and ``nlp.pipe(...,
        n_process=N)`` carry the results; ``from_dict`` rebuilds the records.
        """
        return {
            "speakers": [[s.id, s.name, s.type.value, s.role, [[m.text, m.start, m.end] for m in s.mentions]]
                         for s in self.speakers],
            "quotes": [[q.id, q.text, q.start, q.end, q.kind.value, q.speaker_id,
                        [q.cue.text, q.cue.start, q.cue.end],
                        None if q.speaker_mention is None else
                        [q.speaker_mention.text, q.speaker_mention.start, q.speaker_mention.end],
                        q.method.value, q.confidence, q.sentence_index, q.section.value, q.rule]
                       for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Extraction":
        """Rebuild the records from ``to_dict``'s form."""
        speakers = [Speaker(sid, name, SpeakerType(kind), role, [Mention(*m) for m in mentions])
                    for sid, name, kind, role, mentions in data["speakers"]]
        quotes = [Quote(qid, text, start, end, QuoteKind(kind), speaker_id, Mention(*cue),
                        None if mention is None else Mention(*mention), Method(method), confidence,
                        sentence, Section(section), rule)
                  for (qid, text, start, end, kind, speaker_id, cue, mention, method, confidence,
                       sentence, section, rule) in data["quotes"]]
        return cls(speakers, quotes)
