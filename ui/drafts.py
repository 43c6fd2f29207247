"""New stories, and changes to saved ones: a Draft in the session holds a story's articles
and metadata until it is saved, and every page analyses the story the draft makes.

The sample story is never changed. A saved story becomes a draft at its first change (an
added, edited or removed article), so that saving it again writes exactly what the user
sees; until then it is read from its folder.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from framing.analysis import DEFAULT_LEXICONS
from framing.io import LoadError, make_draft_folder
from framing.io import add_articles as add_to_story
from framing.lexicon import list_shipped_lexicons
from framing.metadata import (
    edit_article,
    fill_outlet,
    is_outlet_missing,
    load_outlet_table,
    separate_missing_outlets,
)
from framing.models import Article, Story
from framing.text import slugify
from ui import loaders, state

NEW_TITLE = "Untitled story"
_BUILT = "draft_stories"  # {story key: (signature, Story)}: the story a draft made last


def new_draft() -> str:
    """Start an empty story (its own lexicon folder, the generic lexicon) and select it;
    returns its key."""
    drafts = state.drafts()
    number = 1 + sum(state.is_new(key) for key in drafts)
    while f"{state.NEW_PREFIX}{number}" in drafts:
        number += 1
    key = f"{state.NEW_PREFIX}{number}"
    drafts[key] = state.Draft(
        title=NEW_TITLE if number == 1 else f"{NEW_TITLE} {number}",
        description="",
        articles=[],
        lexicons=list(DEFAULT_LEXICONS),
        folder=str(make_draft_folder()),
    )
    st.session_state[state.STORY] = key
    return key


def editable(key: str) -> bool:
    """Articles can be added to, edited in and removed from every story but the sample."""
    return not state.is_sample(key)


def draft_for(key: str) -> state.Draft:
    """The draft of story ``key``, made from its folder at the first change."""
    drafts = state.drafts()
    if key not in drafts:
        if not editable(key):
            raise ValueError("the sample story is not changed; start a new story")
        opened = state.opened_stories().get(key)
        story = opened or loaders.load_story_folder(key)
        # A story opened from a corpus has no folder of its own: its lexicons go into a
        # private one until it is saved, like a new story's.
        folder = str(make_draft_folder()) if opened else story.folder
        drafts[key] = state.Draft(
            title=story.title,
            description=story.description,
            articles=list(story.articles),
            lexicons=list(story.lexicons or DEFAULT_LEXICONS),
            folder=folder,
            saved_folder="" if opened else story.folder,
        )
    return drafts[key]


def _changed(draft: state.Draft) -> None:
    draft.version += 1


def outlet_table() -> dict[str, str]:
    """Domain -> outlet: the shipped table and the one in the stories folder, if any."""
    return _outlet_table(str(state.stories_dir()))


@st.cache_data(show_spinner=False, ttl=60)
def _outlet_table(folder: str) -> dict[str, str]:
    return load_outlet_table(folder)


def add_articles(key: str, articles: list[Article]) -> list[Article]:
    """Add ``articles`` to story ``key`` by load_story's rules (an id already taken gets
    "-2", "-3"; the article limit holds for the whole story, and what it leaves out is
    said); a missing outlet is filled from the web address's domain. Returns them as
    added."""
    draft = draft_for(key)
    try:
        table = outlet_table()
    except LoadError as error:
        state.notify("warning", f"The outlet table was not read: {error}")
        table = {}
    before = Story("", "", "", tuple(draft.articles))
    after = add_to_story(before, articles, "the articles added")
    for problem in after.skipped:
        state.notify("warning", str(problem))
    added = [fill_outlet(a, table) for a in after.articles[len(draft.articles) :]]
    draft.articles.extend(added)
    _changed(draft)
    return added


def remove_articles(key: str, article_ids: set[str]) -> list[Article]:
    """Remove the articles ``article_ids`` from story ``key`` (undo brings them back)."""
    draft = draft_for(key)
    removed = [(i, a) for i, a in enumerate(draft.articles) if a.id in article_ids]
    draft.articles = [a for a in draft.articles if a.id not in article_ids]
    draft.removed = removed
    _changed(draft)
    return [a for _, a in removed]


def undo_remove(key: str) -> None:
    """Put the articles removed last back where they were."""
    draft = draft_for(key)
    for index, article in draft.removed:
        draft.articles.insert(index, article)
    draft.removed = []
    _changed(draft)


def apply_table_edits(key: str, edits: dict) -> None:
    """Apply what the user did in the articles table (st.data_editor's state: rows by
    their position in the draft): ticked "remove" boxes and edited cells."""
    draft = draft_for(key)
    table = outlet_table()
    remove: set[str] = set()
    for row, changes in edits.get("edited_rows", {}).items():
        article = draft.articles[int(row)]
        if changes.get("remove"):
            remove.add(article.id)
            continue
        for field, value in changes.items():
            if field == "remove":
                continue
            try:
                article = edit_article(article, field, value, table)
            except ValueError as error:
                state.notify("error", f"{article.id}: {error}")
        draft.articles[int(row)] = article
    _changed(draft)
    if remove:
        removed = remove_articles(key, remove)
        names = ", ".join(f"“{a.title}”" for a in removed)
        state.notify("success", f"Removed {names}.")


def set_title(key: str, widget: str) -> None:
    draft_for(key).title = st.session_state[widget].strip() or NEW_TITLE


def set_description(key: str, widget: str) -> None:
    draft_for(key).description = st.session_state[widget].strip()


def _draft_story(key: str, draft: state.Draft) -> Story:
    signature = (draft.version, draft.title, draft.description, tuple(draft.lexicons))
    built = st.session_state.setdefault(_BUILT, {})
    if key in built and built[key][0] == signature:
        return built[key][1]
    story = Story(
        slug=Path(draft.saved_folder).name if draft.saved_folder else slugify(draft.title),
        title=draft.title,
        description=draft.description,
        articles=separate_missing_outlets(draft.articles),
        lexicons=tuple(draft.lexicons),
        folder=draft.folder,
    )
    built[key] = (signature, story)
    return story


def story_of(key: str) -> Story:
    """The story every page analyses: the draft's, else the folder's, an article without
    an outlet being an outlet of its own (never merged with the others)."""
    draft = state.drafts().get(key)
    if draft is not None:
        return _draft_story(key, draft)
    story = state.opened_stories().get(key) or loaders.load_story_folder(key)
    if not any(is_outlet_missing(a) for a in story.articles):
        return story
    return replace(story, articles=separate_missing_outlets(story.articles))


def story_to_save(key: str) -> Story:
    """Exactly what a save writes: the draft's articles as the user left them (missing
    outlets stay missing), its title, description and lexicons."""
    draft = draft_for(key)
    return Story(
        slug=slugify(draft.title),
        title=draft.title,
        description=draft.description,
        articles=tuple(draft.articles),
        lexicons=tuple(draft.lexicons),
        folder=draft.folder,
    )


def own_lexicon_name(key: str) -> str:
    """The lexicon of this story's own labels and actors: one in its folder, else a new
    name from its title that no shipped lexicon has."""
    draft = draft_for(key)
    for name in draft.lexicons:
        if (Path(draft.folder) / f"{name}.csv").is_file() and name not in DEFAULT_LEXICONS:
            return name
    name = slugify(draft.title, "story")
    return f"{name}-story" if name in list_shipped_lexicons() else name


def use_lexicon(key: str, name: str) -> None:
    """Score story ``key`` with lexicon ``name`` from now on (saved with the story)."""
    draft = draft_for(key)
    if name not in draft.lexicons:
        draft.lexicons.append(name)
        _changed(draft)


def forget(key: str) -> None:
    """Drop the draft of ``key`` (it was saved)."""
    state.drafts().pop(key, None)
    st.session_state.get(_BUILT, {}).pop(key, None)
