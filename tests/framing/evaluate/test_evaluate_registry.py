"""The registry of data sets, the whole run, its table and the command line."""

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from evaluate_helpers import BABE_CSV, LEXICON, write

from framing.cli import main
from framing.evaluate import (
    DATASETS,
    EVAL_DATASETS,
    RESULT_COLUMNS,
    Dataset,
    Result,
    find_datasets,
    format_results,
    registry,
    score_gold_data,
    write_results,
)
from framing.io import LoadError

# ../shared beside the project, or the folder $SLANT_SHARED_DIR names.
SHARED = Path(os.environ.get("SLANT_SHARED_DIR") or Path(__file__).resolve().parents[4] / "shared")
EVAL_DIR = SHARED / "eval"


def test_find_datasets(tmp_path):
    with pytest.raises(LoadError):
        find_datasets(tmp_path / "missing")
    with pytest.raises(LoadError):
        find_datasets(tmp_path)  # a folder without any data set
    write(tmp_path / "babe" / "final_labels_SG2.csv", BABE_CSV)
    assert set(find_datasets(tmp_path)) == {"babe"}


# --- the whole run and the command line ------------------------------------------------


def test_run_on_a_partial_folder_and_write_every_format(tmp_path):
    write(tmp_path / "data" / "babe" / "final_labels_SG2.csv", BABE_CSV)
    evaluation = score_gold_data(tmp_path / "data", LEXICON)
    assert list(evaluation.table.columns) == RESULT_COLUMNS
    assert set(evaluation.table["dataset"]) == {
        f"BABE {unit} ({half})"
        for unit in ("words", "sentences")
        for half in ("tuning", "held out")
    }
    assert "ptc" in evaluation.skipped and "babe" not in evaluation.skipped
    for suffix in (".csv", ".json", ".md"):
        write_results(evaluation.table, tmp_path / f"out{suffix}")
    assert pd.read_csv(tmp_path / "out.csv").shape == evaluation.table.shape
    assert len(json.loads((tmp_path / "out.json").read_text())) == len(evaluation.table)
    markdown = (tmp_path / "out.md").read_text()
    assert markdown.startswith("| dataset | metric |")
    assert "| BABE words (held out) | F1 |" in markdown


def test_format_results_aligns_columns():
    table = pd.DataFrame(
        [("BABE words", "F1", 0.2372, 0.1556, "slant", 3609)], columns=RESULT_COLUMNS
    )
    lines = format_results(table).splitlines()
    assert lines[1].split() == ["BABE", "words", "F1", "0.237", "0.156", "slant", "3609"]
    assert len({len(line) for line in lines}) == 1


def test_cli_bad_data_dir_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err and "Traceback" not in err


@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="the public gold data is not here")
def test_cli_on_the_real_data(tmp_path, capsys):
    out = tmp_path / "metrics.csv"
    assert main(["evaluate", str(EVAL_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert {
        "BABE words (held out)",
        "BABE sentences (held out)",
        "PTC spans (held out)",
        "NewsMTSC rw",
        "NewsWCL50 labels",
    } <= set(table["dataset"])
    assert table["slant"].between(0, 1).all() and (table["n"] > 0).all()
    assert "macro-F1" in capsys.readouterr().out


def test_the_registry_names_each_data_set_once_in_the_order_of_the_table():
    names = [d.name for d in DATASETS]
    assert len(names) == len(set(names)) == len(EVAL_DATASETS)
    assert names == [
        *("babe", "ptc", "newsmtsc_rw", "newsmtsc_mt", "newswcl50", "allsides", "polnear"),
        "newswcl50_coverage",
    ]


def test_a_new_data_set_is_one_dataset_line(tmp_path, monkeypatch):
    write(tmp_path / "data" / "mine" / "rows.txt", "one row\n")

    def score_mine(path, lexicon):
        rows = path.read_text(encoding="utf-8").splitlines()
        return [Result("Mine", "rows", len(rows), 0, len(rows))]

    mine = Dataset("mine", "mine/rows.txt", score_mine)
    monkeypatch.setattr(registry, "DATASETS", (*registry.DATASETS, mine))
    evaluation = score_gold_data(tmp_path / "data", LEXICON)
    assert evaluation.table.to_dict("records") == [
        {"dataset": "Mine", "metric": "rows", "slant": 1, "baseline": 0, "better": "slant", "n": 1}
    ]
    assert "mine" in evaluation.seconds and "babe" in evaluation.skipped
