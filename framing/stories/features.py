"""The cheap reading that story grouping works on: no parse, one pass of regular expressions
over an article's title and text.

Each article becomes its content words (lower-cased, function words dropped, reduced to
their Porter stem so that "vaccines" and "vaccinated" meet), whole numbers ("473,000",
"9.3") and the names it uses (runs of capitalised words inside sentences, such as "Kim Jong
Un"), with how often each occurs; the title counts twice, since a headline states the event.
A term's weight is only known once the whole corpus has been counted (``score_term_weights``:
rare terms weigh more), so this module keeps the counts, and the few surface forms a story's
name is later made from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from framing.english import english_share, stem
from framing.models import Article
from framing.wordlists import DAYS, FUNCTION_WORDS, MONTH_WORDS

# A word (letters first, inner hyphens and apostrophes kept) or a number with its
# separators ("473,000", "9.3").
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_][\w'’-]*")
# Runs of capitalised words, with the lower-case particles names carry ("Bank of England",
# "Abu Bakr al-Baghdadi"); a run that opens a sentence is kept only when it is two words or
# more, since the first word of every sentence is capitalised.
_NAME_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*)(?:\s+(?:(?:of|de|del|la|le|al|bin|van|von|der|da)\s+)?[A-Z][\w'’.-]*)*"
)
_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.")  # "U.S.", "J.", "St."
_SENTENCE_ENDS = frozenset('.!?:;"“”\n')
_POSSESSIVE = re.compile(r"['’]s$")
TITLE_WEIGHT = 2  # the headline counts as this many copies of itself
MIN_NUMBER_CHARS = 3  # "473,000" and "2021" say which event; "5" and "10" do not
NAME_PREFIX = "~"  # marks a name feature ("~kim jong un") apart from its words
NUMBER_PREFIX = "#"
# Names and title words a story is named after, per article.
SURFACE_NAMES = 6
SURFACE_WORDS = 12
STOP_WORDS = FUNCTION_WORDS | MONTH_WORDS | DAYS
# The corpus is weighed as if it sat among this many ordinary news articles of about
# BACKGROUND_WORDS words, whose words follow general English (wordfreq's "small" English
# list): in a corpus of five articles about one event, the event's words are rare in
# English and weigh much, though every one of the five uses them. In a large corpus its own
# counts dominate.
BACKGROUND_DOCUMENTS = 1_000
BACKGROUND_WORDS = 500


@dataclass(frozen=True)
class ArticleTerms:
    """What grouping knows of one article: its terms with counts, its day, and the forms a
    story's name is made from."""

    article_id: str
    outlet: str
    title: str
    date: str  # as the article gives it (ISO, possibly partial, or "")
    day: int | None  # the proleptic Gregorian ordinal of a full date; None: undated
    key: str  # digest of the outlet, date, title and text: orders ties, never the input
    terms: dict[str, float]  # term -> count (title words TITLE_WEIGHT times)
    names: tuple[str, ...]  # its most used names, as written ("Kim Jong Un")
    words: tuple[str, ...]  # its title words, as written, for a story's name


def find_term_counts(text: str, weight: float = 1.0) -> Counter[str]:
    """Content-word stems and numbers of ``text`` with their counts times ``weight``; function
    words, month and day names, single letters and numbers shorter than MIN_NUMBER_CHARS are
    left out."""
    counts: Counter[str] = Counter()
    for token in _TOKEN_RE.findall(text):
        if token[0].isdigit():
            if len(token) >= MIN_NUMBER_CHARS:
                counts[NUMBER_PREFIX + token.replace(",", "")] += weight
            continue
        word = _POSSESSIVE.sub("", token.lower()).strip("'’-")
        if len(word) > 1 and word not in STOP_WORDS:
            counts[stem(word)] += weight
    return counts


