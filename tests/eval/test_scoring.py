"""Scoring predictions against gold annotations: every rule of FORMAT.md on small texts."""

from __future__ import annotations

import json

import pytest

from qawl.eval.scoring import error_classes
from qawl.eval import (
    GoldError,
    evaluate,
    evaluate_dir,
    predictions_from_extraction,
    score_article,
    speaker_is_right,
)
from qawl.engine.records import (
    Extraction,
    Mention,
    Method,
    Quote,
    QuoteKind,
    Section,
    Speaker,
    SpeakerType,
)

FIRST = "الاقتصاد ينمو بسرعة كبيرة هذا العام"
SECOND = "البطالة تتراجع في كل المحافظات"
WISH = "يأمل الجميع في السلام"
TEXT = f"قال وزير المالية أحمد سعيد إن {FIRST}. " f"وأضاف أن {SECOND}. " f"ودعا إلى أن {WISH}."


def statement(
    content, speaker="أحمد سعيد", kind="indirect", required=True, aliases=(), occurrence=1
):
    return {
        "speaker": speaker,
        "aliases": list(aliases),
        "kind": kind,
        "content": content,
        "occurrence": occurrence,
        "required": required,
    }


GOLD = {
    "statements": [
        statement(FIRST, aliases=["وزير المالية"]),
        statement(SECOND, aliases=["وزير المالية"]),
        statement(WISH, required=False),
    ]
}


