"""Plain-English names for the contract's enum values, shared by the table, the pages and the report."""

from __future__ import annotations

from qawl.v1 import qawl_pb2

SPEAKER_TYPES = {
    qawl_pb2.SPEAKER_TYPE_PERSON: "person",
    qawl_pb2.SPEAKER_TYPE_ORGANIZATION: "organisation",
    qawl_pb2.SPEAKER_TYPE_COUNTRY: "country",
    qawl_pb2.SPEAKER_TYPE_DOCUMENT: "document",
    qawl_pb2.SPEAKER_TYPE_UNNAMED: "unnamed",
    qawl_pb2.SPEAKER_TYPE_GROUP: "group",
}
"""Speaker types in the order the report lists them."""

KINDS = {
    qawl_pb2.QUOTE_KIND_DIRECT: "direct",
    qawl_pb2.QUOTE_KIND_INDIRECT: "indirect",
    qawl_pb2.QUOTE_KIND_MIXED: "mixed",
}

SECTIONS = {
    qawl_pb2.SECTION_BODY: "body",
    qawl_pb2.SECTION_RELATED: "related-story teaser",
    qawl_pb2.SECTION_BOILERPLATE: "page furniture",
}

UNKNOWN = "unknown"


def speaker_type(value: int) -> str:
    """``person``, ``organisation``, ... or ``unknown``."""
    return SPEAKER_TYPES.get(value, UNKNOWN)


def kind(value: int) -> str:
    """``direct``, ``indirect``, ``mixed`` or ``unknown``."""
    return KINDS.get(value, UNKNOWN)


def section(value: int) -> str:
    """Where in the page a statement stands: ``body``, a teaser, page furniture or ``unknown``."""
    return SECTIONS.get(value, UNKNOWN)


def method(value: int) -> str:
    """How the speaker was found: ``explicit``, ``continuation``, ``role resolved``, ``sourcing``."""
    try:
        name = qawl_pb2.AttributionMethod.Name(value)
    except ValueError:  # a value from a newer contract
        return UNKNOWN
    return name.removeprefix("ATTRIBUTION_METHOD_").lower().replace("_", " ")
