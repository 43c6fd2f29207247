"""Direct speech: the cue that reports each quotation (governing it, beside it, or in the
sentence next to it), and the voice a quotation without a cue of its own carries on from
the quotation or the reported clause near it."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from framing.models import Attribution, QuoteSpan
from framing.reading import Reading
from framing.text import count_words, find_paragraphs
from framing.voices.cues import _attribution, _Cue
from framing.voices.words import _is_speech_verb

# A sentence right after a quotation attributes it when its reporting verb comes this close
# to its start ("Todd asked the real estate mogul.").
REPORTING_CLAUSE_CHARS = 60
GOVERNS, PART, NEAR, ADJACENT = "governs", "part", "near", "adjacent"
# A reported clause is the quotation itself when at most this many of its words lie
# outside the quotation marks ("that").
OUTSIDE_WORDS = 1
# A quotation this short with no reporting verb is a title or a scare quote, not speech.
MIN_SPEECH_WORDS = 4


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quote_words(text: str, quote: QuoteSpan) -> int:
    return count_words(text[quote.start : quote.end])


def _cue_for_quote(
    quote: QuoteSpan, cues: Sequence[_Cue], reading: Reading
) -> tuple[_Cue | None, str]:
    """The cue that reports ``quote``, and how: GOVERNS (its content is the quotation),
    PART (the quotation is a fragment of the clause it reports: 'said voters find it "very
    hard to look past"'), NEAR (a reporting clause beside it in its sentence, with no
    content) or ADJACENT (a sentence before it ending with a colon, or a sentence after it
    in its paragraph that opens with a reporting clause)."""
    text = reading.text
    span = (quote.start, quote.end)
    outside = [c for c in cues if not (quote.start <= c.token.idx < quote.end)]

    def around(cue: _Cue) -> int:
        """Words of the cue's content outside the quotation."""
        start, end = cue.content
        before = count_words(text[start : max(start, quote.start)])
        return before + count_words(text[min(end, quote.end) : end])

    # Of the verbs whose content overlaps the quotation, the one whose content is most
    # nearly the quotation reports it ('When asked why, Sembler responded: "…"').
    governing = [c for c in outside if c.content is not None and _overlaps(c.content, span)]
    if governing:
        cue = min(governing, key=around)
        return cue, GOVERNS if around(cue) <= OUTSIDE_WORDS else PART
    # A reporting verb with nothing to report in the quotation's own sentence(s):
    # "…," he said.  /  He said: "…"
    first = reading.sentence_index(quote.start)
    last = reading.sentence_index(max(quote.start, quote.end - 1))
    if first is None:
        return None, NEAR
    last = first if last is None else last
    lo, hi = reading.sentences[first].start, reading.sentences[last].end
    near = [
        c
        for c in outside
        if lo <= c.token.idx < hi
        and c.source is not None
        and (c.content is None or _reports_after(c, quote))
    ]
    if near:
        # A reporting verb beside the quotation wins over a colon or dash that names one
        # ('His verdict: "…," Haftar said'); of several, the nearest.
        near.sort(
            key=lambda c: (
                c.token.is_punct,
                min(abs(c.token.idx - quote.end), abs(quote.start - c.token.idx)),
            )
        )
        return near[0], NEAR
    if first > 0:
        before = reading.sentences[first - 1]
        if text[before.start : before.end].rstrip().endswith(":"):
            cands = [c for c in outside if before.start <= c.token.idx < before.end]
            if cands:
                return cands[-1], ADJACENT
    if last + 1 < len(reading.sentences):
        following = reading.sentences[last + 1]
        if not text[quote.end : following.start].strip(" \t"):
            # '"Did you know?" Todd asked.': a sentence that opens with its reporting
            # clause, the verb among its first words, reports nothing else.
            head_end = following.start + REPORTING_CLAUSE_CHARS
            cands = [
                c
                for c in outside
                if following.start <= c.token.idx < min(following.end, head_end)
                and c.content is None
                and c.source is not None
            ]
            if cands:
                return cands[0], ADJACENT
    return None, NEAR


