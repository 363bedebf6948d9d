"""Attribution: decide who made each statement, and turn drafts into records.

Pass by pass, for each sentence (``Attributor.attribute_sentence``):

1. mentions: the role-, body- and place-headed phrases of the sentence (``scan``), so later
   role-only mentions resolve and continuations have candidates;
2. statements: each reporting cue and the content it opens (``StatementFinder.draft``), or
   the sentence before a back-pointing cue (``_retro``: أعلن ذلك فلان);
3. speaker strategies, tried in order (``STRATEGIES``; the strategy names the rule's last
   part, ``records.Strategy``): coordination (قال وأضاف), a «الجهة:» label, transmission after
   عن, wording in a document (جاء في البيان), sourcing (حسب / وفقا لـ), the cue's subject after
   or before it, and continuation: the latest speaker whose gender and number agree, where
   bodies and places mentioned in passing never speak by recency;
4. role resolution: a role-only speaker becomes the person the article named with that role
   (``EntityTable``);
5. assembly: confidence from the rules' weights, channels that only carry another
   statement with its own speaker dropped (وذكرت الوكالة أن مسؤولا قال إن ...).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from qawl.engine.entities import Entity, EntityTable, name_key
from qawl.engine.kinds import kind_of
from qawl.engine.lexicon import CueEntry, Lexicon
from qawl.engine.normalize import normalize
from qawl.engine.phrases import MAX_PHRASE_WORDS, Phrase, PhraseReader, phrase_key, without_accusative, without_proclitic
from qawl.engine.records import Marker, Mention, Method, QuoteKind, Section, SpeakerType, Strategy
from qawl.engine.sections import classify_lines
from qawl.engine.sentences import Sentence, split_sentences
from qawl.engine.statements import BOUNDARY_PUNCT, MAX_LABEL_TOKENS, MAX_ZONE, SENTENCE_ENDS, Draft, StatementFinder
from qawl.engine.tokens import Words, is_definite, word_forms

Found = tuple["Phrase | None", Strategy]
"""What a speaker strategy decides: the speaker's phrase (None: the latest agreeing speaker)."""
UNSOURCED: Found = (None, Strategy.SOURCING)
"""A statement whose source word names no speaker (حسب الخطة): no record is made."""
CHUNK_BREAKS = BOUNDARY_PUNCT | {"(", ")", "[", "]", "-", "–"}
MAX_QUOTED_NAME = 5
"""Tokens a name in quotation marks after a role may take, its marks included."""

MAX_COURTESY_WORDS = 4
"""How far into a mention its courtesy is looked for (صاحب السمو الملكي الأمير …)."""

CONTINUATION_REACH = 4
"""How many sentences back a continuation cue looks for the speaker it goes on with."""
SUBJECT_REACH = 12
"""Tokens after a cue without content searched for its subject (a name and a role in apposition)."""
DATELINE_TOKENS = 4
"""How far into a sentence a dateline's dash, then its agency's colon, is looked for (جدة - واس: …)."""
THAT_ON_NEXT_LINE = 12
"""How far into the next line a hard-wrapped statement's أن may stand (⏎في مدينة دبي أن …)."""
MIN_AFTER_SOURCE = 3
"""The fewest tokens of content after a source that opens its clause with no comma."""
MAX_MASTHEAD_TOKENS = 16
"""A «role: name» masthead line's name, abbreviated title included, is no longer than this."""
DASHES = ("-", "–", "—")
LEADING_ADVERBIAL = 5
"""Tokens at a sentence's start that may hold an adverbial set off by a comma (من جهته،)."""


@dataclass
class Attributed:
    """A draft with its speaker, ready to become a ``Quote`` record."""

    draft: Draft
    cue: Mention
    entity: Entity
    mention: Mention | None
    method: Method
    rule: str
    confidence: float
    start: int
    end: int


@dataclass
class _Seen:
    """An entity met at token ``index`` of sentence ``sentence``."""

    index: int
    sentence: int
    section: Section
    entity: Entity
    mention: Mention
    spoke: bool
    voice: str = ""
    """The gender of the document the entity spoke through, if any (``Phrase.voice_gender``)."""


def _headed(phrase: Phrase) -> bool:
    """A phrase the lexicon vouches for (a title, organisation, place ...), not a bare name run."""
    return phrase.type is not SpeakerType.PERSON or bool(phrase.role)


def _labels(phrase: Phrase | None, words: Words, lex: Lexicon) -> bool:
    """Can this phrase head a «الجهة: …» line? A titled person or a body, but not a place or
    an outlet, which open datelines (الرياض: …، ميدل ايست نيوز: …، وكالة X: …)."""
    if phrase is None or phrase.type not in (SpeakerType.PERSON, SpeakerType.ORGANIZATION,
                                             SpeakerType.DOCUMENT):
        return False
    return _headed(phrase) and words.art[phrase.first] not in lex.grammar.outlet_head


