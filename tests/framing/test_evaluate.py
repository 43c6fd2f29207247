import itertools
import json
import math
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.cli import main
from framing.evaluate import (
    RESULT_COLUMNS,
    GoldMention,
    Result,
    classify_compound,
    find_label_concept,
    find_loaded_spans,
    find_newswcl50_gold,
    find_vader_spans,
    find_words_before_names,
    format_results,
    score_auc,
    score_babe,
    score_gold_data,
    score_label_recovery,
    score_macro_f1,
    score_newsmtsc,
    score_newswcl50,
    score_precision_recall_f1,
    score_ptc,
    score_set_matches,
    score_span_overlap,
    write_results,
)
from framing.io import (
    LoadError,
    find_eval_datasets,
    load_babe,
    load_newsmtsc,
    load_newswcl50,
    load_ptc,
)
from framing.models import Lexicon, LexiconEntry
from framing.sentiment import score_target_sentiment

# ../shared beside the project, or the folder $SLANT_SHARED_DIR names.
SHARED = Path(os.environ.get("SLANT_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared")
EVAL_DIR = SHARED / "eval"
NAN = math.nan


def _term(text, category="loaded_adjective", valence=-2, forms=()):
    return LexiconEntry(text, (text, *forms), category, valence, "test entry", "test")


LEXICON = Lexicon(
    entries=(
        _term("radical", forms=("radicals",)),
        _term("slammed", "loaded_verb", -1),
        _term("so-called", "distancing", -2),
        _term("brave", valence=2),
    )
)


def _same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


# --- metrics ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((5, 5, 0), (0.5, 1.0, 2 / 3)),
        ((3, 1, 2), (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
        ((0, 4, 4), (0.0, 0.0, 0.0)),
        ((0, 0, 3), (NAN, 0.0, 0.0)),  # nothing predicted
        ((0, 2, 0), (0.0, NAN, 0.0)),  # nothing to find
        ((0, 0, 0), (NAN, NAN, NAN)),
    ],
)
def test_precision_recall_f1(counts, expected):
    got = score_precision_recall_f1(*counts)
    assert all(_same(g, e) for g, e in zip(got, expected, strict=True)), got


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ([{"a", "b"}, {"c"}], [{"a"}, set()], (1, 2, 0)),
        ([set(), {"x"}], [{"y"}, {"x", "z"}], (1, 0, 2)),
        ([set()], [set()], (0, 0, 0)),
    ],
)
def test_set_matches(predicted, gold, expected):
    assert score_set_matches(predicted, gold) == expected


def test_set_matches_needs_paired_items():
    with pytest.raises(ValueError):
        score_set_matches([set()], [])


@pytest.mark.parametrize(
    ("positive", "negative", "expected"),
    [
        ([3, 4], [1, 2], 1.0),
        ([1, 2], [3, 4], 0.0),
        ([1, 1], [1, 1], 0.5),  # all tied: chance
        ([1, 2], [1, 0], 0.875),  # one tied pair counts half: 3.5 of 4 pairs
        ([0.2, 0.2, 0.9], [0.2], 2 / 3),
        ([], [1], NAN),
        ([1], [], NAN),
    ],
)
def test_auc(positive, negative, expected):
    assert _same(score_auc(positive, negative), expected)


@given(
    st.lists(st.integers(0, 5), min_size=1, max_size=12),
    st.lists(st.integers(0, 5), min_size=1, max_size=12),
)
def test_auc_equals_pairwise_count(positive, negative):
    pairs = list(itertools.product(positive, negative))
    expected = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in pairs) / len(pairs)
    assert score_auc(positive, negative) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([-1, 0, 1, 1], [-1, 0, 0, 1], (1 + 2 / 3 + 2 / 3) / 3),
        ([-1, 0, 1], [-1, 0, 1], 1.0),
        ([-1, -1, 1], [0, 0, 0], 0.0),
        ([0, 0, 0], [0, 0, 0], 1 / 3),  # absent classes score 0, so the mean stays honest
    ],
)
def test_macro_f1(gold, predicted, expected):
    assert score_macro_f1(gold, predicted) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ([(0, 5), (10, 12)], [(4, 8), (20, 25)], (1, 1)),
        ([(0, 5)], [(5, 9)], (0, 0)),  # end-exclusive: touching is not overlapping
        ([(0, 20)], [(2, 4), (6, 8)], (1, 2)),  # one long hit recalls both
        ([(2, 3), (5, 6)], [(0, 10)], (2, 1)),
        ([], [(0, 1)], (0, 0)),
    ],
)
def test_span_overlap(predicted, gold, expected):
    assert score_span_overlap(predicted, gold) == expected


