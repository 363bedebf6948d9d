"""The engine as a spaCy pipeline component: ``nlp.add_pipe("qawl_attribution")``.

Modelled on spaCy's own rule components (EntityRuler, SpanRuler): a small class made by a
registered factory, its rules are data loaded from a folder, it serialises that folder with
``to_disk`` / ``from_disk``, and it writes its results onto the Doc:

- ``doc._.qawl``: the ``Extraction`` (speakers and quotes with their evidence);
- ``doc.spans["qawl_quotes"]``: one span per quote content, labelled with its kind;
- ``doc.spans["qawl_speakers"]``: one span per speaker mention, labelled with the speaker id.

Set ``doc._.qawl_registry`` to a ``SpeakerRegistry`` before the component runs to keep speaker
ids stable across documents.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from server.engine.assemble import to_records
from server.engine.attribution import attribute
from server.engine.lexicon import DEFAULT_RULES_DIR, RULE_FILES, load_lexicon
from server.engine.records import Extraction
from server.engine.registry import SpeakerRegistry
from server.engine.tokens import Words

COMPONENT_NAME = "qawl_attribution"

for _attr in ("qawl", "qawl_registry"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


@Language.factory(COMPONENT_NAME, default_config={"rules_dir": None})
def make_attribution(nlp: Language, name: str, rules_dir: str | None) -> "QawlAttribution":
    """spaCy factory for the attribution component."""
    return QawlAttribution(nlp, name, rules_dir)


class QawlAttribution:
    """Finds attributed statements in a Doc and writes them onto it."""

    def __init__(self, nlp: Language | None = None, name: str = COMPONENT_NAME,
                 rules_dir: str | Path | None = None) -> None:
        self.name = name
        self.rules_dir = Path(rules_dir) if rules_dir else DEFAULT_RULES_DIR
        self.lexicon = load_lexicon(self.rules_dir)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` (spaCy's component protocol)."""
        self.annotate(doc, doc.text)
        return doc

    def extract(self, doc: Doc, source: str, registry: SpeakerRegistry | None = None) -> Extraction:
        """The extraction of ``doc``, made from ``source``, without writing onto the Doc."""
        registry = registry if registry is not None else SpeakerRegistry()
        return to_records(attribute(Words.from_doc(doc, source), self.lexicon), registry, source)

    def annotate(self, doc: Doc, source: str) -> Extraction:
        """Annotate ``doc``, made from ``source``, and return the extraction."""
        extraction = self.extract(doc, source, doc._.qawl_registry)
        doc._.qawl = extraction
        doc.spans["qawl_quotes"] = [
            span for q in extraction.quotes
            if (span := doc.char_span(q.start, q.end, label=q.kind.value, alignment_mode="expand"))
        ]
        doc.spans["qawl_speakers"] = [
            span for s in extraction.speakers for m in s.mentions
            if (span := doc.char_span(m.start, m.end, label=s.id, alignment_mode="expand"))
        ]
        return extraction

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        """Write the rule files into ``path`` (spaCy serialisation protocol)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name in RULE_FILES:
            shutil.copyfile(self.rules_dir / name, folder / name)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "QawlAttribution":
        """Load the rule files from ``path`` (spaCy serialisation protocol)."""
        self.rules_dir = Path(path)
        self.lexicon = load_lexicon(self.rules_dir)
        return self
