"""Slant's loaded terms and the VADER baseline as span detectors."""

import pytest
from evaluate_helpers import LEXICON

from framing.evaluate import (
    find_loaded_spans,
    find_vader_spans,
)
from framing.reading import read_text

# --- detectors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A terrible, horrible day.", ["terrible", "horrible"]),  # VADER -2.1, -2.5
        ("An okay and fine plan.", []),  # 0.9, 0.8: below the threshold
        ("The warlord slammed them.", []),  # loaded framing VADER does not know
    ],
)
def test_vader_spans(text, expected):
    assert [text[s:e] for s, e in find_vader_spans(text)] == expected


def test_loaded_spans_are_whole_word_lexicon_matches():
    text = "Radicals slammed the so-called plan; radicalism is not matched."
    assert [text[s:e] for s, e in find_loaded_spans(read_text(text), LEXICON)] == [
        "Radicals",
        "slammed",
        "so-called",
    ]
