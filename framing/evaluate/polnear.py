"""PolNeAR (Newell, Margolin & Ruths 2018): every attribution in US election news annotated
as a Source (who), a Cue (the reporting words) and a Content (what was said), direct and
indirect. Slant's attributions (framing.voices) are scored on the dev split (month 11; the
rules were written against the train split), beside a baseline computed in the same run:
each quotation of at least MIN_SPEECH_WORDS words, credited to the last capitalised name
before it in its paragraph.

- A gold attribution is *direct* when at least half of its content's characters lie inside
  quotation marks (framing.text.find_quotes).
- A predicted attribution *finds* a gold one when they share at least half of the gold
  content's content words (words that are not function words, at the same places in the
  text) and at least half of the predicted content's; each is matched at most once, the
  biggest overlap first. Only the outermost of nested attributions is annotated, so only
  Slant's outermost ones are scored.
- Its *source is right* when the predicted source words share a content word with the gold
  Source span (gold attributions without a Source span are left out of that count). Here a
  personal or possessive pronoun counts as a content word ("he" and "his" are how the
  text names that source), and a possessive is its owner ("Trump's" is Trump).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.evaluate.metrics import f1
from framing.evaluate.results import Dataset, Result
from framing.io import LoadError
from framing.io.evaldata import list_files, read_text
from framing.reading import Reading, read_texts
from framing.text import WORD_RE, find_paragraphs, find_quotes
from framing.voices import MIN_SPEECH_WORDS, find_attributions
from framing.wordlists import FUNCTION_WORDS

SPLIT = "dev"
DIRECT_SHARE = 0.5  # of a content's characters inside quotation marks: direct speech
MATCH_SHARE = 0.5  # of content words shared, both ways, for a prediction to find a gold one
_SPAN = re.compile(r"(\d+) (\d+)")
PRONOUNS = frozenset(
    "i me we us you he him she her it they them who my our your his hers its their".split()
)
_POSSESSIVE = re.compile(r"['’]s$")
_SOURCE_STOPWORDS = FUNCTION_WORDS - PRONOUNS
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|al|bin|van|von))*")

Segments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: its content, source and cue, as (start, end) segments."""

    content: Segments
    source: Segments = ()
    cue: Segments = ()


@dataclass(frozen=True)
class Predicted:
    """An attribution to score: its content (segments), whether direct, its source words."""

    content: Segments
    direct: bool
    source: str


def _segments(spec: str) -> Segments:
    return tuple((int(a), int(b)) for a, b in _SPAN.findall(spec))


def load_polnear(folder: str | Path, split: str = SPLIT) -> list[tuple[str, list[GoldAttribution]]]:
    """The articles of one split with their attributions: (text, attributions) per article,
    from ``<split>/text/<name>.txt`` and the first annotator's
    ``<split>/attributions/<name>_<annotator>.ann`` (brat standoff: T lines are spans,
    possibly in several pieces "12 20;25 30"; E lines tie an attribution's parts)."""
    base = Path(folder) / split
    articles = []
    for text_file in list_files(base / "text", "*.txt"):
        annotations = list_files(base / "attributions", f"{text_file.stem}_*.ann")
        if not annotations:
            continue
        text = read_text(text_file, keep_line_ends=True)
        articles.append((text, _parse_ann(read_text(annotations[0]))))
    if not articles:
        raise LoadError(base, "no text/<name>.txt with attributions/<name>_<annotator>.ann")
    return articles


def _parse_ann(ann: str) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, Segments]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and " " in parts[1]:
            kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = (kind, _segments(where))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    gold = []
    for event in events:
        parts = {role: spans[ref][1] for role, ref in event.items() if ref in spans}
        if parts.get("Content"):
            source, cue = parts.get("Source", ()), parts.get("Cue", ())
            gold.append(GoldAttribution(parts["Content"], source, cue))
    return gold


def _words(text: str, stopwords: frozenset[str] = FUNCTION_WORDS) -> set[str]:
    lowered = (m.group().lower() for m in WORD_RE.finditer(text))
    return {w for w in lowered if w not in stopwords}


def _content_words(text: str, segments: Segments) -> set[int]:
    """Where the content words of ``segments`` start: two contents share a word when they
    share that place in the text, not merely its spelling (a headline that repeats a
    quotation word for word is not the quotation)."""
    return {
        m.start()
        for a, b in segments
        for m in WORD_RE.finditer(text, a, b)
        if m.group().lower() not in FUNCTION_WORDS
    }


def _source_words(text: str) -> set[str]:
    """A source's words, a possessive one by its owner: "Trump's" is "trump"."""
    return {_POSSESSIVE.sub("", w) for w in _words(text, _SOURCE_STOPWORDS)}


def _same_source(predicted: str, gold: str) -> bool:
    return bool(_source_words(predicted) & _source_words(gold))


