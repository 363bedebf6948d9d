"""The grammar's schema: its closed word classes, its cue classes and its confidence weights.

What the grammar knows of Arabic lives in rules files; this module says what each file may
hold and turns it into lookup tables:

- ``grammar.txt``: the closed word classes (``WORD_CLASSES``), one ``[section]`` each;
- ``cue_classes.txt``: how each cue class of cues.txt reports (``CueClass``);
- ``weights.txt``: the confidence of each attribution method and the marker penalties.

A section, class property, method or marker the schema does not name is refused with the file
and line, so a misspelling never loads silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from qawl.engine.normalize import normalize


class RulesError(ValueError):
    """A rules file that cannot be read: names the file and line."""


@dataclass(frozen=True)
class Grammar:
    """The closed word classes of grammar.txt, each a set of normalised words."""

    name_link: frozenset[str] = frozenset()
    role_link: frozenset[str] = frozenset()
    clause_opener: frozenset[str] = frozenset()
    ambiguous_name: frozenset[str] = frozenset()
    circumstance_opener: frozenset[str] = frozenset()
    self_naming: frozenset[str] = frozenset()
    affiliation_link: frozenset[str] = frozenset()
    member_title: frozenset[str] = frozenset()
    refers_back_head: frozenset[str] = frozenset()
    source_link: frozenset[str] = frozenset()
    complementiser: frozenset[str] = frozenset()
    bare_complementiser: frozenset[str] = frozenset()
    not_complementiser_after: frozenset[str] = frozenset()
    clause_link: frozenset[str] = frozenset()
    narrator_clause: frozenset[str] = frozenset()
    stance_participle: frozenset[str] = frozenset()
    speaker_goes_on: frozenset[str] = frozenset()
    adverbial_preposition: frozenset[str] = frozenset()
    passive_aside: frozenset[str] = frozenset()
    naming_noun: frozenset[str] = frozenset()
    channel_aside: frozenset[str] = frozenset()
    clause_start_only: frozenset[str] = frozenset()
    pre_verbal_boundary: frozenset[str] = frozenset()
    outlet_head: frozenset[str] = frozenset()
    same_as_before: frozenset[str] = frozenset()
    same_before_noun: frozenset[str] = frozenset()
    back_pointer: frozenset[str] = frozenset()
    adjective_title: frozenset[str] = frozenset()
    issued_by: frozenset[str] = frozenset()
    compound_name_tail: frozenset[str] = frozenset()
    comma_speech: frozenset[str] = frozenset()
    courtesy: frozenset[str] = frozenset()
    locality: frozenset[str] = frozenset()
    role_adjective: frozenset[str] = frozenset()
    masculine_ta: frozenset[str] = frozenset()
    feminine_title: frozenset[str] = frozenset()
    facility: frozenset[str] = frozenset()
    withheld_name: frozenset[str] = frozenset()
    withholding: frozenset[str] = frozenset()
    anonymity_condition: frozenset[str] = frozenset()
    occasion: frozenset[str] = frozenset()
    courtesy_pronoun: frozenset[str] = frozenset()
    pair_noun: frozenset[str] = frozenset()
    plural_head: frozenset[str] = frozenset()
    count_word: frozenset[str] = frozenset()
    counted_noun: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    addressee_cue: frozenset[str] = frozenset()
    learned_from: frozenset[str] = frozenset()
    partitive_head: frozenset[str] = frozenset()
    accusation: frozenset[str] = frozenset()
    source_opener: frozenset[str] = frozenset()
    source_noun: frozenset[str] = frozenset()
    postposed_link: frozenset[str] = frozenset()
    news_outlet: frozenset[str] = frozenset()
    audience: frozenset[str] = frozenset()
    source_adjective: frozenset[str] = frozenset()
    byline_cue: frozenset[str] = frozenset()
    quantifier: frozenset[str] = frozenset()
    data_noun: frozenset[str] = frozenset()
    impersonal_form: frozenset[str] = frozenset()
    described_as: frozenset[str] = frozenset()
    needs_next: dict[str, frozenset[str]] = field(default_factory=dict)
    """Cue lemmas that report speech only with one of these words soon after them."""


WORD_CLASSES = tuple(f.name for f in fields(Grammar))
"""The sections grammar.txt may have."""


@dataclass(frozen=True)
class CueClass:
    """How the cues of one cues.txt section report (a line of cue_classes.txt)."""

    name: str
    verb: bool = False
    """A finite verb: a form written with nunation is then an adjective, not this cue."""
    stops: bool = False
    """A new cue of this class ends the content of a statement before it."""
    produces: bool = False
    """Its statements are records; a class without it only names who is acting."""
    noun_object: bool = False
    """Its content may be a noun phrase headed by a listed verbal noun (أكد ضرورة ...)."""
    prepositions: frozenset[str] = frozenset()
    """Prepositions that open its content (أكد على ...، أعرب عن ...), normalised."""


_FLAGS = ("verb", "stops", "produces", "noun_object")

METHOD_WEIGHTS = ("explicit", "sourcing", "role_resolved", "continuation")
MARKERS = ("prep", "object", "sourcing")
PENALTIES = ("unclosed", "unread_subject")


@dataclass(frozen=True)
class Weights:
    """Confidence of each attribution method, less the penalties of weaker evidence."""

    method: dict[str, float]
    marker: dict[str, float]
    unclosed: float
    unread_subject: float = 0.0

    def confidence(self, method: str, marker: str, closed: bool, unread: bool = False) -> float:
        """A record's confidence: the method's weight less its penalties, at least 0.05.
        ``unread``: the speaker is the subject slot's words, which no head or name list read."""
        value = (self.method[method] - self.marker.get(marker, 0.0) - (0.0 if closed else self.unclosed)
                 - (self.unread_subject if unread else 0.0))
        return round(max(value, 0.05), 2)


