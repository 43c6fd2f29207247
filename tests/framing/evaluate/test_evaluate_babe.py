"""BABE: reading its CSV and scoring biased words and sentences."""

import pandas as pd
import pytest
from evaluate_helpers import BABE_CSV, LEXICON, write

from framing.evaluate import (
    load_babe,
    score_babe,
)
from framing.io import LoadError


def test_score_babe_on_a_tiny_table():
    sentences = pd.DataFrame(
        {
            "text": [
                "Radicals slammed the plan.",  # gold: radicals; hits: radicals, slammed
                "The plan was approved.",  # non-biased, no hit
                "A terrible so-called reform.",  # non-biased: so-called is a false positive
                "Nobody agreed.",  # left out
            ],
            "outlet": ["a", "b", "c", "d"],
            # "x" is in the held-out half, "a" in the tuning half
            "article": ["x", "x", "x", "a"],
            "label": ["Biased", "Non-biased", "Non-biased", "No agreement"],
            "biased_words": [("Radicals",), (), ("terrible",), ()],
        }
    )
    results = score_babe(sentences, LEXICON)
    rows = {r.metric: r for r in results if r.dataset.endswith("(held out)")}
    # Slant: tp radicals; fp slammed, terrible (the evaluative-adjective rule), so-called.
    # VADER: terrible (fp); radicals missed.
    assert (rows["precision"].slant, rows["recall"].slant) == pytest.approx((1 / 4, 1.0))
    assert (rows["precision"].baseline, rows["recall"].baseline) == (0.0, 0.0)
    assert rows["precision"].n == 1
    # densities: biased 50 per 100 words; non-biased 0 and 50 -> AUC 0.75; n = 3 sentences
    assert rows["ROC AUC"].slant == 0.75 and rows["ROC AUC"].n == 3
    # Biased when a loaded term is found: right, right, wrong -> F1 1 (Biased) and 2/3
    # (Non-biased); VADER's compound: the first two are neutral, the third negative.
    assert rows["macro-F1"].slant == pytest.approx((2 / 3 + 2 / 3) / 2)
    # The tuning half has no Biased or Non-biased sentence: nothing to score.
    tuning = [r for r in results if r.dataset.endswith("(tuning)")]
    assert {r.dataset for r in tuning} == {"BABE words (tuning)", "BABE sentences (tuning)"}


def test_load_babe(tmp_path):
    path = write(tmp_path / "babe.csv", BABE_CSV, "utf-8-sig")
    frame = load_babe(path)
    assert list(frame.columns) == ["text", "outlet", "article", "label", "biased_words"]
    assert frame["text"][0] == 'He said "no", bizarrely.'
    assert frame["biased_words"].tolist() == [("bizarrely", "Trump's"), ()]
    assert frame["label"].tolist() == ["Biased", "Non-biased"]


@pytest.mark.parametrize("cell", ["__import__('os')", "['a', 1]", "[unclosed"])
def test_load_babe_rejects_a_bad_word_list(tmp_path, cell):
    text = BABE_CSV.splitlines()[0] + f'\nx;l;o;t;t;Biased;op;"{cell}"\n'
    path = write(tmp_path / "babe.csv", text)
    with pytest.raises(LoadError) as error:
        load_babe(path)
    assert error.value.line == 2
