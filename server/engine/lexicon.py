"""Loads the rule lexicons (plain text files in ``rules/``) into lookup tables.

The rules are data so that a user can read and extend them without touching the grammar:
every file is one entry a line, ``#`` starts a comment, ``[name]`` starts a section. Entries are
stored normalised (``normalize``), the same way article words are looked up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from qawl.engine.grammar import (
    WORD_CLASSES,
    CueClass,
    Grammar,
    RulesError,
    Weights,
    parse_cue_classes,
    parse_grammar,
    parse_weights,
)
from qawl.engine.kinds import HEAD_ATTRIBUTES
from qawl.engine.normalize import normalize, strip_marks

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
    "given_names.txt",
    "grammar.txt",
    "cue_classes.txt",
    "weights.txt",
    "lists/countries.txt",
    "lists/territories.txt",
    "lists/cities.txt",
    "lists/demonyms.txt",
    "lists/person_names.txt",
    "lists/name_words.txt",
)
"""The files a rules folder must hold (``lists/`` is built by tools/build_word_lists.py)."""


@dataclass(frozen=True)
class CueEntry:
    """One inflected cue form: its lemma, how it reports, and its agreement features."""

    form: str
    lemma: str
    cls: str
    gender: str  # "m", "f" or "" (unknown)
    number: str  # "sg", "du", "pl"


OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "نا", "ني", "كم")
_PRONOUN_SUFFIX = re.compile("(ها|هم|ه)$")
"""Object pronoun suffixes a verb of telling carries (أبلغه، أخبرتهم، أبلغنا)."""


@dataclass
class Lexicon:
    """All lookup tables the grammar uses, keyed by normalised form."""

    cues: dict[str, CueEntry] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
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
    pronoun_prepositions: set[str] = field(default_factory=set)
    time_words: set[str] = field(default_factory=set)
    adverbs: set[str] = field(default_factory=set)
    particles: set[str] = field(default_factory=set)
    relatives: set[str] = field(default_factory=set)
    content_nouns: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    demonyms: dict[str, str] = field(default_factory=dict)
    person_names: set[str] = field(default_factory=set)
    female_names: set[str] = field(default_factory=set)
    given_names: set[str] = field(default_factory=set)
    """given_names.txt's hand-written names of both genders (فاطمة، أسامة): a name for sure."""
    definite_names: set[str] = field(default_factory=set)
    """Given names written with the article (الصديق، الطاهر): they may open a name."""
    cue_classes: dict[str, CueClass] = field(default_factory=dict)
    grammar: Grammar = field(default_factory=Grammar)
    weights: Weights | None = None
    dictionary: Any = None
    """An ordinary-word test (``wordcheck.Dictionary``), or None to read every word as unknown."""

    @cached_property
    def stop_words(self) -> frozenset[str]:
        """Words that end a name or a speaker phrase: prepositions (with their pronoun too), time
        words, adverbs, particles."""
        return frozenset(self.prepositions | self.pronoun_prepositions | self.time_words | self.adverbs
                         | self.particles)

    @cached_property
    def _open_ended(self) -> frozenset[str]:
        return frozenset(self.prepositions | self.particles | self.grammar.complementiser | {"و"})

    def leaves_open(self, norm: str) -> bool:
        """Can a line ending with this word not end its sentence (أن، a preposition, a colon)?"""
        return norm in self._open_ended

    @cached_property
    def told_forms(self) -> frozenset[str]:
        """Cue forms that take an object pronoun (أبلغ، وصف: أبلغه، ووصفها), [addressee_cue]."""
        return frozenset(form for form, entry in self.cues.items() if entry.lemma in self.grammar.addressee_cue)

    @cached_property
    def told_with_pronoun(self) -> dict[str, CueEntry]:
        """Each of those forms with each object pronoun (أبلغه، أبلغتهم …) -> its cue entry."""
        return {form + pronoun: self.cues[form] for form in self.told_forms for pronoun in OBJECT_PRONOUNS}

    def is_occasion(self, bare_art: str) -> bool:
        """Is the word (without و and article) an occasion noun of [occasion], with or without a
        pronoun (تصريح، كلمته -> كلمة، مؤتمرها)?"""
        occasion = self.grammar.occasion
        if bare_art in occasion:
            return True
        stem = _PRONOUN_SUFFIX.sub("", bare_art)
        if stem != bare_art and stem[-1:] in "ئؤ":
            stem = stem[:-1] + "ء"  # لقائه -> لقاء: the hamza takes a seat before a suffix
        return stem != bare_art and (stem in occasion or (stem.endswith("ت") and stem[:-1] + "ه" in occasion))

    @cached_property
    def ruler_titles(self) -> frozenset[str]:
        """Titles listed only with ال (الأمير، الملك), without it: a role before a country or area."""
        return frozenset(t[2:] for t in self.titles if t.startswith("ال"))

    @cached_property
    def courtesy_sequences(self) -> dict[str, list[tuple[str, ...]]]:
        """[courtesy] entries by first word, longest first (صاحب السمو الملكي before صاحب السمو)."""
        table: dict[str, list[tuple[str, ...]]] = {}
        for entry in sorted(self.grammar.courtesy, key=lambda e: -len(e.split())):
            parts = tuple(entry.split())
            table.setdefault(parts[0], []).append(parts)
        return table

    @cached_property
    def head_words(self) -> frozenset[str]:
        """Every word a speaker phrase with a lexicon head can start with."""
        return frozenset(word for attribute in HEAD_ATTRIBUTES for word in getattr(self, attribute))

    def forms_of(self, cls: str) -> frozenset[str]:
        """Every listed form of cue class ``cls`` (computed once per class)."""
        found = self._forms.get(cls)
        if found is None:
            found = self._forms[cls] = frozenset(form for form, entry in self.cues.items() if entry.cls == cls)
        return found

    @cached_property
    def _forms(self) -> dict[str, frozenset[str]]:
        return {}

    def cue_has(self, cls: str, prop: str) -> bool:
        """Does cue class ``cls`` have property ``prop`` (cue_classes.txt: verb, stops, ...)?"""
        found = self.cue_classes.get(cls)
        return found is not None and bool(getattr(found, prop))

    def mention_only(self, cls: str) -> bool:
        """A declared cue class whose statements only name who acts (expressive: أعرب عن)."""
        return cls in self.cue_classes and not self.cue_classes[cls].produces

    def cue_prepositions(self, cls: str) -> frozenset[str]:
        """The prepositions that open cue class ``cls``'s content (none for an unknown class)."""
        found = self.cue_classes.get(cls)
        return found.prepositions if found is not None else frozenset()

    def is_ordinary_word(self, text: str) -> bool:
        """Does the dictionary know ``text`` (as written, clitics included) as an Arabic word?"""
        return self.dictionary is not None and self.dictionary.is_word(strip_marks(text))

    def is_person_name(self, *forms: str) -> bool:
        """Is any of the normalised ``forms`` a listed personal name?"""
        return any(form in self.person_names for form in forms)

    def name_like(self, text: str, *forms: str) -> bool:
        """Could this word stand in a personal name? A listed name, or a word the dictionary
        does not know (a transliterated or family name); never an ordinary word alone."""
        return self.is_person_name(*forms) or not self.is_ordinary_word(text)

    def is_nationality(self, token: str) -> bool:
        """A nisba adjective of a listed country (ايراني، قطري، سعودي), article removed."""
        if token in self.demonyms or "ال" + token in self.demonyms:
            return True
        if len(token) <= 3 or not token.endswith(("ي", "يه")):
            return False
        stem = token[:-2] if token.endswith("يه") else token[:-1]
        return any(form in self.places for form in (stem, stem + "ا", "ال" + stem, stem + "يه", "ال" + stem + "يه"))


