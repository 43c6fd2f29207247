"""How alike two units are, and which pairs are worth scoring.

A unit is a vector of its distinct features (framing.coverage.units), each weighted by how
telling it is: ``ln((N + B) / (df + B * p + 1))``, with N the story's units, df the units
that have the feature, B = BACKGROUND_SENTENCES ordinary English sentences the story is
weighed among and p the share of them that use the word (wordfreq's English list, through
framing.stories.features; names, numbers and actors are rare in English: p = 0). A word
every outlet and ordinary English use weighs about nothing; a number or a name only two
sentences share weighs the most. Two units are as alike as the cosine of their unit-length
vectors (0 .. 1).

Candidate pairs come from a prefix filter (Bayardo, Ma & Srikant 2007, "Scaling up all
pairs similarity search"): each unit is indexed under its rarest features only, as many as
it takes for the weight left outside them to fall below the least similarity that counts.
Two units whose shared features all lie outside that prefix cannot reach it, so every pair
at or above it is found, and the work grows with the pairs that share a rare feature, not
with the square of the units.
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


def _prefix_matrix(vectors: Vectors, least: float) -> sparse.csr_matrix:
    """For each row, its rarest features until the weight left outside them is below
    ``least`` (as a 0/1 matrix of the same shape)."""
    matrix = vectors.matrix
    rows, cols = [], []
    for i in range(matrix.shape[0]):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        features, weights = matrix.indices[lo:hi], matrix.data[lo:hi]
        order = np.lexsort((features, vectors.frequencies[features]))
        left = 1.0
        for k in order:
            rows.append(i)
            cols.append(features[k])
            left -= weights[k] ** 2
            if left < least * least:
                break
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=matrix.shape)


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
    vectors: Vectors, least: float, strong: float | None = None, keep_weak: int = 0
) -> list[Pair]:
    """Every pair of units of different articles whose similarity is at least ``least``
    (> 0), sorted by (a, b). With ``strong``, every pair at or above it is found, and a
    pair below it is kept only when it shares a feature of the prefix for ``strong`` and is
    among the ``keep_weak`` most similar weak pairs of one of its units: in a story of
    thousands of articles on one subject nearly every sentence is faintly like
    thousands of others, and those faint pairs only dilute a fact's mean."""
    matrix = vectors.matrix
    n = matrix.shape[0]
    if n < 2 or least <= 0:
        return []
    # Every strong pair shares a feature of a prefix for ``strong``; the weak pairs kept are
    # those among its candidates (the prefix for ``least`` would index nearly every feature).
    prefix = _prefix_matrix(vectors, least if strong is None else max(least, strong))
    present = matrix.copy()
    present.data[:] = 1.0
    present_t = sparse.csr_matrix(present.T)
    keys, values = [], []
    for lo in range(0, n, ROWS_PER_BLOCK):
        hits = (prefix[lo : lo + ROWS_PER_BLOCK] @ present_t).tocoo()
        a = hits.row.astype(np.int64) + lo
        b = hits.col.astype(np.int64)
        keep = vectors.articles[a] != vectors.articles[b]
        a, b = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
        # a pair is found from either side's prefix: score it once
        key = np.unique(a * n + b)
        a, b = key // n, key % n
        if not len(key):
            continue
        scores = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
        kept = scores >= least
        keys.append(key[kept])
        values.append(scores[kept])
    if not keys:
        return []
    key, first = np.unique(np.concatenate(keys), return_index=True)
    scores = np.concatenate(values)[first]
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
