"""One call from a Story to tidy pandas tables: the public API of the framing library.

The tables and their columns are listed in docs/tables.md.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

import pandas as pd

from framing.columns import ARTICLE_COLUMNS
from framing.coverage import QuoteInfo, build_coverage
from framing.distinctive import load_english_frequencies, score_distinctive_words
from framing.entities import (
    build_entity_table,
    build_label_table,
    find_discovered_actors,
    find_labels,
    scan_story,
)
from framing.intervals import BY_ARTICLES, Units, score_density_interval
from framing.lexicon import find_lexicon_files, load_lexicons
from framing.models import (
    Article,
    Attribution,
    Lexicon,
    Mention,
    Sentence,
    Story,
    TermHit,
)
from framing.readability import score_readability
from framing.reading import Progress, Reading, read_texts
from framing.sentiment import score_sentences, score_sentiment_summary, score_targets_sentiment
from framing.terms import find_actor_mentions, find_lexicon_matches, find_term_hits
from framing.text import count_words, tokenize
from framing.voices import find_attributions, resolve_speakers, score_voices

CONTEXT_CHARS = 60

TERM_COLUMNS = [
    "article_id", "outlet", "start", "end", "text", "term", "category", "target", "valence",
    "in_quote", "speaker", "lexicon", "note", "rule", "loaded", "why", "context_left",
    "context_right",
]  # fmt: skip
LABEL_COLUMNS = [
    "entity", "entity_name", "article_id", "outlet", "label", "start", "end", "in_quote",
    "valence", "known", "speaker", "source",
]  # fmt: skip
MENTION_COLUMNS = ["article_id", "outlet", "actor", "start", "end", "text", "in_quote"]
SENTENCE_COLUMNS = [
    "article_id", "outlet", "index", "start", "end", "text", "words", "compound", "in_quote",
    "actors",
]  # fmt: skip
FRAMING_COLUMNS = ["article_id", "outlet", "actor", "actor_name", "camp", "hits", "mean_valence"]
ACTOR_SENTIMENT_COLUMNS = [
    "article_id", "outlet", "actor", "actor_name", "sentences", "mean_compound",
    "target_sentiment",
]  # fmt: skip
VOICE_COLUMNS = [
    "article_id", "outlet", "speaker", "speaker_name", "camp", "quotes", "direct", "indirect",
    "quoted_words", "share",
]  # fmt: skip
QUOTE_COLUMNS = [
    "article_id", "outlet", "start", "end", "text", "direct", "cue", "speaker", "speaker_name",
    "speaker_text", "speaker_start", "speaker_end", "cue_start", "cue_end", "quote_group",
    "quote_match", "quote_outlets",
]  # fmt: skip
CLEANING_COLUMNS = ["article_id", "outlet", "start", "end", "text", "reason"]
UNATTRIBUTED = "(unattributed)"
# A story that names no lexicon (a single file, a bulk file) is scored with the generic one.
DEFAULT_LEXICONS = ("loaded_language",)
SUMMED_COLUMNS = ("words", "loaded_hits", "loaded_narrator", "loaded_quote", "quoted_words")
# The bootstrap interval of each outlet's loaded-term densities (framing.intervals), and
# what it resampled: "articles", or "sentences" for an outlet with one article.
INTERVAL_COLUMNS = [
    "loaded_per_100w_low", "loaded_per_100w_high", "loaded_narrator_per_100w_low",
    "loaded_narrator_per_100w_high", "interval_by",
]  # fmt: skip


@dataclass(frozen=True)
class StoryAnalysis:
    """Everything Slant computes for a story, as tidy tables (see docs/tables.md)."""

    story: Story
    lexicon: Lexicon
    articles: pd.DataFrame
    outlets: pd.DataFrame
    terms: pd.DataFrame
    labels: pd.DataFrame
    label_table: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    sentences: pd.DataFrame
    actor_framing: pd.DataFrame
    actor_sentiment: pd.DataFrame
    voices: pd.DataFrame
    quotes: pd.DataFrame
    coverage: pd.DataFrame
    fact_sentences: pd.DataFrame
    coverage_outlets: pd.DataFrame
    numbers: pd.DataFrame
    distinctive: pd.DataFrame
    cleaning: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by its name (TABLE_NAMES, the order of docs/tables.md)."""
        return {name: getattr(self, name) for name in TABLE_NAMES}


