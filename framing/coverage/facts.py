"""The coverage map: for each fact (a group of aligned units), which outlets report it,
which leave it out, which reprint another's words, and whether their numbers agree.

Per outlet and fact, the status is
- ``shared by all``: every outlet of the story reports it;
- ``shared``: this outlet and some others report it;
- ``only here``: no other outlet reports it;
- ``left out``: this outlet does not, and more than half of the other outlets do
  (both others in a story of three, three of four others in a story of five), counting
  reprints of one agency text once;
- ``not reported``: this outlet does not, and fewer others do.

Wire copy: two outlets' sentences of one fact that share most of their own-voice word runs
(WIRE_SHARE of the shorter one's runs of framing.coverage.units.SHINGLE_WORDS words,
quotations left out) reprint one text, usually an agency's; they are marked, and the
outlets that reprint one text count as one report.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from framing.coverage.units import Quantity, Unit
from framing.models import Article

SHARED_BY_ALL, SHARED, ONLY_HERE, LEFT_OUT, NOT_REPORTED = (
    "shared by all",
    "shared",
    "only here",
    "left out",
    "not reported",
)
STATUSES = (SHARED_BY_ALL, SHARED, ONLY_HERE, LEFT_OUT, NOT_REPORTED)
WIRE_SHARE = 0.6
MIN_WIRE_SHINGLES = 4  # a copy of a few words is a phrase, not a reprint
# Two values within this share of each other are the same number written differently.
SAME_NUMBER = 0.01

COVERAGE_COLUMNS = [
    "fact", "outlet", "present", "status", "article_id", "start", "end", "text", "articles",
    "outlets", "independent", "wire", "numbers", "numbers_differ", "similarity", "fact_text",
]  # fmt: skip
FACT_SENTENCE_COLUMNS = [
    "fact", "article_id", "outlet", "index", "start", "end", "text", "outlets", "similarity",
    "wire", "repeat",
]  # fmt: skip
OUTLET_COLUMNS = [
    "outlet", "articles", "facts", "shared_by_all", "shared", "only_here", "left_out", "wire",
    "numbers_differ", "story_facts",
]  # fmt: skip
NUMBER_COLUMNS = [
    "fact", "article_id", "outlet", "start", "end", "text", "value", "counts", "differs",
    "values",
]  # fmt: skip


@dataclass(frozen=True)
class Fact:
    """One group of aligned units: their indexes, the outlets reporting it, and the
    outlets that reprint another's words in it."""

    id: str
    members: tuple[int, ...]
    outlets: tuple[str, ...]
    independent: int  # reports, reprints of one text counted once
    wire: frozenset[int]  # members that reprint another outlet's member
    representative: int  # the member most like the others


def is_left_out(others_reporting: int, outlets: int) -> bool:
    """Whether a fact reported (independently) by ``others_reporting`` of the other
    outlets of a story of ``outlets`` is left out by the one outlet that does not report
    it: more than half of the others report it."""
    return outlets > 1 and 2 * others_reporting > outlets - 1


def _is_wire(a: Unit, b: Unit) -> bool:
    smaller = min(len(a.shingles), len(b.shingles))
    if smaller < MIN_WIRE_SHINGLES:
        return False
    return len(a.shingles & b.shingles) >= WIRE_SHARE * smaller


def _find_root(parent: dict[str, str], outlet: str) -> str:
    while parent[outlet] != outlet:
        parent[outlet] = parent[parent[outlet]]
        outlet = parent[outlet]
    return outlet


def build_facts(
    groups: Sequence[Sequence[int]],
    units: Sequence[Unit],
    articles: Sequence[Article],
    scores: dict[tuple[int, int], float],
) -> list[Fact]:
    """The facts of ``groups``, ordered by the outlets reporting them (most first), then
    where they first appear; ids F1, F2, ... in that order."""
    found = []
    for members in groups:
        outlets = sorted({articles[units[m].article].outlet for m in members})
        parent = {o: o for o in outlets}
        wire = set()
        for i, m in enumerate(members):
            for n in members[i + 1 :]:
                a, b = units[m], units[n]
                oa, ob = articles[a.article].outlet, articles[b.article].outlet
                if oa != ob and _is_wire(a, b):
                    wire.update((m, n))
                    parent[_find_root(parent, oa)] = _find_root(parent, ob)
        independent = len({_find_root(parent, o) for o in outlets})

        def closeness(m: int, members: Sequence[int] = members) -> float:
            return sum(scores.get((min(m, n), max(m, n)), 0.0) for n in members if n != m)

        representative = max(members, key=lambda m: (closeness(m), -m))
        found.append((members, tuple(outlets), independent, frozenset(wire), representative))
    found.sort(key=lambda f: (-len(f[1]), f[0][0]))
    return [
        Fact(f"F{i + 1}", tuple(members), outlets, independent, wire, representative)
        for i, (members, outlets, independent, wire, representative) in enumerate(found)
    ]


def _quantities_text(quantities: Sequence[Quantity]) -> str:
    return "; ".join(q.text for q in quantities)


def _differing_counts(fact: Fact, units: Sequence[Unit], articles: Sequence[Article]) -> set[str]:
    """What the fact's numbers count ("kill people") where outlets give different
    values."""
    values: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for m in fact.members:
        outlet = articles[units[m].article].outlet
        for quantity in units[m].quantities:
            values[quantity.key][outlet].append(quantity.value)
    differ = set()
    for key, by_outlet in values.items():
        if len(by_outlet) < 2:
            continue
        seen = sorted(v for vs in by_outlet.values() for v in vs)
        if not math.isclose(seen[0], seen[-1], rel_tol=SAME_NUMBER):
            differ.add(key)
    return differ


