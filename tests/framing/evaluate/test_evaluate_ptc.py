"""PTC: reading its articles and spans, scoring span overlap."""

import pandas as pd
import pytest
from evaluate_helpers import LEXICON, write

from framing.evaluate import (
    load_ptc,
    score_ptc,
)
from framing.io import LoadError


def test_score_ptc_on_a_tiny_corpus():
    articles = {"1": "The radical mob slammed it.", "2": "Nothing here."}
    spans = pd.DataFrame(
        [
            ("1", "Loaded_Language", 4, 15),  # "radical mob"
            ("1", "Doubt", 16, 23),  # not scored: "slammed" is a false positive
            ("2", "Name_Calling,Labeling", 0, 7),
        ],
        columns=["article_id", "technique", "start", "end"],
    )
    # Both articles are in the held-out half ("ptc1", "ptc3": metrics.in_tuning_half).
    articles = {"1": articles["1"], "3": articles["2"]}
    spans["article_id"] = spans["article_id"].replace({"2": "3"})
    results = score_ptc(articles, spans, LEXICON)
    rows = {r.metric: r for r in results if r.dataset == "PTC spans (held out)"}
    assert rows["precision"].slant == 0.5
    assert rows["recall"].slant == 0.5 and rows["recall"].n == 2
    assert rows["recall Loaded_Language"].slant == 1.0
    assert rows["recall Name_Calling,Labeling"].slant == 0.0


def test_load_ptc_keeps_offsets_over_crlf(tmp_path):
    write(tmp_path / "train-articles" / "article7.txt", "Title\r\n\r\nA vile plan.")
    write(tmp_path / "train-task2-TC.labels", "7\tLoaded_Language\t11\t15\n")
    articles, spans = load_ptc(tmp_path)
    assert list(spans.itertuples(index=False, name=None)) == [("7", "Loaded_Language", 11, 15)]
    assert articles["7"][11:15] == "vile"


def test_load_ptc_rejects_a_bad_label_line(tmp_path):
    write(tmp_path / "train-articles" / "article7.txt", "Text.")
    write(tmp_path / "train-task2-TC.labels", "7\tLoaded_Language\t1\n")
    with pytest.raises(LoadError) as error:
        load_ptc(tmp_path)
    assert error.value.line == 1
