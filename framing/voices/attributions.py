"""The attributions of an article (direct and indirect speech), the speaker entity each
source names, the attribution a span of text lies in, and reported words by speaker."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from framing.models import Attribution, Mention
from framing.reading import Reading
from framing.text import count_words
from framing.voices.cues import _attribution, _find_cues
from framing.voices.direct import _direct_speech

PERSON_PRONOUNS = frozenset("he she him her his hers i me we us they them".split())


def find_attributions(reading: Reading) -> list[Attribution]:
    """Every attribution of one article, sorted by where its content starts.

    A quotation of at least MIN_SPEECH_WORDS words, or one a reporting verb governs, is
    direct speech (``direct=True``, content = the quotation with its marks); shorter ones
    without a verb are titles or scare quotes and no attribution. A quotation with no
    reporting verb of its own shares the source of the quotation next to it in the same
    paragraph (the one before first), or of the paragraph it runs on from or into.
    A reporting verb's clause is indirect speech unless a quotation is that clause.
    """
    cues = _find_cues(reading.doc, reading.quotes)
    result, reported = _direct_speech(reading, cues)
    quotes = [(q.start, q.end) for q in reading.quotes]
    for cue in cues:
        if cue.content is None or id(cue) in reported:
            continue
        inside = any(q[0] <= cue.content[0] and cue.content[1] <= q[1] for q in quotes)
        if inside and not any(q[0] <= cue.token.idx < q[1] for q in quotes):
            continue  # the clause is a quotation's own words, attributed above
        result.append(_attribution(cue.content, False, cue.cue, cue.source))
    return sorted(result, key=lambda a: (a.start, a.end))


def _covering(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The mention inside [start, end) that ends last (a name's head is its last word)."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return max(inside, key=lambda m: m.end) if inside else None


def resolve_speakers(
    attributions: Sequence[Attribution], mentions: Sequence[Mention], text: str
) -> list[Attribution]:
    """Copies of ``attributions`` with ``speaker`` set to the entity their source names.

    The source's words must contain a mention that ends with them (the source's head):
    "Los Angeles lawyer Nora Phillips" is Nora Phillips, "Iranian officials" is no entity.
    A personal pronoun is the speaker of the previous attribution in the text, or else
    the last person-like entity mentioned before it.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    resolved = []
    last_speaker: str | None = None
    for attribution in sorted(attributions, key=lambda a: max(a.source_start, a.start)):
        speaker = None
        if attribution.source_start >= 0:
            a, b = attribution.source_start, attribution.source_end
            mention = _covering(ordered, a, b)
            if mention is not None and mention.end == b:
                speaker = mention.actor
            elif text[a:b].lower() in PERSON_PRONOUNS:
                speaker = last_speaker
                if speaker is None:
                    i = bisect.bisect_left(starts, a) - 1
                    speaker = ordered[i].actor if i >= 0 else None
        resolved.append(replace(attribution, speaker=speaker))
        if speaker is not None:
            last_speaker = speaker
    return sorted(resolved, key=lambda a: (a.start, a.end))


def find_speech(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The attribution whose content contains [start, end) (the innermost), or None: the
    words are then in the outlet's own voice."""
    best = None
    for attribution in attributions:
        if attribution.start <= start and end <= attribution.end:
            if best is None or attribution.end - attribution.start < best.end - best.start:
                best = attribution
    return best


def score_voices(
    text: str, attributions: Sequence[Attribution]
) -> dict[tuple[str | None, str], tuple[int, int, int]]:
    """Reported speech by speaker: {(speaker id or None, source words): (direct quotes,
    indirect attributions, reported words)}. A speaker's share of an article's reported
    words is its words over the sum; (None, "") collects speech no source was found for.
    Words nested in another attribution's content count once, for the outer speaker."""
    voices: dict[tuple[str | None, str], tuple[int, int, int]] = {}
    covered_until = -1
    for attribution in sorted(attributions, key=lambda a: (a.start, -a.end)):
        key = (attribution.speaker, "" if attribution.speaker else attribution.source_text)
        direct, indirect, words = voices.get(key, (0, 0, 0))
        start = max(attribution.start, covered_until)
        new_words = count_words(text[start : attribution.end]) if start < attribution.end else 0
        covered_until = max(covered_until, attribution.end)
        voices[key] = (
            direct + attribution.direct,
            indirect + (not attribution.direct),
            words + new_words,
        )
    return voices