def find_names(text: str) -> Counter[str]:
    """Names in ``text`` as written, with counts: runs of capitalised words, leading and
    trailing function words dropped ("The White House" -> "White House"); a run ends at a
    full stop (not an initial's); a one-word run that opens a sentence is not taken for a
    name."""
    names: Counter[str] = Counter()
    for match in _NAME_RE.finditer(text):
        opens = _opens_sentence(text, match.start())
        run: list[str] = []
        for word in match.group().split():
            run.append(word)
            if word.endswith(".") and not _INITIAL.fullmatch(word):
                _count_name(names, run, opens)
                run, opens = [], True
        _count_name(names, run, opens)
    return names


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` is the first word of a sentence, line or quotation."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _count_name(names: Counter[str], run: list[str], opens: bool) -> None:
    words = [_name_word(w) for w in run]
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    if not words or (opens and len(words) == 1):
        return
    names[" ".join(words)] += 1


def _name_word(word: str) -> str:
    """A word of a name without a possessive ending or edge punctuation; an initialism
    keeps its last dot ("U.S.")."""
    word = _POSSESSIVE.sub("", word.replace("’", "'")).strip("'-")
    return word if re.fullmatch(r"(?:[A-Z]\.)+", word) else word.rstrip(".")


def parse_day(date: str) -> int | None:
    """The day number (date.toordinal) of a full ISO date "YYYY-MM-DD..."; None for a
    partial date ("2020-02") or none: a month is too coarse to tell one event from the next."""
    try:
        return dt.date.fromisoformat(date[:10]).toordinal() if len(date) >= 10 else None
    except ValueError:
        return None


def find_article_terms(article: Article) -> ArticleTerms:
    """The cheap reading of ``article`` for grouping (see the module docstring)."""
    terms = find_term_counts(article.text)
    title = article.title if article.title != article.id else ""
    terms.update(find_term_counts(title, TITLE_WEIGHT))
    names = find_names(article.text)
    for name, count in names.items():
        if " " in name:  # one-word names are already terms
            terms[NAME_PREFIX + name.lower()] += count
    digest = hashlib.blake2b(digest_size=10)
    for part in (article.outlet, article.date, title, article.text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    top_names = tuple(n for n, _ in names.most_common(SURFACE_NAMES))
    words = tuple(
        w
        for w in dict.fromkeys(
            _POSSESSIVE.sub("", t.replace("’", "'")) for t in _TOKEN_RE.findall(title)
        )
        if not w[0].isdigit() and w.lower() not in STOP_WORDS and len(w) > 1
    )[:SURFACE_WORDS]
    return ArticleTerms(
        article_id=article.id,
        outlet=article.outlet,
        title=article.title,
        date=article.date,
        day=parse_day(article.date),
        key=digest.hexdigest(),
        terms=dict(terms),
        names=top_names,
        words=words,
    )


def background_share(term: str) -> float:
    """The share (0..1) of ordinary English articles that use ``term`` (a stem; names and
    numbers count as rare: 0)."""
    return english_share(term, BACKGROUND_WORDS)


def count_document_frequencies(articles: Iterable[ArticleTerms]) -> Counter[str]:
    """How many of ``articles`` use each term (the corpus counts ``score_term_weights`` takes)."""
    frequencies: Counter[str] = Counter()
    for article in articles:
        frequencies.update(article.terms.keys())
    return frequencies


def score_term_weights(
    terms: Mapping[str, float], frequencies: Mapping[str, int], documents: int, keep: int
) -> dict[str, float]:
    """The ``keep`` heaviest terms of one article as a unit-length vector: weight =
    (1 + ln count) * ln((documents + B) / (frequency + B * background share + 1)), with B =
    BACKGROUND_DOCUMENTS, so a term that every article and ordinary English use weighs
    about 0, and a term of this article alone the most. Keeping a fixed number of terms
    makes a long article and a short one alike: both are their ``keep`` most telling terms,
    so the similarity of two long articles is not raised by the many common words they share.
    Ties break by the term, so the result never depends on the order of ``terms``."""
    weights = {}
    total = documents + BACKGROUND_DOCUMENTS
    for term, count in terms.items():
        expected = frequencies.get(term, 0) + BACKGROUND_DOCUMENTS * background_share(term)
        idf = math.log(total / (expected + 1))
        if idf > 0 and count > 0:
            weights[term] = (1 + math.log(count)) * idf
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: w / norm for term, w in top}
