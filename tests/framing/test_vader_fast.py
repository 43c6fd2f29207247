"""The fast VADER path must give exactly vaderSentiment's compound score."""

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.text import split_sentences
from framing.vader_fast import compound

ANALYZER = SentimentIntensityAnalyzer()
# ../shared beside the project, or the folder $SLANT_SHARED_DIR names.
SHARED = Path(os.environ.get("SLANT_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared")
PTC = SHARED / "eval" / "ptc" / "train-articles"
TRICKY = [
    "",
    "   ",
    "The talks were not good at all.",
    "It isn't a horrible deal, but it is kind of bad.",
    "At least they tried; at very least nobody died.",
    "Never so happy!!! Without doubt the best day?",
    "The GREAT leader SLAMMED the plan, no love lost.",
    "He is the shit. Yeah right, what a bad ass.",
    "No problem, no good, nor bad",
    "I :) love it <3 but hate it",
    "Hooray 😀 for peace 💔",
    "no😀😀 great💔, not 😀",
    "The so-called warlord's brutal, barbaric aggression.",
]


@pytest.mark.parametrize("sentence", TRICKY)
def test_tricky_sentences(sentence):
    assert compound(ANALYZER, sentence) == ANALYZER.polarity_scores(sentence)["compound"]


def test_sample_story_sentences(sample_story):
    for article in sample_story.articles:
        for s in split_sentences(article.text):
            assert compound(ANALYZER, s.text) == ANALYZER.polarity_scores(s.text)["compound"]


@pytest.mark.skipif(not PTC.is_dir(), reason="../shared/eval is not beside the project")
def test_real_news_sentences():
    for path in sorted(PTC.glob("*.txt"))[:60]:
        for s in split_sentences(path.read_text(encoding="utf-8")):
            assert compound(ANALYZER, s.text) == ANALYZER.polarity_scores(s.text)["compound"]


WORDS = st.sampled_from(
    "not never no but least kind of very extremely good bad great horrible love hate "
    "the a so this without doubt ! ? GOOD BAD isn't can't nor or :) :( happy sad".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=14).map(" ".join))
def test_generated_sentences(sentence):
    assert compound(ANALYZER, sentence) == ANALYZER.polarity_scores(sentence)["compound"]
