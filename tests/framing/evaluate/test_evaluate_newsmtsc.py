"""NewsMTSC: target-aware sentiment, reading its JSON lines, macro-F1."""

import json

import pandas as pd
import pytest
from evaluate_helpers import LEXICON, write

from framing.evaluate import (
    classify_compound,
    load_newsmtsc,
    score_newsmtsc,
)
from framing.io import LoadError
from framing.sentiment import score_target_sentiment

# --- target-aware sentiment ------------------------------------------------------------


def _span(sentence, words):
    start = sentence.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("sentence", "mention", "others", "lexicon", "sign"),
    [
        # the clause about the target decides, not the other clause
        ("Smith won a great victory, but his rival suffered a terrible defeat.", "Smith", [],
         None, 1),
        ("Smith won a great victory, but his rival suffered a terrible defeat.", "rival", [],
         None, -1),
        # a quotation is the speaker's words: blanked out for a target outside it
        ('"This is a terrible, awful disaster," Jones said.', "Jones", [], None, 0),
        # a target inside a quotation gets the quotation's sentiment
        ('"Jones is a wonderful leader," Smith said.', "Jones", ["Smith"], None, 1),
        # VADER does not know "slammed"; the lexicon does, and aims it at its subject
        ("Jones slammed Brown on Monday.", "Jones", ["Brown"], None, 0),
        ("Jones slammed Brown on Monday.", "Jones", ["Brown"], LEXICON, -1),
        ("Jones slammed Brown on Monday.", "Brown", ["Jones"], LEXICON, 0),
        ("The brave Brown met the press.", "Brown", [], LEXICON, 1),
    ],
)  # fmt: skip
def test_target_sentiment(sentence, mention, others, lexicon, sign):
    spans = [_span(sentence, o) for o in others]
    score = score_target_sentiment(sentence, _span(sentence, mention), lexicon, spans)
    assert classify_compound(score) == sign
    assert -1.0 <= score <= 1.0


def test_target_sentiment_leaves_terms_aimed_at_others_out():
    sentence = "Brown met the brave Green."
    brown, green = (0, 5), (20, 25)
    alone = score_target_sentiment(sentence, brown, LEXICON)
    with_other = score_target_sentiment(sentence, brown, LEXICON, others=[green])
    assert alone > with_other


def test_score_newsmtsc_on_tiny_targets():
    targets = pd.DataFrame(
        [
            (1, "Smith gave a wonderful speech.", 0, 5, "Smith", 1),
            (2, "Jones spoke, but Lee suffered a terrible loss.", 0, 5, "Jones", 0),
            (2, "Jones spoke, but Lee suffered a terrible loss.", 17, 20, "Lee", -1),
        ],
        columns=["sentence_id", "sentence", "start", "end", "mention", "polarity"],
    )
    [row] = score_newsmtsc(targets, LEXICON, "tiny")
    assert (row.dataset, row.metric, row.n) == ("tiny", "macro-F1", 3)
    assert row.slant == 1.0  # the clause tells Jones (neutral) from Lee (negative)
    assert row.baseline < 1.0  # one sentence score cannot


def test_load_newsmtsc(tmp_path):
    record = {
        "primary_gid": "g",
        "sentence_normalized": "Mr. Smith met Jones.",
        "targets": [
            {"Input.gid": "g1", "from": 0, "to": 9, "mention": "Mr. Smith", "polarity": 2.0},
            {"Input.gid": "g2", "from": 14, "to": 19, "mention": "Jones", "polarity": 6.0},
        ],
    }
    path = write(tmp_path / "d.jsonl", json.dumps(record) + "\n\n")
    frame = load_newsmtsc(path)
    assert frame[["start", "end", "mention", "polarity"]].values.tolist() == [
        [0, 9, "Mr. Smith", -1],
        [14, 19, "Jones", 1],
    ]
    assert frame["sentence_id"].tolist() == [1, 1]


def test_load_newsmtsc_rejects_a_bad_polarity(tmp_path):
    record = {"sentence_normalized": "S.", "targets": [{"from": 0, "to": 1, "mention": "S",
                                                       "polarity": 3.0}]}  # fmt: skip
    path = write(tmp_path / "d.jsonl", json.dumps(record) + "\n")
    with pytest.raises(LoadError):
        load_newsmtsc(path)
