"""A corpus into stories: its articles' cheap readings, term weights counted over the whole
corpus, grouping day by day, and the two tables (one row per article, one per story).

``group_articles`` groups articles held in memory. ``group_file`` streams a bulk file in
three passes, holding at most one chunk, one week of articles and the stories still open:

1. read and clean the file in chunks and find each article's terms (framing.batch's chunk
   machinery: worker processes or Dask, part files, ``resume``);
2. count in how many articles each term occurs, then turn each article into its vector and
   file it under its week (undated articles last);
3. group the weeks in date order (framing.stories.grouping) and write the tables.
"""

from __future__ import annotations

import itertools
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from framing.batch import (
    DEFAULT_CHUNK_SIZE,
    Progress,
    check_output_name,
    run_chunks,
    show_progress,
)
from framing.io import (
    LoadError,
    build_articles,
    load_file_fingerprint,
    load_part_table,
    remove_parts,
    save_part,
    write_table,
    write_table_from_parts,
)
from framing.models import Article, LoadProblem
from framing.provenance import add_provenance, describe_provenance
from framing.stories.features import (
    BACKGROUND_DOCUMENTS,
    NAME_PREFIX,
    NUMBER_PREFIX,
    ArticleTerms,
    background_share,
    find_article_terms,
    stem,
)
from framing.stories.grouping import (
    ClosedGroup,
    GroupingSettings,
    StoryGrouper,
    Vector,
)

ARTICLE_STORY_COLUMNS = ["article_id", "outlet", "date", "title", "story", "story_name"]
STORY_COLUMNS = [
    "story", "story_name", "first_date", "last_date", "articles", "outlets", "outlet_list",
]  # fmt: skip
OUTLET_SEPARATOR = "; "
# Part columns of pass 1 (one row per article, in file order).
_TERM_COLUMNS = [
    "article_id", "outlet", "title", "date", "day", "key", "terms", "counts", "names", "words",
]  # fmt: skip
_VERSION = 1  # of the parts' contents: parts of another version are never resumed
_WEEK = 7  # days per file of pass 2
_UNDATED = -1  # the bucket of undated articles (grouped last)
_BUFFERED_ROWS = 20_000  # vector rows held before the fullest week is written
NAME_ACTORS = 2  # names in a story's name
NAME_WORDS = 3  # words after them


@dataclass(frozen=True)
class StoryGrouping:
    """Stories of a corpus: ``articles`` (ARTICLE_STORY_COLUMNS, one row per article in
    input order) and ``stories`` (STORY_COLUMNS, one row per story, by first date)."""

    articles: pd.DataFrame
    stories: pd.DataFrame
    skipped: tuple[LoadProblem, ...] = ()


# --- pass 1: terms -----------------------------------------------------------------------


def _terms_frame(articles: Iterable[ArticleTerms]) -> pd.DataFrame:
    rows = [
        {
            "article_id": a.article_id,
            "outlet": a.outlet,
            "title": a.title,
            "date": a.date,
            "day": -1 if a.day is None else a.day,
            "key": a.key,
            "terms": list(a.terms),
            "counts": list(a.terms.values()),
            "names": list(a.names),
            "words": list(a.words),
        }  # fmt: skip
        for a in articles
    ]
    return pd.DataFrame(rows, columns=_TERM_COLUMNS).astype({"day": "int64"})


def find_chunk_terms(rows: pd.DataFrame, _: object = None) -> tuple[pd.DataFrame, list]:
    """Clean one chunk of a bulk file (framing.batch's ``ArticleChunk.rows``) and find each
    article's terms; and the rows cleaning dropped or noted. Runs in a worker process or on
    a Dask worker."""
    articles, problems = build_articles(rows.to_dict("records"))
    return _terms_frame(find_article_terms(a) for a in articles), problems


# --- pass 2: weights and vectors -------------------------------------------------------


