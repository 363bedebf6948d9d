"""Scoring extracted quotes against annotated articles, by the rules of seeds/gold/FORMAT.md.

Predictions come in as plain dicts ``{"start", "end", "speaker", "kind"}`` (code-point offsets
into the article text), so one scorer serves the ``qawl eval`` command, the seed regression test
and anyone's script, whatever produced the predictions. Nothing here needs spaCy or gRPC.

The rules, with the choices FORMAT.md leaves open marked *chosen*:

- A prediction *matches* a statement when at least half of the statement's content lies inside
  the predicted span and at least half of the span lies inside the statement.
- *Chosen*: credit is one-to-one. Each required statement is credited to at most one
  prediction and each prediction to at most one statement, by a maximum matching in which
  predictions with the right speaker and the closer span are served first. A second prediction
  of a statement already credited is a false positive; a prediction merging two statements is
  credited with one of them.
- A prediction credited with no required statement but matching an optional one is neutral:
  left out of precision and recall alike.
- The speaker is right when the predicted name, normalised (``normalize``, whitespace
  collapsed), equals the canonical name or an alias, or contains the canonical name's last word
  (*chosen*: as a whole word, so "علي" is not found in "عليان").
- *Chosen*: a ratio with nothing to count (no prediction, no required statement) is 1.0, since
  nothing was wrong; overall figures are micro-averaged, counts summed over articles.
- Kind accuracy is taken over the matched required statements.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qawl.engine.normalize import normalize

KINDS = ("direct", "indirect", "mixed")


class GoldError(ValueError):
    """An annotation file that does not fit its article or the format."""


@dataclass(frozen=True)
class Statement:
    """One annotated statement, located in its article."""

    index: int
    speaker: str
    aliases: tuple[str, ...]
    kind: str
    content: str
    start: int
    end: int
    required: bool
    section: str


@dataclass(frozen=True)
class Prediction:
    """One predicted quote: its span, speaker name and kind."""

    start: int
    end: int
    speaker: str
    kind: str
    rule: str = ""
    """The rule that produced it, when the extractor says (``speech.that.explicit``)."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Prediction:
        """Read a prediction dict; ``kind`` may be a string or a string enum; ``rule`` is optional."""
        kind = data["kind"]
        return cls(
            int(data["start"]), int(data["end"]), str(data["speaker"]), getattr(kind, "value", kind),
            str(data.get("rule", "")),
        )


@dataclass
class Counts:
    """The tallies behind every figure; they add up over articles."""

    required: int = 0
    """Required statements in the gold."""
    counted: int = 0
    """Predictions counted in precision: credited with a required statement, or false."""
    matched: int = 0
    """Required statements credited to a prediction (the true positives)."""
    attributed: int = 0
    """Matched statements whose prediction names the right speaker."""
    kind_right: int = 0
    """Matched statements whose prediction has the right kind."""
    neutral: int = 0
    """Predictions matching only optional statements, left out of every figure."""

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self._values(), other._values())))

    def _values(self) -> tuple[int, ...]:
        return (
            self.required,
            self.counted,
            self.matched,
            self.attributed,
            self.kind_right,
            self.neutral,
        )

    @property
    def span_precision(self) -> float:
        return _ratio(self.matched, self.counted)

    @property
    def span_recall(self) -> float:
        return _ratio(self.matched, self.required)

    @property
    def span_f1(self) -> float:
        return _f1(self.span_precision, self.span_recall)

    @property
    def attribution_precision(self) -> float:
        return _ratio(self.attributed, self.counted)

    @property
    def attribution_recall(self) -> float:
        return _ratio(self.attributed, self.required)

    @property
    def attribution_f1(self) -> float:
        return _f1(self.attribution_precision, self.attribution_recall)

    @property
    def kind_accuracy(self) -> float:
        return _ratio(self.kind_right, self.matched)


@dataclass
class ArticleScore:
    """One article's counts and the findings behind them."""

    name: str
    text: str
    counts: Counts
    matches: list[tuple[Prediction, Statement]] = field(default_factory=list)
    """Every prediction credited with a required statement, right speaker and kind or not."""
    misses: list[Statement] = field(default_factory=list)
    wrong_speakers: list[tuple[Prediction, Statement]] = field(default_factory=list)
    false_positives: list[tuple[Prediction, Statement | None]] = field(default_factory=list)
    """Each with the statement it duplicates, or None when it matches no statement."""
    kind_errors: list[tuple[Prediction, Statement]] = field(default_factory=list)


ERROR_CLASSES = ("wrong speaker", "boundary", "missed", "false", "duplicate")
"""Why a statement was not scored right, for whoever extends the rules:

- *wrong speaker*: the statement was found, the speaker named is not its speaker;
- *boundary*: a prediction overlaps a required statement but not enough to match it (the span
  is cut short or runs on), counted once for the statement;
- *missed*: no prediction touches a required statement;
- *false*: a prediction that touches no statement at all;
- *duplicate*: a second prediction of a statement already credited.
"""

