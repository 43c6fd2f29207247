"""A story read once for entities: each article scanned, its name occurrences collected,
merged across the story, and a lone surname several people share given to one of them."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from framing.entities.gender import _story_genders, _title_genders
from framing.entities.merging import (
    _Clusters,
    _is_person_like,
    _merge_names,
    _Name,
    _name_words,
    _PeopleIndex,
    _single_candidates,
    _word_tok,
)
from framing.entities.names import _Run, _Scan, _scan, _split_compounds, _Vocabulary, _vocabulary
from framing.entities.spelling import _fold
from framing.entities.tokens import _is_title, _tokens
from framing.entities.words import DEMONYM_SUFFIXES, FIRST_SPOUSE, KIN_NOUNS, ORG_HEADS
from framing.models import Article, Lexicon, Sentence
from framing.terms import ArticleMatches, find_lexicon_matches
from framing.text import (
    slugify,
    split_sentences,
    tokenize,
)


@dataclass(frozen=True)
class _Occurrence:
    article: int
    sent: int  # sentence index in the article
    start: int
    end: int
    key: str
    kind: str
    run: tuple[int, int] | None  # (sentence, run index) for rule-found names


@dataclass
class _Story:
    scans: Sequence[_Scan]
    occurrences: list[_Occurrence]
    entity_of: list[str]  # entity id per occurrence
    entity_names: dict[str, str]
    lexicon_matches: list[ArticleMatches]


def _run_name(scan: _Scan, si: int, run: _Run, label_words: frozenset[str]) -> tuple[int, int]:
    """Token range of the name in ``run``, leading descriptor words such as a nationality
    ('Turkish Recep Tayyip Erdogan') dropped when the story uses them in labels."""
    toks = scan.tokens[si]
    lo = run.name_lo
    lows = [t.low for t in toks[lo : run.hi]]
    if not any(w in ORG_HEADS for w in lows):
        while lo < run.hi - 1 and toks[lo].low in label_words:
            remaining = run.hi - lo - 1
            if remaining >= 2 or toks[lo].low.endswith(DEMONYM_SUFFIXES):
                lo += 1
            else:
                break
    return lo, run.hi


class _NameTable(dict[str, _Name]):
    """The story's distinct name strings by folded key."""

    def __init__(self, lower_seen: frozenset[str]) -> None:
        super().__init__()
        self.lower_seen = lower_seen

    def add(self, words: Sequence[str], actor: str | None = None) -> str:
        key = _fold(" ".join(words))
        name = self.get(key)
        if name is None:
            name = _Name(key, tuple(words))
            name.acronym = len(words) == 1 and _word_tok(words[0]).acronym
            name.person = _is_person_like(words, self.lower_seen)
            self[key] = name
        if len(words) > len(name.words):
            name.words = tuple(words)
        name.actor = name.actor or actor
        return key


def _label_words(scans: Sequence[_Scan]) -> frozenset[str]:
    """Capitalised non-title words the story writes in title parts ('Turkish', 'Libyan')."""
    return frozenset(
        t.low
        for scan in scans
        for si, runs in enumerate(scan.runs)
        for run in runs
        for t in scan.tokens[si][run.lo : run.name_lo]
        if t.cap and not _is_title(t)
    )


def _occurrences(
    scans: Sequence[_Scan],
    label_words: frozenset[str],
    matches: Sequence[ArticleMatches],
    names: _NameTable,
) -> tuple[list[_Occurrence], list[tuple[str, str]]]:
    """Every name occurrence of the story (rule-found, acronym expansions, lexicon aliases
    the rules missed), and the (acronym, expansion) key pairs seen in brackets."""
    occurrences: list[_Occurrence] = []
    expansion_pairs: list[tuple[str, str]] = []
    for ai, (scan, match) in enumerate(zip(scans, matches, strict=True)):
        text = scan.article.text
        covered: list[tuple[int, int]] = []
        alias_starts = [m[0] for m in match.mentions]
        for si, runs in enumerate(scan.runs):
            toks = scan.tokens[si]
            for ri, run in enumerate(runs):
                if run.name_lo == run.hi:
                    continue
                lo, hi = _run_name(scan, si, run, label_words)
                start, end = toks[lo].start, toks[hi - 1].end
                actor = _overlapping_actor(match.mentions, alias_starts, start, end)
                key = names.add([t.text for t in toks[lo:hi]], actor)
                names[key].count += 1
                if run.name_lo > run.lo:
                    kind = "title+name"
                else:
                    kind = "acronym" if names[key].acronym else "name"
                occurrences.append(_Occurrence(ai, si, start, end, key, kind, (si, ri)))
                covered.append((start, end))
        for start, end, acronym in scan.expansions:
            key = names.add(_name_words(text[start:end]))
            names[key].count += 1
            expansion_pairs.append((_fold(acronym), key))
            if not any(a <= start and end <= b for a, b in covered):
                sent = _sentence_at(scan, start)
                occurrences.append(_Occurrence(ai, sent, start, end, key, "expansion", None))
        for start, end, actor in match.mentions:
            if not any(a < end and start < b for a, b in covered):
                key = names.add(_name_words(text[start:end]), actor)
                sent = _sentence_at(scan, start)
                occurrences.append(_Occurrence(ai, sent, start, end, key, "lexicon", None))
    return occurrences, expansion_pairs


