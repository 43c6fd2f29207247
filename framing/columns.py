"""The columns of the ``articles`` table (one row per article; ``outlets`` holds their mean
per outlet), declared once: a title, what the number means and which way it runs. The
charts' metric panels, the dashboard's Methods page and docs/tables.md are built from
these (tests/framing/test_columns.py checks docs/tables.md)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of the ``articles`` table."""

    name: str
    title: str  # short, for a chart panel or a table header
    help: str  # what it holds, in plain words
    direction: str = ""  # which way a number runs, e.g. "higher = harder to read"
    share: bool = False  # a share 0 .. 1, shown as a percentage

    def panel_title(self, width: int = 28) -> str:
        """The title of a chart panel: the title wrapped over lines (<br>), then the
        direction in brackets."""
        lines = textwrap.wrap(self.title, width)
        if self.direction:
            lines.append(f"({self.direction})")
        return "<br>".join(lines)


_GRADE = "US school grade needed to follow the text"
ARTICLE_COLUMN_INFO = (
    Column(
        "article_id",
        "Article",
        "The article's id: the file's stem in a story folder; in a bulk file the id "
        "column, else the row number.",
    ),
    Column("outlet", "Outlet", "The outlet that published the article."),
    Column("title", "Title", "The headline, from the file's metadata or its first line."),
    Column(
        "date", "Date", "Publication date, YYYY-MM-DD or shorter when partial; empty if unknown."
    ),
    Column("url", "Address", "Where the article was published, when known."),
    Column("words", "Words", "Words in the cleaned text (page furniture removed)."),
    Column(
        "sentences",
        "Sentences",
        "Sentences; abbreviations such as \u201cMaj. Gen.\u201d or \u201cU.N.\u201d end none.",
    ),
    Column(
        "words_per_sentence",
        "Words per sentence",
        "Mean sentence length in words.",
        "higher = longer sentences",
    ),
    Column(
        "loaded_hits",
        "Loaded terms",
        "Loaded terms found: every generic-lexicon hit but hedges and neutral senses, every "
        "rule hit, and story labels whose valence is not 0.",
    ),
    Column("loaded_narrator", "Loaded terms, own voice", "Loaded terms outside quotations."),
    Column("loaded_quote", "Loaded terms, quoted", "Loaded terms inside quotations."),
    Column(
        "loaded_per_100w",
        "Loaded terms per 100 words",
        "Loaded terms per 100 words of the whole text.",
        "higher = more loaded language",
    ),
    Column(
        "loaded_narrator_per_100w",
        "Loaded terms per 100 words, own voice",
        "Loaded terms outside quotations per 100 words outside quotations.",
        "higher = more loaded",
    ),
    Column(
        "loaded_quote_per_100w",
        "Loaded terms per 100 quoted words",
        "Loaded terms inside quotations per 100 quoted words.",
        "higher = more loaded",
    ),
    Column("quoted_words", "Quoted words", "Words inside quotation marks."),
    Column(
        "quote_share",
        "Share of words in quotes",
        "Quoted words divided by all words.",
        "higher = leans more on quotes",
        share=True,
    ),
    Column(
        "sentiment_mean",
        "Sentiment, mean of sentences",
        "Mean VADER compound score of the sentences, \u22121 (negative) \u2026 +1 (positive).",
        "higher = more positive",
    ),
    Column(
        "sentiment_share_negative",
        "Share of negative sentences",
        "Share of sentences whose compound score is \u2264 \u22120.05.",
        "higher = more negative",
        share=True,
    ),
    Column(
        "sentiment_share_positive",
        "Share of positive sentences",
        "Share of sentences whose compound score is \u2265 +0.05.",
        "higher = more positive",
        share=True,
    ),
    Column(
        "flesch_reading_ease",
        "Flesch reading ease",
        "206.835 \u2212 1.015 \u00d7 words per sentence \u2212 84.6 \u00d7 syllables per "
        "word; roughly 0 \u2026 100.",
        "higher = easier to read",
    ),
    Column(
        "flesch_kincaid_grade",
        "Flesch-Kincaid grade",
        f"{_GRADE}, from words per sentence and syllables per word.",
        "higher = harder to read",
    ),
    Column(
        "gunning_fog",
        "Gunning fog grade",
        f"{_GRADE}, from words per sentence and the share of words of three or more syllables.",
        "higher = harder to read",
    ),
    Column(
        "smog_index",
        "SMOG grade",
        f"{_GRADE}, from the words of three or more syllables per 30 sentences.",
        "higher = harder to read",
    ),
    Column(
        "dale_chall",
        "Dale-Chall score",
        "From words per sentence and the share of words outside a list of familiar words.",
        "higher = harder to read",
    ),
    Column(
        "coleman_liau",
        "Coleman-Liau grade",
        f"{_GRADE}, from letters and sentences per 100 words.",
        "higher = harder to read",
    ),
    Column(
        "ari",
        "Automated readability index",
        f"{_GRADE}, from characters per word and words per sentence.",
        "higher = harder to read",
    ),
    Column(
        "camp_tilt",
        "Camp tilt",
        "Mean own-voice valence toward the first camp of the story lexicon minus toward "
        "the second; empty without two camps or without a term aimed at either.",
        "positive = favours the first camp",
    ),
)
ARTICLE_COLUMNS = [c.name for c in ARTICLE_COLUMN_INFO]
COLUMN_OF = {c.name: c for c in ARTICLE_COLUMN_INFO}


def format_columns_markdown() -> str:
    """The columns as the Markdown table of docs/tables.md and the Methods page."""
    lines = ["| column | what it holds | which way it runs |", "|---|---|---|"]
    for c in ARTICLE_COLUMN_INFO:
        lines.append(f"| `{c.name}` | {c.help} | {c.direction} |")
    return "\n".join(lines) + "\n"
