"""The Corpus page: a corpus grouped into stories, outlet groups, opening and saving a story,
outlet profiles; the real app, on a small corpus written to a tmp folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from apptest_helpers import open_page

from framing.io import load_story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "framing"))
from test_stories import _articles  # noqa: E402  (the golden corpus of the framing tests)

GROUPS = b"outlet,lean\nDaily Left,left\nCentre News,center\nRight Herald,right\n"


@pytest.fixture
def corpus_path(tmp_path) -> Path:
    articles = _articles()
    # The final was covered by the left-leaning outlet alone.
    articles = [a for a in articles if not (a.id.startswith("final") and a.id != "final-0")]
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(
                {"id": a.id, "outlet": a.outlet, "title": a.title, "date": a.date, "text": a.text}
            )  # fmt: skip
            for a in articles
        ),
        encoding="utf-8",
    )
    return path


def _corpus(app, path: Path):
    open_page(app, "corpus")
    app.text_input(key="corpus_path").input(str(path)).run(timeout=120)
    assert not app.exception, app.exception
    return app


def test_without_a_corpus_the_page_says_what_to_give(app):
    open_page(app, "corpus")
    assert any("Upload a corpus file" in i.value for i in app.info)


def test_a_missing_path_is_named_in_one_message(app, tmp_path):
    _corpus(app, tmp_path / "nowhere.jsonl")
    assert any("nowhere.jsonl" in e.value for e in app.error)


def test_the_corpus_is_listed_as_stories(app, corpus_path):
    _corpus(app, corpus_path)
    captions = " ".join(c.value for c in app.caption)
    assert "7 articles of 3 outlets in 3 stories" in captions
    table = app.dataframe[0].value
    assert list(table["articles"]) == [1, 3, 3]  # by first date: the final first
    assert list(table["first_date"]) == ["2021-07-11", "2021-08-10", "2021-08-14"]


def test_outlet_groups_make_one_sided_stories_stand_out(app, corpus_path):
    _corpus(app, corpus_path)
    app.file_uploader(key="corpus_groups").set_value(("groups.csv", GROUPS, "text/csv")).run()
    table = app.dataframe[0].value
    assert list(table["only_group"]) == ["left", "", ""]
    assert "1 of 3 stories were covered by one group alone" in " ".join(
        c.value for c in app.caption
    )
    app.toggle(key="corpus_one_group").set_value(True).run()
    assert list(app.dataframe[0].value["story"]) == ["s1"]


def test_a_bad_groups_file_names_itself(app, corpus_path):
    _corpus(app, corpus_path)
    app.file_uploader(key="corpus_groups").set_value(("g.csv", b"name,x\na,b\n", "text/csv"))
    app.run()
    assert any("g.csv" in e.value and "outlet" in e.value for e in app.error)


def test_search_and_pick_a_story_then_open_it_on_the_other_pages(app, corpus_path):
    _corpus(app, corpus_path)
    app.text_input(key="corpus_search").input("Haiti").run()
    assert list(app.dataframe[0].value["articles"]) == [3]
    picker = app.selectbox(key="corpus_pick")
    picker.select(picker.options[0]).run()
    articles = app.dataframe[1].value
    assert sorted(articles["article_id"]) == ["quake-0", "quake-1", "quake-2"]
    app.button(key="corpus_open").click().run(timeout=120)
    assert not app.exception, app.exception
    selection = app.session_state["selection"]
    assert sorted(a.id for a in selection.story.articles) == ["quake-0", "quake-1", "quake-2"]
    assert app.sidebar.selectbox(key="story_folder").value.startswith("corpus:")
    assert any(h.value == "Overview" for h in app.header)


def test_a_story_saves_as_a_story_folder(app, corpus_path, stories_dir):
    _corpus(app, corpus_path)
    app.text_input(key="corpus_search").input("budget").run()
    picker = app.selectbox(key="corpus_pick")
    picker.select(picker.options[0]).run()
    app.button(key="corpus_save").click().run()
    saved = [p for p in stories_dir.iterdir() if p.is_dir()]
    assert len(saved) == 1 and any("Saved 3 articles" in s.value for s in app.success)
    story = load_story(saved[0])
    assert sorted(a.id for a in story.articles) == ["budget-0", "budget-1", "budget-2"]


def test_outlet_profiles_from_the_story_analyses(app, corpus_path):
    _corpus(app, corpus_path)
    app.session_state["corpus_tab"] = "Outlet profiles"
    app.run()
    app.button(key="profile_go").click().run(timeout=300)
    assert not app.exception, app.exception
    captions = " ".join(c.value for c in app.caption)
    assert "Made from 2 stories, 6 articles" in captions and "per 1,000 articles" in captions
    labels = app.dataframe[0].value
    assert {"outlet", "actor", "label", "uses", "stories"} <= set(labels.columns)
    app.session_state["pf_tab"] = "Loaded language over time"
    app.run()
    assert not app.exception, app.exception
