"""The Lexicon page on a copy of the sample story: edits are validated, saved atomically as
the story's own copy (never over the shipped file), and change the scores at once."""

from __future__ import annotations

import pytest
from apptest_helpers import open_page, open_tab

from framing.lexicon import SHIPPED_DIR

PROBLEM_COLUMNS = ["row", "field", "problem"]
NEW_TERM = "term,ceasefire,cease-fire,loaded_noun,,,-1,test row: not a real loaded term\n"


@pytest.fixture
def lexicon_page(story_copy, app):
    app.sidebar.selectbox(key="story_folder").select(str(story_copy)).run()
    return open_page(app, "lexicon")


def _csv_editor(at, name):
    at.radio(key=f"lx_mode_{name}").set_value("CSV text").run()
    (area,) = [a for a in at.text_area if a.key.startswith(f"lx_text_{name}_")]
    return area


def test_view_filters_rows(lexicon_page):
    at = lexicon_page
    everything = len(at.dataframe[0].value)
    at.text_input(key="lx_search_loaded_language").input("warlord").run()
    found = at.dataframe[0].value
    assert 0 < len(found) < everything
    assert found["text"].str.contains("warlord", case=False).any()
    assert "row" in found.columns  # CSV line numbers, as validation reports them


def test_invalid_edit_is_not_saved_and_the_text_is_kept(lexicon_page, story_copy):
    at = lexicon_page
    area = _csv_editor(at, "loaded_language")
    typed = area.value + "term,zzzz,,loaded_verb,,,9,valence out of range\n"
    area.input(typed)
    at.button(key="lx_save_loaded_language").click().run()
    assert not at.exception
    assert any("Not saved" in e.value for e in at.error)
    (problems,) = [d.value for d in at.dataframe if list(d.value.columns) == PROBLEM_COLUMNS]
    assert problems["field"].tolist() == ["valence"]
    assert problems["row"].tolist() == [typed.count("\n")]
    assert not (story_copy / "loaded_language.csv").exists()
    assert _csv_editor(at, "loaded_language").value == typed


def test_valid_edit_of_a_shipped_lexicon_is_saved_as_a_story_copy(lexicon_page, story_copy):
    at = lexicon_page
    shipped = (SHIPPED_DIR / "loaded_language.csv").read_text(encoding="utf-8")
    area = _csv_editor(at, "loaded_language")
    area.input(area.value + NEW_TERM)
    at.button(key="lx_save_loaded_language").click().run()
    assert not at.exception and not at.error
    copy = story_copy / "loaded_language.csv"
    assert copy.read_text(encoding="utf-8").endswith(NEW_TERM)
    assert (SHIPPED_DIR / "loaded_language.csv").read_text(encoding="utf-8") == shipped
    open_tab(open_page(at, "terms"), "terms", "Every hit in context")
    assert "ceasefire" in at.dataframe[0].value["term"].tolist()  # scored at once


def test_promoting_a_discovered_label_gives_it_a_valence(lexicon_page, story_copy):
    at = open_tab(open_page(lexicon_page, "labels"), "labels", "Every label")
    unknown_before = (~at.dataframe[-1].value["known"].astype(bool)).sum()
    assert unknown_before > 0
    open_page(at, "lexicon")
    at.select_slider(key="lx_promote_valence").set_value(-1)
    at.text_input(key="lx_promote_note").input("test: a label promoted by the app test")
    (go,) = [b for b in at.button if b.key == "lx_promote_go"]
    target = go.label.removeprefix("Add to lexicon ")
    go.click().run()
    assert not at.exception and not at.error
    saved = (story_copy / f"{target}.csv").read_text(encoding="utf-8")
    assert saved.rstrip().endswith("test: a label promoted by the app test")
    open_tab(open_page(at, "labels"), "labels", "Every label")
    unknown_after = (~at.dataframe[-1].value["known"].astype(bool)).sum()
    assert unknown_after < unknown_before


def test_an_upload_that_is_not_utf8_csv_is_refused(lexicon_page, story_copy):
    at = lexicon_page
    at.file_uploader(key="lx_upload_loaded_language").upload(
        "lexicon.csv", "kind,text\n".encode("utf-16"), "text/csv"
    ).run()
    at.button(key="lx_up_go_loaded_language").click().run()
    assert not at.exception
    assert any("Not saved" in e.value for e in at.error)
    assert not (story_copy / "loaded_language.csv").exists()
