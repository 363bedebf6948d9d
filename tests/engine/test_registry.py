"""Speaker ids across the articles of one batch."""

from __future__ import annotations

from qawl.engine import SpeakerRegistry


def test_same_speaker_keeps_one_id_across_articles(extractor):
    registry = SpeakerRegistry()
    first = extractor.extract("وقال رئيس الوزراء كريم نادر إن الحكومة مستقرة.", registry)
    second = extractor.extract("وقالت النقابة إن الإضراب مستمر.\nوأكد نادر أن الحوار ممكن.", registry)
    nader = first.speakers[0]
    assert [s.id for s in second.speakers if s.name == "نادر"] == [nader.id]
    assert len({s.id for s in second.speakers}) == 2


def test_without_a_registry_each_article_numbers_from_one(extractor):
    a = extractor.extract("وقالت النقابة إن الإضراب مستمر.")
    b = extractor.extract("وقال سامي العلي إن الحكومة مستقرة.")
    assert a.speakers[0].id == b.speakers[0].id == "s1"


def test_same_input_gives_the_same_answer(extractor):
    text = "وقالت النقابة إن الإضراب مستمر.\nوأضافت أن المفاوضات متعثرة."
    assert extractor.extract(text) == extractor.extract(text)


def test_a_lookup_compares_against_people_of_the_same_surname_only(monkeypatch):
    from qawl.engine import registry as registry_module
    from qawl.engine.entities import Entity
    from qawl.engine.records import SpeakerType

    reg = registry_module.SpeakerRegistry()
    for n in range(2000):
        reg.id_for(Entity(SpeakerType.PERSON, names=[f"سالم عائلة{n}"], fullest=f"سالم عائلة{n}"))
    calls = []
    real = registry_module.same_person
    monkeypatch.setattr(registry_module, "same_person", lambda a, b: calls.append(1) or real(a, b))
    assert reg.id_for(Entity(SpeakerType.PERSON, names=["كريم عائلة7"], fullest="كريم عائلة7")) == "s2001"
    assert reg.id_for(Entity(SpeakerType.PERSON, names=["عائلة7"], fullest="عائلة7")) == "s8"
    assert len(calls) <= 3


def test_bodies_match_by_contained_words_in_either_direction():
    from qawl.engine.entities import Entity
    from qawl.engine.records import SpeakerType

    reg = SpeakerRegistry()
    first = reg.id_for(Entity(SpeakerType.ORGANIZATION, names=["وزارة الصحة"], fullest="وزارة الصحة"))
    assert reg.id_for(Entity(SpeakerType.ORGANIZATION, names=["وزارة الصحة العامة"],
                             fullest="وزارة الصحة العامة")) == first
    assert reg.id_for(Entity(SpeakerType.ORGANIZATION, names=["الصحة"], fullest="الصحة")) == first
    assert reg.id_for(Entity(SpeakerType.ORGANIZATION, names=["وزارة المالية"], fullest="وزارة المالية")) != first
