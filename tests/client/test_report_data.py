"""Tallying statements for the report: metadata, JSONL records, speakers across articles, CSV."""

from __future__ import annotations

import csv
import json

import pytest

from qawl.client.report_data import (ArticleMeta, all_tables, compare_form, kinds_table, lookup,
                                     month_of, months_table, outlets_table, read_jsonl, read_meta,
                                     speakers_table, statement, types_table, write_csv)
from qawl.v1 import qawl_pb2


def _quote(article_id, name, type_, kind, section=qawl_pb2.SECTION_BODY) -> qawl_pb2.Quote:
    return qawl_pb2.Quote(article_id=article_id, kind=kind, section=section,
                          speaker=qawl_pb2.SpeakerRef(name=name, type=type_))


DIRECT, INDIRECT, MIXED = qawl_pb2.QUOTE_KIND_DIRECT, qawl_pb2.QUOTE_KIND_INDIRECT, qawl_pb2.QUOTE_KIND_MIXED
PERSON, ORG = qawl_pb2.SPEAKER_TYPE_PERSON, qawl_pb2.SPEAKER_TYPE_ORGANIZATION
A = ArticleMeta("الأهرام", "2024-01")
B = ArticleMeta("فرانس24", None)


def _statements():
    return [
        statement(_quote("a.txt", "أحمد الطيب", PERSON, DIRECT), A),
        statement(_quote("a.txt", "الوزارة", ORG, INDIRECT), A),
        statement(_quote("b.txt", "احمد الطيّب", PERSON, INDIRECT), B),
        statement(_quote("b.txt", "أحمد الطيب", PERSON, MIXED), B),
        statement(_quote("c.txt", "الوزارة", ORG, INDIRECT), ArticleMeta()),
    ]


@pytest.mark.parametrize("value, month", [
    ("2024-01-19", "2024-01"), ("2024-1", "2024-01"), ("2024/03/02", "2024-03"),
    ("2024-01-19T08:00:00Z", "2024-01"), ("19 January 2024", None), ("2024-13-01", None), ("", None)])
def test_month_of_reads_iso_like_dates(value, month):
    assert month_of(value) == month


def test_names_are_compared_without_diacritics_tatweel_or_hamza_seats():
    assert compare_form("أحمد  الطيّب") == compare_form("احمد الطيب") == compare_form("إحمـد الطيب")
    assert compare_form("مصطفى") == compare_form("مصطفي")


def test_speakers_are_counted_across_articles_most_quoted_first_in_their_usual_spelling():
    table = speakers_table(_statements())
    assert table.columns == ("speaker", "type", "statements", "direct", "indirect", "mixed", "articles")
    assert table.rows == [("أحمد الطيب", "person", 3, 1, 1, 1, 2), ("الوزارة", "organisation", 2, 0, 2, 0, 2)]


def test_types_list_every_speaker_type_in_order_even_when_empty():
    rows = types_table(_statements()).rows
    assert [r[0] for r in rows] == ["person", "organisation", "country", "document", "unnamed", "group"]
    assert rows[0] == ("person", 3, 1, 1, 1, 1) and rows[2] == ("country", 0, 0, 0, 0, 0)


def test_outlets_and_months_put_the_unknown_last():
    assert outlets_table(_statements()).rows == [
        ("الأهرام", 2, 1, 1, 1, 0), ("فرانس24", 2, 1, 0, 1, 1), ("(not known)", 1, 1, 0, 1, 0)]
    assert months_table(_statements()).rows == [("2024-01", 2, 1, 1, 1, 0), ("(not known)", 3, 2, 0, 2, 1)]


def test_kinds_give_counts_and_shares():
    assert kinds_table(_statements()).rows == [("direct", 1, 0.2), ("indirect", 3, 0.6), ("mixed", 1, 0.2)]


def test_statements_outside_the_body_are_marked():
    aside = statement(_quote("a.txt", "x", PERSON, DIRECT, qawl_pb2.SECTION_RELATED), A)
    assert not aside.in_body and statement(_quote("a.txt", "x", PERSON, DIRECT), A).in_body


def test_sidecar_tables_are_read_as_tsv_or_csv_and_matched_by_id_or_file_stem(tmp_path):
    tsv = tmp_path / "meta.tsv"
    tsv.write_text("id\toutlet\tdate\nd001\tطريق الشعب\t2025-08-06\n", encoding="utf-8")
    comma = tmp_path / "m.csv"
    comma.write_text("\ufefffile,source,published\na.txt,Reuters,2024-02-01\n", encoding="utf-8")
    meta = {**read_meta(tsv), **read_meta(comma)}
    assert lookup("d001.txt", meta) == ArticleMeta("طريق الشعب", "2025-08")
    assert lookup("a.txt", meta) == ArticleMeta("Reuters", "2024-02")
    assert lookup("z.txt", meta) == ArticleMeta()


def test_a_sidecar_without_the_needed_columns_is_refused_with_what_it_has(tmp_path):
    bad = tmp_path / "meta.csv"
    bad.write_text("name,when\na,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"meta.csv: .*article_id or id or file.*it has name, when"):
        read_meta(bad)


def test_jsonl_records_parse_as_quotes_with_their_own_outlet_and_date_columns():
    record = {"id": "q1", "article_id": "a.txt", "kind": "QUOTE_KIND_DIRECT",
              "speaker": {"name": "الوزير", "type": "SPEAKER_TYPE_PERSON"},
              "outlet": "الشرق", "published": "2023-11-30"}
    [(quote, meta)] = list(read_jsonl([json.dumps(record, ensure_ascii=False), ""], "x.jsonl"))
    assert (quote.speaker.name, quote.kind, meta) == ("الوزير", DIRECT, ArticleMeta("الشرق", "2023-11"))


@pytest.mark.parametrize("line", ["not json", "[1, 2]", '{"confidence": "high"}'])
def test_a_bad_jsonl_line_is_refused_with_its_file_and_line(line):
    with pytest.raises(ValueError, match=r"^x.jsonl:2: not a qawl Quote record"):
        list(read_jsonl(['{"id": "q1"}', line], "x.jsonl"))


def test_every_table_goes_to_its_own_csv_file(tmp_path):
    tables = all_tables(_statements())
    written = write_csv(tables, tmp_path / "out")
    assert [p.name for p in written] == ["speakers.csv", "speaker_types.csv", "kinds.csv",
                                         "outlets.csv", "months.csv"]
    with (tmp_path / "out" / "speakers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["speaker", "type", "statements"] and rows[1][:3] == ["أحمد الطيب", "person", "3"]
