"""The sidebar on the real app: uploads (good, bad, partly bad), pasted text, saving a
story (it is there after a restart; overwriting asks first)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from apptest_helpers import APP, figure, open_page, open_tab, outlet_widget, run_fresh_app
from streamlit.testing.v1 import AppTest

from framing.io import MAX_ARTICLES_ENV, SUPPORTED_SUFFIXES, load_story
from ui import state

ARTICLE = (
    "---\noutlet: Test Gazette\ntitle: Haftar rejects talks\n---\n"
    "The warlord Khalifa Haftar slammed the so-called government in Tripoli on Monday. "
    "\u201cWe will not sign,\u201d Haftar said.\n"
).encode()


def _uploader(at):
    (widget,) = [w for w in at.sidebar.file_uploader if w.key.startswith("upload:")]
    return widget


def state_story(at):
    """The story every page analyses (the sidebar's Selection)."""
    return at.session_state[state.SELECTION].story


def _story_choice(at):
    return at.sidebar.selectbox(key="story_folder")


def test_the_uploader_takes_every_format_the_loader_reads(app):
    """One table of formats: a file the loader reads (e.g. .ndjson) can be uploaded."""
    uploader = _uploader(app)
    assert sorted(uploader.proto.type) == sorted(SUPPORTED_SUFFIXES)
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in uploader.help


def test_an_ndjson_upload_joins_the_story(app):
    row = b'{"outlet": "Line Post", "title": "T", "text": "Haftar spoke in Benghazi."}\n'
    _uploader(app).upload("rows.ndjson", row, "application/x-ndjson").run()
    assert not app.exception and not app.error
    assert "Line Post" in outlet_widget(app).value


def test_uploaded_article_joins_the_story_and_every_chart(app):
    _uploader(app).upload("gazette.md", ARTICLE, "text/markdown").run()
    assert not app.exception and not app.error
    assert "Test Gazette" in outlet_widget(app).value
    fig = figure(app, "How the outlets compare")
    assert all("Test Gazette" in trace["y"] for trace in fig["data"])
    open_tab(open_page(app, "terms"), "terms", "Every hit in context")
    assert "Test Gazette" in app.dataframe[0].value["outlet"].tolist()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"   \n", "empty.txt"),
        ("table.csv", b"outlet,title\nX,no text column\n", "table.csv"),
        ("broken.parquet", b"not parquet at all", "broken.parquet"),
    ],
)
def test_a_bad_file_shows_an_error_naming_it_and_the_rest_keeps_working(app, name, data, message):
    uploader = _uploader(app)
    uploader.upload(name, data, "application/octet-stream")
    uploader.upload("gazette.md", ARTICLE, "text/markdown").run()
    assert not app.exception
    errors = [e.value for e in app.sidebar.error]
    assert len(errors) == 1 and message in errors[0], errors
    assert "Test Gazette" in outlet_widget(app).value


def test_skipped_rows_of_a_bulk_file_are_counted(app):
    csv = (
        b"outlet,title,text\nGood Post,One,Haftar spoke in Benghazi on Monday.\nBad Post,Two,\n"
        b'Stray Post,Three,"a quote left open\nLost Post,Four,Haftar left Moscow.\n'
    )
    _uploader(app).upload("bulk.csv", csv, "text/csv").run()
    assert not app.exception
    (warning,) = [w.value for w in app.sidebar.warning]
    assert warning.startswith("bulk.csv: 3 rows read, 2 skipped (lines 3, 4), 1 article made")
    assert "bulk.csv:4: row 3: the quote that opens a cell on line 4 is never closed" in warning
    assert "Good Post" in outlet_widget(app).value


def test_a_clean_upload_says_how_many_rows_it_read(app):
    csv = b"outlet,title,text\nGood Post,One,Haftar spoke in Benghazi on Monday.\n"
    _uploader(app).upload("bulk.csv", csv, "text/csv").run()
    captions = [c.value for c in app.sidebar.caption]
    assert "bulk.csv: 1 row read, 0 skipped, 1 article made" in captions, captions
    assert not app.sidebar.warning


def test_the_article_limit_holds_across_several_uploads_at_once(stories_dir, monkeypatch):
    monkeypatch.setenv(MAX_ARTICLES_ENV, "7")
    app = run_fresh_app()  # the sample story: 5 articles
    uploader = _uploader(app)
    for name in ("one.csv", "two.csv"):  # each under the limit, together over it
        rows = "".join(f"{name} {i},T,Haftar spoke in Benghazi.\n" for i in range(2))
        uploader.upload(name, f"outlet,title,text\n{rows}".encode(), "text/csv")
    uploader.run()
    assert not app.exception
    assert len(state_story(app).articles) == 7
    (warning,) = [w.value for w in app.sidebar.warning]
    assert "only the first 7 articles were loaded and the other 2 skipped" in warning
    assert MAX_ARTICLES_ENV in warning


