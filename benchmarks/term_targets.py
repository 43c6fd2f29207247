"""The targets of loaded terms, checked by hand: every hit of the generic lexicon in
NewsWCL50's events (actors discovered from the text, no story lexicon; hedges left out),
with its sentence, the target by position alone (no parse) and the target with the parse.

    .venv/bin/python benchmarks/term_targets.py ../shared/eval/newswcl50 [--seed 14] [--n 100]
    .venv/bin/python benchmarks/term_targets.py ../shared/eval/newswcl50 --score [-v]

Without ``--score`` it prints a random sample of ``--n`` hits (``--rest``: the hits that
sample left out) for judging, one block each: "#i article start category quote=...
speaker=... OLD=target NEW=target" and the sentence with the term in [[ ]].

``--score`` reads the judgements (``--judged``, default term_targets_judged.tsv beside
this file: article_id, start, text, target, part; target is the entity id the term is
aimed at, "-" for no actor, alternatives joined by "|") and prints, per part, how many
hits each method aims right; ``-v`` lists the hits the parse aims wrong, and hits found
now that nobody judged are counted. docs/evaluation.md gives the counts and how the hits
were judged. Not a test: nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.entities import find_discovered_actors, scan_story  # noqa: E402
from framing.evaluate.newswcl50 import load_newswcl50  # noqa: E402
from framing.lexicon import load_lexicons  # noqa: E402
from framing.models import Article  # noqa: E402
from framing.reading import read_texts  # noqa: E402
from framing.terms import find_actor_mentions, find_lexicon_matches, find_term_hits  # noqa: E402
from framing.voices import find_attributions, resolve_speakers  # noqa: E402

JUDGED = Path(__file__).with_name("term_targets_judged.tsv")


@dataclass(frozen=True)
class Hit:
    article_id: str
    start: int
    text: str
    category: str
    in_quote: bool
    speaker: str | None
    by_position: str | None  # target by position alone (no parse)
    target: str | None  # target with the parse, as the dashboard has it
    sentence: str  # the sentence with the term in [[ ]]


def find_hits(folder: Path) -> list[Hit]:
    """Every non-hedge hit of the generic lexicon in the events of ``folder``."""
    generic = load_lexicons(["loaded_language"])
    articles, _ = load_newswcl50(folder)
    rows = []
    for event, frame in articles.groupby("event"):
        pairs = zip(frame.outlet, frame.text, strict=True)
        story = [Article(f"{event}_{o}", o, "", "", "", t, t) for o, t in pairs]
        readings = read_texts([a.text for a in story], jobs=1)
        scan = scan_story(story, [r.sentences for r in readings], [r.doc for r in readings])
        lexicon = replace(generic, actors=find_discovered_actors(story, scan=scan))
        for article, reading in zip(story, readings, strict=True):
            text = article.text
            matches = find_lexicon_matches(text, lexicon)
            speech = find_attributions(reading)
            mentions = find_actor_mentions(article, lexicon, speech, matches)
            speech = resolve_speakers(speech, mentions, text)
            sentences = list(reading.sentences)
            by_position = {
                h.start: h.target
                for h in find_term_hits(article, lexicon, speech, mentions, matches, sentences)
            }
            parsed = find_term_hits(
                article, lexicon, speech, mentions, matches, sentences, reading.doc
            )
            for hit in parsed:
                if hit.category == "hedge":
                    continue
                s = next(s for s in sentences if s.start <= hit.start < s.end)
                marked = f"{text[s.start : hit.start]}[[{hit.text}]]{text[hit.end : s.end]}"
                rows.append(
                    Hit(
                        article.id, hit.start, hit.text, hit.category, hit.in_quote,
                        hit.speaker, by_position[hit.start], hit.target, " ".join(marked.split()),
                    )
                )  # fmt: skip
    return rows


def _show(i: int, hit: Hit, expected: str = "") -> str:
    judged = f" JUDGED={expected}" if expected else ""
    return (
        f"#{i} {hit.article_id} {hit.start} {hit.category} quote={hit.in_quote} "
        f"speaker={hit.speaker} OLD={hit.by_position} NEW={hit.target}{judged}\n"
        f"   {hit.sentence}"
    )


def is_right(target: str | None, expected: str) -> bool:
    """Does ``target`` (an entity id or None) match the judgement ("-" = no actor,
    alternatives joined by "|")?"""
    return (target or "-") in expected.split("|")


def score(rows: list[Hit], judged: Path, verbose: bool) -> None:
    with judged.open(newline="", encoding="utf-8") as f:
        judgements = {
            (r["article_id"], int(r["start"])): r for r in csv.DictReader(f, delimiter="\t")
        }
    counts: Counter[tuple[str, str]] = Counter()
    found = set()
    for i, hit in enumerate(rows):
        row = judgements.get((hit.article_id, hit.start))
        if row is None or row["text"] != hit.text:
            continue
        found.add((hit.article_id, hit.start))
        part = row["part"]
        counts[(part, "hits")] += 1
        counts[(part, "position")] += is_right(hit.by_position, row["target"])
        right = is_right(hit.target, row["target"])
        counts[(part, "parse")] += right
        if verbose and not right:
            print(_show(i, hit, row["target"]))
    print(f"{'part':10} {'hits':>5} {'position':>9} {'parse':>6}")
    for part in sorted({p for p, _ in counts}, reverse=True):
        n, a, b = (counts[(part, k)] for k in ("hits", "position", "parse"))
        print(f"{part:10} {n:>5} {a:>9} {b:>6}   ({a / n:.2f} -> {b / n:.2f})")
    print(f"hits nobody judged: {len(rows) - len(found)}; judgements not found: "
          f"{len(judgements) - len(found)}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("newswcl50", type=Path)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rest", action="store_true", help="the hits the sample left out")
    parser.add_argument("--score", action="store_true", help="score against the judgements")
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows = find_hits(args.newswcl50)
    if args.score:
        score(rows, args.judged, args.verbose)
        return
    random.seed(args.seed)
    sample = random.sample(rows, min(args.n, len(rows)))
    if args.rest:
        chosen = {(r.article_id, r.start) for r in sample}
        sample = [r for r in rows if (r.article_id, r.start) not in chosen]
    changed = sum(r.by_position != r.target for r in rows)
    print(f"{len(rows)} hits, {changed} aimed differently with the parse", file=sys.stderr)
    for i, r in enumerate(sample):
        print(_show(i, r))


if __name__ == "__main__":
    main()
