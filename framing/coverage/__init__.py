"""What each outlet put in and left out: facts aligned across a story's articles, and the
same quotation across outlets.

Rooms, in the order the work runs:
- ``units``: each article's sentences (and its attributions' contents) from its one shared
  reading, as features: content-word stems, name skeletons, numbers, actors;
- ``similarity``: weighted feature vectors, the cosine of two units, and the candidate
  pairs (blocked by their rare features, far below quadratic);
- ``alignment``: units grouped into facts by average linkage;
- ``facts``: the coverage map (shared, only here, left out), wire copy, numbers;
- ``quotes``: quotation groups across outlets and how each outlet quotes; speakers only
  one outlet quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.coverage.alignment import group_units
from framing.coverage.facts import (
    COVERAGE_COLUMNS,
    FACT_SENTENCE_COLUMNS,
    LEFT_OUT,
    NOT_REPORTED,
    NUMBER_COLUMNS,
    ONLY_HERE,
    OUTLET_COLUMNS,
    SHARED,
    SHARED_BY_ALL,
    STATUSES,
    CoverageTables,
    Fact,
    build_coverage_tables,
    build_facts,
    is_left_out,
)
from framing.coverage.quotes import (
    QUOTE_GROUP_COLUMNS,
    QUOTE_MATCHES,
    SPEAKER_COLUMNS,
    QuoteInfo,
    compare_quotes,
    find_single_outlet_speakers,
    find_word_differences,
    group_quotes,
    is_quoted,
)
from framing.coverage.similarity import (
    Pair,
    build_vectors,
    find_similar_pairs,
    score_feature_weights,
)
from framing.coverage.units import (
    ArticleTokens,
    Quantity,
    Unit,
    find_quote_units,
    find_sentence_units,
)
from framing.models import Article, Attribution, Mention
from framing.reading import Reading

# The least similarity of a pair that counts toward a fact (pairs below it count 0).
LEAST_SIMILARITY = 0.1
# Two groups of units join while their mean pair similarity is at least this.
FACT_THRESHOLD = 0.2
# Of the pairs below FACT_THRESHOLD, each unit keeps its this many most similar: on the
# tuning events keeping five gives the same deletion test and hand pairs as keeping all
# (three loses a hand pair), and a story of 500 articles of mixed news keeps a small share
# of the 1.4 million faint pairs it has (benchmarks/coverage_scale.py).
WEAK_PAIRS_PER_UNIT = 5


@dataclass(frozen=True)
class Coverage:
    """The facts of a story: its units (sentences that report something), the similar
    pairs among them, the facts, the tables made from them, and where each attribution
    stands across outlets ((article place, attribution place) -> QuoteInfo)."""

    units: tuple[Unit, ...]
    pairs: tuple[Pair, ...]
    facts: tuple[Fact, ...]
    tables: CoverageTables
    quotes: dict[tuple[int, int], QuoteInfo]

    def quote_info(self, article: int, attributions: int) -> list[QuoteInfo]:
        """The QuoteInfo of each of an article's ``attributions`` (their count), in order;
        an attribution whose content reports too little to compare has group ""."""
        return [self.quotes.get((article, i), QuoteInfo("", "", 1)) for i in range(attributions)]


def find_pairs(units: Sequence[Unit], least: float = LEAST_SIMILARITY) -> list[Pair]:
    """Slant's similar pairs of units of different articles (see similarity)."""
    vectors = build_vectors(units, score_feature_weights(units))
    return find_similar_pairs(vectors, least, FACT_THRESHOLD, WEAK_PAIRS_PER_UNIT)


def build_coverage(
    articles: Sequence[Article],
    readings: Sequence[Reading],
    attributions: Sequence[Sequence[Attribution]],
    mentions: Sequence[Sequence[Mention]] | None = None,
    *,
    pairs_of=find_pairs,
    threshold: float = FACT_THRESHOLD,
) -> Coverage:
    """The coverage of a story: its articles with their readings, attributions and actor
    mentions (per article, in story order; mentions add the actors as features).
    ``pairs_of(units)`` finds the similar pairs (a baseline can pass its own)."""
    if mentions is None:
        mentions = [()] * len(articles)
    tokens = [
        ArticleTokens(reading, speech, found)
        for reading, speech, found in zip(readings, attributions, mentions, strict=True)
    ]
    units = [u for i, t in enumerate(tokens) for u in find_sentence_units(i, t)]
    pairs = pairs_of(units)
    groups = group_units(len(units), pairs, threshold)
    scores = {(p.a, p.b): p.score for p in pairs}
    facts = build_facts(groups, units, articles, scores)
    tables = build_coverage_tables(facts, units, articles, scores)
    quote_units = [
        u
        for i, (t, speech) in enumerate(zip(tokens, attributions, strict=True))
        for u in find_quote_units(i, t, speech)
    ]
    quoted = [
        [is_quoted(a, reading.quotes, reading.text) for a in speech]
        for reading, speech in zip(readings, attributions, strict=True)
    ]
    quotes = group_quotes(
        quote_units,
        score_feature_weights(units),
        [a.outlet for a in articles],
        attributions,
        quoted,
    )
    return Coverage(tuple(units), tuple(pairs), tuple(facts), tables, quotes)


__all__ = [
    "COVERAGE_COLUMNS",
    "FACT_SENTENCE_COLUMNS",
    "FACT_THRESHOLD",
    "LEAST_SIMILARITY",
    "LEFT_OUT",
    "NOT_REPORTED",
    "NUMBER_COLUMNS",
    "ONLY_HERE",
    "OUTLET_COLUMNS",
    "SHARED",
    "SHARED_BY_ALL",
    "STATUSES",
    "Coverage",
    "CoverageTables",
    "Fact",
    "Pair",
    "Quantity",
    "Unit",
    "build_coverage",
    "build_coverage_tables",
    "build_facts",
    "find_pairs",
    "QUOTE_GROUP_COLUMNS",
    "QUOTE_MATCHES",
    "SPEAKER_COLUMNS",
    "QuoteInfo",
    "compare_quotes",
    "is_quoted",
    "find_single_outlet_speakers",
    "find_word_differences",
    "is_left_out",
]
