"""What coverage compares: each article's sentences as its one shared reading has them
(Slant's sentences, spaCy's tokens, lemmas, tags and entities), or the content of one of
its attributions, each reduced to the features that say what it reports.

A feature is one of:
- a content word's stem (the Porter stem of its lemma: "negotiations", "negotiated" ->
  "negoti"), a hyphenated compound also joined ("cease-fire" -> "ceasefir", as "ceasefire");
- a name's consonant skeleton (``~hftr`` for Haftar, Hafter and Hifter; ``~srrj`` for
  Sarraj and Serraj): a name transliterated from another script keeps its consonants far
  more often than its vowels;
- a number's value (``#1000`` for "1,000", ``#5`` for "five", ``#2500000`` for "2.5
  million");
- an actor of the story (``@haftar``) for each mention the analysis found in the unit.

Numbers that count something (not dates or times) are also kept as quantities, with what
they count, so that outlets that give different numbers for the same fact can be shown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from framing.english import stem
from framing.models import Attribution, Mention
from framing.reading import Reading
from framing.wordlists import FUNCTION_WORDS, NUMBER_WORDS, SCALE_WORDS

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
# Named-entity types of numbers that say when, not how many.
TIME_ENTITIES = frozenset({"DATE", "TIME", "ORDINAL"})
# Nouns that only say "how many of them" ("1,000 people"): what is counted is then the verb
# the phrase hangs on ("killed 1,000 people", "displaced some 146,000").
COUNTED_PEOPLE = frozenset("people person persons civilian civilians individual".split())
NAME_PREFIX, NUMBER_PREFIX, ACTOR_PREFIX = "~", "#", "@"
VOWELS = frozenset("aeiouy")
# A unit needs this many features to report something ("Source link", "WOW!" do not).
MIN_FEATURES = 3
# Words of a unit's own voice (outside quotation marks) per shingle, for wire copy.
SHINGLE_WORDS = 4
_DIGITS = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?$")


@dataclass(frozen=True)
class Quantity:
    """A number that counts something: its value, what it counts (``key``, lemmas: "kill
    people", "displace", "page") and the words that say it ("1,000 people")."""

    value: float
    key: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Unit:
    """One sentence (or quotation) of one article, as coverage sees it.

    ``article`` is the article's place in the story, ``index`` the sentence's place in its
    reading (or the attribution's place in the article's attributions), ``start``/``end``
    offsets into the article's text. ``features`` are distinct (see the module docstring);
    ``shingles`` hash the runs of SHINGLE_WORDS words outside quotation marks (wire copy
    is the same words in the outlet's own voice); ``quoted`` is the share of the unit's
    characters inside reported speech.
    """

    article: int
    index: int
    start: int
    end: int
    features: tuple[str, ...]
    quantities: tuple[Quantity, ...] = ()
    shingles: frozenset[int] = frozenset()
    quoted: float = 0.0
    words: tuple[str, ...] = ()  # lower-cased word tokens, in order (quotation comparison)


def skeleton(word: str) -> str:
    """A name's consonant skeleton: its first letter, then its consonants ("haftar",
    "hifter" -> "hftr"; "erdogan" -> "erdgn"); a doubled letter counts once."""
    word = word.lower()
    letters = [word[0]] + [c for c in word[1:] if c.isalpha() and c not in VOWELS]
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


def number_value(token: Token) -> float | None:
    """The value of a number token ("1,000" -> 1000.0, "five" -> 5.0, "2.5" followed by
    "million" -> 2500000.0); None when it is no number."""
    text = token.lower_
    if _DIGITS.match(text):
        value = float(text.replace(",", ""))
    elif text in NUMBER_WORDS:
        value = float(NUMBER_WORDS[text])
    else:
        return None
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in SCALE_WORDS:
        value *= SCALE_WORDS[following.lower_]
    return value


def _format_value(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _quantity(token: Token, value: float) -> Quantity | None:
    """What the number ``token`` counts, or None for a date, a time, an ordinal or a
    number that counts nothing the parse can name."""
    if token.ent_type_ in TIME_ENTITIES:
        return None
    doc = token.doc
    lo, hi = token.i, token.i + 1
    number = token
    while number.head.lower_ in SCALE_WORDS and number.head is not number:  # "2.5 million"
        number = number.head
        hi = max(hi, number.i + 1)
    head = number.head
    if number.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        hi = max(hi, head.i + 1)
        noun = head.lemma_.lower()
        if noun in COUNTED_PEOPLE and head.head.pos_ == "VERB":
            key = f"{head.head.lemma_.lower()} {noun}"
        else:
            key = "percent" if noun == "%" else noun
    elif number.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") and head.pos_ == "VERB":
        key = head.lemma_.lower()
    else:
        return None
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    return Quantity(value, key, start, end, doc[lo:hi].text)


def _token_features(tokens: Sequence[Token]) -> tuple[list[str], list[Quantity]]:
    features: list[str] = []
    quantities: list[Quantity] = []
    for k, token in enumerate(tokens):
        if token.like_num or token.pos_ == "NUM":
            if token.lower_ in SCALE_WORDS and k > 0 and number_value(tokens[k - 1]) is not None:
                continue  # "million" of "2.5 million": part of the number before it
            value = number_value(token)
            if value is not None:
                features.append(NUMBER_PREFIX + _format_value(value))
                quantity = _quantity(token, value)
                if quantity is not None:
                    quantities.append(quantity)
                continue
        if token.text == "-" and not token.whitespace_ and 0 < k < len(tokens) - 1:
            left, right = tokens[k - 1], tokens[k + 1]
            if not left.whitespace_ and left.is_alpha and right.is_alpha:
                features.append(stem(left.lower_ + right.lower_))  # "cease-fire"
            continue
        if token.pos_ not in CONTENT_POS or not token.is_alpha or len(token.text) < 2:
            continue
        lemma = token.lemma_.lower()
        if token.is_stop or lemma in FUNCTION_WORDS or token.lower_ in FUNCTION_WORDS:
            continue
        if token.pos_ == "PROPN":
            features.append(NAME_PREFIX + skeleton(token.text))
        else:
            features.append(stem(lemma))
    return features, quantities


def _shingles(words: Sequence[str]) -> frozenset[int]:
    return frozenset(
        hash(tuple(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans joined where they overlap, sorted."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


class ArticleTokens:
    """One article's parse, indexed by character offset, with its reported speech and its
    actor mentions: the units of the article are cut from it."""

    def __init__(
        self,
        reading: Reading,
        attributions: Sequence[Attribution] = (),
        mentions: Sequence[Mention] = (),
    ) -> None:
        self.reading = reading
        self.doc: Doc = reading.doc
        self.starts = self.doc.to_array(IDX).astype(np.int64) if len(self.doc) else np.zeros(0)
        self.speech = _merged((a.start, a.end) for a in attributions)
        self.speech_starts = [a for a, _ in self.speech]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]

    def tokens(self, start: int, end: int) -> list[Token]:
        lo = int(np.searchsorted(self.starts, start, "left"))
        hi = int(np.searchsorted(self.starts, end, "left"))
        return [self.doc[i] for i in range(lo, hi)]

    def in_speech(self, char: int) -> bool:
        """Whether offset ``char`` is inside the content of an attribution."""
        i = bisect.bisect_right(self.speech_starts, char) - 1
        return i >= 0 and char < self.speech[i][1]

    def quoted_share(self, start: int, end: int) -> float:
        """The share of characters [start, end) inside reported speech."""
        chars = sum(max(0, min(b, end) - max(a, start)) for a, b in self.speech)
        return chars / (end - start) if end > start else 0.0

    def actors(self, start: int, end: int) -> list[str]:
        i = bisect.bisect_left(self.mention_starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            found.append(ACTOR_PREFIX + self.mentions[i].actor)
            i += 1
        return found

    def unit(self, article: int, index: int, start: int, end: int) -> Unit | None:
        """The unit of characters [start, end), or None when it reports too little."""
        tokens = [t for t in self.tokens(start, end) if not t.is_space]
        features, quantities = _token_features(tokens)
        features += self.actors(start, end)
        distinct = tuple(dict.fromkeys(features))
        if len(distinct) < MIN_FEATURES:
            return None
        words = tuple(t.lower_ for t in tokens if not t.is_punct)
        own = [t.lower_ for t in tokens if not t.is_punct and not self.in_speech(t.idx)]
        return Unit(
            article=article,
            index=index,
            start=start,
            end=end,
            features=distinct,
            quantities=tuple(quantities),
            shingles=_shingles(own),
            quoted=self.quoted_share(start, end),
            words=words,
        )


def find_sentence_units(article: int, tokens: ArticleTokens) -> list[Unit]:
    """The units of an article's sentences (those that report something), in order."""
    units = []
    for index, sentence in enumerate(tokens.reading.sentences):
        unit = tokens.unit(article, index, sentence.start, sentence.end)
        if unit is not None:
            units.append(unit)
    return units


def find_quote_units(
    article: int, tokens: ArticleTokens, attributions: Sequence[Attribution]
) -> list[Unit]:
    """The units of an article's attributions (what was said), by their place in
    ``attributions``."""
    units = []
    for index, attribution in enumerate(attributions):
        unit = tokens.unit(article, index, attribution.start, attribution.end)
        if unit is not None:
            units.append(unit)
    return units
