"""Bulk files (CSV, JSON Lines, Parquet) row by row, whole or streamed: one article a row."""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.io.articles import METADATA_KEYS, Entry, is_missing, metadata
from framing.io.decoding import BLOCK, decode
from framing.io.errors import LoadError
from framing.models import LoadProblem

Row = tuple[int, int | None, dict[str, object]]  # row number, line (None in Parquet), fields
Rows = list[Row | LoadProblem]  # a whole file's rows and the problems between them
# The rows of a file one at a time, and a function giving the share of the file read (0..1).
RowStream = tuple[Iterator[Row | LoadProblem], Callable[[], float]]


def bulk_entries(name: str, rows: Rows) -> tuple[list[Entry], list[LoadProblem]]:
    """The articles of a bulk file's rows, and the rows skipped, in file order."""
    entries: list[Entry] = []
    problems: list[LoadProblem] = []
    for row in rows:
        item = row if isinstance(row, LoadProblem) else bulk_entry(name, *row)
        (problems if isinstance(item, LoadProblem) else entries).append(item)
    return entries, problems


def bulk_entry(name: str, number: int, line: int | None, record: dict) -> Entry | LoadProblem:
    """One bulk row as an article entry, or why it is skipped."""
    text = record.get("text")
    row = "" if number == line else f"row {number}: "  # JSON Lines rows are lines
    if text is None or is_missing(text) or (isinstance(text, str) and not text.strip()):
        return LoadProblem(name, f"{row}empty text", line)
    if not isinstance(text, str):
        return LoadProblem(name, f"{row}text is not a string", line)
    meta = metadata(record)
    source = f"{name}:{line}" if line is not None else f"{name}:row {number}"
    return Entry(meta.pop("id", "") or str(number), text, name, source, line, meta)


def _require_text_column(name: str, columns: Iterable[str], what: str) -> None:
    columns = list(columns)
    if "text" not in columns:
        have = ", ".join(columns) if columns else "none"
        raise LoadError(name, f"has no 'text' {what}, which holds the article ({what}s: {have})")


def read_csv_rows(name: str, data: bytes) -> Rows:
    """The rows of a whole CSV file (see iter_csv_records)."""
    return list(iter_csv_records(name, io.StringIO(decode(name, data), newline="")))


def read_jsonl_rows(name: str, data: bytes) -> Rows:
    """The rows of a whole JSON Lines file (see iter_jsonl_records)."""
    return list(iter_jsonl_records(name, io.StringIO(decode(name, data), newline="")))


@contextmanager
def stream_csv_rows(name: str, path: Path, batch_size: int) -> Iterator[RowStream]:
    """The rows of the CSV file at ``path``, streamed (``batch_size`` is for Parquet)."""
    stream, read = text_stream(path)
    with stream:
        yield iter_csv_records(name, stream), read


@contextmanager
def stream_jsonl_rows(name: str, path: Path, batch_size: int) -> Iterator[RowStream]:
    """The rows of the JSON Lines file at ``path``, streamed."""
    stream, read = text_stream(path)
    with stream:
        yield iter_jsonl_records(name, stream), read


