"""Loaded terms: which loaded words each outlet uses, in whose voice, with the context."""

from __future__ import annotations

import streamlit as st

from framing import charts
from ui import state
from ui.page import View, render_chart, render_table, render_tabs, start_page

VOICES = {"all": None, "own voice": False, "in quotes": True}
KWIC_COLUMNS = [
    "outlet", "article_id", "context_left", "text", "context_right", "term", "category",
    "target", "valence", "in_quote", "speaker", "why", "note", "rule", "lexicon", "start", "end",
]  # fmt: skip


def render_by_outlet(view: View) -> None:
    render_chart(view, "tm_heatmap", charts.build_term_heatmap_figure, view.table("terms"))
    render_chart(
        view, "tm_density", charts.build_term_density_figure, view.table("outlets"), view.colors
    )


def _kept_multiselect(column, label: str, options: list[str], key: str) -> list[str]:
    """A filter that keeps its choice while its tab is closed."""
    return column.multiselect(
        label,
        options,
        default=state.kept(key, [], set(options)),
        key=key,
        on_change=state.keep,
        args=(key,),
    )


def render_in_context(view: View) -> None:
    terms = view.table("terms")
    loaded = terms[terms["loaded"].astype(bool)]
    a, b, c = st.columns(3)
    chosen = _kept_multiselect(a, "Terms", sorted(loaded["term"].unique()), "tm_terms")
    categories = _kept_multiselect(b, "Categories", sorted(loaded["category"].unique()), "tm_cat")
    voice = c.radio(
        "Voice",
        list(VOICES),
        index=list(VOICES).index(state.kept("tm_voice", "all", VOICES)),
        horizontal=True,
        key="tm_voice",
        on_change=state.keep,
        args=("tm_voice",),
    )
    if chosen:
        loaded = loaded[loaded["term"].isin(chosen)]
    if categories:
        loaded = loaded[loaded["category"].isin(categories)]
    if VOICES[voice] is not None:
        loaded = loaded[loaded["in_quote"].astype(bool) == VOICES[voice]]
    st.caption(
        f"{len(loaded)} hits. Neutral story labels (valence 0) are left out; they are in the "
        "download of all tables."
    )
    render_table(
        loaded[KWIC_COLUMNS],
        "loaded terms",
        "tm_kwic",
        column_config={
            "context_left": st.column_config.TextColumn("left context", width="medium"),
            "text": st.column_config.TextColumn("term in text"),
            "context_right": st.column_config.TextColumn("right context", width="medium"),
        },
    )


def render_terms(view: View) -> None:
    render_tabs(
        "tm_tab",
        {
            "By outlet": lambda: render_by_outlet(view),
            "Every hit in context": lambda: render_in_context(view),
        },
    )


render_terms(
    start_page(
        "Loaded terms",
        "Words from the loaded-language lexicon (name-calling, loaded verbs, distancing "
        "markers such as “so-called”) and story labels with a valence, counted apart in the "
        "outlet's own voice and inside quotes.",
    )
)
