"""Speaker phrases: read a run of tokens as a person, organisation, country, document,
unnamed source or group, using the lexicons for heads and Arabic noun-phrase shape for extent.

The grammar, in brief:
- a title (وزير، المتحدث، الأمين) opens a role that runs through its qualifiers (definite
  words, لل-words, باسم, a construct genitive after an indefinite title); a name may follow;
- an organisation, document or unnamed-source head runs the same way through its qualifiers;
- a country or capital from the gazetteer stands alone, and ``X وY`` of two such is a group;
- otherwise a short run of indefinite, non-function words is read as a person's name.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from qawl.engine.kinds import READ_ORDER, kind_of
from qawl.engine.lexicon import Lexicon
from qawl.engine.normalize import strip_marks
from qawl.engine.records import Mention, SpeakerType
from qawl.engine.sentences import abbreviation_dot
from qawl.engine.tokens import Words, is_definite, strip_article, strip_conjunction, word_forms

_CLITIC = re.compile(r"(ها|هم|هما|هن|نا|كم)$")
"""A pronoun suffix: a word that carries one (بياناتها، فريقنا) is no name."""
MAX_CHAIN_WORDS = 5

_APART_PREPOSITIONS = ("لـ", "بـ", "ل", "ب")
"""ل and ب written apart from their noun (قال مسؤول لـ"الشرق الأوسط"): the addressee or a
complement follows, never a word of the speaker's name."""

MAX_NAME_WORDS = 7
MAX_STACKED_ROLES = 3
MAX_PHRASE_WORDS = 9
MAX_SUBJECT_WORDS = 4
MAX_QUOTED_NAME_WORDS = 3
MAX_NESTED_QUALIFIERS = 3
"""How many organisations a role's qualifiers read one inside another (مدير إدارة في وزارة X
بجامعة Y): a bound, so a run of them costs time linear in its length."""


@dataclass
class Phrase:
    """A speaker phrase found in the text, with what the grammar read in it."""

    first: int
    last: int
    type: SpeakerType
    name: str
    name_start: int
    name_end: int
    role: str = ""
    role_first: int = -1
    role_last: int = -1
    gender: str = "m"
    number: str = "sg"
    counterpart: bool = False
    surface: str = ""
    """The text at ``name_start:name_end`` when ``name`` is composed (a group's «X وY»)."""
    members: tuple["Phrase", ...] = ()
    """A group's two phrases (محافظ بغداد فلان ووزير الصحة فلان), each a speaker of its own too."""
    voice_gender: str = ""
    """For an issuer read from its document (ذكر بيان وزارة النفط): the document's gender, which
    the verbs continuing the statement agree with (وأشار البيان …: masculine)."""

    @property
    def mention(self) -> Mention:
        """The name's mention: always the article's own text at its span."""
        return Mention(self.surface or self.name, self.name_start, self.name_end)

    @property
    def role_only(self) -> bool:
        """A person known only by role (الوزير الباكستاني), to be resolved to a name."""
        return self.type is SpeakerType.PERSON and bool(self.role) and self.name == self.role


