"""A story of the user's own, piece by piece on the real app: three plain text files and a
web page go into a new story (outlets from the page or its web address, missing ones said
and kept apart), the articles table's edits and removals, scores from the generic lexicon
and the story's own only, a promoted label creating the story's lexicon and its actor,
and the save of it all."""

from __future__ import annotations

import json
from pathlib import Path

from apptest_helpers import ROOT, open_page, open_tab, outlet_widget
from streamlit.testing.v1 import AppTest
from test_app_sidebar import new_story

from framing.io import load_story
from framing.lexicon import load_lexicon

FILES = ROOT / "tests" / "data" / "new_story"
NAMES = ["harbour-vote-1.txt", "harbour-vote-2.txt", "harbour-vote-3.txt", "harbour-vote-4.html"]


def upload_files(at: AppTest) -> AppTest:
    (uploader,) = [w for w in at.sidebar.file_uploader if w.key.startswith("upload:")]
    for name in NAMES:
        uploader.upload(name, (FILES / name).read_bytes(), "text/plain")
    uploader.run()
    assert not at.exception
    return at


def test_uploads_get_outlets_from_their_page_and_missing_ones_are_said_and_kept_apart(app):
    at = upload_files(new_story(app))
    assert any("Added 4 articles" in s.value for s in at.sidebar.success)
    assert outlet_widget(at).value == [
        "The New York Times",
        "unknown (harbour-vote-1)",
        "unknown (harbour-vote-2)",
        "unknown (harbour-vote-3)",
    ]
    (warning,) = [w.value for w in at.sidebar.warning if "without an outlet" in w.value]
    assert "3 articles without an outlet" in warning
    open_page(at, "articles")
    table = at.dataframe[0].value  # the data editor, as the browser gets it
    assert table["outlet"].tolist() == ["", "", "", "The New York Times"]
    html = table.loc["harbour-vote-4"]
    assert html["date"] == "2024-05-14" and html["url"].startswith("https://www.nytimes.com/")
    assert "nytimes.com" in html["outlet from"]
    assert all("outlet missing" in f for f in table["flags"].iloc[:3])
    assert any("3 of 4 articles have no outlet" in e.value for e in at.error)


def _apply_edits_script():
    """Runs as the app's script: a new story of the four files, then the edits the test
    puts in session state, as the articles table's on_change hands them over."""
    from pathlib import Path

    import streamlit as st

    from framing.io import load_story_bytes
    from ui import drafts, state

    if state.DRAFTS not in st.session_state:
        key = drafts.new_draft()
        folder = Path(st.session_state["files"])
        articles = [
            load_story_bytes(name, (folder / name).read_bytes()).articles[0]
            for name in st.session_state["names"]
        ]
        drafts.add_articles(key, articles)
    key = st.session_state[state.STORY]
    edits = st.session_state.pop("edits", None)
    if edits == "undo":
        drafts.undo_remove(key)
    elif edits:
        drafts.apply_table_edits(key, edits)
    story = drafts.story_of(key)
    st.json({"outlets": [a.outlet for a in story.articles], "ids": [a.id for a in story.articles]})
    for kind, message in st.session_state.pop(state.NOTICE, []):
        st.error(message) if kind == "error" else st.success(message)


def _run_edits(at: AppTest, edits) -> dict:
    at.session_state["edits"] = edits
    at.run()
    assert not at.exception, at.exception
    return json.loads(at.json[0].value)


def test_table_edits_set_outlets_correct_metadata_and_remove_with_undo(stories_dir):
    at = AppTest.from_function(_apply_edits_script, default_timeout=60)
    at.session_state["files"] = str(FILES)
    at.session_state["names"] = NAMES
    at.run()
    shown = _run_edits(
        at,
        {
            "edited_rows": {
                0: {"outlet": "Harbour Herald"},
                1: {"outlet": "City Tribune", "date": "14 May 2024"},
                2: {"outlet": "Quay Weekly", "date": "next week"},
            }
        },
    )
    assert shown["outlets"] == [
        "Harbour Herald",
        "City Tribune",
        "Quay Weekly",
        "The New York Times",
    ]
    assert any("next week" in e.value and "not understood" in e.value for e in at.error)
    from ui import state

    draft = next(iter(at.session_state[state.DRAFTS].values()))
    assert draft.articles[1].date == "2024-05-14"
    assert draft.articles[0].outlet_note == "set by hand in the articles table"
    shown = _run_edits(at, {"edited_rows": {2: {"remove": True}}})
    assert shown["ids"] == ["harbour-vote-1", "harbour-vote-2", "harbour-vote-4"]
    assert any("Removed" in s.value for s in at.success)
    shown = _run_edits(at, "undo")
    assert shown["ids"] == [Path(n).stem for n in NAMES]


def test_a_new_story_is_scored_with_the_generic_lexicon_and_its_own_only(app):
    at = upload_files(new_story(app))
    open_page(at, "lexicon")
    assert at.selectbox(key="lx_name").options == ["loaded_language"]
    open_tab(open_page(at, "terms"), "terms", "Every hit in context")
    hits = at.dataframe[0].value
    # Lexicon hits come from the generic lexicon; the rest from Slant's built-in rules.
    assert set(hits[hits["rule"] == "lexicon"]["lexicon"]) == {"loaded_language"}
    assert set(hits[hits["rule"] != "lexicon"]["lexicon"]) <= {"rules"}


def _promote(at: AppTest, entity_name: str, valence: int) -> tuple[str, str]:
    """Promote the first discovered label of ``entity_name``; (lexicon, label)."""
    open_page(at, "lexicon")
    promote = at.selectbox(key="lx_promote_label")
    choice = next(i for i, o in enumerate(promote.options) if f"for {entity_name} (" in o)
    promote.select_index(choice).run()
    label = promote.options[choice].split("”")[0].removeprefix("“")
    at.select_slider(key="lx_promote_valence").set_value(valence)
    at.text_input(key="lx_promote_note").input("test: how the story's outlets name her")
    (go,) = [b for b in at.button if b.key == "lx_promote_go"]
    target = go.label.removeprefix("Add to lexicon ")
    go.click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return target, label


def test_promoting_a_label_creates_the_storys_lexicon_with_its_actor(app, stories_dir):
    at = upload_files(new_story(app))
    open_tab(open_page(at, "labels"), "labels", "Every label")
    before = at.dataframe[-1].value
    target, label = _promote(at, "Dana Whitfield", -1)
    assert target == "untitled-story"
    assert not before[before["label"] == label]["known"].any()

    open_tab(open_page(at, "labels"), "labels", "Every label")
    after = at.dataframe[-1].value
    promoted = after[after["label"] == label]
    assert promoted["known"].all() and set(promoted["valence"]) == {-1}
    open_tab(open_page(at, "terms"), "terms", "Every hit in context")
    assert target in set(at.dataframe[0].value["lexicon"])

    at.sidebar.button(key="save_go").click().run()
    folder = stories_dir / "untitled-story"
    lexicon = load_lexicon(target, [folder])
    (actor,) = lexicon.actors
    assert actor.name == "Dana Whitfield" and "Whitfield" in actor.aliases
    (label,) = lexicon.entries
    assert label.valence == -1 and label.actor == actor.id
    manifest = json.loads((folder / "story.json").read_text())
    assert manifest["lexicons"] == ["loaded_language", target]
    assert len(load_story(folder).articles) == 4
