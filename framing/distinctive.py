"""Distinctive words: which words set one group (outlet) apart from all the others.

Method: log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn
(2008), "Fightin' Words", Political Analysis 16(4), section 3.5. Each group i is compared
with the rest pooled (j). For word w with count y in a group of n tokens:

    delta_w = log((y_i + a_w) / (n_i + a_0 - y_i - a_w))
            - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
    var_w  ~= 1 / (y_i + a_w) + 1 / (y_j + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior a_w is the word's count in the whole corpus (all groups together), so a_0 is the
corpus size. This is the empirical-Bayes prior of tidylo's ``bind_log_odds`` and of the
common Python implementations that use the pooled corpus as the background: it needs no
tuning constant, shrinks rare words hard (their few uses cannot produce a large z) and
leaves frequent words close to their plain log-odds. The paper's own analyses shrink toward
a background corpus the same way; with a handful of news articles the pooled story is the
only background at hand.

Limits: counts are tokens, not documents, so one article that repeats a word can carry its
outlet; z is a ranking aid (|z| > 1.96 is flagged), not a test corrected for the many words
compared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from framing.wordlists import STOPWORDS

SIGNIFICANCE_Z = 1.96

_DTYPES = {
    "group": "str",
    "word": "str",
    "count": "int64",
    "count_rest": "int64",
    "log_odds": "float64",
    "z": "float64",
    "significant": "bool",
}
COLUMNS: tuple[str, ...] = tuple(_DTYPES)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in _DTYPES.items()})


def score_distinctive_words(
    tokens_by_group: Mapping[str, Sequence[str]],
    min_count: int = 3,
    stopwords: frozenset[str] | None = STOPWORDS,
) -> pd.DataFrame:
    """Words each group uses more (z > 0) or less (z < 0) than all other groups pooled.

    ``tokens_by_group`` maps a group (outlet) to its lowercased word tokens. Words in
    ``stopwords`` are removed before counting (``None`` keeps every token); words used fewer
    than ``min_count`` times in the whole corpus get no row but still count toward group
    sizes. One row per group and word, including words a group never uses (count 0,
    negative z). Columns: group, word, count, count_rest, log_odds (delta, natural log),
    z, significant (|z| > 1.96). Sorted by group, then z descending. Fewer than two groups
    gives an empty frame with these columns.
    """
    if len(tokens_by_group) < 2:
        return _empty()
    drop = stopwords or frozenset()
    groups = sorted(tokens_by_group)
    counts = pd.DataFrame(
        [Counter(t for t in tokens_by_group[g] if t not in drop) for g in groups],
        index=groups,
    ).fillna(0)
    if counts.shape[1] < 2:  # a single word type has no odds against other words
        return _empty()
    y_i = counts.to_numpy(dtype=float)
    alpha = y_i.sum(axis=0)  # a_w: the word's count in the whole corpus
    alpha_0 = alpha.sum()
    n_i = y_i.sum(axis=1, keepdims=True)
    y_j = alpha - y_i
    n_j = alpha_0 - n_i
    delta = np.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha)) - np.log(
        (y_j + alpha) / (n_j + alpha_0 - y_j - alpha)
    )
    z = delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))

    keep = alpha >= min_count
    words = counts.columns[keep]
    frame = pd.DataFrame(
        {
            "group": np.repeat(groups, len(words)),
            "word": np.tile(words, len(groups)),
            "count": y_i[:, keep].ravel().astype("int64"),
            "count_rest": y_j[:, keep].ravel().astype("int64"),
            "log_odds": delta[:, keep].ravel(),
            "z": z[:, keep].ravel(),
        }
    )
    frame["significant"] = frame["z"].abs() > SIGNIFICANCE_Z
    frame = frame.astype(_DTYPES)
    return frame.sort_values(
        ["group", "z", "word"], ascending=[True, False, True], ignore_index=True
    )
