"""Text units: words, sentences and quoted-speech spans, all as offsets into the text."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

from framing.models import QuoteSpan, Sentence
from framing.wordlists import MONTH_ABBREVIATIONS

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")

# Abbreviations after which a period never ends a sentence: titles and ranks come before
# a name, so the next word is capitalised and would otherwise look like a new sentence.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms messrs dr prof gen maj col lt capt cpt sgt cpl pvt adm brig cmdr cdr gov sen "
    "rep rev fr hon amb pres supt insp det st mt ft sr jr".split()
)
# Abbreviations that stay inside the sentence when a number or a lower-case word follows.
NUMBER_ABBREVIATIONS = MONTH_ABBREVIATIONS | frozenset("no nos vol pp p fig art sec ch".split())
OTHER_ABBREVIATIONS = frozenset("approx est vs etc inc ltd co corp dept univ assn bros".split())

# After an initialism such as "U.S." a capitalised word usually continues the sentence
# ("U.S. President"), unless it is a word that typically opens one.
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i you this that these those there but and however meanwhile "
    "in on at after before when while his her their its our some many officials".split()
)

BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+(?:''|``|[\"'“‘«(\[])?[\w])")
INITIALISM_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
LAST_TOKEN_RE = re.compile(r"(\w+)\.$")
NEXT_TOKEN_RE = re.compile(r"\s+(?:''|``|[\"'“‘«(\[])?(\w+)")
# Longer than any abbreviation or initialism the rules below look at.
_LOOKBEHIND_CHARS = 80

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
STRAIGHT = '"'
QUOTE_CHARS = DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT
# Typewriter text (and archives converted from it) writes a double quotation mark as two
# apostrophes, ''like this'', or opens one with two backticks, ``like this''.
TWO_APOSTROPHES, TWO_BACKTICKS = "''", "``"
QUOTE_CHAR_RE = re.compile("''|``|[" + re.escape(QUOTE_CHARS) + "]")
SPACE_BEFORE_OPEN = set(" \t([{—–-:/")


def find_words(text: str) -> list[tuple[int, int]]:
    """Word spans (start, end): runs of letters/digits, keeping inner hyphens and apostrophes."""
    return [m.span() for m in WORD_RE.finditer(text)]


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (the same words ``find_words`` finds)."""
    return [m.group().lower() for m in WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    """Number of word tokens in ``text``."""
    return len(WORD_RE.findall(text))


def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) spans, whitespace trimmed; a line is a paragraph."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _ends_sentence(text: str, para_start: int, dot_end: int, boundary: str) -> bool:
    """Decide whether the terminator run ``boundary`` ending at ``dot_end`` ends a sentence."""
    if not boundary.startswith(".") or boundary.startswith(".."):
        return True
    # Only the end of the sentence so far matters: a bounded window keeps the regex
    # searches below from rescanning a long paragraph at every period (quadratic time).
    first_dot = dot_end - len(boundary) + 1
    before = text[max(para_start, first_dot - _LOOKBEHIND_CHARS) : first_dot]
    nxt = NEXT_TOKEN_RE.match(text, dot_end)
    next_word = nxt.group(1) if nxt else ""
    next_is_lower_or_digit = next_word[:1].islower() or next_word[:1].isdigit()
    if INITIALISM_RE.search(before):
        # "U.N." / "U.S.": continues unless the next word typically opens a sentence.
        return next_word.lower() in SENTENCE_OPENERS and not next_is_lower_or_digit
    last = LAST_TOKEN_RE.search(before)
    if not last:
        return True
    token = last.group(1)
    lower = token.lower()
    if lower in TITLE_ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. Smith"
    if lower in NUMBER_ABBREVIATIONS or lower in OTHER_ABBREVIATIONS:
        return not next_is_lower_or_digit and (
            lower in OTHER_ABBREVIATIONS or next_word.lower() in SENTENCE_OPENERS
        )
    return not next_word[:1].islower()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``.

    A line break always ends a sentence (headlines and subheads are their own sentence).
    Inside a line, ".", "!", "?" end a sentence when a capitalised word, digit or quote
    follows, except after title abbreviations ("Maj. Gen."), initials, initialisms
    ("U.N.", "U.S.") and month or number abbreviations followed by a number ("Feb. 18").
    """
    sentences = []
    for para_start, para_end in find_paragraphs(text):
        start = para_start
        for m in BOUNDARY_RE.finditer(text, para_start, para_end):
            if _ends_sentence(text, para_start, m.end(), m.group()):
                sentences.append(Sentence(start, m.end(), text[start : m.end()]))
                start = m.end()
                while start < para_end and text[start].isspace():
                    start += 1
        if start < para_end:
            sentences.append(Sentence(start, para_end, text[start:para_end]))
    return sentences


def _straight_quote_opens(text: str, i: int, j: int, para_start: int, para_end: int) -> bool:
    """Guess whether a straight double quote text[i:j] (with none open) opens a quotation."""
    prev_space = i == para_start or text[i - 1].isspace() or text[i - 1] in SPACE_BEFORE_OPEN
    next_space = j >= para_end or text[j].isspace() or text[j] in ".,;:!?)]"
    if not next_space:
        return True
    if not prev_space:
        return False  # word"<space>: a closing mark whose opener is missing
    # Spaces on both sides: it opens only if another quote mark follows in the paragraph.
    return QUOTE_CHAR_RE.search(text, j, para_end) is not None


def _looks_closing(text: str, i: int, j: int, para_end: int) -> bool:
    """An opening mark text[i:j] typed where a closing one belongs: it follows a word or
    punctuation and is followed by a space, punctuation or the paragraph's end
    ('…from South Carolina,“ said Jim Clyburn')."""
    after_word = i > 0 and not text[i - 1].isspace()
    return after_word and (j >= para_end or text[j].isspace() or text[j] in ".,;:!?)]")


def _orphan_start(text: str, floor: int, closer: int) -> int:
    """Where a quotation whose opening mark is missing most likely began.

    Reported speech usually follows "said:"; without a colon, the paragraph start.
    """
    colon = text.rfind(":", floor, closer)
    start = colon + 1 if colon >= 0 else floor
    while start < closer and text[start].isspace():
        start += 1
    return start


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quoted-speech spans (marks included) for straight, curly and guillemet quotes, and
    the typewriter's two apostrophes or backticks.

    A quotation never crosses a line break: an unclosed quote ends with its paragraph, and
    a closing mark with no opener starts after the paragraph's last colon before it (or
    at the paragraph start). Such spans have ``closed=False``.
    """
    spans: list[QuoteSpan] = []
    for para_start, para_end in find_paragraphs(text):
        open_at: int | None = None
        floor = para_start
        for mark in QUOTE_CHAR_RE.finditer(text, para_start, para_end):
            i, j = mark.span()
            c = {TWO_APOSTROPHES: STRAIGHT, TWO_BACKTICKS: "“"}.get(mark.group(), mark.group())
            if open_at is None:
                opens = c in DOUBLE_OPENERS or (
                    c == STRAIGHT and _straight_quote_opens(text, i, j, para_start, para_end)
                )
                if opens:
                    open_at = i
                else:
                    start = _orphan_start(text, floor, i)
                    if start < i:
                        spans.append(QuoteSpan(start, j, closed=False))
                    floor = j
            elif (
                c in DOUBLE_CLOSERS
                or c == STRAIGHT
                or (c == "“" and (text[open_at] == "„" or _looks_closing(text, i, j, para_end)))
            ):
                spans.append(QuoteSpan(open_at, j))
                open_at = None
                floor = j
        if open_at is not None:
            spans.append(QuoteSpan(open_at, para_end, closed=False))
    return spans


def in_spans(start: int, end: int, spans: Sequence[QuoteSpan | Sentence]) -> bool:
    """True when [start, end) lies inside one of ``spans`` (sorted by start)."""
    return find_enclosing(start, end, spans) is not None


def find_enclosing(
    start: int, end: int, spans: Sequence[QuoteSpan | Sentence]
) -> QuoteSpan | Sentence | None:
    """The span of ``spans`` (sorted, non-overlapping) that contains [start, end), or None."""
    i = bisect.bisect_right(spans, start, key=lambda s: s.start) - 1
    if i >= 0 and spans[i].start <= start and end <= spans[i].end:
        return spans[i]
    return None


def slugify(text: str, default: str = "") -> str:
    """A name for an id or a folder: lower case, accents dropped, every run of other
    characters one dash ("Fayez al-Sarrāj" -> "fayez-al-sarraj"); letters of other
    scripts are kept. ``default`` when nothing is left."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "-", plain).strip("-") or default
