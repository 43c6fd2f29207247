"""NewsWCL50: the gold mentions, the baseline labeller, label recovery, reading it."""

import pandas as pd
import pytest
from evaluate_helpers import write

from framing.evaluate import (
    GoldMention,
    find_head_word,
    find_label_concept,
    find_newswcl50_gold,
    find_words_before_names,
    load_newswcl50,
    score_entity_merging,
    score_label_recovery,
    score_newswcl50,
)
from framing.io import LoadError

# --- NewsWCL50 labels ------------------------------------------------------------------

WCL_TEXT = {
    "L": "North Korean leader Kim Jong Un met Moon.\nThe dictator smiled at Kim's aide.",
    "R": "Mr. Kim met South Korean President Moon Jae-in.\nThe president smiled.",
}
WCL_LINES = {
    "L": ["North Korean leader Kim Jong Un met Moon.", "The dictator smiled at Kim's aide."],
    "R": ["Mr. Kim met South Korean President Moon Jae-in.", "The president smiled."],
}
KIM, MOON = "PRK\\Jong Un", "KOR\\Moon"


def _note(outlet, concept, mention, sentence, start, code_type="ACTOR"):
    return {"code_type": code_type, "code_name": concept, "code_mention": mention,
            "publisher_id": outlet, "sentence": str(sentence), "start": str(start)}  # fmt: skip


WCL_NOTES = [
    _note("L", KIM, "North Korean leader Kim Jong Un", 0, 0),
    _note("L", MOON, "Moon", 0, 7),
    _note("L", KIM, "The dictator", 1, 0),
    _note("R", KIM, "Mr. Kim", 0, 0),
    _note("R", MOON, "South Korean President Moon Jae-in", 0, 3),
    _note("R", "PRK", "North Korea", 0, 0, "COUNTRY"),  # not an actor
]


def test_newswcl50_gold():
    gold = find_newswcl50_gold(WCL_TEXT, WCL_LINES, WCL_NOTES)
    # "President" is not a name word: the story also writes "president"
    assert gold.name_words == {KIM: {"jong", "un", "kim"}, MOON: {"moon", "jae", "in"}}
    assert gold.unplaced == 0
    placed = {(g.outlet, WCL_TEXT[g.outlet][g.start : g.end], g.descriptive) for g in gold.mentions}
    assert placed == {
        ("L", "North Korean leader Kim Jong Un", True),
        ("L", "Moon", False),
        ("L", "The dictator", True),
        ("R", "Mr. Kim", False),  # a courtesy title is not a description
        ("R", "South Korean President Moon Jae-in", True),
    }


def test_newswcl50_gold_keeps_only_the_top_actors():
    gold = find_newswcl50_gold(WCL_TEXT, WCL_LINES, WCL_NOTES, top=1)
    assert set(gold.name_words) == {KIM} and {g.concept for g in gold.mentions} == {KIM}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kim Jong Un", KIM), ("Moon Jae-in", MOON), ("Kim Moon", None), ("Trump", None)],
)
def test_label_concept(name, expected):
    names = {KIM: frozenset({"kim", "jong", "un"}), MOON: frozenset({"moon", "jae", "in"})}
    assert find_label_concept(name, names) == expected


def test_words_before_names_baseline():
    names = {KIM: frozenset({"kim", "jong", "un"}), MOON: frozenset({"moon", "jae", "in"})}
    text = WCL_TEXT["L"]
    found = [(text[s:e], c) for s, e, c in find_words_before_names(text, names)]
    # one label per name run; none across the line break; "Kim's" is a name word
    assert found == [("Korean leader", KIM), ("Un met", MOON), ("smiled at", KIM)]


def test_label_recovery():
    gold = [
        GoldMention("L", KIM, 0, 31, "North Korean leader Kim Jong Un", True),
        GoldMention("L", MOON, 36, 40, "Moon", False),
        GoldMention("L", KIM, 42, 54, "The dictator", True),
    ]
    labels = [(0, 19, KIM), (42, 54, MOON), (60, 65, KIM)]
    r = score_label_recovery(labels, gold)
    assert (r.descriptive, r.recovered, r.labels) == (2, 1, 3)
    assert r.missed == (gold[2],)  # a label of another actor does not recover it
    assert r.wrong == (1, 2)


