"""BABE (Spinde et al. 2021): news sentences that experts labelled Biased or Non-biased,
with the words they marked as biased. Slant's loaded-term hits are scored as a biased-word
detector, and its loaded-term density as a Biased-sentence ranker. Baseline: VADER's own
word list."""

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
from framing.evaluate.metrics import score_auc, score_set_matches
from framing.evaluate.results import Dataset, Result, prf_results
from framing.io import LoadError
from framing.io.evaldata import read_table
from framing.models import Lexicon
from framing.sentiment import score_sentences
from framing.text import tokenize

BIASED, NON_BIASED = "Biased", "Non-biased"


def load_babe(path: str | Path) -> pd.DataFrame:
    """BABE's sentences (``final_labels_SG2.csv``): columns text, outlet, label
    ("Biased", "Non-biased", "No agreement") and biased_words (a tuple of the words
    experts marked)."""
    path = Path(path)
    frame = read_table(path, sep=";", encoding="utf-8-sig")
    missing = {"text", "outlet", "label_bias", "biased_words"} - set(frame.columns)
    if missing:
        raise LoadError(path, f"missing column(s) {', '.join(sorted(missing))}")
    words = [_word_list(path, cell, line) for line, cell in enumerate(frame["biased_words"], 2)]
    return pd.DataFrame(
        {"text": frame["text"], "outlet": frame["outlet"], "label": frame["label_bias"],
         "biased_words": words}
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
    """Biased-word precision/recall/F1 and Biased-sentence ROC AUC on BABE.

    ``sentences`` is load_babe's table. Words are lower-cased word tokens; a sentence's
    gold words are the experts' biased words when it is labelled Biased, none when it is
    Non-biased (so every hit there is a false positive); other labels are left out.
    The AUC ranks sentences by loaded-term hits per 100 words (baseline: |VADER compound|).
    """
    rows = sentences[sentences["label"].isin([BIASED, NON_BIASED])]
    texts = rows["text"].tolist()
    biased = [label == BIASED for label in rows["label"]]
    gold = [
        {w for word in words for w in tokenize(word)} if is_biased else set()
        for words, is_biased in zip(rows["biased_words"], biased, strict=True)
    ]
    ours = [find_loaded_spans(t, lexicon) for t in texts]
    theirs = [find_vader_spans(t) for t in texts]
    n_gold = sum(map(len, gold))
    results = prf_results(
        "BABE words",
        score_set_matches([span_words(t, s) for t, s in zip(texts, ours, strict=True)], gold),
        score_set_matches([span_words(t, s) for t, s in zip(texts, theirs, strict=True)], gold),
        n_gold,
    )
    density = [per_100_words(s, t) for s, t in zip(ours, texts, strict=True)]
    strength = [abs(c) for c in score_sentences(texts)]

    def auc(scores: Sequence[float]) -> float:
        pos = [s for s, b in zip(scores, biased, strict=True) if b]
        neg = [s for s, b in zip(scores, biased, strict=True) if not b]
        return score_auc(pos, neg)

    results.append(Result("BABE sentences", "ROC AUC", auc(density), auc(strength), len(texts)))
    return results


DATASET = Dataset(
    "babe",
    "babe/final_labels_SG2.csv",
    lambda path, lexicon: score_babe(load_babe(path), lexicon),
)