RULE_COLUMNS = ("right", "wrong speaker", "boundary", "false", "duplicate")


def error_classes(article: ArticleScore) -> list[tuple[str, Prediction | None]]:
    """Every error in ``article`` with its class and the prediction behind it (None for a miss)."""
    errors: list[tuple[str, Prediction | None]] = [("wrong speaker", p) for p, _ in article.wrong_speakers]
    touched: set[int] = set()
    for pred, duplicated in article.false_positives:
        if duplicated is not None:
            errors.append(("duplicate", pred))
            continue
        overlapping = [s for s in article.misses if _overlap(pred.start, pred.end, s.start, s.end)]
        if overlapping:
            errors.append(("boundary", pred))
            touched.update(s.index for s in overlapping)
        else:
            errors.append(("false", pred))
    errors.extend(("missed", None) for s in article.misses if s.index not in touched)
    return errors


@dataclass
class EvaluationResult:
    """Scores of a set of articles, per article and overall."""

    articles: list[ArticleScore]

    def error_counts(self) -> dict[str, int]:
        """How many errors of each class (``ERROR_CLASSES``) over all articles."""
        counts = dict.fromkeys(ERROR_CLASSES, 0)
        for article in self.articles:
            for cls, _ in error_classes(article):
                counts[cls] += 1
        return counts

    def by_rule(self) -> dict[str, dict[str, int]]:
        """Per rule that produced predictions: how many were right, and each class of error a
        prediction can make (``RULE_COLUMNS``; a miss has no rule)."""
        rules: dict[str, dict[str, int]] = {}

        def tally(pred: Prediction, column: str) -> None:
            rules.setdefault(pred.rule or "?", dict.fromkeys(RULE_COLUMNS, 0))[column] += 1

        for article in self.articles:
            wrong = {id(p) for p, _ in article.wrong_speakers}
            for cls, pred in error_classes(article):
                if pred is not None:
                    tally(pred, cls)
            for pred, _ in article.matches:
                if id(pred) not in wrong:
                    tally(pred, "right")
        return rules

    @property
    def overall(self) -> Counts:
        """Counts summed over all articles (micro-average)."""
        total = Counts()
        for article in self.articles:
            total = total + article.counts
        return total

    def format_report(self, verbose: bool = False) -> str:
        """A table of the figures per article and overall; ``verbose`` adds the findings:
        every match (``match``, or ``speaker`` / ``kind`` when that is wrong), miss and false
        positive."""
        return _format_report(self, verbose)


def normalize_name(name: str) -> str:
    """A speaker name in the form names are compared in: normalised, whitespace collapsed."""
    return " ".join(normalize(name).split())


def speaker_is_right(predicted: str, statement: Statement) -> bool:
    """Whether ``predicted`` names the statement's speaker (see the module docstring)."""
    got = normalize_name(predicted)
    if not got:
        return False
    canonical = normalize_name(statement.speaker)
    if got == canonical or got in {normalize_name(alias) for alias in statement.aliases}:
        return True
    last = canonical.split()[-1:]
    return bool(last) and last[0] in re.findall(r"\w+", got)


def span_matches(start: int, end: int, statement: Statement) -> bool:
    """Whether a span and a statement each lie at least half inside the other."""
    inside = _overlap(start, end, statement.start, statement.end)
    return 2 * inside >= statement.end - statement.start and 2 * inside >= end - start


def gold_path(article: Path | str, gold_dir: Path | str) -> Path:
    """The annotation file of an article: ``000_x.txt`` -> ``gold_dir/000_x.json``."""
    return Path(gold_dir) / (Path(article).stem + ".json")


def load_gold(path: Path | str) -> dict:
    """Read an annotation file, naming it in the error when it is missing or malformed.

    Malformed: not UTF-8, not JSON, not an object, or ``statements`` not a list of objects.
    """
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"{path}: no annotation file for this article")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeError, ValueError) as error:
        raise GoldError(f"{path}: not a JSON annotation file: {error}") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{path}: an annotation file holds a JSON object, not {type(gold).__name__}")
    statements = gold.get("statements", [])
    if not isinstance(statements, list) or not all(isinstance(s, dict) for s in statements):
        raise GoldError(f"{path}: 'statements' must be a list of objects")
    return gold


