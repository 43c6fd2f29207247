"""An article's outlet when its file names none, and flags for articles that may not be
news text in English at all.

Outlet, in order: the article's own (front matter, manifest, a column of a bulk file),
the site name of its web page, the outlet of its web address's domain in the outlet table
(framing/data/outlet_domains.csv, README beside it), else missing. A missing outlet is
never guessed and never merged: ``separate_missing_outlets`` gives each such article an
outlet of its own that says so, until the user sets one.

Flags are general rules, each with the evidence in its wording: a language other than
English (langid.py's model via py3langid, offline), a paywall stub (a short text that asks
the reader to subscribe or sign in), a page of furniture (cleaning removed most of it, or
what is left is a list of short link-like lines), and a very short text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from framing.clean import normalize_date
from framing.io import UNKNOWN_OUTLET, load_outlet_domains
from framing.models import Article
from framing.text import count_words

OUTLET_DOMAINS_FILE = Path(__file__).resolve().parent / "data" / "outlet_domains.csv"
OUTLET_DOMAINS_NAME = OUTLET_DOMAINS_FILE.name
NOTE_FROM_DOMAIN = "from its web address ({domain}) and the outlet table"
NOTE_SET_BY_HAND = "set by hand in the articles table"
OUTLET_MISSING = "outlet missing"

_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")
# A text this short is a teaser, a caption or a stub, not an article to compare.
VERY_SHORT_WORDS = 80
# A paywall page shows a few paragraphs at most, then asks for a subscription.
PAYWALL_MAX_WORDS = 150
_PAYWALL = re.compile(
    r"\b(subscribe|subscription|subscribers?|sign in|log in|login|register|"
    r"create (a|an|your) (free )?account|continue reading|keep reading|read the full|"
    r"read more with|premium|paywall|unlock)\b",
    re.IGNORECASE,
)
# Cleaning that removed more than this share of the raw text left mostly page furniture.
FURNITURE_SHARE = 0.5
# A page of menus and links: many lines, most of them a few words with no sentence end.
LIST_MIN_LINES = 8
LIST_LINE_WORDS = 4
LIST_SHARE = 0.6
# A language other than English is flagged when the model is at least this sure.
LANGUAGE_CONFIDENCE = 0.9
LANGUAGE_SAMPLE_CHARS = 5_000


def load_outlet_table(user_folder: str | Path | None = None) -> dict[str, str]:
    """Domain -> outlet: the shipped table, then ``user_folder``/outlet_domains.csv (its
    rows add domains or replace shipped ones). Raises framing.io.LoadError for a bad row."""
    table = load_outlet_domains(OUTLET_DOMAINS_FILE)
    if user_folder is not None:
        table.update(load_outlet_domains(Path(user_folder) / OUTLET_DOMAINS_NAME))
    return table


def find_web_domain(url: str) -> str:
    """The host of ``url``, lower-cased, without "www." and port; "" when there is none."""
    try:
        host = urlsplit(url.strip() if "//" in url else f"//{url.strip()}").hostname or ""
    except ValueError:
        return ""
    host = host.lower().removeprefix("www.")
    return host if _HOST.fullmatch(host) else ""


def find_outlet(url: str, table: Mapping[str, str]) -> tuple[str, str] | None:
    """(outlet, domain it was found under) for ``url``: its host, else the nearest parent
    domain in ``table`` (edition.cnn.com -> cnn.com); None when no domain matches."""
    parts = find_web_domain(url).split(".")
    for i in range(len(parts) - 1):
        domain = ".".join(parts[i:])
        if domain in table:
            return table[domain], domain
    return None


def is_outlet_missing(article: Article) -> bool:
    """True when nothing named the article's outlet."""
    return article.outlet.strip() in ("", UNKNOWN_OUTLET)


def _outlet_is_host(article: Article) -> bool:
    """The page named no site, so the reader took its web address's host as its outlet."""
    host = find_web_domain(article.url)
    return bool(host) and find_web_domain(article.outlet) == host


