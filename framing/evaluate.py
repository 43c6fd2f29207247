"""Check Slant's scores against public human judgements, each next to a simple baseline.

``python -m framing evaluate DATA_DIR`` runs every data set found in DATA_DIR (see
docs/evaluation.md for what each number means and the current results):

- BABE: experts marked biased words in news sentences and labelled each sentence Biased
  or Non-biased. Slant's loaded-term hits are scored as a biased-word detector, and its
  loaded-term density as a Biased-sentence ranker. Baseline: VADER's own word list.
- PTC: propaganda spans marked in news articles; Loaded_Language and
  Name_Calling,Labeling are what Slant's generic lexicon looks for. Baseline: VADER words.
- NewsMTSC: the sentiment of a sentence toward a named person. Slant's target-aware
  score against VADER on the whole sentence.
- NewsWCL50: every descriptive mention of each actor, per outlet. Slant's label
  discovery against "the two words before each name".
- AllSides (with NewsWCL50's events mixed in): the news event each article belongs to.
  Slant's story grouping against TF-IDF cosine with average linkage
  (framing.evaluate_stories).

The gold data never goes into the repository: it is read from the folder given.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from framing.analysis import is_loaded
from framing.entities import find_labels
from framing.evaluate_stories import load_story_gold, score_story_grouping
from framing.io import (
    NEWSWCL50_OUTLETS,
    find_eval_datasets,
    load_babe,
    load_newsmtsc,
    load_newswcl50,
    load_ptc,
    write_table,
    write_text_atomic,
)
from framing.lexicon import load_lexicons
from framing.models import Article, Label, Lexicon
from framing.sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    score_sentences,
    score_target_sentiment,
)
from framing.terms import find_term_hits
from framing.text import count_words, find_words, tokenize

GENERIC_LEXICON = "loaded_language"
RESULT_COLUMNS = ["dataset", "metric", "slant", "baseline", "better", "n"]
NUMERIC = frozenset({"slant", "baseline", "n"})
RESULT_SUFFIXES = (".csv", ".json", ".md")
# A VADER word counts as loaded when its valence (VADER rates words -4 .. +4) is at least
# this strong. Word-level F1 on BABE barely moves between 0.5 and 2 (0.150 .. 0.156).
VADER_LOADED_THRESHOLD = 1.5
# The PTC techniques the generic lexicon is meant to find.
PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
BIASED, NON_BIASED = "Biased", "Non-biased"
SENTIMENT_CLASSES = (-1, 0, 1)

Span = tuple[int, int]
LabelSpan = tuple[int, int, str]  # start, end, the concept (actor) it labels


@dataclass(frozen=True)
class Result:
    """One row of the evaluation table: a metric for Slant and for the baseline.

    ``n`` counts the gold units the metric is computed over (words, spans, sentences,
    targets, mentions; for a share of Slant's own output, Slant's items). Most metrics
    run 0 .. 1 with higher better; for the others ``higher_is_better`` is False.
    """

    dataset: str
    metric: str
    slant: float
    baseline: float
    n: int
    higher_is_better: bool = True

    @property
    def better(self) -> str:
        """Which side wins: "slant", "baseline" or "tie" (equal to 3 decimals, or NaN)."""
        a, b = round(self.slant, 3), round(self.baseline, 3)
        if math.isnan(a) or math.isnan(b) or a == b:
            return "tie"
        return "slant" if (a > b) == self.higher_is_better else "baseline"


@dataclass(frozen=True)
class Evaluation:
    """The evaluation table, the data sets that were not found, and seconds per data set."""

    table: pd.DataFrame
    skipped: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)


# --- metrics ---------------------------------------------------------------------------


def score_precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision tp/(tp+fp), recall tp/(tp+fn) and their harmonic mean F1, each 0 .. 1,
    higher is better. Precision (recall) is NaN with nothing predicted (nothing to find);
    F1 is then 0 unless both are NaN."""
    precision = tp / (tp + fp) if tp + fp else math.nan
    recall = tp / (tp + fn) if tp + fn else math.nan
    if math.isnan(precision) and math.isnan(recall):
        return precision, recall, math.nan
    p, r = (0.0 if math.isnan(x) else x for x in (precision, recall))
    return precision, recall, _f1(p, r)


