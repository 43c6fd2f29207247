import copy
import math

import pytest

from framing.distinctive import COLUMNS, score_distinctive_words
from framing.wordlists import STOPWORDS

# Golden case, worked by hand. A: war x3, rebel, peace (n_A = 5); B: peace x3, talks x2, war
# (n_B = 6). Corpus counts (the prior a_w): war 4, peace 4, talks 2, rebel 1; a_0 = 11.
# "rebel" is below min_count=2, so it has no row but still counts in n_A and a_0.
GOLDEN_TOKENS = {
    "A": ["war", "war", "war", "rebel", "peace"],
    "B": ["peace", "peace", "peace", "talks", "talks", "war"],
}
# (group, word, count, count_rest, delta with the numbers plugged in, variance)
GOLDEN_ROWS = [
    ("A", "war", 3, 1, math.log(7 / 9) - math.log(5 / 12), 1 / 7 + 1 / 5),
    ("A", "peace", 1, 3, math.log(5 / 11) - math.log(7 / 10), 1 / 5 + 1 / 7),
    ("A", "talks", 0, 2, math.log(2 / 14) - math.log(4 / 13), 1 / 2 + 1 / 4),
    ("B", "talks", 2, 0, math.log(4 / 13) - math.log(2 / 14), 1 / 4 + 1 / 2),
    ("B", "peace", 3, 1, math.log(7 / 10) - math.log(5 / 11), 1 / 7 + 1 / 5),
    ("B", "war", 1, 3, math.log(5 / 12) - math.log(7 / 9), 1 / 5 + 1 / 7),
]


def test_golden_case_matches_hand_computation():
    frame = score_distinctive_words(GOLDEN_TOKENS, min_count=2)
    assert list(frame.columns) == list(COLUMNS)
    got = list(frame.itertuples(index=False, name=None))
    assert len(got) == len(GOLDEN_ROWS)
    for row, (group, word, count, rest, delta, var) in zip(got, GOLDEN_ROWS, strict=True):
        z = delta / math.sqrt(var)
        assert row[:4] == (group, word, count, rest)
        assert row[4] == pytest.approx(delta)
        assert row[5] == pytest.approx(z)
        assert row[6] == (abs(z) > 1.96)
    # A plain number for the top row, so a formula error shared by test and code shows up.
    assert got[0][5] == pytest.approx(1.065946, abs=1e-6)


def test_word_used_by_one_group_only_is_positive_for_it_and_negative_for_the_other():
    tokens = {
        "A": ["militia"] * 12 + [f"a{i}" for i in range(28)],
        "B": [f"b{i}" for i in range(40)],
    }
    frame = score_distinctive_words(tokens).set_index(["group", "word"])
    # 12 uses in 40 tokens vs none in 40: delta = log(24/96) - log(12/108), var = 1/24 + 1/12
    expected = (math.log(24 / 96) - math.log(12 / 108)) / math.sqrt(1 / 24 + 1 / 12)
    assert frame.loc[("A", "militia"), "z"] == pytest.approx(expected)
    assert frame.loc[("B", "militia"), "z"] == pytest.approx(-expected)
    assert frame.loc[("A", "militia"), "significant"]
    assert frame.loc[("B", "militia"), "significant"]
    assert frame.loc[("B", "militia"), ["count", "count_rest"]].tolist() == [0, 12]


def test_each_group_is_compared_with_the_rest_pooled():
    tokens = {
        "C": ["talks"] * 3 + ["war"],
        "A": ["war"] * 5 + ["talks"],
        "B": ["war"] * 2 + ["talks"] * 2,
    }
    frame = score_distinctive_words(tokens)
    assert frame["group"].tolist() == ["A", "A", "B", "B", "C", "C"]
    war = frame[frame["word"] == "war"].set_index("group")
    assert war["count"].to_dict() == {"A": 5, "B": 2, "C": 1}
    assert war["count_rest"].to_dict() == {"A": 3, "B": 6, "C": 7}
    assert war.loc["A", "z"] > 0 > war.loc["C", "z"]
    for _, rows in frame.groupby("group"):
        assert rows["z"].is_monotonic_decreasing


def test_rare_words_are_dropped():
    assert "rebel" not in set(score_distinctive_words(GOLDEN_TOKENS, min_count=2)["word"])
    assert "rebel" in set(score_distinctive_words(GOLDEN_TOKENS, min_count=1)["word"])
    assert score_distinctive_words(GOLDEN_TOKENS, min_count=5).empty


def test_stopwords_are_dropped_before_counting():
    with_stopwords = {
        "A": [*GOLDEN_TOKENS["A"], "the", "the", "the", "of"],
        "B": [*GOLDEN_TOKENS["B"], "the"],
    }
    assert {"the", "of"} <= STOPWORDS
    frame = score_distinctive_words(with_stopwords, min_count=2)
    assert "the" not in set(frame["word"])
    # Group sizes exclude stopwords, so the scores are those of the golden case.
    assert frame["z"].tolist() == pytest.approx(
        score_distinctive_words(GOLDEN_TOKENS, min_count=2)["z"].tolist()
    )
    kept = score_distinctive_words(with_stopwords, min_count=2, stopwords=None)
    assert "the" in set(kept["word"])
    custom = score_distinctive_words(GOLDEN_TOKENS, min_count=2, stopwords=frozenset({"war"}))
    assert "war" not in set(custom["word"])


@pytest.mark.parametrize(
    "tokens",
    [
        {},
        {"A": ["war", "war", "war", "peace", "peace", "peace"]},
        {"A": ["war"] * 3, "B": ["war"] * 2},  # one word type: no odds against other words
        {"A": ["the"] * 5, "B": ["of"] * 5},  # only stopwords
    ],
)
def test_degenerate_input_gives_empty_frame_with_columns(tokens):
    frame = score_distinctive_words(tokens)
    assert frame.empty
    assert list(frame.columns) == list(COLUMNS)


def test_input_is_not_mutated():
    tokens = copy.deepcopy(GOLDEN_TOKENS)
    score_distinctive_words(tokens)
    assert tokens == GOLDEN_TOKENS