_Entities = tuple[list[_Occurrence], list[str], dict[str, str]]  # see _Story


_NO_MATCHES = ArticleMatches((), ())


@dataclass(frozen=True, eq=False)
class StoryScan:
    """A story's articles read once for entity discovery (sentences, name runs, label
    candidates, how the story writes each word). It needs no lexicon, so one scan serves
    every entity function called on the same articles; build it with :func:`scan_story`."""

    articles: tuple[Article, ...]
    scans: tuple[_Scan, ...]
    vocab: _Vocabulary
    label_words: frozenset[str]
    # Each article's parse, when the scan was made with them.
    docs: tuple[Doc, ...] | None = None
    # The last lexicon's assembled story: the labels and the entity table of one analysis
    # ask for the same one, and merging is the costly step.
    _last: list[tuple[Lexicon, _Story]] = field(default_factory=list, repr=False)

    @functools.cached_property
    def _plain_entities(self) -> _Entities:
        """The entities of a lexicon that names no actor: it has no aliases to match and no
        actor ids to give, so they are the same for every such lexicon."""
        return _merge_entities(self, Lexicon(), [_NO_MATCHES] * len(self.articles))


def scan_story(
    articles: Sequence[Article],
    sentences: Sequence[Sequence[Sentence]] | None = None,
    docs: Sequence[Doc] | None = None,
) -> StoryScan:
    """Read ``articles`` (one story) for :func:`find_labels` and
    :func:`find_discovered_actors`; pass the scan to both to read the text only once.
    ``sentences``: each article's sentences, when its reading has them. ``docs``: each
    article's parse; with them an entity is kept only when spaCy's named-entity
    recogniser tags at least one of its mentions in the story as a name (a person,
    organisation, place, group, work, law, event or product) or one of them reads as a
    person's full name ("Ana Ruiz", which the recogniser may miss), so capitalised words
    in a quoted tweet ("NO COLLUSION", "Witch Hunt") or a party-and-state tag ("R-Va.")
    are no actors; a story lexicon's actors are always kept."""
    if sentences is None:
        sentences = [split_sentences(a.text) for a in articles]
    tokens = [
        [_tokens(a.text, s) for s in sents] for a, sents in zip(articles, sentences, strict=True)
    ]
    vocab = _vocabulary([sentence for article in tokens for sentence in article])
    tokens = [[_split_compounds(sentence, vocab) for sentence in article] for article in tokens]
    scans = tuple(_scan(*parts, vocab) for parts in zip(articles, sentences, tokens, strict=True))
    parses = None if docs is None else tuple(docs)
    return StoryScan(tuple(articles), scans, vocab, _label_words(scans), parses)


# spaCy's named-entity labels (OntoNotes) for names, as opposed to dates and numbers.
NAME_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)


# "the Witch Hunt": a person's name takes no article.
ARTICLE_BEFORE_RE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)


def _tagged_names(doc: Doc) -> tuple[tuple[int, int], ...]:
    return tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS)


