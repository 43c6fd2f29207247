"""Story folders: loading, listing, saving; the sample story."""

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from io_helpers import comparable, write

from framing.io import (
    MAX_ARTICLES_ENV,
    LoadError,
    add_articles,
    list_story_folders,
    load_story,
    load_story_bytes,
    save_story,
)
from framing.models import Article, Story

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "data" / "stories" / "libya-ceasefire-2020"
SEEDS = Path(os.environ.get("SLANT_SHARED_DIR") or ROOT.parent / "shared") / "seeds"


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


# --- adding articles to a story --------------------------------------------------------


def _articles(*ids):
    return tuple(Article(i, "X", i, "", "", f"Text {i}.", f"Text {i}.") for i in ids)


def test_added_articles_get_unique_ids_after_the_story_own():
    story = Story("s", "S", "", _articles("a", "b"))
    added = add_articles(story, list(_articles("a", "c", "a")))
    assert [a.id for a in added.articles] == ["a", "b", "a-2", "c", "a-3"]
    assert added.skipped == () and add_articles(story, []) is story


def test_the_article_limit_counts_the_story_with_what_is_added(monkeypatch):
    monkeypatch.setenv(MAX_ARTICLES_ENV, "3")
    story = Story("s", "S", "", _articles("a", "b"))
    added = add_articles(story, list(_articles("c", "d", "e")), "the uploads")
    assert [a.id for a in added.articles] == ["a", "b", "c"]
    (problem,) = added.skipped
    assert problem.file == "the uploads" and problem.skipped == 2
    assert "first 3 articles" in problem.message and MAX_ARTICLES_ENV in problem.message