def parse_grammar(sections: dict[str, list[tuple[int, str]]], name: str = "grammar.txt") -> Grammar:
    """Build the word classes from grammar.txt's sections (``{section: [(line, entry)]}``)."""
    values: dict[str, object] = {}
    for section, lines in sections.items():
        if not lines:
            continue
        if section not in WORD_CLASSES:
            raise RulesError(f"{name}:{lines[0][0]}: entries outside a declared [section]")
        if section == "needs_next":
            table: dict[str, frozenset[str]] = {}
            for number, line in lines:
                lemma, colon, words = line.partition(":")
                if not colon or not lemma.strip() or not words.split():
                    raise RulesError(f"{name}:{number}: malformed line (lemma: word word ...): {line!r}")
                table[normalize(lemma.strip())] = frozenset(normalize(w) for w in words.split())
            values[section] = table
        else:
            values[section] = frozenset(normalize(line) for _, line in lines)
    return Grammar(**values)


def parse_cue_classes(lines: list[tuple[int, str]], name: str = "cue_classes.txt") -> dict[str, CueClass]:
    """Read cue_classes.txt's lines («name: property ...») into ``{name: CueClass}``."""
    classes: dict[str, CueClass] = {}
    for number, line in lines:
        cls, colon, rest = line.partition(":")
        cls = cls.strip()
        if not colon or not cls or not cls.isidentifier():
            raise RulesError(f"{name}:{number}: malformed line (name: property ...): {line!r}")
        props: dict[str, object] = {}
        for item in rest.split():
            key, equals, value = item.partition("=")
            if key in _FLAGS and not equals:
                props[key] = True
            elif key == "prepositions" and equals:
                props[key] = frozenset(normalize(w) for w in value.split(",") if w)
            else:
                raise RulesError(f"{name}:{number}: unknown property {item!r} (known: "
                                 f"{', '.join(_FLAGS)}, prepositions=W,W)")
        classes[cls] = CueClass(cls, **props)
    if not classes:
        raise RulesError(f"{name}: no cue class declared")
    return classes


def parse_weights(sections: dict[str, list[tuple[int, str]]], name: str = "weights.txt") -> Weights:
    """Read weights.txt's ``[method]``, ``[marker]`` and ``[penalty]`` lines («key = number»)."""
    known = {"method": METHOD_WEIGHTS, "marker": MARKERS, "penalty": PENALTIES}
    read: dict[str, dict[str, float]] = {section: {} for section in known}
    for section, lines in sections.items():
        for number, line in lines:
            key, equals, value = (part.strip() for part in line.partition("="))
            if section not in known or key not in known[section] or not equals:
                raise RulesError(f"{name}:{number}: unknown weight {line!r} in [{section or '-'}]")
            try:
                weight = float(value)
            except ValueError:
                raise RulesError(f"{name}:{number}: not a number: {value!r}") from None
            if not 0.0 <= weight <= 1.0:
                raise RulesError(f"{name}:{number}: {key} = {weight} lies outside 0..1")
            read[section][key] = weight
    missing = [m for m in METHOD_WEIGHTS if m not in read["method"]]
    if missing:
        raise RulesError(f"{name}: no weight for method(s) {', '.join(missing)}")
    return Weights(read["method"], read["marker"], read["penalty"].get("unclosed", 0.0),
                   read["penalty"].get("unread_subject", 0.0))
