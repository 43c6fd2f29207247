"""Entity mentions of a story, the entity table (one row per entity and article, typed by
spaCy's named-entity tags) and the entities that stand in as actors when no lexicon
names any."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc

from framing.entities.story import StoryScan, _assemble
from framing.models import Actor, Article, Lexicon


@dataclass(frozen=True)
class EntityMention:
    """A name in an article and the entity it was merged into.

    ``start``/``end`` cover the name only (titles and a possessive 's are left out);
    ``kind`` is "name", "title+name" (a title or rank came before it), "acronym",
    "expansion" (the words an acronym in brackets stands for) or "lexicon" (found only by
    a story-lexicon alias).
    """

    article_id: str
    start: int
    end: int
    text: str
    entity: str
    kind: str


def find_entity_mentions(article: Article, lexicon: Lexicon | None = None) -> list[EntityMention]:
    """Names of people, organisations and places in ``article`` with the entity each one
    was merged into (aliases merged within this article only; a story lexicon's actor
    aliases fix the entity id). Sorted by position."""
    return find_story_mentions([article], lexicon)


def find_story_mentions(
    articles: Sequence[Article], lexicon: Lexicon | None = None, docs: Sequence[Doc] | None = None
) -> list[EntityMention]:
    """Entity mentions of every article, aliases merged across the whole story (the same
    entity ids :func:`find_labels` gives). Sorted by article, then position. ``docs``:
    each article's parse, to keep only entities the named-entity recogniser supports
    (:func:`scan_story`)."""
    story = _assemble(articles, lexicon, docs=docs)
    ordered = sorted(
        zip(story.occurrences, story.entity_of, strict=True),
        key=lambda pair: (pair[0].article, pair[0].start, pair[0].end),
    )
    mentions = []
    for occ, entity in ordered:
        article = story.scans[occ.article].article
        text = article.text[occ.start : occ.end]
        mentions.append(EntityMention(article.id, occ.start, occ.end, text, entity, occ.kind))
    return mentions


ENTITY_COLUMNS = ["entity", "name", "type", "aliases", "article_id", "outlet", "mentions"]


# spaCy's named-entity labels (OntoNotes) -> the entity types Slant reports.
ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


def _ner_spans(doc: Doc) -> tuple[list[int], list[tuple[int, int, str]]]:
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return [s[0] for s in spans], spans


def _ner_label(index: tuple[list[int], list[tuple[int, int, str]]], start: int, end: int) -> str:
    """The label of the named entity that overlaps [start, end) the most, else ""."""
    starts, spans = index
    best, best_overlap = "", 0
    for s, e, label in spans[max(0, bisect.bisect_right(starts, start) - 1) :]:
        if s >= end:
            break
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = label, overlap
    return best


def _entity_type(votes: Counter[str]) -> str:
    """The type most of an entity's tagged mentions have; "unknown" when none is tagged."""
    types: Counter[str] = Counter()
    for label, n in votes.items():
        if label:
            types[ENTITY_TYPES.get(label, "other")] += n
    return max(types, key=lambda t: (types[t], t != "other", t)) if types else "unknown"


def build_entity_table(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    lexicon: Lexicon | None = None,
    scan: StoryScan | None = None,
) -> pd.DataFrame:
    """One row per entity and article that names it (ENTITY_COLUMNS): the entity id, its
    display name, its type, the spellings this article uses ("; "), the article, its
    outlet and how many times it names the entity.

    The type is what spaCy's named-entity recogniser (``docs``: each article's parse, from
    its reading) calls most of the entity's mentions across the story: person,
    organisation, place, group (a nationality, religion or party) or other; "unknown"
    when it tags none of them. Rows run from the most-mentioned entity of the story down.
    """
    story = _assemble(articles, lexicon, scan, docs)
    indexes = [_ner_spans(doc) for doc in docs]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    per_article: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    for occ, entity in zip(story.occurrences, story.entity_of, strict=True):
        votes[entity][_ner_label(indexes[occ.article], occ.start, occ.end)] += 1
        text = " ".join(articles[occ.article].text[occ.start : occ.end].split())
        per_article[(entity, occ.article)][text] += 1
    totals = {entity: sum(v.values()) for entity, v in votes.items()}
    rows = [
        {
            "entity": entity,
            "name": story.entity_names.get(entity, entity),
            "type": _entity_type(votes[entity]),
            "aliases": "; ".join(sorted(spellings, key=lambda t: (-spellings[t], t))),
            "article_id": articles[ai].id,
            "outlet": articles[ai].outlet,
            "mentions": spellings.total(),
        }
        for (entity, ai), spellings in sorted(
            per_article.items(), key=lambda item: (-totals[item[0][0]], item[0][0], item[0][1])
        )
    ]
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def find_discovered_actors(
    articles: Sequence[Article], min_mentions: int = 2, scan: StoryScan | None = None
) -> tuple[Actor, ...]:
    """Entities found in the text alone, as lexicon actors (id, display name, the spellings
    the story uses as aliases), for stories whose lexicons name no actor. Entities
    mentioned fewer than ``min_mentions`` times in the whole story are left out.
    ``scan``: :func:`scan_story` of the same ``articles``, when one is at hand."""
    story = _assemble(articles, None, scan)
    aliases: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for occ, entity in zip(story.occurrences, story.entity_of, strict=True):
        text = story.scans[occ.article].article.text[occ.start : occ.end]
        aliases[entity].add(text)
        counts[entity] += 1
    return tuple(
        Actor(entity, story.entity_names.get(entity, entity), tuple(sorted(aliases[entity])))
        for entity, n in counts.most_common()
        if n >= min_mentions
    )
