"""NewsWCL50 (Hamborg et al. 2019): every mention of each actor of an event annotated with
the words each of five outlets used ("North Korean dictator", "Mr. Kim"). Slant's label
discovery against "the two words before each name", as recall of the descriptive
mentions and the share of labels that are wrong.

The gold side follows benchmarks/eval_labels_newswcl50.py (which calls these functions):
the main actors of an event are its most-mentioned ACTOR concepts; an annotated mention
is descriptive when it has words beyond the actor's own name, determiners and courtesy
titles ("North Korean leader", not "Mr. Kim").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from framing.entities import find_labels, find_story_mentions
from framing.evaluate.metrics import overlaps, score_bcubed
from framing.evaluate.results import Dataset, Result
from framing.io import LoadError
from framing.io.evaldata import list_files, read_table, read_text
from framing.models import Article, Label
from framing.reading import read_texts
from framing.text import find_words
from framing.wordlists import COURTESY_TITLES, DETERMINERS, POSSESSIVE_SUFFIXES

# NewsWCL50's outlets from far left to far right, the order its files are read in (the
# evaluation's choice of an event's main actors breaks ties by first mention).
NEWSWCL50_OUTLETS = ("LL", "L", "M", "R", "RR")

WCL_TOP_ACTORS = 4
WCL_DETERMINERS = DETERMINERS | {"these", "those"}
WCL_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# The sentence files normalise curly quotes to ASCII, one character each, so offsets found
# in the normalised text are offsets into the article text.
ASCII_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
WCL_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*\.?")
WCL_TOKEN_RE = re.compile(r"\w+(?:[-.']\w+)*\.?|'s|n't|[^\w\s]")
# Baseline labels: this many words before each mention of an actor's name.
BASELINE_LABEL_WORDS = 2
LabelSpan = tuple[int, int, str]  # start, end, the concept (actor) it labels
Span = tuple[int, int, str]  # start, end, the entity Slant gave it


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
                        and other.lower().rstrip(".") not in COURTESY_TITLES
                        and other.lower() not in lower_words
                    ):
                        pieces |= new
                        changed = True
    return frozenset(pieces)


def _is_descriptive(mention: str, pieces: frozenset[str]) -> bool:
    """Words beyond the name, its initials and suffixes, determiners, courtesy titles, 's."""
    return any(
        w not in WCL_DETERMINERS
        and w not in COURTESY_TITLES
        and w not in WCL_NAME_SUFFIXES
        and len(w) > 1
        and not set(_word_pieces(w)) <= pieces
        for w in _wcl_words(mention.replace("'s", ""))
    )


