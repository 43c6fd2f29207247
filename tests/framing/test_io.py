"""Loading stories from folders, bulk files, text and HTML; saving them; writing tables."""

import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from framing.io import (
    LoadError,
    list_story_folders,
    load_story,
    load_story_bytes,
    save_story,
    write_table,
)
from framing.models import Article, LoadProblem, Story

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "stories" / "libya-ceasefire-2020"
SEEDS = ROOT.parent / "shared" / "seeds"

PAGE = """<!doctype html>
<html><head><title>Ceasefire talks resume | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/world/ceasefire">
<meta name="date" content="2020-02-21">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ceasefire talks resume</h1>
<p>The commander said on Friday that he was ready for a ceasefire if foreign forces left
the country, according to a statement released in the capital.</p>
<p>Talks between the two military delegations resumed in Geneva under the supervision of
the United Nations, a spokesman said. The caf&eacute; near the venue stayed closed.</p>
<p>Diplomats said the talks were technical but vital, and that progress had been slow
since the first round earlier this month.</p>
</article>
<footer>Copyright 2020 Example News. All rights reserved.</footer>
</body></html>
"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def comparable(article: Article) -> tuple:
    return (
        article.id,
        article.outlet,
        article.title,
        article.date,
        article.url,
        article.outlet_note,
        article.language,
        article.raw_text,
        article.text,
        article.removals,
    )


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


# --- encodings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Le café est fermé.".encode(), "Le café est fermé."),
        ("Le café est fermé.".encode("utf-8-sig"), "Le café est fermé."),
        ("Le “café” est fermé.\r\n".encode("cp1252"), "Le “café” est fermé."),
        ("café".encode("latin-1"), "café"),
        ("Genève: the café is closed.".encode("cp1252"), "Genève: the café is closed."),
        ("The café is closed.\nReally.".encode("utf-16"), "The café is closed.\nReally."),
        ("The café is closed today.".encode("utf-16-le"), "The café is closed today."),
        ("The café is closed.".encode("utf-16-be"), "The café is closed."),
        ("The café is closed.".encode("utf-32"), "The café is closed."),
        ("Новости о Ливии и о перемирии в Женеве.".encode("cp1251"),
         "Новости о Ливии и о перемирии в Женеве."),
    ],
)  # fmt: skip
def test_encodings_are_detected(data, text):
    story = load_story_bytes("note.txt", data)
    assert story.articles[0].text == text


def test_cp1252_csv_loads(tmp_path):
    path = write(
        tmp_path / "old.csv", "outlet,text\nLe Monde,Le café est fermé.\n".encode("cp1252")
    )
    article = load_story(path).articles[0]
    assert (article.outlet, article.text) == ("Le Monde", "Le café est fermé.")


# --- text files and front matter --------------------------------------------------------


def test_front_matter_gives_metadata_and_body_is_kept_exactly():
    body = "\nHeadline here\n\nFirst paragraph.\r\nSecond line.\n"
    data = (
        "---\n"
        "outlet: Example Times\n"
        "title: 'Quoted: with a colon'\n"
        "date: 22 February 2020\n"
        "url: https://example.org/a?b=c\n"
        "outlet_note: from the masthead\n"
        "# a comment line\n"
        "extra: ignored\n"
        "---\n" + body
    )
    story = load_story_bytes("piece.md", data.encode())
    article = story.articles[0]
    assert article.id == "piece"
    assert article.outlet == "Example Times"
    assert article.title == "Quoted: with a colon"
    assert article.date == "2020-02-22"
    assert article.url == "https://example.org/a?b=c"
    assert article.outlet_note == "from the masthead"
    assert article.raw_text == body
    assert article.text == "Headline here\n\nFirst paragraph.\nSecond line."
    assert article.source == "piece.md"
    assert story.title == "Quoted: with a colon"
    assert story.skipped == ()


def test_front_matter_error_names_the_line():
    with pytest.raises(LoadError) as caught:
        load_story_bytes("a.txt", b"---\noutlet: X\n\njust words\n---\nBody.")
    assert (caught.value.file, caught.value.line) == ("a.txt", 4)


def test_unclosed_front_matter_is_text():
    article = load_story_bytes("a.txt", b"---\nNot metadata, a rule.\n").articles[0]
    assert article.raw_text == "---\nNot metadata, a rule.\n"
    assert article.outlet == "unknown"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short headline\n\nBody sentence.", "Short headline"),
        ("# Markdown headline\n\nBody.", "Markdown headline"),
        ("Is the truce over?\n\nBody.", "Is the truce over?"),
        ("A first sentence that ends.\n\nBody.", "story"),
        ("x" * 201 + "\n\nBody.", "story"),
        ("a hard-wrapped first line\nof the same paragraph.", "story"),
        ("0 $\n\nHeadline after a widget\n\nBody.", "Headline after a widget"),
    ],
)
def test_title_from_first_line_or_file_stem(text, title):
    assert load_story_bytes("story.txt", text.encode()).articles[0].title == title


@pytest.mark.parametrize(
    ("front", "date", "skipped"),
    [
        ("", "2020-02-22", []),  # the leading dateline is the only date
        ("date: 2020-03-01\n", "2020-03-01", []),  # the metadata wins
        ("date: 2020-03\n", "2020-03", []),
        ("date: someday\n", "", ["a.txt: date 'someday' is not understood (use YYYY-MM-DD); "
                                 "left empty"]),
    ],
)  # fmt: skip
def test_article_date(front, date, skipped):
    data = f"---\n{front}---\n date 2020-02-22 Text of the article.".encode()
    story = load_story_bytes("a.txt", data)
    assert story.articles[0].date == date
    assert [str(p) for p in story.skipped] == skipped


def test_removals_are_recorded_against_the_raw_text():
    raw = "Headline\n\nvideo\n\nBody text.\n\nOther news"
    article = load_story_bytes("a.txt", raw.encode()).articles[0]
    assert article.text == "Headline\n\nBody text."
    assert [(r.text, r.reason) for r in article.removals] == [
        ("video", "media placeholder"),
        ("Other news", "navigation link"),
    ]
    assert all(raw[r.start : r.end] == r.text for r in article.removals)


# --- HTML -------------------------------------------------------------------------------


def test_html_main_text_and_metadata_by_trafilatura(tmp_path):
    story = load_story(write(tmp_path / "page.html", PAGE))
    article = story.articles[0]
    assert article.id == "page"
    assert article.outlet == "Example News"
    assert article.outlet_note == "from the page's site name"
    assert article.title == "Ceasefire talks resume"
    assert article.date == "2020-02-21"
    assert article.url == "https://example.org/world/ceasefire"
    assert "resumed in Geneva under the supervision of the United Nations" in article.text
    assert "The café near the venue stayed closed." in article.text
    assert "\n\nDiplomats said" in article.text  # paragraphs stay apart
    for boilerplate in ("Sport", "Copyright"):
        assert boilerplate not in article.text


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


# --- folders ----------------------------------------------------------------------------


def test_story_folder_with_manifest_bulk_file_and_bad_files(tmp_path):
    folder = tmp_path / "my-story"
    write(folder / "story.json", json.dumps({
        "title": "My story",
        "description": "Two outlets.",
        "lexicons": ["loaded_language", "extra.csv", "libya"],
        "articles": [
            {"file": "b.txt", "outlet": "Manifest outlet", "outlet_note": "set by hand"},
            {"file": "gone.txt", "outlet": "Nobody"},
        ],
    }))  # fmt: skip
    write(folder / "a.md", "---\noutlet: Front\n---\nHeadline A\n\nText A.")
    write(folder / "b.txt", "---\noutlet: Front\ntitle: B title\n---\nText B.")
    write(folder / "c.csv", "id,outlet,text\nrow1,Bulk,Text C.\n")
    write(folder / "extra.csv", "term,note\nx,y\n")  # lexicons, not articles
    write(folder / "libya.csv", "term,note\nx,y\n")
    write(folder / "README.md", "How this folder was made.")
    write(folder / ".hidden.txt", "Not an article.")
    write(folder / "broken.txt", b"\x00\x01\x02" * 50)
    write(folder / "empty.txt", b"")
    write(folder / "notes.docx", b"PK")
    story = load_story(folder)
    assert story.slug == "my-story"
    assert (story.title, story.description) == ("My story", "Two outlets.")
    assert story.lexicons == ("loaded_language", "extra.csv", "libya")
    assert story.folder == str(folder)
    assert [(a.id, a.outlet, a.title, a.outlet_note) for a in story.articles] == [
        ("a", "Front", "Headline A", ""),
        ("b", "Manifest outlet", "B title", "set by hand"),
        ("row1", "Bulk", "row1", ""),
    ]
    assert [str(p) for p in story.skipped] == [
        f"{folder / 'broken.txt'}: looks like a binary file, not text",
        f"{folder / 'empty.txt'}: is empty",
        f"{folder / 'story.json'}: lists 'gone.txt', which is not in the folder",
    ]


def test_folder_without_manifest_uses_the_folder_name(tmp_path):
    write(tmp_path / "Libya Talks" / "x.txt", "Some text.")
    story = load_story(tmp_path / "Libya Talks")
    assert (story.slug, story.title, story.description, story.lexicons) == (
        "libya-talks",
        "Libya Talks",
        "",
        (),
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "has no article files"),
        ({"README.md": "Docs only."}, "has no article files"),
        ({"a.txt": b""}, "has no article that could be loaded (1 problem; first: "),
        ({"a.txt": "Text.", "story.json": "{\n  \"title\": 3\n}"}, '"title" must be a string'),
        ({"a.txt": "Text.", "story.json": "{\n  \"title\": \"x\",\n}"}, "is not valid JSON"),
        ({"a.txt": "Text.", "story.json": "[]"}, "must hold a JSON object"),
    ],
)  # fmt: skip
def test_folder_errors(files, message, tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    for name, data in files.items():
        write(folder / name, data)
    with pytest.raises(LoadError, match=message.replace("(", r"\(")) as caught:
        load_story(folder)
    assert str(caught.value).startswith(str(folder))


def test_manifest_json_error_names_its_line(tmp_path):
    write(tmp_path / "a.txt", "Text.")
    write(tmp_path / "story.json", '{\n  "title": "x",\n}')
    with pytest.raises(LoadError) as caught:
        load_story(tmp_path)
    assert (caught.value.file, caught.value.line) == (str(tmp_path / "story.json"), 3)


def test_load_story_bytes_and_load_story_agree(tmp_path):
    data = b"---\noutlet: O\n---\n date 2020-02-22 Headline\n\nvideo\n\nText."
    from_bytes = load_story_bytes("x.txt", data).articles
    from_disk = load_story(write(tmp_path / "x.txt", data)).articles
    assert [comparable(a) for a in from_bytes] == [comparable(a) for a in from_disk]


def test_list_story_folders(tmp_path):
    write(tmp_path / "b-story" / "one.txt", "Text.")
    write(tmp_path / "a-story" / "story.json", "{}")
    write(tmp_path / "c-bulk" / "rows.jsonl", '{"text": "x"}')
    write(tmp_path / "not-a-story" / "notes.docx", b"PK")
    write(tmp_path / ".hidden" / "one.txt", "Text.")
    write(tmp_path / "loose.txt", "Text.")
    assert list_story_folders(tmp_path) == [
        tmp_path / "a-story",
        tmp_path / "b-story",
        tmp_path / "c-bulk",
    ]
    assert list_story_folders(tmp_path / "missing") == []


# --- saving -----------------------------------------------------------------------------


def test_sample_story_round_trips_through_save(tmp_path):
    story = load_story(SAMPLE)
    saved = save_story(story, tmp_path / "copy")
    again = load_story(saved)
    assert [comparable(a) for a in again.articles] == [comparable(a) for a in story.articles]
    assert (again.title, again.description, again.lexicons) == (
        story.title,
        story.description,
        story.lexicons,
    )
    assert again.skipped == ()


def test_awkward_articles_round_trip(tmp_path):
    articles = (
        Article("weird/id 1", "unknown", "weird/id 1", "", "", "Body.", "Body.\r\nMore.\r\n"),
        Article("dup", 'Outlet "Q"', '"Quoted title"', "2020-02", "https://x.example/a", "",
                "---\nA rule first.\n", outlet_note="note: with colon"),
        Article("dup_", "O", "Title", "", "", "", "Text with\u00a0nbsp.", language="fr"),
    )  # fmt: skip
    story = Story("s", "Title", "Desc", articles)
    story = replace(
        story,
        articles=tuple(
            replace(a, text=load_story_bytes("t.txt", a.raw_text.encode()).articles[0].text)
            for a in articles
        ),
    )
    again = load_story(save_story(story, tmp_path / "out"))
    assert sorted(comparable(a) for a in again.articles) == sorted(
        comparable(a) for a in story.articles
    )


def test_save_overwrites_atomically_and_leaves_no_temp_files(tmp_path):
    story = load_story_bytes("a.txt", b"First version.")
    save_story(story, tmp_path)
    save_story(
        replace(
            story,
            articles=(replace(story.articles[0], raw_text="Second."),),
        ),
        tmp_path,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "story.json"]
    assert load_story(tmp_path).articles[0].raw_text == "Second."


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


# --- the sample story -------------------------------------------------------------------

SAMPLE_ARTICLES = [
    ("000_027106809507258a", "Outlet A (translated, video page)", "2020-02",
     "[Haftar sets conditions for a ceasefire; Geneva military talks resume]"),
    ("001_1772dae4bc28885f", "Outlet B (translated)", "2020-02",
     "Hafter: We are ready for cease-fire, only if Turkey, mercenaries withdraw"),
    ("002_a1013574c7223587", "Outlet C (dated 2020-02-22)", "2020-02-22",
     "[Haftar says he is ready for a ceasefire on conditions]"),
    ("003_f367c8387075aa97", "Outlet D (relays Sputnik)", "2020-01",
     "A Libyan military source reveals: For these reasons, Haftar left Moscow without "
     "signing the ceasefire"),
    ("004_fa847d10f1cc010e", "Outlet E (reader-funded)", "2020-02",
     "Field Marshal Haftar Met With Russian Defense Minister, Following Failed Inter-Libya "
     "Peace Talks"),
]  # fmt: skip


def test_sample_story_loads_with_its_metadata():
    story = load_story(SAMPLE)
    assert story.slug == "libya-ceasefire-2020"
    assert story.title == "Haftar's ceasefire conditions, January-February 2020"
    assert story.description
    assert story.lexicons == ("loaded_language", "libya")
    assert story.skipped == ()
    assert story.folder == str(SAMPLE)
    assert [(a.id, a.outlet, a.date, a.title) for a in story.articles] == SAMPLE_ARTICLES
    for article in story.articles:
        assert article.outlet_note.startswith("outlet unknown; inferred from")
        assert article.url == ""
        assert article.removals


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside this checkout")
@pytest.mark.parametrize("stem", [row[0] for row in SAMPLE_ARTICLES])
def test_sample_bodies_are_the_seed_texts_byte_for_byte(stem):
    data = (SAMPLE / f"{stem}.txt").read_bytes()
    assert data.split(b"\n---\n", 1)[1] == (SEEDS / f"{stem}.txt").read_bytes()
