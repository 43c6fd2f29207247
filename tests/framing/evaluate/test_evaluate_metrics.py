"""The agreement measures (framing.evaluate.metrics) and which side a Result says won."""

import itertools

import pytest
from evaluate_helpers import NAN, same
from hypothesis import given
from hypothesis import strategies as st

from framing.evaluate import (
    Result,
    classify_compound,
    score_auc,
    score_bcubed,
    score_macro_f1,
    score_precision_recall_f1,
    score_set_matches,
    score_span_overlap,
)

# --- metrics ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("aabb", "xxyy", (1.0, 1.0, 1.0)),
        ("aabb", "xxxx", (0.5, 1.0, 2 / 3)),  # everything merged
        ("aabb", "wxyz", (1.0, 0.5, 2 / 3)),  # nothing merged
        ("aab", "xyy", (2 / 3, 2 / 3, 2 / 3)),
    ],
)
def test_bcubed(gold, predicted, expected):
    assert score_bcubed(list(gold), list(predicted)) == pytest.approx(expected)


def test_bcubed_needs_paired_items():
    with pytest.raises(ValueError):
        score_bcubed(["a"], [])


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((5, 5, 0), (0.5, 1.0, 2 / 3)),
        ((3, 1, 2), (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
        ((0, 4, 4), (0.0, 0.0, 0.0)),
        ((0, 0, 3), (NAN, 0.0, 0.0)),  # nothing predicted
        ((0, 2, 0), (0.0, NAN, 0.0)),  # nothing to find
        ((0, 0, 0), (NAN, NAN, NAN)),
    ],
)
def test_precision_recall_f1(counts, expected):
    got = score_precision_recall_f1(*counts)
    assert all(same(g, e) for g, e in zip(got, expected, strict=True)), got


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ([{"a", "b"}, {"c"}], [{"a"}, set()], (1, 2, 0)),
        ([set(), {"x"}], [{"y"}, {"x", "z"}], (1, 0, 2)),
        ([set()], [set()], (0, 0, 0)),
    ],
)
def test_set_matches(predicted, gold, expected):
    assert score_set_matches(predicted, gold) == expected


def test_set_matches_needs_paired_items():
    with pytest.raises(ValueError):
        score_set_matches([set()], [])


@pytest.mark.parametrize(
    ("positive", "negative", "expected"),
    [
        ([3, 4], [1, 2], 1.0),
        ([1, 2], [3, 4], 0.0),
        ([1, 1], [1, 1], 0.5),  # all tied: chance
        ([1, 2], [1, 0], 0.875),  # one tied pair counts half: 3.5 of 4 pairs
        ([0.2, 0.2, 0.9], [0.2], 2 / 3),
        ([], [1], NAN),
        ([1], [], NAN),
    ],
)
def test_auc(positive, negative, expected):
    assert same(score_auc(positive, negative), expected)


@given(
    st.lists(st.integers(0, 5), min_size=1, max_size=12),
    st.lists(st.integers(0, 5), min_size=1, max_size=12),
)
def test_auc_equals_pairwise_count(positive, negative):
    pairs = list(itertools.product(positive, negative))
    expected = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in pairs) / len(pairs)
    assert score_auc(positive, negative) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([-1, 0, 1, 1], [-1, 0, 0, 1], (1 + 2 / 3 + 2 / 3) / 3),
        ([-1, 0, 1], [-1, 0, 1], 1.0),
        ([-1, -1, 1], [0, 0, 0], 0.0),
        ([0, 0, 0], [0, 0, 0], 1 / 3),  # absent classes score 0, so the mean stays honest
    ],
)
def test_macro_f1(gold, predicted, expected):
    assert score_macro_f1(gold, predicted) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ([(0, 5), (10, 12)], [(4, 8), (20, 25)], (1, 1)),
        ([(0, 5)], [(5, 9)], (0, 0)),  # end-exclusive: touching is not overlapping
        ([(0, 20)], [(2, 4), (6, 8)], (1, 2)),  # one long hit recalls both
        ([(2, 3), (5, 6)], [(0, 10)], (2, 1)),
        ([], [(0, 1)], (0, 0)),
    ],
)
def test_span_overlap(predicted, gold, expected):
    assert score_span_overlap(predicted, gold) == expected


@pytest.mark.parametrize(
    ("compound", "expected"), [(-0.05, -1), (-0.049, 0), (0.0, 0), (0.049, 0), (0.05, 1)]
)
def test_classify_compound_uses_vader_thresholds(compound, expected):
    assert classify_compound(compound) == expected


@pytest.mark.parametrize(
    ("slant", "baseline", "higher", "expected"),
    [
        (0.6, 0.5, True, "slant"),
        (0.4, 0.5, True, "baseline"),
        (0.4, 0.5, False, "slant"),
        (0.5001, 0.5002, True, "tie"),
        (NAN, 0.5, True, "tie"),
    ],
)
def test_result_says_which_is_better(slant, baseline, higher, expected):
    assert Result("d", "m", slant, baseline, 1, higher).better == expected
