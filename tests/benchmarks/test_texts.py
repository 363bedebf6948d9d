"""The benchmark texts: seeds, concatenations and sized articles."""

from __future__ import annotations

import pytest

from benchmarks.texts import (JOINER, article_of_size, concatenation, paragraph_variants,
                              seed_texts, varied_corpus)


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


def test_paragraph_variants_are_distinct_and_made_of_the_texts_lines():
    text = "\n".join(f"سطر {i}" for i in range(6))
    variants = paragraph_variants(text, 40)
    assert variants[0] == text and len(set(variants)) == 40
    assert all(set(v.split("\n")) <= set(text.split("\n")) for v in variants)
    with pytest.raises(ValueError):
        paragraph_variants("سطر واحد", 3)


def test_varied_corpus_takes_each_seed_in_turn_with_unique_ids_and_texts():
    corpus = varied_corpus(12)
    seeds = list(seed_texts())
    assert [article_id.rsplit("-", 1)[0] + ".txt" for article_id, _ in corpus[:5]] == seeds[:5]
    assert corpus[0][1] == seed_texts()[seeds[0]]
    assert len({i for i, _ in corpus}) == len({t for _, t in corpus}) == 12
