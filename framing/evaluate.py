"""Check Slant's scores against public human judgements, each next to a simple baseline.

``python -m framing evaluate DATA_DIR`` runs every data set found in DATA_DIR (see
docs/evaluation.md for what each number means and the current results):

- BABE: experts marked biased words in news sentences and labelled each sentence Biased
  or Non-biased. Slant's loaded-term hits are scored as a biased-word detector, and its
  loaded-term density as a Biased-sentence ranker. Baseline: VADER's own word list.
- PTC: propaganda spans marked in news articles; Loaded_Language and
  Name_Calling,Labeling are what Slant's generic lexicon looks for. Baseline: VADER words.
- NewsMTSC: the sentiment of a sentence toward a named person. Slant's target-aware
  score against VADER on the whole sentence.
- NewsWCL50: every descriptive mention of each actor, per outlet. Slant's label
  discovery against "the two words before each name".

The gold data never goes into the repository: it is read from the folder given.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from framing.io import (
    find_eval_datasets,
    load_babe,
    load_newsmtsc,
    load_ptc,
    write_table,
    write_text_atomic,
)
from framing.lexicon import load_lexicons
from framing.models import Lexicon
from framing.sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    score_sentences,
    score_target_sentiment,
)
from framing.terms import find_lexicon_matches
from framing.text import count_words, find_words, tokenize

GENERIC_LEXICON = "loaded_language"
RESULT_COLUMNS = ["dataset", "metric", "slant", "baseline", "better", "n"]
NUMERIC = frozenset({"slant", "baseline", "n"})
RESULT_SUFFIXES = (".csv", ".json", ".md")
# A VADER word counts as loaded when its valence (VADER rates words -4 .. +4) is at least
# this strong. Word-level F1 on BABE barely moves between 0.5 and 2 (0.150 .. 0.156).
VADER_LOADED_THRESHOLD = 1.5
# The PTC techniques the generic lexicon is meant to find.
PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
BIASED, NON_BIASED = "Biased", "Non-biased"
SENTIMENT_CLASSES = (-1, 0, 1)

Span = tuple[int, int]


@dataclass(frozen=True)
class Result:
    """One row of the evaluation table: a metric for Slant and for the baseline.

    ``n`` counts the gold units the metric is computed over (words, spans, sentences,
    targets, mentions). Most metrics run 0 .. 1 with higher better; for the others
    ``higher_is_better`` is False.
    """

    dataset: str
    metric: str
    slant: float
    baseline: float
    n: int
    higher_is_better: bool = True

    @property
    def better(self) -> str:
        """ "slant", "baseline" or "tie" (equal to 3 decimals, or a side is NaN)."""
        a, b = round(self.slant, 3), round(self.baseline, 3)
        if math.isnan(a) or math.isnan(b) or a == b:
            return "tie"
        return "slant" if (a > b) == self.higher_is_better else "baseline"


@dataclass(frozen=True)
class Evaluation:
    """The evaluation table, the data sets that were not found, and seconds per data set."""

    table: pd.DataFrame
    skipped: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)


# --- metrics ---------------------------------------------------------------------------


def score_precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision tp/(tp+fp), recall tp/(tp+fn) and their harmonic mean F1, each 0 .. 1,
    higher is better. Precision (recall) is NaN with nothing predicted (nothing to find);
    F1 is then 0 unless both are NaN."""
    precision = tp / (tp + fp) if tp + fp else math.nan
    recall = tp / (tp + fn) if tp + fn else math.nan
    if math.isnan(precision) and math.isnan(recall):
        return precision, recall, math.nan
    p, r = (0.0 if math.isnan(x) else x for x in (precision, recall))
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return precision, recall, f1


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


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_span_overlap(predicted: Sequence[Span], gold: Sequence[Span]) -> tuple[int, int]:
    """(predicted spans that overlap a gold span, gold spans overlapped by a prediction).

    Spans are end-exclusive (start, end) character offsets of one text. Divided by the
    number of predicted (gold) spans they give overlap precision (recall).
    """
    gold_sorted = sorted(gold)
    correct = sum(any(_overlaps(p, g) for g in gold_sorted) for p in predicted)
    recalled = sum(any(_overlaps(p, g) for p in predicted) for g in gold_sorted)
    return correct, recalled


