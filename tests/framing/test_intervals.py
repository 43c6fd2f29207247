"""Bootstrap intervals of loaded-term density, and when outlets differ clearly."""

import math

import pytest

from framing.intervals import (
    BY_ARTICLES,
    BY_SENTENCES,
    Units,
    all_overlap,
    find_clear_extreme,
    overlap,
    score_density_interval,
)


def test_several_articles_are_resampled_by_article():
    units = Units([1, 3, 2], [100, 100, 100], [], [])
    low, high, by = score_density_interval(units, "a")
    assert by == BY_ARTICLES
    assert 1.0 <= low <= 2.0 <= high <= 3.0
    assert score_density_interval(units, "a") == (low, high, by)  # seeded: the same twice


def test_one_article_is_resampled_by_sentence():
    units = Units([4], [40], [0, 2, 0, 2], [10, 10, 10, 10])
    low, high, by = score_density_interval(units, "a")
    assert by == BY_SENTENCES
    assert low < 10.0 < high  # the article's own density is 4 / 40 words = 10 per 100


def test_the_same_density_everywhere_has_no_spread():
    assert score_density_interval(Units([2, 2], [50, 50], [], []), "a")[:2] == (4.0, 4.0)


def test_no_words_gives_no_interval():
    low, high, _ = score_density_interval(Units([0], [0], [], []), "a")
    assert math.isnan(low) and math.isnan(high)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"A": (3.0, 2.5, 3.5), "B": (1.0, 0.5, 1.5)}, "A"),  # apart: A clearly above
        ({"A": (3.0, 1.2, 3.5), "B": (1.0, 0.5, 1.5)}, None),  # overlap: no clear difference
        ({"A": (3.0, 2.5, 3.5)}, None),  # one outlet: nothing to compare
        ({"A": (3.0, 2.5, 3.5), "B": (math.nan, math.nan, math.nan)}, None),
    ],
)
def test_clear_extreme(scores, expected):
    assert find_clear_extreme(scores) == expected


def test_overlap():
    assert overlap((0, 1), (1, 2)) and not overlap((0, 1), (1.5, 2))
    assert overlap((0, 1), (math.nan, math.nan))
    assert all_overlap([(0, 2), (1, 3), (1.5, 4)]) and not all_overlap([(0, 1), (2, 3)])
