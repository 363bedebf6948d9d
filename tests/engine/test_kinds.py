"""The speaker kinds table: one row per kind, and every part of the engine reads it."""

from __future__ import annotations

import pytest

from qawl.engine.kinds import HEAD_ATTRIBUTES, KINDS, READ_ORDER, kind_of
from qawl.engine.lexicon import Lexicon
from qawl.engine.phrases import PhraseReader
from qawl.engine.records import SpeakerType
from qawl.v1 import qawl_pb2


def test_every_speaker_type_has_exactly_one_row():
    assert sorted(k.type.value for k in KINDS) == sorted(t.value for t in SpeakerType)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type.value)
def test_a_rows_readers_and_head_lists_exist(kind):
    for reader in kind.readers:
        assert callable(getattr(PhraseReader, reader)) and reader in READ_ORDER
    for attribute in kind.heads:
        assert attribute in Lexicon.__dataclass_fields__
    assert kind.merge in ("person", "body", "exact")
    assert kind.continues in ("always", "acting", "never")


def test_every_reader_belongs_to_a_kind():
    assert sorted(READ_ORDER) == sorted(r for k in KINDS for r in k.readers)
    assert set(HEAD_ATTRIBUTES) == {a for k in KINDS for a in k.heads}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type.value)
def test_every_kind_has_its_proto_value(kind):
    assert qawl_pb2.SpeakerType.Value(f"SPEAKER_TYPE_{kind.type.name}")


def test_grouping_follows_the_table(extractor):
    assert kind_of(SpeakerType.COUNTRY).groups and not kind_of(SpeakerType.UNNAMED).groups
    (group,) = extractor.extract("وقالت تونس والجزائر إنهما ستنسقان المواقف.").speakers
    assert group.type is SpeakerType.GROUP
    speakers = extractor.extract("وقال مصدر أمني ومصدر عسكري إن الهجوم أحبط.").speakers
    assert all(s.type is not SpeakerType.GROUP for s in speakers)
