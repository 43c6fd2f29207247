"""Agreement measures between Slant's output and human judgements, each 0 .. 1."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence

from framing.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

SENTIMENT_CLASSES = (-1, 0, 1)

Span = tuple[int, int]


def in_tuning_half(key: str) -> bool:
    """Whether the unit named ``key`` (an article's address or id) is in the tuning half
    of a data set: a fixed split by a hash of the key, the same on every machine, so that
    rules and thresholds are chosen on one half and reported on the other."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0


def score_precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision tp/(tp+fp), recall tp/(tp+fn) and their harmonic mean F1, each 0 .. 1,
    higher is better. Precision (recall) is NaN with nothing predicted (nothing to find);
    F1 is then 0 unless both are NaN."""
    precision = tp / (tp + fp) if tp + fp else math.nan
    recall = tp / (tp + fn) if tp + fn else math.nan
    if math.isnan(precision) and math.isnan(recall):
        return precision, recall, math.nan
    p, r = (0.0 if math.isnan(x) else x for x in (precision, recall))
    return precision, recall, f1(p, r)


def score_set_matches(
    predicted: Sequence[set[str]], gold: Sequence[set[str]]
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over paired item sets, e.g. the
    words predicted and the words marked in each sentence."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must have one set per item")
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    fp = sum(len(p - g) for p, g in zip(predicted, gold, strict=True))
    fn = sum(len(g - p) for p, g in zip(predicted, gold, strict=True))
    return tp, fp, fn


def score_auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """ROC AUC: the chance that a random positive item scores above a random negative one
    (ties count half), from the Mann-Whitney U statistic. 0.5 = no better than chance,
    1 = perfect ranking; NaN when either group is empty."""
    if not positive or not negative:
        return math.nan
    values = sorted([(v, 1) for v in positive] + [(v, 0) for v in negative])
    rank_sum = 0.0
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j][0] == values[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2  # ranks i+1 .. j share their average
        rank_sum += mean_rank * sum(label for _, label in values[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    u = rank_sum - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)


def score_macro_f1(
    gold: Sequence[int], predicted: Sequence[int], classes: Sequence[int] = SENTIMENT_CLASSES
) -> float:
    """Mean over ``classes`` of each class's F1 (a class never predicted nor present
    scores 0), 0 .. 1, higher is better; rare classes weigh as much as common ones."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    scores = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        f1 = score_precision_recall_f1(tp, fp, fn)[2]
        scores.append(0.0 if math.isnan(f1) else f1)
    return sum(scores) / len(scores)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_span_overlap(predicted: Sequence[Span], gold: Sequence[Span]) -> tuple[int, int]:
    """(predicted spans that overlap a gold span, gold spans overlapped by a prediction).

    Spans are end-exclusive (start, end) character offsets of one text. Divided by the
    number of predicted (gold) spans they give overlap precision (recall).
    """
    gold_sorted = sorted(gold)
    correct = sum(any(overlaps(p, g) for g in gold_sorted) for p in predicted)
    recalled = sum(any(overlaps(p, g) for p in predicted) for g in gold_sorted)
    return correct, recalled


def classify_compound(
    compound: float, negative: float = NEGATIVE_THRESHOLD, positive: float = POSITIVE_THRESHOLD
) -> int:
    """-1 (negative) when ``compound`` <= ``negative``, +1 when >= ``positive``, else 0."""
    if compound <= negative:
        return -1
    return 1 if compound >= positive else 0


# --- detectors -------------------------------------------------------------------------


def score_bcubed(gold: Sequence[object], predicted: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (``predicted``, one label per item)
    against ``gold``: the mean over items of the share of the item's predicted cluster in
    its gold cluster (precision), and of its gold cluster in its predicted one (recall)."""
    if len(gold) != len(predicted) or not gold:
        raise ValueError("gold and predicted need the same, non-zero length")
    both = Counter(zip(gold, predicted, strict=True))
    sizes_gold, sizes_predicted = Counter(gold), Counter(predicted)
    precision = sum(n * n / sizes_predicted[p] for (_, p), n in both.items()) / len(gold)
    recall = sum(n * n / sizes_gold[g] for (g, _), n in both.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)
