"""Many articles at once: scoring spread over the cores, bulk files streamed in chunks with
resumable part files, and the same chunks on a Dask cluster.

``score_articles`` scores a story's articles on several processes. ``analyze_file`` reads a
CSV / JSON Lines / Parquet file one chunk at a time (``iter_article_chunks``), scores each
chunk with ``score_chunk`` in a worker process (``engine="local"``) or on a Dask worker
(``engine="dask"``), and saves it as a part in ``<out>.parts/``; when every chunk is done
the parts are streamed into ``out`` and the folder is removed. Memory stays flat whatever
the size of the input, and an interrupted run resumes (``resume=True``) without redoing
finished chunks: the parts' manifest records the input file (size, modification time,
SHA-256), the chunk size and the lexicon the parts were made with. Files are read and
written by framing.io; this module decides what to read, score, keep and write.

Every article is scored alone by ``framing.analysis.score_article``, so scores do not
depend on the engine, the number of jobs or the chunk size, and rows keep the input order.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import math
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from framing.analysis import ARTICLE_COLUMNS, score_article
from framing.io import (
    ARTICLE_RECORD_FIELDS,
    TABLE_SUFFIXES,
    LoadError,
    build_articles,
    iter_article_records,
    load_file_fingerprint,
    load_part_manifest,
    load_part_summaries,
    remove_parts,
    save_part,
    save_part_manifest,
    write_table_from_parts,
)
from framing.models import Article, Lexicon, LoadProblem, PartSummary
from framing.provenance import add_provenance, describe_provenance
from framing.reading import load_pipeline, read_texts, start_worker_pool

DEFAULT_CHUNK_SIZE = 1000
ENGINES = ("local", "dask")
# One chunk as ``score_chunk`` takes it: one of io's article records per row (id always set
# and unique; missing metadata is None), with where each row came from.
CHUNK_COLUMNS = ARTICLE_RECORD_FIELDS
_MANIFEST_VERSION = 2  # 2: part summaries tell skipped rows from notes
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
    load_pipeline()


def _score_articles(articles: Sequence[Article], lexicon: Lexicon) -> list[dict]:
    """The articles' rows, read in this process in one batch (the parser is faster on a
    batch than one text at a time)."""
    readings = read_texts([a.text for a in articles], jobs=1)
    return [
        score_article(article, lexicon, reading)
        for article, reading in zip(articles, readings, strict=True)
    ]


def _score_articles_in_worker(articles: Sequence[Article]) -> list[dict]:
    return _score_articles(articles, _worker_lexicon)


@contextmanager
def _process_pool(jobs: int, lexicon: Lexicon) -> Iterator[concurrent.futures.Executor]:
    # Each worker loads the model once, in its initializer.
    with start_worker_pool(jobs, _init_worker, (lexicon,)) as pool:
        yield pool


def score_articles(
    articles: Sequence[Article], lexicon: Lexicon, jobs: int | None = None
) -> pd.DataFrame:
    """The ``articles`` table (docs/tables.md) of ``articles``, in their order: the same
    frame as ``analyze_story(...).articles``, scored on ``jobs`` processes (None: all cores).
    """
    jobs = min(resolve_jobs(jobs), len(articles))
    if jobs <= 1:
        rows = _score_articles(articles, lexicon)
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


def iter_article_chunks(
    path: str | Path, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> Iterator[ArticleChunk]:
    """Stream a bulk file (.csv, .jsonl/.ndjson, .parquet) as chunks of ``chunk_size``
    articles, holding one chunk at a time. Rows follow ``load_story``'s rules: bad rows are
    skipped and reported in the chunk's ``problems``, and ids are unique across the file.
    Raises LoadError when the file as a whole cannot be read."""
    rows: list[dict] = []
    problems: list[LoadProblem] = []
    index = 0
    for item, read in iter_article_records(path, chunk_size):
        if isinstance(item, LoadProblem):
            problems.append(item)
            continue
        rows.append(item)
        if len(rows) == chunk_size:
            yield ArticleChunk(
                index, pd.DataFrame(rows, columns=CHUNK_COLUMNS), tuple(problems), read
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
    articles, problems = build_articles(rows.to_dict("records"))
    scores = pd.DataFrame(_score_articles(articles, lexicon), columns=ARTICLE_COLUMNS)
    return scores, problems


def _score_chunk_made_by(
    rows: pd.DataFrame, lexicon: Lexicon
) -> tuple[pd.DataFrame, list[LoadProblem]]:
    """score_chunk, the rows marked with what made them (framing.provenance)."""
    scores, problems = score_chunk(rows, lexicon)
    return add_provenance(scores, describe_provenance(lexicon)), problems


# A chunk task: a top-level function of a chunk's rows and one shared argument (the lexicon
# for scoring), returning the chunk's table and the rows it dropped or noted. It runs in a
# worker process or on a Dask worker, so both must pickle.
ChunkTask = Callable[[pd.DataFrame, Any], tuple[pd.DataFrame, list[LoadProblem]]]
_worker_task: tuple[ChunkTask, Any] | None = None


def _init_task_worker(task: ChunkTask, shared: Any) -> None:
    global _worker_task
    _worker_task = (task, shared)


def _run_task_in_worker(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[LoadProblem]]:
    task, shared = _worker_task
    return task(rows, shared)


_Submit = Callable[[pd.DataFrame], "concurrent.futures.Future"]


@contextmanager
def _engine(
    engine: str, jobs: int, scheduler: str | None, task: ChunkTask, shared: Any
) -> Iterator[tuple[_Submit, int]]:
    """A function that starts ``task`` on a chunk and returns a future, and how many chunks
    can run at once."""
    if engine == "dask":
        yield from _dask_engine(jobs, scheduler, task, shared)
    elif jobs == 1:

        def run_here(rows: pd.DataFrame) -> concurrent.futures.Future:
            future: concurrent.futures.Future = concurrent.futures.Future()
            future.set_result(task(rows, shared))
            return future

        yield run_here, 1
    else:
        with start_worker_pool(jobs, _init_task_worker, (task, shared)) as pool:
            yield (lambda rows: pool.submit(_run_task_in_worker, rows)), jobs


def _dask_engine(
    jobs: int, scheduler: str | None, task: ChunkTask, shared: Any
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
        scattered = client.scatter(shared, broadcast=True)
        yield (lambda rows: client.submit(task, rows, scattered, pure=False)), max(1, threads)


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
    return {
        "version": _MANIFEST_VERSION,
        **load_file_fingerprint(path),
        "chunk_size": chunk_size,
        "lexicon_sha256": hashlib.sha256(repr(lexicon).encode()).hexdigest(),
        "columns": ARTICLE_COLUMNS,
    }


def _prepare_parts(parts: Path, fingerprint: dict, resume: bool) -> dict[int, PartSummary]:
    """Ready the parts folder; returns the finished chunks (by index) to reuse."""
    if resume and (saved := load_part_manifest(parts)) is not None:
        if saved != fingerprint:
            raise LoadError(
                parts,
                "was made from another input file, chunk size or settings; "
                "run without --resume to start over",
            )
        return load_part_summaries(parts)
    remove_parts(parts)
    save_part_manifest(parts, fingerprint)
    return {}


class Progress:
    """One self-rewriting status line on stderr; silent unless ``enabled``."""

    def __init__(self, enabled: bool, unit: str = "articles") -> None:
        self.enabled = enabled
        self.unit = unit
        self.start = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, done: int, share: float, final: bool = False, what: str = "input") -> None:
        """Redraw: ``done`` units so far, ``share`` (0..1) of ``what`` behind."""
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < _PROGRESS_SECONDS):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        line = f"{done:,} {self.unit} · {share:.0%} of {what} · {done / elapsed:,.0f}/s"
        if 0 < share < 1:
            line += f" · {_duration(elapsed * (1 - share) / share)} left"
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


@dataclass(frozen=True)
class ChunkRun:
    """What ``run_chunks`` did: every chunk's part summary in file order, and counts."""

    parts: Path
    summaries: tuple[PartSummary, ...]
    articles: int  # rows in the parts
    reused_chunks: int  # chunks taken from an interrupted run instead of done again

    @property
    def skipped(self) -> tuple[LoadProblem, ...]:
        """Rows skipped (or renamed, or noted), in file order."""
        return tuple(problem for s in self.summaries for problem in s.skipped)


