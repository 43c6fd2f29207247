"""Loaded words that no lexicon lists, found by general rules on the parse with the
general evaluative resources (framing/lexicons/general/, README there).

Rules, each in the outlet's or the speaker's words alike (voice is decided later):

- ``evaluative_adjective``: an adjective the resources rate strongly evaluative (VADER
  valence at least STRONG_VADER in size, or subjectivity and polarity both high), used
  as an adjective in the parse ("the vaunted deal", "a stupid idea", "was egocentric");
- ``evaluative_adverb``: the -ly adverb of such an adjective ("shamefully");
- ``evaluative_noun``: a noun VADER rates strongly, said of someone as a predicate or an
  appositive ("he is an idiot", "called him a false prophet");
- ``intensified``: an intensifier on an evaluative adjective, with weaker evidence
  needed ("utterly wrong", "so dishonest"): the pair is the choice;
- ``scare_quotes``: one lower-case word in quotation marks that is not a quotation of a
  whole utterance ('the "experts"'): the writer keeps it at arm's length.

Words so common in general English that they are the plain way of saying a thing ("good",
"best", "important") are left out, as are adjectives of physical or legal state ("dead",
"injured", "free", "safe").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, POS
from spacy.symbols import ADJ, ADV, NOUN
from spacy.tokens import Doc, Token

from framing.distinctive import load_english_frequencies
from framing.lexicon import EvaluativeWord, load_evaluative_words
from framing.models import QuoteSpan

# VADER rates words -4 .. +4; at least this strong an adjective is evaluative by itself.
STRONG_VADER = 2.0
# The adjective subjectivity lexicon's subjectivity (0 .. 1) and |polarity| (0 .. 1)
# that make an adjective evaluative by itself.
STRONG_SUBJECTIVITY = 0.8
STRONG_POLARITY = 0.5
# With an intensifier, weaker evidence suffices: any word of the resources (VADER
# |valence| >= 1.5, or subjectivity >= 0.5).
# Words more frequent than this share of English tokens (about 1 in 20,000) are the
# ordinary way of saying it, unless they are fully subjective insults or dismissals
# (subjectivity and negative polarity at least INSULT_SUBJECTIVITY, INSULT_POLARITY in
# size: "stupid", "crazy").
CONVENTIONAL_FREQUENCY = 5e-5
INSULT_SUBJECTIVITY = 0.9
INSULT_POLARITY = 0.5
# A noun VADER rates at least this strong, said of someone ("he is an idiot", "a
# hero"), is name-calling.
STRONG_NOUN_VADER = 2.0
NOUN_LABEL_DEPS = frozenset({"attr", "oprd", "appos"})
ADJECTIVE_DEPS = frozenset({"amod", "acomp", "attr", "oprd", "conj", "ROOT", "xcomp", "appos"})
INTENSIFIERS = frozenset(
    "very so too extremely utterly deeply truly incredibly absolutely totally completely "
    "thoroughly wildly hugely terribly awfully remarkably staggeringly outrageously "
    "downright profoundly insanely ridiculously".split()
)
# Adjectives of physical, legal or factual state: evaluative in a sentiment lexicon,
# descriptive in news.
STATE_ADJECTIVES = frozenset(
    "dead alive injured wounded hurt sick ill killed free safe poor rich healthy legal "
    "fatal deadly lethal guilty innocent innocents toxic violent armed military "
    "criminal unemployed homeless".split()
)
SCARE_QUOTE_MAX_CHARS = 30
CANDIDATE_POS = np.array([ADJ, ADV, NOUN], dtype=np.uint64)
# A one-word quotation right after one of these words or a colon is a quoted answer or
# remark ('she said "yes"', 'he wrote: "never"'), not a scare quote.
SAYING_WORDS = frozenset(
    "say says said saying reply replies replied answer answers answered write writes wrote "
    "shout shouted tweet tweeted add added ask asked tell told".split()
)
PREVIOUS_WORD_RE = re.compile(r"([\w:]+)[\s,]*$")


@dataclass(frozen=True)
class RuleHit:
    """A loaded word a rule found: where, what it is, and why (``rule``, ``note``);
    ``core`` is where its evaluative word starts (after an intensifier)."""

    start: int
    end: int
    term: str
    category: str
    valence: int  # -2 .. +2 toward the target, as lexicon entries have it
    rule: str
    note: str
    core: int = -1


def _valence(word: EvaluativeWord) -> int:
    if not math.isnan(word.vader):
        sign = 1 if word.vader > 0 else -1
        return sign * (2 if abs(word.vader) >= 2.5 else 1)
    sign = 1 if word.polarity > 0 else -1 if word.polarity < 0 else 0
    return sign * (2 if abs(word.polarity) >= 0.8 else 1)


def _evidence(word: EvaluativeWord) -> str:
    parts = []
    if not math.isnan(word.vader):
        parts.append(f"VADER valence {word.vader:+.1f}")
    if not math.isnan(word.subjectivity):
        parts.append(f"subjectivity {word.subjectivity:.2f}, polarity {word.polarity:+.2f}")
    return "; ".join(parts)


def _strong(word: EvaluativeWord) -> bool:
    if not math.isnan(word.vader) and abs(word.vader) >= STRONG_VADER:
        return True
    return word.subjectivity >= STRONG_SUBJECTIVITY and abs(word.polarity) >= STRONG_POLARITY


class _Words:
    """The resources, with conventional and state words left out."""

    def __init__(self) -> None:
        self.words = load_evaluative_words()
        self.frequency = load_english_frequencies()

    def get(self, word: str) -> EvaluativeWord | None:
        found = self.words.get(word)
        if found is None or word in STATE_ADJECTIVES:
            return None
        insult = found.subjectivity >= INSULT_SUBJECTIVITY and found.polarity <= -INSULT_POLARITY
        if self.frequency.get(word, 0.0) >= CONVENTIONAL_FREQUENCY and not insult:
            return None
        return found


_WORDS: list[_Words] = []


def _words() -> _Words:
    if not _WORDS:
        _WORDS.append(_Words())
    return _WORDS[0]


def _adverb_bases(adverb: str) -> list[str]:
    """The adjectives an -ly adverb may come from: "shamefully" -> "shameful",
    "angrily" -> "angry", "tragically" -> "tragic"."""
    stem = adverb[:-2]
    bases = [stem]
    if stem.endswith("i"):
        bases.append(stem[:-1] + "y")
    if stem.endswith("al"):
        bases.append(stem[:-2])
    if stem.endswith("bl"):
        bases.append(stem + "e")
    return bases


def _adjective_hit(token: Token, words: _Words) -> RuleHit | None:
    word = words.get(token.lower_)
    if word is None:
        return None
    intensifier = next(
        (c for c in token.children if c.dep_ == "advmod" and c.lower_ in INTENSIFIERS), None
    )
    if intensifier is not None and intensifier.i == token.i - 1:
        return RuleHit(
            intensifier.idx, token.idx + len(token), f"{intensifier.lower_} {token.lower_}",
            "intensifier", _valence(word), "intensified",
            f"an intensifier on an evaluative adjective ({_evidence(word)})", token.idx,
        )  # fmt: skip
    if not _strong(word):
        return None
    return RuleHit(
        token.idx, token.idx + len(token), token.lower_, "loaded_adjective", _valence(word),
        "evaluative_adjective", f"a strongly evaluative adjective ({_evidence(word)})",
    )  # fmt: skip


def _adverb_hit(token: Token, words: _Words) -> RuleHit | None:
    if not token.lower_.endswith("ly"):
        return None
    for base in _adverb_bases(token.lower_):
        word = words.get(base)
        if word is not None and _strong(word):
            return RuleHit(
                token.idx, token.idx + len(token), token.lower_, "loaded_adjective",
                _valence(word), "evaluative_adverb",
                f"the adverb of a strongly evaluative adjective, {base} ({_evidence(word)})",
            )  # fmt: skip
    return None


def _noun_hit(token: Token, words: _Words) -> RuleHit | None:
    word = words.get(token.lower_)
    if word is None or math.isnan(word.vader) or abs(word.vader) < STRONG_NOUN_VADER:
        return None
    return RuleHit(
        token.idx, token.idx + len(token), token.lower_, "name_calling", _valence(word),
        "evaluative_noun", f"a strongly evaluative noun said of someone ({_evidence(word)})",
    )  # fmt: skip


def _after_saying(text: str, start: int) -> bool:
    before = PREVIOUS_WORD_RE.search(text, max(0, start - 40), start)
    return before is not None and (
        before.group(1).lower() in SAYING_WORDS or before.group(1).endswith(":")
    )


def _scare_quote_hits(text: str, quotes: Sequence[QuoteSpan]) -> list[RuleHit]:
    hits = []
    for quote in quotes:
        inner = text[quote.start + 1 : quote.end - 1]
        word = inner.strip(" ,.;:!?")
        if (
            quote.closed
            and 0 < len(word) <= SCARE_QUOTE_MAX_CHARS
            and word[0].islower()
            and all(part.isalpha() for part in word.replace("-", " ").split(" "))
            and " " not in word
            and not any(q.start < quote.start and quote.end <= q.end for q in quotes)
            and not _after_saying(text, quote.start)
        ):
            start = quote.start + 1 + inner.index(word)
            hits.append(
                RuleHit(
                    start,
                    start + len(word),
                    word.lower(),
                    "distancing",
                    -1,
                    "scare_quotes",
                    "one word in quotation marks, not a quoted utterance: the writer keeps "
                    "it at arm's length",
                )  # fmt: skip
            )
    return hits


def find_rule_hits(doc: Doc, text: str, quotes: Sequence[QuoteSpan] = ()) -> list[RuleHit]:
    """Loaded words of ``text`` (parsed as ``doc``) that the general rules find, in text
    order, not overlapping one another (see the module's notes for the rules)."""
    words = _words()
    hits = _scare_quote_hits(text, quotes)
    # Tokens are made only for the candidates: making one for every word cost more than
    # the rules themselves.
    tags = doc.to_array([POS, DEP])
    strings = doc.vocab.strings
    for i in np.flatnonzero(np.isin(tags[:, 0], CANDIDATE_POS)):
        pos, dep = int(tags[i, 0]), strings[int(tags[i, 1])]
        if pos == ADJ and dep in ADJECTIVE_DEPS:
            hit = _adjective_hit(doc[int(i)], words)
        elif pos == ADV and dep == "advmod":
            hit = _adverb_hit(doc[int(i)], words)
        elif pos == NOUN and dep in NOUN_LABEL_DEPS:
            hit = _noun_hit(doc[int(i)], words)
        else:
            continue
        if hit is not None:
            hits.append(hit)
    # Where a quoted word is evaluative itself, its own rule says more than the quotes.
    hits.sort(key=lambda h: (h.start, -h.end, h.rule == "scare_quotes"))
    kept: list[RuleHit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept
