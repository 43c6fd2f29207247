"""What every page starts with (title, the analysis of the selected story, outlet filter)
and the helpers every page draws tables and charts with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from framing.analysis import StoryAnalysis
from framing.charts import outlet_colors
from framing.lexicon import LexiconError
from framing.provenance import add_provenance, describe_provenance
from ui import html, loaders, state

T = TypeVar("T")
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


@dataclass(frozen=True)
class View:
    """The analysis of the whole story, and the outlets the user chose to see."""

    analysis: StoryAnalysis
    outlets: tuple[str, ...]
    colors: dict[str, str]  # over ALL outlets of the story, so filtering never recolours
    key: str  # the analysis's content key (story, lexicon, code)

    def table(self, name: str) -> pd.DataFrame:
        """A table of the analysis restricted to the outlets shown."""
        frame = getattr(self.analysis, name)
        if "outlet" not in frame.columns or len(self.outlets) == len(self.colors):
            return frame
        return frame[frame["outlet"].isin(self.outlets)]

    @property
    def actor_names(self) -> dict[str, str]:
        return {a.id: a.name for a in self.analysis.lexicon.actors}

    @property
    def titles(self) -> dict[str, str]:
        return {a.id: a.title for a in self.analysis.story.articles}


def start_page(title: str, intro: str, needs_lexicon: bool = True) -> View | None:
    """Title and intro of a page, then the (cached) analysis of the selected story.

    When the story's lexicons do not load, the error is shown and the page stops, unless
    ``needs_lexicon`` is False (the Lexicon page, where it gets fixed): then None.
    """
    selection = state.get_selection()
    st.header(title)
    st.caption(intro)
    st.html(html.style_tag())
    story = selection.story
    st.session_state[state.MADE_BY] = describe_provenance(None)
    try:
        lexicon = loaders.load_lexicon(story)
    except LexiconError as error:
        st.error(f"The story's lexicons could not be loaded: {error}")
        if not needs_lexicon:
            return None
        st.page_link("ui/views/lexicon.py", label="Fix it on the Lexicon page")
        st.stop()
    st.session_state[state.MADE_BY] = describe_provenance(lexicon)
    key = loaders.analysis_key(story, lexicon)
    readings = None
    total = len(story.articles)
    if not loaders.is_analysed(key):
        bar = st.progress(0.0, text=f"Reading {total:,} articles…")

        def progress(done: int, total: int) -> None:
            bar.progress(
                done / total if total else 1.0, text=f"Read {done:,} of {total:,} articles"
            )

        readings = loaders.read_story(story, progress)
        bar.empty()
    with st.spinner(f"Analysing {total:,} articles…"):
        analysis = loaders.analyze(key, story, lexicon, readings)
    st.sidebar.download_button(
        "Download all tables (zip of CSV)",
        data=lambda: loaders.tables_zip(key, analysis),
        file_name=f"{story.slug or 'story'}-slant-tables.zip",
        mime="application/zip",
        key="download_all",
        on_click="ignore",
    )
    return View(analysis, selection.outlets, outlet_colors(selection.all_outlets), key)


@st.cache_resource(show_spinner=False, max_entries=256)
def _shared(key: tuple, _build: Callable[..., T], _args: tuple) -> T:
    return _build(*_args)


def build_shared(
    view: View, key: str, build: Callable[..., T], *args: object, depends_on: tuple = ()
) -> T:
    """``build(*args)``, built once per analysis, outlets shown and ``depends_on`` (every
    other input, e.g. a slider's value), then shared between reruns and sessions: ``args``
    must come from the view alone, and nobody may modify the result. A page switch then
    costs no rebuilding of figures, tables or HTML."""
    return _shared((view.key, view.outlets, key, depends_on), build, args)


def render_chart(
    view: View, key: str, build: Callable[..., go.Figure], *args: object, depends_on: tuple = ()
) -> None:
    """Draw ``build(*args)``, built once (see build_shared)."""
    figure = build_shared(view, key, build, *args, depends_on=depends_on)
    st.plotly_chart(figure, key=key, config=PLOTLY_CONFIG)


def render_tabs(key: str, sections: dict[str, Callable[[], None]]) -> None:
    """``sections`` (tab label -> what draws it) as tabs of which only the open one is
    computed and sent: a page switch draws the first tab, not every chart of the page."""
    tabs = st.tabs(list(sections), key=key, on_change="rerun")
    for tab, render in zip(tabs, sections.values(), strict=True):
        if tab.open:
            with tab:
                render()


def render_table(frame: pd.DataFrame, name: str, key: str, **dataframe_args) -> None:
    """A table with a CSV download of all of it under it (the file is built on click),
    saying what made it in a last column (framing.provenance).

    Long tables are lazy: a story of 2,000 articles has ~100,000 sentences, megabytes a page
    switch would wait for, so the browser gets the rows in view and asks the server for the
    rest as the user scrolls; sorting a column sorts every row on the server.
    """
    st.dataframe(frame, key=f"{key}_table", hide_index=True, lazy=True, **dataframe_args)
    made_by = st.session_state.get(state.MADE_BY) or describe_provenance(None)
    st.download_button(
        f"Download {name} as CSV",
        data=lambda: add_provenance(frame, made_by).to_csv(index=False),
        file_name=f"{name.replace(' ', '_')}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
    )
