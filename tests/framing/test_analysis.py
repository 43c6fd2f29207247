import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.analysis import (
    ARTICLE_COLUMNS,
    _mentions_by_sentence,
    analyze_story,
    find_story_lexicon_files,
)
from framing.lexicon import find_lexicon_file
from framing.models import Article, Mention, Sentence, Story
from framing.text import split_sentences

SO_CALLED = "002_a1013574c7223587"
RETIRED = "000_027106809507258a"


def _hits(analysis, article_id, *, in_quote):
    terms = analysis.terms
    rows = terms[(terms.article_id == article_id) & (terms.in_quote == in_quote)]
    return rows


@pytest.mark.parametrize(
    ("article_id", "term", "target"),
    [
        (SO_CALLED, "rebel leader", "haftar"),
        (SO_CALLED, "so-called", "gna"),
        (RETIRED, "retired major general", "haftar"),
    ],
)
def test_narrator_voice_hits_on_sample(sample_analysis, article_id, term, target):
    rows = _hits(sample_analysis, article_id, in_quote=False)
    found = rows[rows.text.str.lower().str.contains(term.split()[0])]
    assert (found.term.str.lower() == term).any() or (found.text.str.lower() == term).any(), rows[
        ["text", "term", "target"]
    ].to_string()
    assert target in set(found.target)


@pytest.mark.parametrize(
    ("article_id", "term"),
    [
        ("001_1772dae4bc28885f", "rebel leader"),  # only 002 calls him a rebel leader
        ("004_fa847d10f1cc010e", "so-called"),
        (SO_CALLED, "retired major general"),
    ],
)
def test_terms_absent_where_the_text_does_not_use_them(sample_analysis, article_id, term):
    terms = sample_analysis.terms
    rows = terms[terms.article_id == article_id]
    assert not (rows.text.str.lower() == term).any()


def test_quoted_invaders_are_haftars_words(sample_analysis):
    rows = _hits(sample_analysis, RETIRED, in_quote=True)
    invaders = rows[rows.text.str.contains("invaders")]
    assert len(invaders) == 1
    assert invaders.iloc[0].speaker == "haftar"
    assert not _hits(sample_analysis, RETIRED, in_quote=False).text.str.contains("invaders").any()


def test_every_offset_points_into_the_cleaned_text(sample_analysis):
    texts = {a.id: a.text for a in sample_analysis.story.articles}
    for frame in (sample_analysis.terms, sample_analysis.labels, sample_analysis.mentions):
        for row in frame.itertuples():
            text = texts[row.article_id]
            assert 0 <= row.start < row.end <= len(text)
            column = "label" if "label" in frame.columns else "text"
            assert text[row.start : row.end] == getattr(row, column)


def test_articles_table_shape(sample_analysis):
    articles = sample_analysis.articles
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert len(articles) == 5
    assert articles.article_id.is_unique
    assert (articles.words > 200).all()
    assert set(sample_analysis.outlets.outlet) == set(articles.outlet)


def test_sentiment_equals_vader_on_the_same_sentences(sample_analysis):
    analyzer = SentimentIntensityAnalyzer()
    for article in sample_analysis.story.articles:
        compounds = [
            analyzer.polarity_scores(s.text)["compound"] for s in split_sentences(article.text)
        ]
        row = sample_analysis.articles.set_index("article_id").loc[article.id]
        assert row.sentiment_mean == pytest.approx(sum(compounds) / len(compounds))
        negative = sum(c <= -0.05 for c in compounds) / len(compounds)
        assert row.sentiment_share_negative == pytest.approx(negative)


def test_furniture_does_not_count(sample_analysis):
    for article in sample_analysis.story.articles:
        assert "Please enter your comment" not in article.text
        assert "Click to see full-size image" not in article.text
    assert len(sample_analysis.cleaning) >= 5


def test_camp_tilt_is_own_voice_valence_toward_first_camp_minus_second(sample_analysis):
    lexicon = sample_analysis.lexicon
    camp_of = {a.id: a.camp for a in lexicon.actors}
    first, second = lexicon.camps[:2]
    terms = sample_analysis.terms[~sample_analysis.terms.in_quote.astype(bool)]
    tilt = sample_analysis.articles.set_index("article_id").camp_tilt
    for article_id, hits in terms.groupby("article_id"):
        camps = hits.target.map(camp_of)
        a, b = hits.valence[camps == first], hits.valence[camps == second]
        if a.empty and b.empty:
            assert np.isnan(tilt[article_id])
        else:
            expected = (a.mean() if len(a) else 0.0) - (b.mean() if len(b) else 0.0)
            assert tilt[article_id] == pytest.approx(expected)
    # 002 calls Haftar a "rebel leader" and the GNA "so-called" in its own voice.
    assert tilt["002_a1013574c7223587"] != 0


def test_empty_story_gives_empty_tables_with_columns(sample_lexicon):
    analysis = analyze_story(Story("empty", "Empty", "", ()), sample_lexicon)
    assert analysis.articles.empty and list(analysis.articles.columns) == ARTICLE_COLUMNS
    assert analysis.terms.empty and "in_quote" in analysis.terms.columns


