"""The articles table's columns, declared once (framing/columns.py): the analysis makes
exactly them, docs/tables.md lists them, the charts title their panels with them."""

import re
from pathlib import Path

import pandas as pd
import pytest

from framing import charts
from framing.analysis import score_article
from framing.columns import ARTICLE_COLUMN_INFO, ARTICLE_COLUMNS, COLUMN_OF, format_columns_markdown
from framing.models import Article, Lexicon

TABLES_DOC = Path(__file__).resolve().parents[2] / "docs" / "tables.md"


def test_an_article_is_scored_into_exactly_the_declared_columns():
    text = "The warlord spoke in Benghazi. He left."
    row = score_article(Article("a", "X", "T", "", "", text, text), Lexicon())
    assert list(row) == ARTICLE_COLUMNS


def test_every_column_is_declared_once_with_a_title_and_help():
    assert len(set(ARTICLE_COLUMNS)) == len(ARTICLE_COLUMN_INFO)
    assert all(c.title and c.help.endswith(".") for c in ARTICLE_COLUMN_INFO)


def test_docs_tables_lists_the_declared_columns():
    doc = TABLES_DOC.read_text(encoding="utf-8")
    assert format_columns_markdown() in doc
    (row,) = re.findall(r"^\| `articles` \| article \| (.*) \|$", doc, re.M)
    assert row.split(", ") == ARTICLE_COLUMNS


@pytest.mark.parametrize(
    "build",
    [
        charts.build_outlet_comparison_figure,
        charts.build_sentiment_outlet_figure,
        charts.build_readability_figure,
    ],
)
def test_metric_panels_are_titled_with_the_declared_title_and_direction(build):
    outlets = pd.DataFrame({"outlet": ["A"], **{c: [0.5] for c in ARTICLE_COLUMNS[5:]}})
    fig = build(outlets, {"A": "#000"})
    titles = [a.text for a in fig.layout.annotations]
    assert titles
    for title in titles:
        (column,) = [c for c in ARTICLE_COLUMN_INFO if c.panel_title() == title]
        assert column.direction, column.name  # a chart of a number says which way it runs
    shares = [t.text for t in fig.data if t.text[0].endswith("%")]
    assert len(shares) == sum(
        COLUMN_OF[c.name].share for c in ARTICLE_COLUMN_INFO if c.panel_title() in titles
    )
