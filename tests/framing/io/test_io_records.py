"""Bulk files (CSV, JSON Lines, Parquet) read whole: one article a row."""

import pandas as pd
import pytest

from framing.io import (
    LoadError,
    describe_load,
    iter_article_records,
    load_story,
    load_story_bytes,
    write_table,
)
from framing.models import LoadProblem

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


# --- quotes that go astray: never a silent merge ------------------------------------------

HEADER = "outlet,title,text\n"
# (rows after the header, outlets loaded, problems: (line, skipped, words of the message))
STRAY_QUOTES = [
    pytest.param(
        'A,T1,"This article has a stray quote and text.\nB,T2,Text two\nC,T3,Text three\n',
        [],
        [(2, 1, "never closed", "3 lines (2-4)")],
        id="a quote never closed takes the rows after it: they are named, not merged",
    ),
    pytest.param(
        'A,T1,Good.\nB,T2,"stray quote\nC,T3,Three\n',
        ["A"],
        [(3, 1, "never closed", "2 lines (3-4)")],
        id="the rows before the quote load",
    ),
    pytest.param(
        'A,T1,"stray\nB,T2,He said "no" today\nC,T3,Fine.\n',
        ["C"],
        [(2, 1, "ends it on line 3", "2 lines (2-3)")],
        id="a quote closed wrongly later: the lines up to it are named, the rest loads",
    ),
    pytest.param(
        'A,T1,"First paragraph.\n\nSecond, with ""quotes"", paragraph."\nB,T2,Two.\n',
        ["A", "B"],
        [],
        id="a quoted text over several lines is one row (negative)",
    ),
    pytest.param(
        '"A","T","unclosed',
        ["A"],
        [(2, 0, "never closed", "read to the end")],
        id="a quote left open on the last line: the row loads, with a note",
    ),
    pytest.param(
        'A,T1,"He said "no" loudly"\nB,T2,Two.\n',
        ["A", "B"],
        [(2, 0, "not doubled")],
        id="a quote not doubled inside one line: the row loads, with a note",
    ),
    pytest.param(
        "A,T1,Text, with a comma outside quotes\nB,T2,Two.\n",
        ["B"],
        [(2, 1, "has 4 cells but the header names 3", "comma")],
        id="more cells than the header: skipped, not cut",
    ),
    pytest.param(
        "A,T1,Text\nB,T2,Two.,\n",
        ["A", "B"],
        [],
        id="an empty extra cell is no loss (negative)",
    ),
]


def _problems(problems):
    return [(p.line, p.skipped, p.message) for p in problems]


def _matches(found, expected):
    return len(found) == len(expected) and all(
        line == e[0] and skipped == e[1] and all(w in message for w in e[2:])
        for (line, skipped, message), e in zip(found, expected, strict=True)
    )


@pytest.mark.parametrize(("rows", "outlets", "problems"), STRAY_QUOTES)
def test_a_stray_quote_never_merges_rows_silently(rows, outlets, problems):
    data = (HEADER + rows).encode()
    if not outlets:
        with pytest.raises(LoadError) as raised:
            load_story_bytes("news.csv", data)
        (expected,) = problems
        assert raised.value.line == expected[0]
        assert all(words in raised.value.message for words in expected[2:])
        return
    story = load_story_bytes("news.csv", data)
    assert [a.outlet for a in story.articles] == outlets
    assert _matches(_problems(story.skipped), problems), story.skipped


@pytest.mark.parametrize(("rows", "outlets", "problems"), STRAY_QUOTES)
def test_a_streamed_csv_reads_stray_quotes_the_same_way(rows, outlets, problems, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    items = [item for item, _ in iter_article_records(path)]
    assert [r["outlet"] for r in items if isinstance(r, dict)] == outlets
    found = [p for p in items if isinstance(p, LoadProblem)]
    assert _matches(_problems(found), problems), found


def test_a_quote_in_the_header_fails_the_file_naming_its_line():
    with pytest.raises(LoadError, match=r"^h\.csv:1: is not valid CSV"):
        load_story_bytes("h.csv", b'outlet,"ti"tle,text\nA,T,x\n')


# --- how many rows were read, skipped and made into articles ------------------------------


@pytest.mark.parametrize(
    ("name", "data", "summary"),
    [
        (
            "news.csv",
            b"outlet,text\nA,One.\nB,\nC,Three.\nD,  \n",
            "news.csv: 4 rows read, 2 skipped (lines 3, 5), 2 articles made",
        ),
        (
            "news.jsonl",
            b'{"text": "One."}\n{broken\n\n{"text": "Four.", "date": "soon"}\n[5]\n',
            "news.jsonl: 4 rows read, 2 skipped (lines 2, 5), 2 articles made, 1 note",
        ),
        (
            "news.parquet",
            pd.DataFrame({"id": ["a", "a", "c"], "text": ["One.", "Two.", None]}).to_parquet(),
            "news.parquet: 3 rows read, 1 skipped, 2 articles made, 1 note",
        ),
    ],
)
def test_a_bulk_file_says_how_many_rows_were_read_skipped_and_made(name, data, summary):
    story = load_story_bytes(name, data)
    assert describe_load(name, len(story.articles), story.skipped) == summary


def test_a_summary_names_at_most_ten_lines_and_counts_the_rows_past_the_limit():
    problems = [LoadProblem("f.csv", "empty text", n) for n in range(2, 14)]
    problems.append(LoadProblem("f.csv", "only the first 5 articles were loaded", skipped=7))
    assert describe_load("f.csv", 5, problems) == (
        "f.csv: 24 rows read, 19 skipped (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more), "
        "5 articles made"
    )
    assert describe_load("one.txt", 1, [], "file") == (
        "one.txt: 1 file read, 0 skipped, 1 article made"
    )
