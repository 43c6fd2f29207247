"""Many articles at once: scoring spread over the cores, bulk files streamed in chunks with
resumable part files, and the same chunks on a Dask cluster.

``score_articles`` scores a story's articles on several processes. ``analyze_file`` reads a
CSV / JSON Lines / Parquet file one chunk at a time (``iter_article_chunks``), scores each
chunk with ``score_chunk`` in a worker process (``engine="local"``) or on a Dask worker
(``engine="dask"``), and writes it to ``<out>.parts/part-NNNNNN.parquet``; when every chunk
is done the parts are streamed into ``out`` and the folder is removed. Memory stays flat
whatever the size of the input, and an interrupted run resumes (``resume=True``) without
redoing finished chunks: ``<out>.parts/manifest.json`` records the input file (size,
modification time, SHA-256), the chunk size and the lexicon the parts were made with.

Every article is scored alone by ``framing.analysis.score_article``, so scores do not
depend on the engine, the number of jobs or the chunk size, and rows keep the input order.
"""

from __future__ import annotations

import codecs
import concurrent.futures
import hashlib
import io
import json
import math
import multiprocessing
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.analysis import ARTICLE_COLUMNS, score_article
from framing.io import (
    BULK_SUFFIXES,
    METADATA_KEYS,
    LoadError,
    _build_articles,
    _decode,
    _Entry,
    _is_missing,
    _metadata,
    _nothing_loaded,
    _require_text_column,
    _unique,
    iter_csv_records,
    iter_jsonl_records,
    write_table,
    write_text_atomic,
)
from framing.models import Article, Lexicon, LoadProblem

DEFAULT_CHUNK_SIZE = 1000
ENGINES = ("local", "dask")
OUTPUT_SUFFIXES = (".parquet", ".csv", ".jsonl", ".json")
# One chunk as ``score_chunk`` takes it: a bulk file's article fields after io's checks
# (id always set and unique; missing metadata is None), plus where each row came from.
CHUNK_COLUMNS = (
    "id", *(k for k in METADATA_KEYS if k != "id"), "text", "file", "source", "line",
)  # fmt: skip
_MANIFEST = "manifest.json"
_MANIFEST_VERSION = 1
_BLOCK = 1 << 20  # bytes read at a time when hashing or checking the encoding
# Articles per task: small enough to spread even one chunk over every worker, large enough
# that shipping it to a worker costs little next to scoring it (~1 s of work).
_PIECE_SIZE = 100
_PROGRESS_SECONDS = 0.25  # least time between two redraws of the progress line


def resolve_jobs(jobs: int | None) -> int:
    """The number of worker processes for ``jobs``: None or 0 means every usable core."""
    if jobs:
        return max(1, jobs)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --- a story's articles on several processes ---------------------------------------------

_worker_lexicon: Lexicon | None = None


def _init_worker(lexicon: Lexicon) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon


def _score_articles_in_worker(articles: Sequence[Article]) -> list[dict]:
    return [score_article(article, _worker_lexicon) for article in articles]


@contextmanager
def _process_pool(jobs: int, lexicon: Lexicon) -> Iterator[concurrent.futures.Executor]:
    # Warm the per-process caches (syllable dictionary, VADER lexicon, term automaton)
    # before forking, so that every worker starts with them instead of loading its own.
    score_article(Article("warm-up", "", "", "", "", "Warm up.", "Warm up."), lexicon)
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux"
    context = multiprocessing.get_context("fork" if fork else None)
    with concurrent.futures.ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(lexicon,)
    ) as pool:
        yield pool


def score_articles(
    articles: Sequence[Article], lexicon: Lexicon, jobs: int | None = None
) -> pd.DataFrame:
    """The ``articles`` table (docs/tables.md) of ``articles``, in their order: the same
    frame as ``analyze_story(...).articles``, scored on ``jobs`` processes (None: all cores).
    """
    jobs = min(resolve_jobs(jobs), len(articles))
    if jobs <= 1:
        rows = [score_article(article, lexicon) for article in articles]
    else:
        # A few batches per process keep them all busy to the end without paying the
        # inter-process round trip once per article.
        size = math.ceil(len(articles) / (4 * jobs))
        batches = [articles[i : i + size] for i in range(0, len(articles), size)]
        with _process_pool(jobs, lexicon) as pool:
            rows = [row for batch in pool.map(_score_articles_in_worker, batches) for row in batch]
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


