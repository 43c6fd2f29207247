"""Side by side: 2-4 articles in columns, every hit highlighted, hover says why."""

from __future__ import annotations

import math
from html import escape

import pandas as pd
import streamlit as st

from framing.text import find_quotes
from ui import html
from ui.page import View, start_page

MAX_COLUMNS = 4


def _default_articles(articles: pd.DataFrame) -> list[str]:
    """The first article of each outlet, up to three of them."""
    return articles.drop_duplicates("outlet")["article_id"].head(3).tolist()


def _summary(row: pd.Series) -> str:
    def fmt(value: float, pattern: str) -> str:
        return "–" if pd.isna(value) or math.isinf(value) else pattern % value

    return (
        f"{row['words']} words · loaded {fmt(row['loaded_per_100w'], '%.2f')}/100 words · "
        f"sentiment {fmt(row['sentiment_mean'], '%+.2f')} · "
        f"grade {fmt(row['flesch_kincaid_grade'], '%.1f')}"
    )


def _fact_markers(sentences: pd.DataFrame, chosen: list[str], names: dict[str, str]) -> dict:
    """Article id -> {offset: marker HTML} for the sentences of facts that two or more of
    the ``chosen`` articles report: numbered in reading order, each linking to the same
    fact in the next column that has it."""
    rows = sentences[sentences["article_id"].isin(chosen)]
    shared = rows.groupby("fact")["article_id"].nunique()
    rows = rows[rows["fact"].isin(shared[shared > 1].index)]
    order = {a: i for i, a in enumerate(chosen)}
    rows = rows.assign(column=rows["article_id"].map(order)).sort_values(["column", "start"])
    numbers = {fact: str(i + 1) for i, fact in enumerate(dict.fromkeys(rows["fact"]))}
    first = rows.drop_duplicates(["fact", "article_id"])
    anchors = {(r.fact, r.article_id): f"fact-{r.fact}-{r.start}" for r in first.itertuples()}
    markers: dict[str, dict[int, str]] = {a: {} for a in chosen}
    for row in rows.itertuples():
        columns = sorted(first[first["fact"] == row.fact]["article_id"], key=order.get)
        nxt = columns[(columns.index(row.article_id) + 1) % len(columns)]
        also = "; ".join(names[a] for a in columns if a != row.article_id)
        markers[row.article_id][int(row.start)] = html.fact_marker_html(
            numbers[row.fact],
            f"Fact {row.fact}, also reported in: {also} (click: the same fact there)",
            f"fact-{row.fact}-{row.start}",
            anchors[(row.fact, nxt)],
        )
    return markers


def render_side_by_side(view: View) -> None:
    articles = view.table("articles")
    if articles.empty:
        st.info("No articles for the outlets shown.")
        return
    labels = {
        row.article_id: f"{row.outlet} — {row.title or row.article_id}"
        for row in articles.itertuples()
    }
    chosen = st.multiselect(
        "Articles (2 to 4)",
        list(labels),
        default=_default_articles(articles),
        format_func=labels.get,
        max_selections=MAX_COLUMNS,
        key="sbs_articles",
    )
    if not chosen:
        st.info("Choose at least one article.")
        return
    st.html(html.legend_html())
    by_id = {a.id: a for a in view.analysis.story.articles}
    terms, found = view.table("terms"), view.table("labels")
    # Lexicon labels already come highlighted as terms; show the others (discovered ones).
    found = found[~found["known"].astype(bool)]
    info = articles.set_index("article_id")
    names = {a: by_id[a].outlet for a in chosen}
    markers = _fact_markers(view.table("fact_sentences"), chosen, names)
    for column, article_id in zip(st.columns(len(chosen)), chosen, strict=True):
        article = by_id[article_id]
        highlights = [
            *html.term_highlights(terms[terms["article_id"] == article_id], view.actor_names),
            *html.label_highlights(found[found["article_id"] == article_id]),
        ]
        color = view.colors.get(article.outlet, "#999")
        details = " · ".join(filter(None, [article.date, _summary(info.loc[article_id])]))
        with column:
            st.html(
                f'<div class="slant" style="border-top:4px solid {color};padding-top:4px">'
                f"<b>{html.swatch(color)}{escape(article.outlet)}</b><br>"
                f"<b>{escape(article.title or article.id)}</b><br>"
                f'<span class="muted">{escape(details)}</span></div>'
            )
            st.html(
                html.article_html(
                    article.text, highlights, find_quotes(article.text), markers[article_id]
                )
            )


render_side_by_side(
    start_page(
        "Side by side",
        "Read the articles next to each other. Every loaded term and label is highlighted "
        "(red = unfavourable to its target, blue = favourable); hover one to see the term, "
        "its category, its target and why it is in the lexicon. Quoted speech is in italics "
        "with a bar on the left. A numbered mark before a sentence means another column "
        "reports the same fact; click it to jump there, and see all facts on the Coverage "
        "page.",
    )
)