def iter_csv_records(name: str, stream: TextIO) -> Iterator[Row | LoadProblem]:
    """Rows of a CSV stream, one at a time: comma, or semicolon/tab/pipe when the header has
    no comma; blank rows skipped; rows numbered from 1 after the header, with the line each
    row starts on. The stream must be seekable.

    Quoting is read strictly, so that a stray quote never merges rows silently: a quote
    that is never closed, or is closed by a quote not followed by the separator or a line
    end, makes the lines it took one skipped row, whose message names the line the quote
    opened on and how many lines it took; reading goes on after them. Confined to one line,
    such a row is read leniently (as the csv module does) with a note. A row with more
    filled cells than the header is skipped too (an unquoted separator in its text). A
    header that is not valid CSV fails the file. What no reader can tell: a stray quote
    that a second stray quote closes right before a separator or a line end is valid CSV,
    a cell over several lines."""
    head = ""
    while "\n" not in head and (block := stream.read(BLOCK)):
        head += block
    header_line = head.split("\n", 1)[0]
    stream.seek(0)
    delimiter = ","
    if "," not in header_line:
        delimiter = next((d for d in ";\t|" if d in header_line), ",")
    # Article texts can be longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 2**20))
    taken: list[str] = []  # the lines of the record being read

    def lines() -> Iterator[str]:
        for text in stream:
            taken.append(text)
            yield text

    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    number = 0
    line = 1
    while True:
        taken.clear()
        note = None
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if header is None:
                raise LoadError(name, f"is not valid CSV ({error})", line) from None
            row, note = _read_bad_record(name, delimiter, taken, line, number + 1, str(error))
        if row is None:  # the lines a bad quote took
            number += 1
            yield note
        elif header is None:
            header = [h.strip().lower() for h in row]
            _require_text_column(name, header, "column")
        elif any(cell.strip() for cell in row):
            number += 1
            if note is not None:
                yield note
            if any(cell.strip() for cell in row[len(header) :]):
                yield LoadProblem(
                    name,
                    f"row {number}: has {len(row)} cells but the header names {len(header)}; "
                    f"is a {_SEPARATORS[delimiter]} in its text outside quotes?",
                    line,
                )
            else:
                yield number, line, dict(zip(header, row, strict=False))
        line = reader.line_num + 1


_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def _read_bad_record(
    name: str, delimiter: str, lines: list[str], first: int, number: int, error: str
) -> tuple[list[str] | None, LoadProblem]:
    """What to make of a record the strict reader refused (``lines``, from line ``first``):
    the row read leniently with a note when one line holds the whole quote problem, else
    no row and a problem naming where the quote opened and how many lines it took."""
    found = _find_bad_quote(lines, delimiter)
    last = first + len(lines) - 1
    if found is None:
        where = f"line {first}" if last == first else f"lines {first}-{last}"
        return None, LoadProblem(name, f"row {number}: {where} are not valid CSV ({error})", first)
    opened, closed = found
    at = first + opened
    if len(lines) == 1:
        row = next(csv.reader(lines, delimiter=delimiter), [])
        row[-1:] = [cell.rstrip("\r\n") for cell in row[-1:]]
        if closed:
            message = (
                f'row {number}: a quoted cell holds a quote that is not doubled (""); '
                "read as the csv module reads it, quotes may be missing"
            )
        else:
            message = f"row {number}: a quote opens a cell and is never closed; read to the end"
        return row, LoadProblem(name, message, at, skipped=0)
    took = f"{len(lines)} lines ({first}-{last})"
    if closed:
        message = (
            f"row {number}: the quote that opens a cell on line {at} ends it on line {last}, "
            f"where a {_SEPARATORS[delimiter]} or a line end must follow the closing quote "
            f'(a quote inside a cell is written twice: ""); the {took} it took were not '
            "loaded"
        )
    else:
        message = (
            f"row {number}: the quote that opens a cell on line {at} is never closed; the "
            f"{took} it took, to the end of the file, were not loaded; close or remove it"
        )
    return None, LoadProblem(name, message, at)


def _find_bad_quote(lines: list[str], delimiter: str) -> tuple[int, bool] | None:
    """Where the quote of a CSV record the strict reader refused opened (an index into
    ``lines``), and whether it closed wrongly (True) or never closed (False); None when
    no quote is at fault. The csv module's rules, one character at a time."""
    start, unquoted, quoted, after_quote = range(4)
    state, opened = start, 0
    ends = (delimiter, "\r", "\n")
    for index, text in enumerate(lines):
        for char in text:
            if state == start:
                if char == '"':
                    state, opened = quoted, index
                elif char not in ends:
                    state = unquoted
            elif state == unquoted:
                if char in ends:
                    state = start
            elif state == quoted:
                if char == '"':
                    state = after_quote
            elif char == '"':  # a doubled quote inside the quoted cell
                state = quoted
            elif char in ends:
                state = start
            else:
                return opened, True
    return (opened, False) if state == quoted else None


