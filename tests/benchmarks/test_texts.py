"""The benchmark texts: seeds, concatenations and sized articles."""

from __future__ import annotations

from benchmarks.texts import JOINER, article_of_size, concatenation, seed_texts


def test_seed_texts_are_the_seed_articles_in_name_order():
    texts = seed_texts()
    assert list(texts) == sorted(texts) and len(texts) >= 5
    assert all(name.endswith(".txt") and text for name, text in texts.items())


def test_concatenation_joins_copies_as_paragraphs():
    assert concatenation("نص", 3) == JOINER.join(["نص"] * 3)


def test_article_of_size_reaches_the_size_in_utf8_bytes():
    article = article_of_size("قال الوزير", 1000)
    assert len(article.encode("utf-8")) >= 1000
    assert len(article.encode("utf-8")) < 1000 + 2 * len("قال الوزير".encode("utf-8")) + 4
