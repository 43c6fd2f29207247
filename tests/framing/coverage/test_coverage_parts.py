"""The rooms of framing/coverage on invented sentences: features, numbers, the prefix
filter, average linkage, the coverage map, wire copy and quotation comparisons."""

from __future__ import annotations

import itertools
import random
import re

import numpy as np
import pytest

from framing.coverage import (
    LEFT_OUT,
    ONLY_HERE,
    SHARED,
    SHARED_BY_ALL,
    Pair,
    Unit,
    build_coverage,
    build_vectors,
    compare_quotes,
    find_similar_pairs,
    find_single_outlet_speakers,
    find_word_differences,
    is_left_out,
    is_quoted,
)
from framing.coverage.alignment import group_units
from framing.coverage.units import ArticleTokens, find_sentence_units, skeleton
from framing.models import Article
from framing.reading import read_texts
from framing.voices import find_attributions


@pytest.mark.parametrize(
    ("names", "same"),
    [
        (("Haftar", "Hafter", "Hifter"), True),
        (("Sarraj", "Serraj"), True),
        (("Salama", "Salame"), True),
        (("Haftar", "Erdogan"), False),
        (("Moscow", "Mosul"), False),
    ],
)
def test_name_skeletons_meet_across_transliterations(names, same):
    assert (len({skeleton(n) for n in names}) == 1) is same


def units_of(*texts: str) -> list[Unit]:
    readings = read_texts(list(texts), jobs=1)
    return [
        u
        for i, r in enumerate(readings)
        for u in find_sentence_units(i, ArticleTokens(r, find_attributions(r)))
    ]


def test_features_numbers_and_compounds():
    (unit,) = units_of("The offensive killed 1,000 people and displaced some 146,000 in Tripoli.")
    assert {"#1000", "#146000", "~trpl", "kill", "displac"} <= set(unit.features)
    counts = {q.key: (q.value, q.text) for q in unit.quantities}
    assert counts == {"kill people": (1000.0, "1,000 people"), "displace": (146000.0, "146,000")}
    (a,) = units_of("They agreed to a cease-fire on Monday.")
    (b,) = units_of("They agreed to a ceasefire on Monday.")
    assert "ceasefir" in set(a.features) & set(b.features)


def test_dates_are_no_quantities_and_short_lines_no_units():
    (unit,) = units_of("On April 21, five officers met 2.5 million voters.")
    assert {q.key: q.value for q in unit.quantities} == {"officer": 5.0, "voter": 2_500_000.0}
    assert units_of("Source link") == [] and units_of("WOW!") == []


def random_units(n: int, seed: int) -> list[Unit]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(40)]
    return [Unit(i % 4, i, 0, 1, tuple(rng.sample(words, rng.randint(3, 9)))) for i in range(n)]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("least", [0.1, 0.3, 0.6])
def test_blocking_finds_every_pair_brute_force_finds(seed, least):
    units = random_units(60, seed)
    weights = {f"w{i}": 1.0 + (i % 7) / 3 for i in range(40)}
    vectors = build_vectors(units, weights)
    dense = (vectors.matrix @ vectors.matrix.T).toarray()
    expected = {
        (i, j)
        for i, j in itertools.combinations(range(len(units)), 2)
        if units[i].article != units[j].article and dense[i, j] >= least - 1e-12
    }
    found = find_similar_pairs(vectors, least)
    assert {(p.a, p.b) for p in found} == expected
    assert all(np.isclose(p.score, dense[p.a, p.b]) for p in found)


def test_a_pair_that_shares_only_common_features_is_not_compared():
    units = [Unit(i, i, 0, 1, ("common", f"own{i}", f"pair{i // 2}")) for i in range(8)]
    vectors = build_vectors(units, {"common": 1.0} | {u.features[1]: 1.0 for u in units}
                            | {u.features[2]: 1.0 for u in units})  # fmt: skip
    every = {(p.a, p.b) for p in find_similar_pairs(vectors, 0.1)}
    blocked = {(p.a, p.b) for p in find_similar_pairs(vectors, 0.1, max_postings=2)}
    assert len(every) == 28 and blocked == {(0, 1), (2, 3), (4, 5), (6, 7)}


