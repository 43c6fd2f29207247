"""How sure an outlet's loaded-language density is: a bootstrap interval, and whether two
outlets differ clearly.

An outlet with several articles is resampled by article (its density is the mean of its
articles' densities, as in the ``outlets`` table); an outlet with one article is
resampled by sentence within it (the article's hits per 100 words). Each resample draws
as many units as there are, with replacement; the interval is the middle INTERVAL_LEVEL
of BOOTSTRAP_SAMPLES resampled densities. A seed fixed per outlet makes it the same on
every run.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

BOOTSTRAP_SAMPLES = 1000
INTERVAL_LEVEL = 0.9
BY_ARTICLES, BY_SENTENCES = "articles", "sentences"


@dataclass(frozen=True)
class Units:
    """One outlet's counts: hits and words per article, and per sentence of each article."""

    article_hits: Sequence[int]
    article_words: Sequence[int]
    sentence_hits: Sequence[int]  # of the outlet's only article, when it has one
    sentence_words: Sequence[int]


def _seed(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "little")


def score_density_interval(units: Units, key: str) -> tuple[float, float, str]:
    """(low, high, resampled unit) of the bootstrap interval of loaded terms per 100 words
    (0 .. 100, higher = more loaded) for one outlet; ``key`` (the outlet and column)
    seeds the resampling. NaN bounds when there are no words to count."""
    rng = np.random.default_rng(_seed(key))
    hits = np.asarray(units.article_hits, dtype=float)
    words = np.asarray(units.article_words, dtype=float)
    if len(hits) > 1:
        density = np.divide(100 * hits, words, out=np.full_like(hits, np.nan), where=words > 0)
        density = density[~np.isnan(density)]
        if not len(density):
            return math.nan, math.nan, BY_ARTICLES
        draws = rng.integers(0, len(density), (BOOTSTRAP_SAMPLES, len(density)))
        samples = density[draws].mean(axis=1)
        by = BY_ARTICLES
    else:
        hits = np.asarray(units.sentence_hits, dtype=float)
        words = np.asarray(units.sentence_words, dtype=float)
        if not len(words) or words.sum() == 0:
            return math.nan, math.nan, BY_SENTENCES
        draws = rng.integers(0, len(words), (BOOTSTRAP_SAMPLES, len(words)))
        drawn_words = words[draws].sum(axis=1)
        samples = 100 * hits[draws].sum(axis=1) / np.where(drawn_words > 0, drawn_words, np.nan)
        samples = samples[~np.isnan(samples)]
        by = BY_SENTENCES
    tail = (1 - INTERVAL_LEVEL) / 2
    low, high = np.quantile(samples, [tail, 1 - tail])
    return float(low), float(high), by


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two intervals (low, high) share a point; NaN bounds count as overlapping
    (nothing shows a difference)."""
    if any(math.isnan(x) for x in (*a, *b)):
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def find_clear_extreme(
    scores: dict[str, tuple[float, float, float]], largest: bool = True
) -> str | None:
    """The outlet with the largest (smallest) score, ``scores`` mapping outlet -> (score,
    low, high), when its interval overlaps no other outlet's; None when intervals overlap
    (no clear difference) or fewer than two outlets have a score."""
    known = {o: s for o, s in scores.items() if not math.isnan(s[0])}
    if len(known) < 2:
        return None
    pick = max if largest else min
    top = pick(known, key=lambda o: known[o][0])
    bounds = known[top][1:]
    if any(overlap(bounds, s[1:]) for o, s in known.items() if o != top):
        return None
    return top


def all_overlap(intervals: Sequence[tuple[float, float]]) -> bool:
    """Whether every pair of intervals (low, high) overlaps: no outlet differs clearly
    from any other."""
    return all(overlap(a, b) for i, a in enumerate(intervals) for b in intervals[i + 1 :])
