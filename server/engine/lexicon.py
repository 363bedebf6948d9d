"""Loads the rule lexicons (plain text files in ``rules/``) into lookup tables.

The rules are data so that a user can read and extend them without touching the grammar:
every file is one entry a line, ``#`` starts a comment, ``[name]`` starts a section. Entries are
stored normalised (``normalize``), the same way article words are looked up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from server.engine.normalize import normalize

DEFAULT_RULES_DIR = Path(__file__).with_name("rules")

RULE_FILES = (
    "cues.txt",
    "titles.txt",
    "counterparts.txt",
    "unnamed.txt",
    "documents.txt",
    "organizations.txt",
    "places.txt",
    "sections.txt",
    "function_words.txt",
)


@dataclass(frozen=True)
class CueEntry:
    """One inflected cue form: its lemma, how it reports, and its agreement features."""

    form: str
    lemma: str
    cls: str
    gender: str  # "m", "f" or "" (unknown)
    number: str  # "sg", "du", "pl"


@dataclass
class Lexicon:
    """All lookup tables the grammar uses, keyed by normalised form."""

    cues: dict[str, CueEntry] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    counterparts: set[str] = field(default_factory=set)
    unnamed: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    organizations: set[str] = field(default_factory=set)
    organization_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    place_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    related_markers: list[str] = field(default_factory=list)
    boilerplate_markers: list[str] = field(default_factory=list)
    prepositions: set[str] = field(default_factory=set)
    time_words: set[str] = field(default_factory=set)
    adverbs: set[str] = field(default_factory=set)
    particles: set[str] = field(default_factory=set)

    def is_nationality(self, token: str) -> bool:
        """A nisba adjective of a listed country (ايراني، قطري، سعودي), article removed."""
        if len(token) <= 3 or not token.endswith(("ي", "يه")):
            return False
        stem = token[:-2] if token.endswith("يه") else token[:-1]
        return any(form in self.places for form in (stem, stem + "ا", "ال" + stem, stem + "يه", "ال" + stem + "يه"))


def read_sections(path: Path) -> dict[str, list[str]]:
    """Read a rules file into ``{section: [entry, ...]}`` (entries before any header: ``""``)."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line)
    return sections


def cue_agreement(form: str, lemma: str, cls: str) -> tuple[str, str]:
    """Read gender and number off a cue form's affixes, relative to its lemma.

    Past tense: قال (m.sg), قالت (f.sg), قالا (m.du), قالتا (f.du), قالوا (m.pl); present:
    يقول (m), تقول (f), with ان / ون for dual and plural; participles: مؤكدا (m), مؤكدة (f),
    مؤكدين (pl). Verbal nouns and sourcing words carry no agreement.
    """
    if cls in ("noun", "sourcing"):
        return "", ""
    if cls == "participle":
        if form.endswith("تين"):
            return "f", "du"
        if form.endswith("ين"):
            return "m", "pl"
        if form.endswith("ه"):
            return "f", "sg"
        return "m", "sg"
    stem = lemma[:-1] if lemma.endswith(("ا", "ي")) else lemma
    if form == lemma:
        return "m", "sg"
    if form[0] in "يت" and not form.startswith(stem):
        gender = "m" if form[0] == "ي" else "f"
        if form.endswith("ان"):
            return gender, "du"
        if form.endswith("ون"):
            return "m", "pl"
        return gender, "sg"
    suffix = form[len(stem):] if form.startswith(stem) else form[-2:]
    if suffix.endswith("تا"):
        return "f", "du"
    if suffix.endswith("وا"):
        return "m", "pl"
    if suffix.endswith("ن"):
        return "f", "pl"
    if suffix.endswith("ت"):
        return "f", "sg"
    if suffix.endswith(("ا", "يا")):
        return "m", "du"
    return "m", "sg"


def _phrases(entries: list[str]) -> tuple[set[str], dict[str, tuple[str, ...]]]:
    """Split entries into single words and multi-word phrases keyed by their first word."""
    words: set[str] = set()
    phrases: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        parts = tuple(normalize(entry).split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            phrases.setdefault(parts[0], ())
            phrases[parts[0]] = phrases[parts[0]] + (" ".join(parts),)
    return words, phrases


def _words(entries: list[str]) -> set[str]:
    return {normalize(entry) for entry in entries}


def load_lexicon(rules_dir: Path | None = None) -> Lexicon:
    """Load every rules file from ``rules_dir`` (default: the packaged rules)."""
    folder = Path(rules_dir) if rules_dir else DEFAULT_RULES_DIR
    lex = Lexicon()
    for cls, lines in read_sections(folder / "cues.txt").items():
        for line in lines:
            forms = [normalize(f) for f in line.split()]
            lemma = forms[0]
            for form in forms:
                gender, number = cue_agreement(form, lemma, cls)
                lex.cues.setdefault(form, CueEntry(form, lemma, cls, gender, number))
    lex.titles = _words(read_sections(folder / "titles.txt")[""])
    lex.counterparts = _words(read_sections(folder / "counterparts.txt")[""])
    lex.unnamed = _words(read_sections(folder / "unnamed.txt")[""])
    lex.documents = _words(read_sections(folder / "documents.txt")[""])
    lex.organizations, lex.organization_phrases = _phrases(
        read_sections(folder / "organizations.txt")[""]
    )
    lex.places, lex.place_phrases = _phrases(read_sections(folder / "places.txt")[""])
    sections = read_sections(folder / "sections.txt")
    lex.related_markers = [normalize(m) for m in sections.get("related", [])]
    lex.boilerplate_markers = [normalize(m) for m in sections.get("boilerplate", [])]
    function_words = read_sections(folder / "function_words.txt")
    lex.prepositions = _words(function_words.get("preposition", []))
    lex.time_words = _words(function_words.get("time", []))
    lex.adverbs = _words(function_words.get("adverb", []))
    lex.particles = _words(function_words.get("particle", []))
    return lex