def iter_jsonl_records(name: str, stream: TextIO) -> Iterator[Row | LoadProblem]:
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
    while block := stream.read(BLOCK):
        lines = (rest + block).split("\n")
        rest = lines.pop()
        yield from lines
    yield rest


# One article of a bulk file as ``iter_article_records`` yields it and ``build_articles``
# takes it: its id (unique in the file), metadata (None when missing), text and origin.
ARTICLE_RECORD_FIELDS = (
    "id", *(k for k in METADATA_KEYS if k != "id"), "text", "file", "source", "line",
)  # fmt: skip


def is_blank(path: Path) -> bool:
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            if block.strip():
                return False
    return True


def text_stream(path: Path) -> tuple[TextIO, Callable[[], float]]:
    """The file as text decoded as ``load_story`` decodes it, and a function giving the
    share read so far. UTF-8 is streamed; other encodings are decoded whole."""
    size = max(1, path.stat().st_size)
    stream = _utf8_stream(path)
    if stream is not None:
        return stream, lambda: min(1.0, stream.buffer.tell() / size)
    memory = io.StringIO(decode(str(path), path.read_bytes()), newline="")
    length = max(1, len(memory.getvalue()))
    return memory, lambda: min(1.0, memory.tell() / length)


def _utf8_stream(path: Path) -> TextIO | None:
    """``path`` opened as UTF-8 text (a BOM is dropped) when every byte decodes, else None.
    Checking first costs one quick read but means no row is yielded twice."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with path.open("rb") as handle:
        try:
            while block := handle.read(BLOCK):
                if b"\x00" in block:  # UTF-16/32 or binary: decode tells which
                    return None
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    return path.open(encoding="utf-8-sig", newline="")


@contextmanager
def stream_parquet_rows(name: str, path: Path, batch_size: int) -> Iterator[RowStream]:
    """The rows of the Parquet file at ``path``, read ``batch_size`` rows at a time."""
    try:
        parquet = pq.ParquetFile(path)
    except (ValueError, OSError, TypeError, pa.ArrowException) as error:
        raise LoadError(name, f"is not a readable Parquet file ({error})") from None
    columns = [str(c).strip().lower() for c in parquet.schema_arrow.names]
    _require_text_column(name, columns, "column")
    total = max(1, parquet.metadata.num_rows)
    done = 0

    def rows() -> Iterator[Row]:
        nonlocal done
        for batch in parquet.iter_batches(batch_size=batch_size):
            frame = batch.to_pandas()
            frame.columns = columns
            for record in frame.to_dict("records"):
                done += 1
                yield done, None, record

    with parquet:
        yield rows(), lambda: done / total


def to_record(entry: Entry) -> dict[str, object]:
    return {
        **dict.fromkeys(ARTICLE_RECORD_FIELDS),
        **entry.meta,
        "id": entry.id,
        "text": entry.raw_text,
        "file": entry.file,
        "source": entry.source,
        "line": entry.line,
    }


def read_parquet_rows(name: str, data: bytes) -> Rows:
    """The rows of a whole Parquet file, numbered from 1."""
    try:
        df = pd.read_parquet(io.BytesIO(data))
    except (ValueError, OSError, TypeError) as error:
        raise LoadError(name, f"is not a readable Parquet file ({error})") from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    # "Text" and "text " name one column: the last one wins, as in a CSV header.
    df = df.loc[:, ~df.columns.duplicated(keep="last")]
    _require_text_column(name, df.columns, "column")
    return [(n, None, rec) for n, rec in enumerate(df.to_dict("records"), 1)]
