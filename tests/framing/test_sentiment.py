import math
from dataclasses import replace

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    score_sentences,
    score_sentiment_summary,
    score_target_sentiment,
    score_targets_sentiment,
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


# (sentence, names, target sentiment of each name with the sample lexicon, without one);
# each name's ``others`` are the other names. Computed one target at a time before
# score_targets_sentiment shared the work between the targets of a sentence.
GOLDEN_TARGETS = [
    (
        "The warlord Haftar slammed Serraj, but Serraj praised the ceasefire.",
        ["Haftar", "Serraj"],
        [-0.3, 0.0],
        [0.0, 0.0],
    ),
    (
        'Serraj said "the rebel leader Haftar is a criminal" while Turkey backed the so-called '
        "government.",
        ["Serraj", "Haftar", "Turkey"],
        [0.0, -0.6124, 0.0258],
        [0.0, -0.6124, 0.0258],
    ),
    ("Haftar met Erdogan in Moscow.", ["Haftar", "Erdogan"], [0.0, 0.0], [0.0, 0.0]),
    (
        "Field Marshal Haftar welcomed the talks; the GNA rejected them.",
        ["Haftar", "GNA"],
        [0.34, -0.5106],
        [0.34, -0.5106],
    ),
    (
        "The so-called government of Serraj slammed the brutal warlord Haftar.",
        ["Serraj", "Haftar"],
        [-1.0, -1.0],
        [-0.6249, -0.6249],
    ),
    (
        '"Haftar and Serraj are both to blame for the terrible war," Erdogan said.',
        ["Haftar", "Serraj", "Erdogan"],
        [-0.8555, -0.8555, 0.0],
        [-0.8555, -0.8555, 0.0],
    ),
    (
        'Critics say the rebel leader Haftar "wants to rule like a dictator',
        ["Haftar"],
        [-1.0],
        [-0.4215],
    ),
    (
        "Haftar's forces shelled the capital, killing dozens of civilians.",
        ["Haftar"],
        [0.0],
        [0.0],
    ),
]


def _spans(sentence, names):
    return [(sentence.find(n), sentence.find(n) + len(n)) for n in names]


@pytest.mark.parametrize(("sentence", "names", "with_lexicon", "without"), GOLDEN_TARGETS)
def test_target_sentiment_golden(sample_lexicon, sentence, names, with_lexicon, without):
    spans = _spans(sentence, names)
    for lexicon, expected in ((sample_lexicon, with_lexicon), (None, without)):
        assert score_targets_sentiment(sentence, spans, lexicon) == expected
        # The sentence's own compound, when given, only spares scoring it again.
        whole = score_sentences([sentence])[0]
        assert score_targets_sentiment(sentence, spans, lexicon, whole) == expected
        one_by_one = [
            score_target_sentiment(sentence, span, lexicon, spans[:i] + spans[i + 1 :])
            for i, span in enumerate(spans)
        ]
        assert one_by_one == expected
    # Only the terms count: the targets are given, so the lexicon's actors play no part.
    terms_only = replace(sample_lexicon, actors=())
    assert score_targets_sentiment(sentence, spans, terms_only) == with_lexicon


def test_targets_sentiment_without_targets_is_empty(sample_lexicon):
    assert score_targets_sentiment("Haftar met Erdogan.", [], sample_lexicon) == []
    assert score_targets_sentiment("", []) == []
