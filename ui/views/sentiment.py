"""Sentiment: per outlet, per actor, and sentence by sentence through each article."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from framing import charts
from ui import state
from ui.page import View, build_shared, render_chart, render_table, render_tabs, start_page

ARC_DEFAULT = 12  # more lines than this make the arc chart unreadable
ARC_KEY = "st_arc_articles"


def _build_arc_figure(
    sentences: pd.DataFrame, chosen: tuple[str, ...], colors: dict[str, str], titles: dict
) -> go.Figure:
    shown = sentences[sentences["article_id"].isin(chosen)]
    return charts.build_sentiment_arc_figure(shown, colors, titles)


def _extremes(sentences: pd.DataFrame, n: int = 10) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``n`` most negative sentences (most negative first) and the ``n`` most positive
    (most positive first); ties in story order."""
    columns = ["text", "compound", "outlet", "in_quote", "actors", "article_id", "index"]
    ranked = sentences.sort_values("compound", kind="stable")[columns]
    return ranked.head(n), ranked.tail(n).iloc[::-1]


def render_by_outlet(view: View) -> None:
    outlets, actors = view.table("outlets"), view.table("actor_sentiment")
    render_chart(view, "st_outlets", charts.build_sentiment_outlet_figure, outlets, view.colors)
    render_chart(view, "st_actors", charts.build_actor_sentiment_figure, actors, view.colors)


def render_arc(view: View) -> None:
    sentences = view.table("sentences")
    titles = view.titles
    ids = sentences["article_id"].unique().tolist()  # in story order
    chosen = st.multiselect(
        "Articles in the arc",
        ids,
        default=state.kept(ARC_KEY, ids[:ARC_DEFAULT], set(ids)),
        format_func=lambda a: f"{titles.get(a, a)} ({a})",
        key=ARC_KEY,
        on_change=state.keep,
        args=(ARC_KEY,),
    )
    render_chart(
        view, "st_arc", _build_arc_figure, sentences, tuple(chosen), view.colors, titles,
        depends_on=tuple(chosen),
    )  # fmt: skip


def render_sentences(view: View) -> None:
    sentences = view.table("sentences")
    st.subheader("The most negative and most positive sentences")
    negative, positive = build_shared(view, "st_extremes", _extremes, sentences)
    wide_text = {"text": st.column_config.TextColumn("sentence", width="large")}
    st.markdown("##### Most negative (most negative first)")
    render_table(negative, "most negative sentences", "st_negative", column_config=wide_text)
    st.markdown("##### Most positive (most positive first)")
    render_table(positive, "most positive sentences", "st_positive", column_config=wide_text)
    st.subheader("Every sentence")
    render_table(sentences, "sentences", "st_sentences")


def render_sentiment(view: View) -> None:
    render_tabs(
        "st_tab",
        {
            "By outlet and actor": lambda: render_by_outlet(view),
            "Through each article": lambda: render_arc(view),
            "Sentence by sentence": lambda: render_sentences(view),
        },
    )


render_sentiment(
    start_page(
        "Sentiment",
        "VADER's compound score of every sentence (−1 very negative … +1 very positive; "
        "between −0.05 and +0.05 counts as neutral). It measures the tone of the words, "
        "including quoted ones, not the outlet's stance.",
    )
)
