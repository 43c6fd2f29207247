"""Part files of a streamed run: the input's fingerprint, the manifest, one part per scored
chunk, and the output assembled from the parts."""

import hashlib
import json
import os

import pandas as pd
import pytest

from framing.io import (
    LoadError,
    load_file_fingerprint,
    load_part_manifest,
    load_part_summaries,
    remove_parts,
    save_part,
    save_part_manifest,
    write_table,
    write_table_from_parts,
)
from framing.models import LoadProblem, PartSummary

SCORES = pd.DataFrame({"article_id": ["a", "b", "c"], "words": [10, 20, 30]})


def test_file_fingerprint_names_the_content(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"abc")
    fingerprint = load_file_fingerprint(path)
    assert fingerprint == {
        "input": str(path.resolve()),
        "size": 3,
        "mtime_ns": path.stat().st_mtime_ns,
        "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    }
    path.write_bytes(b"abd")
    assert load_file_fingerprint(path)["sha256"] == hashlib.sha256(b"abd").hexdigest()


def test_manifest_round_trips_and_is_written_in_a_new_folder(tmp_path):
    parts = tmp_path / "out.csv.parts"
    assert load_part_manifest(parts) is None
    save_part_manifest(parts, {"version": 1, "columns": ["a"]})
    text = (parts / "manifest.json").read_text(encoding="utf-8")
    assert text == '{\n "version": 1,\n "columns": [\n  "a"\n ]\n}\n'
    assert load_part_manifest(parts) == {"version": 1, "columns": ["a"]}


def test_parts_of_another_input_have_another_manifest(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text('{"text": "One."}\n', encoding="utf-8")
    second.write_text('{"text": "One."}\n', encoding="utf-8")
    save_part_manifest(tmp_path / "parts", load_file_fingerprint(first))
    saved = load_part_manifest(tmp_path / "parts")
    assert saved == load_file_fingerprint(first)
    assert saved != load_file_fingerprint(second)  # same bytes, another file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{broken", r"manifest.json:1: is not valid JSON: Expecting property name"),
        ("[1, 2]", "manifest.json: must hold a JSON object"),
        ("", "manifest.json: is empty"),
    ],
)
def test_broken_manifest_raises_load_error_naming_it(tmp_path, text, message):
    (tmp_path / "manifest.json").write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=message):
        load_part_manifest(tmp_path)


def test_saved_parts_are_summarised_and_reloaded(tmp_path):
    parts = tmp_path / "parts"
    skipped = [
        LoadProblem("in.jsonl", "empty text", 4),
        LoadProblem("in.parquet", "row 2: x"),
        LoadProblem("in.jsonl", "a note", 6, skipped=0),
    ]
    first = save_part(parts, 3, SCORES, skipped)
    empty = save_part(parts, 12, SCORES.iloc[:0], [])
    assert first == PartSummary(3, 3, tuple(skipped))
    assert empty == PartSummary(12, 0, ())
    assert sorted(p.name for p in parts.iterdir()) == [
        "part-000003.json", "part-000003.parquet", "part-000012.json",
    ]  # fmt: skip
    assert (parts / "part-000003.json").read_text(encoding="utf-8") == (
        '{"index": 3, "articles": 3, "skipped": '
        '[["in.jsonl", "empty text", 4, 1], ["in.parquet", "row 2: x", null, 1], '
        '["in.jsonl", "a note", 6, 0]]}\n'
    )
    pd.testing.assert_frame_equal(pd.read_parquet(parts / "part-000003.parquet"), SCORES)
    assert load_part_summaries(parts) == {3: first, 12: empty}
    assert load_part_summaries(tmp_path / "none") == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "part-000001.json:1: is not valid JSON"),
        ('{"index": 1, "articles": 2}', "part-000001.json: is not a part summary"),
        ('{"index": 1, "articles": 2, "skipped": [[]]}', "part-000001.json: is not a part"),
    ],
)
def test_broken_summary_raises_load_error_naming_it(tmp_path, text, message):
    (tmp_path / "part-000001.json").write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=message):
        load_part_summaries(tmp_path)


def test_remove_parts_deletes_only_part_files(tmp_path):
    parts = tmp_path / "parts"
    save_part_manifest(parts, {"version": 1})
    save_part(parts, 0, SCORES, [])
    (parts / "notes.txt").write_text("mine", encoding="utf-8")
    remove_parts(parts)
    assert [p.name for p in parts.iterdir()] == ["notes.txt"]
    (parts / "notes.txt").unlink()
    save_part(parts, 0, SCORES, [])
    remove_parts(parts)
    assert not parts.exists()
    remove_parts(parts)  # nothing to remove is not an error


@pytest.fixture
def parts(tmp_path):
    """Three parts: rows a, (none), b c."""
    folder = tmp_path / "parts"
    save_part(folder, 0, SCORES.iloc[:1], [])
    save_part(folder, 1, SCORES.iloc[:0], [])
    save_part(folder, 2, SCORES.iloc[1:].reset_index(drop=True), [])
    return folder


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".parquet"])
def test_parts_are_written_as_write_table_writes_them(parts, tmp_path, suffix):
    out = write_table_from_parts(parts, [0, 2], tmp_path / "out" / f"scores{suffix}")
    reference = write_table(SCORES, tmp_path / f"reference{suffix}")
    if suffix == ".parquet":
        pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(reference))
    elif suffix == ".json":
        assert out.read_text(encoding="utf-8") == (
            '[\n{"article_id":"a","words":10},\n{"article_id":"b","words":20},\n'
            '{"article_id":"c","words":30}\n]\n'
        )
        assert json.loads(out.read_text()) == json.loads(reference.read_text())
    else:
        assert out.read_bytes() == reference.read_bytes()
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_parts_are_written_in_the_order_given(parts, tmp_path):
    out = write_table_from_parts(parts, [2, 0], tmp_path / "scores.csv")
    assert out.read_text(encoding="utf-8") == "article_id,words\nb,20\nc,30\na,10\n"


def test_a_failed_assembly_keeps_the_old_output(parts, tmp_path):
    out = tmp_path / "scores.csv"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="part-000007.parquet"):
        write_table_from_parts(parts, [0, 7], out)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parts", "scores.csv"]


@pytest.mark.parametrize(
    ("name", "indexes", "message"),
    [("scores.xlsx", [0], "cannot write .xlsx"), ("scores.parquet", [], "no parts to write")],
)
def test_unwritable_assembly_raises_before_writing(parts, tmp_path, name, indexes, message):
    with pytest.raises(ValueError, match=message):
        write_table_from_parts(parts, indexes, tmp_path / name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parts"]