# --- reading bulk files a chunk at a time ---------------------------------------------------


@dataclass(frozen=True)
class ArticleChunk:
    """Consecutive articles of a bulk file, as read (not yet cleaned or scored)."""

    index: int  # 0, 1, 2, ... in file order
    rows: pd.DataFrame  # CHUNK_COLUMNS, one row per article
    problems: tuple[LoadProblem, ...]  # rows of this stretch of the file that were skipped
    read: float  # share of the input read so far, 0..1 (for progress)


def _utf8_stream(path: Path) -> TextIO | None:
    """``path`` opened as UTF-8 text (a BOM is dropped) when every byte decodes, else None.
    Checking first costs one quick read but means nothing is scored twice."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with path.open("rb") as handle:
        try:
            while block := handle.read(_BLOCK):
                if b"\x00" in block:  # UTF-16/32 or binary: io's detector decides
                    return None
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    return path.open(encoding="utf-8-sig", newline="")


def _text_stream(path: Path) -> tuple[TextIO, Callable[[], float]]:
    """The file as text decoded as ``load_story`` decodes it, and a function giving the
    share read so far. UTF-8 is streamed; other encodings are decoded whole by io."""
    size = max(1, path.stat().st_size)
    stream = _utf8_stream(path)
    if stream is not None:
        return stream, lambda: min(1.0, stream.buffer.tell() / size)
    memory = io.StringIO(_decode(str(path), path.read_bytes()), newline="")
    length = max(1, len(memory.getvalue()))
    return memory, lambda: min(1.0, memory.tell() / length)


_Record = tuple[int, int | None, dict]  # row number, line (None in Parquet), fields


def _parquet_records(
    name: str, path: Path, chunk_size: int
) -> tuple[Iterator[_Record], Callable[[], float]]:
    try:
        parquet = pq.ParquetFile(path)
    except (ValueError, OSError, TypeError, pa.ArrowException) as error:
        raise LoadError(name, f"is not a readable Parquet file ({error})") from None
    columns = [str(c).strip().lower() for c in parquet.schema_arrow.names]
    _require_text_column(name, columns, "column")
    total = max(1, parquet.metadata.num_rows)
    done = 0

    def records() -> Iterator[_Record]:
        nonlocal done
        with parquet:
            for batch in parquet.iter_batches(batch_size=chunk_size):
                frame = batch.to_pandas()
                frame.columns = columns
                for record in frame.to_dict("records"):
                    done += 1
                    yield done, None, record

    return records(), lambda: done / total


def _entry(name: str, number: int, line: int | None, record: dict) -> dict | LoadProblem:
    """One chunk row from a record, by io's rules for bulk rows."""
    text = record.get("text")
    row = "" if number == line else f"row {number}: "  # JSON Lines rows are lines
    if text is None or _is_missing(text) or (isinstance(text, str) and not text.strip()):
        return LoadProblem(name, f"{row}empty text", line)
    if not isinstance(text, str):
        return LoadProblem(name, f"{row}text is not a string", line)
    meta = _metadata(record)
    source = f"{name}:{line}" if line is not None else f"{name}:row {number}"
    return {
        **dict.fromkeys(CHUNK_COLUMNS),
        **meta,
        "id": meta.get("id") or str(number),
        "text": text,
        "file": name,
        "source": source,
        "line": line,
    }