@dataclass(frozen=True)
class _Weights:
    """Every term of the corpus with its id (terms in sorted order, so that ids break ties
    as the terms would) and inverse document frequency."""

    ids: dict[str, int]
    idf: np.ndarray

    @classmethod
    def of(cls, frequencies: Counter[str], documents: int) -> _Weights:
        terms = sorted(frequencies)
        expected = np.array([frequencies[t] for t in terms], dtype=np.float64)
        expected += BACKGROUND_DOCUMENTS * np.array([_share(t) for t in terms])
        idf = np.log((documents + BACKGROUND_DOCUMENTS) / (expected + 1))
        return cls({t: i for i, t in enumerate(terms)}, np.maximum(idf, 0.0))


def _share(term: str) -> float:
    return 0.0 if term[0] in (NAME_PREFIX, NUMBER_PREFIX) else background_share(term)


def _vector_frame(terms: pd.DataFrame, weights: _Weights, keep: int, first: int) -> pd.DataFrame:
    """Each article's ``keep`` heaviest terms as a unit vector (features.score_term_weights,
    vectorised); ``first`` is the corpus-wide index of the frame's first row."""
    lengths = terms["terms"].map(len).to_numpy()
    ids = np.fromiter(
        (weights.ids[t] for t in itertools.chain.from_iterable(terms["terms"])),
        dtype=np.int64,
        count=int(lengths.sum()),
    )
    counts = np.concatenate([np.asarray(c, dtype=np.float64) for c in terms["counts"]] or [[]])
    values = (1 + np.log(np.maximum(counts, 1e-12))) * weights.idf[ids]
    owner = np.repeat(np.arange(len(terms)), lengths)
    order = np.lexsort((ids, -values, owner))  # per article: heaviest first, ties by term
    ids, values, owner = ids[order], values[order], owner[order]
    rank = np.arange(len(ids)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    kept = (rank < keep) & (values > 0)
    ids, values, owner = ids[kept], values[kept], owner[kept]
    norms = np.sqrt(np.bincount(owner, weights=values * values, minlength=len(terms)))
    values = values / np.where(norms > 0, norms, 1.0)[owner]
    bounds = np.searchsorted(owner, np.arange(len(terms) + 1))
    return pd.DataFrame(
        {
            "index": np.arange(first, first + len(terms), dtype=np.int64),
            "day": terms["day"].to_numpy(),
            "key": terms["key"].to_numpy(),
            "columns": [ids[a:b] for a, b in itertools.pairwise(bounds)],
            "weights": [values[a:b] for a, b in itertools.pairwise(bounds)],
            "outlet": terms["outlet"].to_numpy(),
            "date": terms["date"].to_numpy(),
            "names": terms["names"].to_numpy(),
            "words": terms["words"].to_numpy(),
        }
    )


def _bucket(day: int) -> int:
    return _UNDATED if day < 0 else day // _WEEK


# --- pass 3: grouping and naming ---------------------------------------------------------


@dataclass(frozen=True)
class _Member:
    outlet: str
    date: str
    day: int
    key: str
    names: tuple[str, ...]
    words: tuple[str, ...]


class _Stories:
    """Feeds the grouper in date order and turns each closed group into its story row and
    its members' corpus-wide indexes."""

    def __init__(
        self, columns: int, weights: _Weights, settings: GroupingSettings, undated: bool
    ) -> None:
        self.grouper = StoryGrouper(columns, settings)
        self.grouper.keep_sums = undated  # dated stories keep their vectors for the undated
        self.weights = weights
        self.members: dict[int, _Member] = {}
        self.day: int | None = None
        self.pending: list[Vector] = []
        self.undated: list[Vector] = []

    def add(self, frame: pd.DataFrame) -> Iterator[tuple[dict, tuple[int, ...]]]:
        """Add the articles of ``frame`` (a vector frame; its days not before any added
        before, undated last); yields the stories that closed."""
        for row in frame.sort_values(["day", "key"]).itertuples(index=False):
            day = int(row.day)
            vector = Vector(int(row.index), None if day < 0 else day, row.key,
                            np.asarray(row.columns, dtype=np.int64),
                            np.asarray(row.weights, dtype=np.float64))  # fmt: skip
            self.members[vector.index] = _Member(
                row.outlet, row.date or "", day, row.key, tuple(row.names), tuple(row.words)
            )
            if vector.day is None:
                self.undated.append(vector)
                continue
            if self.day is not None and day != self.day:
                yield from self._flush()
            self.day = day
            self.pending.append(vector)

    def _flush(self) -> Iterator[tuple[dict, tuple[int, ...]]]:
        if self.pending:
            closed = self.grouper.add_day(self.day, self.pending)
            self.pending = []
            yield from self._named(closed)

    def finish(self) -> Iterator[tuple[dict, tuple[int, ...]]]:
        yield from self._flush()
        yield from self._named(self.grouper.finish(self.undated))
        self.undated = []

    def _named(self, groups: Sequence[ClosedGroup]) -> Iterator[tuple[dict, tuple[int, ...]]]:
        for group in groups:
            members = [self.members.pop(i) for i in group.members]
            yield _story_row(group.key, members, self.weights), group.members


def _story_row(key: str, members: Sequence[_Member], weights: _Weights) -> dict:
    dated = sorted(m.date for m in members if m.day >= 0)
    outlets = sorted({m.outlet for m in members})
    return {
        "key": key,
        "first_day": min((m.day for m in members if m.day >= 0), default=None),
        "story_name": name_story([m.names for m in members], [m.words for m in members], weights),
        "first_date": dated[0] if dated else "",
        "last_date": dated[-1] if dated else "",
        "articles": len(members),
        "outlets": len(outlets),
        "outlet_list": OUTLET_SEPARATOR.join(outlets),
    }


def name_story(
    names: Sequence[Sequence[str]],
    words: Sequence[Sequence[str]],
    weights: _Weights | None = None,
) -> str:
    """A readable name for a story from its articles' names (from their text) and title
    words: the NAME_ACTORS names the most articles use (a name in a title counts twice),
    then the NAME_WORDS title words the most articles use, rarer words first ("Mike
    Pompeo, Kim Jong Un: secret, meeting, summit")."""
    titles = [" ".join(article).lower() for article in words]
    actors: Counter[str] = Counter()
    for article, title in zip(names, titles, strict=True):
        for name in dict.fromkeys(article):
            actors[name] += 1 + 2 * (name.lower() in title)
    chosen: list[str] = []
    for name, _ in sorted(actors.items(), key=lambda x: (-x[1], -len(x[0]), x[0])):
        if len(chosen) == NAME_ACTORS:
            break
        if not any(_overlaps(name, other) for other in chosen):
            chosen.append(name)
    taken = {w.lower() for article in names for n in article for w in n.split()}
    forms: dict[str, Counter[str]] = {}
    used: Counter[str] = Counter()
    for article in words:
        for word in dict.fromkeys(article):
            if word.lower() in taken:
                continue
            term = stem(word.lower())
            shown = word if word.isupper() and len(word) > 1 else word.lower()
            forms.setdefault(term, Counter())[shown] += 1
            used[term] += 1

    def score(term: str) -> float:
        if weights is None or term not in weights.ids:
            return used[term]
        return used[term] * weights.idf[weights.ids[term]]

    top = sorted(used, key=lambda t: (-score(t), t))[:NAME_WORDS]
    shown = [forms[t].most_common(1)[0][0] for t in top]
    if chosen and shown:
        return f"{', '.join(chosen)}: {', '.join(shown)}"
    return ", ".join(chosen or shown) or "(no name)"


def _overlaps(a: str, b: str) -> bool:
    """Two names for one actor: one is in the other, or they share a first word
    ("Russia", "Russian"; "Biden", "Joe Biden")."""
    a, b = a.lower(), b.lower()
    return a in b or b in a or a.split()[0][:5] == b.split()[0][:5]


def _number(stories: pd.DataFrame) -> pd.DataFrame:
    """Stories by first date (undated last), ties by key; ids s1, s2, ... padded to one
    width."""
    ordered = stories.assign(undated=stories["first_day"].isna()).sort_values(
        ["undated", "first_day", "key"], kind="stable"
    )
    width = len(str(len(ordered)))
    ordered.insert(0, "story", [f"s{n:0{width}d}" for n in range(1, len(ordered) + 1)])
    return ordered.reset_index(drop=True)


# --- in memory ---------------------------------------------------------------------------


def group_articles(
    articles: Sequence[Article], settings: GroupingSettings | None = None
) -> StoryGrouping:
    """Group ``articles`` into same-event stories (framing.stories.grouping says how)."""
    settings = settings or GroupingSettings()
    terms = _terms_frame(find_article_terms(a) for a in articles)
    weights = _weights_of([terms], len(terms))
    vectors = _vector_frame(terms, weights, settings.keep_terms, 0)
    stories = _Stories(len(weights.ids), weights, settings, bool((vectors["day"] < 0).any()))
    closed = [*stories.add(vectors), *stories.finish()]
    table, story_of = _tables(closed, len(terms))
    rows = terms[["article_id", "outlet", "date", "title"]].copy()
    return StoryGrouping(_assigned(rows, story_of, table), table[STORY_COLUMNS])


def _weights_of(frames: Iterable[pd.DataFrame], documents: int) -> _Weights:
    frequencies: Counter[str] = Counter()
    for frame in frames:
        frequencies.update(itertools.chain.from_iterable(frame["terms"]))
    return _Weights.of(frequencies, documents)


def _tables(
    closed: Sequence[tuple[dict, tuple[int, ...]]], articles: int
) -> tuple[pd.DataFrame, np.ndarray]:
    """The story table (numbered) and, per corpus-wide article index, its story's row."""
    table = _number(pd.DataFrame([{**row, "closed": n} for n, (row, _) in enumerate(closed)]))
    row_of = np.empty(len(table), dtype=np.int64)
    row_of[table["closed"].to_numpy()] = np.arange(len(table))
    story_of = np.full(articles, -1, dtype=np.int64)
    for n, (_, members) in enumerate(closed):
        story_of[list(members)] = row_of[n]
    return table, story_of


def _assigned(rows: pd.DataFrame, story_rows: np.ndarray, table: pd.DataFrame) -> pd.DataFrame:
    return rows.assign(
        story=table["story"].to_numpy()[story_rows],
        story_name=table["story_name"].to_numpy()[story_rows],
    )[ARTICLE_STORY_COLUMNS]


# --- a bulk file, streamed ----------------------------------------------------------------


def group_file(
    path: str | Path,
    out: str | Path | None = None,
    stories_out: str | Path | None = None,
    *,
    settings: GroupingSettings | None = None,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resume: bool = False,
    progress: bool | None = None,
) -> StoryGrouping:
    """Group the articles of a bulk file (.csv, .jsonl, .parquet) into stories, streaming it
    (see the module docstring). With ``out`` the article table is written there (and the
    returned ``articles`` frame is empty: it may not fit in memory); with ``stories_out`` the
    story table too. ``resume`` (needs ``out``) keeps the chunks an interrupted run read.
    Engines, jobs and progress as in framing.batch.run_chunks; the result is the same
    whichever runs. Raises LoadError for an unreadable input or output name."""
    settings = settings or GroupingSettings()
    made_by = describe_provenance(None)
    path = Path(path)
    for target in (out, stories_out):
        if target is not None:
            check_output_name(Path(target))
    if resume and out is None:
        raise LoadError(path, "--resume needs --out FILE (the parts are kept beside it)")
    with tempfile.TemporaryDirectory(prefix="slant-stories-") as scratch:
        parts = Path(out).with_name(Path(out).name + ".parts") if out else Path(scratch) / "p"
        fingerprint = {
            "version": _VERSION,
            "task": "stories",
            **load_file_fingerprint(path),
            "chunk_size": chunk_size,
            "columns": _TERM_COLUMNS,
        }
        run = run_chunks(path, parts, find_chunk_terms, None, fingerprint, jobs=jobs,
                         engine=engine, scheduler=scheduler, chunk_size=chunk_size,
                         resume=resume, progress=progress)  # fmt: skip
        bar = Progress(show_progress() if progress is None else progress, "articles grouped")
        try:
            table, story_of = _group_parts(run, settings, bar)
        finally:
            bar.close()
        rows = parts / "rows"
        indexes = [s.index for s in run.summaries if s.articles]
        first = 0
        frames = []
        for index in indexes:
            meta = load_part_table(parts, index, ["article_id", "outlet", "date", "title"])
            chunk = _assigned(meta, story_of[first : first + len(meta)], table)
            first += len(meta)
            if out is None:
                frames.append(chunk)
            else:
                save_part(rows, index, add_provenance(chunk, made_by), ())
        if out is not None:
            write_table_from_parts(rows, indexes, out)
            remove_parts(rows)
        if stories_out is not None:
            write_table(add_provenance(table[STORY_COLUMNS], made_by), stories_out)
        remove_parts(parts / "vectors")
        remove_parts(parts)
    articles = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=ARTICLE_STORY_COLUMNS)
    )
    return StoryGrouping(articles, table[STORY_COLUMNS].copy(), run.skipped)


