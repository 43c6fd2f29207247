"""The parsed reading: the model, golden parses, sentences kept, the cache, the workers."""

from itertools import pairwise

import pytest

from framing import reading as reading_module
from framing.io import CACHE_DIR_ENV, READINGS_DIR
from framing.reading import (
    MAX_PIECE_CHARS,
    MAX_SENTENCE_TOKENS,
    load_pipeline,
    model_name,
    read_text,
    read_texts,
)
from framing.text import split_sentences


@pytest.fixture
def no_cache(monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, "")


def test_the_model_is_en_core_web_sm_3_8():
    nlp = load_pipeline()
    assert nlp.meta["lang"] == "en" and nlp.meta["version"].startswith("3.8.")
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)
    assert model_name().startswith("en_core_web_sm")


# Golden parses: a different model or spaCy version changes these, and with them every
# reading Slant makes (see requirements-model.txt for the pinned wheel).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will not stop," Mr. Steele said.',
         [("We", "PRON", "nsubj", "stop"), ("stop", "VERB", "ccomp", "said"),
          ("Steele", "PROPN", "nsubj", "said"), ("said", "VERB", "ROOT", "said")]),
        ("Los Angeles lawyer Nora Phillips told the AP that the rules were unfair.",
         [("lawyer", "NOUN", "compound", "Phillips"), ("Phillips", "PROPN", "nsubj", "told"),
          ("AP", "PROPN", "dobj", "told"), ("were", "AUX", "ccomp", "told")]),
    ],
)  # fmt: skip
def test_golden_parses(no_cache, text, expected):
    doc = read_text(text).doc
    words = {t.text: (t.text, t.pos_, t.dep_, t.head.text) for t in doc}
    assert [words[w[0]] for w in expected] == expected


def test_golden_entities(no_cache):
    doc = read_text("Khalifa Haftar met Vladimir Putin in Moscow on Monday.").doc
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Khalifa Haftar", "PERSON"),
        ("Vladimir Putin", "PERSON"),
        ("Moscow", "GPE"),
        ("Monday", "DATE"),
    ]


def test_the_parse_keeps_slant_sentences(no_cache):
    # spaCy alone ends a sentence after "Jan." and "Gen."; Slant's sentences do not.
    text = "Maj. Gen. Haftar met U.N. envoys on Jan. 13 in Moscow. They left.\nNew line here"
    reading = read_text(text)
    assert [s.text for s in reading.sentences] == [s.text for s in split_sentences(text)]
    assert [s.text.strip() for s in reading.doc.sents] == [s.text for s in reading.sentences]
    assert reading.sentence_index(text.index("Moscow")) == 0
    assert reading.sentence_index(text.index("They")) == 1
    assert reading.sentence_index(len(text) + 5) is None


def test_a_run_on_sentence_is_cut_for_the_parser(no_cache):
    text = " ".join(["word"] * (3 * MAX_SENTENCE_TOKENS))
    reading = read_text(text)
    assert len(reading.sentences) == 1
    assert len(list(reading.doc.sents)) == 3
    assert max(len(s) for s in reading.doc.sents) <= MAX_SENTENCE_TOKENS


def test_a_long_text_is_parsed_in_pieces_with_exact_offsets(no_cache):
    paragraph = "Haftar said the talks had failed in Geneva on Friday. " * 40
    text = "\n".join([paragraph.strip()] * (3 * MAX_PIECE_CHARS // len(paragraph) + 1))
    doc = read_text(text).doc
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_empty_and_odd_texts(no_cache):
    for text in ["", "   \n\n", "“”", "\u200f\u200b", "!!!"]:
        reading = read_text(text)
        assert reading.doc.text == text


def test_readings_are_cached_by_text(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    texts = ["Haftar left Moscow.", "The GNA said no."]
    first = read_texts(texts, jobs=1)
    assert len(list((tmp_path / READINGS_DIR).iterdir())) == 2

    def refuse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(reading_module, "_parse", refuse)
    again = read_texts(texts, jobs=1)
    assert [[t.dep_ for t in r.doc] for r in again] == [[t.dep_ for t in r.doc] for r in first]


def test_a_damaged_cache_entry_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    read_texts(["Haftar left Moscow."], jobs=1)
    (entry,) = (tmp_path / READINGS_DIR).iterdir()
    entry.write_bytes(b"not a parse")
    assert [t.text for t in read_text("Haftar left Moscow.").doc] == [
        "Haftar",
        "left",
        "Moscow",
        ".",
    ]


def test_worker_processes_give_the_same_readings(no_cache, monkeypatch):
    monkeypatch.setattr(reading_module, "MIN_POOL_WORDS", 0)
    texts = [f"Article {i}: Haftar said the talks in Geneva had failed." for i in range(12)]
    seen = []
    pooled = read_texts(texts, jobs=2, progress=lambda done, total: seen.append((done, total)))
    alone = read_texts(texts, jobs=1)
    assert [[(t.dep_, t.head.i, t.ent_type_) for t in r.doc] for r in pooled] == [
        [(t.dep_, t.head.i, t.ent_type_) for t in r.doc] for r in alone
    ]
    assert seen[-1] == (12, 12) and all(a <= b for (a, _), (b, _) in pairwise(seen))
    reading_module.shutdown_workers()
