"""NewsMTSC (Hamborg & Donnay 2021): the sentiment of a sentence toward a named person.
Slant's target-aware score against VADER on the whole sentence, as macro-F1. Two of its
sets: rw (real-world distribution) and mt (several targets a sentence; tuned on)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from framing.evaluate.metrics import Span, classify_compound, score_macro_f1
from framing.evaluate.results import Dataset, Result
from framing.io import LoadError
from framing.io.evaldata import read_text
from framing.models import Lexicon
from framing.sentiment import score_sentences, score_target_sentiment

NEWSMTSC_POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}  # negative, neutral, positive


def load_newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC targets, one row each: sentence_id (line number), sentence, start, end
    (end-exclusive offsets of the mention), mention, polarity (-1 negative, 0 neutral,
    +1 positive)."""
    path = Path(path)
    rows = []
    for line, text in enumerate(read_text(path).splitlines(), 1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            sentence = record["sentence_normalized"]
            rows += [
                (line, sentence, int(t["from"]), int(t["to"]), t["mention"],
                 NEWSMTSC_POLARITY[float(t["polarity"])])
                for t in record["targets"]
            ]  # fmt: skip
        except (ValueError, KeyError, TypeError) as error:
            raise LoadError(path, f"not a NewsMTSC record ({error})", line) from None
    return pd.DataFrame(
        rows, columns=["sentence_id", "sentence", "start", "end", "mention", "polarity"]
    )


def score_newsmtsc(targets: pd.DataFrame, lexicon: Lexicon, dataset: str) -> list[Result]:
    """Macro-F1 (negative / neutral / positive) of Slant's target-aware sentiment and of
    VADER on the whole sentence, both cut at VADER's +-0.05, against NewsMTSC's polarity.

    ``targets`` is load_newsmtsc's table; the other targets of a sentence are passed as
    other people named in it, who may draw its loaded terms.
    """
    spans_of: dict[int, list[Span]] = {}
    for sentence_id, start, end in targets[["sentence_id", "start", "end"]].itertuples(index=False):
        spans_of.setdefault(sentence_id, []).append((start, end))
    ours, theirs = [], []
    sentence_compound: dict[int, float] = {}
    for sentence_id, sentence, start, end in targets[
        ["sentence_id", "sentence", "start", "end"]
    ].itertuples(index=False):
        others = [span for span in spans_of[sentence_id] if span != (start, end)]
        ours.append(
            classify_compound(score_target_sentiment(sentence, (start, end), lexicon, others))
        )
        if sentence_id not in sentence_compound:
            sentence_compound[sentence_id] = score_sentences([sentence])[0]
        theirs.append(classify_compound(sentence_compound[sentence_id]))
    gold = targets["polarity"].tolist()
    return [
        Result(
            dataset, "macro-F1", score_macro_f1(gold, ours), score_macro_f1(gold, theirs), len(gold)
        )
    ]


# --- NewsWCL50 labels ------------------------------------------------------------------
# The gold side follows benchmarks/eval_labels_newswcl50.py (which calls these functions):
# the main actors of an event are its most-mentioned ACTOR concepts; an annotated mention
# is descriptive when it has words beyond the actor's own name, determiners and courtesy
# titles ("North Korean leader", not "Mr. Kim").


RW = Dataset(
    "newsmtsc_rw",
    "newsmtsc/devtest_rw.jsonl",
    lambda path, lexicon: score_newsmtsc(load_newsmtsc(path), lexicon, "NewsMTSC rw"),
)
MT = Dataset(
    "newsmtsc_mt",
    "newsmtsc/devtest_mt.jsonl",
    lambda path, lexicon: score_newsmtsc(load_newsmtsc(path), lexicon, "NewsMTSC mt (tuning)"),
)