def iter_article_chunks(
    path: str | Path, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> Iterator[ArticleChunk]:
    """Stream a bulk file (.csv, .jsonl/.ndjson, .parquet) as chunks of ``chunk_size``
    articles, holding one chunk at a time. Rows follow ``load_story``'s rules: bad rows are
    skipped and reported in the chunk's ``problems``, and ids are unique across the file.
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
            records, read = _parquet_records(name, path, chunk_size)
        else:
            stream, read = _text_stream(path)
            stack.callback(stream.close)
            parse = iter_csv_records if suffix == ".csv" else iter_jsonl_records
            records = parse(name, stream)
        yield from _chunks(name, records, read, chunk_size)


def _is_blank(path: Path) -> bool:
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            if block.strip():
                return False
    return True


def _chunks(
    name: str,
    records: Iterator[_Record | LoadProblem],
    read: Callable[[], float],
    chunk_size: int,
) -> Iterator[ArticleChunk]:
    used: set[str] = set()
    rows: list[dict] = []
    problems: list[LoadProblem] = []
    index = 0
    for record in records:
        item = record if isinstance(record, LoadProblem) else _entry(name, *record)
        if isinstance(item, LoadProblem):
            problems.append(item)
            continue
        unique = _unique(item["id"], used)
        if unique != item["id"]:
            message = f"article id {item['id']!r} is already taken; renamed {unique!r}"
            problems.append(LoadProblem(name, message, item["line"]))
            item["id"] = unique
        used.add(unique)
        rows.append(item)
        if len(rows) == chunk_size:
            yield ArticleChunk(
                index, pd.DataFrame(rows, columns=CHUNK_COLUMNS), tuple(problems), read()
            )
            index += 1
            rows, problems = [], []
    if rows or problems:
        yield ArticleChunk(index, pd.DataFrame(rows, columns=CHUNK_COLUMNS), tuple(problems), 1.0)


# --- scoring a chunk ------------------------------------------------------------------------


def score_chunk(rows: pd.DataFrame, lexicon: Lexicon) -> tuple[pd.DataFrame, list[LoadProblem]]:
    """Clean and score one chunk (``ArticleChunk.rows``): its ``articles`` table rows in
    order, and the rows cleaning dropped (only page furniture) or noted (an unreadable date).
    The function both engines run, in a worker process or on a Dask worker."""
    entries = [
        _Entry(
            id=row["id"],
            raw_text=row["text"],
            file=row["file"],
            source=row["source"],
            line=None if _is_missing(row["line"]) else int(row["line"]),
            meta={k: row[k] for k in METADATA_KEYS if k != "id" and not _is_missing(row[k])},
        )
        for row in rows.to_dict("records")
    ]
    articles, problems = _build_articles(entries)
    scores = pd.DataFrame([score_article(a, lexicon) for a in articles], columns=ARTICLE_COLUMNS)
    return scores, problems


def _score_chunk_in_worker(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[LoadProblem]]:
    return score_chunk(rows, _worker_lexicon)


_Submit = Callable[[pd.DataFrame], "concurrent.futures.Future"]


@contextmanager
def _engine(
    engine: str, jobs: int, scheduler: str | None, lexicon: Lexicon
) -> Iterator[tuple[_Submit, int]]:
    """A function that starts ``score_chunk`` on a chunk and returns a future, and how many
    chunks can run at once."""
    if engine == "dask":
        yield from _dask_engine(jobs, scheduler, lexicon)
    elif jobs == 1:

        def run_here(rows: pd.DataFrame) -> concurrent.futures.Future:
            future: concurrent.futures.Future = concurrent.futures.Future()
            future.set_result(score_chunk(rows, lexicon))
            return future

        yield run_here, 1
    else:
        with _process_pool(jobs, lexicon) as pool:
            yield (lambda rows: pool.submit(_score_chunk_in_worker, rows)), jobs


def _dask_engine(
    jobs: int, scheduler: str | None, lexicon: Lexicon
) -> Iterator[tuple[_Submit, int]]:
    # Imported here: dask is needed only by those who ask for it.
    from dask.distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
                )
            )
            client = stack.enter_context(Client(cluster))
        threads = sum(client.nthreads().values())
        shared = client.scatter(lexicon, broadcast=True)
        yield (lambda rows: client.submit(score_chunk, rows, shared, pure=False)), max(1, threads)


# --- the whole file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchResult:
    """What ``analyze_file`` did."""

    out: Path
    articles: int  # rows written to ``out``
    skipped: tuple[LoadProblem, ...]  # rows skipped (or renamed, or noted), in file order
    chunks: int
    reused_chunks: int  # chunks taken from an interrupted run instead of scored again


def _fingerprint(path: Path, chunk_size: int, lexicon: Lexicon) -> dict:
    """What a part depends on: a part made under another fingerprint is never reused."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    stat = path.stat()
    return {
        "version": _MANIFEST_VERSION,
        "input": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sha256": digest.hexdigest(),
        "chunk_size": chunk_size,
        "lexicon_sha256": hashlib.sha256(repr(lexicon).encode()).hexdigest(),
        "columns": ARTICLE_COLUMNS,
    }


def _part(parts: Path, index: int, suffix: str) -> Path:
    return parts / f"part-{index:06d}{suffix}"


def _prepare_parts(parts: Path, fingerprint: dict, resume: bool) -> dict[int, dict]:
    """Ready the parts folder; returns the finished chunks (index -> summary) to reuse."""
    manifest = parts / _MANIFEST
    if resume and manifest.is_file():
        if json.loads(manifest.read_text(encoding="utf-8")) != fingerprint:
            raise LoadError(
                parts,
                "was made from another input file, chunk size or lexicon; "
                "run without --resume to start over",
            )
        done = {}
        for summary_path in sorted(parts.glob("part-*.json")):
            summary = json.loads(summary_path.read_text(encoding="utf-8"))
            done[summary["index"]] = summary
        return done
    _remove_parts(parts)
    write_text_atomic(manifest, json.dumps(fingerprint, indent=1) + "\n")
    return {}


def _remove_parts(parts: Path) -> None:
    """Delete what this module wrote in ``parts`` (and the folder, once empty)."""
    if not parts.is_dir():
        return
    for path in [*parts.glob("part-*.parquet"), *parts.glob("part-*.json"), parts / _MANIFEST]:
        path.unlink(missing_ok=True)
    if not any(parts.iterdir()):
        parts.rmdir()


def _save_part(parts: Path, chunk: ArticleChunk, scores: pd.DataFrame, dropped: list) -> dict:
    """Write a scored chunk; its summary (.json) is written last, so it marks the part done."""
    if len(scores):
        write_table(scores, _part(parts, chunk.index, ".parquet"))
    summary = {
        "index": chunk.index,
        "articles": len(scores),
        "skipped": [[p.file, p.message, p.line] for p in [*chunk.problems, *dropped]],
    }
    write_text_atomic(_part(parts, chunk.index, ".json"), json.dumps(summary) + "\n")
    return summary


class _Progress:
    """One self-rewriting status line on stderr; silent unless ``enabled``."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, articles: int, read: float, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < _PROGRESS_SECONDS):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        line = f"{articles:,} articles · {read:.0%} of input · {articles / elapsed:,.0f}/s"
        if 0 < read < 1:
            line += f" · {_duration(elapsed * (1 - read) / read)} left"
        sys.stderr.write(f"\r{line:<72}")
        sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{seconds:02d}s"


def show_progress() -> bool:
    """Whether to draw a progress line: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def analyze_file(
    path: str | Path,
    out: str | Path,
    lexicon: Lexicon,
    *,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resume: bool = False,
    progress: bool | None = None,
) -> BatchResult:
    """Score every article of a bulk file into ``out`` (.parquet, .csv, .jsonl or .json):
    the ``articles`` table of docs/tables.md, one row per article in file order.

    Reads and scores ``chunk_size`` articles at a time on ``jobs`` processes (None: all
    cores), or on Dask workers with ``engine="dask"`` (a LocalCluster of ``jobs`` workers, or
    the cluster whose scheduler is at ``scheduler``). ``resume=True`` keeps the chunks an
    interrupted run finished. ``progress=None`` draws a progress line when stderr is a
    terminal (and not in CI). Raises LoadError for an unreadable input or output name.
    """
    path, out = Path(path), Path(out)
    if out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise LoadError(
            out, f"cannot write {out.suffix or 'this'}; use {', '.join(OUTPUT_SUFFIXES)}"
        )
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    chunks = iter_article_chunks(path, chunk_size)
    first = next(chunks, None)  # the file's own errors surface before anything is written
    parts = out.with_name(out.name + ".parts")
    done = _prepare_parts(parts, _fingerprint(path, chunk_size, lexicon), resume)
    summaries = dict(done)
    bar = _Progress(show_progress() if progress is None else progress)
    articles = 0

    def to_score() -> Iterator[ArticleChunk]:
        nonlocal articles
        for chunk in _prepend(first, chunks):
            if chunk.index not in done:
                yield chunk
                continue
            articles += done[chunk.index]["articles"]
            bar.update(articles, chunk.read)

    try:
        with _engine(engine, resolve_jobs(jobs), scheduler, lexicon) as (submit, slots):
            for chunk, scores, dropped in _scored(to_score(), submit, slots):
                summaries[chunk.index] = _save_part(parts, chunk, scores, dropped)
                articles += len(scores)
                bar.update(articles, chunk.read)
        bar.update(articles, 1.0, final=True)
    finally:
        bar.close()
    ordered = [summaries[i] for i in sorted(summaries)]
    skipped = tuple(LoadProblem(f, m, line) for s in ordered for f, m, line in s["skipped"])
    if articles == 0:
        _remove_parts(parts)
        raise _nothing_loaded(str(path), list(skipped))
    _assemble([_part(parts, s["index"], ".parquet") for s in ordered if s["articles"]], out)
    _remove_parts(parts)
    return BatchResult(out, articles, skipped, len(ordered), len(done))


def _scored(
    chunks: Iterator[ArticleChunk], submit: _Submit, slots: int
) -> Iterator[tuple[ArticleChunk, pd.DataFrame, list[LoadProblem]]]:
    """Score chunks in pieces spread over ``slots`` workers; yield them in order."""
    running: deque[tuple[ArticleChunk, list[concurrent.futures.Future]]] = deque()
    in_flight = 0
    for chunk in chunks:
        size = max(1, min(_PIECE_SIZE, math.ceil(len(chunk.rows) / slots)))
        pieces = [chunk.rows.iloc[i : i + size] for i in range(0, len(chunk.rows), size)]
        futures = [submit(piece) for piece in pieces or [chunk.rows]]
        running.append((chunk, futures))
        in_flight += len(futures)
        # Save finished chunks at once (an interrupted run keeps them). Two chunks in
        # flight keep every worker busy across a chunk boundary; past two pieces per
        # worker, wait for the oldest chunk, so memory stays flat.
        while running and (
            all(f.done() for f in running[0][1]) or (len(running) >= 2 and in_flight >= 2 * slots)
        ):
            in_flight -= len(running[0][1])
            yield _joined(*running.popleft())
    while running:
        yield _joined(*running.popleft())


def _joined(
    chunk: ArticleChunk, futures: Sequence[concurrent.futures.Future]
) -> tuple[ArticleChunk, pd.DataFrame, list[LoadProblem]]:
    results = [future.result() for future in futures]
    frames = [scores for scores, _ in results if len(scores)]
    scores = pd.concat(frames, ignore_index=True) if frames else results[0][0]
    return chunk, scores, [problem for _, dropped in results for problem in dropped]


def _prepend(first: ArticleChunk | None, rest: Iterator[ArticleChunk]) -> Iterator[ArticleChunk]:
    if first is not None:
        yield first
        yield from rest


def _assemble(part_paths: Sequence[Path], out: Path) -> None:
    """Stream the parts, in order, into ``out``: written to a temporary file in the same
    folder, synced, given the mode a new file gets, then renamed over ``out``."""
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if suffix == ".parquet":
            _assemble_parquet(part_paths, tmp)
        else:
            _assemble_text(part_paths, tmp, suffix)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)  # mkstemp makes the file private (0600)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _assemble_parquet(part_paths: Sequence[Path], target: Path) -> None:
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


def _assemble_text(part_paths: Sequence[Path], target: Path, suffix: str) -> None:
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