# The analysis's tables: every field but the inputs it was made from.
TABLE_NAMES = tuple(f.name for f in fields(StoryAnalysis) if f.name not in ("story", "lexicon"))


@dataclass(frozen=True)
class _ArticleParts:
    speech: list[Attribution]  # with speakers
    mentions: list[Mention]
    hits: list[TermHit]
    sentences: list[Sentence]
    compounds: list[float]
    sentence_mentions: list[list[Mention]]  # per sentence, the mentions starting in it
    # per sentence: loaded hits, own-voice loaded hits, words, words outside quotes
    sentence_counts: list[tuple[int, int, int, int]]


@dataclass(frozen=True)
class _Scoring:
    """What a story's articles are scored with, worked out once per story: a story without
    a lexicon may have thousands of discovered actors."""

    lexicon: Lexicon
    # Target sentiment matches only the lexicon's terms in each sentence (it is told where
    # the actors are): matching every actor alias again there cost more than the terms.
    terms: Lexicon
    names: dict[str, str]  # display name by actor id
    camps: dict[str, str | None]  # camp by actor id

    @classmethod
    def of(cls, lexicon: Lexicon) -> _Scoring:
        return cls(
            lexicon,
            replace(lexicon, actors=()),
            {a.id: a.name for a in lexicon.actors},
            {a.id: a.camp for a in lexicon.actors},
        )


def is_loaded(hit: TermHit) -> bool:
    """A generic loaded term counts, except hedges ("reportedly": uncertainty, not
    judgement) and lexicon words the context shows in a neutral sense ("sanctions
    regime"); a story label counts only when it is not neutral."""
    if hit.category == "label":
        return hit.valence != 0
    return hit.category != "hedge" and hit.rule != "neutral_sense"


def describe_hit(hit: TermHit, names: dict[str, str] | None = None) -> str:
    """Why ``hit`` is a hit, in one line: the lexicon entry or rule that found it and its
    reason, its category and valence, whom it is aimed at (``names``: display name by
    actor id) and in whose voice; and whether it counts as loaded."""
    names = names or {}
    if hit.rule == "lexicon":
        source = f"lexicon {hit.lexicon}, entry '{hit.term}'"
    elif hit.rule == "neutral_sense":
        source = f"lexicon {hit.lexicon}, entry '{hit.term}', not counted here"
    else:
        source = f"rule {hit.rule}"
    target = names.get(hit.target, hit.target) if hit.target else "no actor"
    voice = f"in a quote ({hit.speaker or 'unattributed'})" if hit.in_quote else "own voice"
    counted = "" if is_loaded(hit) else "; not counted as loaded"
    return (
        f"{source}: {hit.note or 'no note'} · {hit.category}, valence {hit.valence:+d} · "
        f"aimed at {target} · {voice}{counted}"
    )


def _per_100(count: int, words: int) -> float:
    return 100.0 * count / words if words else math.nan


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def _article_parts(article: Article, reading: Reading, lexicon: Lexicon) -> _ArticleParts:
    text = article.text
    speech = find_attributions(reading)
    matches = find_lexicon_matches(text, lexicon)
    mentions = find_actor_mentions(article, lexicon, speech, matches)
    speech = resolve_speakers(speech, mentions, text)
    sentences = list(reading.sentences)
    hits = find_term_hits(
        article, lexicon, speech, mentions, matches, sentences, reading.doc, reading.quotes
    )
    compounds = score_sentences([s.text for s in sentences])
    sentence_mentions = _mentions_by_sentence(sentences, mentions)
    counts = _sentence_counts(text, sentences, hits, speech)
    return _ArticleParts(speech, mentions, hits, sentences, compounds, sentence_mentions, counts)


def _sentence_counts(
    text: str, sentences: Sequence[Sentence], hits: Sequence[TermHit], speech: Sequence[Attribution]
) -> list[tuple[int, int, int, int]]:
    """Per sentence: loaded hits, own-voice loaded hits, words, and words outside reported
    speech (the units the one-article bootstrap of framing.intervals resamples)."""
    starts = [s.start for s in sentences]
    loaded = [[0, 0] for _ in sentences]
    for hit in hits:
        i = bisect.bisect_right(starts, hit.start) - 1
        if i >= 0 and hit.start < sentences[i].end and is_loaded(hit):
            loaded[i][0] += 1
            loaded[i][1] += not hit.in_quote
    counts = []
    for (all_hits, own), sentence in zip(loaded, sentences, strict=True):
        words = count_words(sentence.text)
        inside = [a for a in speech if a.start < sentence.end and sentence.start < a.end]
        quoted = _speech_words(text, inside, sentence.start, sentence.end) if inside else 0
        counts.append((all_hits, own, words, words - quoted))
    return counts


