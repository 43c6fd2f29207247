"""Golden facts and quotations of the sample story (Haftar's ceasefire conditions): what one
outlet alone reports, and the RIA interview across translations."""

from __future__ import annotations

import pytest

from framing.coverage import LEFT_OUT, NOT_REPORTED, ONLY_HERE, SHARED, STATUSES

A, B, C, D, E = (
    "Outlet A (translated, video page)",
    "Outlet B (translated)",
    "Outlet C (dated 2020-02-22)",
    "Outlet D (relays Sputnik)",
    "Outlet E (reader-funded)",
)


def statuses(analysis, words: str) -> dict[str, str]:
    """Outlet -> status of the fact holding the sentence with ``words``."""
    sentences = analysis.fact_sentences
    (fact,) = set(sentences[sentences["text"].str.contains(words, regex=False)]["fact"])
    rows = analysis.coverage[analysis.coverage["fact"] == fact]
    return dict(zip(rows["outlet"], rows["status"], strict=True))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the death toll and the displaced: one outlet only
        ("killed 1,000 people and displaced some 146,000", {C: ONLY_HERE}),
        # the GNA's own rocket fire: one outlet only
        ("used GRAD rockets to target LNA positions", {E: ONLY_HERE}),
        # Haftar's conditions, in three translations of the lead
        ("expressed his readiness to stop the ceasefire", {A: SHARED, B: SHARED, C: SHARED,
                                                          D: LEFT_OUT, E: LEFT_OUT}),
        # the RIA interview: the conditions as quoted by A and C
        ("the cessation of Turkish arms supplies", {A: SHARED, C: SHARED, B: NOT_REPORTED,
                                                   D: NOT_REPORTED, E: NOT_REPORTED}),
        # Shoigu met Haftar: B and E
        ("Shoigu had met with Khalifa Haftar", {B: SHARED, E: SHARED, A: NOT_REPORTED,
                                               C: NOT_REPORTED, D: NOT_REPORTED}),
    ],
)  # fmt: skip
def test_facts_of_the_sample(sample_analysis, words, expected):
    assert statuses(sample_analysis, words) == expected


def test_the_death_toll_numbers_are_kept(sample_analysis):
    numbers = sample_analysis.numbers
    found = dict(zip(numbers["counts"], numbers["value"], strict=True))
    assert found["kill people"] == 1000 and found["displace"] == 146000


def quote(analysis, words: str):
    quotes = analysis.quotes
    (row,) = quotes[quotes["text"].str.contains(words, regex=False)].itertuples()
    return row


def test_the_ria_interview_across_translations(sample_analysis):
    a = quote(sample_analysis, "the cessation of Turkish arms supplies")
    c = quote(sample_analysis, "an end to Turkish arms supplies")
    assert a.quote_group == c.quote_group != ""
    assert a.quote_match == c.quote_match == "worded differently"
    assert (a.outlet, c.outlet, a.quote_outlets) == (A, C, 2)
    # B's words of the same statement, A's in reported speech
    b = quote(sample_analysis, "we are open and positive with every path")
    a2 = quote(sample_analysis, "deals positively with all tracks")
    assert b.quote_group == a2.quote_group and b.quote_match == "paraphrased"
    # what only B carries of the interview
    b2 = quote(sample_analysis, "because it receives orders from Ankara and Doha")
    assert (b2.quote_match, b2.quote_outlets) == ("only here", 1)


def test_the_gna_statement_is_quoted_alike(sample_analysis):
    c = quote(sample_analysis, "[Genersl Haftar]")
    e = quote(sample_analysis, "[Haftar] and his violations")
    assert c.quote_group == e.quote_group and c.quote_match == "verbatim"


def test_every_outlet_has_a_row_for_each_shared_fact(sample_analysis):
    coverage = sample_analysis.coverage
    assert set(coverage["status"]) <= set(STATUSES)
    shared = coverage[coverage["outlets"] > 1]
    assert (shared.groupby("fact")["outlet"].nunique() == 5).all()
    absent = coverage[~coverage["present"]]
    assert (absent["start"] == -1).all() and (absent["text"] == "").all()
    outlets = sample_analysis.coverage_outlets
    assert outlets.loc[outlets["outlet"] == C, "only_here"].item() > 0
