"""Provisional engine entry point (being replaced by the rule pipeline)."""

from __future__ import annotations

import re
from pathlib import Path

from server.engine.records import Extraction, Mention, Method, Quote, QuoteKind, Section, Speaker, SpeakerType

_QUOTED = re.compile(r"[\"“«]([^\"”»\n]+)[\"”»]")


class SpeakerRegistry:
    """Keeps speaker ids stable across the articles extracted with it."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}


class Extractor:
    """Loads the rules once and extracts speakers and quotes from article texts."""

    def __init__(self, rules_dir: Path | None = None) -> None:
        self.rules_dir = rules_dir

    def extract(self, text: str, registry: SpeakerRegistry | None = None) -> Extraction:
        """Return the speakers and quotes found in ``text``."""
        speaker = Speaker(id="s1", name="unknown", type=SpeakerType.UNNAMED)
        quotes = [
            Quote(id=f"q{i}", text=m.group(1), start=m.start(1), end=m.end(1), kind=QuoteKind.DIRECT,
                  speaker_id="s1", cue=Mention("", m.start(), m.start()), speaker_mention=None,
                  method=Method.EXPLICIT, confidence=0.1, sentence_index=0, section=Section.BODY,
                  rule="provisional")
            for i, m in enumerate(_QUOTED.finditer(text), 1)
        ]
        return Extraction(speakers=[speaker] if quotes else [], quotes=quotes)


_default: Extractor | None = None


def extract(text: str, registry: SpeakerRegistry | None = None) -> Extraction:
    """Extract with a shared default ``Extractor`` (rules loaded on first use)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, registry)
