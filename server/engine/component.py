"""The engine as a spaCy pipeline component: ``nlp.add_pipe("qawl_attribution")``.

Modelled on spaCy's own rule components (SpanRuler, EntityRuler): a ``Pipe`` made by a
registered factory (and an entry point, so no import is needed), its rules are data loaded from
a folder, it serialises that data with ``to_disk`` / ``to_bytes``, and it writes its results
onto the Doc:

- ``doc._.qawl``: the ``Extraction`` (speakers and quotes with their evidence), rebuilt from
  ``doc._.qawl_data``, its plain-data form, which ``DocBin`` and ``nlp.pipe(n_process=N)`` carry;
- ``doc.spans["qawl_quotes"]``: one span per quote content, labelled with its kind;
- ``doc.spans["qawl_speakers"]``: one span per speaker mention, labelled with the speaker id.

The grammar reads qawl's own tokens (``qawl.tokenizer.v1``, which splits quotation marks). In a
pipeline with another tokenizer the component warns once and tokenizes the text itself, so the
records are the same whatever the pipeline; only the spans snap to that pipeline's tokens.

Config: ``rules_dir`` (a rules folder; default the packaged rules) and ``dictionary`` (the
Hunspell language of the ordinary-word test, ``"ar"``; loading fails with the packages to
install when it is missing; ``null`` runs without it, with weaker name finding).

Set ``doc._.qawl_registry`` to a ``SpeakerRegistry`` before the component runs to keep speaker
ids stable across documents, and ``doc._.qawl_stop`` to a callable that answers True when the
extraction should stop (``ExtractionStopped`` is raised between sentences); the component takes
both off the Doc, so the Doc stays serialisable.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from qawl.engine.assemble import to_records
from qawl.engine.attribution import attribute
from qawl.engine.chunk_tokenizer import SOURCE_KEY, ChunkTokenizer
from qawl.engine.lexicon import DEFAULT_RULES_DIR, Lexicon, RuleTexts, lexicon_from_texts, read_rule_texts, write_rule_texts
from qawl.engine.records import Extraction
from qawl.engine.registry import SpeakerRegistry
from qawl.engine.tokens import Words, build_tokenizer, splits_quotes
from qawl.engine.wordcheck import DEFAULT_LANGUAGE, Dictionary

COMPONENT_NAME = "qawl_attribution"
SPANS_QUOTES = "qawl_quotes"
SPANS_SPEAKERS = "qawl_speakers"


def _extraction(doc: Doc) -> Extraction | None:
    data = doc._.qawl_data
    return None if data is None else Extraction.from_dict(data)


if not Doc.has_extension("qawl_data"):
    Doc.set_extension("qawl_data", default=None)
if not Doc.has_extension("qawl"):
    Doc.set_extension("qawl", getter=_extraction)
if not Doc.has_extension("qawl_registry"):
    Doc.set_extension("qawl_registry", default=None)
if not Doc.has_extension("qawl_stop"):
    Doc.set_extension("qawl_stop", default=None)


@Language.factory(
    COMPONENT_NAME,
    default_config={"rules_dir": None, "dictionary": DEFAULT_LANGUAGE},
    assigns=["doc._.qawl_data", "doc.spans"],
)
def make_attribution(nlp: Language, name: str, rules_dir: str | None,
                     dictionary: str | None) -> "QawlAttribution":
    """spaCy factory for the attribution component."""
    return QawlAttribution(nlp, name, rules_dir, dictionary)


class QawlAttribution(Pipe):
    """Finds attributed statements in a Doc and writes them onto it."""

    def __init__(self, nlp: Language | None = None, name: str = COMPONENT_NAME,
                 rules_dir: str | Path | None = None, dictionary: str | None = DEFAULT_LANGUAGE) -> None:
        self.name = name
        # The ordinary-word test behind the name grammar; an empty ``dictionary`` setting turns
        # it off explicitly (every word may then be a name). A missing one is an error, not a
        # silent loss of accuracy.
        self.dictionary = Dictionary.load(dictionary) if dictionary else None
        self.texts: RuleTexts = read_rule_texts(rules_dir or DEFAULT_RULES_DIR)
        self.lexicon: Lexicon = self._lexicon(self.texts)
        own = nlp is not None and isinstance(nlp.tokenizer, ChunkTokenizer)
        self._tokenize: Callable[[str], Doc] | None = None
        if nlp is not None and not own:
            if not splits_quotes(nlp.tokenizer):
                warnings.warn(
                    f"{name}: this pipeline's tokenizer does not split quotation marks off words; "
                    "the component tokenizes the text with qawl's tokenizer itself, and its spans "
                    'snap to this pipeline\'s tokens (use [nlp.tokenizer] @tokenizers = '
                    '"qawl.tokenizer.v1" for exact spans)', stacklevel=2)
            self._tokenize = build_tokenizer(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` (spaCy's component protocol)."""
        self.annotate(doc)
        return doc

    def annotate(self, doc: Doc) -> Extraction:
        """Write the extraction onto ``doc`` as ``__call__`` does, and return it (spares a caller
        that runs the pipeline itself rebuilding it from the Doc)."""
        registry, should_stop = doc._.qawl_registry, doc._.qawl_stop
        doc._.qawl_registry = doc._.qawl_stop = None
        extraction = self.extract(doc, registry, should_stop)
        doc._.qawl_data = extraction.to_dict()
        doc.spans[SPANS_QUOTES] = [
            span for q in extraction.quotes
            if (span := doc.char_span(q.start, q.end, label=q.kind.value, alignment_mode="expand"))
        ]
        doc.spans[SPANS_SPEAKERS] = [
            span for s in extraction.speakers for m in s.mentions
            if (span := doc.char_span(m.start, m.end, label=s.id, alignment_mode="expand"))
        ]
        return extraction

    def extract(self, doc: Doc, registry: SpeakerRegistry | None = None,
                should_stop: Callable[[], bool] | None = None) -> Extraction:
        """The extraction of ``doc``, without writing onto it (``should_stop``: see ``attribute``)."""
        registry = registry if registry is not None else SpeakerRegistry()
        text = doc.user_data.pop(SOURCE_KEY, None) or doc.text
        tokens = doc if self._tokenize is None else self._tokenize(text)
        return to_records(attribute(Words.from_doc(tokens, text), self.lexicon, should_stop), registry, text)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The rule texts as bytes (spaCy serialisation protocol)."""
        return srsly.msgpack_dumps(self.texts)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "QawlAttribution":
        """Load rule texts from ``to_bytes``'s output."""
        self._load(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rule files into ``path``, as a rules folder."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        write_rule_texts(self.texts, folder)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "QawlAttribution":
        """Load the rule files from ``path``."""
        self._load(read_rule_texts(path))
        return self

    def _load(self, texts: RuleTexts) -> None:
        self.lexicon = self._lexicon(texts)
        self.texts = texts

    def _lexicon(self, texts: RuleTexts) -> Lexicon:
        lexicon = lexicon_from_texts(texts)
        lexicon.dictionary = self.dictionary
        return lexicon
