"""Helpers shared by the tests of framing.io: writing test files, comparing articles."""

from __future__ import annotations

from pathlib import Path

from framing.models import Article


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def comparable(article: Article) -> tuple:
    return (
        article.id,
        article.outlet,
        article.title,
        article.date,
        article.url,
        article.outlet_note,
        article.language,
        article.raw_text,
        article.text,
        article.removals,
    )
