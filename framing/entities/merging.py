"""Merging a story's names into entities: spelling variants, a surname with its full name,
an acronym with its expansion; people whose given names differ stay apart."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from framing.entities.names import _spelled
from framing.entities.spelling import _edit_distance, _fold, _spelling_variants, _surname_key
from framing.entities.tokens import _Tok, _tok
from framing.entities.words import DEMONYM_SUFFIXES, NAME_PARTICLES, ORG_HEADS
from framing.text import (
    find_words,
)
from framing.wordlists import (
    FUNCTION_WORDS,
)

# Names this long may differ in three letters (20 % of the length) and still be one name.
LONG_NAME = 15


def _deletions(key: str, depth: int) -> set[str]:
    """``key`` with up to ``depth`` letters deleted."""
    found, frontier = {key}, {key}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _variant_pairs(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of distinct surname keys that are spelling variants. Two strings within edit
    distance 2 share a string made by deleting at most two letters from each, so only keys
    sharing such a deletion are compared (long names, which may differ more, against all)."""
    keys = sorted(k for k in set(keys) if len(k) >= 5)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for variant in _deletions(key, 2):
            groups[variant].append(key)
    candidates = {(a, b) for group in groups.values() for a, b in itertools.combinations(group, 2)}
    candidates |= {
        tuple(sorted((a, b))) for a in keys if len(a) >= LONG_NAME for b in keys if a != b
    }
    return sorted(pair for pair in candidates if _spelling_variants(*pair))


def _name_pairs(names: Sequence[_Name]) -> list[tuple[_Name, _Name]]:
    """Pairs of names whose surnames are equal or spelling variants of each other."""
    by_surname: dict[str, list[_Name]] = defaultdict(list)
    for name in names:
        by_surname[name.surname].append(name)
    pairs = [pair for group in by_surname.values() for pair in itertools.combinations(group, 2)]
    for key_a, key_b in _variant_pairs(by_surname):
        pairs.extend((a, b) for a in by_surname[key_a] for b in by_surname[key_b])
    return pairs


def _given_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Can two given-name lists belong to one person? Missing, equal, initial or a close
    spelling counts; 'Raul' and 'Fidel' do not."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if x == y or set(a) <= set(b) or set(b) <= set(a):
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return min(len(x), len(y)) >= 4 and _edit_distance(x, y) <= 1


@dataclass
class _Name:
    """One distinct name string of the story (all its mentions share a cluster)."""

    key: str
    words: tuple[str, ...]
    count: int = 0
    actor: str | None = None
    acronym: bool = False
    person: bool = False

    @property
    def surname(self) -> str:
        return _surname_key(self.words[-1])

    @property
    def given(self) -> tuple[str, ...]:
        return tuple(_fold(w) for w in self.words[:-1] if w.lower() not in NAME_PARTICLES)


class _Clusters:
    """Union-find over name keys that never joins two lexicon actors or two people whose
    given names conflict."""

    def __init__(self, names: dict[str, _Name]) -> None:
        self.names = names
        self.parent = {k: k for k in names}
        self.members = {k: [k] for k in names}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def actor(self, root: str) -> str | None:
        return next((self.names[m].actor for m in self.members[root] if self.names[m].actor), None)

    def can_join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        actor_a, actor_b = self.actor(ra), self.actor(rb)
        if actor_a and actor_b and actor_a != actor_b:
            return False
        people_a = [self.names[m] for m in self.members[ra] if self.names[m].person]
        people_b = [self.names[m] for m in self.members[rb] if self.names[m].person]
        return all(_given_compatible(x.given, y.given) for x in people_a for y in people_b)

    def join(self, a: str, b: str) -> bool:
        if not self.can_join(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra].extend(self.members.pop(rb))
        return True


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(text[a:b] for a, b in find_words(text))


def _is_person_like(words: Sequence[str], lower_seen: frozenset[str]) -> bool:
    lows = [w.lower() for w in words]
    return (
        2 <= len(words) <= 5
        and not any(w in ORG_HEADS or w in FUNCTION_WORDS for w in lows)
        and lows[-1] not in lower_seen
        and not all(w.isupper() for w in words)
    )


