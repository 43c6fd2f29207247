"""Plain, frozen data records shared by every part of the framing library.

All character offsets (start, end) are end-exclusive and point into ``Article.text``
(the cleaned text) unless a field says it points into ``Article.raw_text``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Removal:
    """A piece of page furniture that cleaning took out of the raw text."""

    start: int  # offset into Article.raw_text
    end: int
    text: str
    reason: str  # e.g. "embedded video id", "donation amounts", "repeated headline"


@dataclass(frozen=True)
class Article:
    """One news text. ``text`` is the cleaned text every score is computed on."""

    id: str
    outlet: str
    title: str
    date: str  # ISO date, possibly partial ("2020-02"), or "" when unknown
    url: str
    text: str
    raw_text: str
    language: str = "en"
    removals: tuple[Removal, ...] = ()
    source: str = ""  # file the article came from (path or "path:line")
    outlet_note: str = (
        ""  # how the outlet label was arrived at, e.g. "inferred from page furniture"
    )


@dataclass(frozen=True)
class LoadProblem:
    """An input that could not be loaded, or a note on one that was (a renamed id, a date
    left empty); the message names the problem in plain words."""

    file: str
    message: str
    line: int | None = None
    skipped: int = 1  # the rows or files it left out: 0 for a note

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class PartSummary:
    """One scored chunk of a bulk file streamed by framing.batch, as its part file says."""

    index: int  # the chunk's place in the file: 0, 1, 2, ...
    articles: int  # rows of scores it holds
    skipped: tuple[LoadProblem, ...] = ()  # its rows skipped, renamed or noted, in file order


@dataclass(frozen=True)
class Story:
    """Several articles about one event, plus the lexicons that score them."""

    slug: str
    title: str
    description: str
    articles: tuple[Article, ...]
    lexicons: tuple[str, ...] = ()  # lexicon names or file paths, resolved by lexicon.py
    skipped: tuple[LoadProblem, ...] = ()  # inputs that were not loaded, and why
    folder: str = ""  # where the story was loaded from, "" for in-memory stories


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted speech. start/end include the quote marks; speaker is an actor id or name."""

    start: int
    end: int
    speaker: str | None = None
    closed: bool = True  # False when the quote ran to the end of its paragraph


@dataclass(frozen=True)
class LexiconEntry:
    """One loaded-language or label entry. ``forms`` are the surface forms that match."""

    term: str
    forms: tuple[str, ...]
    category: str
    valence: int  # -2..+2 toward the target: negative = unfavourable
    note: str
    lexicon: str  # lexicon name the entry came from
    actor: str | None = None  # story labels: the actor the label names
    row: int = 0  # row in the source file, for error messages and the Lexicon page


@dataclass(frozen=True)
class Actor:
    """An actor of a story lexicon: canonical id, display name, aliases, optional camp."""

    id: str
    name: str
    aliases: tuple[str, ...]
    camp: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Lexicon:
    """Merged lexicons: loaded-term entries, actors, and the camps in file order."""

    entries: tuple[LexiconEntry, ...] = ()
    actors: tuple[Actor, ...] = ()
    camps: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # the lexicon names/files that were merged
    versions: tuple[str, ...] = ()  # "name@sha8" of each merged lexicon's text

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


@dataclass(frozen=True)
class Entity:
    """A story-wide actor: a person, organisation, place or group, with the names the
    story's articles use for it. ``id`` is the story lexicon's actor id when a lexicon
    defines it, else a slug of its name."""

    id: str
    name: str
    type: str  # "person", "organization", "place", "group" (nationality, party, ...)
    aliases: tuple[str, ...] = ()
    camp: str | None = None


@dataclass(frozen=True)
class Mention:
    """A place where an article refers to an entity (``actor``: the entity id).

    ``how`` says how it refers: "name" (a name or alias), "title" ("the governor"),
    "pronoun" ("he", resolved to the nearest compatible entity) or "description"
    ("the real estate tycoon", when the text makes the link clear)."""

    article_id: str
    actor: str
    start: int
    end: int
    text: str
    in_quote: bool
    how: str = "name"


@dataclass(frozen=True)
class Attribution:
    """Reported speech in one article: what was said (the content), the reporting words
    (the cue) and who said it (the source).

    ``start``/``end`` are the content: a direct quotation with its marks, or the reported
    clause of indirect speech ("that the talks failed"). ``cue`` is the reporting words
    ("said", "told", "according to"), ``source_*`` the shortest words naming the source
    in this article (at most six: "he", "the newspaper", "Mr. Steele"; "" and -1 when the
    text names none). ``speaker`` is the entity the source refers to, once resolved.
    """

    start: int
    end: int
    direct: bool
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    source_text: str = ""
    source_start: int = -1
    source_end: int = -1
    speaker: str | None = None

    @property
    def who(self) -> str | None:
        """Who speaks: the speaker's entity id, else the words naming the source."""
        return self.speaker or self.source_text or None


@dataclass(frozen=True)
class TermHit:
    """A lexicon term found in an article, with who it is aimed at and in whose voice."""

    article_id: str
    start: int
    end: int
    text: str
    term: str
    category: str
    target: str | None
    valence: int
    in_quote: bool
    speaker: str | None
    lexicon: str
    note: str = ""
    # Why it is a hit: "lexicon" (an entry of ``lexicon``), a rule of framing.loaded.rules
    # ("evaluative_adjective", "scare_quotes", ...), or "neutral_sense" for a lexicon
    # match that the context shows to be a neutral sense (listed, not counted; ``note``
    # says why).
    rule: str = "lexicon"


@dataclass(frozen=True)
class Label:
    """A descriptor an article attaches to an entity ("rebel leader" for Haftar)."""

    entity: str
    article_id: str
    outlet: str
    label: str
    start: int
    end: int
    in_quote: bool
    valence: int | None  # None when no lexicon knows the label
    speaker: str | None = None
    source: str = "lexicon"  # "lexicon" or the discovery rule that found it
