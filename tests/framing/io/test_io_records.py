"""Bulk files (CSV, JSON Lines, Parquet) read whole: one article a row."""

import pandas as pd

from framing.io import (
    load_story,
    load_story_bytes,
    write_table,
)

# --- bulk files -------------------------------------------------------------------------


def test_csv_columns_ids_and_skipped_rows():
    data = (
        "ID,Outlet,title,date,url,text,word_count\n"
        "a1,Daily,First,2020-02-22,https://d.example/1,First text.,2\n"
        "a2,Weekly,Second,,,,0\n"
        'a3,Weekly,Third,,,"A text\nover two lines.",5\n'
    )
    story = load_story_bytes("news.csv", data.encode())
    assert [(a.id, a.outlet, a.title, a.date, a.text) for a in story.articles] == [
        ("a1", "Daily", "First", "2020-02-22", "First text."),
        ("a3", "Weekly", "Third", "", "A text\nover two lines."),
    ]
    assert story.articles[1].source == "news.csv:4"
    assert [str(p) for p in story.skipped] == ["news.csv:3: row 2: empty text"]
    assert story.title == "news"


def test_csv_with_only_a_text_column_numbers_rows():
    story = load_story_bytes("t.csv", b"text\nOne text here.\n\nTwo text here.\n")
    assert [(a.id, a.outlet, a.title) for a in story.articles] == [
        ("1", "unknown", "1"),  # a first line that ends with a period is not a headline
        ("2", "unknown", "2"),
    ]


def test_semicolon_csv():
    story = load_story_bytes("t.csv", b"outlet;text\nA;Un texte, avec virgule.\n")
    assert (story.articles[0].outlet, story.articles[0].text) == ("A", "Un texte, avec virgule.")


def test_jsonl_broken_lines_are_skipped_with_their_line_numbers():
    data = (
        '{"id": 7, "outlet": "A", "text": "First text."}\n'
        "{broken\n"
        "\n"
        '["not", "an", "object"]\n'
        '{"outlet": "B", "text": "Second text.", "extra": {"nested": true}}\n'
        '{"outlet": "C", "text": 12}\n'
    )
    story = load_story_bytes("feed.jsonl", data.encode())
    assert [(a.id, a.outlet, a.source) for a in story.articles] == [
        ("7", "A", "feed.jsonl:1"),
        ("5", "B", "feed.jsonl:5"),
    ]
    assert [(p.line, p.message.split(" (")[0]) for p in story.skipped] == [
        (2, "is not valid JSON"),
        (4, "is not a JSON object"),
        (6, "text is not a string"),
    ]


def test_ndjson_is_json_lines():
    story = load_story_bytes("feed.ndjson", b'{"text": "Only text."}\n')
    assert story.articles[0].text == "Only text."


def test_duplicate_ids_get_a_suffix_and_a_note():
    data = (
        b'{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n{"id": "x", "text": "Three."}\n'
    )
    story = load_story_bytes("d.jsonl", data)
    assert [a.id for a in story.articles] == ["x", "x-2", "x-3"]
    assert [str(p) for p in story.skipped] == [
        "d.jsonl:2: article id 'x' is already taken; renamed 'x-2'",
        "d.jsonl:3: article id 'x' is already taken; renamed 'x-3'",
    ]


def test_parquet_round_trip_through_write_table(tmp_path):
    df = pd.DataFrame(
        {
            "id": ["p1", "p2", "p3"],
            "outlet": ["Daily", None, "Weekly"],
            "text": ["Parquet text one.", "Parquet text two.", None],
            "score": [1.5, 2.0, 3.0],
        }
    )
    story = load_story(write_table(df, tmp_path / "rows.parquet"))
    assert [(a.id, a.outlet, a.source) for a in story.articles] == [
        ("p1", "Daily", f"{tmp_path / 'rows.parquet'}:row 1"),
        ("p2", "unknown", f"{tmp_path / 'rows.parquet'}:row 2"),
    ]
    assert [p.message for p in story.skipped] == ["row 3: empty text"]
