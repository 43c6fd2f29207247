"""Labels: the descriptors each article attaches to each entity (titles, appositives,
possessive modifiers, definite descriptions, story-lexicon forms), with their valence
and voice, and the label table that compares outlets."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import pandas as pd
from spacy.tokens import Doc

from framing.entities.merging import _name_words
from framing.entities.names import _Bare
from framing.entities.parsed import ParsedStory, _Raw
from framing.entities.story import StoryScan, _assemble, _Story
from framing.entities.words import (
    PREPOSITIONS,
    TITLE_EXPANSIONS,
    TITLE_PREMODIFIERS,
)
from framing.models import Article, Attribution, Label, Lexicon
from framing.terms import find_lexicon_matches
from framing.voices import find_speech


def _label_valence(text: str, entity: str, lexicon: Lexicon) -> int | None:
    """Valence of the longest lexicon form inside the label, the entity's own story labels
    first, then generic terms; None when no lexicon entry matches."""
    if not lexicon.entries:
        return None
    best = None
    for start, end, entry in find_lexicon_matches(text, lexicon).terms:
        if entry.actor not in (None, entity):
            continue
        rank = (entry.actor == entity, end - start)
        if best is None or rank > best[0]:
            best = (rank, entry.valence)
    return best[1] if best else None


# Head word -> entity -> the wordings (word sets) of the entity's labels with that head,
# each with how often the story uses it.
_KnownLabels = dict[str, dict[str, Counter[frozenset[str]]]]


def _resolve_bare(
    bare: _Bare,
    known: _KnownLabels,
    article_mentions: Sequence[tuple[int, str]],
    titled_here: frozenset[str] = frozenset(),
) -> str | None:
    """The entity a definite description stands for: one the article mentions whose known
    labels share its head word, those this article itself labels so first
    (``titled_here``: "the governor" is the article's "Gov. Asa Hutchinson", whatever
    other articles call Mike Pence), the closest label wording (Jaccard overlap) first,
    then the one mentioned most recently. 'the president' goes to the 'President Trump'
    of the story rather than to its 'French President Emmanuel Macron'. A description
    whose head word no mentioned entity has ("the former FBI chief") goes to the one
    entity whose labels hold all its other words ("former FBI Director James Comey")."""
    # Only the entities the article mentions are looked up: a long story gives a common
    # head word ('president') to many.
    head = TITLE_EXPANSIONS.get(bare.head, bare.head)
    wordings = known.get(head, {})
    mentioned = {e for _, e in article_mentions}
    words = _expanded(bare.words)
    scored = {
        entity: max(len(words & w) / len(words | w) for w in wordings[entity])
        for entity in mentioned
        if entity in wordings
    }
    if not scored:
        return _resolve_by_modifiers(words - {head}, known, mentioned)
    if here := {e: v for e, v in scored.items() if e in titled_here}:
        scored = here
    top = max(scored.values())
    candidates = {e for e, v in scored.items() if v == top}
    # Then the entity the story most often gives this head word ('President Trump' many
    # times over one 'President Macron'), then the one mentioned last.
    uses = Counter({e: wordings[e].total() for e in candidates})
    most = uses.most_common(2)
    if len(most) == 1 or most[0][1] > most[1][1]:
        return most[0][0]
    before = [e for start, e in article_mentions if start < bare.start and e in candidates]
    return before[-1] if before else None


def _resolve_by_modifiers(
    modifiers: frozenset[str], known: _KnownLabels, mentioned: set[str]
) -> str | None:
    """The one mentioned entity whose labels hold every modifier of a description, when a
    modifier says more than when or how high ('FBI', 'Japanese'; not 'former', 'top')."""
    if not modifiers - TITLE_PREMODIFIERS:
        return None
    fits = {
        entity
        for wordings in known.values()
        for entity, counts in wordings.items()
        if entity in mentioned and any(modifiers <= w for w in counts)
    }
    return fits.pop() if len(fits) == 1 else None


def _expanded(words: frozenset[str]) -> frozenset[str]:
    """Words with abbreviated titles written out ('gov' -> 'governor')."""
    return frozenset(TITLE_EXPANSIONS.get(w, w) for w in words)


def _head_word(tokens: Sequence[str]) -> str:
    """Last word before any preposition, written out: 'head of the Supreme Council' ->
    'head', 'Gov.' -> 'governor'."""
    head = tokens[-1]
    for word in tokens:
        if word in PREPOSITIONS:
            break
        head = word
    return TITLE_EXPANSIONS.get(head, head)


def _story_labels(
    story: _Story,
    lexicon: Lexicon,
    speech: Sequence[Sequence[Attribution]],
    docs: Sequence[Doc] | None,
) -> list[Label]:
    """Labels of every article: rule-found ones next to names and, given each article's
    parse (``docs``), predicate nominals; then definite descriptions resolved through
    them, then story-lexicon forms the rules missed. ``speech``: the attributions of each
    article, with speakers."""
    entity_of_run: dict[tuple[int, tuple[int, int]], str] = {}
    mentions_by_article: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for occ, entity in zip(story.occurrences, story.entity_of, strict=True):
        if occ.run is not None:
            entity_of_run[(occ.article, occ.run)] = entity
        mentions_by_article[occ.article].append((occ.start, entity))
    for article_mentions in mentions_by_article.values():
        article_mentions.sort()

    raw: list[_Raw] = []
    known: _KnownLabels = defaultdict(lambda: defaultdict(Counter))
    for ai, scan in enumerate(story.scans):
        for found in scan.found:
            entity = entity_of_run.get((ai, found.run))
            if entity is None:
                continue
            raw.append((ai, entity, found.start, found.end, found.source))
    parsed = ParsedStory(story, docs, speech) if docs else None
    if parsed is not None:
        raw.extend(_new_labels(raw, parsed.labels()))
    titled: dict[tuple[int, str], set[str]] = defaultdict(set)  # (article, head) -> entities
    for ai, entity, start, end, _ in raw:
        words = [w.lower() for w in _name_words(story.scans[ai].article.text[start:end])]
        if words:
            head = _head_word(words)
            known[head][entity][_expanded(frozenset(words))] += 1
            titled[(ai, head)].add(entity)
    for entry in lexicon.entries:
        if entry.actor:
            for form in entry.forms:
                words = [w.lower() for w in _name_words(form)]
                if words:
                    known[_head_word(words)][entry.actor][_expanded(frozenset(words))] += 1
    anchored: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for ai, _, start, end, _ in raw:
        anchored[ai].append((start, end))
    for ai, scan in enumerate(story.scans):
        for bare in scan.bare:
            if not bare.possessive and any(
                s < bare.end and bare.start < e for s, e in anchored[ai]
            ):
                continue  # "Comey, the F.B.I. director he ousted": an appositive already
            head = TITLE_EXPANSIONS.get(bare.head, bare.head)
            here = frozenset(titled.get((ai, head), ()))
            entity = _resolve_bare(bare, known, mentions_by_article[ai], here)
            source = "bare_reference"
            if entity is None and parsed is not None:
                entity, source = parsed.in_focus(ai, bare.start, bare.end), "focus"
            owner = POSSESSOR_RE.search(scan.article.text, max(0, bare.start - 8), bare.start)
            if owner and parsed and entity == parsed.entity_at_offset(ai, owner.start()):
                entity = None  # "his deputy" is not the man "his" stands for
            if entity is not None:
                raw.append((ai, entity, bare.start, bare.end, source))
    raw.extend(_lexicon_labels(story, raw, mentions_by_article))

    labels = []
    seen = set()
    for ai, entity, start, end, source in sorted(raw, key=lambda r: (r[0], r[2], -r[3])):
        if (ai, entity, start, end) in seen:
            continue
        seen.add((ai, entity, start, end))
        scan = story.scans[ai]
        article = scan.article
        quote = find_speech(speech[ai], start, end)
        text = article.text[start:end]
        valence = _label_valence(text, entity, lexicon)
        if source == "lexicon":
            valence = _lexicon_valence(story, ai, start, end, entity)
        labels.append(
            Label(
                entity=entity,
                article_id=article.id,
                outlet=article.outlet,
                label=text,
                start=start,
                end=end,
                in_quote=quote is not None,
                valence=valence,
                speaker=quote.who if quote is not None else None,
                source=source,
            )
        )
    return labels


# A possessive determiner right before a description: "his deputy".
POSSESSOR_RE = re.compile(r"\b(?:his|her|their|its|our)\s+$", re.IGNORECASE)


def _new_labels(raw: Sequence[_Raw], found: Sequence[_Raw]) -> list[_Raw]:
    """The labels of ``found`` that overlap no label ``raw`` already gives the same entity
    in the same article (the rules next to names read the same words first)."""
    taken: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for ai, entity, start, end, _ in raw:
        taken[(ai, entity)].append((start, end))
    new = []
    for label in found:
        ai, entity, start, end, _ = label
        if not any(s < end and start < e for s, e in taken[(ai, entity)]):
            new.append(label)
            taken[(ai, entity)].append((start, end))
    return new


def _lexicon_labels(
    story: _Story,
    raw: Sequence[tuple[int, str, int, int, str]],
    mentions_by_article: dict[int, list[tuple[int, str]]],
) -> list[tuple[int, str, int, int, str]]:
    """Story-lexicon label forms the rules missed, for an actor the article mentions, unless
    the words already belong to another entity's label or name."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for ai, _, start, end, _ in raw:
        taken[ai].append((start, end))
    for occ in story.occurrences:
        taken[occ.article].append((occ.start, occ.end))
    extra = []
    for ai, match in enumerate(story.lexicon_matches):
        mentioned = {e for _, e in mentions_by_article[ai]}
        for start, end, entry in match.terms:
            if not entry.actor or entry.category != "label" or entry.actor not in mentioned:
                continue
            if any(s < end and start < e for s, e in taken[ai]):
                continue
            extra.append((ai, entry.actor, start, end, "lexicon"))
    return extra