def test_pasted_article_is_added_with_its_outlet(app):
    app.sidebar.text_area(key="paste_text").input("Haftar met Shoigu in Moscow on Monday.")
    app.sidebar.text_input(key="paste_outlet").input("Paste Daily")
    app.sidebar.text_input(key="paste_title").input("A meeting")
    app.sidebar.button(key="paste_add").click().run()
    assert not app.exception
    assert "Paste Daily" in outlet_widget(app).value
    assert any("A meeting" in s.value for s in app.sidebar.success)


def test_paste_without_text_says_so(app):
    app.sidebar.button(key="paste_add").click().run()
    assert any("Paste the article text" in e.value for e in app.sidebar.error)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "http://127.0.0.1:8501/", "http://169.254.169.254/latest"]
)
def test_fetch_refuses_local_addresses_with_a_message(app, url):
    app.sidebar.text_input(key="fetch_url").input(url)
    app.sidebar.button(key="fetch_go").click().run()
    assert not app.exception
    (error,) = [e.value for e in app.sidebar.error]
    assert url in error


def _save(at, name):
    at.sidebar.text_input(key="save_name").input(name)
    at.sidebar.button(key="save_go").click().run()
    assert not at.exception


def test_saved_story_is_there_after_a_restart(app, stories_dir):
    _uploader(app).upload("gazette.md", ARTICLE, "text/markdown").run()
    _save(app, "Libya with Gazette")
    folder = stories_dir / "libya-with-gazette"
    saved = load_story(folder)
    assert len(saved.articles) == 6
    assert "Test Gazette" in {a.outlet for a in saved.articles}
    manifest = json.loads((folder / "story.json").read_text())
    assert manifest["lexicons"] == ["loaded_language", "libya"]
    assert Path(_story_choice(app).value) == folder.resolve()

    st.cache_data.clear()
    restarted = AppTest.from_file(APP, default_timeout=60).run()
    assert "libya-with-gazette (saved)" in _story_choice(restarted).options
    _story_choice(restarted).select(str(folder.resolve())).run()
    assert not restarted.exception
    assert "Test Gazette" in outlet_widget(restarted).value


def test_saving_over_an_existing_folder_asks_first(app, stories_dir):
    _save(app, "copy")
    assert (stories_dir / "copy" / "story.json").is_file()
    _uploader(app).upload("gazette.md", ARTICLE, "text/markdown").run()
    _save(app, "copy")
    assert any("already exists" in w.value for w in app.sidebar.warning)
    assert len(load_story(stories_dir / "copy").articles) == 5  # nothing written yet
    app.sidebar.button(key="save_cancel").click().run()
    assert not any("already exists" in w.value for w in app.sidebar.warning)

    _save(app, "copy")
    app.sidebar.button(key="save_confirm").click().run()
    assert not app.exception
    assert any("Saved 6 articles" in s.value for s in app.sidebar.success)
    assert len(load_story(stories_dir / "copy").articles) == 6


def test_a_link_can_name_the_story_to_open(story_copy):
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["story"] = story_copy.name
    at.run()
    assert not at.exception
    assert Path(_story_choice(at).value) == story_copy


def test_a_story_saved_elsewhere_takes_its_own_lexicon_along(story_copy, app, stories_dir):
    """Even a lexicon with a mistake in it travels with the story, in the same atomic save:
    a saved story never lacks a lexicon its story.json names."""
    lexicon = story_copy / "mine.csv"
    lexicon.write_text(
        "kind,text,forms,category,actor,camp,valence,note\nterm,bad,,hedge,,,9,out of range\n",
        encoding="utf-8",
    )
    manifest = json.loads((story_copy / "story.json").read_text(encoding="utf-8"))
    manifest["lexicons"].append("mine")
    (story_copy / "story.json").write_text(json.dumps(manifest), encoding="utf-8")
    _story_choice(app).select(str(story_copy)).run()
    _save(app, "moved")
    moved = stories_dir / "moved"
    assert (moved / "mine.csv").read_bytes() == lexicon.read_bytes()
    assert json.loads((moved / "story.json").read_text(encoding="utf-8"))["lexicons"][-1] == "mine"
    assert len(load_story(moved).articles) == 5