SECTIONS = {
    "function_words.txt": ("preposition", "pronoun_preposition", "time", "adverb", "particle", "relative",
                           "content_noun"),
    "sections.txt": ("related", "boilerplate"),
    "given_names.txt": ("male", "female", "definite"),
    "titles.txt": ("honorific",),
    "grammar.txt": WORD_CLASSES,
    "weights.txt": ("method", "marker", "penalty"),
}
"""The sections each rules file may have (cues.txt: the classes of cue_classes.txt); a file not
named here has none."""

RuleTexts = dict[str, str]
"""The rules as data: each file's path relative to the rules folder, and its text."""


def read_rule_texts(folder: Path | str) -> RuleTexts:
    """Read every ``.txt`` file below ``folder`` (the whole behaviour a rules folder defines)."""
    root = Path(folder)
    missing = [name for name in RULE_FILES if not (root / name).is_file()]
    if missing:
        raise RulesError(f"{root}: missing rules file(s) {', '.join(missing)}")
    return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(root.rglob("*.txt"))}


def write_rule_texts(texts: RuleTexts, folder: Path | str) -> None:
    """Write rule texts into ``folder``, as ``read_rule_texts`` reads them back."""
    root = Path(folder)
    for name, text in texts.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def read_numbered(text: str, name: str, allowed: tuple[str, ...] | None = None
                  ) -> dict[str, list[tuple[int, str]]]:
    """Parse one rules file's ``text`` into ``{section: [(line number, entry), ...]}`` (entries
    before any header go under ``""``).

    A ``[header]`` that the file's schema (``allowed``, by default ``SECTIONS``) does not name
    is refused with the file and line number, so a misspelt section never loads silently.
    """
    allowed = SECTIONS.get(name, ()) if allowed is None else allowed
    sections: dict[str, list[tuple[int, str]]] = {"": []}
    current = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            if current not in allowed:
                known = ", ".join(f"[{a}]" for a in allowed) or "none"
                raise RulesError(f"{name}:{number}: unknown section [{current}] (this file's sections: {known})")
            sections.setdefault(current, [])
            continue
        if name == "cues.txt" and not all(_ARABIC_WORD.fullmatch(form) for form in line.split()):
            raise RulesError(f"{name}:{number}: malformed cue line (Arabic word forms only): {line!r}")
        sections.setdefault(current, []).append((number, line))
    return sections


