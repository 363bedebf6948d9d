"""A small article archive for the batch tests: real seed texts, varied, plus bad records."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.texts import varied_corpus

MAX_CHARS = 8_000
"""The limit the tests run with: every seed variant fits, the long article does not."""

GOOD = varied_corpus(15)

BAD = {
    "empty": "",
    "blank": " \n\t \u00a0",
    "long": "قال الوزير إن الخطة ناجحة. " * 400,
}
"""Records with an id whose text cannot be extracted, by id."""


def records() -> list[dict]:
    """The archive's records in file order: good articles with outlets and dates, then bad."""
    rows = [{"id": article_id, "text": text, "outlet": f"outlet-{i % 3}",
             "date": f"2024-{i % 4 + 1:02d}-{i % 27 + 1:02d}", "url": f"https://example.org/{i}"}
            for i, (article_id, text) in enumerate(GOOD)]
    rows += [{"id": article_id, "text": text} for article_id, text in BAD.items()]
    rows.append({"text": GOOD[0][1]})                                     # no id
    rows.append({"id": "   ", "text": GOOD[1][1]})                        # blank id
    rows.append({"id": GOOD[2][0], "text": GOOD[2][1]})                   # an exact copy
    rows.append({"id": "twice", "text": GOOD[3][1]})                      # one id, two texts
    rows.append({"id": "twice", "text": GOOD[4][1]})
    rows.append({"id": 77, "text": GOOD[5][1]})                           # a number as id
    return rows


def write_jsonl(path: Path) -> Path:
    """The archive as JSON lines, with one line that is not JSON at all."""
    lines = [json.dumps(row, ensure_ascii=False) for row in records()]
    lines.insert(7, "{this is not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


EXPECTED_ERRORS = [
    ("empty", "empty_text"), ("blank", "empty_text"), ("long", "too_long"),
    (None, "missing_id"), ("   ", "missing_id"), (GOOD[2][0], "duplicate_id"),
    ("twice", "duplicate_id"), ("twice", "duplicate_id"), (None, "malformed_record"),
]
"""(article id, reason) of every record the JSON lines archive should reject."""

EXTRACTED = [article_id for article_id, _ in GOOD] + ["77"]
"""Ids of the articles the JSON lines archive should extract."""

TEXTS = dict(GOOD) | {"77": GOOD[5][1]}
