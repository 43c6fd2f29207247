"""The shared word lists: lower case, general English, the narrow ones inside the wide."""

import pytest

from framing import wordlists
from framing.wordlists import (
    CORE_FUNCTION_WORDS,
    COURTESY_TITLES,
    DAYS,
    DETERMINERS,
    FUNCTION_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_WORDS,
    MONTHS,
    POSSESSIVE_DETERMINERS,
    STOPWORDS,
)

LISTS = {
    name: value
    for name, value in vars(wordlists).items()
    if name.isupper() and isinstance(value, frozenset)
}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_list_is_lower_case_single_words(name):
    assert LISTS[name] and all(w == w.lower() and " " not in w for w in LISTS[name])


@pytest.mark.parametrize(
    ("narrow", "wide"),
    [
        (CORE_FUNCTION_WORDS, FUNCTION_WORDS),
        (COURTESY_TITLES, FUNCTION_WORDS),
        (DETERMINERS, FUNCTION_WORDS),
        (POSSESSIVE_DETERMINERS, FUNCTION_WORDS),
        (MONTH_ABBREVIATIONS, MONTH_WORDS),
    ],
)
def test_narrow_lists_are_inside_the_wide_ones(narrow, wide):
    assert narrow <= wide


def test_months_in_calendar_order_and_days():
    assert [names[0] for names in MONTHS][:3] == ["january", "february", "march"]
    assert len(MONTHS) == 12 and len(MONTH_WORDS) == 24 and len(DAYS) == 7
    assert not MONTH_WORDS & DAYS


def test_content_words_are_not_stopwords():
    # reporting and modal verbs stay countable: they are part of how an outlet frames
    assert not {"said", "claimed", "would", "could", "warlord"} & STOPWORDS