@dataclass(frozen=True)
class CoverageTables:
    """The tables of docs/tables.md that coverage adds to an analysis."""

    coverage: pd.DataFrame
    fact_sentences: pd.DataFrame
    coverage_outlets: pd.DataFrame
    numbers: pd.DataFrame


def _similarity(m: int, members: Sequence[int], scores: dict[tuple[int, int], float]) -> float:
    """Mean similarity of unit ``m`` to the fact's other members (NaN alone)."""
    others = [n for n in members if n != m]
    if not others:
        return math.nan
    return sum(scores.get((min(m, n), max(m, n)), 0.0) for n in others) / len(others)


def build_coverage_tables(
    facts: Sequence[Fact],
    units: Sequence[Unit],
    articles: Sequence[Article],
    scores: dict[tuple[int, int], float],
) -> CoverageTables:
    """The coverage tables (docs/tables.md) of ``facts``."""
    outlets = sorted({a.outlet for a in articles})
    articles_of = defaultdict(int)
    for article in articles:
        articles_of[article.outlet] += 1
    coverage_rows, sentence_rows, number_rows = [], [], []
    counts: dict[str, dict[str, int]] = {o: defaultdict(int) for o in outlets}
    for fact in facts:
        by_outlet: dict[str, list[int]] = defaultdict(list)
        for m in sorted(fact.members, key=lambda m: (units[m].article, units[m].start)):
            by_outlet[articles[units[m].article].outlet].append(m)
        differ = _differing_counts(fact, units, articles)
        rep = units[fact.representative]
        rep_text = articles[rep.article].text[rep.start : rep.end]
        reported = len(fact.outlets)
        for outlet, members in by_outlet.items():
            seen_articles = set()
            for m in members:
                unit, article = units[m], articles[units[m].article]
                sentence_rows.append(
                    {"fact": fact.id, "article_id": article.id, "outlet": outlet,
                     "index": unit.index, "start": unit.start, "end": unit.end,
                     "text": article.text[unit.start : unit.end], "outlets": reported,
                     "similarity": _similarity(m, fact.members, scores),
                     "wire": m in fact.wire, "repeat": unit.article in seen_articles}
                )  # fmt: skip
                seen_articles.add(unit.article)
                for quantity in unit.quantities:
                    number_rows.append(
                        {"fact": fact.id, "article_id": article.id, "outlet": outlet,
                         "start": quantity.start, "end": quantity.end, "text": quantity.text,
                         "value": quantity.value, "counts": quantity.key,
                         "differs": quantity.key in differ}
                    )  # fmt: skip
        for outlet in outlets if reported > 1 else fact.outlets:
            members = by_outlet.get(outlet, [])
            if members:
                first = units[members[0]]
                article = articles[first.article]
                status = (
                    ONLY_HERE
                    if reported == 1
                    else SHARED_BY_ALL
                    if reported == len(outlets)
                    else SHARED
                )
                quantities = [q for m in members for q in units[m].quantities]
                row = {
                    "article_id": article.id, "start": first.start, "end": first.end,
                    "text": article.text[first.start : first.end],
                    "articles": len({units[m].article for m in members}),
                    "wire": any(m in fact.wire for m in members),
                    "numbers": _quantities_text(quantities),
                    "numbers_differ": any(q.key in differ for q in quantities),
                    "similarity": _similarity(members[0], fact.members, scores),
                }  # fmt: skip
            else:
                status = LEFT_OUT if is_left_out(fact.independent, len(outlets)) else NOT_REPORTED
                row = {
                    "article_id": "", "start": -1, "end": -1, "text": "", "articles": 0,
                    "wire": False, "numbers": "", "numbers_differ": False,
                    "similarity": math.nan,
                }  # fmt: skip
            counts[outlet][status] += 1
            counts[outlet]["wire"] += row["wire"]
            counts[outlet]["numbers_differ"] += row["numbers_differ"]
            coverage_rows.append(
                {"fact": fact.id, "outlet": outlet, "present": bool(members), "status": status,
                 **row, "outlets": reported, "independent": fact.independent,
                 "fact_text": rep_text}
            )  # fmt: skip
    said: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in number_rows:
        said[(row["fact"], row["counts"])].append(f"{row['outlet']}: {row['text']}")
    for row in number_rows:
        row["values"] = "; ".join(dict.fromkeys(said[(row["fact"], row["counts"])]))
    numbers = pd.DataFrame(number_rows, columns=NUMBER_COLUMNS)
    outlet_rows = [
        {"outlet": o, "articles": articles_of[o],
         "facts": counts[o][SHARED_BY_ALL] + counts[o][SHARED] + counts[o][ONLY_HERE],
         "shared_by_all": counts[o][SHARED_BY_ALL], "shared": counts[o][SHARED],
         "only_here": counts[o][ONLY_HERE], "left_out": counts[o][LEFT_OUT],
         "wire": counts[o]["wire"], "numbers_differ": counts[o]["numbers_differ"],
         "story_facts": sum(len(f.outlets) > 1 for f in facts)}
        for o in outlets
    ]  # fmt: skip
    return CoverageTables(
        coverage=pd.DataFrame(coverage_rows, columns=COVERAGE_COLUMNS),
        fact_sentences=pd.DataFrame(sentence_rows, columns=FACT_SENTENCE_COLUMNS),
        coverage_outlets=pd.DataFrame(outlet_rows, columns=OUTLET_COLUMNS),
        numbers=numbers,
    )
