"""Session-state keys shared by the sidebar and the pages, their defaults, and where
stories live."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import streamlit as st

from framing.models import Article, Story

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ROOT = ROOT / "data" / "stories"
SAMPLE_SLUG = "libya-ceasefire-2020"
STORIES_DIR_ENV = "SLANT_STORIES_DIR"

T = TypeVar("T")

# Widget keys (kept here so that tests and pages name the same widgets).
STORY = "story_folder"
NEW_STORY = "new_story"
OUTLETS = "outlets"  # prefix; the widget key also carries the story and its outlets
UPLOAD = "upload"  # prefix; one uploader per story and per batch of files taken in
UPLOAD_VERSION = "upload_version"  # bumped when files were taken in: the uploader empties
PASTE_TEXT = "paste_text"
PASTE_OUTLET = "paste_outlet"
PASTE_TITLE = "paste_title"
PASTE_ADD = "paste_add"
FETCH_URL = "fetch_url"
FETCH_GO = "fetch_go"
SAVE_NAME = "save_name"  # prefix; the widget key also carries the story and its title
SAVE_GO = "save_go"
SAVE_CONFIRM = "save_confirm"
SAVE_CANCEL = "save_cancel"

STORY_TITLE = "story_title"  # prefix, with the story's key
STORY_DESCRIPTION = "story_description"  # prefix, with the story's key
ARTICLES_EDITOR = "articles_editor"  # prefix, with the story's key and the draft's version
UNDO_REMOVE = "undo_remove"
CORPUS_UPLOAD = "corpus_upload"
CORPUS_PATH = "corpus_path"
CORPUS_GROUPS = "corpus_groups"
CORPUS_ONE_GROUP = "corpus_one_group"
CORPUS_MIN_OUTLETS = "corpus_min_outlets"
CORPUS_SEARCH = "corpus_search"
CORPUS_PICK = "corpus_pick"
CORPUS_OPEN = "corpus_open"
CORPUS_SAVE = "corpus_save"
PROFILE_GO = "profile_go"
PROFILE_PERIOD = "profile_period"
PROFILE_ACTOR = "profile_actor"

# Plain state (not widgets).
DRAFTS = "drafts"  # {story key: Draft} new stories, and saved ones changed in this session
NEW_PREFIX = "new:"  # the key of a new story: "new:1", "new:2", ...
HIDDEN = "hidden_outlets"  # {story folder: {outlet, ...}} the user chose not to show
PENDING_SAVE = "pending_save"  # folder waiting for the user to confirm an overwrite
NOTICE = "notice"  # one-shot messages shown after a rerun, e.g. "Saved to ..."
SELECTION = "selection"
KEPT = "kept"  # {widget key: the value the user last gave that widget}
OPENED = "opened_stories"  # {CORPUS_PREFIX + slug: Story} corpus stories opened in the pages
PROFILES = "profiles"  # {corpus key: OutletProfiles} made on the Corpus page
CORPUS_PREFIX = "corpus:"  # story picker values of opened corpus stories
MADE_BY = "made_by"  # what made the tables of the page shown (framing.provenance)


@dataclass
class Draft:
    """A story being put together or changed in this session: the source of truth for its
    articles and metadata until it is saved. ``folder`` holds its own lexicons (a private
    temporary folder for a new story, the story's folder for a saved one)."""

    title: str
    description: str
    articles: list[Article]
    lexicons: list[str]
    folder: str
    saved_folder: str = ""  # the story folder it was opened from, "" for a new story
    removed: list[tuple[int, Article]] = field(default_factory=list)  # for "Undo"
    version: int = 0  # bumped when the articles change, to redraw the table from them


@dataclass(frozen=True)
class Selection:
    """What the sidebar chose: the story (with added articles) and the outlets to show."""

    story: Story
    outlets: tuple[str, ...]  # shown, in the order of all_outlets
    all_outlets: tuple[str, ...]  # every outlet of the story, sorted
    key: str = ""  # the story's key: its folder, or NEW_PREFIX + number for a new story


def stories_dir() -> Path:
    """Where "Save story" writes: $SLANT_STORIES_DIR, else the bundled data/stories."""
    return Path(os.environ.get(STORIES_DIR_ENV) or SAMPLE_ROOT)


def drafts() -> dict[str, Draft]:
    """The drafts of this session by story key (a folder, or NEW_PREFIX + number)."""
    return st.session_state.setdefault(DRAFTS, {})


def is_new(key: str) -> bool:
    """Whether ``key`` names a new story (not saved yet)."""
    return key.startswith(NEW_PREFIX)


def is_sample(key: str) -> bool:
    """Whether ``key`` is the bundled sample story, which is never changed."""
    return not is_new(key) and Path(key).resolve() == (SAMPLE_ROOT / SAMPLE_SLUG).resolve()


def notify(kind: str, message: str) -> None:
    """A message ("success", "warning" or "error") shown in the sidebar on the next run."""
    st.session_state.setdefault(NOTICE, []).append((kind, message))


def hidden_outlets(folder: str) -> set[str]:
    """Outlets of the story at ``folder`` that the user has filtered out."""
    return st.session_state.setdefault(HIDDEN, {}).setdefault(folder, set())


def opened_stories() -> dict[str, Story]:
    """Stories of a corpus opened from the Corpus page, by their story picker value."""
    return st.session_state.setdefault(OPENED, {})


def open_story(story: Story) -> str:
    """Make ``story`` (a corpus story) the sidebar's story; returns its picker value."""
    value = CORPUS_PREFIX + story.slug
    opened_stories()[value] = story
    st.session_state[STORY] = value
    return value


def set_selection(selection: Selection) -> None:
    st.session_state[SELECTION] = selection


def get_selection() -> Selection:
    """The Selection the sidebar made in this run (the sidebar runs before every page)."""
    return st.session_state[SELECTION]


def kept(key: str, default: T, options: Collection) -> T:
    """The value the user last gave the widget ``key`` (see ``keep``), else ``default``.

    Streamlit forgets a widget it did not draw, e.g. one in a closed tab: give this as the
    widget's default and ``keep`` as its on_change, and the choice comes back with the tab.
    Items no longer among ``options`` (another story, outlets hidden) are dropped; when none
    is left of a choice, ``default`` is used.
    """
    if key not in st.session_state.get(KEPT, {}):
        return default
    value = st.session_state[KEPT][key]
    if isinstance(value, list):
        left = [item for item in value if item in options]
        return left if left or not value else default
    return value if value in options else default


def keep(key: str) -> None:
    """on_change of a widget whose value ``kept`` gives back."""
    value = st.session_state[key]
    st.session_state.setdefault(KEPT, {})[key] = list(value) if isinstance(value, list) else value
