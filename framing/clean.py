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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from framing.models import Removal
from framing.wordlists import MONTHS


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
        """Raw offset of the cleaned character at ``offset``; ``len(text)`` maps to just
        after the last kept raw character."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the cleaned text (0..{len(self.text)})")
        return _to_raw(self.segments, offset)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of the cleaned span [start, end). The end comes from the span's
        last character, so a span never swallows removed text that followed it."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


def _seg_start(seg: Segment) -> int:
    return seg.start


def _to_raw(segments: Sequence[Segment], offset: int) -> int:
    if not segments:
        return 0
    seg = segments[max(bisect_right(segments, offset, key=_seg_start) - 1, 0)]
    return seg.raw_start + offset - seg.start


# --- per-character normalisation -------------------------------------------------------

# Invisible characters split words ("cease\u200bfire") and so break term matching.
_DROP_CHARS = re.compile("\r(?=\n)|[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# One-for-one replacements keep offsets aligned: odd line breaks -> "\n", odd spaces -> " ".
_CHAR_REPLACEMENTS = {
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x85": "\n",
    **{c: " " for c in "\u00a0\u1680\u202f\u205f\u3000"},
    **{chr(c): " " for c in range(0x2000, 0x200B)},
}
# A regex finds the few odd characters faster than str.translate visits every character.
_ODD_CHARS = re.compile("[" + "".join(_CHAR_REPLACEMENTS) + "]")


def _replace_odd_chars(raw: str) -> str:
    return _ODD_CHARS.sub(lambda m: _CHAR_REPLACEMENTS[m.group()], raw)


# --- dates -----------------------------------------------------------------------------

_MONTHS = {name: number for number, names in enumerate(MONTHS, 1) for name in names}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DAY_MONTH_YEAR = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
_MONTH_DAY_YEAR = rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_DATE_FORMS = (
    re.compile(
        r"(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?"
    ),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MONTH}),?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<mn>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<mn>{_MONTH}),?\s+(?P<y>\d{{4}})", re.I),
)


def normalize_date(value: str) -> str:
    """ISO form ("2020-02-22", "2020-02" or "2020") of an ISO-like date, "22 February
    2020", "Feb. 22, 2020" or "February 2020"; "" when ``value`` is not a valid date.
    Numeric day/month orders such as "02/03/2020" are ambiguous and give ""."""
    value = value.strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(value)
        if match:
            return _iso_date(match)
    return ""


def _iso_date(match: re.Match[str]) -> str:
    parts = match.groupdict()
    if parts.get("mn"):
        month: int | None = _MONTHS[parts["mn"].lower().rstrip(".")]
    else:
        month = int(parts["m"]) if parts.get("m") else None
    day = int(parts["d"]) if parts.get("d") else None
    year = int(parts["y"])
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return ""
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


# A date token before the first words of the text is page metadata, not journalism.
_DATELINE = re.compile(
    r"\s*(?P<token>(?:(?:dated?|published|posted|updated|last updated)(?: on)?\s*:?\s*)?"
    rf"(?P<date>{_ISO}|{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR})(?:\s*[|:\u2013\u2014-])?)(?=\s|$)\s*",
    re.I,
)


# --- furniture rules -------------------------------------------------------------------

# Long digit runs, UUIDs and long hex ids: what video players and embeds leave behind.
_ID = (
    r"(?:\d{8,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|(?=[a-f]*\d)[0-9a-f]{24,})"
)
_MEDIA_IDS = re.compile(rf"{_ID}(?:\s+{_ID})*", re.I)
_CURRENCY = "$€£¥₽₺"
_NUMBER_CHARS = rf"[\d\s.,:/%+\u2013{re.escape(_CURRENCY)}-]"
_NUMBERS_ONLY = re.compile(rf"(?=.*\d){_NUMBER_CHARS}+")
_LEADING_BULLETS = re.compile(r"^[\s\-\u2013\u2014•·*>»›|]+")
_TRAILING_PUNCT = " \t.!?:;,…»›>|-\u2013\u2014"
_SENTENCE_END = re.compile(r"(?<=[.!?…\"”’)])\s+")
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")
_LINE_END_SPACE = re.compile(r"[^\S\n]+(?=\n)")

# Whole lines (lower-cased, leading bullets and trailing punctuation ignored) -> reason.
_PHRASES: dict[str, frozenset[str]] = {
    "media placeholder": frozenset(
        {
            "video", "videos", "photo", "photos", "image", "images", "picture", "pictures",
            "gallery", "photo gallery", "audio", "infographic", "slideshow", "play", "watch",
            "listen", "play video", "watch video", "watch now", "listen now",
            "listen to this article", "video player is loading", "loading",
        }
    ),
    "image viewer link": frozenset(
        {
            "enlarge", "enlarge image", "expand image", "view image", "view full-size image",
            "view larger image", "full screen", "fullscreen", "zoom", "view gallery",
            "open gallery",
        }
    ),
    "navigation link": frozenset(
        {
            "other news", "more news", "latest news", "top stories", "most read",
            "most popular", "trending", "trending now", "read more", "read also", "also read",
            "see also", "continue reading", "related", "related articles", "related news",
            "related stories", "related posts", "related content", "related topics",
            "recommended", "recommended for you", "you may also like", "you might also like",
            "more on this story", "more from this section", "source link", "source",
            "next article", "previous article", "next", "previous", "back to top",
            "skip to content", "skip to main content", "home", "tags", "topics", "show more",
            "load more", "view comments", "show comments",
        }
    ),
    "share buttons": frozenset(
        {
            "share", "share this", "share this article", "share this story",
            "share on facebook", "share on twitter", "share on whatsapp", "share via email",
            "copy link", "follow us", "follow us on twitter", "follow us on facebook",
            "follow us on telegram", "print this article", "email this article",
        }
    ),
    "comment form": frozenset(
        {
            "leave a comment", "leave a reply", "post a comment", "add a comment",
            "add comment", "comments", "comment", "cancel reply", "join the conversation",
            "no comments yet", "be the first to comment", "log in to comment",
            "you have entered an incorrect email address",
            "save my name, email, and website in this browser for the next time i comment",
        }
    ),
    "donation appeal": frozenset(
        {
            "donate", "donate now", "make a donation", "support us", "support our work",
            "support independent journalism", "become a supporter", "become a member",
            "become a patron",
        }
    ),
    "advertisement label": frozenset(
        {
            "advertisement", "advertising", "sponsored", "sponsored content", "ad",
            "promoted", "scroll to continue", "scroll to continue with content",
            "story continues below advertisement", "article continues below advertisement",
        }
    ),
}  # fmt: skip
# Words of a row of share buttons ("Facebook Twitter WhatsApp Email").
_SHARE_WORDS = frozenset(
    "share tweet facebook twitter whatsapp telegram linkedin pinterest reddit email e-mail"
    " print copy link messenger viber".split()
)
# Whole-line patterns (on the same lower-cased key) -> reason.
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
        re.compile(
            r"(?:do|did) you (?:like|enjoy|value|appreciate) (?:this|our) (?:content|article"
            r"|story|post|work|journalism|reporting|website|site)"
        ),
        "donation appeal",
    ),
    (
        re.compile(r"(?:please )?consider (?:helping|supporting|donating to) (?:us|our \w+)"),
        "donation appeal",
    ),
    (
        re.compile(
            r"(?:read more|read also|also read|see also|related|more|watch|listen)\s*[:|»>]\s*\S.*"
        ),
        "link to another article",
    ),
    (
        re.compile(r"(?:file )?(?:photo|image|picture|video)(?: credit| source)?\s*[:/|]\s*\S.*"),
        "photo caption or credit",
    ),
)
_PATTERN_MAX_WORDS = 20  # a line longer than this is prose, whatever it starts with
# Only short lines of two words or more (headlines, subheads) count as repeats; a speaker
# tag such as "Q:" may well come back.
_REPEAT_MAX_CHARS = 200
_WORD = re.compile(r"[^\W\d_]{2,}")


def clean_text(raw: str) -> CleanedText:
    """Normalise ``raw`` and remove page furniture.

    Per character: line endings become "\\n", non-breaking and other odd spaces become " ",
    zero-width characters, soft hyphens and BOMs are dropped. Then a leading dateline,
    furniture lines (widgets, media ids, navigation, share/comment/donation prompts,
    repeated short lines) and furniture glued after the last sentence are removed, runs of
    blank lines collapse to one and the text and its lines are stripped. ``removals`` hold the
    raw text of each furniture piece and why it went.
    """
    start: tuple[Segment, ...] = (Segment(0, 0, len(raw)),) if raw else ()
    drops = [m.span() for m in _DROP_CHARS.finditer(raw)]
    text, segments = _drop(_replace_odd_chars(raw), start, drops)
    removals: list[Removal] = []
    date = ""
    match = _DATELINE.match(text)
    if match:
        date = normalize_date(match["date"])
        removals.append(_removal(raw, segments, *match.span("token"), "dateline metadata"))
        text, segments = _drop(text, segments, [(0, match.end())])
    spans, found = _furniture(text)
    removals.extend(_removal(raw, segments, s, e, reason) for s, e, reason in found)
    text, segments = _drop(text, segments, spans)
    text, segments = _drop(text, segments, _extra_whitespace(text))
    return CleanedText(text, tuple(sorted(removals, key=lambda r: r.start)), segments, date)


def _removal(raw: str, segments: Sequence[Segment], start: int, end: int, reason: str) -> Removal:
    raw_start, raw_end = _to_raw(segments, start), _to_raw(segments, end - 1) + 1
    return Removal(raw_start, raw_end, raw[raw_start:raw_end], reason)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line's content, without surrounding whitespace."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(line) + 1


def _furniture(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Spans to drop (furniture lines with their line break) and the furniture itself."""
    drops: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    headline = None
    last_kept = None
    for start, end in _lines(text):
        line = text[start:end]
        reason = _line_furniture(line)
        key = " ".join(line.split())
        if reason is None and key in seen:
            reason = "repeated headline" if key == headline else "repeated line"
        if reason is None:
            if headline is None:
                headline = key
            if len(key) <= _REPEAT_MAX_CHARS and len(_WORD.findall(key)) >= 2:
                seen.add(key)
            last_kept = (start, end)
            continue
        found.append((start, end, reason))
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end + 1
        drops.append((text.rfind("\n", 0, start) + 1, line_end))
    if last_kept:
        tail = _glued_tail(text, *last_kept)
        if tail:
            drops.append((tail[0], last_kept[1]))
            found.append(tail[1:])
    return drops, found


