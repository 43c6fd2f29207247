"""Story folders (article files and story.json) and single files: load, list and save."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from framing.io import atomic
from framing.io.articles import Entry, articles_from_entries, metadata, unique_name
from framing.io.decoding import read_bytes, read_json_object
from framing.io.errors import LoadError
from framing.io.formats import SUPPORTED_SUFFIXES, parse_file
from framing.io.limits import max_articles, over_article_limit
from framing.io.texts import front_matter
from framing.models import Article, LoadProblem, Story
from framing.text import slugify

MANIFEST = "story.json"


def load_story(path: str | Path) -> Story:
    """Load a story folder, a bulk file (.csv, .jsonl/.ndjson, .parquet) or one text file
    (.txt, .md, .html, .htm; it becomes a one-article story). Raises LoadError when nothing
    can be loaded; inputs that fail inside a folder or bulk file go to ``Story.skipped``."""
    path = Path(path)
    if path.is_dir():
        return _load_folder(path)
    return load_story_bytes(str(path), read_bytes(path))


def load_story_bytes(name: str, data: bytes) -> Story:
    """Load one in-memory file (an upload) by the same rules as ``load_story``; ``name`` is
    the file name: its extension picks the parser and messages quote it."""
    entries, problems = parse_file(name, data)
    articles, build_problems = articles_from_entries(entries, name, max_articles())
    problems.extend(build_problems)
    if not articles:
        raise LoadError.nothing_loaded(name, problems)
    stem = Path(name).stem
    title = articles[0].title if len(articles) == 1 else stem
    return Story(slugify(stem, "story"), title, "", tuple(articles), skipped=tuple(problems))


def add_articles(story: Story, extra: Sequence[Article], name: str = "added articles") -> Story:
    """``story`` with ``extra`` articles after its own, by ``load_story``'s rules: an id
    already taken gets a suffix ("-2", "-3"); past the article limit (``max_articles()``,
    counted over the whole story) the rest are left out, and ``skipped`` says so, naming
    them ``name``."""
    if not extra:
        return story
    limit = max_articles()
    room = max(0, limit - len(story.articles))
    used = {a.id for a in story.articles}
    added = []
    for article in extra[:room]:
        article_id = unique_name(article.id, used)
        used.add(article_id)
        added.append(replace(article, id=article_id))
    skipped = story.skipped
    if len(extra) > room:
        skipped += (over_article_limit(name, limit, len(extra) - room),)
    return replace(story, articles=story.articles + tuple(added), skipped=skipped)


def save_story(story: Story, folder: str | Path, copies: Iterable[str | Path] = ()) -> Path:
    """Write ``story`` as a story folder: one ``<id>.txt`` per article (front matter, then
    the raw text unchanged) and ``story.json``. ``load_story`` on the folder gives back the
    same ids, metadata, raw and cleaned text. ``copies`` are files copied into the folder
    with the story, under their own names: the story's own lexicons when it is saved
    somewhere else.

    Saving over an existing folder replaces its article files and manifest (and the files
    ``copies`` name); its other files (lexicons, notes, sub-folders) are kept. The update
    is atomic as a whole, copies included: the new folder is written and fsynced next to
    the old one, then the two are swapped in one rename, so a crash or an error at any
    moment leaves either the old story or the new one, never a mix (at worst a hidden
    ``.<name>.saving-*`` folder is left over)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise LoadError(folder, "exists and is not a folder; choose another name")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.saving-", dir=folder.parent))
    try:
        _write_story_files(story, staging)
        _write_copies(copies, staging)
        if folder.is_dir():
            _keep_other_files(folder, staging, story.lexicons)
        atomic.fsync_dir(staging)
        atomic.swap_in(staging, folder)
    finally:
        # After the swap the staging name holds the old folder (or nothing).
        shutil.rmtree(staging, ignore_errors=True)
    atomic.fsync_dir(folder.parent)
    return folder


def _write_story_files(story: Story, folder: Path) -> None:
    used: set[str] = set()
    for article in story.articles:
        stem = unique_name(_safe_stem(article.id), used)
        used.add(stem)
        text = front_matter(article, stem) + article.raw_text
        atomic.write_durable(folder / f"{stem}.txt", text.encode("utf-8"))
    manifest = {
        "title": story.title,
        "description": story.description,
        "lexicons": list(story.lexicons),
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    atomic.write_durable(folder / MANIFEST, text.encode("utf-8"))


def _write_copies(copies: Iterable[str | Path], folder: Path) -> None:
    for source in map(Path, copies):
        data = read_bytes(source)
        try:
            atomic.write_durable(folder / source.name, data)
        except FileExistsError:
            raise LoadError(
                source, "cannot be saved with the story: the story has a file of that name"
            ) from None


def _keep_other_files(old: Path, new: Path, lexicons: Iterable[str]) -> None:
    """Hard-link (or copy) into ``new`` what of ``old`` is not the story itself: every
    entry but the manifest and the article files (a lexicon either manifest names is not
    an article file)."""
    names = set(lexicons) | set(_read_manifest_lexicons(old))
    articles = {p.name for p in _article_files(old, exclude=_lexicon_files(names))}
    for path in old.iterdir():
        if path.name in articles or path.name == MANIFEST or (new / path.name).exists():
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, new / path.name, symlinks=True, copy_function=atomic.link_or_copy)
        else:
            atomic.link_or_copy(path, new / path.name)