class _WeekFiles:
    """Vector rows filed by week in part files of ``folder``. Rows wait in memory until
    BUFFERED_ROWS are waiting, then the fullest week is written: few files, bounded memory."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        remove_parts(folder)
        self.waiting: dict[int, list[pd.DataFrame]] = {}
        self.rows = 0
        self.files: dict[int, list[int]] = {}
        self.number = itertools.count()

    def add(self, frame: pd.DataFrame) -> None:
        for bucket, rows in frame.groupby(frame["day"].map(_bucket), sort=True):
            self.waiting.setdefault(int(bucket), []).append(rows)
            self.rows += len(rows)
        while self.rows > _BUFFERED_ROWS:
            fullest = max(self.waiting, key=lambda b: sum(len(f) for f in self.waiting[b]))
            self._write(fullest)

    def _write(self, bucket: int) -> None:
        frames = self.waiting.pop(bucket)
        part = next(self.number)
        save_part(self.folder, part, pd.concat(frames, ignore_index=True), ())
        self.rows -= sum(len(f) for f in frames)
        self.files.setdefault(bucket, []).append(part)

    def finish(self) -> dict[int, list[int]]:
        """Write what waits; returns the part numbers of each week."""
        for bucket in sorted(self.waiting):
            self._write(bucket)
        return self.files


def _group_parts(run, settings: GroupingSettings, bar: Progress) -> tuple[pd.DataFrame, np.ndarray]:
    parts = run.parts
    indexes = [s.index for s in run.summaries if s.articles]
    weights = _weights_of((load_part_table(parts, i, ["terms"]) for i in indexes), run.articles)
    # Each chunk's vectors, filed by week: a week's files are read back whole in pass 3.
    weeks = _WeekFiles(parts / "vectors")
    first = 0
    for index in indexes:
        terms = load_part_table(parts, index)
        weeks.add(_vector_frame(terms, weights, settings.keep_terms, first))
        first += len(terms)
    files = weeks.finish()
    stories = _Stories(len(weights.ids), weights, settings, _UNDATED in files)
    closed: list[tuple[dict, tuple[int, ...]]] = []
    grouped = 0
    order = sorted(b for b in files if b != _UNDATED) + ([_UNDATED] if _UNDATED in files else [])
    for bucket in order:
        week = pd.concat([load_part_table(weeks.folder, p) for p in files[bucket]])
        closed.extend(stories.add(week))
        grouped += len(week)
        bar.update(grouped, grouped / run.articles, what="articles")
    closed.extend(stories.finish())
    bar.update(run.articles, 1.0, final=True, what="articles")
    return _tables(closed, run.articles)
