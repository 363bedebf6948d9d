"""qawl's extraction engine: who said what in an Arabic news article.

Pure Python over spaCy, with no gRPC import, so it runs in-process, inside the gRPC server, or
as a component in anyone's spaCy pipeline. The public surface:

- ``Extractor(rules_dir=None)``: loads the rule lexicons once; ``extract(text, registry=None)``
  returns an ``Extraction`` (speakers and quotes with their evidence).
- ``extract(text)``: the same with a shared default extractor.
- ``QawlAttribution``: the same grammar as a spaCy component, ``nlp.add_pipe("qawl_attribution")``
  after ``import server.engine``.
- ``SpeakerRegistry``: pass one registry to several ``extract`` calls so the same speaker keeps
  one id across articles (an ExtractBatch stream does this).
"""

from server.engine.component import QawlAttribution
from server.engine.pipeline import Extractor, extract
from server.engine.records import (
    Extraction,
    Mention,
    Method,
    Quote,
    QuoteKind,
    Section,
    Speaker,
    SpeakerType,
)
from server.engine.registry import SpeakerRegistry

__all__ = [
    "Extraction",
    "Extractor",
    "Mention",
    "QawlAttribution",
    "Method",
    "Quote",
    "QuoteKind",
    "Section",
    "Speaker",
    "SpeakerRegistry",
    "SpeakerType",
    "extract",
]
