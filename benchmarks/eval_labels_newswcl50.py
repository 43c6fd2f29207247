"""How many of the descriptive actor mentions people annotated in NewsWCL50 does Slant's
label discovery recover, per outlet, and how many of its labels are wrong?

    .venv/bin/python benchmarks/eval_labels_newswcl50.py ../shared/eval/newswcl50 [-v]

Each event (event_N/) is read as one story of five outlets (N_LL ... N_RR) and given to
``framing.entities.find_labels`` without a lexicon. See benchmarks/README_labels.md for the
definitions and the latest numbers. Nothing from DATA_DIR is written anywhere.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run without installing

from framing.entities import find_labels  # noqa: E402
from framing.models import Article, Label  # noqa: E402

OUTLETS = ("LL", "L", "M", "R", "RR")
# Mention words that never make a mention descriptive.
DETERMINERS = frozenset("the a an this that these those".split())
COURTESY = frozenset("mr mrs ms miss mx messrs".split())
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Curly quotes were normalised to ASCII in the sentence files; one character each, so
# offsets survive the mapping.
ASCII_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*\.?")
TOKEN_RE = re.compile(r"\w+(?:[-.']\w+)*\.?|'s|n't|[^\w\s]")


@dataclass(frozen=True)
class Gold:
    """One annotated actor mention, located in the article text."""

    outlet: str
    concept: str
    start: int
    end: int
    text: str
    descriptive: bool


def _words(text: str) -> list[str]:
    return [w.lower().rstrip(".") for w in WORD_RE.findall(text)]


def _pieces(word: str) -> list[str]:
    return [p for p in re.split(r"[-']", word.lower().rstrip(".")) if p]


def _align_sentences(text: str, lines: list[str]) -> list[int | None]:
    """Offset of each sentence line in the article text (None when it cannot be found)."""
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
        tokens_before = len(TOKEN_RE.findall(line[: match.start()]))
        distance = abs(tokens_before - token_start)
        if best_distance is None or distance < best_distance:
            best, best_distance = match.start(), distance
    return best


def _name_pieces(concept: str, mentions: list[str], lower_words: set[str]) -> set[str]:
    """Words of the actor's own name: the concept's name ('USA\\Trump' -> trump) plus the
    capitalised words written next to a known name word in its mentions ('Donald Trump',
    'Kim Jong-un'), except words the event also writes in lower case ('President')."""
    pieces = set(_pieces(concept.split("\\")[-1].replace(" ", "-")))
    changed = True
    while changed:
        changed = False
        for mention in mentions:
            words = mention.split()
            for i, word in enumerate(words):
                if not set(_pieces(word.removesuffix("'s"))) & pieces:
                    continue
                for j in (i - 1, i + 1):
                    if 0 <= j < len(words):
                        other = words[j].strip(',."')
                        new = set(_pieces(other)) - pieces
                        if (
                            other[:1].isupper()
                            and new
                            and not other.endswith("'s")  # "North Korea's Kim"
                            and other.lower().rstrip(".") not in COURTESY
                            and other.lower() not in lower_words
                        ):
                            pieces |= new
                            changed = True
    return pieces


def _is_descriptive(mention: str, pieces: set[str]) -> bool:
    """Words beyond the name, its initials and suffixes, determiners, courtesy titles, 's."""
    rest = [
        w
        for w in _words(mention.replace("'s", ""))
        if w not in DETERMINERS
        and w not in COURTESY
        and w not in NAME_SUFFIXES
        and len(w) > 1
        and not set(_pieces(w)) <= pieces
    ]
    return bool(rest)