def test_analysis_does_not_mutate_inputs(sample_story, sample_lexicon):
    before = (sample_story, sample_lexicon)
    analyze_story(sample_story, sample_lexicon)
    assert (sample_story, sample_lexicon) == before


def test_one_word_article(sample_lexicon):
    article = Article("x", "O", "t", "", "", "Haftar", "Haftar")
    analysis = analyze_story(Story("s", "S", "", (article,)), sample_lexicon)
    row = analysis.articles.iloc[0]
    assert row.words == 1
    assert row.loaded_hits == 0
    assert math.isnan(row.loaded_quote_per_100w)


def test_mentions_by_sentence():
    text = "Haftar met Serraj.  Then Erdogan spoke. Macron"
    sentences = [Sentence(0, 18, text[0:18]), Sentence(20, 39, text[20:39])]

    def mention(word, start):
        return Mention("a", word.lower(), start, start + len(word), word, False)

    haftar, serraj, erdogan, macron = (
        mention("Haftar", 0),
        mention("Serraj", 11),
        mention("Erdogan", 25),
        mention("Macron", 40),  # after the last sentence
    )
    gap = Mention("a", "x", 18, 19, " ", False)  # between the sentences
    mentions = [haftar, serraj, gap, erdogan, macron]
    assert _mentions_by_sentence(sentences, mentions) == [[haftar, serraj], [erdogan]]
    assert _mentions_by_sentence(sentences, []) == [[], []]
    assert _mentions_by_sentence([], mentions) == []
    # Mentions keep their order; a sentence's end is exclusive, its start inclusive.
    edge = Mention("a", "y", 20, 24, "Then", False)
    end = Mention("a", "z", 39, 40, " ", False)
    assert _mentions_by_sentence(sentences, [edge, erdogan, end]) == [[], [edge, erdogan]]


@pytest.mark.parametrize(
    ("lexicons", "in_folder", "expected"),
    [
        ((), (), ["loaded_language"]),  # a story that names none gets the generic one
        (("loaded_language", "libya"), (), ["loaded_language", "libya"]),
        (("libya",), ("libya",), ["folder:libya"]),  # the story's own copy wins
    ],
)
def test_story_lexicon_files(tmp_path, lexicons, in_folder, expected):
    for name in in_folder:
        (tmp_path / f"{name}.csv").write_text(find_lexicon_file(name).read_text())
    story = Story("s", "S", "", (), lexicons=lexicons, folder=str(tmp_path))
    wanted = [
        tmp_path / f"{n.removeprefix('folder:')}.csv" if n.startswith("folder:")
        else find_lexicon_file(n)
        for n in expected
    ]  # fmt: skip
    assert list(find_story_lexicon_files(story)) == wanted


def test_keyword_in_context_is_cut_at_word_boundaries(sample_analysis):
    """Issue 16: "n of several conditions: (the retur" cut words on both sides."""
    texts = {a.id: a.text.replace("\n", " ") for a in sample_analysis.story.articles}
    terms = sample_analysis.terms
    assert len(terms) > 20
    for row in terms.itertuples():
        text = texts[row.article_id]
        left_start = row.start - len(row.context_left)
        right_end = row.end + len(row.context_right)
        assert text[left_start : row.start] == row.context_left
        # a context begins and ends between words (at the text's ends, or at a space)
        assert left_start == 0 or " " in text[left_start - 1 : left_start + 1], row.context_left
        assert right_end == len(text) or " " in text[right_end - 1 : right_end + 1], row
        assert len(row.context_left) <= 60 and len(row.context_right) <= 60


OWN_SCORES = [
    "words", "sentences", "loaded_hits", "loaded_narrator", "loaded_quote", "loaded_per_100w",
    "quoted_words", "sentiment_mean", "sentiment_share_negative", "flesch_reading_ease",
    "flesch_kincaid_grade",
]  # fmt: skip


def test_an_articles_own_scores_are_the_same_whichever_story_it_sits_in(sample_story):
    """Issue 16: three articles scored differently inside the sample than on their own.
    With the same lexicon, an article's loaded terms, sentiment and readability do not
    depend on the other articles (the actors discovered in them differ)."""
    from framing.analysis import DEFAULT_LEXICONS
    from framing.io import load_story_bytes
    from framing.lexicon import load_lexicons
    from framing.models import Story

    folder = Path(__file__).resolve().parents[1] / "data" / "new_story"
    own = tuple(
        load_story_bytes(p.name, p.read_bytes()).articles[0] for p in sorted(folder.glob("*.txt"))
    )
    lexicon = load_lexicons(DEFAULT_LEXICONS)
    alone = analyze_story(Story("own", "own", "", own), lexicon).articles
    mixed = analyze_story(Story("mixed", "m", "", own + sample_story.articles), lexicon).articles
    alone = alone.set_index("article_id")[OWN_SCORES]
    mixed = mixed.set_index("article_id").loc[alone.index, OWN_SCORES]
    assert alone["loaded_hits"].sum() > 0
    pd.testing.assert_frame_equal(alone, mixed)
