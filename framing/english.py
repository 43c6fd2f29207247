"""General English, from wordfreq's English word list: the Porter stem of a word, and the
share of ordinary English texts of a given length that use a stem. Story grouping and
coverage weigh a story's words against it, so that words any text uses weigh little."""

from __future__ import annotations

import functools
import math

import wordfreq
from nltk.stem.porter import PorterStemmer

_STEMMER = PorterStemmer()


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lower-case word (cached: a corpus repeats its words)."""
    return _STEMMER.stem(word)


@functools.cache
def _stem_frequencies() -> dict[str, float]:
    """Stem -> the summed frequency (share of all tokens) of the words of wordfreq's
    "small" English list with that stem."""
    frequencies: dict[str, float] = {}
    for word, frequency in wordfreq.get_frequency_dict("en", wordlist="small").items():
        term = stem(word)
        frequencies[term] = frequencies.get(term, 0.0) + frequency
    return frequencies


def english_share(term: str, words: int) -> float:
    """The share (0..1) of ordinary English texts of ``words`` words that use the stem
    ``term`` at least once, words taken as independent: 1 - exp(-frequency * words).
    A stem no English word has (a name, a number) is rare: 0."""
    return -math.expm1(-_stem_frequencies().get(term, 0.0) * words)