def read_sections(text: str, name: str, allowed: tuple[str, ...] | None = None) -> dict[str, list[str]]:
    """``read_numbered`` without the line numbers: ``{section: [entry, ...]}``."""
    return {section: [line for _, line in lines]
            for section, lines in read_numbered(text, name, allowed).items()}


_ARABIC_WORD = re.compile(r"[\u0621-\u065f\u0670-\u06d3]+")


def cue_agreement(form: str, lemma: str, cls: str) -> tuple[str, str]:
    """Read gender and number off a cue form's affixes, relative to its lemma.

    Past tense: قال (m.sg), قالت (f.sg), قالا (m.du), قالتا (f.du), قالوا (m.pl); present:
    يقول (m), تقول (f), with ان / ون for dual and plural; participles: مؤكدا (m), مؤكدة (f),
    مؤكدين (pl). Verbal nouns and sourcing words carry no agreement.
    """
    if cls in ("noun", "sourcing"):  # no person: a noun or a preposition
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
    return lexicon_from_texts(read_rule_texts(rules_dir or DEFAULT_RULES_DIR))


def lexicon_from_texts(texts: RuleTexts) -> Lexicon:
    """Build the lookup tables from rule texts (``read_rule_texts``, or a serialised component)."""
    def sections(name: str) -> dict[str, list[str]]:
        return read_sections(texts[name], name)

    lex = Lexicon()
    lex.cue_classes = parse_cue_classes(read_numbered(texts["cue_classes.txt"], "cue_classes.txt")[""])
    lex.grammar = parse_grammar(read_numbered(texts["grammar.txt"], "grammar.txt"))
    lex.weights = parse_weights(read_numbered(texts["weights.txt"], "weights.txt"))
    for cls, lines in read_sections(texts["cues.txt"], "cues.txt", tuple(lex.cue_classes)).items():
        if lines and not cls:
            raise RulesError("cues.txt: cue lines before the first [section]")
        for line in lines:
            forms = [normalize(f) for f in line.split()]
            lemma = forms[0]
            for form in forms:
                gender, number = cue_agreement(form, lemma, cls)
                lex.cues.setdefault(form, CueEntry(form, lemma, cls, gender, number))
    titles = sections("titles.txt")
    lex.honorifics = _words(titles.get("honorific", []))
    lex.titles = _words(titles[""]) | lex.honorifics
    lex.counterparts = _words(sections("counterparts.txt")[""])
    lex.unnamed = _words(sections("unnamed.txt")[""])
    lex.documents = _words(sections("documents.txt")[""])
    lex.organizations, lex.organization_phrases = _phrases(sections("organizations.txt")[""])
    lex.places, lex.place_phrases = _phrases(sections("places.txt")[""])
    page = sections("sections.txt")
    lex.related_markers = [normalize(m) for m in page.get("related", [])]
    lex.boilerplate_markers = [normalize(m) for m in page.get("boilerplate", [])]
    function_words = sections("function_words.txt")
    lex.prepositions = _words(function_words.get("preposition", []))
    lex.pronoun_prepositions = _words(function_words.get("pronoun_preposition", []))
    lex.time_words = _words(function_words.get("time", []))
    lex.adverbs = _words(function_words.get("adverb", []))
    lex.particles = _words(function_words.get("particle", []))
    lex.relatives = _words(function_words.get("relative", []))
    lex.content_nouns = _words(function_words.get("content_noun", []))
    for name in ("lists/countries.txt", "lists/territories.txt"):
        words, phrases = _phrases(sections(name)[""])
        lex.places |= words
        for head, forms in phrases.items():
            lex.place_phrases[head] = tuple(dict.fromkeys(lex.place_phrases.get(head, ()) + forms))
    lex.cities = _words(sections("lists/cities.txt")[""])
    for line in sections("lists/demonyms.txt")[""]:
        form, _, country = line.partition("\t")
        if not country:
            raise RulesError(f"lists/demonyms.txt: malformed line (FORM<TAB>COUNTRY): {line!r}")
        lex.demonyms[normalize(form)] = normalize(country)
    given = sections("given_names.txt")
    lex.female_names = _words(given.get("female", []))
    lex.definite_names = _words(given.get("definite", []))
    lex.given_names = _words(given.get("male", [])) | lex.female_names
    lex.person_names = (_words(sections("lists/person_names.txt")[""]) | _words(sections("lists/name_words.txt")[""])
                        | _words(given.get("male", [])) | lex.female_names | lex.definite_names)
    return lex
