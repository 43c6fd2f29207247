import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    score_sentences,
    score_sentiment_summary,
)

# (sentence, VADER 3.3.2 compound). The last rows are VADER's known blind spots, kept so a
# change of VADER version or of how we call it shows up: loaded framing words it does not
# know score neutral, and "agreement" outweighs the negated "good".
GOLDEN_SENTENCES = [
    ("Haftar's forces shelled the capital, killing dozens of civilians.", -0.6597),
    ("The ceasefire talks in Berlin were a welcome success.", 0.7717),
    ("Maj. Gen. Haftar said the U.N. plan was unacceptable.", -0.4588),
    ("Residents said they were terrified but hopeful.", 0.4497),
    ("Peace!!!", 0.6571),
    ("The meeting took place on Tuesday.", 0.0),
    ("", 0.0),
    ("The so-called government slammed the warlord.", 0.0),
    ("The agreement is not good.", 0.2008),
]


@pytest.mark.parametrize(("sentence", "expected"), GOLDEN_SENTENCES)
def test_score_sentences_is_vader_compound(sentence, expected):
    direct = SentimentIntensityAnalyzer().polarity_scores(sentence)["compound"]
    assert score_sentences([sentence]) == [direct]
    assert direct == pytest.approx(expected, abs=1e-4)


def test_score_sentences_keeps_order_and_length():
    sentences = tuple(s for s, _ in GOLDEN_SENTENCES)
    assert score_sentences(sentences) == pytest.approx([c for _, c in GOLDEN_SENTENCES])
    assert score_sentences([]) == []


def test_thresholds_are_vaders():
    assert (NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD) == (-0.05, 0.05)


@pytest.mark.parametrize(
    ("compounds", "expected"),
    [
        (
            [0.5, -0.5, 0.0, 0.05, -0.05],
            {"mean": 0.0, "share_negative": 0.4, "share_positive": 0.4, "sentences": 5},
        ),
        (
            [0.049, -0.049],
            {"mean": 0.0, "share_negative": 0.0, "share_positive": 0.0, "sentences": 2},
        ),
        ([-0.9], {"mean": -0.9, "share_negative": 1.0, "share_positive": 0.0, "sentences": 1}),
        (
            [0.7717, -0.6597, 0.0, 0.4497],
            {"mean": 0.140425, "share_negative": 0.25, "share_positive": 0.5, "sentences": 4},
        ),
    ],
)
def test_score_sentiment_summary(compounds, expected):
    summary = score_sentiment_summary(compounds)
    assert summary.keys() == expected.keys()
    assert summary == pytest.approx(expected)


def test_score_sentiment_summary_empty_is_nan():
    summary = score_sentiment_summary([])
    assert summary["sentences"] == 0
    assert all(math.isnan(summary[k]) for k in ("mean", "share_negative", "share_positive"))
