"""Shared fixtures for the engine tests: one Extractor for the whole session."""

from __future__ import annotations

import pytest

from qawl.engine import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def said(extractor):
    """``said(text)`` -> [(speaker name, kind, content, cue)] in text order."""

    def run(text: str):
        result = extractor.extract(text)
        return [
            (result.speaker(q.speaker_id).name, q.kind.value, q.text, q.cue.text)
            for q in result.quotes
        ]

    return run
