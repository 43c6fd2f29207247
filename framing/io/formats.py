"""The one table of the file formats Slant reads (suffix -> reader, with the name people
know the format by) and the one of the table formats it writes. The loader, the
dashboard's upload widget, the command line's help and the README's list all come from
these tables (tests/framing/io/test_io_formats.py checks the README)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from framing.io.articles import Entry, id_taken, unique_name
from framing.io.atomic import write_bytes_atomic
from framing.io.errors import LoadError
from framing.io.records import (
    RowStream,
    bulk_entries,
    bulk_entry,
    is_blank,
    read_csv_rows,
    read_jsonl_rows,
    read_parquet_rows,
    stream_csv_rows,
    stream_jsonl_rows,
    stream_parquet_rows,
    to_record,
)
from framing.io.texts import read_html_file, read_text_file
from framing.models import LoadProblem

Read = Callable[[str, bytes], tuple[list[Entry], list[LoadProblem]]]
Stream = Callable[[str, Path, int], AbstractContextManager[RowStream]]


@dataclass(frozen=True)
class Format:
    """A kind of file articles are read from."""

    name: str  # as people call it
    suffixes: tuple[str, ...]  # lower case, with the dot
    holds: str  # what one file holds, for help texts and the README
    read: Read  # the whole file's articles and the rows it skipped
    stream: Stream | None = None  # bulk files only: the rows one at a time

    @property
    def bulk(self) -> bool:
        """One article per row (True) or per file (False)."""
        return self.stream is not None


FORMATS = (
    Format(
        "plain text",
        (".txt",),
        "one article; it may start with a front-matter block of outlet, title, date, url",
        read_text_file,
    ),
    Format("Markdown", (".md",), "one article, read as plain text", read_text_file),
    Format(
        "HTML", (".html", ".htm"), "one article: the page's main text and metadata", read_html_file
    ),
    Format(
        "CSV",
        (".csv",),
        "one article per row: a column text and optionally outlet, title, date, url, id; "
        "separated by commas, semicolons, tabs or pipes",
        lambda name, data: bulk_entries(name, read_csv_rows(name, data)),
        stream_csv_rows,
    ),
    Format(
        "JSON Lines",
        (".jsonl", ".ndjson"),
        "one article per line: a JSON object with the fields of a CSV row",
        lambda name, data: bulk_entries(name, read_jsonl_rows(name, data)),
        stream_jsonl_rows,
    ),
    Format(
        "Parquet",
        (".parquet",),
        "one article per row, with the columns of a CSV file",
        lambda name, data: bulk_entries(name, read_parquet_rows(name, data)),
        stream_parquet_rows,
    ),
)
FORMAT_OF = {suffix: f for f in FORMATS for suffix in f.suffixes}
SUPPORTED_SUFFIXES = tuple(FORMAT_OF)
TEXT_SUFFIXES = tuple(s for s, f in FORMAT_OF.items() if not f.bulk)
BULK_SUFFIXES = tuple(s for s, f in FORMAT_OF.items() if f.bulk)


@dataclass(frozen=True)
class TableFormat:
    """A format a table (the scores, the evaluation) is written in."""

    suffix: str
    name: str
    to_bytes: Callable[[pd.DataFrame], bytes]


def _parquet_bytes(df: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    df.to_parquet(buffer, index=False)
    return buffer.getvalue()


TABLE_FORMATS = (
    TableFormat(".csv", "CSV", lambda df: df.to_csv(index=False).encode("utf-8")),
    TableFormat(
        ".jsonl",
        "JSON Lines",
        lambda df: df.to_json(
            orient="records", lines=True, force_ascii=False, date_format="iso"
        ).encode("utf-8"),
    ),
    TableFormat(
        ".json",
        "JSON array",
        lambda df: (
            df.to_json(orient="records", force_ascii=False, date_format="iso", indent=2) + "\n"
        ).encode("utf-8"),
    ),
    TableFormat(".parquet", "Parquet", _parquet_bytes),
)
TABLE_SUFFIXES = tuple(f.suffix for f in TABLE_FORMATS)


def describe_formats() -> str:
    """The formats read, in one line for help texts: "plain text (.txt), ... CSV (.csv), ..."."""
    return "; ".join(f"{f.name} ({', '.join(f.suffixes)})" for f in FORMATS)


def describe_table_formats() -> str:
    """The formats tables are written in, in one line: "CSV (.csv), ..."."""
    return ", ".join(f"{f.name} ({f.suffix})" for f in TABLE_FORMATS)


def format_formats_markdown() -> str:
    """The formats read, as the Markdown table the README shows."""
    lines = ["| format | files | one file holds |", "|---|---|---|"]
    for f in FORMATS:
        files = ", ".join(f"`{s}`" for s in f.suffixes)
        lines.append(f"| {f.name} | {files} | {f.holds} |")
    return "\n".join(lines) + "\n"


def parse_file(name: str, data: bytes) -> tuple[list[Entry], list[LoadProblem]]:
    """Entries and per-row problems of one file; LoadError when the file as a whole fails."""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMAT_OF:
        what = f"{suffix} files are" if suffix else "files without an extension are"
        raise LoadError(name, f"{what} not supported; use {', '.join(SUPPORTED_SUFFIXES)}")
    if not data.strip():
        raise LoadError(name, "is empty")
    return FORMAT_OF[suffix].read(name, data)


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
    found = FORMAT_OF.get(path.suffix.lower())
    if found is None or found.stream is None:
        raise LoadError(name, f"is not a bulk file; use one of {', '.join(BULK_SUFFIXES)}")
    if not path.is_file():
        raise LoadError(name, "no such file")
    if is_blank(path):
        raise LoadError(name, "is empty")
    with found.stream(name, path, batch_size) as (rows, read):
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
    """Write ``df`` atomically in the format its extension names (TABLE_FORMATS: .csv,
    .jsonl, .json as an array of records, .parquet). Raises ValueError for any other
    extension."""
    path = Path(path)
    table_format = TABLE_FORMATS[TABLE_SUFFIXES.index(table_suffix(path))]
    write_bytes_atomic(path, table_format.to_bytes(df))
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