def _speech_words(
    text: str, speech: Sequence[Attribution], lo: int = 0, hi: int | None = None
) -> int:
    """Words inside reported speech (within [lo, hi) of the text), each counted once where
    contents nest or overlap."""
    hi = len(text) if hi is None else hi
    words = 0
    covered = lo
    for attribution in sorted(speech, key=lambda a: a.start):
        start, end = max(attribution.start, covered), min(attribution.end, hi)
        if start < end:
            words += count_words(text[start:end])
        covered = max(covered, end)
    return words


def _speech_chars(start: int, end: int, speech: Sequence[Attribution]) -> int:
    """Characters of [start, end) inside reported speech."""
    covered, chars = start, 0
    for attribution in sorted(speech, key=lambda a: a.start):
        lo, hi = max(attribution.start, covered), min(attribution.end, end)
        if lo < hi:
            chars += hi - lo
            covered = hi
    return chars


def _mentions_by_sentence(
    sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> list[list[Mention]]:
    """For each of ``sentences`` (sorted, non-overlapping) the ``mentions`` that start in
    it, in their order; a mention between sentences is in none."""
    starts = [s.start for s in sentences]
    groups: list[list[Mention]] = [[] for _ in sentences]
    for mention in mentions:
        i = bisect.bisect_right(starts, mention.start) - 1
        if i >= 0 and mention.start < sentences[i].end:
            groups[i].append(mention)
    return groups


def _camp_tilt(hits: Sequence[TermHit], scoring: _Scoring) -> float:
    """Mean narrator valence toward the first camp minus toward the second; a camp no
    hit aims at counts as neutral (0); NaN when neither is aimed at or camps are missing."""
    camps = scoring.lexicon.camps
    if len(camps) < 2:
        return math.nan
    sides = [
        [h.valence for h in hits if not h.in_quote and scoring.camps.get(h.target) == camp]
        for camp in camps[:2]
    ]
    if not sides[0] and not sides[1]:
        return math.nan
    return (_mean(sides[0]) if sides[0] else 0.0) - (_mean(sides[1]) if sides[1] else 0.0)


def _article_row(article: Article, parts: _ArticleParts, scoring: _Scoring) -> dict:
    text = article.text
    words = count_words(text)
    quoted_words = _speech_words(text, parts.speech)
    loaded = [h for h in parts.hits if is_loaded(h)]
    in_quote = sum(h.in_quote for h in loaded)
    sentiment = score_sentiment_summary(parts.compounds)
    readability = score_readability([s.text for s in parts.sentences])
    return {
        "article_id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "words": words,
        "sentences": len(parts.sentences),
        "words_per_sentence": words / len(parts.sentences) if parts.sentences else math.nan,
        "loaded_hits": len(loaded),
        "loaded_narrator": len(loaded) - in_quote,
        "loaded_quote": in_quote,
        "loaded_per_100w": _per_100(len(loaded), words),
        "loaded_narrator_per_100w": _per_100(len(loaded) - in_quote, words - quoted_words),
        "loaded_quote_per_100w": _per_100(in_quote, quoted_words),
        "quoted_words": quoted_words,
        "quote_share": quoted_words / words if words else math.nan,
        "sentiment_mean": sentiment["mean"],
        "sentiment_share_negative": sentiment["share_negative"],
        "sentiment_share_positive": sentiment["share_positive"],
        **{k: readability[k] for k in ARTICLE_COLUMNS if k in readability and k != "words"},
        "camp_tilt": _camp_tilt(parts.hits, scoring),
    }


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to CONTEXT_CHARS characters each side of a hit, in whole words: a word the window
    would cut is left out."""
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    if lo > 0 and not text[lo - 1].isspace():
        cut = _next_space(text, lo, start)
        lo = cut if cut < start else _previous_space(text, lo)
    if hi < len(text) and not text[hi].isspace():
        cut = _previous_space(text, hi, end)
        hi = cut if cut > end else _next_space(text, hi, len(text))
    return text[lo:start].replace("\n", " "), text[end:hi].replace("\n", " ")


def _next_space(text: str, i: int, stop: int) -> int:
    while i < stop and not text[i].isspace():
        i += 1
    return i


def _previous_space(text: str, i: int, stop: int = 0) -> int:
    while i > stop and not text[i - 1].isspace():
        i -= 1
    return i


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def _outlet_frame(
    articles: pd.DataFrame, counts: dict[str, list[list[tuple[int, int, int, int]]]]
) -> pd.DataFrame:
    """Means over each outlet's articles (sums for SUMMED_COLUMNS), with the bootstrap
    interval of its loaded-term densities (``counts``: per outlet, per article, the
    per-sentence counts of _sentence_counts)."""
    numeric = [c for c in articles.columns if pd.api.types.is_numeric_dtype(articles[c])]
    if articles.empty:
        return pd.DataFrame(columns=["outlet", "articles", *numeric, *INTERVAL_COLUMNS])
    grouped = articles.groupby("outlet", sort=True)
    out = grouped[numeric].mean()
    for column in SUMMED_COLUMNS:
        out[column] = grouped[column].sum()
    out.insert(0, "articles", grouped.size())
    out = out.reset_index()
    rows = [_interval_row(str(o), counts.get(o, [])) for o in out["outlet"]]
    return pd.concat([out, pd.DataFrame(rows, columns=INTERVAL_COLUMNS)], axis=1)


def _interval_row(outlet: str, articles: list[list[tuple[int, int, int, int]]]) -> list:
    row: list = []
    by = BY_ARTICLES
    for column, hits_at, words_at in (
        ("loaded_per_100w", 0, 2),
        ("loaded_narrator_per_100w", 1, 3),
    ):
        per_article = [(sum(c[hits_at] for c in a), sum(c[words_at] for c in a)) for a in articles]
        only = articles[0] if len(articles) == 1 else []
        units = Units(
            [h for h, _ in per_article],
            [w for _, w in per_article],
            [c[hits_at] for c in only],
            [c[words_at] for c in only],
        )
        low, high, by = score_density_interval(units, f"{outlet}\0{column}")
        row += [low, high]
    return [*row, by]


def _sentence_rows(article: Article, parts: _ArticleParts) -> list[dict]:
    rows = []
    for index, (sentence, compound, inside) in enumerate(
        zip(parts.sentences, parts.compounds, parts.sentence_mentions, strict=True)
    ):
        quoted = _speech_chars(sentence.start, sentence.end, parts.speech)
        actors = sorted({m.actor for m in inside})
        rows.append(
            {"article_id": article.id, "outlet": article.outlet, "index": index,
             "start": sentence.start, "end": sentence.end, "text": sentence.text,
             "words": count_words(sentence.text), "compound": compound,
             "in_quote": quoted * 2 > sentence.end - sentence.start, "actors": ";".join(actors)}
        )  # fmt: skip
    return rows


def _actor_rows(
    article: Article, parts: _ArticleParts, scoring: _Scoring
) -> tuple[list[dict], list[dict]]:
    """Per-actor narrator framing (mean valence of hits aimed at the actor) and sentiment
    (mean compound of the sentences that mention the actor)."""
    names, camps = scoring.names, scoring.camps
    valences: dict[str, list[int]] = defaultdict(list)
    for hit in parts.hits:
        if hit.target and not hit.in_quote:
            valences[hit.target].append(hit.valence)
    framing = [
        {"article_id": article.id, "outlet": article.outlet, "actor": actor,
         "actor_name": names.get(actor, actor), "camp": camps.get(actor),
         "hits": len(values), "mean_valence": _mean(values)}
        for actor, values in sorted(valences.items())
    ]  # fmt: skip
    compounds: dict[str, list[float]] = defaultdict(list)
    targeted: dict[str, list[float]] = defaultdict(list)
    for sentence, compound, inside in zip(
        parts.sentences, parts.compounds, parts.sentence_mentions, strict=True
    ):
        # The last mention of each actor in the sentence is its target.
        spans = {m.actor: (m.start - sentence.start, m.end - sentence.start) for m in inside}
        targets = list(spans.values())
        scores = score_targets_sentiment(sentence.text, targets, scoring.terms, compound)
        for actor, score in zip(spans, scores, strict=True):
            compounds[actor].append(compound)
            targeted[actor].append(score)
    sentiment = [
        {"article_id": article.id, "outlet": article.outlet, "actor": actor,
         "actor_name": names.get(actor, actor), "sentences": len(values),
         "mean_compound": _mean(values), "target_sentiment": _mean(targeted[actor])}
        for actor, values in sorted(compounds.items())
    ]  # fmt: skip
    return framing, sentiment


def _speaker_name(speaker: str | None, source_text: str, scoring: _Scoring) -> str:
    if speaker is not None:
        return scoring.names.get(speaker, speaker)
    return " ".join(source_text.split()) or UNATTRIBUTED


def _voice_rows(article: Article, parts: _ArticleParts, scoring: _Scoring) -> list[dict]:
    camps = scoring.camps
    voices = score_voices(article.text, parts.speech)
    total = sum(words for _, _, words in voices.values())
    return [
        {"article_id": article.id, "outlet": article.outlet, "speaker": speaker or "",
         "speaker_name": _speaker_name(speaker, source, scoring), "camp": camps.get(speaker),
         "quotes": direct + indirect, "direct": direct, "indirect": indirect,
         "quoted_words": words, "share": words / total if total else math.nan}
        for (speaker, source), (direct, indirect, words) in voices.items()
    ]  # fmt: skip


def _quote_rows(
    article: Article, parts: _ArticleParts, scoring: _Scoring, across: Sequence[QuoteInfo]
) -> list[dict]:
    text = article.text
    return [
        {"article_id": article.id, "outlet": article.outlet, "start": a.start, "end": a.end,
         "text": text[a.start : a.end], "direct": a.direct, "cue": a.cue,
         "speaker": a.speaker or "",
         "speaker_name": _speaker_name(a.speaker, a.source_text, scoring),
         "speaker_text": a.source_text, "speaker_start": a.source_start,
         "speaker_end": a.source_end, "cue_start": a.cue_start, "cue_end": a.cue_end,
         "quote_group": info.group, "quote_match": info.match, "quote_outlets": info.outlets}
        for a, info in zip(parts.speech, across, strict=True)
    ]  # fmt: skip


def load_resources() -> None:
    """Load what scoring needs, once per process (the parser's model, VADER's lexicon, the
    syllable dictionary), so that a first analysis does not wait for them."""
    read_texts(["Warm up."], jobs=1, use_cache=False)
    score_sentences(["Warm up."])
    score_readability(["Warm up."])


def load_story_lexicon(story: Story, extra: Sequence[str] = ()) -> Lexicon:
    """The lexicons ``story`` names (the generic one when it names none) plus ``extra``,
    merged; files in the story's folder take precedence over shipped ones."""
    return load_lexicons([*(story.lexicons or DEFAULT_LEXICONS), *extra], story.folder or None)


def find_story_lexicon_files(story: Story) -> tuple[Path, ...]:
    """The files ``load_story_lexicon(story)`` reads; raises LexiconError for a lexicon the
    story names that is no file."""
    return find_lexicon_files(story.lexicons or DEFAULT_LEXICONS, story.folder or None)


def score_article(article: Article, lexicon: Lexicon, reading: Reading | None = None) -> dict:
    """The ``articles`` record of one article (docs/tables.md): words, loaded-term density
    (hits per 100 words, own voice and reported speech apart), VADER sentence sentiment
    (-1..+1), readability indices and camp tilt (positive = favours the first camp).
    ``reading``: the article's reading when it is at hand (else it is read here)."""
    if reading is None:
        reading = read_texts([article.text], jobs=1)[0]
    parts = _article_parts(article, reading, lexicon)
    return _article_row(article, parts, _Scoring.of(lexicon))


def _article_tables(
    article: Article, parts: _ArticleParts, scoring: _Scoring, quotes: Sequence[QuoteInfo]
) -> dict[str, list[dict]]:
    """All table rows contributed by one article (``quotes``: where each of its
    attributions stands across outlets)."""
    text, outlet = article.text, article.outlet
    terms = []
    for hit in parts.hits:
        left, right = _context(text, hit.start, hit.end)
        terms.append(
            {**hit.__dict__, "outlet": outlet, "loaded": is_loaded(hit),
             "why": describe_hit(hit, scoring.names), "context_left": left,
             "context_right": right}
        )  # fmt: skip
    framing, sentiment = _actor_rows(article, parts, scoring)
    return {
        "articles": [_article_row(article, parts, scoring)],
        "terms": terms,
        "mentions": [{**m.__dict__, "outlet": outlet} for m in parts.mentions],
        "sentences": _sentence_rows(article, parts),
        "actor_framing": framing,
        "actor_sentiment": sentiment,
        "voices": _voice_rows(article, parts, scoring),
        "quotes": _quote_rows(article, parts, scoring, quotes),
        "cleaning": [
            {**r.__dict__, "article_id": article.id, "outlet": outlet} for r in article.removals
        ],
    }


def analyze_story(
    story: Story,
    lexicon: Lexicon | None = None,
    *,
    readings: Sequence[Reading] | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> StoryAnalysis:
    """Score every article of ``story`` and return the tables of docs/tables.md.

    ``lexicon=None`` loads the lexicons the story names (searching its folder first).
    When no lexicon names an actor, the entities discovered in the text are the actors.
    Each article is read (parsed) once, in ``jobs`` processes when there are many
    (read_texts; ``progress(done, total)`` counts articles read), unless ``readings`` of
    the same articles are given.
    """
    if lexicon is None:
        lexicon = load_story_lexicon(story)
    if readings is None:
        texts = [article.text for article in story.articles]
        readings = read_texts(texts, jobs=jobs, progress=progress)
    scan = scan_story(story.articles, [r.sentences for r in readings], [r.doc for r in readings])
    scoring_lexicon = lexicon
    if not lexicon.actors:
        # No story lexicon: the entities found in the text stand in as the actors, so
        # targets, speakers and per-actor sentiment work on any story.
        actors = find_discovered_actors(story.articles, scan=scan)
        scoring_lexicon = replace(lexicon, actors=actors)
    scoring = _Scoring.of(scoring_lexicon)
    parts = [
        _article_parts(article, reading, scoring.lexicon)
        for article, reading in zip(story.articles, readings, strict=True)
    ]
    docs = [r.doc for r in readings]
    speech = [p.speech for p in parts]
    coverage = build_coverage(story.articles, readings, speech, [p.mentions for p in parts])
    labels, entity_names = find_labels(story.articles, lexicon, scan, speech, docs)
    entities = build_entity_table(story.articles, docs, lexicon, scan)
    del scan  # large: dropped before the tables are built
    rows: dict[str, list[dict]] = defaultdict(list)
    tokens_by_outlet: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, list[list[tuple[int, int, int, int]]]] = defaultdict(list)
    for k, (article, article_parts) in enumerate(zip(story.articles, parts, strict=True)):
        counts[article.outlet].append(article_parts.sentence_counts)
        quotes = coverage.quote_info(k, len(article_parts.speech))
        for table, table_rows in _article_tables(article, article_parts, scoring, quotes).items():
            rows[table].extend(table_rows)
        tokens_by_outlet[article.outlet].extend(tokenize(article.text))

    label_rows = [
        {
            **label.__dict__,
            "entity_name": entity_names.get(label.entity, label.entity),
            "known": label.valence is not None,
        }  # fmt: skip
        for label in labels
    ]
    articles = _frame(rows["articles"], ARTICLE_COLUMNS)
    distinctive = score_distinctive_words(
        tokens_by_outlet, background=load_english_frequencies()
    ).rename(columns={"group": "outlet"})
    return StoryAnalysis(
        story=story,
        lexicon=lexicon,
        articles=articles,
        outlets=_outlet_frame(articles, counts),
        terms=_frame(rows["terms"], TERM_COLUMNS),
        labels=_frame(label_rows, LABEL_COLUMNS),
        label_table=build_label_table(labels, entity_names),
        mentions=_frame(rows["mentions"], MENTION_COLUMNS),
        entities=entities,
        sentences=_frame(rows["sentences"], SENTENCE_COLUMNS),
        actor_framing=_frame(rows["actor_framing"], FRAMING_COLUMNS),
        actor_sentiment=_frame(rows["actor_sentiment"], ACTOR_SENTIMENT_COLUMNS),
        voices=_frame(rows["voices"], VOICE_COLUMNS),
        quotes=_frame(rows["quotes"], QUOTE_COLUMNS),
        coverage=coverage.tables.coverage,
        fact_sentences=coverage.tables.fact_sentences,
        coverage_outlets=coverage.tables.coverage_outlets,
        numbers=coverage.tables.numbers,
        distinctive=distinctive,
        cleaning=_frame(rows["cleaning"], CLEANING_COLUMNS),
    )