def find_newswcl50_gold(
    texts: dict[str, str],
    sentence_lines: dict[str, Sequence[str]],
    annotations: Sequence[dict[str, str]],
    top: int | None = WCL_TOP_ACTORS,
) -> NewsWCL50Gold:
    """The annotated mentions of one event's ``top`` most-mentioned ACTOR concepts (every
    ACTOR concept when ``top`` is None).

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
        return label[2] == g.concept and overlaps(label[:2], (g.start, g.end))

    descriptive = [g for g in gold if g.descriptive]
    missed = tuple(g for g in descriptive if not any(hits(lab, g) for lab in labels))
    wrong = tuple(i for i, lab in enumerate(labels) if not any(hits(lab, g) for g in gold))
    return LabelRecovery(
        len(descriptive), len(descriptive) - len(missed), len(labels), missed, wrong
    )


def find_main_actor_labels(
    articles: Sequence[Article],
    name_words: dict[str, frozenset[str]],
    docs: Sequence[Doc] | None = None,
) -> dict[str, list[tuple[Label, str]]]:
    """Article id -> (label, concept) for each label Slant's discovery (entities.find_labels,
    no lexicon; ``docs``: each article's parse, as the dashboard has it) attaches to a main
    actor; labels of other entities are left out."""
    labels, names = find_labels(articles, docs=docs)
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
        docs = [r.doc for r in read_texts([a.text for a in stories], jobs=1)]
        ours = find_main_actor_labels(stories, gold.name_words, docs)
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


def find_head_word(mention: str) -> str:
    """The merging baseline's key for a mention: its last word, lower-cased, without a
    possessive ("President Trump" and "Mr. Trump" -> "trump")."""
    words = _wcl_words(mention.replace("'s", "").replace("\u2019s", ""))
    return words[-1] if words else mention.lower()


def _entity_at(spans: Sequence[Span], start: int, end: int) -> str | None:
    """The entity of the span (start, end, entity) that overlaps [start, end) the most."""
    best, best_overlap = None, 0
    for s, e, entity in spans:
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = entity, overlap
    return best


def score_entity_merging(articles: pd.DataFrame, annotations: pd.DataFrame) -> list[Result]:
    """How well Slant's entities (no lexicon, each event one story) group the annotated
    mentions of every ACTOR concept: B-cubed precision, recall and F1 over the gold
    mentions (higher is better), all of them and the name mentions alone (no words beyond
    the actor's name). A gold mention takes the entity of the name or label (a title,
    appositive or description Slant resolved to an entity) that overlaps it most, a name
    on a tie; one that none overlaps stands alone. The baseline groups the same gold
    mentions by their last word (find_head_word).

    ``articles`` and ``annotations`` are load_newswcl50's tables.
    """
    keys: dict[str, tuple[list, list, list]] = {"": ([], [], []), "names": ([], [], [])}
    for event, event_articles in articles.groupby("event", sort=True):
        rows = annotations[annotations["event"] == event].to_dict("records")
        texts = dict(zip(event_articles["outlet"], event_articles["text"], strict=True))
        lines = dict(zip(event_articles["outlet"], event_articles["sentences"], strict=True))
        gold = find_newswcl50_gold(texts, lines, rows, top=None)
        stories = [Article(f"{event}_{o}", o, "", "", "", t, t) for o, t in texts.items()]
        found: dict[str, list[Span]] = defaultdict(list)  # names first: they win ties
        docs = [r.doc for r in read_texts([a.text for a in stories], jobs=1)]
        for m in find_story_mentions(stories, docs=docs):
            found[m.article_id].append((m.start, m.end, m.entity))
        for label in find_labels(stories, docs=docs)[0]:
            found[label.article_id].append((label.start, label.end, label.entity))
        for i, g in enumerate(gold.mentions):
            entity = _entity_at(found[f"{event}_{g.outlet}"], g.start, g.end)
            ours = (event, entity) if entity else (event, "alone", i)
            for part in ("", "names") if not g.descriptive else ("",):
                gold_keys, our_keys, baseline_keys = keys[part]
                gold_keys.append((event, g.concept))
                our_keys.append(ours)
                baseline_keys.append((event, find_head_word(g.text)))
    results = []
    for part, (gold_keys, our_keys, baseline_keys) in keys.items():
        if not gold_keys:
            continue
        ours, theirs = score_bcubed(gold_keys, our_keys), score_bcubed(gold_keys, baseline_keys)
        suffix = f" ({part})" if part else ""
        for k, metric in enumerate(("B-cubed precision", "B-cubed recall", "B-cubed F1")):
            results.append(
                Result(
                    "NewsWCL50 entities",
                    f"merging {metric}{suffix}",
                    ours[k],
                    theirs[k],
                    len(gold_keys),
                    True,
                )
            )
    return results


def _score_newswcl50(path: Path) -> list[Result]:
    articles, annotations = load_newswcl50(path)
    return score_newswcl50(articles, annotations) + score_entity_merging(articles, annotations)


def load_newswcl50(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """NewsWCL50's articles and actor annotations, from ``event_N/N_OUTLET.txt``,
    ``N_OUTLET_sent.txt`` and ``N_OUTLET_annotations.csv``, outlets in NEWSWCL50_OUTLETS
    order.

    Returns (articles: event, outlet, text, sentences (the lines of the sentence file,
    which the annotations' sentence numbers index), annotations: event plus the CSV's
    columns as text).
    """
    folder = Path(folder)
    articles, tables = [], []
    for event_dir in list_files(folder, "event_*"):
        event = int(event_dir.name.removeprefix("event_"))
        annotated = {p.name for p in list_files(event_dir, "*_annotations.csv")}
        for outlet in NEWSWCL50_OUTLETS:
            notes = event_dir / f"{event}_{outlet}_annotations.csv"
            if notes.name not in annotated:
                continue
            stem = event_dir / f"{event}_{outlet}"
            text = read_text(stem.with_suffix(".txt"))
            lines = read_text(f"{stem}_sent.txt").split("\n")
            articles.append((event, outlet, text, tuple(lines)))
            tables.append(read_table(notes).assign(event=event))
    if not articles:
        raise LoadError(folder, "no event_N/N_OUTLET_annotations.csv files")
    frame = pd.DataFrame(articles, columns=["event", "outlet", "text", "sentences"])
    return frame, pd.concat(tables, ignore_index=True)


DATASET = Dataset("newswcl50", "newswcl50", lambda path, lexicon: _score_newswcl50(path))
