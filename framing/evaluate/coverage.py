"""The coverage map against a deletion test on same-event articles (NewsWCL50: each event
one story of five outlets), beside a word-overlap baseline.

From one article at a time, up to REMOVED sentences that each have a counterpart in every
other outlet are removed, and the story's coverage is made before and after. The removed
sentences are chosen by a fixed rule that does not use Slant's method: a sentence's
counterpart in another outlet is that outlet's sentence sharing the most *telling words*
with it (lower-cased words or numbers of three characters or more that are no function
word, month or day, and that at most COMMON_SHARE of the event's sentences use: "Trump" in
a story about Trump says nothing of which fact a sentence reports), and it counts when
they share at least MIN_SHARED; a sentence qualifies when it has a counterpart
in every other outlet and no other sentence of its own article shares MIN_SHARED telling
words with it (an article that says it twice still reports it without one of the two); an
article's qualifying sentences are removed, at most REMOVED, those sharing the most with
their weakest counterpart first (then in text order).

A fact is *newly left out* by the article's outlet when the outlet leaves it out after the
removal and it shares no sentence with a fact the outlet left out before. It matches a
removed sentence when it holds one of the sentence's counterparts, or a sentence of
another outlet that was in the removed sentence's fact before. Recall: the removed
sentences some newly left-out fact matches, over the removed sentences. Precision: the
newly left-out facts that match a removed sentence, over the newly left-out facts.

Baseline: the same units, facts and left-out rule, with sentences aligned by word overlap
(the Jaccard share of their lower-cased words, stop words left out) instead of Slant's
similarity. Events TUNING_EVENTS (0-2) were used to choose Slant's and the baseline's
settings and are marked so; the others are reported apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from framing.analysis import analyze_story
from framing.coverage import LEFT_OUT, Pair, Unit, build_coverage
from framing.evaluate.metrics import f1
from framing.evaluate.newswcl50 import NEWSWCL50_OUTLETS
from framing.evaluate.results import Dataset, Result
from framing.io.errors import LoadError
from framing.io.evaldata import list_files, read_text
from framing.models import Article, Lexicon, Mention, Sentence, Story
from framing.reading import Reading, read_texts
from framing.text import tokenize
from framing.voices import find_attributions
from framing.wordlists import DAYS, FUNCTION_WORDS, MONTH_WORDS, STOPWORDS

TUNING_EVENTS = frozenset({0, 1, 2})
REMOVED = 3
MIN_SHARED = 3
COMMON_SHARE = 0.1
STOP_WORDS = FUNCTION_WORDS | MONTH_WORDS | DAYS
# The baseline's least word overlap (Jaccard) for two sentences to be one fact; chosen on
# the tuning events, as Slant's settings were.
BASELINE_OVERLAP = 0.15
_ARTICLE_FILE = re.compile(r"(\d+)_([A-Za-z]+)\.txt")

Key = tuple[str, int]  # (article id, start of the sentence)


def load_event_texts(folder: str | Path) -> dict[int, dict[str, str]]:
    """Event -> outlet -> article text, from ``event_N/N_OUTLET.txt`` (NewsWCL50's
    layout; other files are ignored); outlets in NEWSWCL50_OUTLETS order, then others."""
    events: dict[int, dict[str, str]] = {}
    for event_dir in list_files(folder, "event_*"):
        texts = {}
        for path in list_files(event_dir, "*.txt"):
            match = _ARTICLE_FILE.fullmatch(path.name)
            if match:
                texts[match.group(2)] = read_text(path)
        if len(texts) > 1:
            order = {o: i for i, o in enumerate(NEWSWCL50_OUTLETS)}
            ranked = sorted(texts, key=lambda o: (order.get(o, len(order)), o))
            events[int(event_dir.name.removeprefix("event_"))] = {o: texts[o] for o in ranked}
    if not events:
        raise LoadError(folder, "no event_N folder with two or more N_OUTLET.txt articles")
    return events


def find_telling_words(sentences: Sequence[str], outlets: int) -> list[frozenset[str]]:
    """The telling words of each of an event's ``sentences`` (see the module docstring);
    a word used once by each of the event's ``outlets`` is never too common."""
    words = [{w for w in tokenize(s) if len(w) >= 3 and w not in STOP_WORDS} for s in sentences]
    most = max(COMMON_SHARE * len(sentences), outlets)
    common = {w for w, n in Counter(w for ws in words for w in ws).items() if n > most}
    return [frozenset(ws - common) for ws in words]


