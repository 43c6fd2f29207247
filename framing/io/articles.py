"""Articles from what a file held: metadata fields, cleaning, unique ids, titles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from framing.clean import clean_text, normalize_date
from framing.io.errors import shorten
from framing.io.limits import max_article_chars, over_article_limit, too_long
from framing.models import Article, LoadProblem

# Article metadata a front-matter block, a manifest entry or a bulk row may carry.
METADATA_KEYS = ("id", "outlet", "title", "date", "url", "outlet_note", "language")
UNKNOWN_OUTLET = "unknown"
_TITLE_MAX_CHARS = 200

# Metadata (outlet, title, ...) is repeated on every row of every table and drawn in
# charts: a value longer than this is not a title but a mistake, and is cut.
_MAX_FIELD_CHARS = 1_000
_LINES_SHOWN = 10  # skipped lines a summary names


@dataclass(frozen=True)
class Entry:
    """One article as read from its file, before cleaning."""

    id: str
    raw_text: str
    file: str  # the file named in messages
    source: str  # Article.source: the file, or "file:line" for a row of a bulk file
    line: int | None = None  # the row's line in a bulk file
    meta: dict[str, str] = field(default_factory=dict)


def is_missing(value: object) -> bool:
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def metadata(record: dict) -> dict[str, str]:
    """The known metadata fields of a record, as stripped strings; empty ones left out."""
    meta = {}
    for key in METADATA_KEYS:
        value = record.get(key)
        if value is None or is_missing(value):
            continue
        text = shorten(" ".join(str(value).split()), _MAX_FIELD_CHARS)
        if text:
            meta[key] = text
    return meta


def build_articles(
    records: Iterable[Mapping[str, object]],
) -> tuple[list[Article], list[LoadProblem]]:
    """Clean the records ``iter_article_records`` yields (NaN counts as missing, so they
    may have been through a DataFrame) into articles, by ``load_story``'s rules; and the
    records dropped (only page furniture, or too long) or noted (an unreadable date)."""
    entries = [
        Entry(
            id=record["id"],
            raw_text=record["text"],
            file=record["file"],
            source=record["source"],
            line=None if is_missing(record.get("line")) else int(record["line"]),
            meta={
                key: record[key]
                for key in METADATA_KEYS
                if key != "id" and not is_missing(record.get(key))
            },
        )
        for record in records
    ]
    return articles_from_entries(entries)


def articles_from_entries(
    entries: Sequence[Entry], name: str = "", limit: int | None = None
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
            problems.append(over_article_limit(name, limit, len(entries) - index))
            break
        if len(entry.raw_text) > max_chars:
            message = too_long("the article", len(entry.raw_text), max_chars)
            problems.append(LoadProblem(entry.file, message, entry.line))
            continue
        cleaned = clean_text(entry.raw_text)
        if not cleaned.text:
            problems.append(
                LoadProblem(entry.file, "has only page furniture, no article text", entry.line)
            )
            continue
        article_id = unique_name(entry.id, used)
        if article_id != entry.id:
            problems.append(id_taken(entry, article_id))
        used.add(article_id)
        meta = entry.meta
        date = normalize_date(meta["date"]) if "date" in meta else cleaned.date
        if "date" in meta and not date:
            message = f"date {meta['date']!r} is not understood (use YYYY-MM-DD); left empty"
            problems.append(LoadProblem(entry.file, message, entry.line, skipped=0))
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


def id_taken(entry: Entry, new_id: str) -> LoadProblem:
    """The note on an article whose id was renamed (it is loaded)."""
    message = f"article id {entry.id!r} is already taken; renamed {new_id!r}"
    return LoadProblem(entry.file, message, entry.line, skipped=0)


def _title_from_text(text: str) -> str:
    """The first line when it stands alone as a short headline (no final period), else ""."""
    first, _, rest = text.partition("\n")
    first = first.strip().lstrip("#").strip()
    stands_alone = not rest or rest.startswith("\n")
    if first and stands_alone and len(first) <= _TITLE_MAX_CHARS and not first.endswith("."):
        return first
    return ""


def unique_name(name: str, used: set[str]) -> str:
    if name not in used:
        return name
    number = 2
    while f"{name}-{number}" in used:
        number += 1
    return f"{name}-{number}"


def describe_load(
    name: str, articles: int, problems: Sequence[LoadProblem], unit: str = "row"
) -> str:
    """One line on what reading ``name`` gave: "news.csv: 5 rows read, 2 skipped (lines 3,
    7), 3 articles made, 1 note". Every row (or file: ``unit``) read became an article or
    was skipped; the problems say why, notes are on rows that were loaded."""
    skipped = sum(p.skipped for p in problems)
    notes = sum(not p.skipped for p in problems)
    lines = sorted({p.line for p in problems if p.skipped and p.line is not None})
    where = ""
    if lines:
        shown = ", ".join(f"{n:,}" for n in lines[:_LINES_SHOWN])
        more = f" and {len(lines) - _LINES_SHOWN:,} more" if len(lines) > _LINES_SHOWN else ""
        where = f" (line{'s' if len(lines) > 1 else ''} {shown}{more})"
    parts = [
        _count(articles + skipped, unit) + " read",
        f"{skipped:,} skipped{where}",
        _count(articles, "article") + " made",
    ]
    if notes:
        parts.append(_count(notes, "note"))
    return f"{name}: {', '.join(parts)}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