def _lexicon_valence(story: _Story, ai: int, start: int, end: int, entity: str) -> int | None:
    for s, e, entry in story.lexicon_matches[ai].terms:
        if (s, e) == (start, end) and entry.actor == entity:
            return entry.valence
    return None


def find_labels(
    articles: Sequence[Article],
    lexicon: Lexicon | None = None,
    scan: StoryScan | None = None,
    speech: Sequence[Sequence[Attribution]] | None = None,
    docs: Sequence[Doc] | None = None,
) -> tuple[list[Label], dict[str, str]]:
    """Labels every article attaches to every entity, and entity id -> display name.

    Aliases are merged across all ``articles`` (one story). ``Label.valence`` is the
    lexicon's valence toward the entity (-2 unfavourable .. +2 favourable) or None when no
    lexicon knows the label; ``Label.source`` names the rule that found it: "title",
    "appositive", "possessive", "modifier", "bare_reference" (a description resolved
    through the entity's known labels), "lexicon", and from the parse (entities/parsed.py)
    "predicate" ("Haftar is a warlord"), "named" ('described Ruiz as a "liar"'), "role"
    ("came as the emissary"), "plural" ("the two leaders": one label for each of the two
    people), "focus" (a description of the one person in focus: "the billionaire").
    ``scan``: :func:`scan_story` of the same ``articles``, when one is at hand.
    ``speech``: each article's attributions with speakers (framing.voices); a label inside one
    is in the speaker's voice, and a quoted "he" is not the speaker. Without it every
    label is in the outlet's own voice.
    ``docs``: each article's parse (its reading's ``doc``); without them there are no
    labels from the parse, and (when no ``scan`` is given) entities are not checked
    against the named-entity tags (:func:`scan_story`).
    """
    lexicon = lexicon or Lexicon()
    story = _assemble(articles, lexicon, scan, docs)
    labels = _story_labels(story, lexicon, speech or [()] * len(articles), docs)
    used = {label.entity for label in labels}
    return labels, {e: n for e, n in story.entity_names.items() if e in used}