def _is_tagged(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Does a tagged name (``spans``, sorted) overlap [start, end)?"""
    k = bisect.bisect_left(spans, (end, end)) - 1
    while k >= 0 and spans[k][1] > start - 200:  # no name is longer than 200 characters
        if spans[k][0] < end and start < spans[k][1]:
            return True
        k -= 1
    return False


def _assemble(
    articles: Sequence[Article],
    lexicon: Lexicon | None,
    scan: StoryScan | None = None,
    docs: Sequence[Doc] | None = None,
) -> _Story:
    """Scan every article (unless ``scan`` already did; with ``docs``, their parses),
    merge the story's names into entities; a scan keeps the story of the last lexicon it
    was assembled with."""
    if scan is None:
        scan = scan_story(articles, docs=docs)
    elif scan.articles != tuple(articles):
        raise ValueError("the scan was made from other articles")
    lexicon = lexicon or Lexicon()
    if scan._last and scan._last[0][0] is lexicon:
        return scan._last[0][1]
    matches = [find_lexicon_matches(a.text, lexicon) for a in articles]
    if lexicon.actors:
        entities = _merge_entities(scan, lexicon, matches)
    else:
        entities = scan._plain_entities
    story = _Story(scan.scans, *entities, matches)
    scan._last[:] = [(lexicon, story)]
    return story


def _merge_entities(
    scan: StoryScan, lexicon: Lexicon, matches: Sequence[ArticleMatches]
) -> _Entities:
    """The story's name occurrences, the entity of each, and entity id -> display name."""
    names = _NameTable(scan.vocab.lower)
    for actor in lexicon.actors:
        for alias in (actor.name, *actor.aliases):
            if _fold(alias):
                names.add(_name_words(alias), actor.id)
    occurrences, expansion_pairs = _occurrences(scan.scans, scan.label_words, matches, names)
    clusters = _merge_names(names, expansion_pairs, scan.vocab.lower)
    entity_ids = _entity_ids(clusters, lexicon)
    kin = frozenset(clusters.find(key) for key in _relatives(scan.scans, occurrences))
    places = [(o.article, o.run, o.start, o.end, clusters.find(o.key)) for o in occurrences]
    full = [len(clusters.names[o.key].words) > 1 for o in occurrences]
    genders = _story_genders(scan.scans, places, full, scan.docs)
    titles = _title_genders(scan.scans, places)
    entity_names = {
        entity_ids[root]: name for root, name in _display_names(clusters, lexicon).items()
    }
    entity_of = _resolve_singles(
        clusters, entity_ids, occurrences, kin, _Genders(genders, titles), entity_names
    )
    if scan.docs is None:
        return occurrences, entity_of, entity_names
    tagged = [_tagged_names(doc) for doc in scan.docs]
    kept = {a.id for a in lexicon.actors} | {
        entity
        for occ, entity in zip(occurrences, entity_of, strict=True)
        if _is_tagged(tagged[occ.article], occ.start, occ.end)
        or names[occ.key].person
        and not ARTICLE_BEFORE_RE.search(
            scan.articles[occ.article].text, max(0, occ.start - 8), occ.start
        )
    }
    pairs = [(o, e) for o, e in zip(occurrences, entity_of, strict=True) if e in kept]
    names_kept = {e: n for e, n in entity_names.items() if e in kept}
    return [o for o, _ in pairs], [e for _, e in pairs], names_kept


def _relatives(scans: Sequence[_Scan], occurrences: Sequence[_Occurrence]) -> set[str]:
    """Name keys a label introduces as someone's relative ('his son, Seth Hutchinson',
    "Trump's son, Donald Trump Jr.", 'first lady Melania Trump')."""
    runs = set()
    for ai, scan in enumerate(scans):
        for found in scan.found:
            words = tokenize(scan.article.text[found.start : found.end])
            if words and (words[-1] in KIN_NOUNS or words[-2:] in FIRST_SPOUSE):
                runs.add((ai, found.run))
    return {o.key for o in occurrences if (o.article, o.run) in runs}


def _sentence_at(scan: _Scan, offset: int) -> int:
    starts = [s.start for s in scan.sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _overlapping_actor(
    mentions: Sequence[tuple[int, int, str]], starts: Sequence[int], start: int, end: int
) -> str | None:
    """The lexicon actor whose alias match overlaps [start, end) most (``mentions`` sorted
    and non-overlapping, ``starts`` their start offsets). A name covering less than half
    of an alias is not that actor: "Libya" in "UN Support Mission in Libya" is the country,
    "Haftar" in "Haftar forces" the man."""
    best, best_overlap = None, 0
    k = bisect.bisect_left(starts, end) - 1
    while k >= 0 and mentions[k][1] > start:
        a, b, actor = mentions[k]
        overlap = min(b, end) - max(a, start)
        if overlap > best_overlap and 2 * overlap >= b - a:
            best, best_overlap = actor, overlap
        k -= 1
    return best


def _display_names(clusters: _Clusters, lexicon: Lexicon) -> dict[str, str]:
    """Per cluster root: the lexicon actor's name, else the longest, most frequent name
    the story uses (an acronym only when nothing spells it out)."""
    result = {}
    for root, members in clusters.members.items():
        actor = lexicon.actor(clusters.actor(root) or "")
        if actor is not None:
            result[root] = actor.name
            continue
        names = [clusters.names[m] for m in members]
        best = max(names, key=lambda n: (not n.acronym, len(n.words), n.count, n.key))
        result[root] = " ".join(best.words)
    return result


def _entity_ids(clusters: _Clusters, lexicon: Lexicon) -> dict[str, str]:
    """Lexicon actor id, else a slug of the display name ('khalifa-haftar')."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    display = _display_names(clusters, lexicon)
    for root in sorted(clusters.members):
        actor = clusters.actor(root)
        base = actor or slugify(display[root], "entity")
        candidate, n = base, 2
        while candidate in used and not actor:
            candidate, n = f"{base}-{n}", n + 1
        ids[root] = candidate
        used.add(candidate)
    return ids


@dataclass(frozen=True)
class _Genders:
    """What the story says of its people's genders: cluster root -> 'm'/'f'
    (gender._story_genders), and the gender of the title before each occurrence."""

    of_cluster: dict[str, str]
    of_title: list[str]

    def clash(self, root: str, k: int) -> bool:
        """Does occurrence ``k``'s title ("Mr.") contradict cluster ``root``'s gender?"""
        title = self.of_title[k]
        return bool(title) and self.of_cluster.get(root, title) != title


def _resolve_singles(
    clusters: _Clusters,
    entity_ids: dict[str, str],
    occurrences: Sequence[_Occurrence],
    kin: frozenset[str],
    genders: _Genders,
    entity_names: dict[str, str],
) -> list[str]:
    """Entity of each occurrence. A lone surname several people share ('Castro' after
    'Fidel Castro' and 'Raul Castro') goes to the one named earlier in the same sentence,
    else to the one the story names in full most often, else, among those named equally
    often, to the only one not introduced as someone's relative (``kin``: cluster roots;
    'his son, Seth Hutchinson' does not take the governor's 'Hutchinson'), else to the
    one named most recently before it in the article; otherwise it stays an entity of
    its own. A person whose gender the story tells (``genders``) never takes a surname
    titled for the other ("Mr. Conway" is not the Kellyanne Conway it calls "she"): such
    a surname stands for somebody of its own, added to ``entity_names``."""
    full = [(o, clusters.find(o.key)) for o in occurrences if len(clusters.names[o.key].words) > 1]
    full_counts = Counter(root for _, root in full)
    full_by_article: dict[int, list[tuple[_Occurrence, str]]] = defaultdict(list)
    for o, r in full:
        full_by_article[o.article].append((o, r))
    index = _PeopleIndex(clusters.names)
    candidates_of: dict[str, set[str]] = {}
    result = []
    apart: dict[tuple[str, str], str] = {}  # (surname key, title gender) -> entity id
    for k, occ in enumerate(occurrences):
        name = clusters.names[occ.key]
        root = clusters.find(occ.key)
        single = len(name.words) == 1 and not name.acronym
        if single and genders.clash(root, k) and len(clusters.members[root]) > 1:
            result.append(_apart_id(apart, name, genders.of_title[k], entity_ids, entity_names))
            continue
        if not single or len(clusters.members[root]) > 1:
            result.append(entity_ids[root])
            continue
        if occ.key not in candidates_of:
            candidates_of[occ.key] = set(_single_candidates(clusters, name, index))
        candidates = {r for r in candidates_of[occ.key] if not genders.clash(r, k)}
        before = [
            (o.sent, r)
            for o, r in full_by_article[occ.article]
            if r in candidates and o.start < occ.start
        ]
        counts = sorted((full_counts[r] for r in candidates), reverse=True)
        tied = [r for r in sorted(candidates) if counts and full_counts[r] == counts[0]]
        not_kin = [r for r in tied if r not in kin]
        if before and before[-1][0] == occ.sent:
            chosen = before[-1][1]
        elif len(tied) == 1:
            chosen = tied[0]
        elif len(not_kin) == 1:
            chosen = not_kin[0]
        else:
            chosen = before[-1][1] if before else root
        result.append(entity_ids[chosen])
    return result


def _apart_id(
    apart: dict[tuple[str, str], str],
    name: _Name,
    gender: str,
    entity_ids: dict[str, str],
    entity_names: dict[str, str],
) -> str:
    """The entity of a titled surname that none of the people who share it can be."""
    key = (name.key, gender)
    if key not in apart:
        base = slugify(" ".join(name.words), "entity")
        candidate, n = base, 2
        while candidate in entity_names or candidate in entity_ids.values():
            candidate, n = f"{base}-{n}", n + 1
        apart[key] = candidate
        entity_names[candidate] = " ".join(name.words)
    return apart[key]