def _reports_after(cue: _Cue, quote: QuoteSpan) -> bool:
    """'"…," a voice over says as a photo is shown': a verb of saying whose clause follows
    the quotation with nothing between them but its subject reports the quotation, whatever
    else the parse hangs on it."""
    token, source = cue.token, cue.source
    if not _is_speech_verb(token) or token.idx < quote.end or source is None:
        return False
    between = [t for t in token.doc if quote.end <= t.idx < token.idx]
    subject = range(source.left_edge.i, source.right_edge.i + 1)
    return all(t.is_punct or t.is_space or t.i in subject for t in between)


def _speech_before(quote: QuoteSpan, cues: Sequence[_Cue], para_start: int) -> Attribution | None:
    """The attribution of the nearest reporting clause before ``quote`` in its paragraph
    ("Coan argues that his client was never violent. "The government is alleging …""): a
    quotation that follows someone's reported words continues them."""
    before = [
        c
        for c in cues
        if c.source is not None
        and para_start <= c.token.idx < quote.start
        and (c.content is None or c.content[1] <= quote.start)
    ]
    if not before:
        return None
    cue = max(before, key=lambda c: c.token.idx)
    return _attribution((quote.start, quote.end), True, cue.cue, cue.source)


def _direct_speech(reading: Reading, cues: Sequence[_Cue]) -> tuple[list[Attribution], set[int]]:
    """Attributions of the quotations, and the ids of the cues whose content they are."""
    text = reading.text
    para_starts = [a for a, _ in find_paragraphs(text)]
    quotes = reading.quotes
    paras = [bisect.bisect_right(para_starts, q.start) - 1 for q in quotes]
    own: list[Attribution | None] = []
    adjacent: list[Attribution | None] = []
    reported: set[int] = set()
    parts = set()  # quotations inside a reported clause: that clause is the attribution
    for i, quote in enumerate(quotes):
        cue, how = _cue_for_quote(quote, cues, reading)
        found = None
        if cue is not None and how != PART:
            found = _attribution((quote.start, quote.end), True, cue.cue, cue.source)
        own.append(found if how in (GOVERNS, NEAR) else None)
        adjacent.append(found if how == ADJACENT else None)
        if how == PART:
            parts.add(i)
        elif how == GOVERNS:
            reported.add(id(cue))

    paragraphs = find_paragraphs(text)
    # A paragraph that is one quotation and nothing else goes on with the voice of the
    # quotation before it (news prints a long quotation a paragraph at a time).
    whole = [
        paras[i] >= 0 and paragraphs[paras[i]] == (q.start, q.end) for i, q in enumerate(quotes)
    ]

    def joined(i: int, j: int) -> bool:
        """Quotations i < j = i + 1 are one speaker's: the same paragraph, a quotation
        running on into the next paragraph, or a paragraph of quotation after it."""
        if paras[j] == paras[i]:
            return True
        return paras[j] == paras[i] + 1 and (not quotes[i].closed or whole[j])

    # A short quotation with no verb of its own is a title or a scare quote: it inherits
    # nobody's voice ('Sanders said on "New Day."').
    long_enough = [_quote_words(text, q) >= MIN_SPEECH_WORDS for q in quotes]
    found = list(own)
    for i in range(1, len(quotes)):  # a quotation continues the one before it ...
        if found[i] is None and long_enough[i] and found[i - 1] is not None and joined(i - 1, i):
            found[i] = found[i - 1]
    for i in range(len(quotes) - 2, -1, -1):  # ... or is attributed by the one after it
        if found[i] is None and long_enough[i] and found[i + 1] is not None and joined(i, i + 1):
            found[i] = found[i + 1]
    for i, attribution in enumerate(adjacent):  # ... or by a reporting sentence beside it
        if found[i] is None and attribution is not None:
            found[i] = attribution
    for i, quote in enumerate(quotes):  # ... or by the clause of speech before it
        if found[i] is None and long_enough[i] and i not in parts:
            found[i] = _speech_before(quote, cues, para_starts[paras[i]] if paras[i] >= 0 else 0)
    result = []
    for i, (quote, attribution) in enumerate(zip(quotes, found, strict=True)):
        if i in parts:
            continue
        if attribution is not None:
            result.append(replace(attribution, start=quote.start, end=quote.end))
        elif _quote_words(text, quote) >= MIN_SPEECH_WORDS:
            result.append(Attribution(quote.start, quote.end, True))
    return result, reported
