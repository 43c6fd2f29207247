"""Facts from similar pairs: units grouped across a story's articles by average linkage.

Groups grow the most similar pair of groups first, and two groups join while the mean
similarity over all pairs of their units (a pair that was not similar enough to be kept
counts 0) is at least the threshold. A group is then as coherent as its members are on
average, so one sentence that resembles two others cannot chain two facts together. An
article may have several units in one group: a lead and a later quotation that report
the same thing are one fact, not two (measured: keeping one unit per article in each group
split the facts an article repeats and aligned fewer of the hand-aligned pairs).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing.coverage.similarity import Pair


@dataclass
class _Group:
    members: list[int]
    sums: dict[int, float] = field(default_factory=dict)  # other group -> summed similarity


def group_units(units: int, pairs: Sequence[Pair], threshold: float) -> list[list[int]]:
    """``units`` units (0 .. units - 1) grouped by average linkage over ``pairs``; each
    group's units sorted, groups in the order of their first unit. Every unit is in
    exactly one group. Ties break by group id, so the result depends only on the input."""
    groups = {i: _Group([i]) for i in range(units)}
    for pair in pairs:
        groups[pair.a].sums[pair.b] = groups[pair.a].sums.get(pair.b, 0.0) + pair.score
        groups[pair.b].sums[pair.a] = groups[pair.b].sums.get(pair.a, 0.0) + pair.score
    # A group id is never reused, so an entry whose two groups are both still there holds
    # their current mean similarity.
    heap = [(-p.score, p.a, p.b) for p in pairs if p.score >= threshold]
    heapq.heapify(heap)
    next_id = units
    while heap:
        _, a, b = heapq.heappop(heap)
        first, second = groups.get(a), groups.get(b)
        if first is None or second is None:
            continue
        merged = _Group(first.members + second.members)
        del groups[a], groups[b]
        for other_id in set(first.sums) | set(second.sums):
            if other_id in (a, b):
                continue
            other = groups[other_id]
            total = other.sums.pop(a, 0.0) + other.sums.pop(b, 0.0)
            other.sums[next_id] = total
            merged.sums[other_id] = total
            mean = total / (len(other.members) * len(merged.members))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, other_id, next_id))
        groups[next_id] = merged
        next_id += 1
    return sorted((sorted(g.members) for g in groups.values()), key=lambda members: members[0])
