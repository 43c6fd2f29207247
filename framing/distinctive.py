"""Distinctive words: which words set one group (outlet) apart from all the others.

Method: log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn
(2008), "Fightin' Words", Political Analysis 16(4), section 3.5. Each group i is compared
with the rest pooled (j). For word w with count y in a group of n tokens and a prior a_w
(its total a_0) for that group:

    delta_w = log((y_i + a_w) / (n_i + a_0 - y_i - a_w))
            - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
    var_w  ~= 1 / (y_i + a_w) + 1 / (y_j + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior of a group of n tokens is a_w = n * (p_w + c * b_w): p_w is the word's share of
the whole story (all groups together), b_w its frequency in general English (wordfreq's
English word list, when a ``background`` is given) and c the weight of that background.
A prior proportional to each side's size shrinks both sides alike, so a word used at the
same rate everywhere scores 0 however unequal the groups; the story part alone is the
empirical-Bayes prior of tidylo's ``bind_log_odds`` at the scale of each group. The
background shrinks words that are common in any English text ("would", "said", "out"):
their differences between outlets must be large to stand out, while words that are rare in
general English but frequent in the story (names, the story's own vocabulary) keep their
plain log-odds. Background frequencies: wordfreq 3.1 (code Apache-2.0, data CC BY-SA 4.0),
a pinned dependency, read from its package; nothing is downloaded.

Limits: counts are tokens, not documents, so one article that repeats a word can carry its
outlet; z is a ranking aid (|z| > 1.96 is flagged), not a test corrected for the many words
compared.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from framing.wordlists import STOPWORDS

SIGNIFICANCE_Z = 1.96
# How much the general-English background weighs against an outlet's own words: tried at
# 0, 1, 3, 10, 30 and 100 on the sample and on a NewsWCL50 event; from 10 up the common
# words ("would", "some", "also", "according") leave the top of the lists, and at 100
# topical words that are also common in English ("army", "committee") start to.
BACKGROUND_WEIGHT = 30.0

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


@functools.cache
def load_english_frequencies() -> Mapping[str, float]:
    """Word -> its frequency in general English (share of all tokens), from wordfreq's
    English list (about 320,000 lower-cased words; absent words are rarer than 1e-8)."""
    import wordfreq  # imported here: loading the list takes ~0.1 s

    return wordfreq.get_frequency_dict("en")


def _empty() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in _DTYPES.items()})


def score_distinctive_words(
    tokens_by_group: Mapping[str, Sequence[str]],
    min_count: int = 3,
    stopwords: frozenset[str] | None = STOPWORDS,
    background: Mapping[str, float] | None = None,
    background_weight: float = BACKGROUND_WEIGHT,
) -> pd.DataFrame:
    """Words each group uses more (z > 0) or less (z < 0) than all other groups pooled.

    ``tokens_by_group`` maps a group (outlet) to its lowercased word tokens. ``background``
    maps a word to its frequency in general language (e.g. load_english_frequencies());
    with it, words common in any text are shrunk toward no difference (weight
    ``background_weight``, see the module's notes). Words in
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
    totals = y_i.sum(axis=0)  # the word's count in the whole corpus
    n = totals.sum()
    share = totals / n
    if background is not None:
        general = np.array([background.get(str(word), 0.0) for word in counts.columns])
        share = share + background_weight * general
    n_i = y_i.sum(axis=1, keepdims=True)
    y_j = totals - y_i
    n_j = n - n_i
    alpha_i, alpha_j = n_i * share, n_j * share  # each side's prior, in proportion to it
    alpha_0i, alpha_0j = alpha_i.sum(axis=1, keepdims=True), alpha_j.sum(axis=1, keepdims=True)
    delta = np.log((y_i + alpha_i) / (n_i + alpha_0i - y_i - alpha_i)) - np.log(
        (y_j + alpha_j) / (n_j + alpha_0j - y_j - alpha_j)
    )
    z = delta / np.sqrt(1 / (y_i + alpha_i) + 1 / (y_j + alpha_j))

    keep = totals >= min_count
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
