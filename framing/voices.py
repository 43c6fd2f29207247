"""Who is quoted: attribute each quotation to a speaker, and share quoted words by speaker."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from framing.models import Mention, QuoteSpan
from framing.text import count_words, find_paragraphs

SPEECH_VERBS = (
    "said|says|say|saying|told|tells|added|adds|stressed|stresses|noted|notes|stated|states|"
    "announced|announces|declared|declares|confirmed|confirms|indicated|indicates|explained|"
    "warned|warns|insisted|insists|claimed|claims|argued|argues|urged|urges|asked|asks|replied|"
    "wrote|writes|tweeted|commented|continued|concluded|emphasized|emphasised|underlined|"
    "pointed out|considered|described|called for|calls for|accused|demanded|vowed|reiterated|"
    "acknowledged|admitted|responded|remarked|recalled|suggested|believes|believed"
)
VERB_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
QUOTED_AS_SAYING_RE = re.compile(r"\bquot(?:ed|es|ing)\s+(.+?),?\s+as\s+say(?:ing|s)\b", re.I)
ACCORDING_TO_RE = re.compile(r"\baccording to\s+(.+?)(?:[,.;]|$)", re.IGNORECASE)
# Parenthetical asides between the subject and its verb: "Haftar - who is visiting Moscow -".
ASIDE_RE = re.compile(
    r"\s[-–—]\s[^-–—]*?\s[-–—](?:\s|$)|,\s(?:who|which|\w+ing)\b[^,]*(?:,|$)|\([^)]*\)"
)
# Adverbs that sit between a speaker and the verb ("the source also said").
TRAILING_ADVERBS = frozenset(
    ["also", "further", "later", "then", "again", "earlier", "separately", "previously",
     "subsequently", "repeatedly", "reportedly", "had", "has", "have", "was", "is"]
)  # fmt: skip
# Attribution after a quote is short: ', Haftar said' - not a whole clause.
MAX_POST_SPEAKER_WORDS = 6
PRONOUNS = frozenset("he she it they we i his her its their".split())
MAX_SPEAKER_WORDS = 10
POST_WINDOW = 160


def _head_range(phrase: str) -> tuple[int, int]:
    """The part of a speaker phrase that names the speaker: asides blanked out, and only
    what follows the last comma ("On the other hand, Turkish President Erdogan")."""
    blanked = ASIDE_RE.sub(lambda m: " " * len(m.group()), phrase)
    comma = blanked.rstrip(" ,").rfind(",")
    return comma + 1, len(blanked.rstrip(" ,"))


def _speaker_phrase(pre: str, post: str) -> tuple[str, int, int] | None:
    """The words naming the speaker and where they are: (phrase, offset, side).

    side is -1 when the phrase is in ``pre`` (offset into pre), +1 in ``post``.
    """
    for side, part in ((1, post), (-1, pre)):
        m = QUOTED_AS_SAYING_RE.search(part)
        if m:
            return m.group(1), m.start(1), side
    lead = re.match(r"[\s,.:;]*", post).end()
    head = post[lead:]
    m = VERB_RE.match(head)
    if m:  # "..., said Haftar"
        rest = re.match(r"\s+([^,.;:\"“”]+)", head[m.end() :])
        if rest:
            return rest.group(1), lead + m.end() + rest.start(1), 1
    m = VERB_RE.search(head)
    if m and m.start() > 0 and "," not in head[: m.start()]:
        if count_words(head[: m.start()]) <= MAX_POST_SPEAKER_WORDS:
            return head[: m.start()], lead, 1  # "...," Haftar said
    m = ACCORDING_TO_RE.match(head)
    if m:
        return m.group(1), lead + m.start(1), 1
    verbs = list(VERB_RE.finditer(pre))
    if verbs:
        verb = verbs[-1]
        if verb.group().lower().endswith("ing"):
            # "..., saying": the speaker is the subject of the main clause, at its start.
            words = list(re.finditer(r"\S+", pre[: verb.start()]))[:MAX_SPEAKER_WORDS]
        else:
            words = list(re.finditer(r"\S+", pre[: verb.start()]))[-MAX_SPEAKER_WORDS:]
        if words:
            return pre[words[0].start() : words[-1].end()], words[0].start(), -1
    m = ACCORDING_TO_RE.search(pre)
    if m:
        return m.group(1), m.start(1), -1
    return None


def _resolve(
    phrase: str, start: int, mentions: Sequence[Mention], previous: str | None
) -> str | None:
    """An actor id when the phrase names a known actor, else the phrase's words."""
    head_start, head_end = _head_range(phrase)
    blanked = ASIDE_RE.sub(lambda m: " " * len(m.group()), phrase)
    inside = [
        m
        for m in mentions
        if start + head_start <= m.start
        and m.end <= start + head_end
        and blanked[m.start - start : m.end - start].strip()
    ]
    if inside:
        return inside[-1].actor
    words = [w for w in blanked[head_start:head_end].split() if any(c.isalnum() for c in w)]
    while words and words[-1].lower() in TRAILING_ADVERBS:
        words.pop()
    if not words:
        return None
    if words[0].lower() in PRONOUNS and len(words) <= 2:
        return previous
    return " ".join(words)


def attribute_quotes(
    text: str, quotes: Sequence[QuoteSpan], mentions: Sequence[Mention] = ()
) -> list[QuoteSpan]:
    """Copies of ``quotes`` with ``speaker`` set: an actor id when the attribution names a
    known actor, else the attribution's words ("a military source"), else None.

    The attribution is looked for after the quote ("..., Haftar said", "said Haftar",
    "quoted X as saying"), then before it in the same paragraph ("Haftar added: ...").
    A pronoun ("he said") or an unattributed quote in a paragraph that already has a
    speaker takes the previous speaker.
    """
    paragraphs = find_paragraphs(text)
    para_starts = [a for a, _ in paragraphs]
    result: list[QuoteSpan] = []
    previous: str | None = None
    for i, quote in enumerate(quotes):
        # Quotes are sorted and never overlap: the neighbours bound the attribution windows.
        k = bisect.bisect_right(para_starts, quote.start) - 1
        para = paragraphs[k] if k >= 0 and quote.start < paragraphs[k][1] else (0, len(text))
        prev_end = max(quotes[i - 1].end if i else para[0], para[0])
        following = quotes[i + 1].start if i + 1 < len(quotes) else len(text)
        next_start = min(following, para[1], quote.end + POST_WINDOW)
        pre_start = max(prev_end, para[0])
        pre, post = text[pre_start : quote.start], text[quote.end : next_start]
        post = re.split(r"(?<=[.!?])\s", post, maxsplit=1)[0]
        found = _speaker_phrase(pre, post)
        speaker = None
        if found:
            phrase, offset, side = found
            base = quote.end if side > 0 else pre_start
            speaker = _resolve(phrase, base + offset, mentions, previous)
        elif previous is not None and result and result[-1].start >= para[0]:
            speaker = previous
        result.append(replace(quote, speaker=speaker))
        previous = speaker or previous
    return result


def score_voices(text: str, quotes: Sequence[QuoteSpan]) -> dict[str | None, tuple[int, int]]:
    """Quoted words by speaker: {speaker: (number of quotes, quoted words)}.

    A speaker's share of an article's quoted words is its words over the sum; None
    collects quotations no attribution was found for.
    """
    voices: dict[str | None, tuple[int, int]] = {}
    for quote in quotes:
        n, words = voices.get(quote.speaker, (0, 0))
        voices[quote.speaker] = (n + 1, words + count_words(text[quote.start : quote.end]))
    return voices
