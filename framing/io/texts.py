"""One article per file: plain text or Markdown with a front-matter block, and HTML pages."""

from __future__ import annotations

import re
from pathlib import Path

from framing.io.articles import Entry, metadata
from framing.io.decoding import decode
from framing.io.errors import LoadError
from framing.io.limits import max_article_chars, too_long
from framing.models import Article, LoadProblem

_FRONT_MATTER_LINE = re.compile(r"([A-Za-z_][\w-]*)\s*:(.*)")
_QUOTES = "\"'"
# A web page is mostly markup: its HTML may be this many times the article limit.
_MARKUP_FACTOR = 10


def read_text_file(name: str, data: bytes) -> tuple[list[Entry], list[LoadProblem]]:
    """The one article of a plain text or Markdown file."""
    return [_text_entry(name, decode(name, data))], []


def read_html_file(name: str, data: bytes) -> tuple[list[Entry], list[LoadProblem]]:
    """The one article of a web page."""
    return [_html_entry(name, decode(name, data))], []


def _text_entry(name: str, text: str) -> Entry:
    meta, body = _split_front_matter(name, text)
    if not body.strip():
        raise LoadError(name, "has no text after its front matter")
    return Entry(meta.pop("id", "") or Path(name).stem, body, name, name, meta=meta)


def _split_front_matter(name: str, text: str) -> tuple[dict[str, str], str]:
    """A leading block of ``key: value`` lines between two ``---`` lines, and the body after
    it exactly as in the file. A value may be wrapped in quotes, which are dropped."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return {}, text
    meta: dict[str, str] = {}
    for number in range(1, end):
        line = lines[number].strip()
        if not line or line.startswith("#"):
            continue
        match = _FRONT_MATTER_LINE.fullmatch(line)
        if match is None:
            raise LoadError(name, "front matter line is not 'key: value'", number + 1)
        meta[match[1].lower()] = _unquote(match[2].strip())
    return metadata(meta), "".join(lines[end + 1 :])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in _QUOTES:
        return value[1:-1]
    return value


def _html_entry(name: str, html: str) -> Entry:
    """Main text and metadata of a web page by trafilatura, from the string only: nothing
    is fetched. Paragraphs are separated by a blank line, as in text files."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    limit = _MARKUP_FACTOR * max_article_chars()
    if len(html) > limit:
        raise LoadError(name, too_long("the page", len(html), limit))
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # a third-party parser: any failure means "not readable"
        raise LoadError(name, f"could not be read as HTML ({error})") from None
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        raise LoadError(name, "has no main text that could be extracted from the HTML")
    meta = {"title": doc.title, "date": doc.date, "url": doc.url, "language": doc.language}
    if doc.sitename:
        meta.update(outlet=doc.sitename, outlet_note="from the page's site name")
    elif doc.hostname:
        meta.update(outlet=doc.hostname, outlet_note="from the page's web address")
    body = body.replace("\n", "\n\n")
    return Entry(Path(name).stem, body, name, name, meta=metadata(meta))


def front_matter(article: Article, stem: str) -> str:
    values = {
        "id": article.id if article.id != stem else "",
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "outlet_note": article.outlet_note,
        "language": article.language if article.language != "en" else "",
    }
    lines = [f"{key}: {_quote(value)}" for key, value in values.items() if value]
    return "\n".join(["---", *lines, "---", ""])


def _quote(value: str) -> str:
    """Front-matter value on one line; quoted when reading it back would otherwise take
    its own surrounding quotes off."""
    value = " ".join(value.split())
    if len(value) >= 2 and value[0] == value[-1] and value[0] in _QUOTES:
        return f'"{value}"'
    return value
