"""Articles: the story's title and description, and a table of its articles (outlet,
title, date, web address) to correct, with what needs a look flagged; edits and removals
change every page at once."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from framing.metadata import (
    OUTLET_DOMAINS_FILE,
    OUTLET_DOMAINS_NAME,
    OUTLET_MISSING,
    is_outlet_missing,
)
from framing.models import Article
from framing.text import count_words
from ui import drafts, html, loaders, state

FLAG_MARK = "⚠ "  # in the table's text: a sign every font has, no emoji needed
COLUMNS = ["remove", "outlet", "title", "date", "flags", "url", "outlet from", "words", "file"]


def _row(article: Article, flags: tuple[str, ...]) -> dict:
    return {
        "remove": False,
        "outlet": "" if is_outlet_missing(article) else article.outlet,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "flags": "; ".join(FLAG_MARK + f for f in flags),
        "outlet from": article.outlet_note or ("missing" if is_outlet_missing(article) else ""),
        "words": count_words(article.text),
        "file": article.source,
    }


def articles_frame(articles: list[Article] | tuple[Article, ...]) -> pd.DataFrame:
    """One row per article (index: its id) with its flags, as the table shows it."""
    flags = loaders.article_flags(tuple(articles))
    frame = pd.DataFrame(
        [_row(a, f) for a, f in zip(articles, flags, strict=True)], columns=COLUMNS
    )
    frame.index = pd.Index([a.id for a in articles], name="id")
    return frame


COLUMN_CONFIG = {
    "remove": st.column_config.CheckboxColumn(
        "remove", help="Tick to take the article out of the story (Undo brings it back)"
    ),
    "outlet": st.column_config.TextColumn(
        "outlet", help="Empty = missing: set it, or the article stays an outlet of its own"
    ),
    "title": st.column_config.TextColumn("title"),
    "date": st.column_config.TextColumn("date", help="YYYY-MM-DD, YYYY-MM or YYYY"),
    "url": st.column_config.TextColumn("web address"),
    "flags": st.column_config.TextColumn("flags", help="Why the article may need a look"),
    "outlet from": st.column_config.TextColumn("outlet from", help="Where the outlet came from"),
    "words": st.column_config.NumberColumn("words", format="%d"),
    "file": st.column_config.TextColumn("file"),
}


def _render_story_fields(key: str) -> None:
    draft = drafts.draft_for(key)
    title_key, text_key = f"{state.STORY_TITLE}:{key}", f"{state.STORY_DESCRIPTION}:{key}"
    st.text_input(
        "Story title",
        value=draft.title,
        key=title_key,
        on_change=drafts.set_title,
        args=(key, title_key),
        help="Also the suggested folder name when you save.",
    )
    st.text_area(
        "Description",
        value=draft.description,
        key=text_key,
        height=80,
        on_change=drafts.set_description,
        args=(key, text_key),
    )


def _render_summary(articles: list[Article] | tuple[Article, ...], frame: pd.DataFrame) -> None:
    missing = sum(is_outlet_missing(a) for a in articles)
    others = (
        frame["flags"]
        .str.split("; ")
        .map(lambda flags: [f for f in flags if f and not f.startswith(FLAG_MARK + OUTLET_MISSING)])
    )
    flagged = int(others.map(bool).sum())
    if missing:
        st.error(
            f"{missing} of {len(articles)} articles have no outlet (empty cells in the "
            "outlet column): type each one's outlet in the table."
        )
    if flagged:
        st.warning(
            f"{flagged} articles are flagged (see the flags column): check that each is a "
            "news article in English before you compare them; tick remove to drop one."
        )


def _render_editor(key: str) -> None:
    draft = drafts.draft_for(key) if key in state.drafts() else None
    articles = draft.articles if draft else list(loaders.load_story_folder(key).articles)
    frame = articles_frame(articles)
    _render_summary(articles, frame)
    version = draft.version if draft else 0
    widget = f"{state.ARTICLES_EDITOR}:{key}:{version}"
    st.data_editor(
        frame,
        key=widget,
        on_change=lambda: drafts.apply_table_edits(key, st.session_state[widget]),
        disabled=["flags", "outlet from", "words", "file"],
        column_config=COLUMN_CONFIG,
        hide_index=False,
        width="stretch",
    )
    if draft and draft.removed:
        names = ", ".join(f"“{a.title}”" for _, a in draft.removed)
        st.button(
            f"Undo: put back {names}",
            key=state.UNDO_REMOVE,
            on_click=drafts.undo_remove,
            args=(key,),
            icon=":material/undo:",
        )
    st.caption(
        "Outlets of articles without one come from their web address, by the outlet table "
        f"{OUTLET_DOMAINS_FILE.relative_to(state.ROOT)} (one outlet per domain; a file "
        f"{OUTLET_DOMAINS_NAME} in {state.stories_dir()} adds to it). Changes here are "
        "kept for this session; **Save story** in the sidebar writes them."
    )


def render_articles() -> None:
    selection = state.get_selection()
    key = selection.key
    st.header("Articles")
    st.caption(
        "The articles of this story: correct an outlet, a title, a date or a web address by "
        "typing in the table, or tick remove. Every page follows at once."
    )
    st.html(html.style_tag())
    if not drafts.editable(key):
        st.info("The sample story stays as it is. Press **New story** in the sidebar to make "
                "a story of your own articles.")  # fmt: skip
        st.dataframe(articles_frame(selection.story.articles).drop(columns="remove"))
        return
    if key in state.drafts():
        _render_story_fields(key)
    if not selection.story.articles:
        st.info("No articles yet: add some under **Add articles** in the sidebar.")
        return
    _render_editor(key)


render_articles()