@pytest.mark.parametrize(
    ("compound", "expected"), [(-0.05, -1), (-0.049, 0), (0.0, 0), (0.049, 0), (0.05, 1)]
)
def test_classify_compound_uses_vader_thresholds(compound, expected):
    assert classify_compound(compound) == expected


@pytest.mark.parametrize(
    ("slant", "baseline", "higher", "expected"),
    [
        (0.6, 0.5, True, "slant"),
        (0.4, 0.5, True, "baseline"),
        (0.4, 0.5, False, "slant"),
        (0.5001, 0.5002, True, "tie"),
        (NAN, 0.5, True, "tie"),
    ],
)
def test_result_says_which_is_better(slant, baseline, higher, expected):
    assert Result("d", "m", slant, baseline, 1, higher).better == expected


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
    assert [text[s:e] for s, e in find_loaded_spans(text, LEXICON)] == [
        "Radicals",
        "slammed",
        "so-called",
    ]


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


# --- data-set scoring on hand-made data ------------------------------------------------


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
            "label": ["Biased", "Non-biased", "Non-biased", "No agreement"],
            "biased_words": [("Radicals",), (), ("terrible",), ()],
        }
    )
    rows = {r.metric: r for r in score_babe(sentences, LEXICON)}
    # Slant: tp radicals; fp slammed, so-called. VADER: terrible (fp); radicals missed.
    assert (rows["precision"].slant, rows["recall"].slant) == pytest.approx((1 / 3, 1.0))
    assert (rows["precision"].baseline, rows["recall"].baseline) == (0.0, 0.0)
    assert rows["precision"].n == 1
    # densities: biased 50 per 100 words; non-biased 0 and 25 -> AUC 1.0; n = 3 sentences
    assert rows["ROC AUC"].slant == 1.0 and rows["ROC AUC"].n == 3


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
    rows = {r.metric: r for r in score_ptc(articles, spans, LEXICON)}
    assert rows["precision"].slant == 0.5
    assert rows["recall"].slant == 0.5 and rows["recall"].n == 2
    assert rows["recall Loaded_Language"].slant == 1.0
    assert rows["recall Name_Calling,Labeling"].slant == 0.0


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


# --- readers ---------------------------------------------------------------------------