class Attributor:
    """Attributes the statements of one article, sentence by sentence."""

    def __init__(self, lex: Lexicon, words: Words) -> None:
        self.lex = lex
        self.words = words
        self.reader = PhraseReader(lex)
        self.finder = StatementFinder(lex, self.reader)
        self.table = EntityTable(lex.is_nationality)
        self.seen: dict[int, list[_Seen]] = {}
        self.scanned: dict[int, dict[int, tuple[Phrase, Entity, bool]]] = {}
        self.fully_scanned: set[int] = set()
        self._sentences: dict[int, Sentence] = {}
        self.cue_index = self.finder.index_cues(words)
        self.head_positions = self.reader.head_positions(words)
        self.results: list[Attributed] = []
        self._current: list[Attributed] = []
        self._contents: dict[int, list[tuple[int, int]]] = {}
        """Each attributed sentence's content spans: a mention inside one is what someone said."""

    # -- mentions ---------------------------------------------------------------------

    def _starts_mention(self, i: int, last: int, titles_only: bool) -> bool:
        r, w = self.reader, self.words
        if r.is_title(w, i) or r.is_counterpart(w, i) or r.ruler_of(w, i, last):
            # في مؤتمر صحفي بحضور …: صحفي describes the occasion, it is no journalist
            return is_definite(w.norm[i]) or i == 0 or not self.lex.is_occasion(w.bare_art[w.prev_word(i)])
        return not titles_only and (
            bool(r.org_at(w, i, last)) or bool(r.place_at(w, i, last))
            or r.in_set(w, i, self.lex.documents) or r.in_set(w, i, self.lex.unnamed))

    def scan(self, sentence: Sentence, titles_only: bool = True) -> dict[int, tuple[Phrase, Entity, bool]]:
        """Register the lexicon-headed phrases of the sentence outside quotation marks.

        Role phrases are read for every sentence, since later role-only mentions resolve
        through them; the other mentions only matter to a cue that continues a speaker, so
        ``titles_only=False`` reads them when one asks (see ``_mentions``).
        """
        found = self.scanned.setdefault(sentence.index, {})
        previous_role = ""
        resume = sentence.first
        heads = self.head_positions
        for i in heads[bisect.bisect_left(heads, sentence.first):bisect.bisect_left(heads, sentence.last)]:
            if i < resume or sentence.quote_at(i) is not None:
                continue
            if i in found:
                phrase = found[i][0]
            elif self._starts_mention(i, sentence.last, titles_only):
                phrase = self.reader.read(self.words, i, sentence.last)
                if phrase is None:
                    continue
                if self._named_after(i, sentence):
                    resume = max(phrase.last, i + 1)
                    continue
                entity, resolved = self.table.add(phrase, previous_role)
                found[i] = (phrase, entity, resolved)
                self._remember(phrase.first, sentence, entity, phrase, spoke=False)
                for member in phrase.members:  # بحضور محافظ بغداد فلان ووزير الصحة فلان: each one too
                    if member.type is SpeakerType.PERSON and not member.role_only:
                        self.table.add(member)
            else:
                continue
            if phrase.role and not phrase.counterpart:
                previous_role = phrase.role
            resume = max(phrase.last, i + 1)
        return found

    def _named_after(self, i: int, sentence: Sentence) -> bool:
        """Is the phrase at token i the name of a place or prize it follows (مستشفى الملك فهد),
        or an adjective of an occasion (مؤتمر صحفي، لقاء صحفي)?"""
        w = self.words
        k = i - 1
        while k >= sentence.first and not w.text[k].strip():
            k -= 1
        return k >= sentence.first and (w.bare[k] in self.lex.grammar.facility or (
            self.lex.is_occasion(w.bare_art[k]) and not is_definite(w.norm[i])))  # مؤتمر صحفي

    def _mentions(self, sentence: Sentence) -> None:
        """Read all the mentions of a sentence, once."""
        if sentence.index not in self.fully_scanned:
            self.fully_scanned.add(sentence.index)
            self.scan(sentence, titles_only=False)

    def _remember(self, index: int, sentence: Sentence, entity: Entity, phrase: Phrase, spoke: bool) -> None:
        mention = phrase.mention
        self._see(_Seen(index, sentence.index, sentence.section, entity, mention, spoke, phrase.voice_gender))

    def _see(self, seen: _Seen) -> None:
        self.seen.setdefault(seen.sentence, []).append(seen)

    # -- speakers ---------------------------------------------------------------------

    def _chunks(self, first: int, last: int) -> list[tuple[int, int]]:
        chunks, start = [], first
        for k in range(first, last):
            if self.words.text[k] in CHUNK_BREAKS:
                if k > start:
                    chunks.append((start, k))
                start = k + 1
        if last > start:
            chunks.append((start, last))
        return [(a, b) for a, b in chunks if any(self.words.text[x].strip() for x in range(a, b))]

    def explicit(self, first: int, last: int) -> Phrase | None:
        """The speaker phrase in a zone: the first chunk that is not an adverbial."""
        chunks = self._chunks(first, last)
        for n, (a, b) in enumerate(chunks):
            a = self.words.first_word(a, b)
            if a < b and self.words.norm[a] in self.lex.grammar.back_pointer:
                a = self.words.first_word(a + 1, b)  # أعلن ذلك اللواء فلان: the object, then the subject
            if a >= b or (self.reader.is_function(self.words, a) and not self.reader.opens_with_ali(self.words, a, b)):
                continue
            if self.words.bare_art[a] in self.lex.grammar.data_noun and a + 1 < b \
                    and self.reader.org_at(self.words, self.words.first_word(a + 1, b), b):
                a = self.words.first_word(a + 1, b)  # أظهرت بيانات إدارة معلومات الطاقة: whose figures
            quoted = self.words.is_quote(a)
            if quoted:  # وقال «فلان» إن: a name in quotation marks, which say it is a name
                close = next((k for k in range(a + 1, b) if self.words.is_quote(k)), None)
                if close is None or close == a + 1:
                    return None
                a, b = a + 1, close
            if self.words.bare[a] in self.lex.grammar.same_before_noun or self.words.bare[a] in self.lex.grammar.courtesy_pronoun:
                return None  # ذات المصادر، نفس المسؤول، سموه: the one named before, a continuation
            phrase = self._known_surname(a, b) or self.reader.read(self.words, a, b, after_title=quoted)
            if phrase is None:
                return None
            issuer = self._issuer(phrase, b)
            if issuer is not None:
                issuer.voice_gender, phrase = phrase.gender or "m", issuer
            self._quoted_name_after(phrase, b)
            after = self.words.first_word(phrase.last, b)
            if after < b and self.words.norm[after] in self.lex.grammar.same_as_before and (
                    phrase.role_only or phrase.type is not SpeakerType.PERSON):
                return None
            self._join_apposition(phrase, chunks, n)
            self._role_after_name(phrase, b)
            return phrase
        return None

    def _role_after_name(self, phrase: Phrase, last: int) -> None:
        """«وقال سعد المهندي مدير البطولة إن»: a role right after a name, with no comma, is that
        person's, so a later «مدير البطولة» resolves to the name."""
        w = self.words
        if phrase.type is not SpeakerType.PERSON or phrase.role or phrase.last >= last \
                or not self.reader.is_title(w, phrase.last):
            return
        other = self.reader.read(w, phrase.last, last)
        if other is not None and other.role_only and not other.counterpart:
            self._apposition(phrase, other)
            phrase.last = other.last

    def _join_apposition(self, phrase: Phrase, chunks: list[tuple[int, int]], n: int) -> None:
        """A person in chunk n takes the role or name set off in the chunk after it."""
        if n + 1 < len(chunks) and phrase.type is SpeakerType.PERSON:
            na, nb = chunks[n + 1]
            first = self.words.first_word(na, nb)
            if phrase.role_only and n + 2 < len(chunks) and first < nb and (
                    self.words.norm[first] == "في" or self._bracketed_chunk(na, nb)):
                na, nb = chunks[n + 2]  # وزير الثقافة، في الحكومة الموريتانية، الحسين ولد مدو; وكالة … (أونروا)، فلان
                first = self.words.first_word(na, nb)
            other = self.reader.read(self.words, first, nb, after_title=phrase.role_only)
            if other is not None and other.type is SpeakerType.PERSON:
                self._apposition(phrase, other)

    def _bracketed_chunk(self, a: int, b: int) -> bool:
        """Is the chunk a..b a word or two in round brackets (أونروا), a body's acronym?"""
        w = self.words
        return a > 0 and w.text[a - 1] == "(" and b < len(w) and w.text[b] == ")" and b - a <= 3

    def _quoted_name_after(self, phrase: Phrase, last: int) -> None:
        """«وزير التربية بحكومة … “دارم طباع”، إن»: a name in quotation marks right after a role
        known by its role alone is the person's name."""
        w = self.words
        if not phrase.role_only:
            return
        k = w.first_word(phrase.last, last)
        while k < min(last, phrase.last + MAX_QUOTED_NAME) and not w.is_quote(k) and not w.is_punct(k) \
                and self.finder.cue_at(w, k) is None:
            k += 1  # past the rest of the role (بحكومة سلطة الأسد) to the quoted name
        if k >= last or not w.is_quote(k):
            return
        close = next((j for j in range(k + 1, min(last, k + 1 + MAX_QUOTED_NAME)) if w.is_quote(j)), None)
        if close is None or close == k + 1:
            return
        name = self.reader.read(w, k + 1, close, after_title=True)
        if name is not None and name.type is SpeakerType.PERSON and not name.role and name.last == close:
            phrase.name, phrase.name_start, phrase.name_end = name.name, name.name_start, name.name_end
            phrase.last = close + 1

    def _issuer(self, phrase: Phrase, last: int) -> Phrase | None:
        """«تقرير نشره معهد X»، «بيان صادر عن الوزارة»: the body, person or state that issued a
        document, when the words after it name one."""
        w = self.words
        if phrase.type is not SpeakerType.DOCUMENT:
            return None
        # the issuing word follows the document, or its qualifiers ran over it (تقرير حديث نشره …)
        candidates = [*range(phrase.first + 1, min(last, phrase.last)), w.first_word(phrase.last, last)]
        k = next((j for j in candidates if j < last and w.norm[j] in self.lex.grammar.issued_by), last)
        if k >= last:
            return self._issuer_after_lam(phrase, last) or self._issuer_in_construct(phrase, last)
        k = w.first_word(k + 1, last)
        if k < last and w.norm[k] == "عن":
            k = w.first_word(k + 1, last)
        issuer = self.reader.read(w, k, last) if k < last else None
        if issuer is None or issuer.type in (SpeakerType.DOCUMENT, SpeakerType.UNNAMED):
            return None
        return issuer

    def _issuer_in_construct(self, phrase: Phrase, last: int) -> Phrase | None:
        """«بيان الوزارة»، «بيانات إدارة معلومات الطاقة»: the body a document head is in
        construct with is who issued it."""
        w = self.words
        k = w.first_word(phrase.first + 1, last)
        if k >= last or is_definite(w.norm[phrase.first]) or not self.reader.org_at(w, k, last):
            return None
        issuer = self.reader.read(w, k, last)
        return issuer if issuer is not None and issuer.type is SpeakerType.ORGANIZATION else None

    def _issuer_after_lam(self, phrase: Phrase, last: int) -> Phrase | None:
        """«تقرير لمجلة فورين بوليسي»، «بيان لوزارة الخارجية»: ل + a body right after the
        document names who issued it."""
        w = self.words
        k = w.first_word(phrase.first + 1, last)
        if k >= last or not w.norm[k].startswith("ل") or len(w.norm[k]) < 4:
            return None
        if w.norm[k].startswith("لل"):  # بيان للمديرية العامة للأمن الوطني
            issuer = self.reader.read(w, k, last)
        else:
            rest = without_proclitic(w, k)
            issuer = self.reader.read(rest, k, last) if self.reader.org_at(rest, k, last) else None
        return issuer if issuer is not None and issuer.type is SpeakerType.ORGANIZATION else None

    def _apposition(self, phrase: Phrase, other: Phrase) -> None:
        """Join a role and a name set off by commas: «المتحدث باسم X، فلان» or «فلان، مدرب X»."""
        if phrase.role_only and not other.role_only:  # «المتحدث باسم X، العقيد فلان»: the name
            phrase.name, phrase.name_start, phrase.name_end = other.name, other.name_start, other.name_end
            phrase.last = other.last
        elif not phrase.role and other.role:  # «فلان، رئيس جامعة القاضي عياض»: the role, all of it
            phrase.role = self.words.span_text(other.first, other.last)
            phrase.role_first, phrase.role_last = other.first, other.last
            phrase.gender = other.gender
        elif phrase.role and not other.role_only and len(phrase.name.split()) == 1 < len(other.name.split()):
            # «الرئيس المدير العام للمجمع سوناطراك، السيد نور الدين بلقاسمي»: the one word
            # after the role names the body; the person is the full name set off after it
            w = self.words
            named = bisect.bisect_left(w.start, phrase.name_start)
            phrase.role = w.span_text(phrase.role_first, named + 1)
            phrase.role_last = named + 1
            phrase.name, phrase.name_start, phrase.name_end = other.name, other.name_start, other.name_end
            phrase.last = other.last

    def _known_surname(self, a: int, b: int) -> Phrase | None:
        """A lone word that is the surname of a person already named (وأكد العلي أن ...، وقال
        العلي خلال الجلسة: ...)."""
        w = self.words
        tokens = [k for k in range(a, b) if w.text[k].strip()]
        if not tokens or w.is_punct(tokens[0]) or (len(tokens) > 1 and not self.reader.is_function(w, tokens[1])
                                                   and w.norm[tokens[1]] not in self.lex.grammar.clause_opener):
            return None  # وقال العلي خلال …، نقلوا عن بري قوله …
        key = name_key(w.text[tokens[0]])
        for entity in reversed(self.table.entities):
            if entity.type is SpeakerType.PERSON and entity.names and entity.key[-1:] == key:
                k = tokens[0]
                return Phrase(k, k + 1, SpeakerType.PERSON, w.text[k], w.start[k], w.end[k])
        return None

    def _worded_in(self, draft: Draft) -> Found:
        """جاء في البيان أن ...، ورد في تقرير المنظمة أن ...، جاء ذلك على لسان فلان: the
        source is what the wording is in, right after في (or على لسان)."""
        w = self.words
        k = w.first_word(draft.zone_first, draft.zone_last)
        if k < draft.zone_last and w.norm[k] in self.lex.grammar.back_pointer:
            k = w.first_word(k + 1, draft.zone_last)
        if k < draft.zone_last and w.norm[k] == "علي":
            k = w.first_word(k + 1, draft.zone_last)
            if k >= draft.zone_last or w.bare[k] != "لسان":
                return UNSOURCED
        elif k < draft.zone_last and w.norm[k] in ("فيه", "فيها"):
            return None, Strategy.CONTINUATION  # … تصريحا لوزير الصحة، جاء فيه أن: what was named before
        elif k >= draft.zone_last or w.norm[k] != "في":
            return UNSOURCED
        phrase = self._occasion_of(w.first_word(k + 1, draft.zone_last), draft.zone_last) \
            or self.explicit(k + 1, draft.zone_last)
        return (phrase, Strategy.WORDING) if phrase is not None else UNSOURCED

    def _occasion_of(self, k: int, last: int) -> Phrase | None:
        """جاء ذلك في مقابلة حصرية لظريف: whose interview or speech it was (ل + the person)."""
        w = self.words
        if k >= last or not self.lex.is_occasion(w.bare_art[k]):
            return None
        for j in range(k + 1, min(last, k + 4)):
            if w.norm[j].startswith("ل") and not w.norm[j].startswith("لل") and len(w.norm[j]) > 3:
                detached = without_proclitic(w, j)
                phrase = self.reader.read(detached, j, last, after_title=True)  # a name is expected
                if phrase is not None and phrase.type is SpeakerType.PERSON:
                    return phrase
        return None

    def _after_lam(self, first: int, last: int) -> Phrase | None:
        """وفقا لوزارة الصحة، طبقا للبنك: the source glued to the preposition ل."""
        k = self.words.first_word(first, last)
        if k >= last or not self.words.norm[k].startswith("ل") or len(self.words.norm[k]) < 4:
            return None
        if self.words.norm[k].startswith("لل"):
            return self.reader.read(self.words, k, last)  # وفقا للتقرير: the reader restores the article
        detached = without_proclitic(self.words, k)
        if detached.bare_art[k] in self.lex.grammar.data_noun:
            issuer = self.words.first_word(k + 1, last)  # ووفقا لبيانات الوزارة: whose figures
            return self.reader.read(self.words, issuer, last) if self.reader.org_at(self.words, issuer, last) else None
        if self.reader.may_head(detached, k):
            return self.reader.read(detached, k, last)
        if self.lex.is_person_name(detached.norm[k], detached.bare[k]) and not self.lex.is_person_name(self.words.norm[k]):
            phrase = self.reader.read(detached, k, last, after_title=True)  # وفقا لراكان الشرايعة
            return phrase if phrase is not None and phrase.type is SpeakerType.PERSON else None
        return None

        phrase.surface = phrase.surface or phrase.name
        if phrase.role == phrase.name:
            phrase.role = "ال" + phrase.role[2:]  # للمتحدث باسم الوزارة: a role standing for the person
        phrase.name = "ال" + phrase.name[2:]
        return phrase

    def pre_verbal(self, sentence: Sentence, cue_index: int) -> Phrase | None:
        """``أن مسؤولا أمنيا قال``، ``وكانت باكستان قد ذكرت``: the subject before the cue."""
        w = self.words
        end = cue_index
        while end > sentence.first and (not w.text[end - 1].strip() or w.norm[end - 1] in ("قد", "لقد")):
            end -= 1
        start = end
        while start > sentence.first and start > end - 6:
            prev = start - 1
            if w.norm[prev] in self.lex.grammar.pre_verbal_boundary or (w.is_punct(prev) and not w.is_quote(prev)):
                break  # a quoted name stays in the subject (غير أن نقابة "فيردي" للخدمات حذرت)
            start = prev
        bounded = start == sentence.first or w.norm[start - 1] in self.lex.grammar.pre_verbal_boundary
        if start >= end or not bounded:
            return None
        first = self.words.first_word(start, end)
        phrase = self._known_surname(first, end) or self.reader.read(w, first, end)
        if phrase is None and w.norm[first].endswith("ا") and not is_definite(w.norm[first]) and start > sentence.first \
                and self.finder.is_complementiser(w, start - 1):
            phrase = self.reader.read(without_accusative(w, first), first, end)  # أن ضابطا كبيرا قال
        if phrase is None or phrase.last != end:
            return None
        return phrase

    @staticmethod
    def agrees(entry: CueEntry, entity: Entity) -> bool:
        """Does the cue's agreement fit the entity (قالت: feminine; قالتا: a pair ...)? A wording
        cue agrees with the document, not its issuer (الوزارة … بيانا جاء فيه), so any fits."""
        if entry.cls == "wording":
            return True
        if entry.number == "du":
            return entity.type is SpeakerType.GROUP or entity.number == "du"
        if entry.number == "pl":
            return entity.type is SpeakerType.GROUP or entity.number == "pl"
        if entry.number == "sg" and entry.gender == "f" and entity.number == "pl" \
                and entity.type in (SpeakerType.UNNAMED, SpeakerType.ORGANIZATION):
            return True  # أضافت المصادر: a broken plural takes a feminine singular verb
        if entry.number == "sg" and (entity.type is SpeakerType.GROUP or entity.number != "sg"):
            return False
        return not (entry.gender and entity.gender and entry.gender != entity.gender)

    def continuation(self, draft: Draft) -> tuple[Entity, Mention] | None:
        """The latest agreeing speaker: this sentence, earlier statements, earlier mentions. A
        courtesy pronoun as the subject (وأكد سموه، وأضاف معاليه) goes to the latest speaker
        named with that courtesy (صاحب السمو …، معالي …) when there is one."""
        courtesy = self._courtesy_of_subject(draft)
        if courtesy is not None:
            found = self._latest(draft, courtesy)
            if found is not None:
                return found
        return self._latest(draft)

    def _courtesy_of_subject(self, draft: Draft) -> str | None:
        """The courtesy a pronoun right after the cue stands for (سموه -> سمو، سعادته -> سعاده)."""
        w = self.words
        k = w.next_word(draft.cue.index, draft.sentence.last)
        if k is None or w.bare[k] not in self.lex.grammar.courtesy_pronoun:
            return None
        stem = w.bare[k][:-2] if w.bare[k].endswith("ها") else w.bare[k][:-1]
        return stem[:-1] + "ه" if stem.endswith("ت") else stem

    def _named_with(self, seen: _Seen, courtesy: str) -> bool:
        """Was the entity met with the courtesy (its mention's words, or the words right before)?"""
        w = self.words
        end = min(len(w), seen.index + MAX_COURTESY_WORDS)
        return any(courtesy in w.art[k] for k in range(max(0, seen.index - 2), end))  # معالي وزير …

    def _latest(self, draft: Draft, courtesy: str | None = None) -> tuple[Entity, Mention] | None:
        """``continuation``'s search, among the speakers met with ``courtesy`` when it is given."""
        entry, sentence = draft.cue.entry, draft.sentence

        def accept(seen: _Seen) -> bool:
            return courtesy is None or self._named_with(seen, courtesy)

        back = self._points_back(draft)

        def agrees(seen: _Seen) -> bool:
            # «وأوضح المصدر ذاته»: the verb agrees with المصدر, not with the group it points back to
            return (back and seen.spoke) or self.agrees(entry, seen.entity) or (
                seen.spoke and bool(seen.voice) and entry.number in ("", "sg") and entry.gender in ("", seen.voice))

        self._mentions(sentence)
        here = sorted((s for s in self.seen.get(sentence.index, []) if s.index < draft.cue.index),
                      key=lambda s: (s.index, s.spoke))
        subject = self._subject_position(sentence)
        if entry.cls == "participle":
            for s in here:
                if s.index == subject and self.agrees(entry, s.entity) and accept(s):
                    return s.entity, s.mention
            here = [s for s in here if not self._after_contrast(s.index)]
            named = self._subject_named(sentence, subject, draft.cue.index)
            if named is not None and self.agrees(entry, named[0]) and courtesy is None:
                return named
        joined = self._joined_to(draft, here)
        if joined is not None and courtesy is None:
            return joined
        for spoke_only in (True, False):
            # وزار الوزير المستشفى، وأكد …: among mentions that did not speak, the subject first
            # but «X قوله» refers to X, the mention right before the verbal noun
            order = list(reversed(here)) if spoke_only or entry.cls == "noun" else \
                sorted(reversed(here), key=lambda s: s.index != subject)
            for s in order:
                if (s.spoke or (not spoke_only and self._may_continue(s))) and agrees(s) \
                        and not self._inside_content(s.index, sentence) and accept(s):
                    return s.entity, s.mention
        earlier = range(sentence.index - 1, max(sentence.index - 1 - CONTINUATION_REACH, -1), -1)
        for spoke_only in (True, False):
            for index in earlier:
                if not spoke_only and index in self._sentences:
                    self._mentions(self._sentences[index])
                candidates = sorted(self.seen.get(index, []), key=lambda s: (s.index, s.spoke), reverse=True)
                if not spoke_only and index in self._sentences:
                    # وزار الوزير المستشفى. وأكد …: the sentence's subject before its object
                    subject = self._subject_position(self._sentences[index])
                    candidates.sort(key=lambda s: s.index != subject)
                for s in candidates:
                    if s.section == sentence.section and (s.spoke or (
                            not spoke_only and self._may_continue(s) and not self._said_earlier(s))) \
                            and agrees(s) and accept(s):
                        return s.entity, s.mention
        if entry.cls == "participle" and courtesy is None:
            for s in reversed(here):  # وأكد اليوبي أن …، مشيرة إلى أن …: the writer's slip of gender
                if s.spoke and not self._inside_content(s.index, sentence):
                    return s.entity, s.mention
        return None

    def _after_contrast(self, index: int) -> bool:
        """Is the mention at ``index`` the subject of an «إلا أن» clause (… إلا أن رئيس المحكمة
        قال: …)? A participle after it goes on with the sentence's own speaker."""
        w = self.words
        that = w.prev_word(index)
        return 0 < that < index and w.norm[that] in self.lex.grammar.bare_complementiser \
            and w.norm[w.prev_word(that)] == "الا"

    def _points_back(self, draft: Draft) -> bool:
        """Does the speaker zone name the speaker only as the one before (المصدر ذاته، نفس
        المسؤول، ذات المصادر)?"""
        w, grammar = self.words, self.lex.grammar
        return any(w.norm[k] in grammar.same_as_before or w.bare[k] in grammar.same_before_noun
                   for k in range(draft.zone_first, min(draft.zone_last, draft.sentence.last)))

    def _joined_to(self, draft: Draft, here: list[_Seen]) -> tuple[Entity, Mention] | None:
        """أشاد بها الرئيس زيلينسكي ووصفها بأنها …: a cue joined by و right after a person's
        name shares the subject of the verb before it, that person."""
        w, i = self.words, draft.cue.index
        if w.norm[i] == w.bare[i] or not w.norm[i].startswith("و"):
            return None
        prev = i - 1
        while prev >= 0 and not w.text[prev].strip():
            prev -= 1
        for s in reversed(here):
            if (s.mention is not None and s.mention.end == w.end[prev] and s.entity.type is SpeakerType.PERSON
                    and self.agrees(draft.cue.entry, s.entity)):
                return s.entity, s.mention
        return None

    def _may_continue(self, seen: _Seen) -> bool:
        """Can an entity that has not spoken be the speaker a continuation cue goes on with?

        A person can (زار الوزير المصنع، وأكد أن ...). A country or capital cannot: it speaks
        only as the explicit subject of a cue. A body or document can when it acts in its
        clause (عقدت الوزارة مؤتمرا، وأكدت أن ...; تبنى الهجوم تنظيم ...، ويقول إنه), not when it
        is mentioned in passing: after a preposition (في الوزارة، بالوزارة) or inside a relative
        clause (الاحتفالية التي تنظمها وزارة البيئة).
        """
        continues = kind_of(seen.entity.type).continues  # the kinds table says which
        if continues != "acting":
            return continues == "always"
        sentence = self._sentences.get(seen.sentence)
        return sentence is not None and not self._in_passing(seen.index, sentence)

    def _in_passing(self, index: int, sentence: Sentence) -> bool:
        """Is the mention at ``index`` a prepositional object or inside a relative clause?"""
        w = self.words
        if w.bare[index].startswith(("بال", "لل")):
            return True  # بالوزارة، للشركة
        k = index - 1
        while k >= sentence.first and not w.text[k].strip():
            k -= 1
        if k >= sentence.first and w.bare[k] in self.lex.prepositions:
            return True
        while k >= sentence.first and w.text[k] not in CHUNK_BREAKS and w.text[k] not in (".", ":"):
            if w.bare[k] in self.lex.relatives:
                return True
            k -= 1
        return False

    def _subject_named(self, sentence: Sentence, subject: int, cue_index: int) -> tuple[Entity, Mention] | None:
        """A name with no lexicon head, or an unnamed source or group, as the subject of the
        opening verb (استهل فلان حديثه قائلا، استنكر العديد من المواطنين …، مؤكدين): read it
        there and remember it, so the participle continues it."""
        if subject >= cue_index or any(s.index == subject for s in self.seen.get(sentence.index, [])):
            return None
        phrase = self.reader.read(self.words, subject, cue_index)
        if phrase is None or not (phrase.type is SpeakerType.PERSON and not phrase.role
                                  or phrase.type in (SpeakerType.UNNAMED, SpeakerType.GROUP)):
            return None  # also استنكر العديد من المواطنين …، مؤكدين: an unnamed group
        entity, _ = self.table.add(phrase)
        mention = phrase.mention
        self._remember(phrase.first, sentence, entity, phrase, spoke=False)
        return entity, mention

    def _subject_position(self, sentence: Sentence) -> int:
        """The token after the sentence's opening verb (وجّه الرئيسُ كلمةً ...، قائلا): whoever
        stands there is the subject a participle continues."""
        w, last = self.words, min(sentence.last, sentence.first + LEADING_ADVERBIAL)
        start = self.words.first_word(sentence.first, sentence.last)
        dash = next((k for k in range(start, min(last, start + DATELINE_TOKENS)) if w.text[k] in DASHES), None)
        if dash is not None:  # جدة - واس: دشن الوزير …: the subject comes after the dateline
            start = self.words.first_word(dash + 1, sentence.last)
            colon = next((k for k in range(start, min(last, start + DATELINE_TOKENS)) if w.text[k] == ":"), None)
            if colon is not None:
                start = self.words.first_word(colon + 1, sentence.last)
        if start < last and w.text[start] in ("و", "ف"):
            start = self.words.first_word(start + 1, sentence.last)  # «و بنبرة هادئة، …»: و set apart
        if start < last and self.reader.is_function(w, start):
            for k in range(start, last):
                if w.text[k] in CHUNK_BREAKS:
                    start = k + 1  # من جهته، / وفي المقابل، before the clause
                    break
        else:
            comma = next((k for k in range(start, last) if w.text[k] in CHUNK_BREAKS), None)
            after = self.words.first_word(comma + 1, sentence.last) if comma is not None else sentence.last
            verb = self.finder.cue_at(w, after) if after < sentence.last else None
            if verb is not None and self.lex.cue_has(verb.cls, "verb") and verb.cls != "participle":
                start = comma + 1  # بنبرة هادئة، أشار المخلافي: an adverbial set off before the verb
        verb = self.words.first_word(start, sentence.last)
        while verb < sentence.last and w.bare[verb] in self.lex.particles:
            verb = self.words.first_word(verb + 1, sentence.last)
        subject = self.words.first_word(verb + 1, sentence.last)
        return self.reader.courtesy_end(w, subject, sentence.last)  # دشّن معالي الوزير: the title

    def _said_earlier(self, seen: _Seen) -> bool:
        """Is an earlier sentence's mention inside a statement's content there (أضرت بشكل كبير
        بالمواطنين)? Someone spoke of it; it is no speaker a later cue goes on with."""
        return any(first <= seen.index < last for first, last in self._contents.get(seen.sentence, ()))

    def _after_pronoun_that(self, index: int) -> bool:
        """Does the cue at ``index`` follow أن with a pronoun (أنه، أنها، بأنهم), its subject?"""
        w, grammar = self.words, self.lex.grammar
        prev = w.prev_word(index)
        return 0 <= prev < index and w.norm[prev] in grammar.complementiser and w.norm[prev] not in grammar.bare_complementiser \
            and self.finder.is_complementiser(w, prev)

    def _inside_content(self, index: int, sentence: Sentence) -> bool:
        return any(r.draft.content_first <= index < r.draft.content_last
                   for r in self._current if r.draft.sentence is sentence)

    # -- statements -------------------------------------------------------------------

    def _entity_for(self, phrase: Phrase, scanned: dict[int, tuple[Phrase, Entity, bool]]) -> tuple[Entity, bool]:
        hit = scanned.get(phrase.first)
        if hit is not None and hit[0].last == phrase.last:
            return hit[1], hit[2]
        return self.table.add(phrase)

    # -- speaker strategies, tried in order -------------------------------------------------
    # Each returns (phrase, strategy) when it decides the statement's speaker, (None, strategy)
    # when it decides there is no phrase (coordination and continuation then take the latest
    # speaker), UNSOURCED when the statement has no speaker at all, or None when it does not
    # apply and the next one is tried.

    def by_coordination(self, draft: Draft) -> Found | None:
        """قال وأضاف أن …: a second cue joined to the first has the first cue's speaker."""
        return (None, Strategy.COORDINATED) if draft.coordinated else None

    def by_label(self, draft: Draft) -> Found | None:
        """«الجهة: …»: the phrase before the colon, and nothing else before it, speaks."""
        if draft.cue.entry.cls != "label":
            return None
        phrase = self.explicit(draft.sentence.first, draft.cue.index)
        if phrase is None or self.words.first_word(phrase.last, draft.cue.index) < draft.cue.index \
                or self._only_a_name(draft.content_first, draft.content_last):
            return UNSOURCED  # «رئيس التحرير: جابر سالم الحرمي»: a masthead line, no statement
        return phrase, Strategy.EXPLICIT

    def _only_a_name(self, first: int, last: int) -> bool:
        """Is tokens first..last a person's name and nothing more (after an abbreviated title
        such as د.)?"""
        w = self.words
        if last - first > MAX_MASTHEAD_TOKENS:
            return False
        a = w.first_word(first, last)
        if a + 1 < last and len(w.text[a]) <= 2 and w.text[a + 1] == ".":
            a = w.first_word(a + 2, last)  # د. خالد …
        if a >= last:
            return False
        phrase = self.reader.read(w, a, last, after_title=True)
        return phrase is not None and phrase.type is SpeakerType.PERSON and not phrase.role \
            and w.first_word(phrase.last, last) >= last

    def by_transmission(self, draft: Draft) -> Found | None:
        """نقلت الوكالة عن فلان قوله …، نقلا عن …: the phrase after عن."""
        w = self.words
        if draft.cue.entry.cls != "transmit" and not any(
                w.norm[k] == "نقلا" for k in range(draft.zone_first, draft.zone_last)):
            return None
        phrase = self._source_after(draft.cue.entry, draft.zone_first, draft.zone_last)
        return (phrase, Strategy.TRANSMIT) if phrase is not None else None

    def _source_after(self, entry: CueEntry, first: int, last: int) -> Phrase | None:
        """Whose words a transmitting cue carries: the phrase after عن (من for «علمت»)."""
        w = self.words
        from_ = entry.lemma in self.lex.grammar.learned_from
        for k in range(first, last):
            if w.norm[k] == "عن" or (from_ and w.norm[k] == "من"):
                phrase = (self._known_surname(k + 1, last) or self.explicit(k + 1, last)
                          or self.reader.source_words(w, w.first_word(k + 1, last), last))
                if phrase is not None:
                    return phrase
        return None

    def by_wording(self, draft: Draft) -> Found | None:
        """جاء في البيان أن …: what the wording is in."""
        return self._worded_in(draft) if draft.cue.entry.cls == "wording" else None

    def by_sourcing(self, draft: Draft) -> Found | None:
        """حسب وزارة الصحة، … / … وفقا لوزير التجارة: a body or a titled person after the word."""
        if draft.cue.entry.cls != "sourcing":
            return None
        end = draft.zone_last if draft.marker is not Marker.QUOTE else draft.content_first - 1
        start = draft.cue.index + 1
        verb = self.finder.sourcing_what(self.words, draft.cue.index)
        if verb is not None and verb < end:
            start = verb + 1  # بحسب ما أفادت مصادر مطلعة: the verb's subject
            after = self.words.next_word(verb, end)
            if after is not None and self.words.norm[after] in ("به", "بها"):
                start = after + 1  # بحسب ما أفاد به رئيس الاتحاد: past the pronoun of ما
            timed = start
            while timed < end and (not self.words.text[timed].strip() or (
                    self.reader.is_function(self.words, timed) and self.words.norm[timed] not in ("عن", "من"))):
                timed += 1
            if not any(self.words.text[k] in CHUNK_BREAKS for k in range(timed, end)):
                start = timed  # حسبما أفاد به اليوم وزير القطاع: past the time of the verb (an aside set off by
                # commas is read as chunks: حسبما أفاد اليوم بالجزائر، وزير القطاع)
        said = self.words.first_word(start, end)
        statements_of = said < end and self.words.bare_art[said] in self.lex.forms_of("noun") \
            and not self.words.norm[said].startswith("ل")
        if statements_of:
            start = said + 1  # وفق تصريحات فلان، حسب قول الوزير: whose statements, a name enough
        phrase = lam = self._after_lam(start, end)
        if phrase is not None:
            phrase = self._issuer(phrase, end) or phrase
            chunks = self._chunks(start, end)
            if chunks and chunks[0][0] <= phrase.first < chunks[0][1]:
                self._join_apposition(phrase, chunks, 0)  # ووفقا لمدير المستشفى، الدكتور فلان، فإن
        else:
            phrase = self.explicit(start, end)
        if phrase is not None and (phrase.type is not SpeakerType.PERSON or phrase.role or phrase is lam or statements_of):
            if draft.after_source:
                first = self.words.first_word(phrase.last, draft.content_last)
                if draft.content_last - first < MIN_AFTER_SOURCE:
                    return UNSOURCED
                draft.content_first = draft.zone_last = first
            return phrase, Strategy.SOURCING
        return UNSOURCED

    def by_relative(self, draft: Draft) -> Found | None:
        """…، على لسان وزير الفلاحة فلان، الذي توقع أن …: a cue right after a relative pronoun
        has for its subject the phrase the relative clause hangs on, read right before it (a
        comma between)."""
        w, sentence = self.words, draft.sentence
        rel = w.prev_word(draft.cue.index)
        if rel <= sentence.first or w.bare[rel] not in self.lex.relatives:
            return None
        if draft.zone_first < draft.zone_last and self.explicit(draft.zone_first, draft.zone_last) is not None:
            return None  # الذي قال مديره إن …: the relative clause names its own speaker
        end = w.prev_word(rel)
        if w.text[end] in BOUNDARY_PUNCT:
            end = w.prev_word(end)
        self._mentions(sentence)
        scanned = self.scanned.get(sentence.index, {})
        for start in range(end, max(sentence.first, end - 4 * MAX_PHRASE_WORDS) - 1, -1):  # a long role and name
            found = scanned.get(start)
            if found is not None and found[0].last == end + 1:
                return found[0], Strategy.SUBJECT
        return None

    def by_subject(self, draft: Draft) -> Found | None:
        """The cue's subject: after it (VSO) or right before it (SVO), preferring a phrase with
        a lexicon head before the cue over a bare name after it; else the words of the subject
        slot after the cue, when they are content words (``PhraseReader.subject_slot``)."""
        if draft.cue.entry.cls == "participle":
            return None  # متهما روسيا بأنها …: after a participle stands its object; it continues
        phrase = self.explicit(draft.zone_first, draft.zone_last)
        before = self.pre_verbal(draft.sentence, draft.cue.index)
        if before is not None and draft.cue.entry.lemma in self.lex.grammar.addressee_cue:
            return before, Strategy.PRE_VERBAL  # المدرب أبلغ الإدارة بأنه …: after the verb, whom it told
        if phrase is not None and not (before is not None and _headed(before) and not _headed(phrase)):
            return phrase, Strategy.EXPLICIT
        if before is not None:
            return before, Strategy.PRE_VERBAL
        slot = self._slot_subject(draft.cue.entry.cls, draft.zone_first, draft.zone_last)
        return (slot, Strategy.SUBJECT) if slot is not None else None

    def _slot_subject(self, cls: str, first: int, last: int) -> Phrase | None:
        """The subject slot's words after a verb of saying (``PhraseReader.subject_slot``).
        Only a verb of saying has its subject next (طلب عدم الكشف: a call's object; داعيا
        المواطنين: a participle's object)."""
        chunks = self._chunks(first, last)
        if not (chunks and self.lex.cue_has(cls, "verb") and self.lex.cue_has(cls, "stops")):
            return None
        a, b = chunks[0]
        slot = self.reader.subject_slot(self.words, self.words.first_word(a, b), b)
        if slot is not None:
            self._join_apposition(slot, chunks, 0)
        return slot

    def by_continuation(self, draft: Draft) -> Found:
        """No subject of its own: the latest speaker that agrees with the cue (``continuation``)."""
        return None, Strategy.CONTINUATION

    STRATEGIES = (by_coordination, by_label, by_transmission, by_wording, by_sourcing, by_relative, by_subject,
                  by_continuation)
    """The speaker strategies in the order they are tried."""

    def _speaker(self, draft: Draft) -> Found:
        for strategy in self.STRATEGIES:
            found = strategy(self, draft)
            if found is not None:
                return found
        raise AssertionError("by_continuation always decides")

    def attribute_sentence(self, sentence: Sentence) -> None:
        """Find, attribute and record the statements of one sentence."""
        self._sentences[sentence.index] = sentence
        scanned = self.scan(sentence)
        consumed: set[int] = set()
        mine: list[Attributed] = []
        self._current = mine
        self.finder.end_open_quotations(self.words, sentence)
        cues = self.finder.cues(self.words, sentence, self.cue_index)
        label = self.finder.label(self.words, sentence, cues)
        for cue in [label, *cues] if label is not None else cues:
            if cue.index in consumed:
                continue
            nested = self._inside_content(cue.index, sentence)
            if nested and self._after_pronoun_that(cue.index):
                continue  # وأشار إلى أنه أبلغ المساعد أن …: he, the speaker already reported, told him
            draft = self.finder.draft(self.words, sentence, cue, consumed) or self._retro(sentence, cue)
            if draft is None:
                if not self._inside_content(cue.index, sentence):
                    self._register_subject(sentence, cue, scanned)
                continue
            found = self._speaker(draft)
            if found is UNSOURCED or (cue.entry.cls == "label" and not _labels(found[0], self.words, self.lex)):
                continue
            phrase, how = found
            if phrase is None and self._inside_content(cue.index, sentence):
                continue
            if phrase is not None:
                entity, resolved = self._entity_for(phrase, scanned)
                official = self._official_named_before(phrase, entity, sentence)
                if official is not None:
                    entity, resolved = official, True
                    entity.mentions.append(phrase.mention)
                self._learn_gender(entity, phrase, draft.cue.entry, how)
                mention: Mention | None = phrase.mention
                method = Method.SOURCING if how in (Strategy.TRANSMIT, Strategy.SOURCING) else (
                    Method.ROLE_RESOLVED if resolved else Method.EXPLICIT)
                self._remember(phrase.first, sentence, entity, phrase, spoke=not nested)
            else:
                found = self.continuation(draft)
                if found is None:
                    continue
                entity, mention = found
                method = Method.CONTINUATION
                self._see(_Seen(cue.index, sentence.index, sentence.section, entity, mention, True))
            if (self.lex.mention_only(draft.cue.entry.cls) and draft.marker is not Marker.THAT) \
                    or draft.content_last <= draft.content_first:
                continue
            if draft.marker is Marker.POSTPOSED and any(
                    (r.draft.content_first, r.draft.content_last) == (draft.content_first, draft.content_last) for r in mine):
                continue  # قال فلان: ”…”، كما أضاف …: the quotation is already the colon's statement
            framed = self._framed(sentence, draft)
            if framed is not None:
                mine.append(self._finish(framed, entity, mention, method, how))
            mine.append(self._finish(draft, entity, mention, method, how))
        kept = self._drop_channels(mine)
        self.results.extend(kept)
        self._contents[sentence.index] = [(r.draft.content_first, r.draft.content_last) for r in kept]

    def leaves_line_open(self, i: int) -> bool:
        """Does token i, the last of its line, leave the sentence open: أن، a preposition, or a
        colon after a cue (قال عن المباراة:) whose quotation is on the next line? (A byline's
        colon, كتب فلان:, closes its line.)"""
        w = self.words
        nxt = w.next_word(i, len(w))
        if nxt is not None and w.text[nxt].lstrip("وف").startswith(("أن", "بأن")) and self.finder.is_complementiser(w, nxt):
            return True  # أعلنت⏎وزارة الداخلية⏎السورية⏎أن …: the next line opens with أن or بأن (not إن)
        entry = self.finder.cue_at(w, i)
        if entry is not None and self.lex.cue_has(entry.cls, "verb"):
            return True  # … أعلنت⏎: a verb of saying, whose subject and content come next
        if nxt is not None and w.text[i] not in SENTENCE_ENDS and w.source.count("\n", w.end[i], w.start[nxt]) == 1 \
                and self.finder.cue_at(w, nxt) is None and self._cue_waits(i) and self._that_soon(nxt):
            return True  # وقال الوزير …، خلال مشاركته في ندوة (كوب 28)⏎في مدينة دبي أن …
        if w.text[i] != ":":
            return self.lex.leaves_open(w.norm[i])
        k = i - 1
        while k >= 0 and i - k <= MAX_LABEL_TOKENS and "\n" not in w.text[k]:
            if self.finder.cue_at(w, k) is not None:
                return True
            k -= 1
        return False

    def opens_statement(self, j: int) -> bool:
        """Does token j, the first of a line, begin a statement of its own: a finite verb of
        saying (وقال، يذكر أن), not a participle that goes on with the line before (موضحا)?"""
        w = self.words
        entry = self.lex.cues.get(w.norm[j]) or self.lex.cues.get(w.bare[j])  # also impersonal يذكر أن
        return entry is not None and self.lex.cue_has(entry.cls, "verb") and entry.cls != "participle"

    def _cue_waits(self, i: int) -> bool:
        """Is there a verb of saying on the line ending at token i with no أن, colon or
        quotation after it on that line: a statement whose content has not begun?"""
        w = self.words
        for k in range(i, max(-1, i - MAX_ZONE), -1):
            if "\n" in w.text[k] or w.text[k] in SENTENCE_ENDS or w.text[k] == ":" or w.is_quote(k) \
                    or self.finder.is_complementiser(w, k):
                return False
            entry = self.finder.cue_at(w, k)
            if entry is not None and self.lex.cue_has(entry.cls, "verb"):
                return True
        return False

    def _that_soon(self, j: int) -> bool:
        """Does a complementiser open the content within the first words from token j, before
        any punctuation (في مدينة دبي أن …)?"""
        w = self.words
        for k in range(j, min(len(w), j + THAT_ON_NEXT_LINE)):
            if self.finder.is_complementiser(w, k):
                return True
            if w.is_punct(k) or "\n" in w.text[k]:
                return False
        return False

    def _framed(self, sentence: Sentence, draft: Draft) -> Draft | None:
        """«…»، يضيف فلان، «…»: the quotation closed before the cue, when the cue's own content
        is the quotation after it; both are the speaker's."""
        if draft.marker is not Marker.QUOTE or draft.cue.entry.cls != "speech":
            return None
        before = self.finder.postposed(self.words, sentence, draft.cue)
        if before is None or before.content_last > draft.cue.index \
                or self.words.first_word(sentence.first, sentence.last) != before.content_first - 1:
            return None  # only a quotation that opens the sentence (not «…»، وأضاف «…» after another cue)
        return before

    @staticmethod
    def _learn_gender(entity: Entity, phrase: Phrase, entry: CueEntry, how: Strategy) -> None:
        """A person named without a role takes the gender of the verb whose subject it is
        (وأضافت أبوالحسن: feminine), so a later وأوضحت continues her, not a body in passing."""
        if (how in (Strategy.EXPLICIT, Strategy.SUBJECT, Strategy.PRE_VERBAL) and entry.gender and entity.type is SpeakerType.PERSON
                and not phrase.role and entry.number == "sg"):
            entity.gender = entry.gender

    def _retro(self, sentence: Sentence, cue) -> Draft | None:
        """«… (the previous sentence). أعلن ذلك اللواء فلان»: a cue whose object is ذلك / هذا,
        pointing back, gives the sentence before it, if that sentence has no statement of
        its own, to the speaker named after the pointer."""
        w = self.words
        if cue.entry.cls not in ("speech", "emphasis", "wording"):
            return None
        pointer = w.next_word(cue.index, sentence.last)
        if pointer is None or w.norm[pointer] not in self.lex.grammar.back_pointer:
            return None
        previous = self._sentences.get(sentence.index - 1)
        if previous is None or previous.section != sentence.section:
            return None
        if any(r.draft.sentence is previous or r.draft.content_first >= previous.first and
               r.draft.content_last <= previous.last for r in self.results):
            return None
        first = w.first_word(previous.first, previous.last)
        last = StatementFinder.trim(w, first, previous.last)
        if last - first < 3:
            return None
        zone_last = sentence.last
        for k in range(pointer + 1, sentence.last):
            if w.text[k] in CHUNK_BREAKS or w.text[k] in (".", ":"):
                zone_last = k
                break
        kind = QuoteKind.MIXED if w.quote_marks_in(first, last) else QuoteKind.INDIRECT
        return Draft(cue, sentence, Marker.BACK, pointer + 1, zone_last, first, last, kind)

    def _register_subject(self, sentence: Sentence, cue, scanned) -> None:
        """A cue without content still tells who is acting, for the cues that continue it."""
        if cue.entry.cls in ("sourcing", "noun") or self._verb_of_sourcing(sentence, cue.index):
            return  # حسبما أفاد به … وزير القطاع، فلان: the sourcing word reads that subject whole
        end = min(sentence.last, cue.index + SUBJECT_REACH)
        source = self._source_after(cue.entry, cue.index + 1, end) if cue.entry.cls == "transmit" else None
        phrase = (source or self.pre_verbal(sentence, cue.index) or self.explicit(cue.index + 1, end)
                  or self._slot_subject(cue.entry.cls, cue.index + 1, end))
        if phrase is not None:
            entity, _ = self._entity_for(phrase, scanned)
            self._remember(phrase.first, sentence, entity, phrase, spoke=True)

    def _official_named_before(self, phrase: Phrase, entity: Entity, sentence: Sentence) -> Entity | None:
        """وكشف فلان، مدير المجلس الجهوي للسياحة، أن …. وقال المسؤول الجهوي إن …: «the
        official» ([refers_back_head], with the article) met for the first time is the named
        person who spoke just before, when the words qualifying it are in that person's role."""
        w = self.words
        if phrase.type is not SpeakerType.UNNAMED or not is_definite(w.norm[phrase.first]) \
                or w.bare_art[phrase.first] not in self.lex.grammar.refers_back_head \
                or len(entity.mentions) > 1:
            return None  # met before: the unnamed official the article already has
        wanted = set(phrase_key(normalize(phrase.name))[1:])
        for index in range(sentence.index, max(sentence.index - 1 - CONTINUATION_REACH, -1), -1):
            for s in sorted(self.seen.get(index, []), key=lambda s: s.index, reverse=True):
                if index == sentence.index and s.index >= phrase.first:
                    continue
                person = s.entity
                if (s.spoke and s.section == sentence.section and person.type is SpeakerType.PERSON and person.names
                        and person.role and (not phrase.gender or person.gender == phrase.gender)
                        and wanted <= set(phrase_key(normalize(person.role)))):
                    return person
        return None

    def _verb_of_sourcing(self, sentence: Sentence, index: int) -> bool:
        """Is the cue at ``index`` the verb a sourcing word introduces through ما (حسبما أفاد،
        بحسب ما ذكرت)?"""
        w = self.words
        for k in range(max(sentence.first, index - 3), index):
            entry = self.finder.cue_at(w, k)
            if entry is not None and entry.cls == "sourcing" and self.finder.sourcing_what(w, k) == index:
                return True
        return False

    def _finish(self, draft: Draft, entity: Entity, mention: Mention | None, method: Method,
                how: Strategy) -> Attributed:
        w = self.words
        start = w.start[draft.content_first]
        # a quotation never closed runs to its sentence's end, whose full stop is not the speaker's
        last = draft.content_last if draft.closed else max(
            draft.content_first + 1, StatementFinder.trim(w, draft.content_first, draft.content_last))
        end = w.end[last - 1]
        confidence = self.lex.weights.confidence(method.value, draft.marker, draft.closed,
                                                 unread=how is Strategy.SUBJECT)
        rule = f"{draft.cue.entry.cls}.{draft.marker.value}.{how.value}"
        i = draft.cue.index
        # و / ف is a conjunction only when the cue was found without it (وقال، وردت; but وصف)
        cue_start = w.start[i] + (1 if w.bare[i] != w.norm[i] and draft.cue.entry.form != w.norm[i] else 0)
        cue_end = w.end[i]
        if draft.cue.entry.lemma in ("ما", "حد") and draft.cue.entry.cls == "sourcing":
            cue_start = w.start[w.prev_word(i)]  # على ما أفاد، على حد قول: the whole phrase
            cue_end = w.end[self.finder.sourcing_what(w, i)]
        cue = Mention(w.source[cue_start:cue_end], cue_start, cue_end)
        return Attributed(draft, cue, entity, mention, method, rule, confidence, start, end)

    def _drop_channels(self, found: list[Attributed]) -> list[Attributed]:
        """Drop an outlet's statement whose content holds another statement with its own
        explicit speaker: «ذكرت وكالة الأنباء أن مسؤولا قال إن …» is the official's, the agency
        only carried it. A person's or body's statement stays with the one nested in it (قال
        النائب إن الوزير أبلغه أن …: both said something)."""
        inner = sorted(r.draft.cue.index for r in found if r.method is not Method.CONTINUATION)
        kept = []
        for outer in found:
            d = outer.draft
            k = bisect.bisect_left(inner, d.content_first)
            if k < len(inner) and inner[k] < d.content_last and inner[k] != d.cue.index and self._outlet(outer):
                continue
            kept.append(outer)
        return kept

    def _outlet(self, found: Attributed) -> bool:
        """Is the statement's speaker a news outlet (وكالة، صحيفة، قناة …), a channel of others' words?"""
        if found.mention is None or found.entity.type is not SpeakerType.ORGANIZATION:
            return False
        head = found.mention.text.split()[0] if found.mention.text.split() else ""
        forms = word_forms(head)
        return any(form in self.lex.grammar.outlet_head for form in forms)


class ExtractionStopped(Exception):
    """The caller asked an extraction to stop (its deadline passed, or it was cancelled)."""


def attribute(words: Words, lex: Lexicon, should_stop: Callable[[], bool] | None = None) -> list[Attributed]:
    """Run the grammar over a tokenised article and return its attributed statements.

    ``should_stop`` is asked between sentences; when it answers True the extraction raises
    ``ExtractionStopped``, so a call whose client has gone frees its thread within a sentence.
    """
    attributor = Attributor(lex, words)
    for sentence in split_sentences(words, classify_lines(words.source, lex), attributor.leaves_line_open,
                                    attributor.opens_statement):
        if should_stop is not None and should_stop():
            raise ExtractionStopped(f"stopped at sentence {sentence.index}")
        attributor.attribute_sentence(sentence)
    return attributor.results
