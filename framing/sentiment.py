"""Sentence-level sentiment with VADER (vaderSentiment 3.3.2).

VADER is a rule-based scorer built and validated for sentences and short social-media
texts. Its compound score of a whole news article saturates toward -1 or +1 as the text
grows (every extra loaded word pushes the sum further before the squashing), and scoring
the whole document costs several times the sentence pass, so Slant scores sentences and
summarises them; a document-level compound is not computed by default.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# VADER's own cut-offs (Hutto & Gilbert 2014, and the vaderSentiment README).
NEGATIVE_THRESHOLD = -0.05
POSITIVE_THRESHOLD = 0.05


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    # The constructor reads VADER's lexicon files from the package: do it once per process.
    return SentimentIntensityAnalyzer()


def score_sentences(sentences: Sequence[str]) -> list[float]:
    """VADER compound score of each sentence, in order.

    -1 is most negative, +1 most positive, 0 neutral (also for an empty sentence).
    """
    analyzer = _analyzer()
    return [float(analyzer.polarity_scores(s)["compound"]) for s in sentences]


def score_sentiment_summary(compounds: Sequence[float]) -> dict[str, float]:
    """Summarise sentence compounds: mean, share_negative, share_positive, sentences.

    ``mean`` runs -1 (negative) .. +1 (positive). A sentence counts as negative when its
    compound is <= NEGATIVE_THRESHOLD and positive when >= POSITIVE_THRESHOLD (VADER's
    thresholds); the shares are fractions 0..1 of all sentences, the rest are neutral.
    With no sentences the mean and shares are NaN and ``sentences`` is 0.
    """
    n = len(compounds)
    if n == 0:
        return {
            "mean": math.nan,
            "share_negative": math.nan,
            "share_positive": math.nan,
            "sentences": 0,
        }
    return {
        "mean": math.fsum(compounds) / n,
        "share_negative": sum(c <= NEGATIVE_THRESHOLD for c in compounds) / n,
        "share_positive": sum(c >= POSITIVE_THRESHOLD for c in compounds) / n,
        "sentences": n,
    }
