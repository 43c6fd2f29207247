"""How much one story may load: articles per story and characters per article, each
raised by an environment variable."""

from __future__ import annotations

import os

from framing.io.errors import LoadError
from framing.models import LoadProblem

# Limits that keep a mistaken or hostile input (a book pasted as one article, a CSV of a
# million rows) from taking the dashboard's memory and minutes of analysis. The default
# article size is about ten times a long-form feature; each can be raised by its variable.
MAX_ARTICLES = 2_000
MAX_ARTICLE_CHARS = 500_000
MAX_ARTICLES_ENV = "SLANT_MAX_ARTICLES"
MAX_ARTICLE_CHARS_ENV = "SLANT_MAX_ARTICLE_CHARS"


def max_articles() -> int:
    """How many articles one story loads: ``$SLANT_MAX_ARTICLES``, else MAX_ARTICLES."""
    return read_limit(MAX_ARTICLES_ENV, MAX_ARTICLES)


def max_article_chars() -> int:
    """The most characters one article may have: ``$SLANT_MAX_ARTICLE_CHARS``, else
    MAX_ARTICLE_CHARS."""
    return read_limit(MAX_ARTICLE_CHARS_ENV, MAX_ARTICLE_CHARS)


def read_limit(variable: str, default: int) -> int:
    """The whole number in ``$variable``, else ``default``; LoadError for anything else."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise LoadError(variable, f"must be a whole number of at least 1, not {value!r}")
    return number


def too_long(what: str, chars: int, limit: int) -> str:
    """The message for a text over the article size limit, saying how to raise it."""
    return (
        f"{what} is {chars:,} characters long, over the limit of {limit:,}; "
        f"set {MAX_ARTICLE_CHARS_ENV} to a larger number to load it"
    )


def over_article_limit(name: str, limit: int, rest: int) -> LoadProblem:
    """The problem for the ``rest`` articles of ``name`` beyond the article limit."""
    message = (
        f"only the first {limit:,} articles were loaded and the other {rest:,} skipped; "
        f"set {MAX_ARTICLES_ENV} to a larger number to load more"
    )
    return LoadProblem(name, message, skipped=rest)
