"""Helpers for reading what an AppTest run shows."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SAMPLE = ROOT / "data" / "stories" / "libya-ceasefire-2020"

PAGES = [
    "overview", "labels", "terms", "side_by_side", "coverage", "sentiment", "readability",
    "distinctive", "lexicon", "methods",
]  # fmt: skip

# page -> (the key of its tabs, their labels); only the open tab is computed and drawn
TABS = {
    "overview": ("ov_tab", ["How the outlets compare", "How they frame each actor",
                            "Whom they quote", "Tables"]),
    "labels": ("lb_tab", ["Label matrix", "Labels by actor and outlet", "Every label",
                          "Actors and their names"]),
    "terms": ("tm_tab", ["By outlet", "Every hit in context"]),
    "coverage": ("cv_tab", ["By outlet", "Fact matrix", "Quotes across outlets", "Numbers",
                            "Every fact"]),
    "sentiment": ("st_tab", ["By outlet and actor", "Through each article",
                             "Sentence by sentence"]),
    "readability": ("rd_tab", ["Indices by outlet", "Sentence lengths", "Per article"]),
}  # fmt: skip


def run_fresh_app() -> AppTest:
    """The app's first run with every Streamlit cache emptied, as in a new server process
    (the disk cache stays)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"ui/views/{page}.py").run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, page: str, label: str) -> AppTest:
    """Open the tab ``label`` of ``page`` (the page shown), as a click on it does."""
    key, labels = TABS[page]
    assert label in labels, (label, labels)
    at.session_state[key] = label
    at.run()
    assert not at.exception, at.exception
    assert [t.label for t in at.tabs] == labels
    return at


def figures(at: AppTest) -> list[dict]:
    """Every plotly figure on the page, as the JSON the browser gets."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def figure(at: AppTest, title_start: str) -> dict:
    found = [f for f in figures(at) if f["layout"]["title"]["text"].startswith(title_start)]
    assert len(found) == 1, [f["layout"]["title"]["text"] for f in figures(at)]
    return found[0]


def trace_names(fig: dict) -> list[str]:
    return [t.get("name") for t in fig["data"]]


def outlet_widget(at: AppTest):
    (widget,) = [w for w in at.sidebar.multiselect if w.key.startswith("outlets:")]
    return widget


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(h.value for h in at.html)