def _read_manifest_lexicons(folder: Path) -> list[str]:
    try:
        return list(_read_manifest(folder).get("lexicons", ()))
    except LoadError:
        return []  # a broken manifest is replaced; its lexicon files are kept as files


def list_story_folders(root: str | Path) -> list[Path]:
    """Sub-folders of ``root`` that hold a story (article files or ``story.json``), sorted
    by name; [] when ``root`` is not a folder."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(
        p
        for p in root.iterdir()
        if p.is_dir()
        and not p.name.startswith(".")
        and ((p / MANIFEST).is_file() or any(_article_files(p)))
    )


def _load_folder(folder: Path) -> Story:
    manifest = _read_manifest(folder)
    lexicons = tuple(manifest.get("lexicons", ()))
    files = list(_article_files(folder, exclude=_lexicon_files(lexicons)))
    entries: list[Entry] = []
    problems: list[LoadProblem] = []
    for path in files:
        try:
            file_entries, file_problems = parse_file(str(path), read_bytes(path))
        except LoadError as error:
            problems.append(error.problem)
            continue
        entries.extend(file_entries)
        problems.extend(file_problems)
    entries, manifest_problems = _apply_manifest(
        entries, manifest.get("articles", ()), folder, {p.name for p in files}
    )
    problems.extend(manifest_problems)
    articles, build_problems = articles_from_entries(entries, str(folder), max_articles())
    problems.extend(build_problems)
    if not articles:
        if not files:
            raise LoadError(folder, f"has no article files ({', '.join(SUPPORTED_SUFFIXES)})")
        raise LoadError.nothing_loaded(str(folder), problems)
    return Story(
        slug=slugify(folder.name, "story"),
        title=manifest.get("title") or folder.name,
        description=manifest.get("description", ""),
        articles=tuple(articles),
        lexicons=lexicons,
        skipped=tuple(problems),
        folder=str(folder),
    )


def _article_files(folder: Path, exclude: set[str] | None = None) -> Iterator[Path]:
    """Files of a story folder that hold articles, sorted by name. Hidden files, README
    files and the lexicon files the manifest names are not articles."""
    for path in sorted(folder.iterdir()):
        if (
            path.is_file()
            and path.suffix.lower() in SUPPORTED_SUFFIXES
            and not path.name.startswith(".")
            and path.stem.upper() != "README"
            and path.name not in (exclude or ())
        ):
            yield path


def _lexicon_files(lexicons: Iterable[str]) -> set[str]:
    """File names the manifest's lexicons may have in the story folder: a plain name
    ("libya") is stored as libya.csv, which must not be read as a bulk article file."""
    names = {Path(name).name for name in lexicons}
    return names | {f"{name}.csv" for name in names if not Path(name).suffix}


def _read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    data = read_json_object(path)
    for key in ("title", "description"):
        if not isinstance(data.get(key, ""), str):
            raise LoadError(path, f'"{key}" must be a string')
    lexicons = data.get("lexicons", [])
    if not isinstance(lexicons, list) or not all(isinstance(x, str) for x in lexicons):
        raise LoadError(path, '"lexicons" must be a list of lexicon names or file names')
    articles = data.get("articles", [])
    if not isinstance(articles, list) or not all(
        isinstance(a, dict) and isinstance(a.get("file"), str) for a in articles
    ):
        raise LoadError(path, '"articles" must be a list of objects, each with a "file" name')
    return data


def _apply_manifest(
    entries: list[Entry], listed: Iterable[dict], folder: Path, present: set[str]
) -> tuple[list[Entry], list[LoadProblem]]:
    """Manifest metadata wins over a file's own front matter: the manifest is where a
    story's curator fixes labels without touching the texts."""
    overrides: dict[str, dict[str, str]] = {}
    problems = []
    for item in listed:
        name = item["file"]
        if name not in present:
            problems.append(
                LoadProblem(
                    str(folder / MANIFEST), f"lists {name!r}, which is not in the folder", skipped=0
                )
            )
            continue
        # An id would apply to every row of a bulk file: ids come from the files only.
        overrides[name] = {k: v for k, v in metadata(item).items() if k != "id"}
    if not overrides:
        return entries, problems
    merged = [replace(e, meta={**e.meta, **overrides.get(Path(e.file).name, {})}) for e in entries]
    return merged, problems


def _safe_stem(article_id: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", article_id).strip("._") or "article"
    # A README file is not read as an article: such an id keeps its name in front matter.
    return stem + "_" if stem.upper() == "README" else stem