def classify_compound(
    compound: float, negative: float = NEGATIVE_THRESHOLD, positive: float = POSITIVE_THRESHOLD
) -> int:
    """-1 (negative) when ``compound`` <= ``negative``, +1 when >= ``positive``, else 0."""
    if compound <= negative:
        return -1
    return 1 if compound >= positive else 0


# --- detectors -------------------------------------------------------------------------


def find_loaded_spans(text: str, lexicon: Lexicon) -> list[Span]:
    """Spans of the lexicon's term matches in ``text`` (Slant's loaded-term detector)."""
    return [(start, end) for start, end, _ in find_lexicon_matches(text, lexicon).terms]


@cache
def _vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def find_vader_spans(text: str, threshold: float = VADER_LOADED_THRESHOLD) -> list[Span]:
    """Spans of the words whose VADER valence is at least ``threshold`` in size (the
    baseline loaded-word detector)."""
    lexicon = _vader_lexicon()
    return [
        (start, end)
        for start, end in find_words(text)
        if abs(lexicon.get(text[start:end].lower(), 0.0)) >= threshold
    ]


def _span_words(text: str, spans: Iterable[Span]) -> set[str]:
    return {word for start, end in spans for word in tokenize(text[start:end])}


def _per_100_words(spans: Sequence[Span], text: str) -> float:
    words = count_words(text)
    return 100.0 * len(spans) / words if words else 0.0


# --- data sets -------------------------------------------------------------------------


def _prf_results(
    dataset: str, slant: tuple[int, int, int], baseline: tuple[int, int, int], n: int
) -> list[Result]:
    ours, theirs = score_precision_recall_f1(*slant), score_precision_recall_f1(*baseline)
    return [
        Result(dataset, metric, a, b, n)
        for metric, a, b in zip(("precision", "recall", "F1"), ours, theirs, strict=True)
    ]


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
    results = _prf_results(
        "BABE words",
        score_set_matches([_span_words(t, s) for t, s in zip(texts, ours, strict=True)], gold),
        score_set_matches([_span_words(t, s) for t, s in zip(texts, theirs, strict=True)], gold),
        n_gold,
    )
    density = [_per_100_words(s, t) for s, t in zip(ours, texts, strict=True)]
    strength = [abs(c) for c in score_sentences(texts)]

    def auc(scores: Sequence[float]) -> float:
        pos = [s for s, b in zip(scores, biased, strict=True) if b]
        neg = [s for s, b in zip(scores, biased, strict=True) if not b]
        return score_auc(pos, neg)

    results.append(Result("BABE sentences", "ROC AUC", auc(density), auc(strength), len(texts)))
    return results


def score_ptc(articles: dict[str, str], spans: pd.DataFrame, lexicon: Lexicon) -> list[Result]:
    """Span-overlap precision and recall on PTC against Loaded_Language and
    Name_Calling,Labeling spans, all together and per technique (recall only).

    A hit is correct when it overlaps a gold span of the techniques scored; a gold span
    is recalled when any hit overlaps it. ``articles`` maps article id to text and
    ``spans`` is load_ptc's span table.
    """
    wanted = spans[spans["technique"].isin(PTC_TECHNIQUES)]
    gold_of: dict[str, list[tuple[Span, str]]] = {article_id: [] for article_id in articles}
    for article_id, technique, start, end in wanted[
        ["article_id", "technique", "start", "end"]
    ].itertuples(index=False):
        if article_id in gold_of:
            gold_of[article_id].append(((int(start), int(end)), technique))

    def counts(detect: Callable[[str], list[Span]]) -> dict[str, int]:
        total = {"hits": 0, "correct": 0, **{t: 0 for t in PTC_TECHNIQUES}}
        for article_id, text in articles.items():
            found = detect(text)
            gold = gold_of[article_id]
            correct, _ = score_span_overlap(found, [g for g, _ in gold])
            total["hits"] += len(found)
            total["correct"] += correct
            for technique in PTC_TECHNIQUES:
                own = [g for g, t in gold if t == technique]
                total[technique] += score_span_overlap(found, own)[1]
        return total

    ours = counts(lambda text: find_loaded_spans(text, lexicon))
    theirs = counts(find_vader_spans)
    n_of = {t: sum(len([1 for _, g in gold if g == t]) for gold in gold_of.values())
            for t in PTC_TECHNIQUES}  # fmt: skip
    n_gold = sum(n_of.values())

    def precision(c: dict[str, int]) -> float:
        return c["correct"] / c["hits"] if c["hits"] else math.nan

    def recall(c: dict[str, int], techniques: Sequence[str]) -> float:
        n = sum(n_of[t] for t in techniques)
        return sum(c[t] for t in techniques) / n if n else math.nan

    results = [
        Result("PTC spans", "precision", precision(ours), precision(theirs), n_gold),
        Result(
            "PTC spans",
            "recall",
            recall(ours, PTC_TECHNIQUES),
            recall(theirs, PTC_TECHNIQUES),
            n_gold,
        ),
    ]
    results += [
        Result("PTC spans", f"recall {t}", recall(ours, [t]), recall(theirs, [t]), n_of[t])
        for t in PTC_TECHNIQUES
    ]
    return results


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


