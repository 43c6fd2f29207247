"""BABE (Spinde et al. 2021): news sentences that experts labelled Biased or Non-biased,
with the words they marked as biased. Slant's loaded-term hits are scored as a biased-word
detector, and its loaded-term density as a Biased-sentence ranker. Baseline: VADER's own
word list.

The sentences are split in two halves by their article (the news link), fixed by a hash
(metrics.in_tuning_half): rules and thresholds were chosen on the tuning half, and the
held-out half is the one reported."""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from framing.evaluate.detectors import (
    find_loaded_spans,
    find_vader_spans,
    per_100_words,
    span_words,
)
from framing.evaluate.metrics import (
    in_tuning_half,
    score_auc,
    score_macro_f1,
    score_set_matches,
)
from framing.evaluate.results import Dataset, Result, prf_results
from framing.io import LoadError
from framing.io.evaldata import read_table
from framing.models import Lexicon
from framing.reading import read_texts
from framing.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, score_sentences
from framing.text import tokenize

BIASED, NON_BIASED = "Biased", "Non-biased"


def load_babe(path: str | Path) -> pd.DataFrame:
    """BABE's sentences (``final_labels_SG2.csv``): columns text, outlet, article (its
    news link), label ("Biased", "Non-biased", "No agreement") and biased_words (a tuple
    of the words experts marked)."""
    path = Path(path)
    frame = read_table(path, sep=";", encoding="utf-8-sig")
    missing = {"text", "news_link", "outlet", "label_bias", "biased_words"} - set(frame.columns)
    if missing:
        raise LoadError(path, f"missing column(s) {', '.join(sorted(missing))}")
    words = [_word_list(path, cell, line) for line, cell in enumerate(frame["biased_words"], 2)]
    return pd.DataFrame(
        {"text": frame["text"], "outlet": frame["outlet"], "article": frame["news_link"],
         "label": frame["label_bias"], "biased_words": words}
    )  # fmt: skip


def _word_list(path: Path, cell: str, line: int) -> tuple[str, ...]:
    """Parse a Python-list string such as "['bizarre', 'radical']" without evaluating code."""
    try:
        value = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        value = None
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise LoadError(path, "biased_words is not a list of quoted words", line)
    return tuple(value)


def score_babe(sentences: pd.DataFrame, lexicon: Lexicon) -> list[Result]:
    """Biased-word precision/recall/F1, Biased-sentence ROC AUC and macro-F1 on BABE, for
    the tuning half and the held-out half (by article) apart.

    ``sentences`` is load_babe's table. Words are lower-cased word tokens; a sentence's
    gold words are the experts' biased words when it is labelled Biased, none when it is
    Non-biased (so every hit there is a false positive); other labels are left out.
    The AUC ranks sentences by loaded-term hits per 100 words (baseline: |VADER compound|);
    macro-F1 calls a sentence Biased when it has a loaded term (baseline: when VADER's
    compound is outside its own neutral band, -0.05 .. +0.05).
    """
    rows = sentences[sentences["label"].isin([BIASED, NON_BIASED])]
    readings = read_texts(rows["text"].tolist())
    tuning = [in_tuning_half(str(a)) for a in rows["article"]]
    results = []
    for half, name in ((True, "tuning"), (False, "held out")):
        chosen = [i for i, t in enumerate(tuning) if t == half]
        results += _score_half(rows.iloc[chosen], [readings[i] for i in chosen], lexicon, name)
    return results


def _score_half(rows: pd.DataFrame, readings: list, lexicon: Lexicon, half: str) -> list[Result]:
    texts = rows["text"].tolist()
    biased = [label == BIASED for label in rows["label"]]
    gold = [
        {w for word in words for w in tokenize(word)} if is_biased else set()
        for words, is_biased in zip(rows["biased_words"], biased, strict=True)
    ]
    ours = [find_loaded_spans(r, lexicon) for r in readings]
    theirs = [find_vader_spans(t) for t in texts]
    n_gold = sum(map(len, gold))
    results = prf_results(
        f"BABE words ({half})",
        score_set_matches([span_words(t, s) for t, s in zip(texts, ours, strict=True)], gold),
        score_set_matches([span_words(t, s) for t, s in zip(texts, theirs, strict=True)], gold),
        n_gold,
    )
    density = [per_100_words(s, t) for s, t in zip(ours, texts, strict=True)]
    compounds = score_sentences(texts)
    strength = [abs(c) for c in compounds]

    def auc(scores: Sequence[float]) -> float:
        pos = [s for s, b in zip(scores, biased, strict=True) if b]
        neg = [s for s, b in zip(scores, biased, strict=True) if not b]
        return score_auc(pos, neg)

    def macro_f1(predicted: Sequence[bool]) -> float:
        return score_macro_f1([int(b) for b in biased], [int(p) for p in predicted], (0, 1))

    sentiment = [not NEGATIVE_THRESHOLD < c < POSITIVE_THRESHOLD for c in compounds]
    dataset = f"BABE sentences ({half})"
    return [
        *results,
        Result(dataset, "ROC AUC", auc(density), auc(strength), len(texts)),
        Result(dataset, "macro-F1", macro_f1([bool(s) for s in ours]), macro_f1(sentiment),
               len(texts)),
    ]  # fmt: skip


DATASET = Dataset(
    "babe",
    "babe/final_labels_SG2.csv",
    lambda path, lexicon: score_babe(load_babe(path), lexicon),
)
