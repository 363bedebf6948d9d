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
