"""Word tokens of a sentence as the entity rules see them: abbreviation periods,
initialisms and possessives kept apart, capitalisation and acronyms worked out once; and
the tests of a token for a title, a role noun or a stop word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from framing.entities.words import (
    INITIAL_GAP_CHARS,
    INITIALISM_RE,
    MONTHS_AND_DAYS,
    NOT_ROLE_NOUNS,
    PARTICLE_PREFIX_RE,
    ROLE_NOUNS,
    ROLE_SUFFIXES,
    TITLE_WORDS,
    VERBS_BEFORE_NAMES,
)
from framing.models import Sentence
from framing.text import (
    TITLE_ABBREVIATIONS,
    WORD_RE,
)
from framing.wordlists import (
    FUNCTION_WORDS,
    POSSESSIVE_SUFFIXES,
)

# The ending of a contraction: "I'm", "we've", "they'll", "it's", "she'd".
CONTRACTION_RE = re.compile(r"['’](?:m|ve|re|ll|s|d)$")


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower-cased, periods removed
    gap: str  # text between the previous token and this one ("" for the first)
    possessive: bool  # followed by 's (which is not part of the token)
    initial: bool  # opens the sentence, a quotation or a clause after a colon
    cap: bool  # capitalised, or a particle prefix before a capital ('al-Serraj')
    acronym: bool  # 'UN', 'U.S.', 'UNSMIL'
    spaced: bool  # only blanks separate it from the previous token (same line, no punctuation)

    @property
    def hyphen_modifier(self) -> bool:
        """'UN-backed', 'eastern-based': a hyphenated modifier, not a name ('Jong-un')."""
        parts = self.text.split("-")
        tail = parts[-1]
        return len(parts) > 1 and tail.islower() and len(tail) >= 3


def _tok(start: int, end: int, text: str, gap: str, possessive: bool, initial: bool) -> _Tok:
    # Every token is asked whether it is capitalised, most whether they are acronyms:
    # computing both up front costs less than computing them on first use.
    return _Tok(
        start,
        end,
        text,
        text.lower().replace(".", ""),
        gap,
        possessive,
        initial,
        text[:1].isupper() or PARTICLE_PREFIX_RE.match(text) is not None,
        _is_acronym_word(text),
        gap != "" and gap.strip(" \t") == "",
    )


def _is_acronym_word(text: str) -> bool:
    """Two or more letters, all capitals, at most six unless written with periods."""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 2 and (letters <= 6 or "." in text)


def _tokens(text: str, sentence: Sentence) -> list[_Tok]:
    """Word tokens of one sentence with abbreviation periods, initialisms and possessives."""
    spans: list[tuple[int, int]] = []
    skip_to = -1
    # The words of find_words(sentence.text), found in place (the pattern looks neither
    # behind nor ahead of a word), at offsets into ``text``.
    for word in WORD_RE.finditer(text, sentence.start, sentence.end):
        start, end = word.span()
        if start < skip_to:
            continue
        # An initialism is a letter and a period, at least twice: test the period first.
        initialism = text[start + 1 : start + 2] == "." and INITIALISM_RE.match(text, start)
        if initialism and initialism.end() <= sentence.end:
            start, end = initialism.span()
            skip_to = end
        elif text[end : end + 1] == "." and (
            text[start:end].lower() in TITLE_ABBREVIATIONS
            or (end - start == 1 and text[start].isupper())
        ):
            end += 1
        spans.append((start, end))
    tokens: list[_Tok] = []
    prev_end = None
    for start, end in spans:
        word = text[start:end]
        possessive = len(word) > 2 and word.endswith(POSSESSIVE_SUFFIXES)
        if possessive:
            end -= 2
            word = word[:-2]
        gap = "" if prev_end is None else text[prev_end:start]
        initial = prev_end is None or not INITIAL_GAP_CHARS.isdisjoint(gap)
        tokens.append(_tok(start, end, word, gap, possessive, initial))
        prev_end = end + (2 if possessive else 0)
    return tokens


def _one_substitution_away(words: Iterable[str]) -> frozenset[str]:
    """Every string that differs from one of ``words`` in exactly one letter."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return frozenset(
        word[:i] + c + word[i + 1 :] for word in words for i in range(len(word)) for c in letters
    )


# A misspelt title ("Genersl Haftar") must not become a first name. Only long titles and
# only substituted letters: "Marshall" is a surname, not a misspelt "Marshal".
TITLE_TYPOS = _one_substitution_away(t for t in TITLE_WORDS if len(t) >= 7)


def _is_title(tok: _Tok) -> bool:
    return tok.cap and (tok.low in TITLE_WORDS or tok.low in TITLE_TYPOS)


def _is_listed_role(low: str) -> bool:
    """A word of the closed lists of titles and role nouns: 'leader', 'then-president',
    'co-founder', 'front-runner' (no guess from its ending)."""
    last = low.rsplit("-", 1)[-1]
    return low in ROLE_NOUNS or low in TITLE_WORDS or last in ROLE_NOUNS or last in TITLE_WORDS


def _is_role(tok: _Tok) -> bool:
    """A title, or a singular role noun ending a descriptor ('leader', 'mediator')."""
    low = tok.low
    if _is_listed_role(low) or _is_title(tok):
        return True
    if tok.cap or low in NOT_ROLE_NOUNS or low in FUNCTION_WORDS or "-" in low:
        return False
    return len(low) >= 6 and low.endswith(ROLE_SUFFIXES)


def _is_stop(tok: _Tok) -> bool:
    return (
        tok.low in FUNCTION_WORDS
        or CONTRACTION_RE.sub("", tok.low) in FUNCTION_WORDS  # "I'm", "We've", "It's"
        or tok.low in MONTHS_AND_DAYS
        or tok.low in VERBS_BEFORE_NAMES
        or not tok.text[:1].isalpha()
    )
