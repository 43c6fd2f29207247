"""The loaded-word detectors the BABE and PTC evaluations compare: Slant's loaded terms and
the baseline of VADER's strongly valenced words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from framing.analysis import is_loaded
from framing.evaluate.metrics import Span
from framing.models import Article, Lexicon
from framing.reading import Reading
from framing.terms import find_term_hits
from framing.text import count_words, find_words, tokenize

# A VADER word counts as loaded when its valence (VADER rates words -4 .. +4) is at least
# this strong. Word-level F1 on BABE barely moves between 0.5 and 2 (0.150 .. 0.156).
VADER_LOADED_THRESHOLD = 1.5


def find_loaded_spans(reading: Reading, lexicon: Lexicon) -> list[Span]:
    """Spans of the terms Slant counts as loaded (analysis.is_loaded) in the text of
    ``reading``, with its parse and quotations, as the dashboard finds them: its
    loaded-term detector."""
    text = reading.text
    article = Article("text", "", "", "", "", text, text)
    hits = find_term_hits(
        article, lexicon, sentences=reading.sentences, doc=reading.doc, quotes=reading.quotes
    )
    return [(h.start, h.end) for h in hits if is_loaded(h)]


@cache
def _vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def find_vader_spans(text: str, threshold: float = VADER_LOADED_THRESHOLD) -> list[Span]:
    """Spans of the words whose VADER valence is at least ``threshold`` in size (the
    baseline loaded-word detector)."""
    lexicon = _vader_lexicon()
    return [
        (start, end)
        for start, end in find_words(text)
        if abs(lexicon.get(text[start:end].lower(), 0.0)) >= threshold
    ]


def span_words(text: str, spans: Iterable[Span]) -> set[str]:
    return {word for start, end in spans for word in tokenize(text[start:end])}


def per_100_words(spans: Sequence[Span], text: str) -> float:
    words = count_words(text)
    return 100.0 * len(spans) / words if words else 0.0


# --- data sets -------------------------------------------------------------------------
