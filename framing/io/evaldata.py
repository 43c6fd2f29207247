"""Readers for the public gold data framing.evaluate scores against (docs/evaluation.md).

The data stays outside the repository; each reader takes the data set's file or folder.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd

from framing.io.errors import LoadError

PTC_LABELS = "train-task2-TC.labels"
# Data set name -> where it sits in the evaluation folder.
EVAL_DATASETS = {
    "babe": "babe/final_labels_SG2.csv",
    "ptc": "ptc",
    "newsmtsc_rw": "newsmtsc/devtest_rw.jsonl",
    "newsmtsc_mt": "newsmtsc/devtest_mt.jsonl",
    "newswcl50": "newswcl50",
}
NEWSMTSC_POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}  # negative, neutral, positive
# NewsWCL50's outlets from far left to far right, the order its files are read in (the
# evaluation's choice of an event's main actors breaks ties by first mention).
NEWSWCL50_OUTLETS = ("LL", "L", "M", "R", "RR")


def find_eval_datasets(data_dir: str | Path) -> dict[str, Path]:
    """The evaluation data sets present in ``data_dir`` (name -> file or folder, see
    EVAL_DATASETS); LoadError when it is not a folder or holds none of them."""
    folder = Path(data_dir)
    if not folder.is_dir():
        raise LoadError(folder, "not a folder (expected the evaluation data folder)")
    found = {name: folder / rel for name, rel in EVAL_DATASETS.items() if (folder / rel).exists()}
    if not found:
        raise LoadError(
            folder, f"none of the evaluation data sets ({', '.join(EVAL_DATASETS.values())})"
        )
    return found


def load_babe(path: str | Path) -> pd.DataFrame:
    """BABE's sentences (``final_labels_SG2.csv``): columns text, outlet, label
    ("Biased", "Non-biased", "No agreement") and biased_words (a tuple of the words
    experts marked)."""
    path = Path(path)
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
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


def load_ptc(folder: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """The Propaganda Techniques Corpus: article id -> text for every
    ``train-articles/article<ID>.txt``, and the technique spans of ``train-task2-TC.labels``
    (columns article_id, technique, start, end; end-exclusive character offsets)."""
    folder = Path(folder)
    articles = {}
    for file in sorted((folder / "train-articles").glob("article*.txt")):
        # newline="" keeps "\r\n" as two characters: the offsets count them.
        with open(file, encoding="utf-8", newline="") as handle:
            articles[file.stem.removeprefix("article")] = handle.read()
    labels = folder / PTC_LABELS
    rows = []
    for line, text in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        parts = text.split("\t")
        if len(parts) != 4 or not (parts[2].isdigit() and parts[3].isdigit()):
            raise LoadError(labels, "expected: id <tab> technique <tab> start <tab> end", line)
        rows.append((parts[0], parts[1], int(parts[2]), int(parts[3])))
    if not articles:
        raise LoadError(folder / "train-articles", "no article<ID>.txt files")
    return articles, pd.DataFrame(rows, columns=["article_id", "technique", "start", "end"])


def load_newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC targets, one row each: sentence_id (line number), sentence, start, end
    (end-exclusive offsets of the mention), mention, polarity (-1 negative, 0 neutral,
    +1 positive)."""
    path = Path(path)
    rows = []
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
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


def load_newswcl50(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """NewsWCL50's articles and actor annotations, from ``event_N/N_OUTLET.txt``,
    ``N_OUTLET_sent.txt`` and ``N_OUTLET_annotations.csv``, outlets in NEWSWCL50_OUTLETS
    order.

    Returns (articles: event, outlet, text, sentences (the lines of the sentence file,
    which the annotations' sentence numbers index), annotations: event plus the CSV's
    columns as text).
    """
    folder = Path(folder)
    articles, tables = [], []
    for event_dir in sorted(folder.glob("event_*")):
        event = int(event_dir.name.removeprefix("event_"))
        for outlet in NEWSWCL50_OUTLETS:
            notes = event_dir / f"{event}_{outlet}_annotations.csv"
            if not notes.is_file():
                continue
            stem = event_dir / f"{event}_{outlet}"
            text = stem.with_suffix(".txt").read_text(encoding="utf-8")
            lines = Path(f"{stem}_sent.txt").read_text(encoding="utf-8").split("\n")
            articles.append((event, outlet, text, tuple(lines)))
            table = pd.read_csv(notes, dtype=str, keep_default_na=False)
            tables.append(table.assign(event=event))
    if not articles:
        raise LoadError(folder, "no event_N/N_OUTLET_annotations.csv files")
    frame = pd.DataFrame(articles, columns=["event", "outlet", "text", "sentences"])
    return frame, pd.concat(tables, ignore_index=True)