def locate_statements(text: str, gold: Mapping[str, Any], article: str) -> list[Statement]:
    """The gold's statements with their offsets, found by content and occurrence in ``text``."""
    statements = []
    for index, raw in enumerate(gold.get("statements", [])):
        content = raw.get("content", "")
        try:
            occurrence = int(raw.get("occurrence", 1))
        except (TypeError, ValueError):
            raise GoldError(f"{article}: statement {index + 1} has occurrence "
                            f"{raw.get('occurrence')!r}, not a whole number") from None
        kind = raw.get("kind")
        if not isinstance(content, str) or not content:
            raise GoldError(f"{article}: statement {index + 1} has no content")
        if kind not in KINDS:
            raise GoldError(
                f"{article}: statement {index + 1} has kind {kind!r}, not one of {KINDS}"
            )
        start = _find_occurrence(text, content, occurrence)
        if start < 0:
            raise GoldError(
                f"{article}: statement {index + 1} content not found in the text "
                f"(occurrence {occurrence}): {_excerpt(content)}"
            )
        statements.append(
            Statement(
                index=index,
                speaker=raw.get("speaker", ""),
                aliases=tuple(raw.get("aliases", ())),
                kind=kind,
                content=content,
                start=start,
                end=start + len(content),
                required=bool(raw.get("required", True)),
                section=raw.get("section", "body"),
            )
        )
    return statements


def score_article(
    name: str, text: str, predictions: Iterable[Mapping[str, Any]], gold: Mapping[str, Any]
) -> ArticleScore:
    """Score one article's predictions against its gold annotations."""
    preds = [Prediction.from_dict(p) for p in predictions]
    for pred in preds:
        if not 0 <= pred.start <= pred.end <= len(text):
            raise ValueError(f"{name}: prediction [{pred.start}:{pred.end}] lies outside the text")
    statements = locate_statements(text, gold, name)
    required = [s for s in statements if s.required]
    optional = [s for s in statements if not s.required]

    candidates = {i: _ranked_candidates(pred, required) for i, pred in enumerate(preds)}
    credited = _assign(candidates)

    score = ArticleScore(name, text, Counts(required=len(required)))
    counts = score.counts
    credited_statements = {s.index for s in credited.values()}
    for i, pred in enumerate(preds):
        statement = credited.get(i)
        if statement is None:
            if any(span_matches(pred.start, pred.end, s) for s in optional):
                counts.neutral += 1
            else:
                counts.counted += 1
                duplicated = candidates[i][0][1] if candidates[i] else None
                score.false_positives.append((pred, duplicated))
            continue
        counts.counted += 1
        counts.matched += 1
        score.matches.append((pred, statement))
        if speaker_is_right(pred.speaker, statement):
            counts.attributed += 1
        else:
            score.wrong_speakers.append((pred, statement))
        if pred.kind == statement.kind:
            counts.kind_right += 1
        else:
            score.kind_errors.append((pred, statement))
    score.misses = [s for s in required if s.index not in credited_statements]
    return score


def evaluate(
    articles: Iterable[tuple[str, str, Iterable[Mapping[str, Any]], Mapping[str, Any]]],
) -> EvaluationResult:
    """Score ``(name, text, predictions, gold)`` for each article."""
    return EvaluationResult([score_article(*article) for article in articles])


def evaluate_dir(
    extract_fn: Callable[[str], Iterable[Mapping[str, Any]]],
    texts: Sequence[Path | str],
    gold_dir: Path | str,
) -> EvaluationResult:
    """Run ``extract_fn`` on each article file and score it against ``gold_dir``.

    ``extract_fn(text)`` returns prediction dicts; the article text is read as UTF-8, and the
    same string is both extracted and scored, so offsets agree.
    """
    scored = []
    for path in map(Path, texts):
        gold = load_gold(gold_path(path, gold_dir))
        named = gold.get("article")
        if named and named != path.name:
            raise GoldError(f"{gold_path(path, gold_dir)}: annotates {named}, not {path.name}")
        text = path.read_text(encoding="utf-8")
        scored.append((path.name, text, list(extract_fn(text)), gold))
    return evaluate(scored)


def predictions_from_extraction(extraction: Any) -> list[dict]:
    """The engine's ``Extraction`` as prediction dicts, each quote with its speaker's name."""
    names = {speaker.id: speaker.name for speaker in extraction.speakers}
    return [
        {"start": q.start, "end": q.end, "speaker": names.get(q.speaker_id, ""), "kind": q.kind,
         "rule": q.rule}
        for q in extraction.quotes
    ]


def _ranked_candidates(
    pred: Prediction, required: list[Statement]
) -> list[tuple[tuple, Statement]]:
    """The required statements ``pred`` matches with their rank, best first: right speaker,
    then the closest span (overlap over union)."""
    ranked = []
    for s in required:
        if span_matches(pred.start, pred.end, s):
            inside = _overlap(pred.start, pred.end, s.start, s.end)
            union = max(pred.end, s.end) - min(pred.start, s.start)
            ranked.append(((not speaker_is_right(pred.speaker, s), -inside / union, s.index), s))
    return sorted(ranked, key=lambda pair: pair[0])