@dataclass(frozen=True)
class Removal:
    """A sentence to remove from one outlet's article and its counterpart sentence in
    each other outlet (as (start, end) in that outlet's article)."""

    outlet: str
    start: int
    end: int
    counterparts: dict[str, tuple[int, int]]


def find_removals(sentences: dict[str, Sequence[Sentence]], outlet: str) -> list[Removal]:
    """The sentences the deletion test removes from ``outlet``'s article (the module's
    rule), in text order; ``sentences`` maps each outlet to its article's sentences."""
    flat = [(o, s.text) for o, ss in sentences.items() for s in ss]
    telling = iter(find_telling_words([t for _, t in flat], len(sentences)))
    words = {o: [next(telling) for _ in ss] for o, ss in sentences.items()}
    own = words[outlet]
    ranked = []
    for k, sentence in enumerate(sentences[outlet]):
        if any(len(own[k] & w) >= MIN_SHARED for i, w in enumerate(own) if i != k):
            continue  # the article says it again: without this sentence it still reports it
        counterparts, weakest = {}, math.inf
        for other, theirs in words.items():
            if other == outlet or not theirs:
                continue
            shared, j = max((len(words[outlet][k] & t), -j) for j, t in enumerate(theirs))
            if shared < MIN_SHARED:
                break
            found = sentences[other][-j]
            counterparts[other] = (found.start, found.end)
            weakest = min(weakest, shared)
        else:
            if counterparts:
                ranked.append((-weakest, k, Removal(outlet, sentence.start, sentence.end,
                                                    counterparts)))  # fmt: skip
    chosen = sorted(ranked, key=lambda r: r[:2])[:REMOVED]
    return [r for _, _, r in sorted(chosen, key=lambda r: r[1])]


def remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` without the sentences ``spans`` and the blanks after each."""
    kept, at = [], 0
    for start, end in sorted(spans):
        kept.append(text[at:start])
        at = end
        while at < len(text) and text[at] in " \t":
            at += 1
    kept.append(text[at:])
    return "".join(kept)


def find_word_overlap_pairs(units: Sequence[Unit]) -> list[Pair]:
    """The baseline's similar pairs: units of different articles whose lower-cased words
    (stop words left out) overlap by at least BASELINE_OVERLAP (Jaccard)."""
    words = [set(u.words) - STOPWORDS for u in units]
    pairs = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            if units[i].article == units[j].article or not words[i] or not words[j]:
                continue
            overlap = len(words[i] & words[j]) / len(words[i] | words[j])
            if overlap >= BASELINE_OVERLAP:
                pairs.append(Pair(i, j, overlap))
    return pairs


@dataclass(frozen=True)
class _Facts:
    """A coverage's facts as sets of sentence keys, and the facts one outlet leaves out."""

    members: dict[str, frozenset[Key]]
    fact_of: dict[Key, str]
    left_out: dict[str, list[str]]  # outlet -> fact ids it leaves out


def _facts(coverage: pd.DataFrame, fact_sentences: pd.DataFrame) -> _Facts:
    members: dict[str, set[Key]] = {}
    fact_of = {}
    for row in fact_sentences.itertuples(index=False):
        key = (row.article_id, int(row.start))
        members.setdefault(row.fact, set()).add(key)
        fact_of[key] = row.fact
    left = coverage[coverage["status"] == LEFT_OUT]
    left_out: dict[str, list[str]] = {}
    for outlet, fact in zip(left["outlet"], left["fact"], strict=True):
        left_out.setdefault(outlet, []).append(fact)
    frozen = {f: frozenset(m) for f, m in members.items()}
    return _Facts(frozen, fact_of, left_out)


def score_removal(
    before: _Facts, after: _Facts, outlet: str, article_id: str, removals: Sequence[Removal],
    ids: dict[str, str],
) -> tuple[int, int, int]:  # fmt: skip
    """(removed sentences matched, facts newly left out, of them matching a removed
    sentence) for one article's removal; ``ids`` maps outlet to article id."""
    earlier = set().union(*(before.members[f] for f in before.left_out.get(outlet, [])))
    new = [
        after.members[f] for f in after.left_out.get(outlet, []) if not after.members[f] & earlier
    ]
    wanted = []
    for removal in removals:
        keys = {(ids[o], start) for o, (start, _) in removal.counterparts.items()}
        fact = before.fact_of.get((article_id, removal.start))
        if fact is not None:
            keys |= {k for k in before.members[fact] if k[0] != article_id}
        wanted.append(keys)
    matched = sum(any(keys & fact for fact in new) for keys in wanted)
    good = sum(any(fact & keys for keys in wanted) for fact in new)
    return matched, len(new), good


def _coverage_tables(
    story: Story, readings: Sequence[Reading], lexicon: Lexicon
) -> tuple[tuple[pd.DataFrame, pd.DataFrame], tuple[pd.DataFrame, pd.DataFrame]]:
    """Slant's (coverage, fact_sentences) of the story, as analyze_story makes them, and
    the baseline's on the same sentences."""
    analysis = analyze_story(story, lexicon, readings=readings)
    mentions: list[list[Mention]] = [[] for _ in story.articles]
    place = {a.id: i for i, a in enumerate(story.articles)}
    for row in analysis.mentions.itertuples(index=False):
        mentions[place[row.article_id]].append(
            Mention(row.article_id, row.actor, row.start, row.end, row.text, row.in_quote)
        )
    baseline = build_coverage(
        story.articles,
        readings,
        [find_attributions(r) for r in readings],
        mentions,
        pairs_of=find_word_overlap_pairs,
        threshold=BASELINE_OVERLAP,
    )
    return (
        (analysis.coverage, analysis.fact_sentences),
        (baseline.tables.coverage, baseline.tables.fact_sentences),
    )


def score_deletion_test(
    events: dict[int, dict[str, str]], lexicon: Lexicon
) -> dict[str, dict[bool, list[int]]]:
    """Summed (removed, matched, newly left out, matching) for "slant" and "baseline", by
    whether the event is a tuning event."""
    totals = {name: {True: [0, 0, 0, 0], False: [0, 0, 0, 0]} for name in ("slant", "baseline")}
    for event, texts in sorted(events.items()):
        ids = {o: f"{event}_{o}" for o in texts}
        articles = tuple(Article(ids[o], o, "", "", "", t, t) for o, t in texts.items())
        story = Story(f"event-{event}", f"event {event}", "", articles)
        readings = read_texts([a.text for a in articles], jobs=1)
        before = _coverage_tables(story, readings, lexicon)
        sentences = {a.outlet: r.sentences for a, r in zip(articles, readings, strict=True)}
        for k, article in enumerate(articles):
            removals = find_removals(sentences, article.outlet)
            if not removals:
                continue
            text = remove_spans(article.text, [(r.start, r.end) for r in removals])
            changed = replace(article, text=text, raw_text=text)
            edited = replace(story, articles=(*articles[:k], changed, *articles[k + 1 :]))
            reread = [*readings[:k], read_texts([text], jobs=1)[0], *readings[k + 1 :]]
            after = _coverage_tables(edited, reread, lexicon)
            for name, (was, now) in zip(("slant", "baseline"), zip(before, after, strict=True),
                                        strict=True):  # fmt: skip
                matched, new, good = score_removal(
                    _facts(*was), _facts(*now), article.outlet, article.id, removals, ids
                )
                sums = totals[name][event in TUNING_EVENTS]
                for i, value in enumerate((len(removals), matched, new, good)):
                    sums[i] += value
    return totals


def score_coverage(events: dict[int, dict[str, str]], lexicon: Lexicon) -> list[Result]:
    """The deletion test's recall, precision and F1 of "left out", Slant beside the
    word-overlap baseline, for the tuning events and the others apart."""
    totals = score_deletion_test(events, lexicon)
    results = []
    for tuning in (False, True):
        present = sorted(e for e in events if (e in TUNING_EVENTS) == tuning)
        if not present:
            continue
        label = ", ".join(map(str, present))
        dataset = f"NewsWCL50 coverage, events {label}" + (" (tuning)" if tuning else "")
        scores = {}
        for name in ("slant", "baseline"):
            removed, matched, new, good = totals[name][tuning]
            precision = good / new if new else math.nan
            recall = matched / removed if removed else math.nan
            both = not (math.isnan(precision) or math.isnan(recall))
            scores[name] = (recall, precision, f1(precision, recall) if both else math.nan)
        removed = totals["slant"][tuning][0]
        for k, metric in enumerate(("left out: recall", "left out: precision", "left out: F1")):
            results.append(
                Result(dataset, metric, scores["slant"][k], scores["baseline"][k], removed)
            )
    return results


DATASET = Dataset(
    "newswcl50_coverage",
    "newswcl50",
    lambda path, lexicon: score_coverage(load_event_texts(path), lexicon),
)
