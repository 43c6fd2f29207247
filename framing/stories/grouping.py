"""Same-event grouping: average-linkage clustering of article vectors, day by day, with
similarity fading over the days between two articles.

Two articles are as similar as their term vectors (``features.score_term_weights``: unit
vectors of each article's most telling words, numbers and names), times
``exp(-days apart / DAYS_SCALE)``: the same words a week apart are most likely another
event (the third budget vote is not the first). Stories grow by average linkage: two groups
join while the mean similarity over all pairs of their articles is at least THRESHOLD, the
most similar pair of groups first. A group is as coherent as its members on average, so one
article that happens to resemble another cannot chain two events together.

Dated articles are grouped in day order, each day against the stories still open: a story
whose newest article is more than ``window`` days old can gain no member any more (every
pair with it is below the threshold), so it is closed and its memory freed. Undated articles
come last: they join each other and the dated stories by their words and names alone, never
bridging two dated stories. Ties break by each article's key (a digest of its content), so
the grouping depends on the articles, never on the order they came in.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

THRESHOLD = 0.12
DAYS_SCALE = 1.5
# A pair with an undated article counts as this many days apart: without a date, two
# articles must share more words to be called one event (e times more than on one day).
UNDATED_DAYS = DAYS_SCALE
# Pairs below this share of the threshold are not kept: they can move a group's mean by
# little, and keeping every faint overlap would make the work grow with the square of the
# window.
FLOOR_SHARE = 0.25
KEEP_TERMS = 40
_UNDATED_BLOCK = 2_000  # undated articles compared with everything at a time


@dataclass(frozen=True)
class GroupingSettings:
    """One setting for every corpus: none of these is fitted to a data set."""

    threshold: float = THRESHOLD  # least mean pair similarity for two groups to join
    days_scale: float = DAYS_SCALE  # similarity falls by e every this many days apart
    keep_terms: int = KEEP_TERMS  # terms per article vector
    undated_days: float = UNDATED_DAYS  # how far apart a pair with an undated article counts

    @property
    def undated_factor(self) -> float:
        return math.exp(-self.undated_days / self.days_scale)

    @property
    def floor(self) -> float:
        return self.threshold * FLOOR_SHARE

    @property
    def window(self) -> int:
        """Days apart beyond which two articles' similarity is below the floor even when
        their words are the same."""
        return math.floor(self.days_scale * math.log(1 / self.floor))


@dataclass(frozen=True)
class Vector:
    """One article as grouping sees it: its index (the caller's), day (None: undated),
    tie-breaking key, and unit term vector (column ids and weights)."""

    index: int
    day: int | None
    key: str
    columns: np.ndarray  # int64 term ids
    weights: np.ndarray  # float64, unit length


@dataclass
class _Group:
    key: str  # the smallest member key: names the group in ties
    members: list[int]  # indexes of Vector
    dated: bool
    last_day: int | None
    sums: dict[int, float] = field(default_factory=dict)  # group id -> summed pair similarity
    version: int = 0


@dataclass(frozen=True)
class ClosedGroup:
    """A finished story: its members (the caller's indexes) and key."""

    key: str
    members: tuple[int, ...]


class StoryGrouper:
    """Feed dated articles day by day (``add_day``, days in increasing order), then the
    undated ones (``finish``); stories come back as they close."""

    def __init__(self, columns: int, settings: GroupingSettings | None = None) -> None:
        self.settings = settings or GroupingSettings()
        self.columns = columns
        self.vectors: dict[int, Vector] = {}  # the open articles
        self.groups: dict[int, _Group] = {}
        self.group_of: dict[int, int] = {}  # article index -> group id
        self.heap: list[tuple[float, str, str, int, int, int, int]] = []
        self.next_id = 0
        self.day: int | None = None
        self.keep_sums = False  # undated articles wait: dated stories keep their sum vectors
        self.closed_sums: list[tuple[ClosedGroup, sparse.csr_matrix]] = []

    # --- dated articles, day by day ---------------------------------------------------

    def add_day(self, day: int, vectors: Sequence[Vector]) -> list[ClosedGroup]:
        """Group the articles of ``day`` with the open stories; returns the stories that
        closed (no later article can join them)."""
        if self.day is not None and day <= self.day:
            raise ValueError(f"days must increase: {day} after {self.day}")
        self.day = day
        closed = self._close_before(day - self.settings.window)
        new = sorted(vectors, key=lambda v: v.key)
        if not new:
            return closed
        open_vectors = sorted(self.vectors.values(), key=lambda v: v.key)
        everyone = open_vectors + new
        similarity = _matrix(new, self.columns) @ _matrix(everyone, self.columns).T
        days = np.array([v.day for v in everyone], dtype=np.int64)
        for vector in new:
            self._add_singleton(vector)
        similarity = similarity.tocoo()
        offset = len(open_vectors)
        for row, col, value in zip(similarity.row, similarity.col, similarity.data, strict=True):
            if col >= offset and col - offset <= row:  # each new pair once, no self pairs
                continue
            decayed = value * math.exp(-abs(day - days[col]) / self.settings.days_scale)
            if decayed >= self.settings.floor:
                self._add_pair(new[row].index, everyone[col].index, decayed)
        self._merge()
        return closed

    def _close_before(self, last_open_day: int) -> list[ClosedGroup]:
        stale = [
            gid
            for gid, group in self.groups.items()
            if group.last_day is not None and group.last_day < last_open_day
        ]
        return self._close_all(stale)

    def _close_all(self, gids: Iterable[int]) -> list[ClosedGroup]:
        """Close groups ``gids``; returns those final now (not kept for undated articles)."""
        closed = [self._close(gid) for gid in sorted(gids, key=lambda g: self.groups[g].key)]
        return [group for group in closed if group is not None]

    def _close(self, gid: int) -> ClosedGroup | None:
        group = self.groups.pop(gid)
        for other in group.sums:
            self.groups[other].sums.pop(gid, None)
        members = tuple(sorted(group.members, key=lambda i: self.vectors[i].key))
        done = ClosedGroup(group.key, members)
        kept = self.keep_sums
        if kept:  # undated articles may still join: it comes back from finish()
            summed = _summed([self.vectors[i] for i in members], self.columns)
            self.closed_sums.append((done, summed))
        for index in members:
            del self.vectors[index]
            del self.group_of[index]
        return None if kept else done

    def _add_singleton(self, vector: Vector) -> None:
        gid = self.next_id
        self.next_id += 1
        dated = vector.day is not None
        self.groups[gid] = _Group(vector.key, [vector.index], dated, vector.day)
        self.vectors[vector.index] = vector
        self.group_of[vector.index] = gid

    def _add_pair(self, a: int, b: int, similarity: float) -> None:
        ga, gb = self.group_of[a], self.group_of[b]
        self._add_sum(ga, gb, similarity)

    def _add_sum(self, ga: int, gb: int, amount: float) -> None:
        if ga == gb:
            return
        sums = self.groups[ga].sums
        sums[gb] = sums.get(gb, 0.0) + amount
        self.groups[gb].sums[ga] = sums[gb]
        self._push(ga, gb)

    def _linkage(self, ga: int, gb: int) -> float:
        a, b = self.groups[ga], self.groups[gb]
        return a.sums.get(gb, 0.0) / (len(a.members) * len(b.members))

    def _push(self, ga: int, gb: int) -> None:
        link = self._linkage(ga, gb)
        if link < self.settings.threshold:
            return
        a, b = self.groups[ga], self.groups[gb]
        if a.dated and b.dated and self.day is None:
            return  # undated stage: two dated stories were kept apart by their dates
        first, second = sorted((a.key, b.key))
        entry = (-link, first, second, ga, a.version, gb, b.version)
        heapq.heappush(self.heap, entry)

    def _merge(self) -> None:
        """Join the most similar pair of groups while any pair reaches the threshold."""
        while self.heap:
            _, _, _, ga, va, gb, vb = heapq.heappop(self.heap)
            a, b = self.groups.get(ga), self.groups.get(gb)
            if a is None or b is None or a.version != va or b.version != vb:
                continue  # stale: a group changed since this pair was pushed
            keep, drop = (ga, gb) if a.key < b.key else (gb, ga)
            self._join(keep, drop)

    def _join(self, keep: int, drop: int) -> None:
        kept, gone = self.groups[keep], self.groups.pop(drop)
        kept.sums.pop(drop, None)
        gone.sums.pop(keep, None)
        kept.members.extend(gone.members)
        for index in gone.members:
            self.group_of[index] = keep
        kept.dated = kept.dated or gone.dated
        if gone.last_day is not None:
            kept.last_day = max(kept.last_day or gone.last_day, gone.last_day)
        kept.version += 1
        for other, amount in gone.sums.items():
            neighbour = self.groups[other].sums
            neighbour.pop(drop, None)
            kept.sums[other] = kept.sums.get(other, 0.0) + amount
            neighbour[keep] = kept.sums[other]
        for other in sorted(kept.sums, key=lambda g: self.groups[g].key):
            self._push(keep, other)

    # --- the end: undated articles -------------------------------------------------------

    def finish(self, undated: Sequence[Vector]) -> list[ClosedGroup]:
        """Close every dated story, then group ``undated`` with each other and with the
        dated stories by text alone; returns every story not returned before."""
        if undated and not self.keep_sums and self.day is not None:
            raise ValueError("set keep_sums before adding dated articles when undated follow")
        self.keep_sums = self.keep_sums or bool(undated)
        closed = self._close_all(list(self.groups))
        dated, self.closed_sums = self.closed_sums, []
        if not undated:
            return closed + [group for group, _ in dated]
        self.day = None
        return self._group_undated(sorted(undated, key=lambda v: v.key), dated)

    def _group_undated(
        self,
        undated: list[Vector],
        dated: list[tuple[ClosedGroup, sparse.csr_matrix]],
    ) -> list[ClosedGroup]:
        # Dated stories come back as single nodes holding their summed vectors: an undated
        # article's summed similarity to a story is its dot product with that sum.
        story_ids = []
        for group, _ in dated:
            gid = self.next_id
            self.next_id += 1
            self.groups[gid] = _Group(group.key, list(group.members), True, None)
            story_ids.append(gid)
        story_matrix = (
            sparse.vstack([sums for _, sums in dated]).tocsr()
            if dated
            else sparse.csr_matrix((0, self.columns))
        )
        for vector in undated:
            self._add_singleton(vector)
        undated_matrix = _matrix(undated, self.columns)
        floor = self.settings.floor
        factor = self.settings.undated_factor
        for start in range(0, len(undated), _UNDATED_BLOCK):
            block = undated_matrix[start : start + _UNDATED_BLOCK] * factor
            with_stories = (block @ story_matrix.T).tocoo()
            for row, col, value in zip(
                with_stories.row, with_stories.col, with_stories.data, strict=True
            ):
                gid = story_ids[col]
                if value / len(self.groups[gid].members) >= floor:
                    self._add_sum(self.group_of[undated[start + row].index], gid, value)
            with_undated = (block @ undated_matrix.T).tocoo()
            for row, col, value in zip(
                with_undated.row, with_undated.col, with_undated.data, strict=True
            ):
                if col > start + row and value >= floor:
                    self._add_pair(undated[start + row].index, undated[col].index, value)
        self._merge()
        result = []
        for gid in sorted(self.groups, key=lambda g: self.groups[g].key):
            group = self.groups[gid]
            result.append(ClosedGroup(group.key, tuple(group.members)))
        self.groups.clear()
        self.vectors.clear()
        self.group_of.clear()
        return result


def _matrix(vectors: Sequence[Vector], columns: int) -> sparse.csr_matrix:
    if not vectors:
        return sparse.csr_matrix((0, columns))
    lengths = [len(v.columns) for v in vectors]
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    return sparse.csr_matrix(
        (
            np.concatenate([v.weights for v in vectors]),
            np.concatenate([v.columns for v in vectors]),
            indptr,
        ),
        shape=(len(vectors), columns),
    )


def _summed(vectors: Sequence[Vector], columns: int) -> sparse.csr_matrix:
    """The sum of ``vectors`` as a one-row matrix."""
    return sparse.csr_matrix(_matrix(vectors, columns).sum(axis=0))
