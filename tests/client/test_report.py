"""``qawl report`` over article folders and JSONL records: the page, its charts and the CSV files."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter

import pytest

from qawl.client import report_charts
from qawl.client.cli import main
from tests.client.dom import parse
from tests.conftest import REPO, SEEDS


def _csv(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def seed_jsonl(tmp_path_factory, target) -> str:
    """The seeds' quotes as ``qawl extract --format jsonl`` writes them."""
    path = tmp_path_factory.mktemp("jsonl") / "seeds.jsonl"
    assert main(["extract", "--server", target, "--format", "jsonl", "--output", str(path),
                 *map(str, SEEDS)]) == 0
    return str(path)


def _records(path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def test_a_folder_is_extracted_and_counted_with_its_sidecar(target, tmp_path, seed_jsonl):
    page, out = tmp_path / "report.html", tmp_path / "csv"
    assert main(["report", "--server", target, str(REPO / "seeds"), "-o", str(page), "--csv", str(out)]) == 0
    body = [r for r in _records(seed_jsonl) if r["section"] == "SECTION_BODY"]
    speakers = _csv(out / "speakers.csv")
    assert sum(int(r["statements"]) for r in speakers) == len(body)
    top = Counter(r["speaker"]["name"] for r in body).most_common(1)[0]
    assert (speakers[0]["speaker"], int(speakers[0]["statements"])) == top
    outlets = {r["outlet"]: int(r["statements"]) for r in _csv(out / "outlets.csv")}
    by_article = Counter(r["article_id"] for r in body)
    assert outlets["فرانس24"] == by_article["001_1080877441b5f5c9.txt"]
    assert {r["month"] for r in _csv(out / "months.csv")} == {"2024-01", "(not known)"}
    kinds = {r["kind"]: int(r["statements"]) for r in _csv(out / "kinds.csv")}
    assert kinds == {k: sum(r["kind"] == f"QUOTE_KIND_{k.upper()}" for r in body)
                     for k in ("direct", "indirect", "mixed")}
    doc = parse(page.read_text(encoding="utf-8"))
    assert len(doc.find_all("svg")) == 5 and doc.find("table", id="t-speakers")
    assert f"{len(body)}statements counted" in "".join(doc.find("ul", "summary").text().split("\n"))


def test_jsonl_records_give_the_same_figures_as_the_articles(target, tmp_path, seed_jsonl):
    assert main(["report", "--server", target, *map(str, SEEDS), "--meta", str(REPO / "seeds" / "meta.tsv"),
                 "-o", str(tmp_path / "a.html"), "--csv", str(tmp_path / "a")]) == 0
    assert main(["report", seed_jsonl, "--meta", str(REPO / "seeds" / "meta.tsv"),
                 "-o", str(tmp_path / "b.html"), "--csv", str(tmp_path / "b")]) == 0
    for name in ("speakers", "speaker_types", "kinds", "outlets", "months"):
        assert _csv(tmp_path / "a" / f"{name}.csv") == _csv(tmp_path / "b" / f"{name}.csv"), name


def test_jsonl_on_stdin_with_its_own_outlet_column_and_all_sections(monkeypatch, capsys, seed_jsonl):
    lines = [dict(r, outlet="وكالة") for r in _records(seed_jsonl)]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(["report", "-", "--all-sections"]) == 0
    doc = parse(capsys.readouterr().out)
    rows = doc.find("table", id="t-outlets").find_all("tr")[1:]
    assert [[td.text() for td in row.find_all("td")][:2] for row in rows] == [["وكالة", str(len(lines))]]


def test_a_bad_record_is_named_and_the_rest_still_reported(tmp_path, capsys, seed_jsonl):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "q1"}\nnot json\n', encoding="utf-8")
    assert main(["report", seed_jsonl, str(bad), "-o", str(tmp_path / "r.html")]) == 1
    assert f"{bad}:2: not a qawl Quote record" in capsys.readouterr().err
    assert "inputs could not be read" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_folder_without_articles_and_an_unusable_sidecar_are_reported(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["report", str(tmp_path / "empty"), "-o", str(tmp_path / "r.html")]) == 1
    assert "no .txt articles in this folder" in capsys.readouterr().err
    (tmp_path / "m.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    assert main(["report", str(tmp_path / "empty"), "--meta", str(tmp_path / "m.csv")]) == 2
    assert "a metadata table needs a column" in capsys.readouterr().err


def test_without_matplotlib_the_report_says_how_to_install_it(monkeypatch, capsys, seed_jsonl):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert main(["report", seed_jsonl]) == 2
    assert "pip install 'qawl[report]'" in capsys.readouterr().err


def test_hostile_names_stay_text_in_tables_and_charts(tmp_path, capsys):
    name = '<img src=x onerror=alert(1)><script>alert(2)</script>$x^2$'
    record = {"id": "q1", "article_id": "<b>a</b>.txt", "kind": "QUOTE_KIND_DIRECT", "section": "SECTION_BODY",
              "speaker": {"name": name, "type": "SPEAKER_TYPE_PERSON"}, "outlet": '"><i>o</i>'}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["report", str(path)]) == 0
    markup = capsys.readouterr().out
    doc = parse(markup)
    assert not doc.find_all("img") and not doc.find_all("script") and not doc.find_all("i")
    cell = doc.find("table", id="t-speakers").find("td")
    assert cell.text() == name
    chart_text = [t.text() for t in doc.find("section", id="speakers").find_all("text")]
    assert name in chart_text


def test_several_charts_on_one_page_never_share_an_element_id(tmp_path, seed_jsonl):
    assert main(["report", seed_jsonl, "-o", str(tmp_path / "r.html")]) == 0
    ids = [n.attrs["id"] for n in parse((tmp_path / "r.html").read_text(encoding="utf-8")).iter()
           if "id" in n.attrs]
    assert len(ids) == len(set(ids)) and any(i.startswith("c-speakers-") for i in ids)


def test_require_passes_when_matplotlib_is_installed():
    report_charts.require()


def test_the_pages_modules_load_neither_spacy_nor_matplotlib_until_a_chart_is_drawn():
    import subprocess

    code = ("import sys, qawl.client.cli, qawl.client.article_view, qawl.client.report, "
            "qawl.client.report_page; print(sorted(m for m in ('spacy', 'matplotlib', 'qawl.engine') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