def test_load_newswcl50(tmp_path):
    header = "id,code_type,code_name,code_mention,publisher_id,sentence,start,end\n"
    for outlet in ("RR", "LL"):
        write(tmp_path / "event_3" / f"3_{outlet}.txt", "Kim met Moon.\n\nThey talked.")
        write(tmp_path / "event_3" / f"3_{outlet}_sent.txt", "Kim met Moon.\nThey talked.")
        write(
            tmp_path / "event_3" / f"3_{outlet}_annotations.csv",
            header + f"x,ACTOR,PRK\\Kim,Kim,{outlet},0,0,0\n",
        )
    articles, notes = load_newswcl50(tmp_path)
    assert articles["outlet"].tolist() == ["LL", "RR"]  # far left to far right
    assert articles["sentences"][0] == ("Kim met Moon.", "They talked.")
    assert notes[["event", "code_name", "publisher_id"]].values.tolist() == [
        [3, "PRK\\Kim", "LL"],
        [3, "PRK\\Kim", "RR"],
    ]
    with pytest.raises(LoadError):
        load_newswcl50(tmp_path / "event_3")


def test_score_newswcl50_on_a_tiny_event():
    articles = pd.DataFrame(
        [(0, o, WCL_TEXT[o], tuple(WCL_LINES[o])) for o in ("L", "R")],
        columns=["event", "outlet", "text", "sentences"],
    )
    notes = pd.DataFrame(WCL_NOTES).assign(event=0)
    rows = {r.metric: r for r in score_newswcl50(articles, notes)}
    assert set(rows) == {"recall L", "recall R", "recall", "wrong share"}
    assert rows["recall"].n == 3  # descriptive gold mentions
    assert rows["recall"].baseline == pytest.approx(2 / 3)  # "Korean leader", "Korean President"
    assert 0.0 <= rows["wrong share"].slant <= 1.0


# --- NewsWCL50 entities ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "head"),
    [("President Trump", "trump"), ("Mr. Kim's", "kim"), ("The dictator", "dictator"), ("", "")],
)
def test_head_word(mention, head):
    assert find_head_word(mention) == head


def _event(notes):
    articles = pd.DataFrame(
        [(0, o, WCL_TEXT[o], tuple(WCL_LINES[o])) for o in ("L", "R")],
        columns=["event", "outlet", "text", "sentences"],
    )
    return articles, pd.DataFrame(notes).assign(event=0)


def test_entity_merging_on_a_tiny_event():
    # Each actor's names across both outlets are one entity for Slant; the baseline splits
    # "Kim Jong Un" (head "un") from "Mr. Kim", and "Moon" from "Moon Jae-in" ("jae-in").
    notes = [
        _note("L", KIM, "Kim Jong Un", 0, 3),
        _note("L", MOON, "Moon", 0, 7),
        _note("R", KIM, "Mr. Kim", 0, 0),
        _note("R", MOON, "Moon Jae-in", 0, 5),
        _note("R", "PRK", "North Korea", 0, 0, "COUNTRY"),  # not an actor
    ]
    rows = {r.metric: r for r in score_entity_merging(*_event(notes))}
    f1 = rows["merging B-cubed F1"]
    assert f1.n == 4 and rows["merging B-cubed F1 (names)"].n == 4
    assert f1.slant == pytest.approx(1.0)
    assert f1.baseline == pytest.approx(2 / 3)  # precision 1, recall 1/2


def test_entity_merging_counts_a_missed_mention_alone():
    # "The dictator" is Kim's, but no name or label of Slant's covers it: it stands alone.
    notes = [_note("L", KIM, "Kim Jong Un", 0, 3), _note("L", KIM, "dictator", 1, 1)]
    rows = {r.metric: r for r in score_entity_merging(*_event(notes))}
    assert rows["merging B-cubed recall"].n == 2
    assert rows["merging B-cubed recall (names)"].n == 1