class PhraseReader:
    """Reads speaker phrases from token ranges using one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.stop = lex.stop_words
        self.heads = lex.head_words
        self.cue_forms = lex.cues.keys()
        self._readers = [getattr(self, name) for name in READ_ORDER]
        self._told_forms = lex.told_forms
        self._names: dict[int, bool] = {}
        self._names_of: Words | None = None
        self._rulers = lex.ruler_titles
        self._courtesy = lex.courtesy_sequences

    # -- word classes ------------------------------------------------------------------

    def head(self, words: Words, i: int) -> str:
        """The word without conjunction and article, the form heads are listed in."""
        return words.bare_art[i]

    def is_function(self, words: Words, i: int) -> bool:
        """A preposition, time word, adverb or particle (ends names and phrases); والي is the
        title, not و + إلى."""
        return words.norm[i] in self.stop or (words.bare[i] in self.stop and words.norm[i] not in self.lex.titles)

    def opens_with_ali(self, words: Words, i: int, last: int) -> bool:
        """وقال علي حسن إن، أكد علي الحمداني أن: «علي» spelled with ى's dotted twin and followed
        by a name (a listed name or a word no dictionary knows) is the name, not على."""
        if words.text[i] not in self.lex.grammar.ambiguous_name:
            return False
        k = words.next_word(i, last)
        return k is not None and not self.is_function(words, k) and not words.is_punct(k) \
            and self.lex.name_like(words.text[k], words.norm[k], words.bare[k])

    def may_head(self, words: Words, i: int) -> bool:
        """Quick test: could a speaker phrase with a lexicon head start at token i?"""
        heads = self.heads
        return (words.norm[i] in heads or words.bare[i] in heads
                or words.art[i] in heads or words.bare_art[i] in heads)

    def head_positions(self, words: Words) -> list[int]:
        """Every token where ``may_head`` holds, in order: one pass over the article."""
        heads, rulers = self.heads, self._rulers
        return [i for i, forms in enumerate(zip(words.norm, words.bare, words.art, words.bare_art))
                if not heads.isdisjoint(forms) or forms[1] in rulers]  # أمير المنطقة

    def in_set(self, words: Words, i: int, entries: set[str]) -> bool:
        """Is token i listed, read as it stands, without و, or without its article?"""
        return (words.norm[i] in entries or words.bare[i] in entries
                or words.art[i] in entries or words.bare_art[i] in entries)

    def is_title(self, words: Words, i: int) -> bool:
        """A title word: listed as it stands, or listed bare and written with the article."""
        titles = self.lex.titles
        return (words.norm[i] in titles or words.bare[i] in titles
                or (words.art[i] != words.norm[i] and words.art[i] in titles)
                or (words.bare_art[i] != words.bare[i] and words.bare_art[i] in titles))

    def is_counterpart(self, words: Words, i: int) -> bool:
        return words.norm[i] in self.lex.counterparts or words.bare[i] in self.lex.counterparts

    def is_name_word(self, words: Words, i: int) -> bool:
        """A word that can stand in a personal name: no article, not a function or cue word.
        Worked out once per token of the article being read (the first Words asked about);
        the phrase grammar asks again and again."""
        if self._names_of is None:
            self._names_of = words
        if words is not self._names_of:
            return self._is_name_word(words, i)
        found = self._names.get(i)
        if found is None:
            found = self._names[i] = self._is_name_word(words, i)
        return found

    def _is_name_word(self, words: Words, i: int) -> bool:
        if words.is_punct(i) or not words.text[i].strip() or words.text[i].startswith(("لـ", "لإ", "لأ", "لآ")):
            return False  # لـCNN، لإيني: ل + the addressee or the body a role is of, never a name
        norm = words.norm[i]
        if self.is_function(words, i) or norm in self.cue_forms or words.bare[i] in self.cue_forms \
                or norm in self.lex.grammar.complementiser or _CLITIC.sub("", words.bare[i]) in self._told_forms:
            return False  # ووصفها، بأنها: a cue with its object pronoun, a complementiser
        if any(ch.isdigit() for ch in norm):
            return False
        if len(norm) < 2 or words.bare[i] in self.lex.grammar.quantifier or words.bare[i] in self.lex.grammar.count_word:
            return False  # وأضاف وكيل الجمهورية بعض السياسيين …: a quantity, never a name
        if words.bare[i] != norm and words.bare[i] in self.lex.titles:
            return False  # ووزير، ورئيس: a second speaker's title, not a name
        unprefixed = norm[1:] if norm[:1] in ("ب", "ل") else norm
        if unprefixed in self.lex.counterparts or words.bare[i] in self.lex.counterparts:
            return False
        if norm[:1] == "ل" and (unprefixed in self.heads or unprefixed in self.lex.organization_phrases) \
                and not (i > 0 and self.is_name_word(words, i - 1) and self._lam_surname(words, i)):
            return False
        if is_definite(norm) and not _hamza_initial(words.text[i]) and words.bare[i] not in self.lex.definite_names and not (
                i > 0 and words.bare[i - 1] in self.lex.grammar.name_link) and not (
                i > 0 and norm in self.lex.grammar.compound_name_tail and not is_definite(words.norm[i - 1])):
            return False  # the article; but ألفريد، إلياس begin with a hamza, and نور الدين is one name
        if self.is_title(words, i) and not self.lex.is_person_name(norm, words.bare[i]):
            return False  # وحيد سعيد رئيس القسم: the role in apposition, not the name
        return True

    def name_gender(self, words: Words, i: int) -> str:
        """The gender a name starting at token i tells: ``f`` for a listed woman's name, ``m``
        for a listed man's, ``""`` when the lists do not know (بني مصطفى: a family name)."""
        if words.bare[i] in self.lex.female_names:
            return "f"
        return "m" if words.bare[i] in self.lex.given_names else ""

    def may_open_name(self, words: Words, i: int, last: int, after_title: bool) -> bool:
        """Can a personal name start at token i? A listed name or a word the dictionary does not
        know (فادي، غوتيريش); an ordinary word only right after a title (الوزير خواجة آصف) or
        before a listed name (خواجة محمد آصف), and never one carrying a preposition or a
        pronoun (لصحافيين، بياناتها). So منح، إحدى، لتصدير never start a name. Later words of
        the name may be ordinary words: surnames often are (خلف، شوقي، عطار)."""
        if not self.is_name_word(words, i):
            return False
        lex = self.lex
        if self._waw_word_after_cue(words, i):
            return False
        if lex.name_like(words.text[i], words.norm[i], words.bare[i]):
            return True
        plain = strip_marks(words.text[i])
        if words.bare[i] != words.norm[i] and plain[:1] == "و" and lex.is_ordinary_word(plain[1:]):
            return False  # وإصلاح النظام: و joins a second noun, it opens no name (فضل is a name)
        if self.place_at(words, i, last) or self.org_at(words, i, last) or any(
                self.in_set(words, i, entries) for entries in (self.lex.documents, self.lex.unnamed)):
            return False  # an organisation's or document's head word (شرطة، بيان) is no name
        if words.bare[i] in lex.grammar.facility:
            return False  # زار الوزير مستشفى الملك فهد: the verb's object, a place named after someone
        if self._has_clitic(words, i) or (words.bare[i][:1] in ("ل", "ب") and len(words.bare[i]) > 3):
            return False  # لصحافيين، بالحضور; but برت is too short to be ب + a word
        if self._own_noun(words, i):
            return False  # أكد عضو النقابة متابعته مجريات التحقيق: a noun with its pronoun (but نبيه، طه are listed)
        if words.norm[i][:1] in ("ي", "ت") and len(words.norm[i]) > 3 and lex.is_ordinary_word(words.text[i]):
            return False  # وكيل الجمهورية يلتمس تطبيق القانون: a headline's verb, no name (يوسف is listed)
        if words.bare[i].startswith("است") and len(words.bare[i]) >= 6 and lex.is_ordinary_word(words.text[i]):
            return False  # رئيس الوزراء استعرض خلاله: a verb of form X (or its noun), no name (but استيفان)
        nxt = words.next_word(i, last)
        if nxt is not None and words.bare[i] in lex.grammar.name_link and self.is_name_word(words, nxt):
            return True  # أبو عبيدة، أبو الغيط: a kunya or patronymic opens a name
        return after_title or (nxt is not None and lex.is_person_name(words.norm[nxt], words.bare[nxt]))

    def _waw_word_after_cue(self, words: Words, i: int) -> bool:
        """كما أكد وجود تقدم: right after a cue a و has nothing to join, so a word the
        dictionary knows whole (وجود) is that word, not و + a name (جود): the verb's object."""
        return (words.bare[i] != words.norm[i] and words.norm[i][:1] == "و" and i > 0 and self._is_cue(words, i - 1)
                and self.lex.is_ordinary_word(words.text[i]) and not self.lex.is_person_name(words.norm[i]))

    def _multiword_at(self, words: Words, i: int, last: int, phrases: dict[str, tuple[str, ...]]) -> int:
        """Length of a listed multi-word name starting at token i (0 if none)."""
        for form in (words.norm[i], words.bare[i]):
            for phrase in phrases.get(form, ()):
                parts = phrase.split()
                if i + len(parts) <= last and words.norm[i + 1:i + len(parts)] == parts[1:]:
                    return len(parts)
        return 0

    def place_at(self, words: Words, i: int, last: int) -> int:
        """Length in tokens of a country or capital starting at token i (0 if none)."""
        length = self._multiword_at(words, i, last, self.lex.place_phrases)
        if length:
            return length
        return 1 if words.norm[i] in self.lex.places or words.bare[i] in self.lex.places else 0

    def is_city(self, words: Words, i: int) -> bool:
        """A large city (lists/cities.txt), with or without its article or a و."""
        return words.bare_art[i] in self.lex.cities or words.art[i] in self.lex.cities or words.norm[i] in self.lex.cities

    def org_at(self, words: Words, i: int, last: int) -> int:
        """Length of an organisation head starting at token i (0 if none)."""
        length = self._multiword_at(words, i, last, self.lex.organization_phrases)
        if length:
            return length
        return 1 if self.in_set(words, i, self.lex.organizations) else 0

    # -- extents -----------------------------------------------------------------------

    def qualifiers(self, words: Words, i: int, last: int, head_definite: bool, depth: int = 0) -> int:
        """Extend a head through its qualifiers; return the index after the last one.

        An indefinite head is in construct state: its genitive is one word, or a chain of
        indefinite words closed by a definite word or a known name (رئيس مجلس بلدة X المحلي،
        وزير خارجية مصر، مراسل "الشرق"). Then come definite adjectives and nouns, باسم X, لل-
        and في ال- complements, ل + a noun chain (لشركة النور، لعملية السلام) and عن + a
        chain (النائب عن تحالف X).
        """
        j = i
        if not head_definite and j < last and not self._spoken_to(words, j, last):
            chain = self._construct_chain(words, j, last)
            if chain:
                j = chain
            elif (self._word(words, j) and not self.is_function(words, j) and words.norm[j] not in self.lex.grammar.self_naming
                    and words.text[j] not in _APART_PREPOSITIONS
                    and (not self.is_title(words, j) or is_definite(words.norm[j])
                         or not (j + 1 < last and is_definite(words.norm[j + 1])))):
                j += 1  # مسؤول كبير في …: كبير is an adjective here, a title only before a genitive
        while j < last and j - i < MAX_PHRASE_WORDS:
            norm = words.norm[j]
            if words.is_quote(j):
                close = self._close_quote(words, j, last)
                if close is None or (j > 0 and self.quoted_name(words, j, last) is not None
                                     and words.bare_art[j - 1] not in self.lex.grammar.naming_noun):
                    break  # مدير عام المركز “عبد الله ملكني”: the role's name, quoted, ends the role
                j = close + 1
                continue
            if words.text[j] == "(" and j > i:
                close = next((k for k in range(j + 2, min(last, j + 5)) if words.text[k] == ")"), None)
                if close is None:
                    break
                j = close + 1
                continue  # مفوض عام وكالة غوث وتشغيل اللاجئين (أونروا): the body's acronym
            if not self._word(words, j):
                break
            if norm in self.lex.grammar.affiliation_link and j > i and j + 1 < last and is_definite(words.norm[j + 1]) \
                    and words.norm[j - 1].startswith("ل") and is_definite(words.norm[j - 1]):
                j += 2
                continue  # رئيس المنظمة التونسية للدفاع عن المستهلك: the verbal noun's object, in the name
            if self._spoken_to(words, j, last):
                break  # وقال الوزير لوكالة الأنباء، المتحدث باسم الوزارة للصحفيين: whom, not whose
            if norm in self.lex.grammar.role_link and j + 1 < last:
                j += 2
                continue
            if norm.startswith("باسم") and norm[4:] in ("ه", "ها", "هم", "هما"):
                j += 1
                continue  # المتحدث باسمه: the complement is the pronoun
            if norm == "في" and j + 1 < last and (self.in_set(words, j + 1, self.lex.documents)
                                                  or self.lex.is_occasion(words.bare_art[j + 1])):
                break  # قالت الشركة في البيان، أكد المكتب في بيان صحفي، قال المدرب في المؤتمر: where, not who
            if norm in ("في", "ل") and j + 1 < last and is_definite(words.norm[j + 1]):
                j += 2
                continue
            if norm == "و" and j > i and j + 1 < last and is_definite(words.norm[j + 1]) \
                    and not self.is_title(words, j + 1) and not self.may_head(words, j + 1):
                j += 2
                continue  # وزير الداخلية و الجماعات المحلية: و written apart, a coordinated genitive
            if (j > i and norm.startswith("و") and words.bare[j] != norm and not is_definite(norm)
                    and j + 1 < last and is_definite(words.norm[j + 1]) and not self.is_title(words, j)
                    and not self.is_title(words, j + 1) and not self._is_cue(words, j) and not self.may_head(words, j)
                    and self.lex.is_ordinary_word(strip_marks(words.text[j])[1:])):
                j += 2
                continue  # للأرصاد وحماية البيئة، وزير الخارجية وشؤون المغتربين: a coordinated construct
            if norm in ("الي", "لدي") and j + 1 < last:
                place = self.place_at(words, j + 1, last)
                if place or (is_definite(words.norm[j + 1]) and (j == i or self.is_title(words, j - 1)
                                                                   or self._nisba(words.norm[j - 1]))):
                    j += 1 + max(1, place)
                    continue  # المبعوث إلى اليمن، السفير لدى واشنطن (not دعا الناطق … المواطنين إلى الالتزام)
            chain = self._construct_chain(words, j + 1, last) if norm == "في" and j + 1 < last else 0
            if chain:
                j = chain
                continue  # الباحث في علم الاجتماع
            if norm in ("في", "ب") and j + 1 < last and self.org_at(words, j + 1, last):
                org = self.org_at(words, j + 1, last)
                if depth >= MAX_NESTED_QUALIFIERS:
                    break
                j = self.qualifiers(words, j + 1 + org, last, org > 1 or is_definite(words.norm[j + 1]), depth + 1)
                continue  # مدير العلاقات الخارجية في صندوق النقد الدولي
            if norm in self.lex.grammar.role_adjective and j > i:
                j += 1
                continue  # حاكم مصرف لبنان بالإنابة
            located = self._located(words, j, last, depth) if depth < MAX_NESTED_QUALIFIERS else 0
            if located:
                j = located
                continue  # مدير التعليم بمنطقة الرياض، رئيس الغرفة التجارية بجدة
            if norm.startswith(("بال", "وبال")) and not (norm.endswith("ه") or words.bare_art[j] in self.heads
                                                        or (j + 1 < last and self.is_title(words, j + 1))
                                                        or self._named_after_place(words, j, last)):
                break  # رحب المحافظ بالحضور: the verb's object; but مدير الإدارة بالمحافظة stays
            if norm in self.lex.grammar.affiliation_link and j == i and i > 0 and j + 1 < last \
                    and words.bare_art[i - 1] in self.lex.grammar.member_title:
                place = self.place_at(words, j + 1, last) or int(self.is_city(words, j + 1))
                if place:
                    j += 1 + place
                    continue  # النائب عن البصرة (but تحدث الوزير عن الكويت: what he spoke of)
            if norm in self.lex.grammar.affiliation_link and j + 1 < last and not is_definite(words.norm[j + 1]):
                if self._own_noun(words, j + 1):
                    break  # وعبر المسؤول الجهوي عن أمله: the verb's preposition and the speaker's hope
                chain = self._construct_chain(words, j + 1, last)
                if chain:
                    j = chain
                    continue
                named = self.name_run(words, j + 1, last)
                if named > j + 1 and self._closes(words, named, last):
                    j = named
                    continue  # هيئة الدفاع عن زمال: the person a body speaks for
                break
            if self._prepositional_noun(words, j):
                chain = self._construct_chain(words, j, last)
                if chain:
                    j = chain
                    continue
            if is_definite(norm) and not self.is_function(words, j) and not self._is_cue(words, j) \
                    and words.bare_art[j] not in self.lex.forms_of("noun"):  # تابع البيان القول
                if j == i and self._feminine_after_man(words, j):
                    break  # أبلغ المدرب الإدارة: a man's title takes no feminine adjective; the object
                previous = words.norm[j - 1] if j > i else ""
                if (norm.startswith("ال") and self._nisba(previous) and not self._nisba(norm)
                        and previous.endswith("ي") == norm.endswith("ه") and not self.may_head(words, j - 1)):
                    break  # an adjective of the other gender; not a genitive (الوطنية للنفط)
                if norm.startswith("و") and self.is_title(words, j):
                    break
                if previous.startswith("ال") and previous.endswith("ه") and norm.startswith("ال") \
                        and norm.endswith(("ين", "ون")) and not norm.endswith(("يين", "يون")) and len(norm) > 5:
                    break  # دعا الناطق باسم وزارة الداخلية المواطنين: a plural after a feminine noun is the
                    # object; but a nisba plural agrees with it (جمعية القضاة التونسيين)
                if words.bare[j] in self.lex.definite_names and j > i and j + 1 < last and self._word(words, j + 1) \
                        and not self.is_function(words, j + 1) and not self._is_cue(words, j + 1):
                    break  # النائب العام الصديق الصور: a given name with the article opens the name
                if j > i and previous.startswith("ال") and norm.startswith("ال") and self._object_after_genitive(words, j):
                    break  # وجه فلان مدير البطولة الدعوة للجماهير: a closed genitive, then the verb's object
                j += 1
                continue
            break
        return j

    def _object_after_genitive(self, words: Words, j: int) -> bool:
        """A definite ordinary noun after a definite genitive (مدير البطولة الدعوة): not shaped as
        an adjective (a nisba, a participle, فاعل or فعلاء), no listed adjective, title, head or
        proper word, so no qualifier of the phrase."""
        norm = words.norm[j]
        stem = norm[2:]
        adjective_shaped = (stem.endswith(("يين", "يون", "يات", "اء")) or stem.startswith("م")
                            or (len(stem) >= 4 and stem[1] == "ا"))  # القانونيين، المأهول، التابعة، البيضاء
        return not (self._nisba(norm) or adjective_shaped or norm in self.lex.grammar.role_adjective or self.is_title(words, j)
                    or self.may_head(words, j) or self.place_at(words, j, len(words)) or self.is_city(words, j)
                    or not self.lex.is_ordinary_word(words.text[j]))

    def _named_after_place(self, words: Words, j: int, last: int) -> bool:
        """رئيس لجنة الإعلام بالبنوك السعودية طلعت حافظ إن: a بال-word and its adjectives
        followed by a name that closes the phrase place the role; the name is the person's."""
        k = j + 1
        while k < last and k - j <= 2 and is_definite(words.norm[k]) and (self._nisba(words.norm[k]) or not (
                self.may_head(words, k) or self.is_title(words, k) or self.is_function(words, k) or self._is_cue(words, k))):
            k += 1  # بالبنوك السعودية فلان، بالقصرين التابعة فلان: the place's adjectives
        end = self.name_run(words, k, last, after_title=False)
        return end > k + 1 and self._closes(words, end, last)

    def _located(self, words: Words, j: int, last: int, depth: int = 0) -> int:
        """Index after a ب-locative that places a role: ب + a city or country (بجدة، بالرياض),
        ب + an organisation (بوزارة الصحة، بجامعة القاهرة) or ب + an area noun in construct
        (بمنطقة الرياض); 0 when token j is none of these."""
        if words.norm[j][:1] != "ب" or len(words.norm[j]) < 4:
            return 0
        rest = without_proclitic(words, j)
        place = self.place_at(rest, j, last)
        if place or self.is_city(rest, j):
            return j + max(1, place)
        org = self.org_at(rest, j, last)
        if org:
            return self.qualifiers(rest, j + org, last, org > 1 or is_definite(rest.norm[j]), depth + 1)
        if rest.norm[j] in self.lex.grammar.locality and j + 1 < last:
            return self._construct_chain(rest, j, last)
        return 0

    def _construct_chain(self, words: Words, j: int, last: int) -> int:
        """Index after a genitive chain of indefinite words from j that a definite word, a
        quotation or a listed place or organisation closes; 0 when none closes it soon."""
        k = j
        while k < last and k - j < MAX_CHAIN_WORDS:
            if words.is_quote(k):
                close = self._close_quote(words, k, last)
                return close + 1 if close is not None and close > k + 1 else 0
            known = (self.place_at(words, k, last) or self._multiword_at(words, k, last, self.lex.organization_phrases)
                     or int(self.is_city(words, k)))
            if known:
                return k + known  # وزير خارجية مصر; محافظ بغداد محمد العطا: the place closes the genitive
            if not self._word(words, k) or self.is_function(words, k) or self._is_cue(words, k):
                return 0
            if words.text[k] in _APART_PREPOSITIONS:
                return 0  # مصدر حكومي لـ"الشرق الأوسط": a preposition written apart opens no genitive
            if self._has_clitic(words, k):
                return 0  # في تقريره الفصلي: a noun with a pronoun takes no genitive
            if k > j and is_definite(words.norm[k]):
                return k + 1
            if is_definite(words.norm[k]):
                return 0
            k += 1
        return 0

    def _prepositional_noun(self, words: Words, j: int) -> bool:
        """ل + a noun (لشركة، لعملية، لمجلس): a complement of the role, not a name like لطفي."""
        norm = words.norm[j]
        if not norm.startswith("ل") or is_definite(norm) or len(norm) < 4:
            return False
        stem = norm[1:]
        if stem.endswith("ه") or stem in self.heads:
            return True
        return (not self.lex.is_person_name(norm, words.bare[j])
                and self.lex.is_ordinary_word(words.text[j][1:]))  # لقطاع الإعلام، لشؤون

    def _close_quote(self, words: Words, j: int, last: int) -> int | None:
        for k in range(j + 1, min(last, j + 6)):
            if words.is_quote(k):
                return k
        return None

    def quoted_name(self, words: Words, j: int, last: int) -> int | None:
        """“عبد الله ملكني”: when the quotation opening at token j holds only a person's name
        (up to three words, the first a listed given name, the rest name words), the index of
        its closing mark; else None."""
        if not words.is_quote(j):
            return None
        close = self._close_quote(words, j, last)
        if close is None:
            return None
        inner = [k for k in range(j + 1, close) if words.text[k].strip()]
        if not 0 < len(inner) <= MAX_QUOTED_NAME_WORDS or not self.lex.is_person_name(words.norm[inner[0]], words.bare[inner[0]]):
            return None
        if any(self.is_function(words, k) or self._is_cue(words, k) or words.is_punct(k) for k in inner):
            return None
        return close

    def _word(self, words: Words, j: int) -> bool:
        return bool(words.text[j].strip()) and not words.is_punct(j)

    def _is_cue(self, words: Words, j: int) -> bool:
        return words.norm[j] in self.cue_forms or words.bare[j] in self.cue_forms

    @staticmethod
    def _nisba(norm: str) -> bool:
        return len(norm) > 3 and norm.endswith(("ي", "يه", "يا"))

    def name_run(self, words: Words, i: int, last: int, after_title: bool = True) -> int:
        """Index after a personal name starting at token i (i itself when there is none);
        ``after_title`` when a title or descriptor stands right before it."""
        j = i
        definite_first = after_title and self._definite_given_name(words, i, last)
        if i < last and not (definite_first or self.may_open_name(words, i, last, after_title)
                             or words.text[i] in self.lex.grammar.ambiguous_name):
            return i
        if definite_first:
            j = i + 1  # الناني ولد اشروقه، المختار ولد داداه: a definite given name, then its link
        while j < last and j - i < MAX_NAME_WORDS and (
                self.is_name_word(words, j) or (j > i and abbreviation_dot(words, j))  # اتش.اس.بي.سي
                or (words.text[j] in self.lex.grammar.ambiguous_name and (
                    j > i or (j + 1 < last and (self.is_name_word(words, j + 1)
                                                or self._family_name(words, j + 1, last)))))
                or (j > i and words.text[j] == "على" and self._name_follows(words, j, last))):
            if self._construct_noun(words, j, last) or (j > i and (self._prepositional(words, j)
                                                                   or self.ruler_of(words, j, last)
                                                                   or (words.bare[j] in self.lex.content_nouns
                                                                       and j + 1 < last and is_definite(words.norm[j + 1])))):
                break  # … or استنكر النائب أحمد قراطة رفض الوزارات: a claim's verbal noun in construct ends the name
            j += 1
        if i < j < last and (self._family_name(words, j, last) or self._linked_on(words, j + 1, last)):
            j += 1
            if j < last and words.norm[j] == "الله":
                j += 1  # رامي الحمد الله: a family name compounded with الله
            while j < last and j - i < MAX_NAME_WORDS and self._further_family_name(words, j):
                j += 1  # مشعل الأحمد الجابر الصباح: a chain of family names
        while i < j < last and j - i < MAX_NAME_WORDS:
            if self._linked_on(words, j, last):
                j += 2  # محمد الأمين ولد الذهبي: a link, then the father's or tribe's name
            elif self._linked_on(words, j - 1, last) and is_definite(words.norm[j]):
                j += 1  # محمد ولد الشيخ الغزواني: the link was read as a name word
                while j < last and j - i < MAX_NAME_WORDS and self._further_family_name(words, j):
                    j += 1
            else:
                break
        if i < j and is_definite(words.norm[j - 1]):
            j = self._last_name_word(words, j, last)
        return j

    def _definite_given_name(self, words: Words, i: int, last: int) -> bool:
        """الناني ولد اشروقه، المختار ولد داداه: a definite word no dictionary knows, with a name
        link and a name after it, opens a personal name."""
        return i + 1 < last and self._surname(words, i) and self._linked_on(words, i + 1, last)

    def _linked_on(self, words: Words, j: int, last: int) -> bool:
        """Is token j a name link (بن، ولد، منت) with a name word or a definite name after it?"""
        if j + 1 >= last:
            return False
        norm = words.norm[j]  # not without و: ولد is a link, not و + لد
        if norm not in self.lex.grammar.name_link or norm in ("عبد", "ابو", "ابي", "ام", "اب"):
            return False
        k = j + 1
        return self.is_name_word(words, k) or (is_definite(words.norm[k]) and not self.is_function(words, k)
                                               and not self._is_cue(words, k)
                                               and (not self.may_head(words, k) or self._titled_tail(words, k, last)))

    def _titled_tail(self, words: Words, k: int, last: int) -> bool:
        """ولد الشيخ الغزواني، بن الشيخ زايد: a title word after a name link is the father's or
        tribe's name when a further name word follows it."""
        return self.is_title(words, k) and k + 1 < last and (
            self.is_name_word(words, k + 1) or self._further_family_name(words, k + 1))

    def _last_name_word(self, words: Words, j: int, last: int) -> int:
        """محمد الصغير سعداوي: after a definite middle name, an indefinite word no dictionary
        knows that ends the phrase is the family name; the index after it, or ``j``."""
        if j >= last or is_definite(words.norm[j]) or not self.is_name_word(words, j) \
                or self.lex.is_ordinary_word(words.text[j]) or not self._closes(words, j + 1, last):
            return j
        return j + 1

    def _further_family_name(self, words: Words, j: int) -> bool:
        """A definite word after a family name that is a listed name or no dictionary word."""
        return (is_definite(words.norm[j]) and not self.is_function(words, j) and not self._is_cue(words, j)
                and not self.is_title(words, j) and not self.may_head(words, j)
                and not self.lex.is_nationality(words.art[j])
                and (self.lex.is_person_name(words.art[j]) or not self.lex.is_ordinary_word(words.text[j])))

    def _prepositional(self, words: Words, j: int) -> bool:
        """An ordinary word carrying ل or ب (لصحافيين، بالحضور): an addressee or an object
        after a name, not the name's next word (but لطفي، بشار are names)."""
        bare = words.bare[j]
        if bare[:1] not in ("ل", "ب") or len(bare) <= 4 or bare in self.lex.grammar.name_link:
            return False  # لاين، بارو: too short to be ل / ب on a noun
        after = words.first_word(j + 1, len(words))
        if bare[:1] == "ب" and not is_definite(words.norm[j]) and self._closes(words, j + 1, len(words)) \
                and (after >= len(words) or not self.is_title(words, after)):
            return False  # حسن بوبريك، إن: an indefinite ب-word that ends the phrase is a name (not بحضور الوزير)
        if bare[:1] == "ل" and self._lam_surname(words, j):
            return False
        plain = strip_marks(words.text[j])
        rest = plain[2:] if plain[:1] in ("و", "ف") and plain[1:2] in ("ل", "ب") else plain[1:]
        # The dictionary reads ل / ب itself: a word it rejects whole (بوديستا) is no ب + word.
        return (not self.lex.is_person_name(words.norm[j], bare) and self.lex.is_ordinary_word(rest)
                and self.lex.is_ordinary_word(words.text[j]))

    def _lam_surname(self, words: Words, j: int) -> bool:
        """عبد الغاني لوكيل: an indefinite singular ل-word right before punctuation, أن / إن or
        a definite title, inside a name, is the family name (not لصحافيين، لرويترز: whom the
        speaker told)."""
        norm, last = words.norm[j], len(words)
        if is_definite(norm) or norm.endswith(("ين", "ون")) or self._has_clitic(words, j) or self._told_outlet(words, j):
            return False
        nxt = words.first_word(j + 1, last)
        return (nxt >= last or words.is_punct(nxt) or words.norm[nxt] in self.lex.grammar.complementiser
                or (is_definite(words.norm[nxt]) and self.is_title(words, nxt)))

    def _surname(self, words: Words, i: int) -> bool:
        """A definite word that no dictionary knows and no list names as a place, body or role
        (العواش، الدعيج): a family name standing for the person."""
        norm = words.norm[i]
        return (is_definite(norm) and not self.is_function(words, i) and not self._is_cue(words, i)
                and not self.may_head(words, i) and not self.lex.is_nationality(words.art[i])
                and not self.is_city(words, i) and not self.lex.is_ordinary_word(words.text[i]))

    def _name_follows(self, words: Words, j: int, last: int) -> bool:
        """هاشم على عبدالرحيم: the name علي written with final ى, inside a name that goes on
        with a name word (not the preposition على before a noun phrase)."""
        nxt = words.next_word(j, last)
        return nxt is not None and self.is_name_word(words, nxt) and \
            self.lex.name_like(words.text[nxt], words.norm[nxt], words.bare[nxt])

    def _construct_noun(self, words: Words, j: int, last: int) -> bool:
        """A ة-noun in construct with a definite word (إصابة اللاعب، نتيجة المباراة): the
        object of the clause, not a name."""
        if not words.text[j].endswith("ة") or j + 1 >= last or words.norm[j] in self.lex.given_names:
            return False  # فاطمة الزهراء، أسامة الحمد: a given name, not a noun in construct
        nxt = words.norm[j + 1]
        # نورة العكيل: a definite word no dictionary knows is a family name, not a genitive
        return is_definite(nxt) and not self._nisba(nxt) and self.lex.is_ordinary_word(words.text[j + 1])

    def _family_name(self, words: Words, j: int, last: int) -> bool:
        """A definite last word of a name: a nisba (الصفدي) or one that closes the phrase."""
        norm = words.norm[j]
        if not norm.startswith("ال") or self.is_function(words, j) or self._is_cue(words, j):
            return False
        linked = j >= 2 and (words.bare[j - 2] in self.lex.grammar.name_link or (
            words.norm[j - 1] in self.lex.grammar.compound_name_tail and not is_definite(words.norm[j - 2])))
        named = words.bare[j - 1] in self.lex.definite_names  # الصديق الصور، المنصف المرزوقي
        if is_definite(words.norm[j - 1]) and not linked and not named:
            return False
        listed = self.lex.is_person_name(words.art[j], words.norm[j])
        if self.is_title(words, j) or self.may_head(words, j):
            # أحمد السيد أن: a listed family name that is also a title closes the name
            return listed and not is_definite(words.norm[j - 1]) and self._closes(words, j + 1, last)
        if self._nisba(norm) and not self.lex.is_nationality(words.art[j]):
            return True
        if is_definite(words.norm[j - 1]):
            # عبد الحميد الدبيبة: after a linked compound, a family name that is a name or no word;
            # after a given name with the article, any that ends the phrase
            return (listed or not self.lex.is_ordinary_word(words.text[j])
                    or (named and self._closes(words, j + 1, last)))
        if listed or not self.lex.is_ordinary_word(words.text[j]):
            return True  # سلمان الغانم، تركي الدعيج: the family name is a name or no word at all
        if norm.endswith(("ات", "ون", "ين")):
            return False  # وصف عباس موسوي العقوبات بأنها: a plural noun is the verb's object
        return self._closes(words, j + 1, last) or self._last_name_word(words, j + 1, last) > j + 1

    def _closes(self, words: Words, k: int, last: int) -> bool:
        """Does the speaker phrase end before token k (the range's end, punctuation, a cue, a
        function word, a claim's verbal noun, a clause or circumstance opener, a second name, a
        title)?"""
        nxt = words.first_word(k, last)
        return (nxt >= last or words.is_punct(nxt) or self._is_cue(words, nxt) or self.is_function(words, nxt)
                or words.bare[nxt] in self.lex.content_nouns  # أكد الدكتور علي العمير حرص الحكومة
                or words.norm[nxt] in self.lex.grammar.clause_opener or words.norm[nxt] in self.lex.grammar.circumstance_opener
                or self._coordinated_name(words, nxt) or self.is_title(words, nxt))

    def _coordinated_name(self, words: Words, j: int) -> bool:
        """وY where Y could start another name: X العطار وY العطار reads as two people."""
        return (words.norm[j] != words.bare[j] and words.norm[j].startswith("و")
                and not is_definite(words.bare[j]) and self.is_name_word(words, j))

    # -- reading -----------------------------------------------------------------------

    def read(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """Read a speaker phrase starting exactly at token i, ending before ``last``;
        ``after_title`` when it stands in apposition to a role (its name may open with an
        ordinary word, as after a title)."""
        if i >= last or not self._word(words, i) or (self.is_function(words, i)
                                                      and not self.opens_with_ali(words, i, last)):
            return None
        after = self.courtesy_end(words, i, last)
        if after > i:
            phrase = self.read(words, after, last, after_title)
            if phrase is not None:
                phrase.first = i
            return phrase
        if words.bare[i] in self.lex.grammar.adjective_title and not (
                i + 1 < last and (is_definite(words.norm[words.first_word(i + 1, last)])
                                  or self._construct_chain(words, words.first_word(i + 1, last), last))):
            return None  # زلزال كبير: an adjective after its noun; كبير محللي الأسواق is a title
        phrase = self._read_single(words, i, last, after_title)
        if phrase is None:
            return None
        if phrase.name.startswith("لل") and phrase.name_start == words.start[i]:
            _restore_article(phrase)
        return self._maybe_group(words, phrase, last)

    def courtesy_end(self, words: Words, i: int, last: int) -> int:
        """Index after the courtesy forms starting at token i (صاحب السمو الملكي، معالي), or i
        when none stands there."""
        j = i
        while j < last:
            for parts in self._courtesy.get(words.bare[j] if j == i else words.norm[j], ()):
                if j + len(parts) <= last and words.norm[j + 1:j + len(parts)] == list(parts[1:]):
                    j += len(parts)
                    break
            else:
                return j
        return j

    def _read_single(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        if words.bare[i] == "كل" and i + 2 < last and words.norm[i + 1] == "من":
            inner = self._read_single(words, i + 2, last)
            if inner is not None:
                group = self._maybe_group(words, inner, last)
                if group.type is SpeakerType.GROUP:
                    group.first = i
                    return group
        for reader in self._readers:  # the kinds table's readers, lexicon heads first
            phrase = reader(words, i, last, after_title)
            if phrase is not None:
                return phrase
        return None

    # -- readers of the kinds table (kinds.py), each for a mention starting at token i ----------

    def read_role(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """A person headed by a title: the role through its qualifiers, then the name if any."""
        if not (self.is_title(words, i) or self.is_counterpart(words, i) or self.ruler_of(words, i, last)):
            return None
        if self._partitive(words, i, last):
            return None  # فريق من العلماء: a group, not the rank فريق
        text = words.source
        if is_definite(words.norm[i]) and i + 1 < last and self._object_after_title(words, i + 1):
            role_end = i + 1
        else:
            role_end = self.qualifiers(words, i + 1, last, self._takes_no_genitive(words, i))
        while role_end < last and self.is_title(words, role_end) and is_definite(words.norm[role_end]):
            role_end = self.qualifiers(words, role_end + 1, last, True)
        role_end = self._stacked_roles(words, role_end, last)
        role_end = self._second_role(words, role_end, last)
        if role_end - 1 > i and self._definite_given_name(words, role_end - 1, last):
            role_end -= 1  # وزير الطاقة الموريتاني الناني ولد اشروقه: the qualifiers took the given name
        quoted = self.quoted_name(words, role_end, last) if role_end < last else None
        name_first = role_end if quoted is None else words.next_word(role_end, last)
        name_end = self.name_run(words, role_end, last) if quoted is None else quoted
        role = text[words.start[i]:words.end[role_end - 1]]
        feminine = ((words.norm[i].endswith("ه") and not self.is_counterpart(words, i)
                     and words.bare_art[i] not in self.lex.grammar.masculine_ta)
                    or words.bare_art[i] in self.lex.grammar.feminine_title)
        gender = "f" if feminine else "m"
        if name_end > role_end:
            return Phrase(i, name_end + (quoted is not None), SpeakerType.PERSON,
                          text[words.start[name_first]:words.end[name_end - 1]],
                          words.start[name_first], words.end[name_end - 1], role, i, role_end, gender,
                          counterpart=self.is_counterpart(words, i))
        return Phrase(i, role_end, SpeakerType.PERSON, role, words.start[i], words.end[role_end - 1],
                      role, i, role_end, gender, counterpart=self.is_counterpart(words, i))

    def read_pair(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """Two people or sides named by a dual (الوزيران، الرئيسان، الجانبان): a group."""
        norm, bare = words.norm[i], words.bare_art[i]
        if not (is_definite(norm) and bare.endswith("ان") and len(bare) > 4):
            return None
        stem, titles = bare[:-2], self.lex.titles
        if not (stem in titles or (stem.endswith("ت") and stem[:-1] + "ه" in titles)
                or bare in self.lex.grammar.pair_noun):
            return None
        end = self.qualifiers(words, i + 1, last, True)
        return self._phrase(words, i, end, SpeakerType.GROUP, "", "du")

    def ruler_of(self, words: Words, i: int, last: int) -> bool:
        """أمير الكويت، ملك الأردن، أمير المنطقة، أمير منطقة الرياض: a title listed only with ال
        (a name bare) heads a role when a country or an area noun follows it; after a name it
        is that role in apposition (فيصل بن سلمان أمير منطقة المدينة), not the name's next word."""
        if words.bare[i] not in self._rulers:
            return False
        nxt = words.next_word(i, last)
        return nxt is not None and (bool(self.place_at(words, nxt, last))
                                    or words.bare_art[nxt] in self.lex.grammar.locality)

    def read_place(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """A country or capital that speaks as a state (قالت طهران)."""
        place = self.place_at(words, i, last)
        return self._phrase(words, i, i + place, SpeakerType.COUNTRY, "f") if place else None

    def read_body(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """An organisation: its head, its proper name, its qualifiers, or the name it gives
        itself (تنظيم يسمي نفسه "X")."""
        org = self.org_at(words, i, last)
        if not org:
            return None
        group = self._partitive(words, i, last)
        if group:  # فريق من علماء الفلك في جامعة كامبريدج
            return self._phrase(words, i, group, SpeakerType.ORGANIZATION, "m")
        end = self._proper_run(words, i + org, last)
        if end == i + org and words.bare[i] in self.lex.grammar.facility and end < last and self.is_title(words, end):
            named_after = self.read_role(words, end, last)  # مستشفى الملك سلمان التخصصي
            end = named_after.last if named_after is not None else end
        if not self._disagrees(words, i, org, end, last):
            end = self.qualifiers(words, end, last, is_definite(words.norm[i]) or org > 1 or end > i + org)
        end = self._proper_run(words, end, last)
        end = self._foreign_title(words, i + org, end, last)
        nxt = words.next_word(end - 1, last) if end > i else None
        if nxt is not None and words.norm[nxt] == "في" and nxt + 1 < last:
            where = words.first_word(nxt + 1, last)
            place = self.place_at(words, where, last) or int(where < last and self.is_city(words, where))
            if place:  # السفارة الأمريكية في بغداد، مكتب الأمم المتحدة في جنيف
                end = where + place
        named = self._self_named(words, end, last)
        gender = "f" if words.bare[i].endswith("ه") else "m"
        if named is not None:
            start, stop, close = named
            phrase = self._phrase(words, start, stop, SpeakerType.ORGANIZATION, gender)
            phrase.first, phrase.last = i, close
            return phrase
        return self._phrase(words, i, end, SpeakerType.ORGANIZATION, gender)

    def _feminine_after_man(self, words: Words, j: int) -> bool:
        """Is token j a feminine definite word right after a definite man's title (المدرب الإدارة)?"""
        head = words.norm[j - 1] if j > 0 else ""
        return (words.norm[j].endswith("ه") and is_definite(head) and not head.endswith(("ه", "ات", "ون", "ين"))
                and self.is_title(words, j - 1))

    @staticmethod
    def _disagrees(words: Words, i: int, org: int, end: int, last: int) -> bool:
        """Is the definite word after a one-word feminine body (الوزارة، الشركة) masculine? An
        adjective after it would agree (الشركة الوطنية), and a definite noun is no genitive,
        so it is the verb's object: عزت الشركة التأخير إلى …"""
        if org != 1 or end != i + 1 or end >= last or not is_definite(words.norm[i]) \
                or not words.norm[i].endswith("ه"):
            return False
        nxt = words.norm[end]
        return is_definite(nxt) and not nxt.endswith(("ه", "ات")) \
            and not words.text[end].endswith(("ى", "ا"))  # المفوضية العليا، الهيئة الكبرى: فُعلى agrees

    def read_document(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """A statement, report or communiqué (البيان الختامي، تقرير المنظمة)."""
        if not self.in_set(words, i, self.lex.documents):
            return None
        end = self.qualifiers(words, i + 1, last, is_definite(words.norm[i]))
        for k in range(i + 1, end):  # التقرير المستند إلى …: what the document rests on is no name
            nxt = words.next_word(k, last)
            if is_definite(words.norm[k]) and nxt is not None and words.norm[nxt] in ("الي", "علي", "عن"):
                end = k
                break
        gender = "f" if self.head(words, i).endswith("ه") else "m"
        named = end
        if end < last and is_definite(words.norm[i]) and self.lex.is_person_name(words.norm[end], words.bare[end]):
            named = self.name_run(words, end, last, after_title=False)
        if named > end:  # الحكم الدولي السابق جمال الشريف: a person the words describe, not a ruling
            start, stop = words.start[end], words.end[named - 1]
            return Phrase(i, named, SpeakerType.PERSON, words.source[start:stop], start, stop,
                          words.span_text(i, end), i, end)
        return self._phrase(words, i, end, SpeakerType.DOCUMENT, gender)

    def read_unnamed(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """An unnamed source with its description and place (مصدر أمني، مصادر من عين المكان),
        and the count before it (أربعة مصادر في أوبك+)."""
        if (words.bare[i] in self.lex.grammar.count_word or words.norm[i].isdigit()) and i + 1 < last \
                and self.in_set(words, words.first_word(i + 1, last), self.lex.unnamed):
            counted = self.read_unnamed(words, words.first_word(i + 1, last), last)
            if counted is not None:
                counted.first, counted.name_start = i, words.start[i]
                counted.name = words.source[counted.name_start:counted.name_end]
                counted.number = "pl"
            return counted
        group = self._partitive(words, i, last) if not self.org_at(words, i, last) else 0
        if group:  # عدد من المعلمين
            return self._phrase(words, i, group, SpeakerType.UNNAMED, "m", "pl")
        if not self.in_set(words, i, self.lex.unnamed):
            return None
        end = self.qualifiers(words, i + 1, last, is_definite(words.norm[i]))
        if not is_definite(words.norm[i]):
            described = self._source_adjectives(words, end, last)
            if described > end:
                end = self.qualifiers(words, described, last, True)
        end = self._where_from(words, end, last)
        end = next((k for k in range(i + 1, end) if self._told_outlet(words, k)), end)
        end = self._anonymity_aside(words, end, last)
        number = "pl" if words.bare[i].endswith(("ون", "ين")) or self.head(words, i) in self.lex.grammar.plural_head else "sg"
        return self._phrase(words, i, end, SpeakerType.UNNAMED, "m", number)

    def _source_adjectives(self, words: Words, j: int, last: int) -> int:
        """Index after the indefinite adjectives describing an unnamed source from token j
        (مصدر أمني مطلع، وسائل إعلام جزائرية رسمية، مصادر غربية رفيعة): nisbas and the listed
        ``[source_adjective]`` words."""
        while j < last and self._word(words, j) and not is_definite(words.norm[j]) and not self.is_function(words, j) \
                and (words.bare[j] in self.lex.grammar.source_adjective
                     or (self._nisba(words.norm[j]) and self.lex.is_ordinary_word(words.text[j]))):
            j += 1
        return j

    def _told_outlet(self, words: Words, k: int) -> bool:
        """ل + a news outlet (لرويترز، لوكالة فرانس برس، لصحيفة …) after an unnamed source: whom
        it told, not where the source is from."""
        norm = words.norm[k]
        if not norm.startswith("ل") or norm.startswith("لل") or len(norm) < 4:
            return False
        rest = norm[1:]
        return rest in self.lex.grammar.outlet_head or rest in self.lex.grammar.news_outlet

    def _spoken_to(self, words: Words, j: int, last: int) -> bool:
        """ل + a news outlet (لوكالة الأنباء) or لل + a listed audience (للصحفيين) after a role:
        whom the speaker told, unless a name follows the outlet's phrase (المدير العام لوكالة
        الأنباء السعودية علي الحازمي: the agency the director runs)."""
        norm = words.norm[j]
        if norm[:1] != "ل":
            return False
        if norm.startswith("لل"):
            return "ال" + norm[2:] in self.lex.grammar.audience
        if not self._told_outlet(words, j):
            return False
        outlets, k = self.lex.grammar.news_outlet, j + 1
        while k < last and k - j <= MAX_CHAIN_WORDS and (
                is_definite(words.norm[k]) or words.is_quote(k) or words.norm[k] in outlets or words.norm[k - 1] in outlets):
            k += 1  # the outlet's own name: وكالة الأنباء السعودية، وكالة فرانس برس، صحيفة «الشرق»
        return not (k > j + 1 and self.name_run(words, k, last) > k + 1)

    def _partitive(self, words: Words, i: int, last: int) -> int:
        """Index after «X من Y» headed by a partitive word at i (فريق من العلماء، عدد من
        المعلمين في المدينة), or 0 when token i heads none."""
        if not self.in_set(words, i, self.lex.grammar.partitive_head):
            return 0
        of = words.next_word(i, last)
        if of is None or words.norm[of] != "من":
            return 0
        k = words.next_word(of, last)
        if k is None or self.is_function(words, k) or self._is_cue(words, k) or not self._word(words, k):
            return 0
        if is_definite(words.norm[k]):
            end = self.qualifiers(words, k + 1, last, True)
        else:
            end = self._construct_chain(words, k, last) or k + 1
        return self._where_from(words, end, last)

    def _anonymity_aside(self, words: Words, j: int, last: int) -> int:
        """Index after an unnamed source's aside on its anonymity (لم تسمه، طلب عدم الكشف عن
        اسمه، وصفت بالمطلعة), or ``j`` when none follows."""
        grammar = self.lex.grammar
        k = words.first_word(j, last)
        if k < last and words.norm[k] in grammar.described_as:
            described = words.first_word(k + 1, last)
            if described < last and words.norm[described].startswith("بال"):
                return described + 1
            return j
        if k >= last or words.norm[k] in grammar.anonymity_condition:
            return j  # شريطة عدم الكشف عن هويته: how the source spoke, not who it is
        for n in range(k, min(last, k + 6)):
            if words.is_punct(n) or words.norm[n] in grammar.complementiser:
                return j
            if words.norm[n] in grammar.withheld_name:
                return n + 1
        return j

    def read_name(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """A person by name alone (فادي حداد)."""
        end = self.name_run(words, i, last, after_title=after_title)
        return self._phrase(words, i, end, SpeakerType.PERSON, self.name_gender(words, i)) if end > i else None

    def read_surname(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """A person by a definite family name no dictionary knows (وأضاف العواش أن)."""
        if not self._surname(words, i):
            return None
        end = i + 1
        while end < last and end - i < MAX_NAME_WORDS and self._surname(words, end):
            end += 1
        return self._phrase(words, i, end, SpeakerType.PERSON, "m")

    def read_described_name(self, words: Words, i: int, last: int, after_title: bool = False) -> Phrase | None:
        """A name after the nisba that describes it (الإعلامي أحمد سالم)."""
        return self._described_name(words, i, last)

    def _described_name(self, words: Words, i: int, last: int) -> Phrase | None:
        """الفرنسي هوبير فيلود، الإعلامي أحمد سالم، الجنوب إفريقي فلان: a nisba (after a
        definite word, for a two-word nationality) describing the name after it."""
        norm = words.norm[i]
        if not is_definite(norm) or self.is_function(words, i):
            return None
        nisba = i
        if not (self._nisba(norm) and norm.endswith("ي")):
            nxt = words.norm[i + 1] if i + 1 < last else ""
            if not (self._nisba(nxt) and strip_marks(words.text[i + 1]).endswith("ي")) or is_definite(nxt) \
                    or self.lex.is_person_name(nxt, words.bare[i + 1]):
                return None  # الممرضة ليلى حسن: ليلى ends in ى and is a name, no nisba
            nisba = i + 1  # الجنوب إفريقي
        end = self.name_run(words, nisba + 1, last)
        if end == nisba + 1:
            return None
        start, stop = words.start[nisba + 1], words.end[end - 1]
        return Phrase(i, end, SpeakerType.PERSON, words.source[start:stop], start, stop,
                      role=words.span_text(i, nisba + 1), role_first=i, role_last=nisba + 1)

    def subject_slot(self, words: Words, a: int, b: int) -> Phrase | None:
        """The words that fill a cue's subject slot when no reader knows them (قال بارو إن،
        قالت البائعة سارة حسن إن): a verb of saying is followed by its subject, so a phrase from
        ``a`` that ends the chunk ``a:b`` (or meets an adverbial: في تصريح، اليوم) is who
        spoke. A definite word heads a role, read as a title's is, and a name may follow it;
        otherwise a short run of content words is a name, or, when an indefinite word stands in
        construct with a definite one (إحدى المشاركات), an unnamed source. Not an adverbial
        (مجددا، ساخرا), an addressee (لصحافيين), a pronoun word (عنه; but أحد السكان), ذلك/ذات,
        a cue or a number."""
        if not self._slot_word(words, a) or self._waw_word_after_cue(words, a):
            return None
        if words.bare[a] in self.lex.grammar.quantifier and a + 1 < b and words.norm[a + 1].endswith("ات") \
                and is_definite(words.norm[a + 1]):
            return None  # نفى كافة الاتهامات: the verb's object, things, not who spoke
        if is_definite(words.norm[a]) and not _hamza_initial(words.text[a]):
            role_end = self.qualifiers(words, a + 1, b, True)
            end = self.name_run(words, role_end, b, after_title=False)  # no title: قطعيا is no name
        else:
            role_end = a
            end = a
            while end < b and end - a < MAX_SUBJECT_WORDS and self._slot_word(words, end):
                end += 1
        after = words.first_word(end, b)
        if after < b and ((not self.is_function(words, after) and not self._addressee(words, after))
                          or words.norm[after] in self.lex.grammar.same_as_before):
            return None  # المصادر ذاتها: the sources named before, which a continuation finds
        text = words.source
        if role_end == a:
            if any(is_definite(words.norm[k]) for k in range(a, end)):  # إحدى المشاركات
                return self._phrase(words, a, end, SpeakerType.UNNAMED, "m")
            return self._phrase(words, a, end, SpeakerType.PERSON, self.name_gender(words, a))
        role = text[words.start[a]:words.end[role_end - 1]]
        gender = "f" if words.norm[a].endswith("ه") else "m"
        if role_end == end:
            return Phrase(a, end, SpeakerType.PERSON, role, words.start[a], words.end[end - 1],
                          role, a, end, gender)
        start, stop = words.start[role_end], words.end[end - 1]
        return Phrase(a, end, SpeakerType.PERSON, text[start:stop], start, stop, role, a, role_end,
                      gender)

    def source_words(self, words: Words, a: int, b: int) -> Phrase | None:
        """The words a transmitting cue names as its source when no reader knows them (نقلت
        الوكالة عن مهندسين في حقل الشرارة أن): a short run of content words and where they
        are from, an unnamed source."""
        end = a
        while end < b and end - a < MAX_SUBJECT_WORDS and self._slot_word(words, end) and not self._closes(words, end, b):
            end += 1
        if end == a:
            return None
        end = self._where_from(words, end, b)
        plural = words.bare[a].endswith(("ون", "ين")) or words.bare[a] in self.lex.grammar.plural_head
        return self._phrase(words, a, end, SpeakerType.UNNAMED, "m", "pl" if plural else "sg")

    def _addressee(self, words: Words, k: int) -> bool:
        """ل + who was spoken to (لوكالة فرانس برس، للصحفيين، لصحيفة X): it ends the subject."""
        norm = words.norm[k]
        if words.text[k].startswith("لـ"):
            return True  # لـ"الشروق"، لـCNN
        if not norm.startswith("ل") or len(norm) < 4:
            return False
        if norm.startswith("لل"):
            return True
        rest = without_proclitic(words, k)
        return self._prepositional(words, k) or bool(self.org_at(rest, k, len(words))) or self.may_head(rest, k)

    def _slot_word(self, words: Words, k: int) -> bool:
        """Can token k stand in a subject slot's run (``subject_slot``)?"""
        norm, bare = words.norm[k], words.bare[k]
        grammar = self.lex.grammar
        if (not self._word(words, k) or words.is_quote(k) or self.is_function(words, k)
                or self._is_cue(words, k) or any(ch.isdigit() for ch in norm)
                or norm in grammar.back_pointer or bare in grammar.same_before_noun or bare in grammar.courtesy_pronoun
                or self.lex.is_occasion(words.bare_art[k])
                or norm in grammar.same_as_before):
            return False
        if self._prepositional(words, k):
            return False  # لصحافيين، بالقول
        if (self.lex.is_person_name(norm, bare) or not self.lex.is_ordinary_word(words.text[k])
                or self.place_at(words, k, len(words)) or self.is_city(words, k)):
            return True  # a name, no word at all, or a place (أمانة جدة)
        nxt = words.next_word(k, len(words))
        short = len(bare) <= 3 and not (nxt is not None and is_definite(words.norm[nxt]))
        return is_definite(norm) or not (short or bare.endswith("ا") or self._has_clitic(words, k))

    def _own_noun(self, words: Words, k: int) -> bool:
        """A noun with the pronoun ه (أمله، رأيه، متابعته): the dictionary knows the word without
        it (a ة written ت before the pronoun), and no list names it (طه، عبده، نبيه)."""
        plain = strip_marks(words.text[k])
        if not plain.endswith("ه") or len(plain) <= 3 or self.lex.is_person_name(words.norm[k], words.bare[k]):
            return False
        stem = plain[:-1]
        return self.lex.is_ordinary_word(stem) or (stem.endswith("ت") and self.lex.is_ordinary_word(stem[:-1] + "ة"))

    def _has_clitic(self, words: Words, k: int) -> bool:
        """Does token k end in a pronoun suffix on a word (بياناتها، فريقنا، حديثه)? Not when
        what stands before the suffix is no word (أنالينا)."""
        plain = strip_marks(words.text[k])
        match = _CLITIC.search(words.bare[k])
        if match is not None:
            return self.lex.is_ordinary_word(plain[:len(plain) - len(match[1])])
        # ه as written (not ة): حديثه، كلمته; a name in ه (طه، عبده) is listed before this is asked
        return plain.endswith("ه") and len(plain) > 4 and self.lex.is_ordinary_word(plain[:-1])

    def _where_from(self, words: Words, j: int, last: int) -> int:
        """An unnamed source's place: «مصادر من عين المكان»، «مسؤول في وزارة الخارجية»، «مصدر
        بالشركة». The complement describes who the source is, so it belongs to the mention."""
        if j >= last or words.norm[j] not in self.lex.grammar.source_link or j + 1 >= last:
            return j
        k = words.first_word(j + 1, last)
        if k >= last:
            return j
        if is_definite(words.norm[k]) and not self.is_function(words, k):
            return self.qualifiers(words, k + 1, last, True)
        org = self.org_at(words, k, last)
        if org:
            return self.qualifiers(words, k + org, last, org > 1 or is_definite(words.norm[k]))
        chain = self._construct_chain(words, k, last)
        if chain:
            return chain
        proper = self._proper_run(words, k, last)  # مصادر في أوبك+، مسؤول في هيومن رايتس ووتش
        if proper > k and self._closes(words, proper, last):
            return proper + (1 if proper < last and words.text[proper] == "+" else 0)
        return j

    def _proper_run(self, words: Words, j: int, last: int) -> int:
        """A body's proper name after its head: words no dictionary knows (شركة جنرال موتورز،
        وكالة بلومبرغ); the index after them (``j`` when there is none)."""
        end = j
        while end < last and end - j < MAX_NAME_WORDS and (
                (self._word(words, end) and not is_definite(words.norm[end]) and not self.is_function(words, end)
                 and not self._is_cue(words, end) and (not self.lex.is_ordinary_word(words.text[end])
                                                       or (end > j and words.text[end - 1] == ".")))
                or (end > j and end + 1 < last and abbreviation_dot(words, end))):  # بنك اتش.اس.بي.سي
            end += 1
        return end

    def _foreign_title(self, words: Words, first: int, end: int, last: int) -> int:
        """مجلة فورين بوليسي: a body's transliterated name that the dictionary half knows (it
        accepts فورين، بوليسي) goes on through indefinite words when the phrase closes right
        after them; ``end`` when no such run closes within two more words."""
        if end != first + 1 or is_definite(words.norm[first]):
            return end
        k = end
        while k < last and k - end < 2 and self._word(words, k) and not is_definite(words.norm[k]) \
                and not self.is_function(words, k) and not self._is_cue(words, k) and not self._has_clitic(words, k) \
                and words.norm[k] not in self.lex.grammar.clause_opener and words.bare[k] == words.norm[k]:
            k += 1
            if self._closes(words, k, last):
                return k
        return end

    def _object_after_title(self, words: Words, j: int) -> bool:
        """ووصف الوزير الاتفاق بأنه: a definite ordinary noun right after a definite title,
        neither a nisba nor a listed role adjective (العام، السابق), a name, a place or a head:
        a definite title takes no genitive, so the noun begins the verb's object."""
        norm = words.norm[j]
        return (is_definite(norm) and not self._nisba(norm) and norm not in self.lex.grammar.role_adjective
                and not self.is_function(words, j) and not self.is_title(words, j) and not self.may_head(words, j)
                and not self.place_at(words, j, len(words)) and not self.is_city(words, j)
                and not self.lex.is_person_name(words.art[j]) and not self.lex.is_person_name(norm)
                and self.lex.is_ordinary_word(words.text[j]))

    def _takes_no_genitive(self, words: Words, i: int) -> bool:
        """A title that a genitive cannot follow: definite (الوزير), a counterpart (نظيره) or an
        honorific (دكتور فلان); an indefinite role is in construct (وزير خارجية مصر)."""
        return (is_definite(words.norm[i]) or self.is_counterpart(words, i)
                or self.in_set(words, i, self.lex.honorifics))

    def _stacked_roles(self, words: Words, j: int, last: int) -> int:
        """«أمين سر اللجنة مدير إدارة المرور بالمدينة العقيد فلان»: further roles, each with its
        qualifiers, stacked before one name, belong to the same person. Taken only when a name
        closes the stack; otherwise the first role ends at ``j`` (استقبل وزير X سفير Y)."""
        end = j
        for _ in range(2 * MAX_STACKED_ROLES):  # a role, or a service word, per step
            if end >= last:
                break
            # not joined by و (ووزير: a second person), though a title may begin with و (وزير)
            joined = words.bare[end] != words.norm[end] and words.norm[end] not in self.lex.titles \
                and words.art[end] not in self.lex.titles
            if self.is_title(words, end) and not joined:
                end = self.qualifiers(words, end + 1, last, self._takes_no_genitive(words, end))
            elif (end + 1 < last and self._word(words, end) and not self.is_function(words, end)
                  and self.is_title(words, end + 1) and not is_definite(words.norm[end])
                  and not (words.bare[end][:1] in ("ب", "ل") and len(words.bare[end]) > 3)  # بحضور محافظ …
                  and words.bare[end] not in self.lex.grammar.facility  # زار الوزير مستشفى الملك فهد
                  and words.norm[end] not in self.lex.grammar.name_link):  # عبد الملك: a name, not a rank
                end += 1  # اللواء شرطة دكتور فلان: a rank's service word between two titles
            else:
                break
        if end > j and self.name_run(words, end, last) > end:
            return end
        return j

    def _second_role(self, words: Words, j: int, last: int) -> int:
        """«نائب المنسق … ومنسق الشؤون الإنسانية، فلان»: a second role joined by و belongs to
        the same person when one name follows both (else ``X ووزير Y`` are two speakers)."""
        if j >= last or not words.norm[j].startswith("و") or is_definite(words.norm[j]) \
                or words.bare[j] not in self.lex.titles:
            return j
        end = self.qualifiers(words, j + 1, last, False)
        if self.name_run(words, end, last) > end:
            return end
        # The name may stand in apposition after a comma, past the end of this chunk.
        limit = len(words)
        if end < limit and words.text[end] in (",", "،"):
            name = words.next_word(end, limit)
            after = self.name_run(words, name, limit) if name is not None else None
            if after is not None and after > name and after < limit and words.text[after] in (",", "،"):
                return end
        return j

    def _self_named(self, words: Words, j: int, last: int) -> tuple[int, int, int] | None:
        """``تنظيم يسمي نفسه “X”``: return the quoted name's tokens and the closing mark."""
        if j + 2 < last and words.bare[j] in self.lex.grammar.self_naming:
            k = j + 1
            while k < last and k < j + 4 and not words.is_quote(k):
                k += 1
            if k < last and words.is_quote(k):
                close = self._close_quote(words, k, last)
                if close is not None and close > k + 1:
                    return k + 1, close, close + 1
        return None

    def _phrase(self, words: Words, i: int, j: int, kind: SpeakerType, gender: str, number: str = "sg") -> Phrase:
        start, end = words.start[i], words.end[j - 1]
        return Phrase(i, j, kind, words.source[start:end], start, end, gender=gender, number=number)

    def _maybe_group(self, words: Words, phrase: Phrase, last: int) -> Phrase:
        """``X وY`` where Y is a phrase of a speaking kind: one group speaker."""
        j = phrase.last
        if j >= last or not words.norm[j].startswith("و") or len(words.norm[j]) < 3:
            return phrase
        if not kind_of(phrase.type).groups:
            return phrase
        probe = _without_conjunction(words, j)
        other = self._read_single(probe, j, last)
        if other is None or not kind_of(other.type).groups:
            return phrase
        if (phrase.type is SpeakerType.PERSON) != (other.type is SpeakerType.PERSON):
            return phrase
        start = words.start[phrase.first]
        if phrase.role and phrase.name != phrase.role:
            start = phrase.name_start
        name = words.source[start:words.end[other.last - 1]]
        if phrase.role and other.name != other.role and phrase.name != phrase.role:
            name = phrase.name + " و" + other.name
        end = words.end[other.last - 1]
        return Phrase(phrase.first, other.last, SpeakerType.GROUP, name, start, end,
                      gender="", number="du", surface=words.source[start:end], members=(phrase, other))


def _without_conjunction(words: Words, j: int) -> Words:
    """The same tokens with token j read without its conjunction و (no list is copied)."""
    return dataclasses.replace(words, norm=_Overlay(words.norm, j, words.bare[j]),
                               art=_Overlay(words.art, j, words.bare_art[j]))


def _restore_article(phrase: Phrase) -> None:
    """للتقرير، للمتحدث باسم الوزارة: ل on a definite word drops the article's alef; the
    phrase is named with the article (التقرير) and its mention keeps the article's own letters."""
    phrase.surface = phrase.surface or phrase.name
    if phrase.role == phrase.name:
        phrase.role = "ال" + phrase.role[2:]
    phrase.name = "ال" + phrase.name[2:]


def _hamza_initial(text: str) -> bool:
    """Does the word (after one و / ف) begin with a hamza alef (ألفريد، وإلياس), which
    normalisation folds into the article's bare alef?"""
    first = text[1:2] if text[:1] in ("و", "ف") and len(text) > 2 else text[:1]
    return first in ("أ", "إ", "آ")


def without_proclitic(words: Words, j: int) -> Words:
    """The same tokens with token j read without its first letter, a proclitic preposition
    (وفقا لوزارة الصحة -> وزارة الصحة): text, offset and lookup forms of that token change."""
    rest = words.text[j][1:]
    norm, bare, art, bare_art = word_forms(rest)
    return dataclasses.replace(
        words, text=_Overlay(words.text, j, rest), start=_Overlay(words.start, j, words.start[j] + 1),
        norm=_Overlay(words.norm, j, norm), bare=_Overlay(words.bare, j, bare),
        art=_Overlay(words.art, j, art), bare_art=_Overlay(words.bare_art, j, bare_art))


def without_accusative(words: Words, j: int) -> Words:
    """The same tokens with token j read without its accusative alef (أن ضابطا كبيرا قال ->
    ضابط): only its lookup forms change, so a phrase read from it keeps the article's text."""
    norm, bare, art, bare_art = word_forms(words.text[j][:-1])
    return dataclasses.replace(
        words, norm=_Overlay(words.norm, j, norm), bare=_Overlay(words.bare, j, bare),
        art=_Overlay(words.art, j, art), bare_art=_Overlay(words.bare_art, j, bare_art))


class _Overlay:
    """A read-only list view with one position replaced (no copy of the list)."""

    def __init__(self, items: list[str], j: int, value: str) -> None:
        self._items, self._j, self._value = items, j, value

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self._items))
            part = self._items[key]
            if start <= self._j < stop:
                part = list(part)
                part[self._j - start] = self._value
            return part
        return self._value if key == self._j else self._items[key]

    def __len__(self) -> int:
        return len(self._items)


@lru_cache(maxsize=1 << 14)
def phrase_key(words_text: str) -> tuple[str, ...]:
    """Role comparison key: each word without conjunction, article, or feminine ending. A
    و left after the article goes too, so وزارة and الوزارة give one key (a word that begins
    with و loses it whether or not it was a conjunction)."""
    key = []
    for token in words_text.split():
        token = strip_article(strip_conjunction(token))
        if token.startswith("و") and len(token) > 3:
            token = token[1:]
        if token.endswith("ه") and len(token) > 3:
            token = token[:-1]
        key.append(token)
    return tuple(key)
