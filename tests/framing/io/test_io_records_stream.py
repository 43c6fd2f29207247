"""Bulk files streamed one row at a time (iter_article_records) and cleaned into articles
(build_articles) by the rules load_story uses for the whole file."""

import pandas as pd
import pytest

from framing.io import (
    ARTICLE_RECORD_FIELDS,
    LoadError,
    build_articles,
    iter_article_records,
    load_story,
)
from framing.models import LoadProblem

JSONL = (
    '{"id": "a", "outlet": "X", "title": "T", "text": "First text."}\n'
    "{not json\n"
    "\n"
    '{"id": "a", "text": "Second text."}\n'
    '{"text": "  "}\n'
    '{"Outlet": "Y", "text": "Third.", "date": "2020-02-18", "extra": 1}\n'
    "[1]\n"
)


def record(name, line, **fields):
    """A record as iter_article_records yields it for a row of a JSON Lines file."""
    empty = dict.fromkeys(ARTICLE_RECORD_FIELDS)
    return {**empty, **fields, "file": name, "source": f"{name}:{line}", "line": line}


def test_jsonl_rows_are_records_and_problems_in_file_order(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    name = str(path)
    items = list(iter_article_records(path))
    assert [item for item, _ in items] == [
        record(name, 1, id="a", outlet="X", title="T", text="First text."),
        LoadProblem(
            name, "is not valid JSON (Expecting property name enclosed in double quotes)", 2
        ),
        LoadProblem(name, "article id 'a' is already taken; renamed 'a-2'", 4, skipped=0),
        record(name, 4, id="a-2", text="Second text."),
        LoadProblem(name, "empty text", 5),
        record(name, 6, id="6", outlet="Y", date="2020-02-18", text="Third."),
        LoadProblem(name, "is not a JSON object", 7),
    ]
    assert [read for _, read in items] == [1.0] * 7  # a small file is read in one block


def test_parquet_rows_are_numbered_and_progress_counts_rows(tmp_path):
    path = tmp_path / "in.parquet"
    frame = pd.DataFrame({"ID": ["x", None, "z"], "text": ["One. Two.", " ", "Three."]})
    frame.to_parquet(path)
    name = str(path)

    def parquet_record(number, **fields):
        return {**record(name, None, **fields), "source": f"{name}:row {number}"}

    assert list(iter_article_records(path, batch_size=1)) == [
        (parquet_record(1, id="x", text="One. Two."), 1 / 3),
        (LoadProblem(name, "row 2: empty text"), 2 / 3),
        (parquet_record(3, id="z", text="Three."), 1.0),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("western.csv", "outlet,text\nCafé,Le café est fermé à Tripoli.\n".encode("cp1252")),
        ("bom.csv", "outlet,text\nCafé,Le café est fermé à Tripoli.\n".encode("utf-8-sig")),
        ("wide.jsonl", '{"outlet": "Café", "text": "Le café est fermé."}\n'.encode("utf-16")),
    ],
)
def test_any_encoding_load_story_reads_streams_the_same_rows(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    (item, read), *rest = iter_article_records(path)
    (article,) = load_story(path).articles
    assert not rest and read == 1.0
    assert (item["id"], item["outlet"], item["text"], item["source"]) == (
        article.id, "Café", article.raw_text, article.source,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("blank.jsonl", b" \n\t\n", "blank.jsonl: is empty"),
        ("empty.csv", b"", "empty.csv: is empty"),
        ("a.txt", b"text", "a.txt: is not a bulk file; use one of .csv, .jsonl"),
        ("bin.csv", b"text\n\x00\x01\x02\x03" * 50, "bin.csv: looks like a binary file"),
        ("a.parquet", b"not parquet", "a.parquet: is not a readable Parquet file"),
        ("a.csv", b"title,body\nx,y\n", "a.csv: has no 'text' column"),
    ],
)
def test_unreadable_files_raise_load_error_naming_them(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError, match=message):
        list(iter_article_records(path))


def test_missing_file_raises_load_error(tmp_path):
    with pytest.raises(LoadError, match="gone.jsonl: no such file"):
        list(iter_article_records(tmp_path / "gone.jsonl"))


def test_build_articles_from_records_through_a_dataframe_equals_load_story(tmp_path):
    path = tmp_path / "in.csv"
    frame = pd.DataFrame(
        {
            "id": ["one", "", "furniture", "four"],
            "outlet": ["A", "B", "C", None],
            "date": ["2020-02-18", "", "", "not a date"],
            "text": [
                "The talks resumed in Geneva on Tuesday.",
                "A second report.\n\nIt has two paragraphs.",
                "Share on Facebook\nShare on Twitter",
                "Diplomats said progress was slow.",
            ],
        }
    )
    frame.to_csv(path, index=False)
    records = [item for item, _ in iter_article_records(path)]
    rows = pd.DataFrame(records, columns=ARTICLE_RECORD_FIELDS).to_dict("records")
    articles, problems = build_articles(rows)
    story = load_story(path)
    assert articles == list(story.articles)
    assert (
        problems
        == list(story.skipped)
        == [
            LoadProblem(str(path), "has only page furniture, no article text", 6),
            LoadProblem(
                str(path),
                "date 'not a date' is not understood (use YYYY-MM-DD); left empty",
                8,
                skipped=0,
            ),
        ]
    )
    assert [(a.id, a.outlet, a.date, a.source) for a in articles] == [
        ("one", "A", "2020-02-18", f"{path}:2"),
        ("2", "B", "", f"{path}:3"),
        ("four", "unknown", "", f"{path}:8"),  # the texts before it span several lines
    ]


def test_build_articles_does_not_change_its_records(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    records = [item for item, _ in iter_article_records(path) if isinstance(item, dict)]
    before = [dict(r) for r in records]
    build_articles(records)
    assert records == before


@pytest.mark.parametrize(
    ("problems", "message"),
    [
        ([LoadProblem("f.jsonl", "empty text", 3)], "f.jsonl:3: empty text"),
        (
            [LoadProblem("f.jsonl", "empty text", 1), LoadProblem("f.jsonl", "empty text", 2)],
            "f.jsonl: has no article that could be loaded "
            "(2 problems; first: f.jsonl:1: empty text)",
        ),
        ([], "f.jsonl: has no article that could be loaded (0 problems)"),
    ],
)
def test_nothing_loaded_error(problems, message):
    assert str(LoadError.nothing_loaded("f.jsonl", problems)) == message
