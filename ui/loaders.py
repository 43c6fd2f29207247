"""The only place that caches. Caches are keyed on CONTENTS (story texts, lexicon entries,
uploaded bytes), so a new lexicon row or an added article re-analyses, and a filter
change (applied to the tables after analysis) does not.

Stories and analyses are cached as resources (shared, not copied): copying a 300-article
analysis out of st.cache_data costs about a second on every rerun. Stories are frozen, and
no caller modifies an analysis table in place (filters and charts build new frames).

Behind the in-process caches, parsed story folders and analysis tables are also kept on
disk (framing.io's disk cache, $SLANT_CACHE_DIR), so that a restarted server opens a story
it has analysed before without re-reading or re-analysing it."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import threading
import weakref
import zipfile
from pathlib import Path

import streamlit as st

from framing.analysis import (
    TABLE_NAMES,
    StoryAnalysis,
    analyze_story,
    find_story_lexicon_files,
    load_resources,
    load_story_lexicon,
)
from framing.io import (
    cache_dir,
    code_fingerprint,
    digest_story_folder,
    has_cached_tables,
    load_cached_story,
    load_cached_tables,
    load_corpus,
    load_corpus_bytes,
    load_story,
    load_story_bytes,
    save_cached_story,
    save_cached_tables,
)
from framing.lexicon import LexiconError
from framing.metadata import find_article_flags, load_language_model
from framing.models import Article, Lexicon, Story
from framing.provenance import PROVENANCE_COLUMN, add_provenance, build_provenance
from framing.reading import Progress, Reading, read_texts
from framing.stories import StoryGrouping, group_articles
from framing.stories.profiles import find_profile_rows

# A new server loads the parser's model and the scoring dictionaries (about a second) while
# the first page is still importing and drawing, instead of when it asks for an analysis.
threading.Thread(target=load_resources, name="slant-load-resources", daemon=True).start()
# Likewise the language model that flags articles on the Articles page.
threading.Thread(target=load_language_model, name="slant-load-langid", daemon=True).start()

# Digests of the articles seen in this process: a story of 2,000 articles is keyed on every
# rerun, and its articles are the same (cached) objects each time.
_ARTICLE_DIGESTS: weakref.WeakKeyDictionary[Article, bytes] = weakref.WeakKeyDictionary()


def _digest_article(article: Article) -> bytes:
    digest = _ARTICLE_DIGESTS.get(article)
    if digest is None:
        # Field by field, texts encoded as they are: three times faster than a repr, which
        # escapes every character of two long texts.
        sha = hashlib.sha256()
        for field in dataclasses.fields(article):
            value = getattr(article, field.name)
            data = (value if isinstance(value, str) else repr(value)).encode(
                "utf-8", "surrogatepass"
            )
            sha.update(len(data).to_bytes(8, "little"))
            sha.update(data)
        digest = _ARTICLE_DIGESTS[article] = sha.digest()
    return digest


# Flags of the articles seen in this process (language detection is ~1 ms an article).
_ARTICLE_FLAGS: weakref.WeakKeyDictionary[Article, tuple[str, ...]] = weakref.WeakKeyDictionary()


def article_flags(articles: tuple[Article, ...]) -> list[tuple[str, ...]]:
    """framing.metadata.find_article_flags of each article, computed once per article."""
    flags = []
    for article in articles:
        found = _ARTICLE_FLAGS.get(article)
        if found is None:
            found = _ARTICLE_FLAGS[article] = find_article_flags(article)
        flags.append(found)
    return flags


def content_key(*parts: object) -> str:
    """A digest of the records' contents (frozen dataclasses have a faithful repr)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# Keys of the (story, lexicon) pairs seen in this process, by identity: the cached story
# and lexicon are the same objects on every rerun, and keying 2,000 articles again would
# cost ~30 ms per click.
_ANALYSIS_KEYS: dict[tuple[int, int], tuple[weakref.ref, weakref.ref, str]] = {}