def score_set_matches(
    predicted: Sequence[set[str]], gold: Sequence[set[str]]
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over paired item sets, e.g. the
    words predicted and the words marked in each sentence."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must have one set per item")
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    fp = sum(len(p - g) for p, g in zip(predicted, gold, strict=True))
    fn = sum(len(g - p) for p, g in zip(predicted, gold, strict=True))
    return tp, fp, fn


def score_auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """ROC AUC: the chance that a random positive item scores above a random negative one
    (ties count half), from the Mann-Whitney U statistic. 0.5 = no better than chance,
    1 = perfect ranking; NaN when either group is empty."""
    if not positive or not negative:
        return math.nan
    values = sorted([(v, 1) for v in positive] + [(v, 0) for v in negative])
    rank_sum = 0.0
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j][0] == values[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2  # ranks i+1 .. j share their average
        rank_sum += mean_rank * sum(label for _, label in values[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    u = rank_sum - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)


def score_macro_f1(
    gold: Sequence[int], predicted: Sequence[int], classes: Sequence[int] = SENTIMENT_CLASSES
) -> float:
    """Mean over ``classes`` of each class's F1 (a class never predicted nor present
    scores 0), 0 .. 1, higher is better; rare classes weigh as much as common ones."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    scores = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        f1 = score_precision_recall_f1(tp, fp, fn)[2]
        scores.append(0.0 if math.isnan(f1) else f1)
    return sum(scores) / len(scores)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_span_overlap(predicted: Sequence[Span], gold: Sequence[Span]) -> tuple[int, int]:
    """(predicted spans that overlap a gold span, gold spans overlapped by a prediction).

    Spans are end-exclusive (start, end) character offsets of one text. Divided by the
    number of predicted (gold) spans they give overlap precision (recall).
    """
    gold_sorted = sorted(gold)
    correct = sum(any(_overlaps(p, g) for g in gold_sorted) for p in predicted)
    recalled = sum(any(_overlaps(p, g) for p in predicted) for g in gold_sorted)
    return correct, recalled


def classify_compound(
    compound: float, negative: float = NEGATIVE_THRESHOLD, positive: float = POSITIVE_THRESHOLD
) -> int:
    """-1 (negative) when ``compound`` <= ``negative``, +1 when >= ``positive``, else 0."""
    if compound <= negative:
        return -1
    return 1 if compound >= positive else 0


# --- detectors -------------------------------------------------------------------------


def find_loaded_spans(text: str, lexicon: Lexicon) -> list[Span]:
    """Spans of the terms Slant counts as loaded in ``text`` (analysis.is_loaded): its
    loaded-term detector."""
    article = Article("text", "", "", "", "", text, text)
    return [(h.start, h.end) for h in find_term_hits(article, lexicon) if is_loaded(h)]


@cache
def _vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def find_vader_spans(text: str, threshold: float = VADER_LOADED_THRESHOLD) -> list[Span]:
    """Spans of the words whose VADER valence is at least ``threshold`` in size (the
    baseline loaded-word detector)."""
    lexicon = _vader_lexicon()
    return [
        (start, end)
        for start, end in find_words(text)
        if abs(lexicon.get(text[start:end].lower(), 0.0)) >= threshold
    ]


def _span_words(text: str, spans: Iterable[Span]) -> set[str]:
    return {word for start, end in spans for word in tokenize(text[start:end])}


def _per_100_words(spans: Sequence[Span], text: str) -> float:
    words = count_words(text)
    return 100.0 * len(spans) / words if words else 0.0


# --- data sets -------------------------------------------------------------------------


def _prf_results(
    dataset: str, slant: tuple[int, int, int], baseline: tuple[int, int, int], n: int
) -> list[Result]:
    ours, theirs = score_precision_recall_f1(*slant), score_precision_recall_f1(*baseline)
    return [
        Result(dataset, metric, a, b, n)
        for metric, a, b in zip(("precision", "recall", "F1"), ours, theirs, strict=True)
    ]


def score_babe(sentences: pd.DataFrame, lexicon: Lexicon) -> list[Result]:
    """Biased-word precision/recall/F1 and Biased-sentence ROC AUC on BABE.

    ``sentences`` is load_babe's table. Words are lower-cased word tokens; a sentence's
    gold words are the experts' biased words when it is labelled Biased, none when it is
    Non-biased (so every hit there is a false positive); other labels are left out.
    The AUC ranks sentences by loaded-term hits per 100 words (baseline: |VADER compound|).
    """
    rows = sentences[sentences["label"].isin([BIASED, NON_BIASED])]
    texts = rows["text"].tolist()
    biased = [label == BIASED for label in rows["label"]]
    gold = [
        {w for word in words for w in tokenize(word)} if is_biased else set()
        for words, is_biased in zip(rows["biased_words"], biased, strict=True)
    ]
    ours = [find_loaded_spans(t, lexicon) for t in texts]
    theirs = [find_vader_spans(t) for t in texts]
    n_gold = sum(map(len, gold))
    results = _prf_results(
        "BABE words",
        score_set_matches([_span_words(t, s) for t, s in zip(texts, ours, strict=True)], gold),
        score_set_matches([_span_words(t, s) for t, s in zip(texts, theirs, strict=True)], gold),
        n_gold,
    )
    density = [_per_100_words(s, t) for s, t in zip(ours, texts, strict=True)]
    strength = [abs(c) for c in score_sentences(texts)]

    def auc(scores: Sequence[float]) -> float:
        pos = [s for s, b in zip(scores, biased, strict=True) if b]
        neg = [s for s, b in zip(scores, biased, strict=True) if not b]
        return score_auc(pos, neg)

    results.append(Result("BABE sentences", "ROC AUC", auc(density), auc(strength), len(texts)))
    return results


def score_ptc(articles: dict[str, str], spans: pd.DataFrame, lexicon: Lexicon) -> list[Result]:
    """Span-overlap precision, recall and F1 on PTC against the Loaded_Language and
    Name_Calling,Labeling spans together, and recall per technique.

    A hit is correct when it overlaps a gold span of those techniques; a gold span is
    recalled when any hit overlaps it. ``articles`` maps article id to text and
    ``spans`` is load_ptc's span table.
    """
    gold: dict[str, dict[str, list[Span]]] = {a: {t: [] for t in PTC_TECHNIQUES} for a in articles}
    wanted = spans[spans["technique"].isin(PTC_TECHNIQUES) & spans["article_id"].isin(gold)]
    for article_id, technique, start, end in wanted[
        ["article_id", "technique", "start", "end"]
    ].itertuples(index=False):
        gold[article_id][technique].append((int(start), int(end)))
    n_of = {t: sum(len(g[t]) for g in gold.values()) for t in PTC_TECHNIQUES}
    n_all = sum(n_of.values())

    def scores(detect: Callable[[str], list[Span]]) -> dict[str, float]:
        counts: Counter = Counter()
        for article_id, text in articles.items():
            found = detect(text)
            own = gold[article_id]
            counts["hits"] += len(found)
            counts["correct"] += score_span_overlap(found, [g for t in own for g in own[t]])[0]
            for technique in PTC_TECHNIQUES:
                counts[technique] += score_span_overlap(found, own[technique])[1]
        precision = counts["correct"] / counts["hits"] if counts["hits"] else math.nan
        recalled = sum(counts[t] for t in PTC_TECHNIQUES)
        recall = recalled / n_all if n_all else math.nan
        return {
            "precision": precision,
            "recall": recall,
            "F1": _f1(precision, recall),
            **{f"recall {t}": counts[t] / n_of[t] if n_of[t] else math.nan for t in n_of},
        }

    ours = scores(lambda text: find_loaded_spans(text, lexicon))
    theirs = scores(find_vader_spans)
    n = {**{m: n_all for m in ("precision", "recall", "F1")},
         **{f"recall {t}": n_of[t] for t in n_of}}  # fmt: skip
    return [Result("PTC spans", m, ours[m], theirs[m], n[m]) for m in ours]


def score_newsmtsc(targets: pd.DataFrame, lexicon: Lexicon, dataset: str) -> list[Result]:
    """Macro-F1 (negative / neutral / positive) of Slant's target-aware sentiment and of
    VADER on the whole sentence, both cut at VADER's +-0.05, against NewsMTSC's polarity.

    ``targets`` is load_newsmtsc's table; the other targets of a sentence are passed as
    other people named in it, who may draw its loaded terms.
    """
    spans_of: dict[int, list[Span]] = {}
    for sentence_id, start, end in targets[["sentence_id", "start", "end"]].itertuples(index=False):
        spans_of.setdefault(sentence_id, []).append((start, end))
    ours, theirs = [], []
    sentence_compound: dict[int, float] = {}
    for sentence_id, sentence, start, end in targets[
        ["sentence_id", "sentence", "start", "end"]
    ].itertuples(index=False):
        others = [span for span in spans_of[sentence_id] if span != (start, end)]
        ours.append(
            classify_compound(score_target_sentiment(sentence, (start, end), lexicon, others))
        )
        if sentence_id not in sentence_compound:
            sentence_compound[sentence_id] = score_sentences([sentence])[0]
        theirs.append(classify_compound(sentence_compound[sentence_id]))
    gold = targets["polarity"].tolist()
    return [
        Result(
            dataset, "macro-F1", score_macro_f1(gold, ours), score_macro_f1(gold, theirs), len(gold)
        )
    ]


# --- NewsWCL50 labels ------------------------------------------------------------------
# The gold side follows benchmarks/eval_labels_newswcl50.py (which calls these functions):
# the main actors of an event are its most-mentioned ACTOR concepts; an annotated mention
# is descriptive when it has words beyond the actor's own name, determiners and courtesy
# titles ("North Korean leader", not "Mr. Kim").

WCL_TOP_ACTORS = 4
WCL_DETERMINERS = frozenset("the a an this that these those".split())
WCL_COURTESY = frozenset("mr mrs ms miss mx messrs".split())
WCL_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# The sentence files normalise curly quotes to ASCII, one character each, so offsets found
# in the normalised text are offsets into the article text.
ASCII_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
WCL_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*\.?")
WCL_TOKEN_RE = re.compile(r"\w+(?:[-.']\w+)*\.?|'s|n't|[^\w\s]")
POSSESSIVE_SUFFIXES = ("'s", "’s")
# Baseline labels: this many words before each mention of an actor's name.
BASELINE_LABEL_WORDS = 2


@dataclass(frozen=True)
class GoldMention:
    """One annotated mention of a main actor, located in its article's text."""

    outlet: str
    concept: str  # NewsWCL50's code_name, e.g. "PRK\\Jong Un"
    start: int
    end: int
    text: str
    descriptive: bool


@dataclass(frozen=True)
class NewsWCL50Gold:
    """An event's gold mentions, the name words of each main actor, and how many
    annotations could not be placed in the text."""

    mentions: tuple[GoldMention, ...]
    name_words: dict[str, frozenset[str]]
    unplaced: int


@dataclass(frozen=True)
class LabelRecovery:
    """Labels against the gold mentions of one article: descriptive gold mentions and how
    many of them a label overlaps (``missed`` lists the others), labels and how many
    overlap no gold mention of their actor (``wrong`` holds their indices)."""

    descriptive: int
    recovered: int
    labels: int
    missed: tuple[GoldMention, ...]
    wrong: tuple[int, ...]


def _wcl_words(text: str) -> list[str]:
    return [w.lower().rstrip(".") for w in WCL_WORD_RE.findall(text)]


def _word_pieces(word: str) -> list[str]:
    return [p for p in re.split(r"[-']", word.lower().rstrip(".")) if p]


def _align_sentences(text: str, lines: Sequence[str]) -> list[int | None]:
    """Offset of each sentence line in ``text`` (None when it cannot be found)."""
    normal = text.translate(ASCII_QUOTES)
    offsets: list[int | None] = []
    pos = 0
    for line in lines:
        line = line.strip()
        found = normal.find(line, pos) if line else -1
        if found < 0 and len(line) > 40:
            prefix = normal.find(line[:40], pos)
            found = prefix if prefix >= 0 and normal[prefix:].startswith(line[:40]) else -1
        offsets.append(found if found >= 0 else None)
        if found >= 0:
            pos = found + len(line)
    return offsets


def _locate(line: str, mention: str, token_start: int) -> int | None:
    """Offset of ``mention`` in ``line``: the occurrence nearest to token ``token_start``."""
    pattern = r"\s+".join(re.escape(part) for part in mention.split())
    best, best_distance = None, None
    for match in re.finditer(pattern, line):
        distance = abs(len(WCL_TOKEN_RE.findall(line[: match.start()])) - token_start)
        if best_distance is None or distance < best_distance:
            best, best_distance = match.start(), distance
    return best


def _name_words(concept: str, mentions: Sequence[str], lower_words: set[str]) -> frozenset[str]:
    """Words of the actor's own name: the concept's name ('USA\\Trump' -> trump) plus the
    capitalised words written next to a known name word in its mentions ('Donald Trump',
    'Kim Jong-un'), except words the event also writes in lower case ('President') and
    possessives ("North Korea's Kim")."""
    pieces = set(_word_pieces(concept.split("\\")[-1].replace(" ", "-")))
    changed = True
    while changed:
        changed = False
        for mention in mentions:
            words = mention.split()
            for i, word in enumerate(words):
                if not set(_word_pieces(word.removesuffix("'s"))) & pieces:
                    continue
                for j in (i - 1, i + 1):
                    if not 0 <= j < len(words):
                        continue
                    other = words[j].strip(',."')
                    new = set(_word_pieces(other)) - pieces
                    if (
                        other[:1].isupper()
                        and new
                        and not other.endswith("'s")
                        and other.lower().rstrip(".") not in WCL_COURTESY
                        and other.lower() not in lower_words
                    ):
                        pieces |= new
                        changed = True
    return frozenset(pieces)


def _is_descriptive(mention: str, pieces: frozenset[str]) -> bool:
    """Words beyond the name, its initials and suffixes, determiners, courtesy titles, 's."""
    return any(
        w not in WCL_DETERMINERS
        and w not in WCL_COURTESY
        and w not in WCL_NAME_SUFFIXES
        and len(w) > 1
        and not set(_word_pieces(w)) <= pieces
        for w in _wcl_words(mention.replace("'s", ""))
    )


def find_newswcl50_gold(
    texts: dict[str, str],
    sentence_lines: dict[str, Sequence[str]],
    annotations: Sequence[dict[str, str]],
    top: int = WCL_TOP_ACTORS,
) -> NewsWCL50Gold:
    """The annotated mentions of one event's ``top`` most-mentioned ACTOR concepts.

    ``texts`` and ``sentence_lines`` map outlet to article text and to the lines of its
    sentence file; ``annotations`` are the rows of the event's annotation files. Mentions
    are placed in the text through their sentence line and token position.
    """
    lower_words = {w for t in texts.values() for w in re.findall(r"\b[a-z][a-z'-]*\b", t)}
    actors = Counter(r["code_name"] for r in annotations if r["code_type"] == "ACTOR")
    main = [name for name, _ in actors.most_common(top)]
    said: dict[str, list[str]] = defaultdict(list)
    for r in annotations:
        if r["code_type"] == "ACTOR" and r["code_name"] in main:
            said[r["code_name"]].append(r["code_mention"])
    pieces = {c: _name_words(c, said[c], lower_words) for c in main}
    starts = {o: _align_sentences(texts[o], sentence_lines[o]) for o in texts}
    gold, unplaced = [], 0
    for r in annotations:
        concept, outlet = r["code_name"], r["publisher_id"]
        if concept not in pieces or r["code_type"] != "ACTOR" or outlet not in texts:
            continue
        sentence = int(r["sentence"])
        line_start = starts[outlet][sentence] if sentence < len(starts[outlet]) else None
        at = None
        if line_start is not None:
            line = sentence_lines[outlet][sentence].strip()
            at = _locate(line, r["code_mention"], int(r["start"]))
        if at is None:
            unplaced += 1
            continue
        start = line_start + at
        length = len(re.sub(r"\s+", " ", r["code_mention"]))
        descriptive = _is_descriptive(r["code_mention"], pieces[concept])
        gold.append(
            GoldMention(outlet, concept, start, start + length, r["code_mention"], descriptive)
        )
    return NewsWCL50Gold(tuple(gold), pieces, unplaced)


def find_label_concept(entity_name: str, name_words: dict[str, frozenset[str]]) -> str | None:
    """The one concept whose name words contain every word of ``entity_name`` (the display
    name label discovery gave the entity), else None."""
    words = {p for w in _wcl_words(entity_name) for p in _word_pieces(w) if len(p) > 1}
    fits = [c for c, names in name_words.items() if words and words <= names]
    return fits[0] if len(fits) == 1 else None


def find_words_before_names(text: str, name_words: dict[str, frozenset[str]]) -> list[LabelSpan]:
    """The baseline labeller: for each mention of an actor's name (a run of capitalised
    name words), the BASELINE_LABEL_WORDS words before it on the same line."""
    words = find_words(text)
    found = []
    i = 0
    while i < len(words):
        start, end = words[i]
        concepts = [c for c, names in name_words.items() if _is_name_word(text[start:end], names)]
        if len(concepts) != 1:
            i += 1
            continue
        names = name_words[concepts[0]]
        before = words[max(0, i - BASELINE_LABEL_WORDS) : i]
        before = [w for w in before if "\n" not in text[w[0] : start]]
        if before:
            found.append((before[0][0], before[-1][1], concepts[0]))
        while i < len(words) and _is_name_word(text[words[i][0] : words[i][1]], names):
            i += 1
    return found


def _is_name_word(word: str, names: frozenset[str]) -> bool:
    """A capitalised word whose pieces are all name words ("Kim", "Jong-un", "Trump's")."""
    for suffix in POSSESSIVE_SUFFIXES:
        word = word.removesuffix(suffix)
    return word[:1].isupper() and set(_word_pieces(word)) <= names


def score_label_recovery(labels: Sequence[LabelSpan], gold: Sequence[GoldMention]) -> LabelRecovery:
    """Labels (start, end, concept) of one article against its gold mentions: a
    descriptive mention is recovered when a label of its actor overlaps it; a label is
    wrong when it overlaps no gold mention of its actor."""

    def hits(label: LabelSpan, g: GoldMention) -> bool:
        return label[2] == g.concept and _overlaps(label[:2], (g.start, g.end))

    descriptive = [g for g in gold if g.descriptive]
    missed = tuple(g for g in descriptive if not any(hits(lab, g) for lab in labels))
    wrong = tuple(i for i, lab in enumerate(labels) if not any(hits(lab, g) for g in gold))
    return LabelRecovery(
        len(descriptive), len(descriptive) - len(missed), len(labels), missed, wrong
    )


def find_main_actor_labels(
    articles: Sequence[Article], name_words: dict[str, frozenset[str]]
) -> dict[str, list[tuple[Label, str]]]:
    """Article id -> (label, concept) for each label Slant's discovery (entities.find_labels,
    no lexicon) attaches to a main actor; labels of other entities are left out."""
    labels, names = find_labels(articles)
    concept_of = {e: find_label_concept(n, name_words) for e, n in names.items()}
    found: dict[str, list[tuple[Label, str]]] = {a.id: [] for a in articles}
    for label in labels:
        concept = concept_of.get(label.entity)
        if concept:
            found[label.article_id].append((label, concept))
    return found


def score_newswcl50(
    articles: pd.DataFrame, annotations: pd.DataFrame, top: int = WCL_TOP_ACTORS
) -> list[Result]:
    """Recall of the annotated descriptive mentions of each event's main actors, per outlet
    and overall, and the share of labels that are wrong (lower is better), for Slant's
    label discovery and for the words-before-names baseline.

    ``articles`` and ``annotations`` are load_newswcl50's tables; each event is one story.
    """
    totals = {"slant": Counter(), "baseline": Counter()}
    for event, event_articles in articles.groupby("event", sort=True):
        rows = annotations[annotations["event"] == event].to_dict("records")
        texts = dict(zip(event_articles["outlet"], event_articles["text"], strict=True))
        lines = dict(zip(event_articles["outlet"], event_articles["sentences"], strict=True))
        gold = find_newswcl50_gold(texts, lines, rows, top)
        stories = [Article(f"{event}_{o}", o, "", "", "", t, t) for o, t in texts.items()]
        ours = find_main_actor_labels(stories, gold.name_words)
        for article in stories:
            own = [g for g in gold.mentions if g.outlet == article.outlet]
            found = {
                "slant": [(label.start, label.end, c) for label, c in ours[article.id]],
                "baseline": find_words_before_names(article.text, gold.name_words),
            }
            for name, spans in found.items():
                r = score_label_recovery(spans, own)
                totals[name].update(
                    {
                        f"descriptive {article.outlet}": r.descriptive,
                        f"recovered {article.outlet}": r.recovered,
                        "descriptive": r.descriptive,
                        "recovered": r.recovered,
                        "labels": r.labels,
                        "wrong": len(r.wrong),
                    }
                )

    def result(metric: str, part: str, whole: str, lower_is_better: bool = False) -> Result:
        a, b = (t[part] / t[whole] if t[whole] else math.nan for t in totals.values())
        n = totals["slant"][whole]
        return Result("NewsWCL50 labels", metric, a, b, n, not lower_is_better)

    results = [
        result(f"recall {o}", f"recovered {o}", f"descriptive {o}")
        for o in NEWSWCL50_OUTLETS
        if totals["slant"][f"descriptive {o}"]
    ]
    results.append(result("recall", "recovered", "descriptive"))
    results.append(result("wrong share", "wrong", "labels", lower_is_better=True))
    return results


# --- the whole run ---------------------------------------------------------------------


def score_gold_data(data_dir: str | Path, lexicon: Lexicon | None = None) -> Evaluation:
    """Every metric for every data set found in ``data_dir`` (docs/evaluation.md).

    ``lexicon`` defaults to the shipped generic loaded-language lexicon. Raises
    io.LoadError when ``data_dir`` is not a folder or holds none of the data sets.
    """
    found = find_eval_datasets(data_dir)
    lexicon = lexicon or load_lexicons([GENERIC_LEXICON])
    runs: dict[str, Callable[[Path], list[Result]]] = {
        "babe": lambda path: score_babe(load_babe(path), lexicon),
        "ptc": lambda path: score_ptc(*load_ptc(path), lexicon),
        "newsmtsc_rw": lambda path: score_newsmtsc(load_newsmtsc(path), lexicon, "NewsMTSC rw"),
        "newsmtsc_mt": lambda path: score_newsmtsc(
            load_newsmtsc(path), lexicon, "NewsMTSC mt (tuning)"
        ),
        "newswcl50": lambda path: score_newswcl50(*load_newswcl50(path)),
        "allsides": lambda path: _score_stories(path, Path(data_dir) / "newswcl50"),
    }
    results: list[Result] = []
    seconds: dict[str, float] = {}
    for name, run in runs.items():
        if name in found:
            began = time.perf_counter()
            results += run(found[name])
            seconds[name] = time.perf_counter() - began
    table = pd.DataFrame(
        [(r.dataset, r.metric, r.slant, r.baseline, r.better, r.n) for r in results],
        columns=RESULT_COLUMNS,
    )
    skipped = tuple(name for name in runs if name not in found)
    return Evaluation(table, skipped, seconds)


def _score_stories(allsides: Path, newswcl50: Path) -> list[Result]:
    """Story grouping on AllSides alone, and with NewsWCL50's events 0-4 when present."""
    rows = score_story_grouping(load_story_gold(allsides, None), "AllSides stories")
    if newswcl50.is_dir():
        mixed = load_story_gold(allsides, newswcl50)
        rows += score_story_grouping(mixed, "AllSides + NewsWCL50 0-4 stories")
    return [Result(*row) for row in rows]


def format_results(table: pd.DataFrame, markdown: bool = False) -> str:
    """The evaluation table as aligned plain text, or as a Markdown table; scores are
    rounded to 3 decimals."""
    cells = [
        [str(v) if not isinstance(v, float) else f"{v:.3f}" for v in row]
        for row in table[RESULT_COLUMNS].itertuples(index=False)
    ]
    if markdown:
        lines = ["| " + " | ".join(RESULT_COLUMNS) + " |"]
        lines.append(
            "|" + "|".join("---:" if c in NUMERIC else "---" for c in RESULT_COLUMNS) + "|"
        )
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(RESULT_COLUMNS)]
    lines = []
    for row in [RESULT_COLUMNS, *cells]:
        padded = [
            v.rjust(w) if c in NUMERIC else v.ljust(w)
            for v, w, c in zip(row, widths, RESULT_COLUMNS, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def write_results(table: pd.DataFrame, path: str | Path) -> Path:
    """Write the evaluation table to ``path``: Markdown for .md, else io.write_table's
    formats (.csv, .json, .jsonl, .parquet; ValueError for others)."""
    if Path(path).suffix.lower() == ".md":
        write_text_atomic(path, format_results(table, markdown=True))
        return Path(path)
    return write_table(table, path)