def run_chunks(
    path: str | Path,
    parts: str | Path,
    task: ChunkTask,
    shared: Any,
    fingerprint: dict,
    *,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resume: bool = False,
    progress: bool | None = None,
) -> ChunkRun:
    """Run ``task(rows, shared)`` on every chunk of a bulk file and save each result as a
    part in ``parts`` (framing.io's part files), in file order.

    Reads ``chunk_size`` articles at a time and runs them on ``jobs`` processes (None: all
    cores), or on Dask workers with ``engine="dask"`` (a LocalCluster of ``jobs`` workers, or
    the cluster whose scheduler is at ``scheduler``). ``fingerprint`` (JSON-ready) says what
    the parts depend on: ``resume=True`` keeps the parts an interrupted run with the same
    fingerprint finished. ``progress=None`` draws a progress line when stderr is a terminal
    (and not in CI). Raises LoadError for an unreadable input, or one without any article.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    path, parts = Path(path), Path(parts)
    chunks = iter_article_chunks(path, chunk_size)
    first = next(chunks, None)  # the file's own errors surface before anything is written
    done = _prepare_parts(parts, fingerprint, resume)
    summaries = dict(done)
    bar = Progress(show_progress() if progress is None else progress)
    articles = 0

    def to_run() -> Iterator[ArticleChunk]:
        nonlocal articles
        for chunk in _prepend(first, chunks):
            if chunk.index not in done:
                yield chunk
                continue
            articles += done[chunk.index].articles
            bar.update(articles, chunk.read)

    try:
        with _engine(engine, resolve_jobs(jobs), scheduler, task, shared) as (submit, slots):
            for chunk, table, dropped in _scored(to_run(), submit, slots):
                problems = [*chunk.problems, *dropped]
                summaries[chunk.index] = save_part(parts, chunk.index, table, problems)
                articles += len(table)
                bar.update(articles, chunk.read)
        bar.update(articles, 1.0, final=True)
    finally:
        bar.close()
    run = ChunkRun(parts, tuple(summaries[i] for i in sorted(summaries)), articles, len(done))
    if articles == 0:
        remove_parts(parts)
        raise LoadError.nothing_loaded(str(path), run.skipped)
    return run


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
    the ``articles`` table of docs/tables.md, one row per article in file order, and what
    made it (framing.provenance: a last column ``made_by``).

    Streams the file through ``run_chunks`` (its arguments say how), scoring each chunk with
    ``score_chunk``. Raises LoadError for an unreadable input or output name.
    """
    path, out = Path(path), Path(out)
    check_output_name(out)
    run = run_chunks(
        path,
        out.with_name(out.name + ".parts"),
        _score_chunk_made_by,
        lexicon,
        _fingerprint(path, chunk_size, lexicon),
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        chunk_size=chunk_size,
        resume=resume,
        progress=progress,
    )
    write_table_from_parts(run.parts, [s.index for s in run.summaries if s.articles], out)
    remove_parts(run.parts)
    return BatchResult(out, run.articles, run.skipped, len(run.summaries), run.reused_chunks)


def check_output_name(out: Path) -> None:
    """Raise LoadError unless ``out`` names a table format the batch writes."""
    if out.suffix.lower() not in TABLE_SUFFIXES:
        raise LoadError(
            out, f"cannot write {out.suffix or 'this'}; use {', '.join(TABLE_SUFFIXES)}"
        )


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