def _glued_tail(text: str, start: int, end: int) -> tuple[int, int, int, str] | None:
    """Furniture glued after the last sentence of the text ("...in Idlib. Other news"):
    (drop start, furniture start, end, reason), or None. The first sentence always stays."""
    piece_end = end
    found = None
    for match in reversed(list(_SENTENCE_END.finditer(text, start, end))):
        reason = _phrase_furniture(_key(text[match.end() : piece_end]))
        if reason is None:
            break
        found = (match.start(), match.end(), end, reason)
        piece_end = match.start()
    return found


def _line_furniture(line: str) -> str | None:
    """Why a whole line is page furniture (a short reason shown to the user), or None when
    it is (or may be) prose."""
    line = line.strip()
    if _MEDIA_IDS.fullmatch(line):
        return "embedded media id"
    if _NUMBERS_ONLY.fullmatch(line):
        if any(c in _CURRENCY for c in line):
            return "currency amounts (donation or price widget)"
        return "number-only line"
    key = _key(line)
    if not key:
        return None
    reason = _phrase_furniture(key)
    if reason:
        return reason
    words = key.split()
    if all(word in _SHARE_WORDS for word in words):
        return "share buttons"
    if len(words) > _PATTERN_MAX_WORDS:
        return None
    # Several prompts on one line: "Please enter your comment! Please enter your name here"
    pieces = [_key(piece) for piece in _SENTENCE_END.split(line)]
    reasons = [_phrase_furniture(piece) for piece in pieces if piece]
    return reasons[0] if len(reasons) > 1 and all(reasons) else None


