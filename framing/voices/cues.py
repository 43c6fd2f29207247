"""The cues of a text: each reporting verb, speaker tag (a colon before a quotation, a
dash after one), noun of saying or "according to", with its source and content, and the
attribution a cue makes of a content."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from framing.models import Attribution, QuoteSpan
from framing.voices.content import _according_to, _content_of, _message_noun, _subtree_span
from framing.voices.sources import _source_token, _source_words
from framing.voices.words import _is_reporting_verb, _is_speech_verb

CONTENT_DEPS = frozenset({"ccomp", "parataxis"})


def _attribution(
    content: tuple[int, int], direct: bool, cue: Span | Token | None, source: Token | None
) -> Attribution:
    cue_text, cue_start, cue_end = "", -1, -1
    if cue is not None:
        first = cue[0] if isinstance(cue, Span) else cue
        cue_text, cue_start = cue.text, first.idx
        cue_end = cue_start + len(cue_text)
    source_text, source_start, source_end = "", -1, -1
    if source is not None:
        words = _source_words(source)
        source_text, source_start, source_end = words.text, words.start_char, words.end_char
    return Attribution(
        start=content[0],
        end=content[1],
        direct=direct,
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        source_text=source_text,
        source_start=source_start,
        source_end=source_end,
    )


class _Cue:
    """A reporting verb (or "according to") of the text, its source and content."""

    __slots__ = ("token", "cue", "source", "content", "sentence")

    def __init__(self, token: Token, cue: Span | Token, source: Token | None, content):
        self.token = token
        self.cue = cue
        self.source = source
        self.content = content
        self.sentence = token.sent.start


# At most this many words name a speaker before a colon ('Kerry: "…"') or after a dash
# that follows a quotation ('"…" — President Obama').
MAX_TAG_WORDS = 8
DASHES = frozenset({"-", "–", "—", "--"})


def _tag_head(words: Span) -> Token | None:
    """The head of a short phrase without a verb that can name a speaker, or None."""
    if not 0 < len(words) <= MAX_TAG_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    heads = [t for t in words if not (words.start <= t.head.i < words.end) or t.head.i == t.i]
    head = heads[-1] if heads else None
    if head is None or head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return head


def _speaker_tag(
    token: Token,
    quotes: Sequence[QuoteSpan],
    starts: Sequence[int],
    quoted: Callable[[Token], bool],
) -> Token | None:
    """The source named by a colon before a quotation ('Rep. Trey Gowdy: "…"', 'Her
    advice: "…"', 'Trump issued the following statement:', 'Stated Stone:') or by a dash
    after one ('"…" — Albert Einstein', a paragraph '- President Obama, tweeting'), when
    ``token`` is that colon or dash; else None."""
    colon = token.text.endswith(":")  # the tokenizer may join it to a bracket: "(R-S.C.):"
    if quoted(token) or token.text not in DASHES and not colon:
        return None
    doc, sent = token.doc, token.sent
    if colon:
        nxt = token.i + 1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt >= len(doc) or doc[nxt].idx not in starts:
            return None
        before = doc[sent.start : token.i]
        head = _tag_head(before)
        if head is not None or not len(before):
            return head
        verbs = [t for t in before if t.pos_ == "VERB" and not quoted(t)]
        root = next((t for t in verbs if t.head.i == t.i or t.dep_ == "ROOT"), None)
        if root is None:
            return None
        source = _source_token(root, quoted)
        if source is None:  # "Stated Stone:"
            source = next((t for t in doc[root.i + 1 : token.i] if t.pos_ == "PROPN"), None)
        return source
    prev = token.i - 1
    while prev >= 0 and doc[prev].is_space:
        prev -= 1
    if prev < 0 or not quoted(doc[prev]):
        return None
    end = next((t.i for t in doc[token.i + 1 : sent.end] if t.text == ","), sent.end)
    while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return _tag_head(doc[token.i + 1 : end])


def _find_cues(doc: Doc, quotes: Sequence[QuoteSpan]) -> list[_Cue]:
    starts = [q.start for q in quotes]

    def quoted(token: Token) -> bool:
        i = bisect.bisect_right(starts, token.idx) - 1
        return i >= 0 and token.idx < quotes[i].end

    def nowhere(token: Token) -> bool:
        return False

    cues = []
    for token in doc:
        tag = _speaker_tag(token, quotes, starts, quoted)
        if tag is not None:
            cues.append(_Cue(token, token, tag, None))
            continue
        if token.pos_ == "VERB" and not quoted(token) and not _is_reporting_verb(token):
            told = next((c for c in token.children if c.dep_ in CONTENT_DEPS and quoted(c)), None)
            if told is not None:
                # '"Go back to Univision," Trump barked': any verb whose clause is a
                # quotation reports it, in the manner it names.
                source = _source_token(token, quoted)
                cues.append(_Cue(token, token, source, _subtree_span(told)))
                continue
        if _is_reporting_verb(token):
            speech = _is_speech_verb(token)
            if not speech and token.dep_ in ("amod", "pcomp"):
                continue  # "accused Iran of supporting rebels": what was said, not a stance
            content = _content_of(token, quoted)
            if content is not None or speech:
                # A verb inside a quotation reports nested speech: its words name the source.
                source = _source_token(token, nowhere if quoted(token) else quoted)
                cues.append(_Cue(token, token, source, content))
            continue
        message = _message_noun(token, quoted)
        if message is not None:
            holder, content = message
            cues.append(_Cue(token, token, holder, content))
            continue
        found = _according_to(token, quoted)
        if found is not None:
            source, content = found
            to = next(c for c in token.children if c.lower_ == "to")
            cues.append(_Cue(token, doc[token.i : to.i + 1], source, content))
    return cues