def _write(path: Path, text: str, encoding="utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


BABE_CSV = (
    "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    '"He said ""no"", bizarrely.";http://x;Fox;t;right;Biased;op;"[\'bizarrely\', ""Trump\'s""]"\n'
    "A plain sentence.;http://y;CNN;t;left;Non-biased;fact;[]\n"
)


def test_load_babe(tmp_path):
    path = _write(tmp_path / "babe.csv", BABE_CSV, "utf-8-sig")
    frame = load_babe(path)
    assert list(frame.columns) == ["text", "outlet", "label", "biased_words"]
    assert frame["text"][0] == 'He said "no", bizarrely.'
    assert frame["biased_words"].tolist() == [("bizarrely", "Trump's"), ()]
    assert frame["label"].tolist() == ["Biased", "Non-biased"]


@pytest.mark.parametrize("cell", ["__import__('os')", "['a', 1]", "[unclosed"])
def test_load_babe_rejects_a_bad_word_list(tmp_path, cell):
    text = BABE_CSV.splitlines()[0] + f'\nx;l;o;t;t;Biased;op;"{cell}"\n'
    path = _write(tmp_path / "babe.csv", text)
    with pytest.raises(LoadError) as error:
        load_babe(path)
    assert error.value.line == 2


def test_load_ptc_keeps_offsets_over_crlf(tmp_path):
    _write(tmp_path / "train-articles" / "article7.txt", "Title\r\n\r\nA vile plan.")
    _write(tmp_path / "train-task2-TC.labels", "7\tLoaded_Language\t11\t15\n")
    articles, spans = load_ptc(tmp_path)
    assert list(spans.itertuples(index=False, name=None)) == [("7", "Loaded_Language", 11, 15)]
    assert articles["7"][11:15] == "vile"


def test_load_ptc_rejects_a_bad_label_line(tmp_path):
    _write(tmp_path / "train-articles" / "article7.txt", "Text.")
    _write(tmp_path / "train-task2-TC.labels", "7\tLoaded_Language\t1\n")
    with pytest.raises(LoadError) as error:
        load_ptc(tmp_path)
    assert error.value.line == 1


def test_load_newsmtsc(tmp_path):
    record = {
        "primary_gid": "g",
        "sentence_normalized": "Mr. Smith met Jones.",
        "targets": [
            {"Input.gid": "g1", "from": 0, "to": 9, "mention": "Mr. Smith", "polarity": 2.0},
            {"Input.gid": "g2", "from": 14, "to": 19, "mention": "Jones", "polarity": 6.0},
        ],
    }
    path = _write(tmp_path / "d.jsonl", json.dumps(record) + "\n\n")
    frame = load_newsmtsc(path)
    assert frame[["start", "end", "mention", "polarity"]].values.tolist() == [
        [0, 9, "Mr. Smith", -1],
        [14, 19, "Jones", 1],
    ]
    assert frame["sentence_id"].tolist() == [1, 1]


def test_load_newsmtsc_rejects_a_bad_polarity(tmp_path):
    record = {"sentence_normalized": "S.", "targets": [{"from": 0, "to": 1, "mention": "S",
                                                       "polarity": 3.0}]}  # fmt: skip
    path = _write(tmp_path / "d.jsonl", json.dumps(record) + "\n")
    with pytest.raises(LoadError):
        load_newsmtsc(path)


def test_find_eval_datasets(tmp_path):
    with pytest.raises(LoadError):
        find_eval_datasets(tmp_path / "missing")
    with pytest.raises(LoadError):
        find_eval_datasets(tmp_path)  # a folder without any data set
    _write(tmp_path / "babe" / "final_labels_SG2.csv", BABE_CSV)
    assert set(find_eval_datasets(tmp_path)) == {"babe"}


def test_load_newswcl50(tmp_path):
    header = "id,code_type,code_name,code_mention,publisher_id,sentence,start,end\n"
    for outlet in ("RR", "LL"):
        _write(tmp_path / "event_3" / f"3_{outlet}.txt", "Kim met Moon.\n\nThey talked.")
        _write(tmp_path / "event_3" / f"3_{outlet}_sent.txt", "Kim met Moon.\nThey talked.")
        _write(
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


# --- the whole run and the command line ------------------------------------------------


def test_run_on_a_partial_folder_and_write_every_format(tmp_path):
    _write(tmp_path / "data" / "babe" / "final_labels_SG2.csv", BABE_CSV)
    evaluation = score_gold_data(tmp_path / "data", LEXICON)
    assert list(evaluation.table.columns) == RESULT_COLUMNS
    assert set(evaluation.table["dataset"]) == {"BABE words", "BABE sentences"}
    assert "ptc" in evaluation.skipped and "babe" not in evaluation.skipped
    for suffix in (".csv", ".json", ".md"):
        write_results(evaluation.table, tmp_path / f"out{suffix}")
    assert pd.read_csv(tmp_path / "out.csv").shape == evaluation.table.shape
    assert len(json.loads((tmp_path / "out.json").read_text())) == len(evaluation.table)
    markdown = (tmp_path / "out.md").read_text()
    assert markdown.startswith("| dataset | metric |") and "| BABE words | F1 |" in markdown


def test_format_results_aligns_columns():
    table = pd.DataFrame(
        [("BABE words", "F1", 0.2372, 0.1556, "slant", 3609)], columns=RESULT_COLUMNS
    )
    lines = format_results(table).splitlines()
    assert lines[1].split() == ["BABE", "words", "F1", "0.237", "0.156", "slant", "3609"]
    assert len({len(line) for line in lines}) == 1


def test_cli_bad_data_dir_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err and "Traceback" not in err


@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="the public gold data is not here")
def test_cli_on_the_real_data(tmp_path, capsys):
    out = tmp_path / "metrics.csv"
    assert main(["evaluate", str(EVAL_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert {"BABE words", "PTC spans", "NewsMTSC rw", "NewsWCL50 labels"} <= set(table["dataset"])
    assert table["slant"].between(0, 1).all() and (table["n"] > 0).all()
    assert "macro-F1" in capsys.readouterr().out
