"""Readability: the usual indices per outlet and the spread of sentence lengths."""

from __future__ import annotations

from framing import charts
from ui.page import View, render_chart, render_table, render_tabs, start_page

COLUMNS = [
    "outlet", "article_id", "title", "words", "sentences", "words_per_sentence",
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall",
    "coleman_liau", "ari",
]  # fmt: skip


def render_indices(view: View) -> None:
    outlets = view.table("outlets")
    render_chart(view, "rd_index", charts.build_readability_figure, outlets, view.colors)


def render_lengths(view: View) -> None:
    sentences = view.table("sentences")
    render_chart(view, "rd_lengths", charts.build_sentence_length_figure, sentences, view.colors)


def render_articles(view: View) -> None:
    render_table(view.table("articles")[COLUMNS], "readability", "rd_articles")


def render_readability(view: View) -> None:
    render_tabs(
        "rd_tab",
        {
            "Indices by outlet": lambda: render_indices(view),
            "Sentence lengths": lambda: render_lengths(view),
            "Per article": lambda: render_articles(view),
        },
    )


render_readability(
    start_page(
        "Readability",
        "Computed on the cleaned text (page furniture removed). Grade indices estimate the US "
        "school grade needed to follow the text; Flesch reading ease runs the other way "
        "(higher = easier). Translated texts and short articles make these noisy.",
    )
)
