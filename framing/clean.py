"""Normalise article text and take out page furniture, keeping every offset traceable.

The cleaned text is the concatenation of kept pieces of the raw text (after a few
one-character normalisations), so every offset into the cleaned text maps back to the raw
text, and every removal records the exact raw text it took out and a reason a reader can
check. Furniture rules are general (widgets, navigation, comment forms, repeated lines);
phrase rules only fire when the WHOLE line is furniture, never inside a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from framing.models import Removal


@dataclass(frozen=True)
class Segment:
    """A kept piece: cleaned ``text[start:start+length]`` came from the raw text at
    ``raw_start`` (character for character, after normalisation)."""

    start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class CleanedText:
    """Cleaned text, what was removed (offsets into the raw text), and the offset map."""

    text: str
    removals: tuple[Removal, ...]
    segments: tuple[Segment, ...]
    date: str = ""  # ISO date from a leading dateline ("date 2020-02-22 ..."), "" if none

    def to_raw(self, offset: int) -> int:
        """Raw offset of the cleaned character at ``offset`` (``len(text)`` maps to just
        after the last kept raw character)."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the cleaned text (0..{len(self.text)})")
        if not self.segments:
            return 0
        seg = self.segments[max(bisect_right(self.segments, offset, key=_seg_start) - 1, 0)]
        return seg.raw_start + offset - seg.start

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of the cleaned span [start, end); the end is taken from the last
        character of the span so that a span never swallows removed text after it."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


def _seg_start(seg: Segment) -> int:
    return seg.start


# --- per-character normalisation -------------------------------------------------------

# Invisible characters that split words ("cease\u200bfire") and so break term matching.
_DROP_CHARS = re.compile("\r(?=\n)|[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# One-for-one replacements keep offsets aligned: odd line breaks -> "\n", odd spaces -> " ".
_CHAR_MAP = str.maketrans(
    {
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\x85": "\n",
        **{c: " " for c in "\u00a0\u1680\u202f\u205f\u3000"},
        **{chr(c): " " for c in range(0x2000, 0x200B)},
    }
)


# --- dates -----------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
_MONTH += r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO_DATE = (
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_DATE_PATTERNS = (
    re.compile(rf"(?P<y>\d{{4}})(?:[-/.](?P<m>\d{{1,2}})(?:[-/.](?P<d>\d{{1,2}}))?)?(?:[T ].*)?"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MONTH}),?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<mn>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<mn>{_MONTH}),?\s+(?P<y>\d{{4}})", re.I),
)


def normalize_date(value: str) -> str:
    """ISO form of a date ("2020-02-22", "2020-02" or "2020") from ISO-like, "22 February
    2020", "Feb. 22, 2020" or "February 2020" input; "" when it is not a valid date.
    Day/month orders such as "02/03/2020" are ambiguous and give ""."""
    value = value.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            return _iso_date(match)
    return ""


def _iso_date(match: re.Match[str]) -> str:
    parts = match.groupdict()
    year = int(parts["y"])
    if parts.get("mn"):
        month: int | None = _MONTHS[parts["mn"].lower().rstrip(".")]
    else:
        month = int(parts["m"]) if parts.get("m") else None
    day = int(parts["d"]) if parts.get("d") else None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return ""
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


# A date token before the first words of the text is page metadata, not journalism.
_DATELINE = re.compile(
    r"\s*(?P<token>(?:(?:date[d]?|published|posted|updated|last updated)(?: on)?\s*:?\s*)?"
    rf"(?P<date>{_ISO_DATE}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}))(?:\s*[|:\u2013\u2014-])?(?=\s|$)\s*",
    re.I,
)


# --- furniture rules -------------------------------------------------------------------

_MEDIA_ID = re.compile(
    r"(?:\d{8,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|(?=[0-9a-f]*\d)[0-9a-f]{24,})(?:\s+(?:\d{8,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
    r"-[0-9a-f]{4}-[0-9a-f]{12}|(?=[0-9a-f]*\d)[0-9a-f]{24,}))*",
    re.I,
)
_CURRENCY = "$€£¥₽₺"
_NUMBERS_ONLY = re.compile(
    rf"[\d\s.,:/%+\u2013-{re.escape(_CURRENCY)}]*\d[\d\s.,:/%+\u2013-{re.escape(_CURRENCY)}]*"
)
_LEADING_BULLETS = re.compile(r"^[\s\-\u2013\u2014•·*>»›|]+")
_TRAILING_PUNCT = " \t.!?:;,…»›>|-\u2013\u2014"