def _assign(candidates: dict[int, list[tuple[tuple, Statement]]]) -> dict[int, Statement]:
    """A maximum one-to-one matching of predictions to statements (Kuhn's augmenting paths).

    Predictions whose best candidate ranks higher are placed first, so among matchings of the
    same size the preferred pairs win.
    """
    owner: dict[int, int] = {}
    by_index = {s.index: s for options in candidates.values() for _, s in options}

    def place(pred: int, seen: set[int]) -> bool:
        for _, statement in candidates[pred]:
            if statement.index in seen:
                continue
            seen.add(statement.index)
            if statement.index not in owner or place(owner[statement.index], seen):
                owner[statement.index] = pred
                return True
        return False

    for pred in sorted(
        (p for p in candidates if candidates[p]), key=lambda p: (candidates[p][0][0], p)
    ):
        place(pred, set())
    return {pred: by_index[index] for index, pred in owner.items()}


def _find_occurrence(text: str, content: str, occurrence: int) -> int:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(content, start + 1)
        if start < 0:
            return -1
    return start


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _excerpt(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return f"«{flat}»" if len(flat) <= width else f"«{flat[: width - 1]}…»"


_HEADER = ("article", "req", "pred", "match", "span P", "R", "F1", "attr P", "R", "F1", "kind")


def _row(name: str, c: Counts) -> tuple[str, ...]:
    return (
        name,
        str(c.required),
        str(c.counted),
        str(c.matched),
        *(f"{x:.3f}" for x in (c.span_precision, c.span_recall, c.span_f1)),
        *(f"{x:.3f}" for x in (c.attribution_precision, c.attribution_recall, c.attribution_f1)),
        f"{c.kind_right}/{c.matched}",
    )


def _format_report(result: EvaluationResult, verbose: bool) -> str:
    rows = [
        _HEADER,
        *(_row(a.name, a.counts) for a in result.articles),
        _row("overall", result.overall),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEADER))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:])]
        return "  ".join(cells).rstrip()

    lines = [line(r) for r in rows[:-1]]
    lines.append("-" * len(line(rows[0])))
    lines.append(line(rows[-1]))
    neutral = result.overall.neutral
    lines.append(
        f"({neutral} prediction{'s' if neutral != 1 else ''} matching only optional statements left out)"
    )
    errors = result.error_counts()
    lines.append("errors: " + ", ".join(f"{cls} {n}" for cls, n in errors.items()))
    rules = result.by_rule()
    if rules:
        header = ("rule", *RULE_COLUMNS)
        table = [header] + [(rule, *(str(c[k]) for k in header[1:])) for rule, c in
                            sorted(rules.items(), key=lambda item: (-sum(item[1].values()), item[0]))]
        rule_widths = [max(len(r[i]) for r in table) for i in range(len(header))]
        lines.append("")
        lines.extend("  ".join([r[0].ljust(rule_widths[0])] + [c.rjust(w) for c, w in zip(r[1:], rule_widths[1:])])
                     for r in table)
    if verbose:
        for article in result.articles:
            lines.extend(_findings(article))
    return "\n".join(lines)


def _rule(pred: Prediction) -> str:
    return f" <{pred.rule}>" if pred.rule else ""


def _findings(article: ArticleScore) -> list[str]:
    text = article.text
    found = []
    flawed = {id(p) for p, _ in (*article.wrong_speakers, *article.kind_errors)}
    for p, s in article.matches:
        if id(p) not in flawed:
            found.append(
                f"  match      [{p.start}:{p.end}] {p.speaker} ({p.kind}): {_excerpt(text[p.start:p.end])}"
            )
    for s in article.misses:
        found.append(
            f"  missed     [{s.start}:{s.end}] {s.speaker} ({s.kind}): {_excerpt(s.content)}"
        )
    for p, s in article.wrong_speakers:
        found.append(
            f"  speaker    [{p.start}:{p.end}] got {p.speaker or '(none)'}, want {s.speaker}"
            f"{_rule(p)}: {_excerpt(text[p.start:p.end])}"
        )
    for p, s in article.false_positives:
        why = f" (again [{s.start}:{s.end}])" if s else ""
        found.append(
            f"  false pos. [{p.start}:{p.end}] {p.speaker} ({p.kind}){why}{_rule(p)}: {_excerpt(text[p.start:p.end])}"
        )
    for p, s in article.kind_errors:
        found.append(
            f"  kind       [{p.start}:{p.end}] got {p.kind}, want {s.kind}: {_excerpt(text[p.start:p.end])}"
        )
    return [f"\n{article.name}", *found] if found else []
