"""The disk cache of the dashboard.

It keeps parsed stories and analysis tables, so that a restart does not re-read and
re-analyse a story of thousands of articles. Entries are folders of Parquet files named by
a content key (a hex digest that includes code_fingerprint()); they are only ever created
whole, by renaming a finished temporary folder. Nothing here raises: a cache that cannot
be read or written is a cache miss.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import astuple, fields
from pathlib import Path

import pandas as pd

from framing.io.formats import SUPPORTED_SUFFIXES
from framing.io.limits import max_article_chars, max_articles, read_limit
from framing.io.stories import MANIFEST
from framing.models import Article, LoadProblem, Removal, Story
from framing.provenance import find_library_versions

CACHE_DIR_ENV = "SLANT_CACHE_DIR"
CACHE_MAX_MB_ENV = "SLANT_CACHE_MAX_MB"
CACHE_MAX_MB = 2_048
_KEY = re.compile(r"[0-9a-f]{16,128}")
_STALE_TEMP_SECONDS = 3600


def cache_dir() -> Path | None:
    """The disk cache folder: $SLANT_CACHE_DIR when set (set but empty: no disk cache),
    else $XDG_CACHE_HOME/slant, else ~/.cache/slant."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "slant"


@functools.cache
def code_fingerprint() -> str:
    """A digest of the framing package's source files and lexicons and of the scoring
    libraries' versions: a cache entry made by other code never matches."""
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]  # framing/
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.csv")]):
        digest.update(path.relative_to(package).as_posix().encode())
        _update_sized(digest, path.read_bytes())
    for name, version in find_library_versions().items():
        digest.update(f"{name}={version};".encode())
    return digest.hexdigest()


def digest_story_folder(folder: str | Path) -> str:
    """A digest of everything ``load_story(folder)`` depends on: the folder's path, the
    names and bytes of the files it may read, the article limits and the code."""
    folder = Path(folder).resolve()
    digest = hashlib.sha256(code_fingerprint().encode())
    _update_sized(digest, str(folder).encode("utf-8", "surrogateescape"))
    digest.update(f"{max_articles()};{max_article_chars()};".encode())
    for path in sorted(folder.iterdir()):
        readable = path.suffix.lower() in SUPPORTED_SUFFIXES or path.name == MANIFEST
        if readable and path.is_file() and not path.name.startswith("."):
            _update_sized(digest, path.name.encode("utf-8", "surrogateescape"))
            _update_sized(digest, path.read_bytes())
    return digest.hexdigest()


def _update_sized(digest: hashlib._Hash, data: bytes) -> None:
    """Length-prefixed, so that no two different sequences of parts hash alike."""
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)


def save_cached_tables(root: str | Path, key: str, tables: Mapping[str, pd.DataFrame]) -> bool:
    """Store ``tables`` under ``key`` (a hex digest) in the cache folder ``root``, then trim
    the cache to $SLANT_CACHE_MAX_MB by dropping the least recently used entries. True when
    the entry is there afterwards; False when the disk refused (the caller goes on)."""
    root = Path(root)
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a cache key: {key!r}")
    entry = root / key
    if entry.is_dir():
        return True
    try:
        root.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=root))
    except OSError:
        return False
    try:
        for name, frame in tables.items():
            frame.to_parquet(temp / f"{name}.parquet")
        os.rename(temp, entry)
    except Exception:  # a full disk, a lone surrogate pyarrow cannot encode, a race
        shutil.rmtree(temp, ignore_errors=True)
        return entry.is_dir()
    _trim_cache(root, keep=entry)
    return True


def has_cached_tables(root: str | Path, key: str) -> bool:
    """Whether the cache folder ``root`` holds an entry under ``key`` (it may still turn
    out damaged when loaded)."""
    return bool(_KEY.fullmatch(key)) and (Path(root) / key).is_dir()


def load_cached_tables(
    root: str | Path, key: str, names: Iterable[str]
) -> dict[str, pd.DataFrame] | None:
    """The tables ``save_cached_tables`` stored under ``key``, or None when there is no
    such entry or it cannot be read (a damaged entry is removed)."""
    entry = Path(root) / key
    if not _KEY.fullmatch(key) or not entry.is_dir():
        return None
    try:
        tables = {name: pd.read_parquet(entry / f"{name}.parquet") for name in names}
        os.utime(entry)  # recently used: trimmed last
    except Exception:  # a truncated file, a missing table, a permission change
        shutil.rmtree(entry, ignore_errors=True)
        return None
    return tables


