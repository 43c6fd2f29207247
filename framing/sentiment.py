"""Sentence-level sentiment with VADER (vaderSentiment 3.3.2).

VADER is a rule-based scorer built and validated for sentences and short social-media
texts. Its compound score of a whole news article saturates toward -1 or +1 as the text
grows (every extra loaded word pushes the sum further before the squashing), and scoring
the whole document costs several times the sentence pass, so Slant scores sentences and
summarises them; a document-level compound is not computed by default.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.models import Article, Attribution, Lexicon, Mention
from framing.terms import find_lexicon_matches, find_term_hits
from framing.text import find_enclosing, find_quotes, split_sentences
from framing.vader_fast import compound

# VADER's own cut-offs (Hutto & Gilbert 2014, and the vaderSentiment README).
NEGATIVE_THRESHOLD = -0.05
POSITIVE_THRESHOLD = 0.05
# Where a clause ends inside a sentence: semicolons, colons, dashes, a comma before a space,
# and contrasting conjunctions, which often turn the sentiment around.
CLAUSE_BREAK_RE = re.compile(
    r"[;:—–]|,\s|\s(?:but|while|although|though|whereas|however|yet)\s", re.IGNORECASE
)
# How far one valence unit of a loaded term aimed at the target moves the compound score
# (tuned on NewsMTSC's devtest_mt split; docs/evaluation.md).
TARGET_TERM_WEIGHT = 0.3
TARGET_ID = "target"


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    # The constructor reads VADER's lexicon files from the package: do it once per process.
    return SentimentIntensityAnalyzer()


def score_sentences(sentences: Sequence[str]) -> list[float]:
    """VADER compound score of each sentence, in order.

    -1 is most negative, +1 most positive, 0 neutral (also for an empty sentence).
    """
    analyzer = _analyzer()
    return [float(compound(analyzer, s)) for s in sentences]


def score_sentiment_summary(compounds: Sequence[float]) -> dict[str, float]:
    """Summarise sentence compounds: mean, share_negative, share_positive, sentences.

    ``mean`` runs -1 (negative) .. +1 (positive). A sentence counts as negative when its
    compound is <= NEGATIVE_THRESHOLD and positive when >= POSITIVE_THRESHOLD (VADER's
    thresholds); the shares are fractions 0..1 of all sentences, the rest are neutral.
    With no sentences the mean and shares are NaN and ``sentences`` is 0.
    """
    n = len(compounds)
    if n == 0:
        return {
            "mean": math.nan,
            "share_negative": math.nan,
            "share_positive": math.nan,
            "sentences": 0,
        }
    return {
        "mean": math.fsum(compounds) / n,
        "share_negative": sum(c <= NEGATIVE_THRESHOLD for c in compounds) / n,
        "share_positive": sum(c >= POSITIVE_THRESHOLD for c in compounds) / n,
        "sentences": n,
    }


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around [start, end): from the last clause break before it to
    the first one after it (a break inside the span does not count)."""
    clause_start = 0
    for m in CLAUSE_BREAK_RE.finditer(text):
        if m.start() >= end:
            return clause_start, m.start()
        if m.end() <= start:
            clause_start = m.end()
    return clause_start, len(text)


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the spans replaced by spaces, so offsets stay valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def score_target_sentiment(
    sentence: str,
    target: tuple[int, int],
    lexicon: Lexicon | None = None,
    others: Sequence[tuple[int, int]] = (),
) -> float:
    """Sentiment of ``sentence`` toward the mention at ``target`` (start, end), -1 (negative
    toward it) .. +1 (positive); classify it with NEGATIVE_THRESHOLD / POSITIVE_THRESHOLD.

    A mention inside a quotation gets VADER's compound of that quotation (what is said
    about it). Otherwise quotations are blanked out, as they are other people's words
    about other things, and VADER scores the clause that holds the mention. Then each
    loaded term of ``lexicon`` aimed at the mention (terms.py's rules; ``others`` are the
    spans of other people named, who may be the term's target instead) moves the score
    by TARGET_TERM_WEIGHT times its valence; the result is clipped to -1 .. +1.
    """
    return _TargetScorer(sentence, lexicon, None).score(target, others)


def score_targets_sentiment(
    sentence: str,
    targets: Sequence[tuple[int, int]],
    lexicon: Lexicon | None = None,
    compound: float | None = None,
) -> list[float]:
    """:func:`score_target_sentiment` of each of ``targets`` in ``sentence``, with the
    other targets as its ``others``; what does not depend on the target (quotations,
    lexicon matches, VADER of a clause two targets share) is worked out once. Only the
    lexicon's terms matter (the targets say where the actors are). Pass the sentence's own
    compound (score_sentences) when it is known: a clause that is the whole sentence is
    not scored again."""
    if not targets:
        return []
    scorer = _TargetScorer(sentence, lexicon, compound)
    return [
        scorer.score(target, [*targets[:i], *targets[i + 1 :]]) for i, target in enumerate(targets)
    ]


class _TargetScorer:
    """score_target_sentiment for one sentence and lexicon, any number of targets."""

    def __init__(self, sentence: str, lexicon: Lexicon | None, compound: float | None) -> None:
        self.sentence = sentence
        self.lexicon = lexicon
        self.quotes = find_quotes(sentence)
        self.blanked = _blank(sentence, [(q.start, q.end) for q in self.quotes])
        # VADER of each text scored so far: targets often share a clause or a quotation.
        self.compounds: dict[str, float] = {} if compound is None else {sentence: compound}
        if lexicon is not None:
            self.article = Article("sentence", "", "", "", "", sentence, sentence)
            self.matches = find_lexicon_matches(sentence, lexicon)
            self.sentences = split_sentences(sentence)

    def _compound(self, text: str) -> float:
        if text not in self.compounds:
            self.compounds[text] = score_sentences([text])[0]
        return self.compounds[text]

    def score(self, target: tuple[int, int], others: Sequence[tuple[int, int]]) -> float:
        start, end = target
        sentence, quotes = self.sentence, self.quotes
        quote = find_enclosing(start, end, quotes)
        if quote is not None:
            scored = sentence[quote.start : quote.end]
        else:
            clause_start, clause_end = _clause(self.blanked, start, end)
            scored = self.blanked[clause_start:clause_end]
        compound = self._compound(scored)
        if self.lexicon is None:
            return compound
        named = [(TARGET_ID, target), *((f"other{i}", span) for i, span in enumerate(others))]
        mentions = sorted(
            (
                Mention(
                    self.article.id,
                    actor,
                    s,
                    e,
                    sentence[s:e],
                    find_enclosing(s, e, quotes) is not None,
                )
                for actor, (s, e) in named
            ),
            key=lambda m: m.start,
        )
        speech = [Attribution(q.start, q.end, direct=True) for q in quotes]
        hits = find_term_hits(
            self.article, self.lexicon, speech, mentions, self.matches, self.sentences
        )
        aimed = sum(h.valence for h in hits if h.target == TARGET_ID)
        return max(-1.0, min(1.0, compound + TARGET_TERM_WEIGHT * aimed))
