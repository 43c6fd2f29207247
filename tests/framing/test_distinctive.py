import copy
import math

import pytest

from framing.distinctive import COLUMNS, load_english_frequencies, score_distinctive_words
from framing.wordlists import STOPWORDS

# Golden case, worked by hand. A: war x3, rebel, peace (n_A = 5); B: peace x3, talks x2, war
# (n_B = 6); corpus shares p: war 4/11, peace 4/11, talks 2/11, rebel 1/11. Each side's prior
# is its size times the shares (A: a_war = 20/11, a_0 = 5; B: a_war = 24/11, a_0 = 6).
# "rebel" is below min_count=2, so it has no row but still counts in n_A and the shares.
GOLDEN_TOKENS = {
    "A": ["war", "war", "war", "rebel", "peace"],
    "B": ["peace", "peace", "peace", "talks", "talks", "war"],
}
_WAR = (math.log(53 / 57) - math.log(35 / 97), 11 / 53 + 11 / 35)
_PEACE = (math.log(31 / 79) - math.log(57 / 75), 11 / 31 + 11 / 57)
_TALKS = (math.log(10 / 100) - math.log(34 / 98), 11 / 10 + 11 / 34)
# (group, word, count, count_rest, delta with the numbers plugged in, variance)
GOLDEN_ROWS = [
    ("A", "war", 3, 1, *_WAR),
    ("A", "peace", 1, 3, *_PEACE),
    ("A", "talks", 0, 2, *_TALKS),
    ("B", "talks", 2, 0, -_TALKS[0], _TALKS[1]),
    ("B", "peace", 3, 1, -_PEACE[0], _PEACE[1]),
    ("B", "war", 1, 3, -_WAR[0], _WAR[1]),
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
    assert got[0][5] == pytest.approx(1.310396, abs=1e-6)


def test_word_used_by_one_group_only_is_positive_for_it_and_negative_for_the_other():
    tokens = {
        "A": ["militia"] * 12 + [f"a{i}" for i in range(28)],
        "B": [f"b{i}" for i in range(40)],
    }
    frame = score_distinctive_words(tokens).set_index(["group", "word"])
    # 12 uses in 40 tokens vs none in 40; share 12/80, so each side's prior is 6 (a_0 = 40):
    # delta = log(18/62) - log(6/74), var = 1/18 + 1/6
    expected = (math.log(18 / 62) - math.log(6 / 74)) / math.sqrt(1 / 18 + 1 / 6)
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


def test_same_rate_in_unequal_groups_scores_zero_with_or_without_background():
    # "talks" is 1 in 10 tokens on both sides although B is four times A.
    tokens = {
        "A": ["talks"] * 2 + [f"a{i}" for i in range(18)],
        "B": ["talks"] * 8 + [f"b{i % 9}" for i in range(72)],
    }
    for background in (None, {"talks": 0.001}):
        frame = score_distinctive_words(tokens, min_count=1, background=background)
        z = frame[frame["word"] == "talks"].set_index("group")["z"]
        assert z.tolist() == pytest.approx([0.0, 0.0], abs=1e-12)


def test_background_shrinks_common_english_words_more_than_story_words():
    # Outlet A over-uses "would" (common in English) and "militia" (rare) equally, in
    # articles of news length.
    tokens = {
        "A": ["would"] * 6 + ["militia"] * 6 + [f"a{i}" for i in range(488)],
        "B": ["would"] * 2 + ["militia"] * 2 + [f"b{i}" for i in range(496)],
    }
    background = {"would": 0.0019, "militia": 0.000005}
    plain = score_distinctive_words(tokens).set_index(["group", "word"])["z"]
    shrunk = score_distinctive_words(tokens, background=background).set_index(["group", "word"])
    assert plain[("A", "would")] == pytest.approx(plain[("A", "militia")])
    assert shrunk.loc[("A", "militia"), "z"] == pytest.approx(plain[("A", "militia")], rel=0.01)
    assert shrunk.loc[("A", "would"), "z"] < 0.5 * plain[("A", "would")]
    words = shrunk.loc["A"].sort_values("z", ascending=False).index.tolist()
    assert words.index("militia") < words.index("would")


def test_english_background_comes_from_wordfreq():
    frequencies = load_english_frequencies()
    assert frequencies["would"] > 1e-3 > frequencies["militia"] > 0
    assert "haftarx" not in frequencies


def test_sample_story_distinctive_words_are_not_common_english(sample_analysis):
    """The complaint of issue 16: "last", "would", "said", "out" led the lists."""
    frequencies = load_english_frequencies()
    distinctive = sample_analysis.distinctive
    tops = distinctive.sort_values("z", ascending=False).groupby("outlet").head(8)
    common = [w for w in tops["word"] if frequencies.get(w, 0.0) > 5e-4]
    assert len(common) <= 1, common