def _load_event(folder: Path, event: int) -> tuple[list[Article], list[dict], dict[str, list]]:
    articles, rows, offsets = [], [], {}
    for outlet in OUTLETS:
        stem = folder / f"event_{event}" / f"{event}_{outlet}"
        text_path = stem.with_suffix(".txt")
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        lines = Path(f"{stem}_sent.txt").read_text(encoding="utf-8").split("\n")
        articles.append(Article(f"{event}_{outlet}", outlet, "", "", "", text, text))
        offsets[outlet] = (lines, _align_sentences(text, lines))
        with open(f"{stem}_annotations.csv", encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return articles, rows, offsets


def _gold(
    rows: list[dict], offsets: dict, top: int, lower_words: set[str]
) -> tuple[list[Gold], dict[str, set[str]], int]:
    """Annotated mentions of the event's ``top`` most-mentioned ACTOR concepts."""
    actors = Counter(r["code_name"] for r in rows if r["code_type"] == "ACTOR")
    main = [name for name, _ in actors.most_common(top)]
    mentions = defaultdict(list)
    for r in rows:
        if r["code_name"] in main and r["code_type"] == "ACTOR":
            mentions[r["code_name"]].append(r["code_mention"])
    pieces = {c: _name_pieces(c, mentions[c], lower_words) for c in main}
    gold, unplaced = [], 0
    for r in rows:
        concept = r["code_name"]
        if concept not in pieces or r["code_type"] != "ACTOR":
            continue
        lines, starts = offsets[r["publisher_id"]]
        sentence = int(r["sentence"])
        line_start = starts[sentence] if sentence < len(starts) else None
        at = None
        if line_start is not None:
            at = _locate(lines[sentence].strip(), r["code_mention"], int(r["start"]))
        if at is None:
            unplaced += 1
            continue
        start = line_start + at
        length = len(re.sub(r"\s+", " ", r["code_mention"]))
        gold.append(
            Gold(
                r["publisher_id"],
                concept,
                start,
                start + length,
                r["code_mention"],
                _is_descriptive(r["code_mention"], pieces[concept]),
            )
        )
    return gold, pieces, unplaced


def _concept_of(entity_name: str, pieces: dict[str, set[str]]) -> str | None:
    """The concept whose name words contain every word of the entity's display name."""
    words = {p for w in _words(entity_name) for p in _pieces(w) if len(p) > 1}
    fits = [c for c, names in pieces.items() if words and words <= names]
    return fits[0] if len(fits) == 1 else None


def _overlaps(label: Label, gold: Gold) -> bool:
    return label.start < gold.end and gold.start < label.end


def evaluate_event(folder: Path, event: int, top: int, verbose: bool) -> list[dict]:
    articles, rows, offsets = _load_event(folder, event)
    lower_words = {w for a in articles for w in re.findall(r"\b[a-z][a-z'-]*\b", a.text)}
    gold, pieces, unplaced = _gold(rows, offsets, top, lower_words)
    started = time.perf_counter()
    labels, names = find_labels(articles)
    elapsed = time.perf_counter() - started
    concept_of = {e: _concept_of(n, pieces) for e, n in names.items()}
    by_article = {a.outlet: a for a in articles}
    result = []
    for outlet in by_article:
        text = by_article[outlet].text
        outlet_gold = [g for g in gold if g.outlet == outlet]
        ours = [
            (lab, concept_of.get(lab.entity))
            for lab in labels
            if lab.outlet == outlet and concept_of.get(lab.entity)
        ]
        descriptive = [g for g in outlet_gold if g.descriptive]
        recovered = [
            g for g in descriptive if any(c == g.concept and _overlaps(lab, g) for lab, c in ours)
        ]
        wrong = [
            (lab, c)
            for lab, c in ours
            if not any(g.concept == c and _overlaps(lab, g) for g in outlet_gold)
        ]
        result.append(
            {
                "event": event,
                "outlet": outlet,
                "descriptive": len(descriptive),
                "recovered": len(recovered),
                "labels": len(ours),
                "wrong": len(wrong),
                "seconds": elapsed,
                "unplaced": unplaced,
            }
        )
        if verbose:
            for g in descriptive:
                if g not in recovered:
                    print(f"  miss  {event}_{outlet} {g.concept:22} {g.text!r}")
            for lab, c in wrong:
                context = text[max(0, lab.start - 40) : lab.end + 30].replace("\n", " ")
                print(f"  wrong {event}_{outlet} {c:22} {lab.label!r} ({lab.source})")
                print(f"        ...{context}...")
    if verbose:
        print(f"event {event}: main actors {sorted(pieces)}; name words {pieces}")
        print(f"  our entities -> concept: { {names[e]: c for e, c in concept_of.items() if c} }")
    return result


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


COUNTS = ("descriptive", "recovered", "labels", "wrong")


def _print_row(name: str, counts: dict) -> None:
    d, r, n, w = (counts[k] for k in COUNTS)
    print(f"{name:>12} {d:>11} {r:>9} {_ratio(r, d):>6} {n:>6} {w:>5} {_ratio(n - w, n):>9}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="the newswcl50 folder (event_0 ... event_4)")
    parser.add_argument("--events", default="0-4", help="event numbers, e.g. 0-4 or 0,2")
    parser.add_argument("--top", type=int, default=4, help="main actors per event (default 4)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    args = parser.parse_args(argv)
    if "-" in args.events:
        lo, hi = (int(x) for x in args.events.split("-"))
        events = list(range(lo, hi + 1))
    else:
        events = [int(x) for x in args.events.split(",")]
    if not (args.data_dir / f"event_{events[0]}").is_dir():
        print(f"{args.data_dir}: no event_{events[0]} folder", file=sys.stderr)
        return 2
    rows = [r for e in events for r in evaluate_event(args.data_dir, e, args.top, args.verbose)]
    print(f"{'event_outlet':>12} {'descriptive':>11} {'recovered':>9} {'recall':>6} "
          f"{'labels':>6} {'wrong':>5} {'precision':>9}")  # fmt: skip
    totals: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        _print_row(f"{r['event']}_{r['outlet']}", r)
        for key in ("all", r["outlet"]):
            totals[key].update({k: r[k] for k in COUNTS})
    print("totals")
    for key in (*OUTLETS, "all"):
        _print_row(key, totals[key])
    slowest = max(r["seconds"] for r in rows)
    unplaced = sum({r["event"]: r["unplaced"] for r in rows}.values())
    print(f"label pass per event (5 articles): {slowest:.3f} s at most (wall clock)")
    print(f"annotations that could not be placed in the text: {unplaced}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
