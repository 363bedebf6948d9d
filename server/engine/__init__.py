"""qawl's extraction engine: who said what in an Arabic news article.

Pure Python over spaCy, with no gRPC import, so it runs in-process, inside the gRPC server, or
as a component in anyone's spaCy pipeline. The public surface:

- ``Extractor(rules_dir=None)``: loads the rule lexicons once; ``extract(text, registry=None)``
  returns an ``Extraction`` (speakers and quotes with their evidence).
- ``extract(text)``: the same with a shared default extractor.
- ``QawlAttribution``: the same grammar as a spaCy component, ``nlp.add_pipe("qawl_attribution")``
  with no import needed (an entry point registers it).
- ``SpeakerRegistry``: pass one registry to several ``extract`` calls so the same speaker keeps
  one id across articles (an ExtractBatch stream does this).
"""

from importlib import import_module
from typing import Any

# Public name -> the module that defines it. Loaded on first use, so that importing a light
# module such as ``qawl.engine.normalize`` (the scorer does) does not load spaCy.
_EXPORTS = {
    "Extraction": "records",
    "Mention": "records",
    "Method": "records",
    "Quote": "records",
    "QuoteKind": "records",
    "Section": "records",
    "Speaker": "records",
    "SpeakerType": "records",
    "Extractor": "pipeline",
    "extract": "pipeline",
    "QawlAttribution": "component",
    "SpeakerRegistry": "registry",
    "ExtractionStopped": "attribution",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name's module when the name is first asked for (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value