def _trim_cache(root: Path, keep: Path) -> None:
    """Drop the least recently used entries (table folders and reading files) until the
    cache holds at most $SLANT_CACHE_MAX_MB; and temporary files a killed save left."""
    limit = read_limit(CACHE_MAX_MB_ENV, CACHE_MAX_MB) * 2**20
    entries = []
    now = time.time()
    readings = root / READINGS_DIR
    paths = [p for p in root.iterdir() if p != readings]
    if readings.is_dir():
        paths.extend(readings.iterdir())
    for path in paths:
        try:
            stat = path.stat()
            if path.name.startswith("."):
                if now - stat.st_mtime > _STALE_TEMP_SECONDS:  # left by a killed save
                    _remove_entry(path)
                continue
            size = sum(f.stat().st_size for f in path.iterdir()) if path.is_dir() else stat.st_size
        except OSError:
            continue
        entries.append((stat.st_mtime, size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        if path != keep:
            _remove_entry(path)
            total -= size


def _remove_entry(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


# Readings (framing.reading) are one file each, in their own folder of the cache, keyed by
# their text and model: they outlive a change of Slant's code, unlike the tables.
READINGS_DIR = "readings"
READING_SUFFIX = ".spacy"


def save_cached_reading(root: str | Path, key: str, data: bytes) -> bool:
    """Store a serialised parse under ``key`` (a hex digest) as one file, written whole
    or not at all; see ``save_cached_tables`` for trimming. True when it is there."""
    root = Path(root)
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a cache key: {key!r}")
    entry = root / READINGS_DIR / f"{key}{READING_SUFFIX}"
    if entry.is_file():
        return True
    temp = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # No fsync: an entry lost or cut short by a crash is only a cache miss.
        fd, temp = tempfile.mkstemp(prefix=f".{key}.", dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, entry)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        return entry.is_file()
    _trim_cache(root, keep=entry)
    return True


def load_cached_reading(root: str | Path, key: str) -> bytes | None:
    """The bytes ``save_cached_reading`` stored under ``key``, or None."""
    if not _KEY.fullmatch(key):
        return None
    entry = Path(root) / READINGS_DIR / f"{key}{READING_SUFFIX}"
    try:
        data = entry.read_bytes()
        os.utime(entry)
    except OSError:
        return None
    return data


def save_cached_story(root: str | Path, key: str, story: Story) -> bool:
    """Store a parsed story (articles, removals, skipped inputs) in the cache; see
    ``save_cached_tables``."""
    articles = pd.DataFrame(
        [
            {
                **article.__dict__,
                "removals": json.dumps([list(astuple(r)) for r in article.removals]),
            }
            for article in story.articles
        ],
        columns=[f.name for f in fields(Article)],
        dtype=object,  # pyarrow, not pandas, refuses what it cannot store (see above)
    )
    meta = {
        "slug": story.slug,
        "title": story.title,
        "description": story.description,
        "lexicons": json.dumps(list(story.lexicons)),
        "skipped": json.dumps([list(astuple(p)) for p in story.skipped]),
        "folder": story.folder,
    }
    story_table = pd.DataFrame([meta], dtype=object)
    return save_cached_tables(root, key, {"articles": articles, "story": story_table})


def load_cached_story(root: str | Path, key: str) -> Story | None:
    """The story ``save_cached_story`` stored under ``key``, or None."""
    tables = load_cached_tables(root, key, ("articles", "story"))
    if tables is None:
        return None
    try:
        meta = tables["story"].iloc[0]
        articles = tuple(
            Article(**{**row, "removals": tuple(Removal(*r) for r in json.loads(row["removals"]))})
            for row in tables["articles"].to_dict("records")
        )
        return Story(
            slug=meta["slug"],
            title=meta["title"],
            description=meta["description"],
            articles=articles,
            lexicons=tuple(json.loads(meta["lexicons"])),
            skipped=tuple(LoadProblem(*p) for p in json.loads(meta["skipped"])),
            folder=meta["folder"],
        )
    except (KeyError, IndexError, TypeError, ValueError):  # a damaged entry
        shutil.rmtree(Path(root) / key, ignore_errors=True)
        return None
