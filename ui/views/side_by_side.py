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
            st.html(html.article_html(article.text, highlights, find_quotes(article.text)))


render_side_by_side(
    start_page(
        "Side by side",
        "Read the articles next to each other. Every loaded term and label is highlighted "
        "(red = unfavourable to its target, blue = favourable); hover one to see the term, "
        "its category, its target and why it is in the lexicon. Quoted speech is in italics "
        "with a bar on the left.",
    )
)
