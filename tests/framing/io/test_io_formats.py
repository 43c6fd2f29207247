"""Which files load (and the one-line error for those that do not), and writing tables."""

import json
from pathlib import Path

import pandas as pd
import pytest
from io_helpers import write

from framing.cli import main
from framing.io import (
    BULK_SUFFIXES,
    FORMATS,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    LoadError,
    describe_formats,
    describe_table_formats,
    format_formats_markdown,
    load_story,
    load_story_bytes,
    write_table,
)
from framing.models import LoadProblem

# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (LoadError("a.txt", "is empty"), "a.txt: is empty"),
        (LoadError("b.csv", "row 2: empty text", 3), "b.csv:3: row 2: empty text"),
        (LoadError(Path("c/d.md"), "bad\nthing  here"), "c/d.md: bad thing here"),
    ],
)
def test_load_error_is_one_line_naming_the_file(error, text):
    assert str(error) == text
    assert isinstance(error, ValueError)
    assert error.problem == LoadProblem(error.file, error.message, error.line)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\rIHDR" + bytes(range(256)), "looks like a binary"),
        ("junk.md", bytes(range(1, 32)) * 10, "looks like a binary"),
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\r\n ", "is empty"),
        ("blank16.txt", "   \n".encode("utf-16"), "is empty"),
        ("blank.csv", b"\n\n", "is empty"),
        ("report.pdf", b"%PDF-1.4", ".pdf files are not supported; use .txt, .md, .html"),
        ("noext", b"text", "files without an extension are not supported"),
        ("fm.txt", b"---\noutlet: X\n---\n\n  \n", "has no text after its front matter"),
        ("fm.md", b"---\noutlet: X\nnot a pair\n---\nBody.", "front matter line is not"),
        ("nav.html", b"<html><body><div></div></body></html>", "has no main text"),
        ("links.txt", b"Read more\n\nShare this\n", "has only page furniture"),
        ("t.csv", b"outlet,title,body\nA,B,C\n", "has no 'text' column"),
        ("t.jsonl", b'{"outlet": "A", "body": "x"}\n', "has no 'text' field"),
        ("t.parquet", b"not parquet", "is not a readable Parquet file"),
        ("t.jsonl", b"{broken\n[1]\n", "has no article that could be loaded (2 problems"),
        ("t.csv", b"outlet,text\nA,\nB,  \n", "has no article that could be loaded (2 problems"),
    ],
)  # fmt: skip
def test_unloadable_file_raises_naming_the_file(name, data, message, tmp_path):
    with pytest.raises(LoadError) as caught:
        load_story_bytes(name, data)
    assert caught.value.file == name
    assert str(caught.value).startswith(name)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    # the same rules apply to a file on disk
    path = write(tmp_path / name, data)
    with pytest.raises(LoadError, match=message.replace("(", r"\(")):
        load_story(path)


def test_missing_text_column_lists_the_columns():
    with pytest.raises(LoadError) as caught:
        load_story_bytes("news.csv", b"Outlet,Title,Body\nA,B,C\n")
    assert str(caught.value) == (
        "news.csv: has no 'text' column, which holds the article (columns: outlet, title, body)"
    )


def test_missing_path_raises():
    with pytest.raises(LoadError, match="no such file or folder"):
        load_story("/nonexistent/story")


# --- tables -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "read"),
    [
        (".csv", lambda p: pd.read_csv(p)),
        (".jsonl", lambda p: pd.read_json(p, lines=True)),
        (".json", lambda p: pd.DataFrame(json.loads(p.read_text(encoding="utf-8")))),
        (".parquet", lambda p: pd.read_parquet(p)),
    ],
)
def test_write_table_formats(suffix, read, tmp_path):
    df = pd.DataFrame({"outlet": ["Café Daily", "B"], "words": [10, 20], "z": [0.5, -1.25]})
    path = write_table(df, tmp_path / f"out{suffix}")
    back = read(path)
    assert back["outlet"].tolist() == ["Café Daily", "B"]
    assert back["words"].tolist() == [10, 20]
    assert back["z"].tolist() == [0.5, -1.25]


def test_write_table_json_is_an_array_of_records(tmp_path):
    path = write_table(pd.DataFrame({"a": [1, None]}), tmp_path / "t.json")
    assert json.loads(path.read_text()) == [{"a": 1.0}, {"a": None}]


def test_write_table_rejects_other_formats(tmp_path):
    with pytest.raises(ValueError, match=r"out\.xlsx: cannot write \.xlsx; use \.csv"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "out.xlsx")


# --- the one table of formats -----------------------------------------------------------

README = Path(__file__).resolve().parents[3] / "README.md"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_suffix_has_one_reader_and_one_name():
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes)) == len(SUPPORTED_SUFFIXES)
    assert set(TEXT_SUFFIXES) | set(BULK_SUFFIXES) == set(SUPPORTED_SUFFIXES)
    assert all(s == s.lower() and s.startswith(".") for s in suffixes)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_each_format_reads_an_article_by_its_own_reader(fmt, tmp_path):
    article = {"outlet": "X", "title": "T", "text": "Haftar spoke in Benghazi on Monday."}
    for suffix in fmt.suffixes:
        if suffix == ".parquet":
            data = pd.DataFrame([article]).to_parquet()
        elif suffix == ".csv":
            data = pd.DataFrame([article]).to_csv(index=False).encode()
        elif fmt.bulk:
            data = (json.dumps(article) + "\n").encode()
        elif suffix in (".html", ".htm"):
            data = f"<html><body><article><p>{article['text']}</p></article></body></html>"
            data = data.encode()
        else:
            data = article["text"].encode()
        story = load_story(write(tmp_path / f"one{suffix}", data))
        assert story.articles[0].text == article["text"]


def test_the_readme_lists_the_formats_of_the_table():
    readme = README.read_text(encoding="utf-8")
    assert format_formats_markdown() in readme
    assert _one_line(describe_table_formats()) in _one_line(readme)


def test_the_command_line_help_names_every_format(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    help_text = _one_line(capsys.readouterr().out)
    assert _one_line(describe_formats()) in help_text
    assert _one_line(describe_table_formats()) in help_text
