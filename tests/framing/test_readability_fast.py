"""score_textstat_indices recomputes textstat's counts once per text: its numbers must be
exactly (==, not approximately) what textstat's own functions return on the same text."""

import math
import os
from pathlib import Path

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.readability import (
    INDICES,
    build_textstat_text,
    score_readability,
    score_textstat_indices,
)
from framing.text import split_sentences

# ../shared beside the project, or the folder $SLANT_SHARED_DIR names.
SHARED = Path(os.environ.get("SLANT_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared")
PTC = SHARED / "eval" / "ptc" / "train-articles"
TEXTSTAT = dict(
    zip(
        INDICES,
        (
            textstat.flesch_reading_ease,
            textstat.flesch_kincaid_grade,
            textstat.gunning_fog,
            textstat.smog_index,
            textstat.dale_chall_readability_score,
            textstat.coleman_liau_index,
            textstat.automated_readability_index,
        ),
        strict=True,
    )
)


def textstat_indices(text: str) -> dict[str, float]:
    return {key: function(text) for key, function in TEXTSTAT.items()}


# Texts that exercise each count textstat makes: contractions and other apostrophes
# (kept only before t/s/d/ve/ll/re), hyphens, digits, pieces of two words or fewer that
# its sentence count ignores, casing that changes length ("İ"), Greek final sigma,
# whitespace other than spaces, punctuation-only "words" (counted by ARI only), words
# missing from the CMU dictionary (pyphen decides) and Dale-Chall's easy words.
EDGE_CASES = [
    "",
    " \n\t ",
    "...",
    "?!",
    "Hello.",
    "Yes. No. Maybe so, said the minister of state.",
    "I'm sure they'll say it's the government's fault, isn't it? We've seen 'this' before.",
    "'Tis the rock'n'roll O'Neill's ’quoted’ ''t 'VE 'T.",
    "A well-known state-of-the-art ceasefire -- signed on 12.03.2020 -- held for 3.5 days.",
    "İSTANBUL: Σίσυφος ΣΊΣΥΦΟΣ met the ΟΔΥΣΣΕΑΣ delegation in Straße 5.",
    "Maj\u2024 Gen\u2024 Haftar met U\u2024N\u2024 envoys on Feb\u2024 18.\nThey left.",
    "Word\u00a0separated\u2003by\u2009unusual\u3000spaces\x1cand\x1dcontrols.",
    "Haftar's forces shelled Tripoli; al-Sarraj's GNA responded — 'unacceptable', it said !",
    "Unbelievably, internationally-recognised militias antagonised neighbouring municipalities.",
    "The cat sat on the mat. The dog ran to the park and back home again.",
    "- * - * -\n§ ¶ ©\n",
    "one two\nthree four five six.\nseven",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_textstat(text):
    assert score_textstat_indices(text) == textstat_indices(text)


def test_golden_numbers():
    text = "The cat sat on the mat. The dog ran to the park and back home again."
    scores = score_textstat_indices(text)
    # 16 words, 2 sentences, 17 syllables ("again" has two), 51 letters, no polysyllables.
    assert scores["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 8 - 84.6 * 17 / 16)
    assert scores["flesch_kincaid_grade"] == pytest.approx(0.39 * 8 + 11.8 * 17 / 16 - 15.59)
    assert scores["smog_index"] == pytest.approx(3.1291)
    assert scores["coleman_liau"] == pytest.approx(
        0.058 * 51 / 16 * 100 - 0.296 * 2 / 16 * 100 - 15.8
    )
    assert score_textstat_indices("") == dict.fromkeys(INDICES, 0.0)  # textstat's zeros


VOCABULARY = [
    "the", "government", "Haftar's", "don't", "won't", "it'll", "they're", "'quoted'",
    "U.N.", "Feb.", "18", "3.5", "state-of-the-art", "internationally", "unbelievable",
    "AL-SARRAJ", "İstanbul", "Σίσυφος", "naïve", "coöperate", "—", "--", "...", "!", "?",
    "(", ")", '"', "“", "”", ",", ";", ":", "a", "I", "xyzzyq", "ceasefire", "militia",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", ". ", "! ", "? ", "\n\n", "\u00a0"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(SEPARATORS)), max_size=60).map(
        lambda pairs: "".join(word + sep for word, sep in pairs)
    )
)
def test_generated_word_salad_equals_textstat(text):
    assert score_textstat_indices(text) == textstat_indices(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_equals_textstat(text):
    assert score_textstat_indices(text) == textstat_indices(text)


@pytest.fixture(scope="module")
def ptc_texts():
    if not PTC.is_dir():
        pytest.skip(f"PTC texts not found at {PTC}")
    return [p.read_text(encoding="utf-8") for p in sorted(PTC.glob("*.txt"))]


def test_every_ptc_text_equals_textstat(ptc_texts):
    mismatches = [
        number
        for number, text in enumerate(ptc_texts)
        if score_textstat_indices(text) != textstat_indices(text)
    ]
    assert len(ptc_texts) > 300
    assert mismatches == []


def test_score_readability_on_ptc_equals_textstat_on_the_rebuilt_text(ptc_texts):
    for text in ptc_texts[::10]:
        sentences = [s.text for s in split_sentences(text)]
        scores = score_readability(sentences)
        rebuilt = build_textstat_text(sentences)
        assert {k: scores[k] for k in INDICES} == textstat_indices(rebuilt)
        assert scores["words"] == textstat.lexicon_count(rebuilt)


@pytest.mark.parametrize("sentences", [[], ["..."], ["— —", "!"]])
def test_score_readability_without_words_is_nan_not_textstat_zero(sentences):
    scores = score_readability(sentences)
    assert scores["words"] == 0
    assert all(math.isnan(scores[key]) for key in INDICES)
