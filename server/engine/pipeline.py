"""The extraction entry point: text in, speakers and quotes out.

``Extractor`` owns a spaCy pipeline: the blank Arabic tokenizer taught to split quotation
marks, plus the ``qawl_attribution`` component with its loaded rules. ``extract`` runs the
tokenizer and the component's grammar and returns the records; it skips writing spans onto the
Doc, which only users of the spaCy pipeline read.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from server.engine.component import COMPONENT_NAME, QawlAttribution
from server.engine.records import Extraction
from server.engine.registry import SpeakerRegistry
from server.engine.tokens import make_nlp, tokenizable


class Extractor:
    """Loads the rules once and extracts speakers and quotes from article texts."""

    def __init__(self, rules_dir: Path | str | None = None) -> None:
        self.nlp: Language = make_nlp()
        config = {"rules_dir": str(rules_dir) if rules_dir else None}
        self.component: QawlAttribution = self.nlp.add_pipe(COMPONENT_NAME, config=config)

    @property
    def lexicon(self):
        """The loaded rule lexicons."""
        return self.component.lexicon

    def extract(self, text: str, registry: SpeakerRegistry | None = None) -> Extraction:
        """Return the speakers and quotes found in ``text`` (offsets in code points)."""
        return self.component.extract(self.nlp.make_doc(tokenizable(text)), text, registry)


_default: Extractor | None = None


def extract(text: str, registry: SpeakerRegistry | None = None) -> Extraction:
    """Extract with a shared default ``Extractor`` (rules loaded on first use)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, registry)
