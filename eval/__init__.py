"""qawl.eval: score extracted statements against annotated articles (``seeds/gold/FORMAT.md``).

Pure Python with neither spaCy nor gRPC at import time, so the ``qawl eval`` command, the seed
regression test and anyone's script share one scorer whatever produced the predictions.
"""

from qawl.eval.scoring import (
    ArticleScore,
    Counts,
    EvaluationResult,
    GoldError,
    Statement,
    evaluate,
    evaluate_dir,
    gold_path,
    load_gold,
    predictions_from_extraction,
    score_article,
    speaker_is_right,
    span_matches,
)

__all__ = [
    "ArticleScore",
    "Counts",
    "EvaluationResult",
    "GoldError",
    "Statement",
    "evaluate",
    "evaluate_dir",
    "gold_path",
    "load_gold",
    "predictions_from_extraction",
    "score_article",
    "speaker_is_right",
    "span_matches",
]
