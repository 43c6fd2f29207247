"""Reading other people's data sets (framing.io.evaldata): the folder's layout, text with or
without its line ends, delimited tables of strings."""

import pytest
from io_helpers import write

from framing.io import LoadError
from framing.io.evaldata import find_data_sets, list_files, read_table, read_text

LAYOUT = {"one": "one/data.csv", "two": "two"}


def test_find_data_sets_names_what_is_there(tmp_path):
    write(tmp_path / "one" / "data.csv", "a\n")
    assert find_data_sets(tmp_path, LAYOUT) == {"one": tmp_path / "one" / "data.csv"}
    with pytest.raises(LoadError, match="not a folder"):
        find_data_sets(tmp_path / "missing", LAYOUT)
    with pytest.raises(LoadError, match=r"none of the evaluation data sets \(one/data.csv, two\)"):
        find_data_sets(tmp_path / "one", LAYOUT)


def test_read_text_keeps_line_ends_only_when_asked(tmp_path):
    path = write(tmp_path / "a.txt", b"one\r\ntwo\n")
    assert read_text(path, keep_line_ends=True) == "one\r\ntwo\n"
    assert read_text(path) == "one\ntwo\n"


def test_read_table_gives_strings_and_empty_cells(tmp_path):
    path = write(tmp_path / "t.csv", "\ufeffa;b\n1;\nNA;x\n".encode())
    table = read_table(path, sep=";", encoding="utf-8-sig")
    assert table.to_dict("records") == [{"a": "1", "b": ""}, {"a": "NA", "b": "x"}]


def test_list_files_is_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "c.csv"):
        write(tmp_path / name, "x")
    assert [p.name for p in list_files(tmp_path, "*.txt")] == ["a.txt", "b.txt"]
