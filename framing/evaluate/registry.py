"""The data sets ``python -m framing evaluate`` scores Slant against: one line each."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from framing.evaluate import allsides, babe, coverage, newsmtsc, newswcl50, polnear, ptc
from framing.evaluate.results import RESULT_COLUMNS, Dataset, Evaluation, Result
from framing.io.evaldata import find_data_sets
from framing.lexicon import load_lexicons
from framing.models import Lexicon
from framing.provenance import describe_provenance

GENERIC_LEXICON = "loaded_language"
DATASETS: tuple[Dataset, ...] = (
    babe.DATASET,
    ptc.DATASET,
    newsmtsc.RW,
    newsmtsc.MT,
    newswcl50.DATASET,
    allsides.DATASET,
    polnear.DATASET,
    coverage.DATASET,
)
# Data set name -> where it sits in the evaluation folder.
EVAL_DATASETS = {d.name: d.path for d in DATASETS}


def find_datasets(data_dir: str | Path) -> dict[str, Path]:
    """The data sets of DATASETS present in ``data_dir`` (name -> file or folder); LoadError
    when it is not a folder or holds none of them."""
    return find_data_sets(data_dir, {d.name: d.path for d in DATASETS})


def score_gold_data(data_dir: str | Path, lexicon: Lexicon | None = None) -> Evaluation:
    """Every metric for every data set found in ``data_dir`` (docs/evaluation.md).

    ``lexicon`` defaults to the shipped generic loaded-language lexicon. Raises
    io.LoadError when ``data_dir`` is not a folder or holds none of the data sets.
    """
    found = find_datasets(data_dir)
    lexicon = lexicon or load_lexicons([GENERIC_LEXICON])
    results: list[Result] = []
    seconds: dict[str, float] = {}
    for dataset in DATASETS:
        if dataset.name in found:
            began = time.perf_counter()
            results += dataset.score(found[dataset.name], lexicon)
            seconds[dataset.name] = time.perf_counter() - began
    table = pd.DataFrame(
        [(r.dataset, r.metric, r.slant, r.baseline, r.better, r.n) for r in results],
        columns=RESULT_COLUMNS,
    )
    skipped = tuple(d.name for d in DATASETS if d.name not in found)
    return Evaluation(table, skipped, seconds, describe_provenance(lexicon))