@pytest.mark.parametrize("seed", range(3))
def test_strong_pairs_are_all_found_and_weak_ones_only_the_strongest_of_a_unit(seed):
    units = random_units(60, seed)
    weights = {f"w{i}": 1.0 + (i % 7) / 3 for i in range(40)}
    vectors = build_vectors(units, weights)
    every = {(p.a, p.b): p.score for p in find_similar_pairs(vectors, 0.1)}
    kept = find_similar_pairs(vectors, 0.1, strong=0.4, keep_weak=2)
    assert {k for k, s in every.items() if s >= 0.4} <= {(p.a, p.b) for p in kept}
    for pair in kept:
        if pair.score < 0.4:  # among the two strongest weak pairs of a or of b
            ranks = [
                sorted((s for k, s in every.items() if unit in k and s < 0.4), reverse=True)
                for unit in (pair.a, pair.b)
            ]
            assert any(pair.score >= r[min(1, len(r) - 1)] for r in ranks)


def test_average_linkage_keeps_two_facts_apart_that_one_sentence_bridges():
    # 0-1 and 2-3 are alike; 4 resembles 1 and 2 a little: the mean keeps it out
    pairs = [Pair(0, 1, 0.9), Pair(2, 3, 0.8), Pair(1, 4, 0.3), Pair(2, 4, 0.3)]
    assert group_units(5, pairs, 0.25) == [[0, 1], [2, 3], [4]]
    assert group_units(5, pairs, 0.04) == [[0, 1, 2, 3, 4]]  # everything joins at a low bar
    assert group_units(3, [], 0.2) == [[0], [1], [2]]


@pytest.mark.parametrize(
    ("others", "outlets", "left_out"),
    [(2, 3, True), (1, 3, False), (3, 5, True), (2, 5, False), (1, 2, True), (0, 1, False)],
)
def test_left_out_means_more_than_half_of_the_other_outlets(others, outlets, left_out):
    assert is_left_out(others, outlets) is left_out


STORY = {
    "Alpha": "Rebels seized the northern dam at dawn on Sunday. "
    "The fighting killed 40 soldiers near the border crossing.",
    "Beta": "At dawn on Sunday, rebels captured the northern dam. "
    "Officials said 25 soldiers were killed in the fighting near the border crossing.",
    "Gamma": "Rebels seized the northern dam at dawn on Sunday. "
    "The mayor opened a new bakery in the old market square.",
}


def story_coverage(texts: dict[str, str]):
    articles = [Article(o.lower(), o, "", "", "", t, t) for o, t in texts.items()]
    readings = read_texts([a.text for a in articles], jobs=1)
    return build_coverage(articles, readings, [find_attributions(r) for r in readings])


def statuses(coverage, words: str) -> dict[str, str]:
    sentences = coverage.tables.fact_sentences
    (fact,) = set(sentences[sentences["text"].str.contains(words)]["fact"])
    rows = coverage.tables.coverage[coverage.tables.coverage["fact"] == fact]
    return dict(zip(rows["outlet"], rows["status"], strict=True))


def test_the_coverage_map_of_a_small_story():
    coverage = story_coverage(STORY)
    dam = statuses(coverage, "dam")
    assert dam == {"Alpha": SHARED_BY_ALL, "Beta": SHARED_BY_ALL, "Gamma": SHARED_BY_ALL}
    assert statuses(coverage, "soldiers") == {"Alpha": SHARED, "Beta": SHARED, "Gamma": LEFT_OUT}
    assert statuses(coverage, "bakery") == {"Gamma": ONLY_HERE}
    outlets = coverage.tables.coverage_outlets.set_index("outlet")
    assert outlets.loc["Gamma", ["only_here", "left_out"]].tolist() == [1, 1]


