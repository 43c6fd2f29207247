"""The only place that caches. Caches are keyed on CONTENTS (story texts, lexicon entries,
uploaded bytes), so a new lexicon row or an added article re-analyses, and a filter
change (applied to the tables after analysis) does not.

Stories and analyses are cached as resources (shared, not copied): copying a 300-article
analysis out of st.cache_data costs about a second on every rerun. Stories are frozen, and
no caller modifies an analysis table in place (filters and charts build new frames)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import streamlit as st

from framing.analysis import StoryAnalysis, analyze_story, load_story_lexicon
from framing.io import load_story, load_story_bytes
from framing.models import Lexicon, Story

TABLES = (
    "articles",
    "outlets",
    "terms",
    "labels",
    "label_table",
    "mentions",
    "sentences",
    "actor_framing",
    "actor_sentiment",
    "voices",
    "distinctive",
    "cleaning",
)


def content_key(*parts: object) -> str:
    """A digest of the records' contents (frozen dataclasses have a faithful repr)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _folder_signature(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()))


@st.cache_resource(show_spinner=False, max_entries=32)
def _load_story(folder: str, signature: tuple) -> Story:
    return load_story(folder)


def load_story_folder(folder: str | Path) -> Story:
    """The story in ``folder``, re-read when a file in it changes (size or mtime)."""
    return _load_story(str(folder), _folder_signature(Path(folder)))


@st.cache_resource(show_spinner=False, max_entries=64)
def load_upload(name: str, data: bytes) -> Story:
    """Articles from an uploaded file; raises framing.io.LoadError (not cached)."""
    return load_story_bytes(name, data)


def load_lexicon(story: Story) -> Lexicon:
    """The lexicons the story names, its own folder searched first. Not cached: the files
    are small and an edit on the Lexicon page must take effect at once."""
    return load_story_lexicon(story)


@st.cache_resource(show_spinner=False, max_entries=4)
def _analyze(key: str, _story: Story, _lexicon: Lexicon) -> StoryAnalysis:
    return analyze_story(_story, _lexicon)


def analyze(story: Story, lexicon: Lexicon) -> StoryAnalysis:
    """``analyze_story``, cached on the contents of the story and the lexicon."""
    return _analyze(content_key(story, lexicon), story, lexicon)


@st.cache_data(show_spinner=False, max_entries=8)
def _tables_zip(key: str, _analysis: StoryAnalysis) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in TABLES:
            archive.writestr(f"{name}.csv", getattr(_analysis, name).to_csv(index=False))
    return buffer.getvalue()


def tables_zip(analysis: StoryAnalysis) -> bytes:
    """Every table of the analysis as CSV files in one zip."""
    return _tables_zip(content_key(analysis.story, analysis.lexicon), analysis)