# Whole lines (compared case-insensitively, trailing punctuation ignored) -> reason.
_PHRASES: dict[str, frozenset[str]] = {
    "media placeholder": frozenset(
        "video videos photo photos image images picture pictures gallery audio infographic"
        " slideshow play watch listen".split()
    )
    | {
        "photo gallery",
        "play video",
        "watch video",
        "watch now",
        "listen now",
        "listen to this article",
        "video player is loading",
        "loading",
    },
    "image viewer link": frozenset(
        {
            "enlarge",
            "enlarge image",
            "expand image",
            "view image",
            "view full-size image",
            "view larger image",
            "full screen",
            "fullscreen",
            "zoom",
            "view gallery",
            "open gallery",
        }
    ),
    "navigation link": frozenset(
        {
            "other news",
            "more news",
            "latest news",
            "top stories",
            "most read",
            "most popular",
            "trending",
            "trending now",
            "read more",
            "read also",
            "also read",
            "see also",
            "continue reading",
            "related",
            "related articles",
            "related news",
            "related stories",
            "related posts",
            "related content",
            "related topics",
            "recommended",
            "recommended for you",
            "you may also like",
            "you might also like",
            "more on this story",
            "more from this section",
            "source link",
            "source",
            "next article",
            "previous article",
            "next",
            "previous",
            "back to top",
            "skip to content",
            "skip to main content",
            "home",
            "tags",
            "topics",
            "show more",
            "load more",
            "view comments",
            "show comments",
        }
    ),
    "share buttons": frozenset(
        {
            "share",
            "share this",
            "share this article",
            "share this story",
            "share on facebook",
            "share on twitter",
            "share on whatsapp",
            "share via email",
            "copy link",
            "follow us",
            "follow us on twitter",
            "follow us on facebook",
            "follow us on telegram",
            "print this article",
            "email this article",
        }
    ),
    "comment form": frozenset(
        {
            "leave a comment",
            "leave a reply",
            "post a comment",
            "add a comment",
            "add comment",
            "comments",
            "comment",
            "cancel reply",
            "join the conversation",
            "no comments yet",
            "be the first to comment",
            "log in to comment",
            "you have entered an incorrect email address",
            "save my name, email, and website in this browser for the next time i comment",
        }
    ),
    "donation appeal": frozenset(
        {
            "donate",
            "donate now",
            "make a donation",
            "support us",
            "support our work",
            "support independent journalism",
            "become a supporter",
            "become a member",
            "become a patron",
        }
    ),
    "advertisement label": frozenset(
        {
            "advertisement",
            "advertising",
            "sponsored",
            "sponsored content",
            "ad",
            "promoted",
            "scroll to continue",
            "scroll to continue with content",
            "story continues below advertisement",
            "article continues below advertisement",
        }
    ),
}
# Words of share-button rows ("Facebook Twitter WhatsApp Email").
_SHARE_WORDS = frozenset(
    "share tweet facebook twitter whatsapp telegram linkedin pinterest reddit email e-mail"
    " print copy link messenger viber".split()
)
# Whole-line patterns (on the lower-cased line without trailing punctuation) -> reason.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"(?:click|tap)(?: here)?(?: on (?:the |this )?(?:image|photo|picture))?"
            r" to (?:see|view|open|enlarge|expand|zoom)(?: \S+){0,5}"
        ),
        "image viewer link",
    ),
    (re.compile(r"(?:subscribe|sign up|sign-up)\b(?: \S+){0,11}"), "subscription prompt"),
    (re.compile(r"please enter your(?: \S+){1,3}"), "comment form"),
    (re.compile(r"\d+ comments?"), "comment form"),
    (
        re.compile(r"(?:do|did) you (?:like|enjoy|value|appreciate) (?:this|our|the)(?: \S+){1,4}"),
        "donation appeal",
    ),
    (
        re.compile(
            r"(?:please )?(?:consider )?(?:help|helping|support|supporting|donating to)"
            r" (?:us|our (?:work|journalism|newsroom|reporting))(?: \S+){0,4}"
        ),
        "donation appeal",
    ),
    (
        re.compile(
            r"(?:read more|read also|also read|see also|related|recommended|more|watch|listen"
            r"|read)\s*[:|»>]\s*\S.*"
        ),
        "link to another article",
    ),
    (
        re.compile(r"(?:file )?(?:photo|image|picture|video)(?: credit| source)?\s*[:/|]\s*\S.*"),
        "photo caption or credit",
    ),
)
_PATTERN_MAX_WORDS = 20  # patterns with an open tail (links, credits) stop at this length
_REPEAT_MAX_CHARS = 200  # only short lines (headlines, subheads) count as repeats
_SENTENCE_END = re.compile(r"(?<=[.!?…\"”’)])\s+")


def clean_text(raw: str) -> CleanedText:
    """Normalise ``raw`` and remove page furniture.

    Per character: line endings become "\\n", non-breaking and other odd spaces become " ",
    zero-width characters, soft hyphens and BOMs are dropped. Then furniture lines
    (widgets, media ids, navigation, share/comment/donation prompts, repeated short lines,
    a leading dateline) are removed, runs of blank lines collapse to one blank line and the
    ends are stripped. ``removals`` hold the raw text of each furniture piece and why.
    """
    text, segments = _drop(raw.translate(_CHAR_MAP), (Segment(0, 0, len(raw)),), _drop_chars(raw))
    removals: list[Removal] = []
    date = ""
    match = _DATELINE.match(text)
    if match:
        date = normalize_date(match["date"])
        start, end = match.span("token")
        removals.append(_removal(raw, segments, start, end, "dateline metadata"))
        text, segments = _drop(text, segments, [(0, match.end())])
    spans, line_removals = _furniture(raw, text, segments)
    removals.extend(line_removals)
    text, segments = _drop(text, segments, spans)
    text, segments = _drop(text, segments, _extra_whitespace(text))
    return CleanedText(text, tuple(removals), segments, date)


def _drop_chars(raw: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DROP_CHARS.finditer(raw)]


def _removal(raw: str, segments: tuple[Segment, ...], start: int, end: int, reason: str) -> Removal:
    raw_start, raw_end = (
        CleanedText("", (), segments).span_to_raw(start, end)
        if False
        else (
            _to_raw(segments, start),
            _to_raw(segments, end - 1) + 1,
        )
    )
    return Removal(raw_start, raw_end, raw[raw_start:raw_end], reason)
