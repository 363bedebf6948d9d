"""Statements: find reporting cues in a sentence and the content each one introduces.

For every cue outside quotation marks the grammar scans forward for what opens the content:
a complementiser (أن، إن، بأن and their clitic forms إنها، أنه ...), a colon, an opening quotation
mark, or, for cues that take one, a preposition and noun phrase (أكد على أهمية ...). The words
in between are the speaker zone. The content runs to the end of the sentence, to its closing
quotation mark, or to a clause boundary where the next cue begins (، مضيفا أن ...).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from qawl.engine.lexicon import CueEntry, Lexicon
from qawl.engine.normalize import strip_marks
from qawl.engine.phrases import MAX_QUOTED_NAME_WORDS, PhraseReader
from qawl.engine.quotes import QuotedStretch
from qawl.engine.records import Marker, QuoteKind, SpeakerType
from qawl.engine.sentences import Sentence, abbreviation_dot
from qawl.engine.tokens import OPENING_QUOTES, Words

BOUNDARY_PUNCT = {"،", ",", "؛", ";"}
_UNASKED = object()
NEEDS_NEXT_REACH = 14
"""How far after a cue the words its lemma needs (grammar.txt [needs_next]) are looked for: a
subject with a long role and rank (بين المتحدث الرسمي لشرطة منطقة مكة المكرمة المقدم X أن) fits."""
TANWEEN = ("\u064b", "\u064c", "\u064d")
"""Nunation marks: a word written with one is a noun or adjective, never a finite verb."""
EMBEDDED_QUOTE_TOKENS = 3
"""A quotation of at most this many tokens, marks included, with words on both sides is a
name or a scare-quoted word, not a statement."""
MAX_LABEL_TOKENS = 10
MAX_BYLINE_WORDS = 5
MIN_BRACKETED_WORDS = 4
"""Fewer words in round brackets after a cue are a name or an aside (قال (الرئيس)), not a quote."""
ACCUSED_REACH = 7
"""How far after an accusing participle (متهما X بـ …) its ب-word is looked for."""
ASIDE_REACH = 8
"""How far a channel aside (بحسب بيان له) looks back for its verb and on for its comma."""
MAX_BRACKETED_TOKENS = 150
"""A bracket not closed within this many tokens quotes nothing (and costs no more to find)."""
LABEL_CUE = CueEntry(":", ":", "label", "", "")
"""The colon of «الجهة: …», a cue with no agreement to check."""
MAX_ZONE = 60
"""How far after a cue the marker of its content is looked for, in tokens: an occasion aside
(وأوضح الوزير في كلمة ألقاها بمناسبة …، والتي تميزت …، أن) may run to forty words and more."""
MAX_CONTENT = 160
SENTENCE_ENDS = {".", "!", "?", "؟", "…"}
MIN_SOURCED_TOKENS = 2
MAX_APPOSITION_TOKENS = 8
MAX_NAME_AFTER_ALI = 3
COMMAS = {"،", ","}
DASHES = {"-", "–", "—"}
NEGATED_THAT = {"ألا", "بألا"}
"""أن + لا written as one word (ألّا): it opens the content and, being its negation, stays in it.
Written with the hamza above, unlike إلا (except)."""
NEGATED_THAT_NORM = {"الا", "بالا"}
"""The normalised forms of ``NEGATED_THAT`` (and of إلا): the cheap test before the exact one."""
KEPT_SIGNS = {"%", "٪", "$", "€", "£"}
"""Symbols that end content as part of its words, never trimmed with its punctuation."""
MAX_COMMA_ZONE = 20
"""How far a comma that closes a speaker zone (قال فلان لوكالة X، …) may stand after the cue."""
CONTRAST_REACH = 6
"""How far after «إلا أن» the verb of saying of another speaker is looked for."""
MIN_COMMA_CONTENT = 4
"""The fewest words of speech after such a comma: fewer are an aside, not a statement."""


@dataclass
class Cue:
    """A reporting cue at token ``index`` with its lexicon entry."""

    index: int
    entry: CueEntry


@dataclass
class Draft:
    """A statement before attribution: cue, speaker zone, content and kind."""

    cue: Cue
    sentence: Sentence
    marker: Marker
    zone_first: int
    zone_last: int
    content_first: int
    content_last: int
    kind: QuoteKind
    closed: bool = True
    coordinated: bool = False
    after_source: bool = False
    """The content starts where the source phrase read in the zone ends (بحسب الوزارة تبلغ …)."""


def clock_colon(words: Words, j: int) -> bool:
    """The colon of a time or score written between digits (11:49، 2:1): no colon of speech."""
    return (0 < j < len(words) - 1 and words.text[j - 1].isdigit() and words.text[j + 1].isdigit()
            and words.end[j - 1] == words.start[j] and words.end[j] == words.start[j + 1])


class StatementFinder:
    """Finds cues and their content in sentences, using one lexicon (and its phrase reader,
    for the few names the content's boundary depends on)."""

    def __init__(self, lex: Lexicon, reader: PhraseReader | None = None) -> None:
        self.lex = lex
        self.reader = reader if reader is not None else PhraseReader(lex)
        self._sentence_positions: dict[int, tuple[list[int], list[int]]] = {}
        self._sentence_cues: dict[int, list[int]] = {}
        self._cues: dict[int, CueEntry | None] = {}
        self._cues_of: Words | None = None
        self._indexed: list[Cue] = []
        self._indexed_of: Words | None = None
        self._listed: list[int] = []
        self._listed_set: set[int] = set()

    def cue_at(self, words: Words, i: int) -> CueEntry | None:
        """The cue entry for token i, if it is a reporting cue in this position: the word as
        it stands, else without its و (وردت: ورد في no, ردت yes). Worked out once per token of
        the article being read; the grammar asks again and again."""
        if words is self._indexed_of and i not in self._listed_set:
            return None  # no listed cue form at i (index_cues looked at every token once)
        if words is not self._cues_of:
            self._cues, self._cues_of = {}, words
        found = self._cues.get(i, _UNASKED)
        if found is _UNASKED:
            found = self._cues[i] = self._cue_at(words, i)
        return found

    def _cue_at(self, words: Words, i: int) -> CueEntry | None:
        whole = self.lex.cues.get(words.norm[i])
        entry = self._cue_in_place(words, i, whole) if whole is not None else None
        if entry is None and words.bare[i] != words.norm[i]:
            bare = self.lex.cues.get(words.bare[i])
            entry = self._cue_in_place(words, i, bare) if bare is not None else None
        if entry is None and whole is None:
            told = self._told(words, i)
            entry = self._cue_in_place(words, i, told) if told is not None else None
        return entry

    def _cue_in_place(self, words: Words, i: int, entry: CueEntry) -> CueEntry | None:
        """``entry`` if token i reports speech in its position, else None."""
        if self.lex.cue_has(entry.cls, "verb") and any(mark in words.text[i] for mark in TANWEEN) \
                and (i + 1 >= len(words) or words.text[i + 1] != ":"):
            return None  # تابعًا, written with tanween, is an adjective (but «و تابعً:» is a typed verb)
        if words.bare[i] == entry.lemma == "راي" and not words.text[i].endswith("ى"):
            return None  # رأي, the noun "opinion", is رأى only when written with alef maqsura
        if self._withholds(words, i):
            return None  # مسؤول طلب عدم الكشف عن اسمه: part of an unnamed source's mention
        if self._negated_or_byline(words, i):
            return None
        if self.lex.cue_has(entry.cls, "verb") and i > 0 and words.norm[words.prev_word(i)] in \
                self.lex.grammar.adverbial_preposition:
            return None  # في تصرح (a typed تصريح): no verb follows في، خلال، عبر
        if words.norm[i] in self.lex.grammar.counted_noun and i > 0 and (
                words.norm[words.prev_word(i)].isdigit() or words.bare[words.prev_word(i)] in self.lex.grammar.count_word):
            return None  # 5000 طالب مسجلين: a counted noun, not the verb طالب
        if words.bare[i] in self.lex.grammar.impersonal_form and self._that_next(words, i):
            return None  # وتبين لاحقا أنها …: it turned out, no one's statement
        if self.lex.cue_has(entry.cls, "verb") and words.norm[i] == words.bare[i] and i > 0 \
                and words.norm[words.prev_word(i)] in self.lex.grammar.bare_complementiser \
                and self.is_complementiser(words, words.prev_word(i)):  # not قبل أن ينهي:
            return None  # مشيرا إلى أن رد القاضي “…”: right after أن stands the clause's subject, a noun
        needs = self.lex.grammar.needs_next.get(entry.lemma)
        if needs is not None and not self._soon(words, i, needs):
            return None
        if words.bare[i] in self.lex.grammar.passive_aside:
            nxt = words.next_word(i, len(words))
            if nxt is not None and words.norm[nxt] in self.lex.grammar.complementiser | {"الي"}:
                return None
        if self._channel_aside(words, i, entry):
            return None
        if entry.lemma in self.lex.grammar.clause_start_only and not self._clause_start(words, i) \
                and "\u0651" not in words.text[i]:
            return None  # الفرق بين X وY أن: the preposition, not بيّن (showed), which a shadda marks
        if entry.cls == "sourcing":
            nxt = words.next_word(i, len(words))
            if entry.lemma in ("وفق", "طبقا") and (nxt is None or not words.norm[nxt].startswith("ل")) \
                    and self.sourcing_what(words, i) is None and not (nxt is not None and (
                        self._heads_phrase(words, nxt) or words.bare_art[nxt] in self.lex.forms_of("noun"))):
                return None  # وفقا لـ X، وفق ما أفاد X، ووفق الوزير; not وفق شروط
            if entry.lemma == "نقلا" and (nxt is None or words.norm[nxt] != "عن"):
                return None
            if entry.lemma in ("ما", "حد") and not (
                    i > 0 and words.norm[words.prev_word(i)] in self.lex.grammar.source_opener
                    and self.sourcing_what(words, i) is not None):
                return None  # ما and حد source only after على: على ما أفاد X، على حد قول X
        return entry

    def _that_next(self, words: Words, i: int) -> bool:
        """Does a complementiser follow token i, past adverbs and time words only?"""
        k = words.next_word(i, len(words))
        while k is not None and (words.bare[k] in self.lex.adverbs or words.bare[k] in self.lex.time_words):
            k = words.next_word(k, len(words))
        return k is not None and self.is_complementiser(words, k)

    def _heads_phrase(self, words: Words, k: int) -> bool:
        """Can a speaker phrase with a lexicon head (a title, body, source) start at token k?"""
        heads = self.lex.head_words
        return not heads.isdisjoint((words.norm[k], words.bare[k], words.art[k], words.bare_art[k]))

    def _told(self, words: Words, i: int) -> CueEntry | None:
        """أبلغه، أخبرتهم: a cue of [addressee_cue] with whom it told as a pronoun suffix."""
        return self.lex.told_with_pronoun.get(words.bare[i])

    def _negated_or_byline(self, words: Words, i: int) -> bool:
        """ولم تؤكد الهيئة الهجوم: a negated cue; «كتب - أحمد سامي:» at a line's start: the
        reporter's byline. Neither reports a statement."""
        prev = i - 1
        while prev >= 0 and not words.text[prev].strip():
            prev -= 1
        if prev >= 0 and words.bare[prev] in self.lex.grammar.negation:
            return True
        at_line_start = prev < 0 or "\n" in words.source[words.end[prev]:words.start[i]]
        nxt = words.next_word(i, len(words))
        if nxt is None or not (at_line_start or words.text[prev] in ("-", "–", "—")):
            return False  # a byline opens its line, or follows the dateline's dash (القاهرة - كتب …)
        if at_line_start and words.text[nxt] in ("-", "–", "—"):
            return True
        return words.bare[i] in self.lex.grammar.byline_cue and any(  # كتب أحمد عبد الحميد:⏎
            words.text[k] == ":" and "\n" in words.source[words.end[k]:words.end[k] + 2]
            for k in range(nxt, min(len(words), nxt + MAX_BYLINE_WORDS)))

    def _withholds(self, words: Words, i: int) -> bool:
        """Is the cue at i the verb of an anonymity aside (طلب عدم الكشف عن اسمه، فضل عدم ذكر
        هويته)? Its next word withholds, and a withheld name closes the aside soon after."""
        grammar = self.lex.grammar
        nxt = words.next_word(i, len(words))
        if nxt is None or not (words.norm[nxt] in grammar.withholding or words.norm[nxt] in grammar.withheld_name):
            return False
        for k in range(nxt, min(len(words), nxt + 5)):
            if words.norm[k] in grammar.withheld_name:
                return True
            if words.is_punct(k):
                return False
        return False

    def _channel_aside(self, words: Words, i: int, entry: CueEntry) -> bool:
        """«بحسب ما نقلت صحيفة X»، «وفق ما ذكرت الوكالة»: the channel that carried a statement,
        an aside inside another cue's clause. Neither the sourcing word nor the verb after ما
        opens a statement of its own; the statement stays its speaker's. Where no cue comes
        before, the sourcing word opens the statement and the verb after ما still does not."""
        if entry.cls == "sourcing" and self.sourcing_what(words, i):
            return self._cue_before(words, i)
        if entry.cls == "sourcing" and self._between_verb_and_that(words, i):
            return True  # وقال مكتب النائب العام بحسب بيان له، إن …: the channel of قال's statement
        prev = i - 1
        while prev >= 0 and not words.text[prev].strip():
            prev -= 1
        if prev < 0:
            return False
        if words.bare[prev] in self.lex.grammar.channel_aside:
            return self._cue_before(words, prev)
        # The verb of «بحسب ما أعلنت X» / «حسبما ذكرت X» never opens a statement of its own:
        # the sourcing word's statement, or the cue it is an aside to, holds the content.
        for before in (prev, prev - 1):
            while before >= 0 and not words.text[before].strip():
                before -= 1
            if before >= 0 and (before == prev or words.norm[prev] in ("ما", "لما")):
                found = self.lex.cues.get(words.norm[before]) or self.lex.cues.get(words.bare[before])
                if found is not None and found.cls == "sourcing" and self.sourcing_what(words, before) == i:
                    return True
        return False

    def _between_verb_and_that(self, words: Words, i: int) -> bool:
        """Does a sourcing word at i stand inside a verb of saying's clause, between the verb
        (no punctuation between) and the complementiser after the next comma?"""
        start = i - 1
        while start >= 0 and not words.text[start].strip():
            start -= 1
        if start >= 0 and (words.text[start] in BOUNDARY_PUNCT or words.text[start] in DASHES):
            start -= 1  # وأشار المحافظ، بحسب البيان، إلى أن: an aside set off by commas or dashes
        for k in range(start, max(-1, start - ASIDE_REACH), -1):
            if words.is_punct(k) or "\n" in words.text[k]:
                return False
            found = self.lex.cues.get(words.norm[k]) or self.lex.cues.get(words.bare[k])
            if found is not None and (self.lex.cue_has(found.cls, "verb") or found.cls == "participle"):
                break
        else:
            return False
        for k in range(i + 1, min(len(words), i + 1 + ASIDE_REACH)):
            if self.is_complementiser(words, k) and words.bare[words.prev_word(k)] not in self.lex.grammar.source_noun:
                return True  # مبينا وفقا لصحيفة “الشرق الأوسط” أن …: the channel, then the participle's أن
            if words.is_quote(k):
                continue
            if words.text[k] in BOUNDARY_PUNCT or words.text[k] in DASHES:
                nxt = words.next_word(k, len(words))
                if nxt is not None and words.norm[nxt] in ("الي", "علي"):
                    nxt = words.next_word(nxt, len(words))  # وأشار المحافظ، بحسب البيان، إلى أن …
                return nxt is not None and self.is_complementiser(words, nxt)
            if words.is_punct(k) or "\n" in words.text[k]:
                return False
        return False

    def sourcing_what(self, words: Words, i: int) -> int | None:
        """«بحسب ما أفادت X»، «حسبما ذكرت X»: the index of the verb that a sourcing word at i
        introduces through ما, or None when it names its source directly (حسب الوزارة)."""
        k = i
        if not words.bare[i].endswith("ما"):
            k = words.next_word(i, len(words))
            if k is not None and words.bare[i] == "حد" and words.bare_art[k] in self.lex.grammar.source_noun:
                return k  # على حد قول / تعبير X: the noun stands where the verb does
            if k is None or words.norm[k] not in ("ما", "لما"):
                return None
        verb = words.next_word(k, len(words))
        if verb is None:
            return None
        norm = words.norm[verb]
        found = self.lex.cues.get(norm) or self.lex.cues.get(words.bare[verb]) or (
            self.lex.cues.get(norm[:-1]) if norm.endswith("ه") else None)  # ذكرته: ذكرت + ه
        return verb if found is not None and self.lex.cue_has(found.cls, "verb") else None

    def _clause_start(self, words: Words, i: int, linked: bool = True) -> bool:
        """Is token i the first word of its sentence or clause (after punctuation or a line),
        or right after a clause link or adverb that is (كما بيّن، كذلك بيّنت)?"""
        k = i - 1
        while k >= 0 and not words.text[k].strip():
            if "\n" in words.text[k]:
                return True
            k -= 1
        if k < 0 or words.is_punct(k):
            return True
        opener = words.bare[k] in self.lex.grammar.clause_link or words.bare[k] in self.lex.adverbs
        return linked and opener and self._clause_start(words, k, linked=False)

    def _cue_before(self, words: Words, i: int) -> bool:
        """Is there a reporting verb shortly before token i in the same sentence, whose clause
        the channel at i is an aside in? (Sentence-initial «بحسب ما ذكرت الصحيفة، فإن …» has
        none: there the channel is the source.)"""
        for k in range(i - 1, max(-1, i - 1 - MAX_ZONE), -1):
            if words.text[k] in (".", "!", "?", "؟", ":") or "\n" in words.text[k]:
                return False
            found = self.lex.cues.get(words.norm[k]) or self.lex.cues.get(words.bare[k])
            if found is not None and self.lex.cue_has(found.cls, "verb"):
                return True
        return False

    @staticmethod
    def _soon(words: Words, i: int, wanted: set[str]) -> bool:
        """One of ``wanted`` within a few words after token i, in the same clause: after a
        comma only right after it, where it closes an apposition (عبّر فلان، مدرب X، عن), and
        so as far as a cue's zone reaches (وبينت خلال لقائها …، بحضور …، أن)."""
        after_comma = False
        for k in range(i + 1, min(len(words), i + 1 + MAX_ZONE)):
            if words.norm[k] in wanted:
                return (not after_comma and k - i <= NEEDS_NEXT_REACH) or words.text[k - 1] in BOUNDARY_PUNCT
            if words.text[k] in (".", ":", "؟", "?", "!"):
                return False
            after_comma = after_comma or words.text[k] in BOUNDARY_PUNCT
        return False

    def index_cues(self, words: Words) -> list[Cue]:
        """Every token of the article that is a cue in its position, in order (one pass)."""
        cues, told = self.lex.cues, self.lex.told_with_pronoun
        found: list[Cue] = []
        listed: list[int] = []
        for i, (norm, bare) in enumerate(zip(words.norm, words.bare)):
            if norm in cues or bare in cues or bare in told:
                listed.append(i)
                entry = self.cue_at(words, i)
                if entry is not None:
                    found.append(Cue(i, entry))
            elif norm == "الا":
                listed.append(i)
        self._indexed, self._indexed_of, self._listed, self._listed_set = found, words, listed, set(listed)
        return found

    def _candidates(self, words: Words, first: int, last: int) -> range | list[int]:
        """Tokens first..last that may stop a clause: a listed cue form or إلا (``index_cues``
        found them once for the article), else every token."""
        if words is not self._indexed_of:
            return range(first, last)
        return self._listed[bisect.bisect_left(self._listed, first):bisect.bisect_left(self._listed, last)]

    def cues(self, words: Words, sentence: Sentence, index: list[Cue]) -> list[Cue]:
        """The cues of the sentence that stand outside quotation marks, from ``index_cues``."""
        lo = bisect.bisect_left(index, sentence.first, key=lambda cue: cue.index)
        hi = bisect.bisect_left(index, sentence.last, lo, key=lambda cue: cue.index)
        return [cue for cue in index[lo:hi]
                if sentence.quote_at(cue.index) is None
                and not (cue.entry.cls == "noun" and self.adverbial_noun(words, cue.index))]

    def label(self, words: Words, sentence: Sentence, cues: list[Cue]) -> Cue | None:
        """«المتحدث باسم الحكومة: …» at the start of a line, with no reporting verb (the way
        headlines quote): the colon stands in for the cue. The speaker is read by the caller."""
        first = sentence.first
        end = min(sentence.last - 1, first + MAX_LABEL_TOKENS)
        if first >= sentence.last or (words.start[first] and words.source[words.start[first] - 1] != "\n") \
                or ":" not in words.text[first + 1:end]:
            return None
        for j in range(first + 1, end):
            if words.text[j] == ":" and sentence.quote_at(j) is None and not clock_colon(words, j):
                if any(cue.index < j for cue in cues):
                    return None
                return Cue(j, LABEL_CUE)
            if words.is_punct(j) and not words.is_quote(j):
                return None
        return None

    def adverbial_noun(self, words: Words, i: int) -> bool:
        """في تصريحات صحفية، في تصريح لـ...: a verbal noun after a preposition is a
        circumstance of another cue, not a cue of its own."""
        prev = i - 1
        while prev >= 0 and not words.text[prev].strip():
            prev -= 1
        return prev >= 0 and words.bare[prev] in self.lex.grammar.adverbial_preposition

    def is_complementiser(self, words: Words, j: int) -> bool:
        """أن / إن / بأن and clitic forms, unless a temporal word makes it بعد أن ..."""
        if words.norm[j] not in self.lex.grammar.complementiser:
            return False
        if (j + 1 < len(words) and words.text[j + 1] == "." and words.end[j] == words.start[j + 1]) or (
                j > 0 and words.text[j - 1] == "." and words.end[j - 1] == words.start[j]):
            return False  # تلفزيون إن.بي.إن: letters of an abbreviation
        return j == 0 or words.bare[j - 1] not in self.lex.grammar.not_complementiser_after

    def draft(self, words: Words, sentence: Sentence, cue: Cue, consumed: set[int]) -> Draft | None:
        """Find the content of ``cue`` and the speaker zone before it, or None."""
        cls = cue.entry.cls
        if cls == "sourcing":
            return self._sourcing(words, sentence, cue)
        if cls == "label":
            return self._colon(words, sentence, cue, cue.index)
        found = self._marked(words, sentence, cue, consumed)
        if found is None and cls == "emphasis" and self.coordinated(words, cue):
            return self._object(words, sentence, cue)
        return found

    def _marked(self, words: Words, sentence: Sentence, cue: Cue, consumed: set[int]) -> Draft | None:
        """The content a marker opens after the cue: a colon, a quotation, أن, a preposition."""
        cls = cue.entry.cls
        last = sentence.last
        limit = min(last, cue.index + 1 + MAX_ZONE)
        prepositions = self.lex.cue_prepositions(cls)
        content_nouns = self.lex.content_nouns if self.lex.cue_has(cls, "noun_object") else frozenset()
        j = cue.index + 1
        bracketed = self._bracketed(words, sentence, cue)
        if bracketed is not None:
            return self._quoted(words, sentence, cue, bracketed.open, bracketed)
        while j < limit:
            norm = words.norm[j]
            stretch = sentence.quote_at(j)
            if norm == ":" and not clock_colon(words, j):
                return self._colon(words, sentence, cue, j)
            if stretch is not None and stretch.open == j and (words.text[j] != "”" or words.text[stretch.close] == "“"):
                if self._quoted_name(words, sentence, stretch, cue):
                    j = stretch.close + 1
                    continue
                return self._quoted(words, sentence, cue, j, stretch)
            if self.is_complementiser(words, j):
                return self._clause(words, sentence, cue, j, j + 1, Marker.THAT)
            if norm in NEGATED_THAT_NORM and strip_marks(words.text[j]) in NEGATED_THAT:
                return self._clause(words, sentence, cue, j, j, Marker.THAT)  # أعلن فلان ألّا مخزون: أن + لا, kept
            if words.bare[j] in content_nouns and sentence.quote_at(j) is None:
                return self._clause(words, sentence, cue, j, j, Marker.OBJECT)  # أكد الوزير ضرورة التعاون
            if norm in prepositions and not (cls == "participle" and j != words.next_word(cue.index, last)) \
                    and not self._name_ali(words, j, last, cue.index):
                nxt = words.next_word(j, last)
                if nxt is not None and words.text[nxt] in BOUNDARY_PUNCT:
                    after = words.next_word(nxt, last)  # أشار إلى، أن …: a stray comma
                    if after is not None and self.is_complementiser(words, after):
                        nxt = after
                if nxt is not None and self.is_complementiser(words, nxt):
                    j = nxt
                    continue
                after = words.next_word(nxt, last) if nxt is not None else None
                if after is not None and self.is_complementiser(words, after) and self.lex.mention_only(cls):
                    j = after
                    continue  # عبر عن اعتقاده بأن …، أعرب عن أمله أن …: the belief is a statement
                if nxt is not None and sentence.quote_at(nxt) is not None and sentence.quote_at(nxt).open == nxt:
                    return self._quoted(words, sentence, cue, nxt, sentence.quote_at(nxt), zone_last=j)
                if cls == "call" or nxt is None:
                    return None
                return self._clause(words, sentence, cue, j, nxt, Marker.PREP)
            if j != cue.index and self._blocks(words, j, cls, consumed):
                break
            if words.text[j] in (".", "!", "?", "؟") and not abbreviation_dot(words, j):
                break
            j += 1
        if cls == "participle" and cue.entry.lemma in self.lex.grammar.accusation:
            return self._accused(words, sentence, cue)
        if cls not in ("speech", "emphasis", "wording"):
            return None
        return self.postposed(words, sentence, cue) or self._after_comma(words, sentence, cue)

    def _after_comma(self, words: Words, sentence: Sentence, cue: Cue) -> Draft | None:
        """وقال مدير المركز فلان لوكالة X، يقام المهرجان سنويا …: a verb of [comma_speech] at
        a clause's start whose subject (and addressee) a comma, or a dashed aside, closes, with
        the speaker's words after it and no أن, colon or quotation left in the sentence: some
        outlets write direct speech so. The speaker zone holds no punctuation but a short quoted
        name."""
        opener = words.prev_word(cue.index)
        start = opener if cue.index and words.text[opener] in ("و", "ف") else cue.index  # و أوضح: و set apart
        if cue.entry.lemma not in self.lex.grammar.comma_speech or not self._clause_start(words, start):
            return None
        comma = None
        k = cue.index + 1
        while k < min(sentence.last, cue.index + 1 + MAX_COMMA_ZONE):
            stretch = sentence.quote_at(k)
            if stretch is not None and stretch.open == k and stretch.closed \
                    and stretch.close - stretch.open <= MAX_QUOTED_NAME_WORDS + 1:
                k = stretch.close + 1
                continue
            if words.text[k] in COMMAS:
                comma = k
                break
            if words.text[k] in DASHES:
                comma = next((d for d in range(k + 1, min(sentence.last, k + 1 + MAX_COMMA_ZONE))
                              if words.text[d] in DASHES), None)
                break  # وقال الهاجري – في تصريحات لـ "تلفزيون قطر" – تم …: the aside's closing dash
            if words.is_punct(k) or self.cue_at(words, k) is not None:
                return None
            k += 1
        first = words.next_word(comma, sentence.last) if comma is not None else None
        if first is None or words.norm[first] in self.lex.grammar.circumstance_opener \
                or words.bare[first] in self.lex.grammar.adverbial_preposition \
                or words.norm[first] in self.lex.grammar.clause_opener:
            return None
        if any(self.is_complementiser(words, j) or words.text[j] == ":" or words.is_quote(j)
               for j in range(first, min(sentence.last, first + MAX_CONTENT))):
            return None
        last = self.content_end(words, sentence, first)
        if sum(not words.is_punct(j) and bool(words.text[j].strip()) for j in range(first, last)) < MIN_COMMA_CONTENT:
            return None
        return Draft(cue, sentence, Marker.COMMA, cue.index + 1, comma, first, last, QuoteKind.DIRECT)

    def _name_ali(self, words: Words, j: int, last: int, cue: int) -> bool:
        """وأكد علي الحمداني أن …، أكد النائب عن البصرة، علي الحمداني، أن …، أكد الوزير الدكتور
        علي العمير حرص …: «علي» right after the cue, a comma or a title, followed by name words
        up to a comma, أن or a claim's verbal noun, is the name علي (the subject, or a name in
        apposition), not the preposition على."""
        if words.text[j] not in self.lex.grammar.ambiguous_name or j == 0:
            return False
        before = words.prev_word(j)
        if before != cue and words.text[before] not in COMMAS and not self.reader.is_title(words, before):
            return False
        def ends_name(k: int | None) -> bool:
            return k is not None and (words.text[k] in COMMAS or self.is_complementiser(words, k)
                                      or words.bare[k] in self.lex.content_nouns)

        if self.reader.is_title(words, before):
            end = self.reader.name_run(words, j, last)  # الدكتور علي العمير: the reader's name after a title
            return end > j + 1 and ends_name(words.first_word(end, last) if end < last else None)
        k = words.next_word(j, last)
        for _ in range(MAX_NAME_AFTER_ALI):
            if k is None or not self.lex.name_like(words.text[k], words.norm[k], words.bare[k]):
                return False
            k = words.next_word(k, last)
            if ends_name(k):
                return True
        return False

    def _accused(self, words: Words, sentence: Sentence, cue: Cue) -> Draft | None:
        """متهما السلطات بتزوير المحاضر: an accusing participle whose content is whom it
        accuses and of what (a ب-word soon after), when no أن follows."""
        for k in range(cue.index + 2, min(sentence.last, cue.index + 1 + ACCUSED_REACH)):
            if words.is_punct(k):
                return None
            if words.norm[k].startswith("ب") and len(words.norm[k]) > 3 and not words.norm[k].startswith("بال"):
                return self._clause(words, sentence, cue, cue.index, cue.index + 1, Marker.OBJECT)
        return None

    def _bracketed(self, words: Words, sentence: Sentence, cue: Cue) -> QuotedStretch | None:
        """وأضاف يؤكد (عانيت في الأيام الماضية …): round brackets right after a verb of saying,
        holding a clause of at least ``MIN_BRACKETED_WORDS`` words, quote the speaker, as some
        sports and local pages write quotations."""
        if not self.lex.cue_has(cue.entry.cls, "verb"):
            return None
        j = words.next_word(cue.index, sentence.last)
        if j is None or words.text[j] != "(":
            return None
        n = 0
        for k in range(j + 1, min(sentence.last, j + 1 + MAX_BRACKETED_TOKENS)):
            if words.text[k] == ")":
                return QuotedStretch(j, k, True) if n >= MIN_BRACKETED_WORDS else None
            if words.text[k] == "(":
                return None
            n += bool(words.text[k].strip()) and not words.is_punct(k)
        return None

    def _object(self, words: Words, sentence: Sentence, cue: Cue) -> Draft | None:
        """وأكد مجددا رغبة ...: a coordinated cue whose content is its object noun phrase."""
        first = cue.index + 1
        while first < sentence.last and (words.bare[first] in self.lex.adverbs or not words.text[first].strip()):
            first += 1
        if first >= sentence.last or words.is_punct(first) or words.norm[first] in self.lex.cue_prepositions("emphasis"):
            return None
        if self.is_complementiser(words, first) or self.cue_at(words, first) is not None:
            return None
        draft = self._clause(words, sentence, cue, cue.index + 1, first, Marker.OBJECT)
        draft.zone_last = cue.index + 1
        draft.coordinated = True
        return draft

    def postposed(self, words: Words, sentence: Sentence, cue: Cue) -> Draft | None:
        """«...»، قال الوزير: a quotation closed right before a comma and the cue, or before a
        word pointing back to it («…»، هكذا قال فلان). With «كما» the content may be a clause
        with no quotation marks: …، كما قال فلان. (the cue and its subject end the sentence)."""
        prev = words.prev_word(cue.index)
        link = prev if prev > sentence.first and words.norm[prev] in self.lex.grammar.postposed_link else None
        if link is not None:
            prev = words.prev_word(link)
        if prev <= sentence.first or not (words.text[prev] in BOUNDARY_PUNCT or (link is not None and words.is_quote(prev))):
            return None
        close = prev if words.is_quote(prev) else words.prev_word(prev)
        zone_last = cue.index + 1
        while zone_last < sentence.last and words.text[zone_last] not in (".", "!", "?", "؟", ":") \
                and not words.is_quote(zone_last) and self.cue_at(words, zone_last) is None:
            zone_last += 1  # past a comma too: «…»، قالت منسقة الشؤون الإنسانية، ماري دوبون.
        stretch = sentence.quote_at(close)
        if stretch is None or stretch.close != close or not stretch.closed:
            if link is None or words.norm[link] != "كما" or not (
                    zone_last >= sentence.last or words.text[zone_last] in SENTENCE_ENDS):
                return None
            return self._before_source(words, sentence, cue, zone_last, self._producing_cues(words, sentence), end=link)
        return Draft(cue, sentence, Marker.POSTPOSED, cue.index + 1, zone_last, stretch.open + 1, stretch.close,
                     QuoteKind.DIRECT)

    def coordinated(self, words: Words, cue: Cue) -> bool:
        """A cue joined by و right after a comma shares the previous clause's subject."""
        i = cue.index
        return words.norm[i].startswith("و") and i > 0 and words.text[i - 1] in BOUNDARY_PUNCT

    def _blocks(self, words: Words, j: int, cls: str, consumed: set[int]) -> bool:
        entry = self.cue_at(words, j)
        if entry is None:
            return False
        if entry.cls == "noun" and (cls == "transmit" or self.adverbial_noun(words, j)):
            consumed.add(j)
            return False
        if entry.lemma == "نقلا":
            consumed.add(j)
            return False
        return True

    def _quoted_name(self, words: Words, sentence: Sentence, stretch: QuotedStretch, cue: Cue) -> bool:
        """A short quoted name inside the speaker zone (قناة "جيو نيوز" الإخبارية أن ...), or a
        word or two quoted inside running text (عن وجود “ضغوط” تمارس ...): not the content."""
        if not stretch.closed or stretch.close - stretch.open > 5:
            return False
        before = stretch.open - 1
        while before > 0 and not words.text[before].strip():
            before -= 1
        after = words.next_word(stretch.close, sentence.last)
        if (stretch.close - stretch.open <= EMBEDDED_QUOTE_TOKENS and before > cue.index
                and not words.is_punct(before) and after is not None and not words.is_punct(after)
                and self.cue_at(words, after) is None):
            return True
        if before >= 0 and (words.bare_art[before] in self.lex.grammar.naming_noun or words.bare[before] in self.lex.organizations
                            or words.art[before] in self.lex.organizations
                            or words.bare_art[before] in self.lex.organizations
                            or (words.bare[before][:1] in ("ل", "ب") and words.bare[before][1:] in self.lex.organizations)):
            return True  # لشركة "إيني الإيطالية"، بصحيفة "الأهرام": the body's name
        if stretch.close - stretch.open <= EMBEDDED_QUOTE_TOKENS + 1 and stretch.open + 1 < stretch.close \
                and words.text[before] != ":" and after is not None and not words.is_punct(after) \
                and self.reader.org_at(words, stretch.open + 1, stretch.close):
            return True  # وقال «موقع الشرق» الاقتصادي في تقرير …، إن: a body's name, quoted
        if before > cue.index and words.norm[before] == "عن" and stretch.close - stretch.open <= EMBEDDED_QUOTE_TOKENS + 1:
            return True  # نقلت الوكالة عن "فلان" قوله: the source, quoted
        if before > cue.index and stretch.close - stretch.open <= EMBEDDED_QUOTE_TOKENS + 1 and (
                words.text[before] in ("بـ", "لـ") or (words.bare[before][:1] in ("ل", "ب") and len(words.bare[before]) > 3
                                                      and self.cue_at(words, before) is None
                                                      and not self.is_complementiser(words, before))):
            return True  # وصفت التفوق بـ “المريبة”، لفيروس "زيكا": a term after a preposition
        if after is not None and stretch.close - stretch.open <= EMBEDDED_QUOTE_TOKENS + 1 and any(
                form in self.lex.titles for form in (words.norm[after], words.art[after], words.bare_art[after])):
            return True  # قال "فلان" الرئيس التنفيذي للشركة إن: a quoted name, then the role
        if before > cue.index and stretch.close - stretch.open <= EMBEDDED_QUOTE_TOKENS + 1 and any(
                form in self.lex.titles for form in (words.norm[before], words.art[before], words.bare_art[before])):
            return True  # وقال الدكتور “علي العباب”، مدير …: a quoted name after its title
        if before > cue.index and not words.is_punct(before) \
                and self.reader.quoted_name(words, stretch.open, stretch.close + 1) == stretch.close:
            return True  # وقال مدير عام المركز “عبد الله ملكني” لوكالة …: the role's name, quoted
        # A lone quoted word set off by a comma (وأضاف "عبدالله"، خلال …، أن) names the speaker.
        inner = [k for k in range(stretch.open + 1, stretch.close) if words.text[k].strip()]
        one_word = len(inner) == 1 and after is not None and (words.text[after] in BOUNDARY_PUNCT or words.text[after] in DASHES)
        if one_word and before > cue.index and not words.is_punct(before):
            subject = words.next_word(cue.index, stretch.open)
            phrase = self.reader.read(words, subject, stretch.open) if subject is not None else None
            if phrase is not None and phrase.last == stretch.open:
                return True  # كشفت والدة الضحية "كريمة"، المعروفة …: the name of the one the phrase is about
        reach = MAX_ZONE if one_word else 7
        k = stretch.close + 1
        while k < min(sentence.last, stretch.close + reach):
            if words.is_quote(k):
                inner = sentence.quote_at(k)
                if one_word and inner is not None and inner.open == k and inner.closed \
                        and inner.close - inner.open <= EMBEDDED_QUOTE_TOKENS + 1:
                    k = inner.close + 1
                    continue  # لمراسل “يمن مونيتور”، إن: another quoted name on the way
                return False
            if words.norm[k] == ":" or self.is_complementiser(words, k):
                return True
            k += 1
        # و أوضح “ملكني”، لأول مرة …: a quoted surname, then the speaker's words after the comma
        return one_word and before == cue.index and self._after_comma(words, sentence, cue) is not None

    def _colon(self, words: Words, sentence: Sentence, cue: Cue, j: int) -> Draft:
        nxt = words.next_word(j, sentence.last)
        if nxt is not None:
            stretch = sentence.quote_at(nxt)
            after = words.next_word(stretch.close, sentence.last) if stretch is not None else None
            if stretch is not None and stretch.open == nxt and (after is None or words.is_punct(after) or not stretch.closed):
                return self._quoted(words, sentence, cue, nxt, stretch, zone_last=j)
        first = nxt if nxt is not None else j + 1
        last = self.content_end(words, sentence, first)
        return Draft(cue, sentence, Marker.COLON, cue.index + 1, j, first, last, QuoteKind.DIRECT)

    def _quoted(self, words: Words, sentence: Sentence, cue: Cue, j: int, stretch: QuotedStretch,
                zone_last: int | None = None) -> Draft:
        return Draft(cue, sentence, Marker.QUOTE, cue.index + 1, j if zone_last is None else zone_last,
                     stretch.open + 1, stretch.close, QuoteKind.DIRECT, closed=stretch.closed)

    def end_open_quotations(self, words: Words, sentence: Sentence) -> None:
        """End each quotation of the sentence that is never closed where the reporter resumes
        (``_narrator_resumes``), so the cues after that point stand outside it."""
        if any(not stretch.closed for stretch in sentence.quotes):
            sentence.set_quotes([stretch if stretch.closed else
                                 QuotedStretch(stretch.open, self._narrator_resumes(words, stretch.open + 1, stretch.close), False)
                                 for stretch in sentence.quotes])

    def _narrator_resumes(self, words: Words, first: int, last: int) -> int:
        """Where a quotation never closed gives way to the reporter: a comma and a participle
        cue with its أن or preposition (وقال: «تركز الوزارة على البناء، مبيناً أن …); ``last``
        when no such place comes. The quotation is taken to end there."""
        return next((k for k in range(first, last) if words.text[k] in COMMAS and self._participle_next(words, last, k)),
                    last)

    def _clause(self, words: Words, sentence: Sentence, cue: Cue, marker_at: int, first: int,
                marker: Marker) -> Draft:
        first = words.first_word(first, sentence.last)
        if first < sentence.last and words.text[first] == ":":
            first = words.first_word(first + 1, sentence.last)  # مردفا بالقول إنه: تم …
        last = self.content_end(words, sentence, first)
        stretch = sentence.quote_at(first) if first < sentence.last else None
        if (stretch is not None and stretch.open == first and stretch.close >= last - 1
                and words.norm[marker_at] in self.lex.grammar.bare_complementiser):
            # إن «...» with nothing outside the marks: the speaker's own words (but in
            # إنه «...» the pronoun is the reporter's, so that stays mixed).
            return Draft(cue, sentence, marker, cue.index + 1, marker_at, first + 1, stretch.close,
                         QuoteKind.DIRECT, closed=stretch.closed)
        quoted = bool(words.quote_marks_in(first, last))
        kind = QuoteKind.MIXED if quoted else QuoteKind.INDIRECT
        return Draft(cue, sentence, marker, cue.index + 1, marker_at, first, last, kind)

    def _sourcing(self, words: Words, sentence: Sentence, cue: Cue) -> Draft | None:
        """حسب بيان ... «…» or حسب المصدر، ...: the rest of the sentence is the content; with
        nothing after the source but the sentence's end, the clause before it is
        (الأسعار سترتفع، بحسب البنك المركزي).

        Each look-up goes through the sentence's sorted punctuation and cue positions, so a
        sentence of many sourcing cues costs time linear in its length.
        """
        puncts, producing = self._positions(words, sentence)
        j = _next(puncts, cue.index + 1, sentence.last)
        that = next((k for k in range(cue.index + 2, min(j, cue.index + 1 + MAX_ZONE))
                     if words.norm[k] in self.lex.grammar.bare_complementiser or (
                         words.norm[k].startswith("ف") and self.is_complementiser(words, k))), None)
        if that is not None:  # ووفقا للتقرير فإن …: the source, then the clause it opens
            first = words.next_word(that, sentence.last)
            if first is not None and _next(producing, first, sentence.last) >= sentence.last:
                return self._clause(words, sentence, cue, that, first, Marker.SOURCING)
        stretch = sentence.quote_at(j) if j < sentence.last else None
        if stretch is not None and stretch.open == j and words.text[words.prev_word(j)] in ("لـ", "ل") \
                and stretch.closed:  # بحسب مصادر تحدثت لـ"رويترز": whom the source told, quoted
            j = _next(puncts, stretch.close + 1, sentence.last)
            stretch = sentence.quote_at(j) if j < sentence.last else None
        if stretch is not None and stretch.open == j:  # حسب بيان «…»، …: past the quoted title
            after = words.next_word(stretch.close, sentence.last)
            if after is None or words.text[after] not in BOUNDARY_PUNCT:
                if _next(producing, cue.index + 1, sentence.last) < sentence.last:
                    return None  # بحسب ما ذكرته الوكالة «بترا» فإن فلان بيّن أن …: the inner cue's
                return self._quoted(words, sentence, cue, j, stretch)
            j = after
        if j >= sentence.last or words.text[j] in SENTENCE_ENDS:
            return self._before_source(words, sentence, cue, j, producing) or self._source_then_clause(
                words, sentence, cue, j, producing)
        if words.text[j] not in BOUNDARY_PUNCT:
            return None
        if self._participle_next(words, sentence.last, j):  # …، وفق تصريحات فلان، موضحا أن …
            return self._before_source(words, sentence, cue, j, producing)
        if self.sourcing_what(words, cue.index) is not None and self._speaker_ends_sentence(words, sentence, j):
            return self._before_source(words, sentence, cue, sentence.last, producing)
        j = self._past_apposition(words, sentence, j, puncts)
        first = words.next_word(j, sentence.last)
        if first is not None and self.is_complementiser(words, first):
            first = words.next_word(first, sentence.last)
        if first is None or _next(producing, first, sentence.last) < sentence.last:
            return None
        return self._clause(words, sentence, cue, j, first, Marker.SOURCING)

    def _participle_next(self, words: Words, last: int, j: int) -> bool:
        """Does a participle cue with its أن or preposition (بالقول between) follow the comma at
        j: the reporter's next statement of the same speaker?"""
        cue = words.next_word(j, last)
        entry = self.cue_at(words, cue) if cue is not None else None
        after = words.next_word(cue, last) if entry is not None and entry.cls == "participle" else None
        if after is not None and words.norm[after].startswith("ب") and words.bare_art[after] in self.lex.forms_of("noun"):
            after = words.next_word(after, last)  # مردفا بالقول إنه …
        return after is not None and (self.is_complementiser(words, after)
                                      or words.norm[after] in self.lex.cue_prepositions(entry.cls))

    def _speaker_ends_sentence(self, words: Words, sentence: Sentence, j: int) -> bool:
        """…، حسبما أفاد به اليوم بالجزائر العاصمة، وزير القطاع، فلان.: after the comma at j
        only the source's speaker is left, a headed phrase (and a name in apposition) that ends
        the sentence: the source closes the statement, whose content came before it."""
        first = words.next_word(j, sentence.last)
        if first is None or not self._heads_phrase(words, first):
            return False
        phrase = self.reader.read(words, first, sentence.last)
        if phrase is None or not (phrase.role or phrase.type is not SpeakerType.PERSON):
            return False
        end = words.first_word(phrase.last, sentence.last)
        if end < sentence.last and words.text[end] in COMMAS:  # وزير القطاع، محمد عبد الحفيظ هني
            name = words.next_word(end, sentence.last)
            after = self.reader.name_run(words, name, sentence.last) if name is not None else None
            if after is None or after == name:
                return False
            end = words.first_word(after, sentence.last)
        return end >= sentence.last or words.text[end] in SENTENCE_ENDS

    def _source_then_clause(self, words: Words, sentence: Sentence, cue: Cue, end: int,
                            producing: list[int]) -> Draft | None:
        """وبحسب الوزارة تبلغ الإيرادات نحو 10 مليارات: a source opening its clause with no
        comma after it. The content is what follows the source phrase, which the speaker's
        reader finds (``Draft.after_source``)."""
        end = min(end, cue.index + 1 + MAX_CONTENT)
        if not self._clause_start(words, cue.index) or _next(producing, cue.index + 1, end) < end:
            return None
        end = self.trim(words, cue.index + 1, end)
        if end - cue.index <= MIN_SOURCED_TOKENS + 1:
            return None
        kind = QuoteKind.MIXED if words.quote_marks_in(cue.index + 1, end) else QuoteKind.INDIRECT
        return Draft(cue, sentence, Marker.SOURCING, cue.index + 1, end, cue.index + 1, end, kind, after_source=True)

    def _past_apposition(self, words: Words, sentence: Sentence, j: int, puncts: list[int]) -> int:
        """وحسب المتحدث باسم الجيش، العميد يحيى رسول، فإن …: a short stretch between two commas
        with a complementiser right after the second is the source's name in apposition; the
        second comma (else ``j``) is where the source ends."""
        if words.text[j] not in COMMAS:
            return j
        k = _next(puncts, j + 1, sentence.last)
        if k >= sentence.last or words.text[k] not in COMMAS or k - j > MAX_APPOSITION_TOKENS:
            return j
        after = words.next_word(k, sentence.last)
        return k if after is not None and self.is_complementiser(words, after) else j

    def _before_source(self, words: Words, sentence: Sentence, cue: Cue, zone_last: int,
                       producing: list[int], end: int | None = None) -> Draft | None:
        """The clause before a source that ends the sentence (before token ``end``, the cue's by
        default), unless a cue of its own is in it."""
        end = cue.index if end is None else end
        opener = words.prev_word(end)
        if opener >= sentence.first and words.norm[opener] in self.lex.grammar.source_opener \
                and words.bare[cue.index] in ("ما", "حد"):
            end = opener  # …، على ما أفاد X: the content ends before على
        while end > sentence.first and (not words.text[end - 1].strip() or words.text[end - 1] in BOUNDARY_PUNCT):
            end -= 1
        first = words.first_word(sentence.first, end)
        if end - first < MIN_SOURCED_TOKENS or _next(producing, first, end) < end:
            return None
        stretch = sentence.quote_at(first)
        if stretch is not None and stretch.close >= end - 1:
            return Draft(cue, sentence, Marker.SOURCE_AFTER, cue.index + 1, zone_last, stretch.open + 1,
                         stretch.close, QuoteKind.DIRECT, closed=stretch.closed)
        kind = QuoteKind.MIXED if words.quote_marks_in(first, end) else QuoteKind.INDIRECT
        return Draft(cue, sentence, Marker.SOURCE_AFTER, cue.index + 1, zone_last, first, end, kind)

    def _positions(self, words: Words, sentence: Sentence) -> tuple[list[int], list[int]]:
        """The sentence's punctuation tokens and its producing cues outside quotations that
        open content of their own, sorted. A cue with no marker after it is a verb of the
        sourced clause, not a statement of its own (بحسب مصدر، فإن المتهمين اعترفوا بـ…)."""
        cached = self._sentence_positions.get(sentence.index)
        if cached is None:
            puncts = [k for k in range(sentence.first, sentence.last) if words.is_punct(k)]
            producing = [k for k in self._producing_cues(words, sentence)
                         if (entry := self.cue_at(words, k)).cls == "sourcing"
                         or self.draft(words, sentence, Cue(k, entry), set()) is not None]
            cached = self._sentence_positions[sentence.index] = (puncts, producing)
        return cached

    def _producing_cues(self, words: Words, sentence: Sentence) -> list[int]:
        """The sentence's cues of a producing class outside quotations, sorted; once a sentence."""
        cached = self._sentence_cues.get(sentence.index)
        if cached is None:
            if words is self._indexed_of:  # the article's cues, found once by index_cues
                lo = bisect.bisect_left(self._indexed, sentence.first, key=lambda cue: cue.index)
                hi = bisect.bisect_left(self._indexed, sentence.last, lo, key=lambda cue: cue.index)
                candidates = [(cue.index, cue.entry) for cue in self._indexed[lo:hi]]
            else:
                candidates = [(k, self.cue_at(words, k)) for k in range(sentence.first, sentence.last)]
            cached = self._sentence_cues[sentence.index] = [
                k for k, entry in candidates
                if entry is not None and self.lex.cue_has(entry.cls, "produces") and sentence.quote_at(k) is None]
        return cached

    def content_end(self, words: Words, sentence: Sentence, first: int) -> int:
        """Where unquoted content stops: sentence end, or a clause boundary before a new cue."""
        stops = self.clause_stops(words, sentence)
        n = bisect.bisect_left(stops, first)
        last = min(sentence.last, first + MAX_CONTENT, stops[n] if n < len(stops) else sentence.last)
        stretch = sentence.quote_at(last - 1) if last > first else None
        if stretch is not None and stretch.open >= first:
            last = min(sentence.last, max(last, stretch.close + 1))
        return self.trim(words, first, last)

    def clause_stops(self, words: Words, sentence: Sentence) -> list[int]:
        """Clause boundaries of the sentence, outside quotations, where the narrator or a new
        cue takes over; computed once per sentence."""
        if sentence.stops is None:
            commas = [k for k in range(sentence.first, sentence.last)
                      if words.text[k] in BOUNDARY_PUNCT and sentence.quote_at(k) is None
                      and (self._cue_follows(words, sentence, k) or self._narrator_follows(words, sentence, k))]
            closes = [q.close for q in sentence.quotes  # «…» مؤكدا على …: a new cue after a quotation
                      if q.closed and q.close < sentence.last and self._cue_follows(words, sentence, q.close)]
            forms, appeals = self.lex.forms_of("participle"), self.lex.forms_of("appeal")
            candidates = self._candidates(words, sentence.first + 1, sentence.last)
            bare = [k for k in candidates  # … للغاية مؤكدا أن …, no comma
                    if (words.norm[k] in appeals  # … حتى الآن داعيا المواطنين إلى …: a call begins
                        or ((words.norm[k] in forms or words.bare[k] in forms) and self._participle_opens(words, sentence, k)))
                    and sentence.quote_at(k) is None]
            joined = [k for k in candidates  # … الجمهورية وتوقع سقوط …
                      if words.norm[k] != words.bare[k] and words.norm[k].startswith("و")
                      and sentence.quote_at(k) is None and not words.is_punct(k - 1)
                      and self._joined_cue(words, k)]
            contrast = [k for k in candidates  # … إلا أن رئيس المحكمة قال: …
                        if words.norm[k] == "الا" and k < sentence.last - 1 and sentence.quote_at(k) is None
                        and self._speaker_follows(words, sentence, k)]
            sentence.stops = sorted(set(commas + closes + bare + joined + contrast))
        return sentence.stops

    def _joined_cue(self, words: Words, k: int) -> bool:
        """A verb of saying joined by و with no comma (… وأضاف، … وتوقع): it begins a new
        statement of the same speaker, so the content before it ends there."""
        entry = self.cue_at(words, k)
        return (entry is not None and self.lex.cue_has(entry.cls, "verb") and self.lex.cue_has(entry.cls, "stops")
                and words.norm[k] not in self.lex.cues)

    def _participle_opens(self, words: Words, sentence: Sentence, k: int) -> bool:
        """A participle cue at k that opens its own content (مؤكدا أن، مشيرا إلى أن) with no
        comma before it: the content before it ends there."""
        entry = self.cue_at(words, k)
        if entry is None or entry.cls != "participle" or k == sentence.first or words.is_punct(k - 1):
            return False
        j = words.next_word(k, sentence.last)
        if j is not None and words.norm[j] in self.lex.cue_prepositions(entry.cls):
            j = words.next_word(j, sentence.last)
        if j is not None and (words.bare[j] in self.lex.content_nouns or words.text[j] in OPENING_QUOTES
                              or words.text[j] == ":"):
            return True  # … مؤكدا تمسك …، … مضيفا “وهذا كسب …”، … قائلا: …: its own content, no comma before
        return j is not None and self.is_complementiser(words, j)

    def _narrator_follows(self, words: Words, sentence: Sentence, k: int) -> bool:
        """، مشيدا ب... / ، على لسان ... / ، وذلك في تصريح ... (and the links of
        [narrator_clause]): the narrator takes over after the reported clause."""
        j = words.next_word(k, sentence.last)
        if j is None:
            return False
        if words.norm[j] in self.lex.grammar.narrator_clause or words.norm[j] in self.lex.grammar.stance_participle:
            return True  # …، مشيدا باللمسة الجمالية فيه: the narrator tells what the speaker did
        nxt = words.next_word(j, sentence.last)
        if words.norm[j] == "علي" and nxt is not None and words.bare_art[nxt] == "لسان":
            return True  # …، على لسان وزير الفلاحة: whose words these were, not more of them
        if words.norm[j] == "وذلك" and nxt is not None and (
                words.norm[nxt] in self.lex.grammar.adverbial_preposition or words.norm[nxt] == "علي"):
            noun = words.next_word(nxt, sentence.last)  # …، وذلك في تصريح أدلى به: where it was said
            return noun is not None and self.lex.is_occasion(words.bare_art[noun])
        return False

    @staticmethod
    def _ends_sentence(words: Words, sentence: Sentence, j: int) -> bool:
        """Does the phrase after token j run to the sentence's end with no punctuation?"""
        k = words.next_word(j, sentence.last)
        while k is not None:
            if words.is_punct(k) or words.is_quote(k):
                return words.text[k] in SENTENCE_ENDS
            k = words.next_word(k, sentence.last)
        return True

    def _speaker_follows(self, words: Words, sentence: Sentence, k: int) -> bool:
        """إلا أن رئيس المحكمة قال …: after «إلا أن» a subject and its verb of saying, within
        a few words and no punctuation, open another speaker's statement."""
        that = words.next_word(k, sentence.last)
        if that is None or words.norm[that] not in self.lex.grammar.bare_complementiser:
            return False
        j = words.next_word(that, sentence.last)
        for _ in range(CONTRAST_REACH):
            if j is None or words.is_punct(j):
                return False
            entry = self.cue_at(words, j)
            if entry is not None and self.lex.cue_has(entry.cls, "verb") and entry.cls != "participle":
                return j > words.next_word(that, sentence.last)  # a subject stands between
            j = words.next_word(j, sentence.last)
        return False

    def _cue_follows(self, words: Words, sentence: Sentence, k: int) -> bool:
        j = words.next_word(k, sentence.last)
        steps, link = 0, k
        while j is not None and steps < 3:
            entry = self.cue_at(words, j)
            if entry is not None and self.lex.cue_has(entry.cls, "stops"):
                # …، حيث يعتبر من أكثر الأشجار …: after حيث a cue verb with no marker soon is no new
                # statement; nor is a present-tense one right after the comma (إن فلان، رئيس
                # مجلس الوزراء، يتابع مع وزير الصحة …: the content's own verb)
                if words.norm[link] in self.lex.grammar.speaker_goes_on or (steps == 0 and _imperfect(words.bare[j], entry)):
                    return self._marker_soon(words, sentence, j)
                return True
            if entry is not None and self.lex.cue_has(entry.cls, "verb") and entry.cls == "call" and (
                    words.norm[j] != words.bare[j] or (steps > 0 and words.norm[link] == "كما")):
                return True  # …، ودعا / كما دعت الوزارة: a new clause that calls (not لكنها دعت)
            listed = self.lex.cues.get(words.norm[j]) or self.lex.cues.get(words.bare[j])
            if listed is not None and listed.cls == "sourcing" and (
                    self.sourcing_what(words, j) is not None or self._ends_sentence(words, sentence, j)):
                return True  # …، بحسب ما نقلت الوكالة / …، بحسب رويترز.: the channel is not the content
            if words.bare[j] not in self.lex.grammar.clause_link and words.norm[j] not in self.lex.grammar.clause_link \
                    and words.norm[j] != "و" and not (steps == 0 and words.bare[j] in self.lex.relatives):
                return False  # ،و أضاف: و written apart; …، الذي توقع أن …: a relative clause that reports
            link = j
            j = words.next_word(j, sentence.last)
            steps += 1
        return False

    def _marker_soon(self, words: Words, sentence: Sentence, j: int) -> bool:
        """A complementiser, colon or quotation within a cue's reach after token j, before the
        sentence ends."""
        for k in range(j + 1, min(sentence.last, j + 1 + NEEDS_NEXT_REACH)):
            if self.is_complementiser(words, k) or words.text[k] == ":" or words.is_quote(k):
                return True
            if words.text[k] in SENTENCE_ENDS:
                return False
        return False

    @staticmethod
    def trim(words: Words, first: int, last: int) -> int:
        """Drop trailing punctuation and spaces (a closing quote whose opening is kept stays, and
        so do a percent or currency sign and a bracket closed inside the content)."""
        opened = len(words.quote_marks_in(first, last))
        while last > first and (words.is_punct(last - 1) or not words.text[last - 1].strip()):
            if words.is_quote(last - 1) and opened % 2 == 0 and words.text[last - 1] not in OPENING_QUOTES:
                break
            if words.text[last - 1] in KEPT_SIGNS or (words.text[last - 1] == ")" and "(" in words.text[first:last - 1]):
                break  # بلغت 55%، (31.795): a sign or a closed bracket belongs to the words
            if words.is_quote(last - 1):
                opened -= 1
            last -= 1
        return last


def _imperfect(bare: str, entry: CueEntry) -> bool:
    """Is a cue form present tense (يتابع، تقول, not تابع، تابعت)? Its prefix ي or ت is no
    part of the lemma."""
    return bare[:1] == "ي" or (bare[:1] == "ت" and (not entry.lemma.startswith("ت") or bare[:2] == "تت"))


def _next(positions: list[int], k: int, default: int) -> int:
    """The first of the sorted ``positions`` at or after ``k``; ``default`` if none."""
    n = bisect.bisect_left(positions, k)
    return positions[n] if n < len(positions) else default
