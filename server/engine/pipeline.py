"""The extraction entry point: text in, speakers and quotes out.

``Extractor`` owns the one extraction pipeline: a blank Arabic pipeline whose tokenizer is the
registered ``qawl.tokenizer.v1`` (``tokens.PIPELINE_CONFIG``), plus the ``qawl_attribution``
component with its loaded rules. ``extract`` runs exactly that pipeline's components in order,
as a spaCy user's ``nlp(text)`` does, and returns the records the component wrote onto the Doc
(taken from the component, not rebuilt from the Doc's plain-data copy).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from qawl.engine.component import COMPONENT_NAME, QawlAttribution
from qawl.engine.records import Extraction
from qawl.engine.registry import SpeakerRegistry
from qawl.engine.tokens import make_nlp


def make_pipeline(rules_dir: Path | str | None = None) -> Language:
    """qawl's extraction pipeline: qawl's tokenizer and the attribution component."""
    nlp = make_nlp()
    nlp.add_pipe(COMPONENT_NAME, config={"rules_dir": str(rules_dir) if rules_dir else None})
    return nlp


class Extractor:
    """Loads the rules once and extracts speakers and quotes from article texts."""

    def __init__(self, rules_dir: Path | str | None = None) -> None:
        self.nlp: Language = make_pipeline(rules_dir)
        self.component: QawlAttribution = self.nlp.get_pipe(COMPONENT_NAME)

    @property
    def lexicon(self):
        """The loaded rule lexicons."""
        return self.component.lexicon

    def extract(self, text: str, registry: SpeakerRegistry | None = None,
                should_stop: Callable[[], bool] | None = None) -> Extraction:
        """Return the speakers and quotes found in ``text`` (offsets in code points).

        ``should_stop`` is asked between sentences; when it answers True, ``ExtractionStopped``
        is raised (a server passes its call's deadline and cancellation).
        """
        doc = self.nlp.make_doc(text)
        doc._.qawl_registry = registry
        doc._.qawl_stop = should_stop
        extraction = None
        for _, process in self.nlp.pipeline:  # the pipeline's components in order, as nlp(doc)
            if process is self.component:
                extraction = process.annotate(doc)
            else:
                doc = process(doc)
        assert extraction is not None
        return extraction


_default: Extractor | None = None


def extract(text: str, registry: SpeakerRegistry | None = None) -> Extraction:
    """Extract with a shared default ``Extractor`` (rules loaded on first use)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, registry)