# --- the whole run ---------------------------------------------------------------------


def score_gold_data(data_dir: str | Path, lexicon: Lexicon | None = None) -> Evaluation:
    """Every metric for every data set found in ``data_dir`` (docs/evaluation.md).

    ``lexicon`` defaults to the shipped generic loaded-language lexicon. Raises
    io.LoadError when ``data_dir`` is not a folder or holds none of the data sets.
    """
    found = find_eval_datasets(data_dir)
    lexicon = lexicon or load_lexicons([GENERIC_LEXICON])
    runs: dict[str, Callable[[Path], list[Result]]] = {
        "babe": lambda path: score_babe(load_babe(path), lexicon),
        "ptc": lambda path: score_ptc(*load_ptc(path), lexicon),
        "newsmtsc_rw": lambda path: score_newsmtsc(load_newsmtsc(path), lexicon, "NewsMTSC rw"),
        "newsmtsc_mt": lambda path: score_newsmtsc(
            load_newsmtsc(path), lexicon, "NewsMTSC mt (tuning)"
        ),
    }
    results: list[Result] = []
    seconds: dict[str, float] = {}
    for name, run in runs.items():
        if name in found:
            began = time.perf_counter()
            results += run(found[name])
            seconds[name] = time.perf_counter() - began
    table = pd.DataFrame(
        [(r.dataset, r.metric, r.slant, r.baseline, r.better, r.n) for r in results],
        columns=RESULT_COLUMNS,
    )
    skipped = tuple(name for name in runs if name not in found)
    return Evaluation(table, skipped, seconds)


def format_results(table: pd.DataFrame, markdown: bool = False) -> str:
    """The evaluation table as aligned plain text, or as a Markdown table; scores are
    rounded to 3 decimals."""
    cells = [
        [str(v) if not isinstance(v, float) else f"{v:.3f}" for v in row]
        for row in table[RESULT_COLUMNS].itertuples(index=False)
    ]
    if markdown:
        lines = ["| " + " | ".join(RESULT_COLUMNS) + " |"]
        lines.append(
            "|" + "|".join("---:" if c in NUMERIC else "---" for c in RESULT_COLUMNS) + "|"
        )
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(RESULT_COLUMNS)]
    lines = []
    for row in [RESULT_COLUMNS, *cells]:
        padded = [
            v.rjust(w) if c in NUMERIC else v.ljust(w)
            for v, w, c in zip(row, widths, RESULT_COLUMNS, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def write_results(table: pd.DataFrame, path: str | Path) -> Path:
    """Write the evaluation table to ``path``: Markdown for .md, else io.write_table's
    formats (.csv, .json, .jsonl, .parquet; ValueError for others)."""
    if Path(path).suffix.lower() == ".md":
        write_text_atomic(path, format_results(table, markdown=True))
        return Path(path)
    return write_table(table, path)