def fill_outlet(article: Article, table: Mapping[str, str]) -> Article:
    """``article`` with the outlet of its web address's domain (from ``table``) when it has
    no outlet of its own or only its host name; otherwise (and when the domain is not in
    the table) unchanged: a host name that is no known outlet becomes missing."""
    if not (is_outlet_missing(article) or _outlet_is_host(article)):
        return article
    found = find_outlet(article.url, table) if article.url else None
    if found is None:
        if _outlet_is_host(article):
            return replace(article, outlet=UNKNOWN_OUTLET, outlet_note="")
        return article
    outlet, domain = found
    return replace(article, outlet=outlet, outlet_note=NOTE_FROM_DOMAIN.format(domain=domain))


EDITABLE_FIELDS = ("outlet", "title", "date", "url")


def edit_article(article: Article, field: str, value: object, table: Mapping[str, str]) -> Article:
    """``article`` with one of EDITABLE_FIELDS set to ``value`` as a user typed it (blanks
    collapsed). An empty outlet is missing; an empty title falls back to the id; a date is
    read as load_story reads one (ValueError with the reason when it is not understood); a
    new web address fills a missing outlet from ``table``."""
    text = " ".join(str(value if value is not None else "").split())
    if field == "outlet":
        return replace(
            article, outlet=text or UNKNOWN_OUTLET, outlet_note=NOTE_SET_BY_HAND if text else ""
        )
    if field == "title":
        return replace(article, title=text or article.id)
    if field == "date":
        date = normalize_date(text) if text else ""
        if text and not date:
            raise ValueError(f"the date {text!r} is not understood; use YYYY-MM-DD")
        return replace(article, date=date)
    if field == "url":
        return fill_outlet(replace(article, url=text), table)
    raise ValueError(f"{field!r} cannot be edited; only {', '.join(EDITABLE_FIELDS)}")


def missing_outlet_label(article: Article) -> str:
    """The outlet shown for an article whose outlet is missing: its own, so that several
    such articles are never merged into one outlet."""
    return f"{UNKNOWN_OUTLET} ({article.id})"


def separate_missing_outlets(articles: Iterable[Article]) -> tuple[Article, ...]:
    """``articles`` with each missing outlet replaced by ``missing_outlet_label``."""
    return tuple(
        replace(a, outlet=missing_outlet_label(a)) if is_outlet_missing(a) else a for a in articles
    )


@functools.cache
def load_language_model():
    """langid.py's model (loading it takes ~0.8 s; done once, when first needed)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability 0..1) of the language of ``text`` (its first 5,000
    characters), by langid.py's model of 97 languages."""
    language, probability = load_language_model().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(language), float(probability)


def _list_like(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < LIST_MIN_LINES:
        return False
    short = [
        line
        for line in lines
        if count_words(line) <= LIST_LINE_WORDS and not line.endswith((".", "?", "!", '"'))
    ]
    return len(short) >= LIST_SHARE * len(lines)


def find_article_flags(article: Article) -> tuple[str, ...]:
    """Plain-words reasons to look at an article before comparing it: outlet missing, not
    English, a paywall stub, mostly page furniture, a list of links, very short. Empty
    when none applies."""
    flags = []
    if is_outlet_missing(article):
        domain = find_web_domain(article.url)
        flags.append(
            f"{OUTLET_MISSING} ({domain} is not in the outlet table)" if domain else OUTLET_MISSING
        )
    text = article.text
    words = count_words(text)
    if text.strip():
        language, probability = detect_language(text)
        if language != "en" and probability >= LANGUAGE_CONFIDENCE:
            flags.append(f"not English (reads as '{language}', {probability:.0%} sure)")
    cue = _PAYWALL.search(article.raw_text)
    if words <= PAYWALL_MAX_WORDS and cue:
        flags.append(f"paywall stub? ({words} words, asks to “{cue.group(0).lower()}”)")
    removed = sum(r.end - r.start for r in article.removals)
    raw = len(article.raw_text.strip())
    if raw and removed / raw > FURNITURE_SHARE:
        flags.append(f"mostly page furniture ({removed / raw:.0%} removed by cleaning)")
    elif _list_like(text):
        flags.append("reads like a menu or a list of links")
    if words < VERY_SHORT_WORDS and not cue:
        flags.append(f"very short ({words} words)")
    return tuple(flags)
