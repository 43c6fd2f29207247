"""What a data set declares (Dataset), what scoring it gives (Result), the table of a
whole run (Evaluation), and how that table is printed and written."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.evaluate.metrics import score_precision_recall_f1
from framing.io import TABLE_SUFFIXES, write_table, write_text_atomic
from framing.models import Lexicon
from framing.provenance import add_provenance

RESULT_COLUMNS = ["dataset", "metric", "slant", "baseline", "better", "n"]
NUMERIC = frozenset({"slant", "baseline", "n"})
RESULT_SUFFIXES = (*TABLE_SUFFIXES, ".md")


@dataclass(frozen=True)
class Result:
    """One row of the evaluation table: a metric for Slant and for the baseline.

    ``n`` counts the gold units the metric is computed over (words, spans, sentences,
    targets, mentions; for a share of Slant's own output, Slant's items). Most metrics
    run 0 .. 1 with higher better; for the others ``higher_is_better`` is False.
    """

    dataset: str
    metric: str
    slant: float
    baseline: float
    n: int
    higher_is_better: bool = True

    @property
    def better(self) -> str:
        """Which side wins: "slant", "baseline" or "tie" (equal to 3 decimals, or NaN)."""
        a, b = round(self.slant, 3), round(self.baseline, 3)
        if math.isnan(a) or math.isnan(b) or a == b:
            return "tie"
        return "slant" if (a > b) == self.higher_is_better else "baseline"


@dataclass(frozen=True)
class Dataset:
    """A public data set people annotated, as framing.evaluate.registry lists it."""

    name: str  # as the run names it ("skipped: babe"), e.g. "babe"
    path: str  # where it sits in the evaluation data folder: a file or a folder
    score: Callable[[Path, Lexicon], list[Result]]  # read the data there, score Slant on it


@dataclass(frozen=True)
class Evaluation:
    """The evaluation table, the data sets that were not found, seconds per data set, and
    what made it (framing.provenance)."""

    table: pd.DataFrame
    skipped: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)
    made_by: str = ""


def prf_results(
    dataset: str, slant: tuple[int, int, int], baseline: tuple[int, int, int], n: int
) -> list[Result]:
    ours, theirs = score_precision_recall_f1(*slant), score_precision_recall_f1(*baseline)
    return [
        Result(dataset, metric, a, b, n)
        for metric, a, b in zip(("precision", "recall", "F1"), ours, theirs, strict=True)
    ]


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


def write_results(table: pd.DataFrame, path: str | Path, made_by: str = "") -> Path:
    """Write the evaluation table to ``path``: Markdown for .md, else io.write_table's
    formats (.csv, .json, .jsonl, .parquet; ValueError for others). ``made_by``
    (framing.provenance) ends the Markdown, and is a last column in the others."""
    if Path(path).suffix.lower() == ".md":
        text = format_results(table, markdown=True)
        write_text_atomic(path, text + (f"\nMade by {made_by}.\n" if made_by else ""))
        return Path(path)
    return write_table(add_provenance(table, made_by) if made_by else table, path)
