"""The command-line contract of DESIGN.md, run as a user would: a subprocess."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import COMMAND_HELP
from framing.lexicon import load_lexicons
from framing.provenance import PROVENANCE_COLUMN, describe_provenance

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_STORY = ROOT / "data" / "stories" / "libya-ceasefire-2020"

ANALYZE_KEYS = {
    "article_id", "outlet", "title", "words", "sentences", "loaded_per_100w", "sentiment_mean",
    "flesch_reading_ease", "flesch_kincaid_grade",
}  # fmt: skip
TERM_KEYS = {"article_id", "outlet", "start", "end", "text", "category", "target", "valence",
             "in_quote"}  # fmt: skip
LABEL_KEYS = {"entity", "article_id", "outlet", "label", "in_quote", "valence"}
ENTITY_KEYS = {"entity", "name", "type", "aliases", "article_id", "outlet", "mentions"}
COVERAGE_KEYS = {"fact", "outlet", "present", "article_id", "start", "end", "text", "status"}
QUOTE_KEYS = {"article_id", "outlet", "start", "end", "text", "speaker", "quote_group"}


def run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "framing", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("command", "keys"),
    [
        ("analyze", ANALYZE_KEYS),
        ("terms", TERM_KEYS),
        ("labels", LABEL_KEYS),
        ("entities", ENTITY_KEYS),
        ("coverage", COVERAGE_KEYS),
        ("quotes", QUOTE_KEYS),
    ],
)
def test_json_records_on_the_sample(command, keys):
    result = run(command, SAMPLE_STORY, "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert records and all(keys <= set(r) for r in records)
    if command == "analyze":
        assert len(records) == 5
        assert {r["article_id"] for r in records} == {p.stem for p in SAMPLE_STORY.glob("0*.txt")}
    if command == "coverage":  # one row per (fact, outlet); a shared fact has all five
        assert len({(r["fact"], r["outlet"]) for r in records}) == len(records)
        shared = {r["fact"] for r in records if r["outlets"] > 1}
        assert all(sum(r["fact"] == f for r in records) == 5 for f in shared)
    if command == "entities":  # the story lexicon's actor id; in every article of the sample
        haftar = [r for r in records if r["entity"] == "haftar"]
        assert len(haftar) == 5 and {r["type"] for r in haftar} == {"person"}


def test_csv_output_and_out_file(tmp_path):
    result = run("analyze", SAMPLE_STORY, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("article_id,outlet,title")
    out = tmp_path / "scores.parquet"
    assert run("terms", SAMPLE_STORY, "--out", out).returncode == 0
    assert TERM_KEYS <= set(pd.read_parquet(out).columns)


def test_single_text_file_and_bulk_ids(tmp_path):
    text = tmp_path / "one.txt"
    text.write_text("The so-called experts slammed the plan. It failed.", encoding="utf-8")
    records = json.loads(run("terms", text).stdout)
    assert {r["text"] for r in records} >= {"so-called", "slammed"}
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text(
        '{"id": "a7", "outlet": "X", "text": "A warlord spoke."}\n'
        '{"outlet": "Y", "text": "Nothing here."}\n',
        encoding="utf-8",
    )
    ids = [r["article_id"] for r in json.loads(run("analyze", bulk).stdout)]
    assert ids == ["a7", "2"]


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    no_text = tmp_path / "notext.csv"
    no_text.write_text("outlet,title\nA,B\n")
    bad_lexicon = tmp_path / "lex.csv"
    bad_lexicon.write_text(
        "kind,text,forms,category,actor,camp,valence,note\nterm,x,,hedge,,,9,n\n"
    )
    return [
        ([tmp_path / "missing"], "missing"),
        ([empty], "empty.txt"),
        ([binary], "image.txt"),
        ([no_text], "notext.csv"),
        ([SAMPLE_STORY, "--lexicon", bad_lexicon], "lex.csv"),
    ]


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    for args, name in _bad_inputs(tmp_path):
        result = run("analyze", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert name in result.stderr
        assert result.stdout == ""


def test_rows_read_skipped_and_made_are_counted_on_stderr(tmp_path):
    bulk = tmp_path / "news.csv"
    bulk.write_text(
        "outlet,title,text,date\nA,T1,A warlord spoke.,2020-02-20\nB,T2,,\n"
        'C,T3,"a stray quote\nD,T4,Four.,\n',
        encoding="utf-8",
    )
    result = run("labels", bulk, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"skipped: {bulk}:3: row 2: empty text",
        f"skipped: {bulk}:4: row 3: the quote that opens a cell on line 4 is never closed; the "
        "2 lines (4-5) it took, to the end of the file, were not loaded; close or remove it",
        f"{bulk}: 3 rows read, 2 skipped (lines 3, 4), 1 article made",
    ]


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".parquet"])
def test_every_file_the_command_line_writes_says_what_made_it(tmp_path, suffix):
    out = tmp_path / f"labels{suffix}"
    result = run("labels", SAMPLE_STORY, "--out", out)
    assert result.returncode == 0, result.stderr
    if suffix == ".csv":
        table = pd.read_csv(out)
    elif suffix == ".parquet":
        table = pd.read_parquet(out)
    else:
        table = pd.read_json(out, lines=suffix == ".jsonl")
    made_by = describe_provenance(load_lexicons(["loaded_language", "libya"]))
    assert list(table.columns)[-1] == PROVENANCE_COLUMN
    assert set(table[PROVENANCE_COLUMN]) == {made_by}


def test_what_is_printed_stays_the_table_itself():
    printed = run("labels", SAMPLE_STORY, "--format", "csv").stdout
    assert PROVENANCE_COLUMN not in printed.splitlines()[0]


def test_the_readme_describes_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in [*COMMAND_HELP, "evaluate"]:
        assert f"python -m framing {command}" in readme, command
