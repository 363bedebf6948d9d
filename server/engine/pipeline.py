"""The extraction pipeline: text in, speakers and quotes out.

``Extractor`` owns a spaCy pipeline (blank Arabic tokenizer plus the ``qawl_attribution``
component) and the loaded lexicons. Each call tokenises the article, finds its sections and
sentences, attributes the statements of every sentence, and turns the result into records.
``SpeakerRegistry`` hands out speaker ids so that one speaker keeps one id across every article
extracted with the same registry.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from server.engine.attribution import Attributed, Attributor
from server.engine.entities import Entity, name_key, same_body, same_person
from server.engine.lexicon import Lexicon, load_lexicon
from server.engine.records import Extraction, Quote, Speaker, SpeakerType
from server.engine.sections import classify_lines
from server.engine.sentences import split_sentences
from server.engine.tokens import Words, make_nlp


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


def attribute(doc: Doc, lex: Lexicon) -> list[Attributed]:
    """Run the grammar over a tokenised article and return its attributed statements."""
    words = Words.from_doc(doc)
    attributor = Attributor(lex, words)
    for sentence in split_sentences(words, classify_lines(doc.text, lex)):
        attributor.attribute_sentence(sentence)
    return attributor.results


def to_records(found: list[Attributed], registry: SpeakerRegistry) -> Extraction:
    """Turn attributed statements into ``Speaker`` and ``Quote`` records."""
    speakers: dict[int, Speaker] = {}
    quotes: list[Quote] = []
    found = sorted(found, key=lambda r: (r.start, r.end))
    for n, item in enumerate(found, 1):
        entity = item.entity
        speaker = speakers.get(id(entity))
        if speaker is None:
            mentions = sorted(set(entity.mentions), key=lambda m: (m.start, m.end))
            speaker = Speaker(registry.id_for(entity), entity.name, entity.type, entity.role, mentions)
            speakers[id(entity)] = speaker
        draft = item.draft
        quotes.append(Quote(
            id=f"q{n}",
            text="",
            start=item.start,
            end=item.end,
            kind=draft.kind,
            speaker_id=speaker.id,
            cue=item.cue,
            speaker_mention=item.mention,
            method=item.method,
            confidence=item.confidence,
            sentence_index=draft.sentence.index,
            section=draft.sentence.section,
            rule=item.rule,
        ))
    return Extraction(speakers=list(speakers.values()), quotes=quotes)


class Extractor:
    """Loads the rules once and extracts speakers and quotes from article texts."""

    def __init__(self, rules_dir: Path | None = None) -> None:
        self.lexicon = load_lexicon(rules_dir)
        self.nlp: Language = make_nlp()

    def extract(self, text: str, registry: SpeakerRegistry | None = None) -> Extraction:
        """Return the speakers and quotes found in ``text`` (offsets in code points)."""
        doc = self.nlp(text)
        extraction = to_records(attribute(doc, self.lexicon), registry or SpeakerRegistry())
        for quote in extraction.quotes:
            quote.text = text[quote.start:quote.end]
        return extraction


_default: Extractor | None = None


def extract(text: str, registry: SpeakerRegistry | None = None) -> Extraction:
    """Extract with a shared default ``Extractor`` (rules loaded on first use)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, registry)