def analysis_key(story: Story, lexicon: Lexicon) -> str:
    """A digest of the story's and the lexicon's contents and of the code that analyses
    them (frozen dataclasses have a faithful repr)."""
    known = _ANALYSIS_KEYS.get((id(story), id(lexicon)))
    if known is not None and known[0]() is story and known[1]() is lexicon:
        return known[2]
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(repr(dataclasses.replace(story, articles=())).encode("utf-8", "surrogatepass"))
    for article in story.articles:
        digest.update(_digest_article(article))
    digest.update(repr(lexicon).encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()
    for ident, (story_ref, lexicon_ref, _) in list(_ANALYSIS_KEYS.items()):
        if story_ref() is None or lexicon_ref() is None:
            del _ANALYSIS_KEYS[ident]
    _ANALYSIS_KEYS[(id(story), id(lexicon))] = (weakref.ref(story), weakref.ref(lexicon), key)
    return key


def _stat_signature(stats: list[tuple[str, os.stat_result]]) -> str:
    """Names, sizes and modification times of some files as one short digest (that
    Streamlit's cache then hashes cheaply)."""
    digest = hashlib.sha256()
    for name, stat in sorted(stats, key=lambda pair: pair[0]):
        digest.update(
            f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass")
        )
    return digest.hexdigest()


def _folder_signature(folder: Path) -> str:
    """The signature of the folder's files (checked on every rerun: one stat per file)."""
    with os.scandir(folder) as entries:  # DirEntry.stat() is cached: one call per file
        return _stat_signature([(entry.name, entry.stat()) for entry in entries])


@st.cache_resource(show_spinner=False, max_entries=32)
def _load_story(folder: str, signature: str) -> Story:
    disk = cache_dir()
    if disk is None:
        return load_story(folder)
    key = digest_story_folder(folder)
    story = load_cached_story(disk, key)
    if story is None:
        story = load_story(folder)
        save_cached_story(disk, key, story)
    return story


def load_story_folder(folder: str | Path) -> Story:
    """The story in ``folder``, re-read when a file in it changes (size or mtime)."""
    return _load_story(str(folder), _folder_signature(Path(folder)))


@st.cache_resource(show_spinner=False, max_entries=64)
def load_upload(name: str, data: bytes) -> Story:
    """Articles from an uploaded file; raises framing.io.LoadError (not cached)."""
    return load_story_bytes(name, data)


@st.cache_resource(show_spinner=False, max_entries=16)
def _load_lexicon(names: tuple[str, ...], folder: str, signature: str, _story: Story) -> Lexicon:
    return load_story_lexicon(_story)


def load_lexicon(story: Story) -> Lexicon:
    """The lexicons the story names, its own folder searched first; parsed again when one
    of their files changes (size or mtime), so an edit on the Lexicon page, which replaces
    the file, takes effect at once."""
    try:
        signature = _stat_signature([(str(p), p.stat()) for p in find_story_lexicon_files(story)])
    except (LexiconError, OSError):
        return load_story_lexicon(story)  # raises the error that names every problem
    return _load_lexicon(story.lexicons, story.folder, signature, story)


@st.cache_resource(show_spinner=False)
def _analysed() -> set[str]:
    """Analysis keys made in this process: their analysis is in memory (or was: an evicted
    one is analysed again, its readings then from the disk cache). A cache resource, so
    that clearing Streamlit's caches forgets it too."""
    return set()


def is_analysed(key: str) -> bool:
    """Whether the analysis under ``key`` is at hand without reading the articles: in this
    process or in the disk cache."""
    if key in _analysed():
        return True
    disk = cache_dir()
    return disk is not None and has_cached_tables(disk, key)


def read_story(story: Story, progress: Progress) -> list[Reading]:
    """The reading of every article (parsed in worker processes, or from the disk cache),
    ``progress(done, total)`` called as articles are read. Not cached here: the readings
    are on disk, and the analysis made from them is cached in memory."""
    return read_texts([article.text for article in story.articles], progress=progress)


@st.cache_resource(show_spinner=False, max_entries=4)
def _analyze(
    key: str, _story: Story, _lexicon: Lexicon, _readings: list[Reading] | None
) -> StoryAnalysis:
    _analysed().add(key)
    disk = cache_dir()
    tables = load_cached_tables(disk, key, TABLE_NAMES) if disk is not None else None
    if tables is not None:
        return StoryAnalysis(story=_story, lexicon=_lexicon, **tables)
    analysis = analyze_story(_story, _lexicon, readings=_readings)
    if disk is not None:
        save_cached_tables(disk, key, analysis.tables())
    return analysis


def analyze(
    key: str, story: Story, lexicon: Lexicon, readings: list[Reading] | None = None
) -> StoryAnalysis:
    """``analyze_story``, cached in this process and on disk under ``key``, which must be
    ``analysis_key(story, lexicon)``; ``readings``: the articles' readings when at hand."""
    return _analyze(key, story, lexicon, readings)


@st.cache_data(show_spinner=False, max_entries=8)
def _tables_zip(key: str, _analysis: StoryAnalysis) -> bytes:
    provenance = {
        **build_provenance(_analysis.lexicon),
        "story": _analysis.story.slug,
        "tables": list(_analysis.tables()),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, table in _analysis.tables().items():
            made_by = add_provenance(table, provenance[PROVENANCE_COLUMN])
            archive.writestr(f"{name}.csv", made_by.to_csv(index=False))
        archive.writestr("provenance.json", json.dumps(provenance, indent=2) + "\n")
    return buffer.getvalue()


def tables_zip(key: str, analysis: StoryAnalysis) -> bytes:
    """Every table of the analysis (``key``: its analysis_key) as CSV files in one zip,
    each saying what made it in a last column, and provenance.json (framing.provenance)."""
    return _tables_zip(key, analysis)


# --- corpora (the Corpus page) -------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_corpus_upload(name: str, digest: str, _data: bytes) -> Story:
    return load_corpus_bytes(name, _data)


def load_corpus_upload(name: str, data: bytes) -> Story:
    """Every article of an uploaded corpus file (no article limit); raises LoadError."""
    return _load_corpus_upload(name, hashlib.sha256(data).hexdigest(), data)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_corpus_path(path: str, signature: str) -> Story:
    return load_corpus(path)


def load_corpus_path(path: str | Path) -> Story:
    """Every article of a corpus file (or folder) on this machine, re-read when it changes;
    raises LoadError (or OSError for a path that is not there)."""
    path = Path(path)
    stats = [(str(path), path.stat())] if path.is_file() else []
    signature = _stat_signature(stats) if stats else _folder_signature(path)
    return _load_corpus_path(str(path), signature)


def corpus_key(corpus: Story) -> str:
    """A digest of the corpus's articles (what its grouping depends on)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for article in corpus.articles:
        digest.update(_digest_article(article))
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def group_corpus(key: str, _corpus: Story) -> StoryGrouping:
    """The corpus grouped into stories (framing.stories.group_articles), under ``key``
    (corpus_key)."""
    return group_articles(_corpus.articles)


@st.cache_resource(show_spinner=False, max_entries=4)
def _articles_by_id(key: str, _corpus: Story) -> dict[str, Article]:
    return {article.id: article for article in _corpus.articles}


@st.cache_resource(show_spinner=False, max_entries=4)
def _members(key: str, _grouping: StoryGrouping) -> dict[str, list[str]]:
    frame = _grouping.articles
    return {str(s): list(ids) for s, ids in frame.groupby("story", sort=False)["article_id"]}


def corpus_story(
    key: str, corpus: Story, grouping: StoryGrouping, story_id: str, slug: str
) -> Story:
    """One story of the corpus under ``key`` as a Story the other pages open."""
    articles = _articles_by_id(key, corpus)
    row = grouping.stories.loc[grouping.stories["story"] == story_id].iloc[0]
    members = tuple(articles[i] for i in _members(key, grouping)[story_id])
    return Story(slug, str(row["story_name"]), f"Story {story_id} of {corpus.title}", members)


def corpus_article(key: str, corpus: Story, article_id: str) -> Article:
    """The article ``article_id`` of the corpus under ``key``."""
    return _articles_by_id(key, corpus)[article_id]


@st.cache_resource(show_spinner=False, max_entries=20_000)
def _profile_rows(analysis_key: str, story_id: str, _analysis: StoryAnalysis) -> dict:
    return find_profile_rows(story_id, _analysis)


def profile_rows(story_id: str, story: Story, readings: list[Reading] | None) -> dict:
    """The outlet-profile rows of one corpus story (framing.stories.profiles), from its
    analysis with the default lexicon (cached in memory and on disk like every analysis)."""
    lexicon = load_lexicon(story)
    key = analysis_key(story, lexicon)
    return _profile_rows(key, story_id, analyze(key, story, lexicon, readings))