def _merge_names(
    names: dict[str, _Name], expansions: Iterable[tuple[str, str]], lower_seen: frozenset[str]
) -> _Clusters:
    """Cluster the story's name strings: lexicon actors, full names sharing a surname,
    spelling variants, acronyms and their expansions. Lone surnames are left to
    :func:`_resolve_singles` when several people share them."""
    clusters = _Clusters(names)
    by_actor: dict[str, list[str]] = defaultdict(list)
    for key, name in names.items():
        if name.actor:
            by_actor[name.actor].append(key)
    for keys in by_actor.values():
        for other in keys[1:]:
            clusters.join(keys[0], other)
    index = _PeopleIndex(names)
    for a, b in _name_pairs([n for n in names.values() if n.person]):
        clusters.join(a.key, b.key)
    singles = [n for n in names.values() if len(n.words) == 1 and not n.acronym]
    for single in singles:
        if clusters.find(single.key) != single.key or single.words[0].lower() in lower_seen:
            continue
        roots = _single_candidates(clusters, single, index)
        if len(roots) == 1:
            clusters.join(roots[0], single.key)
    for a, b in _name_pairs(singles):
        if not _single_candidates(clusters, a, index) and not _single_candidates(
            clusters, b, index
        ):
            clusters.join(a.key, b.key)
    for acronym_key, expansion_key in expansions:
        if acronym_key in names and expansion_key in names:
            clusters.join(expansion_key, acronym_key)
    multi = [n for n in names.values() if len(n.words) >= 2]
    for name in multi:
        # "Libyan Government of National Accord" is the "Government of National Accord".
        rest = _fold(" ".join(name.words[1:]))
        if len(name.words) > 2 and rest in names and name.words[0].endswith(DEMONYM_SUFFIXES):
            clusters.join(rest, name.key)
    acronyms = {name.key for name in names.values() if name.acronym}
    prefixes = frozenset(key[:i] for key in acronyms for i in range(len(key) + 1))
    spellers: dict[str, list[_Name]] = defaultdict(list)  # acronym key -> names spelling it
    for m in multi:
        toks = [_word_tok(w) for w in m.words]
        for letters in _spelled(toks, prefixes) & acronyms:
            if toks[0].low[:1] == letters[:1]:
                spellers[letters].append(m)
    for name in names.values():
        if not name.acronym or clusters.actor(clusters.find(name.key)):
            continue
        fits = {clusters.find(m.key) for m in spellers.get(name.key, ())}
        if len(fits) == 1:
            clusters.join(fits.pop(), name.key)
    return clusters


def _word_tok(word: str) -> _Tok:
    return _tok(0, len(word), word, " ", False, False)


class _PeopleIndex:
    """The story's person names indexed so a lone name is compared with few candidates: by
    surname deletion neighbourhood (see _variant_pairs) and by first word."""

    def __init__(self, names: dict[str, _Name]) -> None:
        self.by_surname: dict[str, list[_Name]] = defaultdict(list)
        self.by_first: dict[str, list[_Name]] = defaultdict(list)
        self.by_deletion: dict[str, set[str]] = defaultdict(set)
        for name in names.values():
            if name.person:
                self.by_surname[name.surname].append(name)
                self.by_first[_fold(name.words[0])].append(name)
        self.long = [k for k in self.by_surname if len(k) >= LONG_NAME]
        for key in self.by_surname:
            for variant in _deletions(key, 2):
                self.by_deletion[variant].add(key)

    def surname_matches(self, key: str) -> list[_Name]:
        """Person names whose surname is ``key`` or a spelling variant of it."""
        near = {k for variant in _deletions(key, 2) for k in self.by_deletion.get(variant, ())}
        near.update(self.long)
        return [
            name for k in sorted(near) if _spelling_variants(k, key) for name in self.by_surname[k]
        ]


def _single_candidates(clusters: _Clusters, single: _Name, index: _PeopleIndex) -> list[str]:
    """Clusters a lone name may stand for: people whose surname is (a spelling of) it,
    else people whose name starts with it ('Kim' for 'Kim Jong Un')."""
    key = single.surname
    by_surname, by_first = set(), set()
    for name in index.surname_matches(key):
        if name.key != single.key:
            by_surname.add(clusters.find(name.key))
    if not single.words[0].endswith(("an", "ish", "ese")):  # not 'Turkish' for 'Turkish Recep'
        for name in index.by_first.get(key, ()):
            if name.key != single.key and not _spelling_variants(name.surname, key):
                by_first.add(clusters.find(name.key))
    by_surname.discard(clusters.find(single.key))
    by_first.discard(clusters.find(single.key))
    return sorted(by_surname or by_first)
