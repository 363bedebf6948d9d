"""The speaker kinds, defined once: one row of ``KINDS`` each.

A row says, for one ``SpeakerType``: which rules lists hold the words that head its mentions,
which reader of ``PhraseReader`` reads a mention's extent (in the order ``READ_ORDER`` tries
them), how its gender and number are read, whether it may stand in a group (X وY), how two
mentions are found to be one speaker (within an article and across a batch), and whether a
mention of it in passing may be continued by a later cue.

A new kind is a row here, its rules file (read into the lexicon attribute the row names), and
a ``SPEAKER_TYPE_<NAME>`` value in the proto, which the server maps by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from qawl.engine.records import SpeakerType


@dataclass(frozen=True)
class Kind:
    """One speaker kind."""

    type: SpeakerType
    heads: tuple[str, ...]
    """Lexicon attributes whose entries head a mention of this kind (none: read by its form)."""
    readers: tuple[str, ...]
    """``PhraseReader`` methods that read a mention's extent from its first token."""
    agreement: str
    """Where its gender and number come from, for the cues that must agree with it."""
    groups: bool
    """May it be one member of a group speaker (تونس والجزائر، الوزير ونظيره)?"""
    merge: str
    """How two mentions are one speaker: ``person`` (same surname, one's words within the
    other's), ``body`` (one's words within the other's), ``exact`` (the same words)."""
    continues: str
    """Whether a mention that has not spoken can be the speaker a continuation cue goes on
    with: ``always``, ``acting`` (only when it acts in its clause, not when mentioned in
    passing after a preposition or in a relative clause) or ``never`` (only as a cue's subject)."""


KINDS = (
    Kind(SpeakerType.PERSON, ("titles", "counterparts"), ("read_role", "read_name", "read_surname",
         "read_described_name"),
         "a feminine title (وزيرة), a woman's given name, or the verb it is subject of", True, "person",
         "always"),
    Kind(SpeakerType.COUNTRY, ("places", "place_phrases"), ("read_place",),
         "feminine, as states are", True, "exact", "never"),
    Kind(SpeakerType.ORGANIZATION, ("organizations", "organization_phrases"), ("read_body",),
         "the head's ending (وزارة: feminine)", True, "body", "acting"),
    Kind(SpeakerType.DOCUMENT, ("documents",), ("read_document",),
         "the head's ending (الوثيقة: feminine)", False, "body", "acting"),
    Kind(SpeakerType.UNNAMED, ("unnamed",), ("read_unnamed",),
         "masculine; plural for a plural head (مصادر، مسؤولون)", False, "exact", "always"),
    Kind(SpeakerType.GROUP, (), ("read_pair",),
         "a pair: dual and plural cues (قالتا، قالوا)", False, "exact", "always"),
)
"""The speaker kinds (a group is mostly made of two grouping mentions; its own reader reads
a dual, الوزيران)."""

BY_TYPE = {kind.type: kind for kind in KINDS}

READ_ORDER = ("read_role", "read_pair", "read_place", "read_body", "read_document", "read_unnamed", "read_name",
              "read_surname", "read_described_name")
"""The readers in the order a mention's first token is tried: a lexicon head before a bare
name, so وزير الخارجية is a role, not a name."""

HEAD_ATTRIBUTES = tuple(attribute for kind in KINDS for attribute in kind.heads)
"""Every lexicon attribute that heads a mention of some kind."""


def kind_of(speaker_type: SpeakerType) -> Kind:
    """The row of ``speaker_type``."""
    return BY_TYPE[speaker_type]