def _key(line: str) -> str:
    line = _LEADING_BULLETS.sub("", line).rstrip(_TRAILING_PUNCT)
    return " ".join(line.split()).casefold()


def _phrase_furniture(key: str) -> str | None:
    for reason, phrases in _PHRASES.items():
        if key in phrases:
            return reason
    if len(key.split()) <= _PATTERN_MAX_WORDS:
        for pattern, reason in _PATTERNS:
            if pattern.fullmatch(key):
                return reason
    return None


def _extra_whitespace(text: str) -> list[tuple[int, int]]:
    """Leading and trailing whitespace of the text and of its lines, and all but one blank
    line of each run of blank lines."""
    spans = [(m.start() + 1, m.end() - 1) for m in _BLANK_RUN.finditer(text)]
    spans.extend(m.span() for m in _LINE_END_SPACE.finditer(text))
    spans.append((0, len(text) - len(text.lstrip())))
    spans.append((len(text.rstrip()), len(text)))
    return spans


def _drop(
    text: str, segments: Sequence[Segment], spans: Iterable[tuple[int, int]]
) -> tuple[str, tuple[Segment, ...]]:
    """Cut ``spans`` ([start, end) into ``text``, may overlap) out of the text and carry
    the raw-offset map along."""
    keep: list[tuple[int, int]] = []
    pos = 0
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if start > pos:
            keep.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        keep.append((pos, len(text)))
    pieces: list[str] = []
    kept: list[Segment] = []
    out = 0
    for start, end in keep:
        pieces.append(text[start:end])
        index = bisect_right(segments, start, key=_seg_start) - 1
        while start < end:
            seg = segments[index]
            stop = min(end, seg.start + seg.length)
            raw_start = seg.raw_start + start - seg.start
            if kept and kept[-1].raw_start + kept[-1].length == raw_start:
                kept[-1] = Segment(
                    kept[-1].start, kept[-1].raw_start, kept[-1].length + stop - start
                )
            else:
                kept.append(Segment(out, raw_start, stop - start))
            out += stop - start
            start = stop
            index += 1
    return "".join(pieces), tuple(kept)