def _label_key(label: str) -> str:
    return " ".join(label.lower().split())


def score_label_spread(label_sets: dict[str, set[str]], n_outlets: int) -> float:
    """How differently outlets name one entity, 0 (all use the same labels) .. 1.

    1 - mean pairwise Jaccard overlap of the label sets of the outlets that label the
    entity, times coverage (share of the story's ``n_outlets`` that label it at all), so
    an entity one outlet labels alone scores 0 and one every outlet names differently
    scores 1.
    """
    sets = [s for s in label_sets.values() if s]
    if len(sets) < 2 or n_outlets < 2:
        return 0.0
    overlaps = [len(a & b) / len(a | b) for a, b in itertools.combinations(sets, 2)]
    return (1 - sum(overlaps) / len(overlaps)) * len(sets) / n_outlets


TABLE_COLUMNS = [
    "entity", "entity_name", "outlet", "labels", "n_labels", "n_unknown", "mean_valence",
    "spread",
]  # fmt: skip


def build_label_table(labels: Sequence[Label], entity_names: dict[str, str]) -> pd.DataFrame:
    """One row per entity x outlet that labels it: its labels with counts
    ("Field Marshal (2); rebel leader (1)"), how many labels, how many no lexicon knows,
    their mean valence (NaN when none is known), and the entity's ``spread``
    (:func:`score_label_spread`). Sorted by spread, most differently named first."""
    outlets = sorted({label.outlet for label in labels})
    groups: dict[tuple[str, str], list[Label]] = defaultdict(list)
    for label in labels:
        groups[(label.entity, label.outlet)].append(label)
    spreads = {}
    for entity in {label.entity for label in labels}:
        sets = {o: {_label_key(lab.label) for lab in groups.get((entity, o), [])} for o in outlets}
        spreads[entity] = score_label_spread(sets, len(outlets))
    rows = []
    for (entity, outlet), group in groups.items():
        counts = Counter(_label_key(lab.label) for lab in group)
        surface = {}
        for lab in group:
            surface.setdefault(_label_key(lab.label), " ".join(lab.label.split()))
        known = [lab.valence for lab in group if lab.valence is not None]
        rows.append(
            {
                "entity": entity,
                "entity_name": entity_names.get(entity, entity),
                "outlet": outlet,
                "labels": "; ".join(f"{surface[k]} ({n})" for k, n in counts.most_common()),
                "n_labels": len(group),
                "n_unknown": len(group) - len(known),
                "mean_valence": sum(known) / len(known) if known else float("nan"),
                "spread": spreads[entity],
            }
        )
    frame = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    if frame.empty:
        return frame
    totals = frame.groupby("entity")["n_labels"].transform("sum")
    frame = frame.assign(_total=totals).sort_values(
        ["spread", "_total", "entity", "outlet"], ascending=[False, False, True, True]
    )
    return frame.drop(columns="_total").reset_index(drop=True)
