"""The Propaganda Techniques Corpus (SemEval-2020 Task 11): propaganda spans marked in news
articles; Loaded_Language and Name_Calling,Labeling are what Slant's generic lexicon looks
for. Scored by span overlap; baseline: VADER's strongly valenced words. The articles are
split in two halves by a hash of their id (metrics.in_tuning_half): rules and thresholds
were chosen on the tuning half, and the held-out half is the one reported."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from framing.evaluate.detectors import find_loaded_spans, find_vader_spans
from framing.evaluate.metrics import Span, f1, in_tuning_half, score_span_overlap
from framing.evaluate.results import Dataset, Result
from framing.io import LoadError
from framing.io.evaldata import list_files, read_text
from framing.models import Lexicon
from framing.reading import Reading, read_texts

PTC_LABELS = "train-task2-TC.labels"
# The PTC techniques the generic lexicon is meant to find.
PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")


def load_ptc(folder: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """The Propaganda Techniques Corpus: article id -> text for every
    ``train-articles/article<ID>.txt``, and the technique spans of ``train-task2-TC.labels``
    (columns article_id, technique, start, end; end-exclusive character offsets)."""
    folder = Path(folder)
    articles = {}
    for file in list_files(folder / "train-articles", "article*.txt"):
        # Line ends kept: "\r\n" is two characters, and the offsets count them.
        articles[file.stem.removeprefix("article")] = read_text(file, keep_line_ends=True)
    labels = folder / PTC_LABELS
    rows = []
    for line, text in enumerate(read_text(labels).splitlines(), 1):
        if not text.strip():
            continue
        parts = text.split("\t")
        if len(parts) != 4 or not (parts[2].isdigit() and parts[3].isdigit()):
            raise LoadError(labels, "expected: id <tab> technique <tab> start <tab> end", line)
        rows.append((parts[0], parts[1], int(parts[2]), int(parts[3])))
    if not articles:
        raise LoadError(folder / "train-articles", "no article<ID>.txt files")
    return articles, pd.DataFrame(rows, columns=["article_id", "technique", "start", "end"])


def score_ptc(articles: dict[str, str], spans: pd.DataFrame, lexicon: Lexicon) -> list[Result]:
    """Span-overlap precision, recall and F1 on PTC against the Loaded_Language and
    Name_Calling,Labeling spans together, and recall per technique, for the tuning half
    and the held-out half of the articles apart.

    A hit is correct when it overlaps a gold span of those techniques; a gold span is
    recalled when any hit overlaps it. ``articles`` maps article id to text and
    ``spans`` is load_ptc's span table.
    """
    ids = list(articles)
    readings = dict(zip(ids, read_texts([articles[i] for i in ids]), strict=True))
    results = []
    for half, name in ((True, "tuning"), (False, "held out")):
        chosen = {i: readings[i] for i in ids if in_tuning_half(f"ptc{i}") == half}
        results += _score_half(chosen, spans, lexicon, f"PTC spans ({name})")
    return results


def _score_half(
    readings: dict[str, Reading], spans: pd.DataFrame, lexicon: Lexicon, dataset: str
) -> list[Result]:
    gold: dict[str, dict[str, list[Span]]] = {a: {t: [] for t in PTC_TECHNIQUES} for a in readings}
    wanted = spans[spans["technique"].isin(PTC_TECHNIQUES) & spans["article_id"].isin(gold)]
    for article_id, technique, start, end in wanted[
        ["article_id", "technique", "start", "end"]
    ].itertuples(index=False):
        gold[article_id][technique].append((int(start), int(end)))
    n_of = {t: sum(len(g[t]) for g in gold.values()) for t in PTC_TECHNIQUES}
    n_all = sum(n_of.values())

    def scores(detect: Callable[[Reading], list[Span]]) -> dict[str, float]:
        counts: Counter = Counter()
        for article_id, reading in readings.items():
            found = detect(reading)
            own = gold[article_id]
            counts["hits"] += len(found)
            counts["correct"] += score_span_overlap(found, [g for t in own for g in own[t]])[0]
            for technique in PTC_TECHNIQUES:
                counts[technique] += score_span_overlap(found, own[technique])[1]
        precision = counts["correct"] / counts["hits"] if counts["hits"] else math.nan
        recalled = sum(counts[t] for t in PTC_TECHNIQUES)
        recall = recalled / n_all if n_all else math.nan
        return {
            "precision": precision,
            "recall": recall,
            "F1": f1(precision, recall),
            **{f"recall {t}": counts[t] / n_of[t] if n_of[t] else math.nan for t in n_of},
        }

    ours = scores(lambda reading: find_loaded_spans(reading, lexicon))
    theirs = scores(lambda reading: find_vader_spans(reading.text))
    n = {**{m: n_all for m in ("precision", "recall", "F1")},
         **{f"recall {t}": n_of[t] for t in n_of}}  # fmt: skip
    return [Result(dataset, m, ours[m], theirs[m], n[m]) for m in ours]


DATASET = Dataset("ptc", "ptc", lambda path, lexicon: score_ptc(*load_ptc(path), lexicon))
