"""How alike two units are, and which pairs are worth scoring.

A unit is a vector of its distinct features (framing.coverage.units), each weighted by how
telling it is: ``ln((N + B) / (df + B * p + 1))``, with N the story's units, df the units
that have the feature, B = BACKGROUND_SENTENCES ordinary English sentences the story is
weighed among and p the share of them that use the word (wordfreq's English list, through
framing.english; names, numbers and actors are rare in English: p = 0). A word
every outlet and ordinary English use weighs about nothing; a number or a name only two
sentences share weighs the most. Two units are as alike as the cosine of their unit-length
vectors (0 .. 1).

Candidate pairs are blocked by their rare features: two units are compared when they
share a feature that at most MAX_POSTINGS units of the story use (a name, a number, an
uncommon word), and their similarity is then computed exactly, over every feature. A pair
whose shared features are all common is not compared; its similarity is at most the
product of the two units' weight in common features, which weigh little (common features
weigh the least). Each unit then has at most (its features x MAX_POSTINGS) candidates, so
the work grows with the number of units, not with its square; a story in which no feature
is used by more than MAX_POSTINGS units (five articles have some 150 sentences) is compared
exactly.
(A prefix filter that is exact for a threshold, Bayardo et al. 2007, was tried: at the
thresholds facts need it indexed 95% of the features, and pruned nothing.)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from framing.coverage.units import ACTOR_PREFIX, NAME_PREFIX, NUMBER_PREFIX, Unit
from framing.english import english_share

BACKGROUND_SENTENCES = 200
SENTENCE_WORDS = 25  # an ordinary sentence, for the share of English sentences using a word
ROWS_PER_BLOCK = 2_048  # units whose candidates are found at a time (bounds the memory)
# A feature more units use than this does not make two units candidates (it still counts
# in their similarity): the work then grows with the units, not with their square.
MAX_POSTINGS = 200


@dataclass(frozen=True)
class Pair:
    """Two units (indexes into the story's units, ``a < b``) and their similarity."""

    a: int
    b: int
    score: float


def _english_share(feature: str) -> float:
    """The share of ordinary English sentences that use ``feature`` (0 for names, numbers
    and actors)."""
    if feature[0] in (NAME_PREFIX, NUMBER_PREFIX, ACTOR_PREFIX):
        return 0.0
    return english_share(feature, SENTENCE_WORDS)


def score_feature_weights(units: Sequence[Unit]) -> dict[str, float]:
    """Each feature's weight (see the module docstring); never negative."""
    frequencies = Counter(f for unit in units for f in unit.features)
    total = len(units) + BACKGROUND_SENTENCES
    weights = {}
    for feature, df in frequencies.items():
        expected = df + BACKGROUND_SENTENCES * _english_share(feature) + 1
        weights[feature] = max(0.0, math.log(total / expected))
    return weights


@dataclass(frozen=True)
class Vectors:
    """The units as rows of a sparse matrix of unit length, and each unit's article."""

    matrix: sparse.csr_matrix
    articles: np.ndarray
    columns: dict[str, int]
    frequencies: np.ndarray  # units per column


def build_vectors(units: Sequence[Unit], weights: dict[str, float]) -> Vectors:
    """The units' weighted feature vectors, each of unit length (a unit whose features
    all weigh 0 is a row of zeros: it is like nothing)."""
    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, unit in enumerate(units):
        for feature in unit.features:
            weight = weights.get(feature, 0.0)
            if weight > 0:
                rows.append(i)
                cols.append(columns.setdefault(feature, len(columns)))
                values.append(weight)
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), (rows, cols)), shape=(len(units), len(columns))
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    frequencies = np.bincount(matrix.indices, minlength=len(columns))
    articles = np.asarray([u.article for u in units], dtype=np.int64)
    return Vectors(matrix, articles, columns, frequencies)


def _strongest_per_unit(a: np.ndarray, b: np.ndarray, scores: np.ndarray, keep: int) -> np.ndarray:
    """The pairs (a[i], b[i], scores[i]) that are among the ``keep`` most similar of
    either of their units, as a boolean mask."""
    units = np.concatenate([a, b])
    order = np.lexsort((-np.concatenate([scores, scores]), units))
    ranked = units[order]
    starts = np.r_[0, np.flatnonzero(ranked[1:] != ranked[:-1]) + 1]
    rank = np.arange(len(ranked)) - np.repeat(starts, np.diff(np.r_[starts, len(ranked)]))
    mask = np.zeros(len(a), dtype=bool)
    chosen = order[rank < keep]
    mask[chosen % len(a)] = True
    return mask


def find_similar_pairs(
    vectors: Vectors,
    least: float,
    strong: float | None = None,
    keep_weak: int = 0,
    max_postings: int = MAX_POSTINGS,
) -> list[Pair]:
    """Pairs of units of different articles that share a feature at most ``max_postings``
    units use and whose similarity (exact) is at least ``least`` (> 0), sorted by (a, b).
    With ``strong``, a pair below it is kept only when it is among the ``keep_weak`` most
    similar weak pairs of one of its units: in a story of thousands of articles on one
    subject nearly every sentence is faintly like thousands of others, and those faint
    pairs only dilute a fact's mean."""
    matrix = vectors.matrix
    n = matrix.shape[0]
    if n < 2 or least <= 0:
        return []
    rare = vectors.frequencies <= max_postings
    columns = sparse.diags(rare.astype(np.float64))
    rare_part = sparse.csr_matrix(matrix @ columns)
    rare_part.eliminate_zeros()
    common_part = sparse.csr_matrix(matrix @ sparse.diags((~rare).astype(np.float64)))
    common_part.eliminate_zeros()
    rare_t = sparse.csr_matrix(rare_part.T)
    keys, values = [], []
    for lo in range(0, n, ROWS_PER_BLOCK):
        hits = sparse.triu(rare_part[lo : lo + ROWS_PER_BLOCK] @ rare_t, k=1 + lo).tocoo()
        a = hits.row.astype(np.int64) + lo
        b = hits.col.astype(np.int64)
        keep = vectors.articles[a] != vectors.articles[b]
        a, b, scores = a[keep], b[keep], hits.data[keep]
        if common_part.nnz and len(a):
            scores = (
                scores + np.asarray(common_part[a].multiply(common_part[b]).sum(axis=1)).ravel()
            )
        kept = scores >= least
        keys.append(a[kept] * n + b[kept])
        values.append(scores[kept])
    key = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    scores = np.concatenate(values) if values else np.zeros(0)
    order = np.argsort(key, kind="stable")
    key, scores = key[order], scores[order]
    if strong is not None:
        weak = scores < strong
        kept = ~weak
        kept[np.flatnonzero(weak)] = _strongest_per_unit(
            key[weak] // n, key[weak] % n, scores[weak], keep_weak
        )
        key, scores = key[kept], scores[kept]
    return [
        Pair(int(k // n), int(k % n), float(s))
        for k, s in zip(key.tolist(), scores.tolist(), strict=True)
    ]
