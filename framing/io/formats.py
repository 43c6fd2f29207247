"""The file formats Slant reads and writes, and reading any supported file by its suffix."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import pandas as pd

from framing.io.articles import Entry, id_taken, unique_name
from framing.io.atomic import write_bytes_atomic, write_text_atomic
from framing.io.decoding import decode
from framing.io.errors import LoadError
from framing.io.records import (
    bulk_entries,
    bulk_entry,
    is_blank,
    iter_csv_records,
    iter_jsonl_records,
    parquet_stream,
    text_stream,
    to_record,
)
from framing.io.texts import html_entry, text_entry
from framing.models import LoadProblem

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
BULK_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + BULK_SUFFIXES
TABLE_SUFFIXES = (".csv", ".jsonl", ".json", ".parquet")


def parse_file(name: str, data: bytes) -> tuple[list[Entry], list[LoadProblem]]:
    """Entries and per-row problems of one file; LoadError when the file as a whole fails."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        what = f"{suffix} files are" if suffix else "files without an extension are"
        raise LoadError(name, f"{what} not supported; use {', '.join(SUPPORTED_SUFFIXES)}")
    if not data.strip():
        raise LoadError(name, "is empty")
    if suffix in BULK_SUFFIXES:
        return bulk_entries(name, suffix, data)
    text = decode(name, data)
    entry = html_entry(name, text) if suffix in (".html", ".htm") else text_entry(name, text)
    return [entry], []


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
    if is_blank(path):
        raise LoadError(name, "is empty")
    with ExitStack() as stack:
        if suffix == ".parquet":
            rows, read = parquet_stream(name, path, batch_size)
        else:
            stream, read = text_stream(path)
            stack.callback(stream.close)
            parse = iter_csv_records if suffix == ".csv" else iter_jsonl_records
            rows = parse(name, stream)
        used: set[str] = set()
        for row in rows:
            item = row if isinstance(row, LoadProblem) else bulk_entry(name, *row)
            if isinstance(item, Entry):
                unique = unique_name(item.id, used)
                used.add(unique)
                if unique != item.id:
                    yield id_taken(item, unique), read()
                item = to_record(replace(item, id=unique))
            yield item, read()


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` atomically in the format its extension names (.csv, .jsonl, .json as an
    array of records, .parquet). Raises ValueError for any other extension."""
    path = Path(path)
    suffix = table_suffix(path)
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
        write_bytes_atomic(path, buffer.getvalue())
    return path


def table_suffix(path: Path) -> str:
    """The extension of ``path`` when it names a table format, else ValueError."""
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        supported = ", ".join(TABLE_SUFFIXES)
        raise ValueError(
            f"{path}: cannot write {suffix or 'files without an extension'}; use {supported}"
        )
    return suffix