def _text(text: str, segments: Iterable[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in segments)


def _is_direct(text: str, content: Segments, quotes: Sequence[tuple[int, int]]) -> bool:
    chars = quoted = 0
    for a, b in content:
        for i in range(a, b):
            if not text[i].isspace():
                chars += 1
                quoted += any(q0 <= i < q1 for q0, q1 in quotes)
    return chars > 0 and quoted / chars >= DIRECT_SHARE


def find_baseline_attributions(text: str) -> list[Predicted]:
    """Each quotation of at least MIN_SPEECH_WORDS words, its source the last capitalised
    name before it in its paragraph (words of the quotations left out)."""
    predicted = []
    quotes = find_quotes(text)
    for start, end in find_paragraphs(text):
        inside = [q for q in quotes if start <= q.start < end]
        for i, quote in enumerate(inside):
            if len(WORD_RE.findall(text[quote.start : quote.end])) < MIN_SPEECH_WORDS:
                continue
            before = text[inside[i - 1].end if i else start : quote.start]
            names = _NAME.findall(before)
            source = names[-1] if names else ""
            predicted.append(Predicted(((quote.start, quote.end),), True, source))
    return predicted


def find_slant_attributions(reading: Reading) -> list[Predicted]:
    """Slant's attributions of one reading, as framing.voices finds them, in PolNeAR's
    terms. Quotations that share one reporting verb ('"A," he said, "B."'; a quotation
    continued) are one attribution, as PolNeAR annotates them: one content in several
    pieces. An attribution inside another's content ('"I think we lost," she said') is
    left out: PolNeAR annotates only the outermost one (its guidelines, "No nested
    attributions"); Slant keeps both."""
    attributions = find_attributions(reading)
    outer = [
        a
        for a in attributions
        if not any(
            b is not a
            and b.start <= a.start
            and a.end <= b.end
            and (b.end - b.start > a.end - a.start or b.start < a.start)
            for b in attributions
        )
    ]
    groups: dict[object, list] = {}
    for a in outer:
        key = (a.cue_start, a.source_start) if a.cue_start >= 0 else id(a)
        groups.setdefault(key, []).append(a)
    return [
        Predicted(
            tuple((a.start, a.end) for a in group),
            all(a.direct for a in group),
            group[0].source_text,
        )
        for group in groups.values()
    ]


@dataclass
class _Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    source_gold: int = 0  # matched gold attributions that have a Source span
    source_right: int = 0
    direct_gold: int = 0
    direct_found: int = 0
    direct_source_gold: int = 0
    direct_source_right: int = 0


def _match(
    text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Predicted]
) -> list[tuple[GoldAttribution, Predicted]]:
    """Gold and predicted attributions paired one to one, the biggest overlap first."""
    gold_words = [_content_words(text, g.content) for g in gold]
    predicted_words = [_content_words(text, p.content) for p in predicted]
    candidates = []
    for gi, gw in enumerate(gold_words):
        if not gw:
            continue
        for pi, pw in enumerate(predicted_words):
            shared = len(gw & pw)
            if pw and shared >= MATCH_SHARE * len(gw) and shared >= MATCH_SHARE * len(pw):
                candidates.append((-shared, gi, pi))
    used_gold, used_predicted, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def _count(
    counts: _Counts, text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Predicted]
) -> None:
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    direct = {id(g) for g in gold if _is_direct(text, g.content, quotes)}
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    counts.direct_gold += len(direct)
    for g, p in _match(text, gold, predicted):
        counts.matched += 1
        right = _same_source(p.source, _text(text, g.source))
        if g.source:
            counts.source_gold += 1
            counts.source_right += right
        if id(g) in direct:
            counts.direct_found += 1
            if g.source:
                counts.direct_source_gold += 1
                counts.direct_source_right += right


def _share(part: int, whole: int) -> float:
    return part / whole if whole else math.nan


def score_polnear(articles: Sequence[tuple[str, Sequence[GoldAttribution]]]) -> list[Result]:
    """The PolNeAR rows: direct quotes found and their sources right, and precision,
    recall and F1 over all attributions (and with the source right too)."""
    readings = read_texts([text for text, _ in articles])
    ours, theirs = _Counts(), _Counts()
    for (text, gold), reading in zip(articles, readings, strict=True):
        _count(ours, text, gold, find_slant_attributions(reading))
        _count(theirs, text, gold, find_baseline_attributions(text))
    name = f"PolNeAR {SPLIT} attributions"

    def rows(c: _Counts) -> dict[str, tuple[float, int]]:
        precision, recall = _share(c.matched, c.predicted), _share(c.matched, c.gold)
        source_p, source_r = _share(c.source_right, c.predicted), _share(c.source_right, c.gold)
        return {
            "direct quotes found": (_share(c.direct_found, c.direct_gold), c.direct_gold),
            "direct quotes: source right (of found)": (
                _share(c.direct_source_right, c.direct_source_gold),
                c.direct_source_gold,
            ),
            "direct quotes: found with source right": (
                _share(c.direct_source_right, c.direct_gold),
                c.direct_gold,
            ),
            "all: precision": (precision, c.predicted),
            "all: recall": (recall, c.gold),
            "all: F1": (f1(precision, recall), c.gold),
            "all: source right (of found)": (_share(c.source_right, c.source_gold), c.source_gold),
            "all: F1 with source right": (f1(source_p, source_r), c.gold),
        }

    mine, base = rows(ours), rows(theirs)
    return [Result(name, metric, value, base[metric][0], n) for metric, (value, n) in mine.items()]


DATASET = Dataset("polnear", "polnear", lambda path, lexicon: score_polnear(load_polnear(path)))