def pred(content, speaker="أحمد سعيد", kind="indirect", text=TEXT, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = text.index(content, start + 1)
    return {"start": start, "end": start + len(content), "speaker": speaker, "kind": kind}


def span(start, end, speaker="أحمد سعيد", kind="indirect"):
    return {"start": start, "end": end, "speaker": speaker, "kind": kind}


def score(predictions, gold=GOLD, text=TEXT):
    return score_article("a.txt", text, predictions, gold)


def test_exact_predictions_score_perfectly():
    result = score([pred(FIRST), pred(SECOND)])
    c = result.counts
    assert (c.required, c.counted, c.matched, c.attributed, c.kind_right) == (2, 2, 2, 2, 2)
    assert c.span_f1 == c.attribution_f1 == c.kind_accuracy == 1.0
    assert not (
        result.misses or result.false_positives or result.wrong_speakers or result.kind_errors
    )


def test_span_with_half_of_the_statement_and_half_inside_matches():
    start = TEXT.index(FIRST)
    half = (len(FIRST) + 1) // 2
    assert score([span(start, start + half)]).counts.matched == 1
    assert score([span(start, start + half - 1)]).counts.matched == 0


def test_span_mostly_outside_the_statement_does_not_match():
    start = TEXT.index(FIRST)
    end = start + len(FIRST)
    # covers the whole statement but more than as much again of text around it
    result = score([span(0, end + len(FIRST) + 4)], gold={"statements": [GOLD["statements"][0]]})
    assert result.counts.matched == 0
    assert result.counts.counted == 1 and len(result.false_positives) == 1


def test_split_statement_is_credited_to_its_larger_part_and_the_smaller_is_false():
    start = TEXT.index(FIRST)
    cut = start + len(FIRST) // 2 + 2
    result = score([span(start, cut), span(cut, start + len(FIRST)), pred(SECOND)])
    c = result.counts
    assert (c.matched, c.counted) == (2, 3) and not result.misses
    ((smaller, of),) = result.false_positives
    assert smaller.start == cut and of is None


def test_split_statement_in_two_equal_halves_credits_one_and_counts_the_other_false():
    content = "أب" * 10
    text = f"قال زيد إن {content}."
    start = text.index(content)
    gold = {"statements": [statement(content, speaker="زيد")]}
    result = score_article(
        "a.txt", text, [span(start, start + 10, "زيد"), span(start + 10, start + 20, "زيد")], gold
    )
    assert result.counts.matched == 1 and result.counts.counted == 2
    duplicate, of = result.false_positives[0]
    assert of.content == content


def test_merged_statements_credit_one_and_miss_the_other():
    text = f"قال زيد إن {FIRST} و{FIRST[:-4]}."
    a = text.index(FIRST)
    b = text.index(FIRST[:-4], a + 1)
    gold = {"statements": [statement(FIRST, "زيد"), statement(FIRST[:-4], "زيد", occurrence=2)]}
    result = score_article("a.txt", text, [span(a, b + len(FIRST) - 4, "زيد")], gold)
    assert result.counts.matched == 1 and result.counts.counted == 1
    assert len(result.misses) == 1


def test_merged_prediction_yields_to_an_exact_one():
    text = f"قال زيد إن {FIRST} و{FIRST[:-4]}."
    a = text.index(FIRST)
    b = text.index(FIRST[:-4], a + 1)
    gold = {"statements": [statement(FIRST, "زيد"), statement(FIRST[:-4], "زيد", occurrence=2)]}
    merged = span(a, b + len(FIRST) - 4, "زيد")
    exact_first = span(a, a + len(FIRST), "زيد")
    result = score_article("a.txt", text, [merged, exact_first], gold)
    assert result.counts.matched == 1 and result.counts.counted == 2
    ((loser, of),) = result.false_positives
    assert (loser.start, loser.end) == (merged["start"], merged["end"]) and of.start == a


def test_prediction_matching_two_statements_is_credited_with_the_free_one():
    # with no gap between them, a span over two equal statements matches both
    text = "قال زيد إن " + "أب" * 5 + "تث" * 5 + "."
    a = text.index("أب")
    gold = {"statements": [statement("أب" * 5, "زيد"), statement("تث" * 5, "زيد")]}
    both = span(a, a + 20, "زيد")
    first = span(a, a + 10, "زيد")
    result = score_article("a.txt", text, [both, first], gold)
    assert result.counts.matched == 2 and result.counts.counted == 2 and not result.misses


def test_duplicate_prediction_is_a_false_positive():
    result = score([pred(FIRST), pred(FIRST), pred(SECOND)])
    assert result.counts.counted == 3 and result.counts.matched == 2
    assert result.counts.span_precision == pytest.approx(2 / 3)


def test_duplicate_with_the_right_speaker_is_credited_before_the_wrong_one():
    result = score([pred(FIRST, speaker="زيد"), pred(FIRST), pred(SECOND)])
    assert result.counts.attributed == 2
    assert result.false_positives[0][0].speaker == "زيد"


def test_prediction_matching_only_an_optional_statement_is_left_out():
    result = score([pred(FIRST), pred(SECOND), pred(WISH)])
    c = result.counts
    assert (c.counted, c.matched, c.neutral) == (2, 2, 1)
    assert c.span_precision == 1.0


def test_prediction_matching_nothing_is_a_false_positive():
    result = score([pred(FIRST), pred(SECOND), pred("وزير المالية")])
    assert result.counts.span_precision == pytest.approx(2 / 3)
    assert result.false_positives[0][1] is None


def test_unmatched_required_statement_is_a_miss():
    result = score([pred(FIRST)])
    assert result.counts.span_recall == 0.5
    assert [s.content for s in result.misses] == [SECOND]


def test_alias_is_a_right_speaker():
    result = score([pred(FIRST, speaker="وزير المالية"), pred(SECOND, speaker="وزير الخارجية")])
    assert result.counts.attributed == 1
    assert [p.speaker for p, _ in result.wrong_speakers] == ["وزير الخارجية"]
    assert result.counts.attribution_f1 == pytest.approx(0.5)
    assert result.counts.span_f1 == 1.0


def test_name_containing_the_last_word_of_the_canonical_name_is_right():
    gold_statement = score([], gold={"statements": [statement(FIRST)]}).misses[0]
    assert speaker_is_right("سعيد", gold_statement)
    assert speaker_is_right("الوزير أحمد محمود سعيد", gold_statement)
    assert not speaker_is_right("أحمد", gold_statement)
    assert not speaker_is_right("سعيدان", gold_statement)
    assert not speaker_is_right("", gold_statement)


def test_speaker_names_compare_after_normalisation():
    gold_statement = score(
        [],
        gold={"statements": [statement(FIRST, speaker="مصطفى إبراهيم", aliases=["وزارة الصحة"])]},
    ).misses[0]
    assert speaker_is_right("مُصطفي  ابراهيم", gold_statement)
    assert speaker_is_right("وزاره\nالصحـة", gold_statement)


def test_kind_accuracy_is_over_matched_required_statements():
    result = score([pred(FIRST, kind="direct"), pred(SECOND), pred(WISH, kind="direct")])
    assert result.counts.kind_right == 1 and result.counts.kind_accuracy == 0.5
    ((p, s),) = result.kind_errors
    assert (p.kind, s.kind) == ("direct", "indirect")


def test_kind_may_be_a_string_enum():
    assert score([pred(FIRST, kind=QuoteKind.INDIRECT)]).counts.kind_right == 1


def test_occurrence_picks_the_later_copy_of_repeated_content():
    text = f"قال زيد إن {SECOND}. وقال عمرو إن {SECOND}."
    gold = {"statements": [statement(SECOND, speaker="عمرو", occurrence=2)]}
    first = score_article("a.txt", text, [pred(SECOND, "عمرو", text=text)], gold)
    second = score_article("a.txt", text, [pred(SECOND, "عمرو", text=text, occurrence=2)], gold)
    assert first.counts.matched == 0 and second.counts.matched == 1


def test_content_not_in_the_text_is_an_error_naming_the_article():
    gold = {"statements": [statement(SECOND, occurrence=2)]}
    with pytest.raises(GoldError, match="a.txt.*statement 1.*occurrence 2"):
        score([], gold=gold)


def test_unknown_kind_in_gold_is_an_error():
    with pytest.raises(GoldError, match="kind"):
        score([], gold={"statements": [statement(FIRST, kind="quoted")]})


def test_prediction_outside_the_text_is_an_error():
    with pytest.raises(ValueError, match="outside"):
        score([span(0, len(TEXT) + 1)])


def test_nothing_to_find_and_nothing_found_is_perfect():
    c = score([], gold={"statements": []}).counts
    assert c.span_precision == c.span_recall == c.span_f1 == 1.0


def test_overall_sums_the_counts_of_all_articles():
    result = evaluate(
        [("a.txt", TEXT, [pred(FIRST)], GOLD), ("b.txt", TEXT, [pred(FIRST), pred(SECOND)], GOLD)]
    )
    overall = result.overall
    assert (overall.required, overall.matched, overall.counted) == (4, 3, 3)
    assert overall.span_recall == 0.75


def test_report_lists_figures_and_in_verbose_the_findings():
    result = evaluate(
        [("a.txt", TEXT, [pred(FIRST, speaker="زيد", kind="direct"), pred("وزير المالية")], GOLD)]
    )
    brief = result.format_report(verbose=False)
    assert "a.txt" in brief and "overall" in brief and "0.500" in brief
    assert "  missed     [" not in brief
    verbose = result.format_report(verbose=True)
    for finding in ("  missed     [", "speaker", "false pos.", "kind"):
        assert finding in verbose
    assert "البطالة تتراجع" in verbose


def test_evaluate_dir_reads_each_article_and_its_gold(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "001_a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "001_a.json").write_text(
        json.dumps({"article": "001_a.txt", **GOLD}), encoding="utf-8"
    )
    seen = []

    def extract(text):
        seen.append(text)
        return [pred(FIRST), pred(SECOND)]

    result = evaluate_dir(extract, [tmp_path / "001_a.txt"], tmp_path / "gold")
    assert seen == [TEXT]
    assert result.articles[0].name == "001_a.txt" and result.overall.attribution_f1 == 1.0


def test_evaluate_dir_names_a_missing_gold_file(tmp_path):
    (tmp_path / "002_b.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(GoldError, match="002_b.json"):
        evaluate_dir(lambda text: [], [tmp_path / "002_b.txt"], tmp_path)


def test_engine_records_become_prediction_dicts():
    start = TEXT.index(FIRST)
    quote = Quote(
        id="q1",
        text=FIRST,
        start=start,
        end=start + len(FIRST),
        kind=QuoteKind.INDIRECT,
        speaker_id="s1",
        cue=Mention("قال", 0, 3),
        speaker_mention=None,
        method=Method.EXPLICIT,
        confidence=0.9,
        sentence_index=0,
        section=Section.BODY,
        rule="test",
    )
    extraction = Extraction([Speaker("s1", "أحمد سعيد", SpeakerType.PERSON)], [quote])
    predictions = predictions_from_extraction(extraction)
    assert predictions == [
        {
            "start": start,
            "end": start + len(FIRST),
            "speaker": "أحمد سعيد",
            "kind": QuoteKind.INDIRECT,
            "rule": "test",
        }
    ]
    assert score(predictions).counts.attributed == 1


def test_errors_are_classed_and_tallied_by_rule():
    short = TEXT.index(SECOND)
    predictions = [
        {**pred(FIRST, speaker="زيد"), "rule": "speech.that.explicit"},   # wrong speaker
        {**span(short, short + 3), "rule": "speech.that.continuation"},    # boundary: too short
        {**pred("وزير المالية"), "rule": "label.colon.explicit"},          # false: no statement
    ]
    result = evaluate([("a.txt", TEXT, predictions, GOLD)])
    (article,) = result.articles
    # the too-short span touches the second statement, so that one is a boundary error, not a miss
    assert sorted(cls for cls, _ in error_classes(article)) == ["boundary", "false", "wrong speaker"]
    assert result.error_counts() == {"wrong speaker": 1, "boundary": 1, "missed": 0, "false": 1, "duplicate": 0}
    rules = result.by_rule()
    assert rules["speech.that.explicit"]["wrong speaker"] == 1
    assert rules["speech.that.continuation"]["boundary"] == 1
    assert rules["label.colon.explicit"]["false"] == 1
    report = result.format_report()
    assert "errors: wrong speaker 1, boundary 1, missed 0, false 1, duplicate 0" in report
    assert error_classes(score([pred(FIRST)])) == [("missed", None)]
    assert "speech.that.explicit" in report


def test_a_second_prediction_of_a_credited_statement_is_a_duplicate():
    result = evaluate([("a.txt", TEXT, [{**pred(FIRST), "rule": "r"}, {**pred(FIRST), "rule": "r"},
                                        pred(SECOND)], GOLD)])
    assert result.error_counts()["duplicate"] == 1
    assert result.by_rule()["r"] == {"right": 1, "wrong speaker": 0, "boundary": 0, "false": 0, "duplicate": 1}


def test_every_match_is_kept_and_the_verbose_report_marks_the_right_ones():
    result = score([pred(FIRST), pred(SECOND, speaker="زيد")])
    assert [s.content for _, s in result.matches] == [FIRST, SECOND]
    report = evaluate([("a.txt", TEXT, [pred(FIRST), pred(SECOND, speaker="زيد")], GOLD)]
                      ).format_report(verbose=True)
    [match] = [line for line in report.splitlines() if line.startswith("  match ")]
    assert FIRST[:10] in match
    [wrong] = [line for line in report.splitlines() if line.startswith("  speaker ")]
    assert SECOND[:10] in wrong


@pytest.mark.parametrize("content, complaint", [
    ("{not json", "not a JSON annotation file"),
    ("[]", "JSON object"),
    ('{"statements": 3}', "list of objects"),
    ('{"statements": [1]}', "list of objects"),
])
def test_a_malformed_gold_file_is_an_error_naming_it(tmp_path, content, complaint):
    from qawl.eval import load_gold

    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=complaint) as caught:
        load_gold(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_a_non_numeric_occurrence_is_an_error_naming_the_article():
    gold = {"statements": [statement(FIRST, occurrence="first")]}
    with pytest.raises(GoldError, match="a.txt: statement 1 has occurrence 'first'"):
        score([], gold=gold)
