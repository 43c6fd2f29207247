"""The same quotation across outlets: attributions grouped by what was said, and how each
outlet carries it.

Each attribution's content (framing.voices: a quotation, or the clause of indirect speech)
is a unit like a sentence, weighed with the story's sentence weights; contents of
different articles group by the same average linkage as facts. Each attribution is then
compared with the most similar one of another outlet in its group:
- ``verbatim``: the same words (case and punctuation aside);
- ``shortened`` / ``longer``: one outlet quotes only part of what the other quotes (the
  shorter one's words are, in order, at least SAME_WORDS of the longer one's);
- ``worded differently``: two direct quotations of one statement in other words: another
  translation, or an inexact quotation;
- ``paraphrased``: one of the two is indirect speech in the outlet's own words ("Haftar
  said that ..."); a reported clause whose words are mostly in quotation marks ('called
  for "an end to Turkish arms supplies" in the capital') quotes, like a direct quotation;
- ``other speaker``: both name a speaker, and not the same one;
- ``only here``: no other outlet carries it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from framing.coverage.alignment import group_units
from framing.coverage.similarity import build_vectors, find_similar_pairs
from framing.coverage.units import Unit
from framing.models import Attribution, QuoteSpan
from framing.text import count_words, find_words

VERBATIM, SHORTENED, LONGER, REWORDED, PARAPHRASED, OTHER_SPEAKER, ALONE = (
    "verbatim",
    "shortened",
    "longer",
    "worded differently",
    "paraphrased",
    "other speaker",
    "only here",
)
QUOTE_MATCHES = (VERBATIM, SHORTENED, LONGER, REWORDED, PARAPHRASED, OTHER_SPEAKER, ALONE)
# The least similarity of two contents that counts, and the mean that groups them.
LEAST_SIMILARITY = 0.1
QUOTE_THRESHOLD = 0.25
SAME_WORDS = 0.9
QUOTE_GROUP_COLUMNS = ["quote_group", "quote_match", "quote_outlets"]
SPEAKER_COLUMNS = ["speaker", "speaker_name", "outlet", "quotes", "outlets"]


@dataclass(frozen=True)
class QuoteInfo:
    """Where one attribution stands across outlets: its group ("Q1"; "" when its content
    reports too little to compare), how it compares (QUOTE_MATCHES) and the outlets
    carrying the group."""

    group: str
    match: str
    outlets: int


def _words_match(shorter: Sequence[str], longer: Sequence[str]) -> float:
    """The share of ``shorter``'s words found, in order, in ``longer``."""
    if not shorter:
        return 0.0
    matcher = difflib.SequenceMatcher(None, shorter, longer, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(shorter)


def is_quoted(attribution: Attribution, quotes: Sequence[QuoteSpan], text: str) -> bool:
    """Whether ``attribution`` gives the speaker's own words: direct speech, or a reported
    clause at least half of whose words lie inside the article's quotation marks."""
    if attribution.direct:
        return True
    words = count_words(text[attribution.start : attribution.end])
    inside = sum(
        count_words(text[max(q.start, attribution.start) : min(q.end, attribution.end)])
        for q in quotes
        if q.start < attribution.end and attribution.start < q.end
    )
    return words > 0 and 2 * inside >= words


def compare_quotes(
    a: Unit, b: Unit, quoted: tuple[bool, bool], speakers: tuple[str | None, str | None]
) -> str:
    """How attribution ``a`` carries what ``b`` says (one of QUOTE_MATCHES but "only
    here"); ``quoted`` (is_quoted) and ``speakers`` are the two attributions' own."""
    if speakers[0] and speakers[1] and speakers[0] != speakers[1]:
        return OTHER_SPEAKER
    if not (quoted[0] and quoted[1]):
        return PARAPHRASED
    if a.words == b.words:
        return VERBATIM
    if len(a.words) <= len(b.words):
        share, shorter = _words_match(a.words, b.words), True
    else:
        share, shorter = _words_match(b.words, a.words), False
    if share < SAME_WORDS:
        return REWORDED
    if min(len(a.words), len(b.words)) >= SAME_WORDS * max(len(a.words), len(b.words)):
        return VERBATIM
    return SHORTENED if shorter else LONGER


def group_quotes(
    units: Sequence[Unit],
    weights: dict[str, float],
    outlets: Sequence[str],
    attributions: Sequence[Sequence[Attribution]],
    quoted: Sequence[Sequence[bool]],
) -> dict[tuple[int, int], QuoteInfo]:
    """(article place, attribution place) -> QuoteInfo, for the quote ``units`` (from
    framing.coverage.units.find_quote_units); ``weights`` are the story's sentence weights,
    ``outlets`` each article's outlet, ``attributions`` each article's attributions and
    ``quoted`` whether each gives the speaker's own words (is_quoted)."""
    vectors = build_vectors(units, weights)
    pairs = find_similar_pairs(vectors, LEAST_SIMILARITY)
    scores = {(p.a, p.b): p.score for p in pairs}
    groups = group_units(len(units), pairs, QUOTE_THRESHOLD)

    def outlet_of(m: int) -> str:
        return outlets[units[m].article]

    ranked = sorted(groups, key=lambda g: (-len({outlet_of(m) for m in g}), g[0]))
    found = {}
    for number, members in enumerate(ranked, start=1):
        carried = len({outlet_of(m) for m in members})
        for m in members:
            others = [n for n in members if outlet_of(n) != outlet_of(m)]
            if not others:
                match = ALONE
            else:
                n = max(others, key=lambda n: (scores.get((min(m, n), max(m, n)), 0.0), -n))
                a = attributions[units[m].article][units[m].index]
                b = attributions[units[n].article][units[n].index]
                pair = (
                    quoted[units[m].article][units[m].index],
                    quoted[units[n].article][units[n].index],
                )
                match = compare_quotes(units[m], units[n], pair, (a.speaker, b.speaker))
            found[(units[m].article, units[m].index)] = QuoteInfo(f"Q{number}", match, carried)
    return found


def find_word_differences(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The words of ``a`` not in ``b`` and of ``b`` not in ``a``, in order (compared
    lower-cased), as character spans of each: what to mark when two quotations are shown
    side by side."""
    spans_a, spans_b = find_words(a), find_words(b)
    words_a = [a[s:e].lower() for s, e in spans_a]
    words_b = [b[s:e].lower() for s, e in spans_b]
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    only_a, only_b = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            only_a += spans_a[i1:i2]
            only_b += spans_b[j1:j2]
    return only_a, only_b


def find_single_outlet_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Speakers (named entities) that only one outlet of the story quotes: speaker,
    speaker_name, outlet, quotes (its attributions there), outlets (of the story); empty
    when the story has fewer than two outlets."""
    outlets = quotes["outlet"].nunique()
    named = quotes[quotes["speaker"].astype(str) != ""]
    if outlets < 2 or named.empty:
        return pd.DataFrame(columns=SPEAKER_COLUMNS)
    by_speaker = named.groupby("speaker")["outlet"].nunique()
    alone = named[named["speaker"].isin(by_speaker[by_speaker == 1].index)]
    table = (
        alone.groupby(["speaker", "speaker_name", "outlet"], sort=True)
        .size()
        .rename("quotes")
        .reset_index()
        .sort_values("speaker_name", key=lambda names: names.str.lower(), kind="stable")
        .sort_values("quotes", ascending=False, kind="stable")
    )
    table["outlets"] = outlets
    return table[SPEAKER_COLUMNS].reset_index(drop=True)