def test_wire_copy_is_marked_and_counted_once():
    coverage = story_coverage(STORY)
    rows = coverage.tables.coverage
    dam = rows[rows["text"].str.contains("dam")]
    assert dict(zip(dam["outlet"], dam["wire"], strict=True)) == {
        "Alpha": True, "Beta": False, "Gamma": True
    }  # fmt: skip
    assert set(dam["independent"]) == {2}  # Alpha and Gamma print one text


def test_numbers_that_differ_across_outlets():
    numbers = story_coverage(STORY).tables.numbers
    soldiers = numbers[numbers["counts"] == "soldier"]
    assert sorted(soldiers["value"]) == [25.0, 40.0] and soldiers["differs"].all()


def test_no_fact_from_names_alone_is_not_promised():
    """Negative: two sentences that share only who and where, not what, are two facts."""
    coverage = story_coverage(
        {
            "Alpha": "President Okafor opened the new bridge in Lagos on Monday.",
            "Beta": "Hospital workers went on strike across the country on Friday.",
        }
    )
    assert set(coverage.tables.coverage["status"]) == {ONLY_HERE}


@pytest.mark.parametrize(
    ("a", "b", "direct", "speakers", "expected"),
    [
        ('"We will not sign."', '"We will not sign."', (True, True), ("x", "x"), "verbatim"),
        ('"We will not sign."', '"We will not sign the deal today, he said."', (True, True),
         ("x", "x"), "shortened"),
        ('"We will not sign the deal today, he said."', '"We will not sign."', (True, True),
         ("x", "x"), "longer"),
        ('"No truce without withdrawal."', '"A ceasefire needs the troops gone."', (True, True),
         ("x", "x"), "worded differently"),
        ('that they would not sign', '"We will not sign."', (False, True), ("x", "x"),
         "paraphrased"),
        ('"We will not sign."', '"We will not sign."', (True, True), ("x", "y"), "other speaker"),
        ('"We will not sign."', '"We will not sign."', (True, True), ("x", None), "verbatim"),
    ],
)  # fmt: skip
def test_how_two_quotations_compare(a, b, direct, speakers, expected):
    def unit(text: str) -> Unit:
        return Unit(0, 0, 0, len(text), ("f",), words=tuple(re.findall(r"\w+", text.lower())))

    assert compare_quotes(unit(a), unit(b), direct, speakers) == expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a reported clause that is mostly a quotation quotes the speaker's words
        ('She called for “an end to arms sales to the north” in the capital.', True),
        ('He said "we will not sign this deal" on Friday.', True),
        # a scare quote inside the outlet's own paraphrase does not
        ('She said the so-called "reform" would cut pensions for most retired teachers.',
         False),
        ("He said the talks would resume in Geneva next week.", False),
    ],
)  # fmt: skip
def test_a_reported_clause_that_is_mostly_quotation_quotes(text, quoted):
    (reading,) = read_texts([text])
    speech = [a for a in find_attributions(reading) if not a.direct]
    assert speech, "the invented sentence reports speech"
    assert is_quoted(speech[0], reading.quotes, reading.text) is quoted


def test_word_differences_are_spans_of_each_text():
    a, b = "the withdrawal of Turkish forces", "the return of Syrian and Turkish forces"
    only_a, only_b = find_word_differences(a, b)
    assert [a[s:e] for s, e in only_a] == ["withdrawal"]
    assert [b[s:e] for s, e in only_b] == ["return", "Syrian", "and"]


def test_speakers_only_one_outlet_quotes():
    import pandas as pd

    quotes = pd.DataFrame(
        {
            "speaker": ["haftar", "haftar", "salame", "", "mishri"],
            "speaker_name": ["Haftar", "Haftar", "Salame", "(unattributed)", "al-Mishri"],
            "outlet": ["A", "B", "A", "B", "B"],
        }
    )
    table = find_single_outlet_speakers(quotes)
    assert table[["speaker", "outlet", "quotes"]].values.tolist() == [
        ["mishri", "B", 1], ["salame", "A", 1]
    ]  # fmt: skip
    assert find_single_outlet_speakers(quotes[quotes["outlet"] == "A"]).empty
