"""How many of the descriptive actor mentions people annotated in NewsWCL50 does Slant's
label discovery recover, per outlet, and how many of its labels are wrong?

    .venv/bin/python benchmarks/eval_labels_newswcl50.py ../shared/eval/newswcl50 [-v]

Each event (event_N/) is read as one story of five outlets (N_LL ... N_RR) and given to
``framing.entities.find_labels`` without a lexicon. See benchmarks/README_labels.md for the
definitions and the latest numbers. Nothing from DATA_DIR is written anywhere.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run without installing

from framing.evaluate import (  # noqa: E402
    NEWSWCL50_OUTLETS,
    find_main_actor_labels,
    find_newswcl50_gold,
    load_newswcl50,
    score_label_recovery,
)
from framing.models import Article  # noqa: E402
from framing.reading import read_texts  # noqa: E402


def evaluate_event(articles, annotations, event: int, top: int, verbose: bool) -> list[dict]:
    """Per-outlet counts for one event (the scoring core is framing.evaluate's)."""
    event_articles = articles[articles["event"] == event]
    texts = dict(zip(event_articles["outlet"], event_articles["text"], strict=True))
    lines = dict(zip(event_articles["outlet"], event_articles["sentences"], strict=True))
    rows = annotations[annotations["event"] == event].to_dict("records")
    gold = find_newswcl50_gold(texts, lines, rows, top)
    stories = [Article(f"{event}_{o}", o, "", "", "", t, t) for o, t in texts.items()]
    docs = [r.doc for r in read_texts([a.text for a in stories], jobs=1)]
    started = time.perf_counter()
    ours = find_main_actor_labels(stories, gold.name_words, docs)
    elapsed = time.perf_counter() - started
    result = []
    for article in stories:
        outlet = article.outlet
        labels = ours[article.id]
        spans = [(lab.start, lab.end, c) for lab, c in labels]
        r = score_label_recovery(spans, [g for g in gold.mentions if g.outlet == outlet])
        result.append(
            {
                "event": event,
                "outlet": outlet,
                "descriptive": r.descriptive,
                "recovered": r.recovered,
                "labels": r.labels,
                "wrong": len(r.wrong),
                "seconds": elapsed,
                "unplaced": gold.unplaced,
            }
        )
        if verbose:
            for g in r.missed:
                context = article.text[max(0, g.start - 70) : g.end + 40].replace("\n", " ")
                print(f"  miss  {event}_{outlet} {g.concept:22} {g.text!r}")
                print(f"        ...{context}...")
            for i in r.wrong:
                lab, c = labels[i]
                text = article.text
                context = text[max(0, lab.start - 40) : lab.end + 30].replace("\n", " ")
                print(f"  wrong {event}_{outlet} {c:22} {lab.label!r} ({lab.source})")
                print(f"        ...{context}...")
    if verbose:
        names = gold.name_words
        words = {c: sorted(w) for c, w in names.items()}
        print(f"event {event}: main actors {sorted(names)}; name words {words}")
        concept_of = {lab.entity: c for found in ours.values() for lab, c in found}
        print(f"  our entities -> concept: {concept_of}")
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
    articles, annotations = load_newswcl50(args.data_dir)
    rows = [
        r for e in events for r in evaluate_event(articles, annotations, e, args.top, args.verbose)
    ]
    print(f"{'event_outlet':>12} {'descriptive':>11} {'recovered':>9} {'recall':>6} "
          f"{'labels':>6} {'wrong':>5} {'precision':>9}")  # fmt: skip
    totals: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        _print_row(f"{r['event']}_{r['outlet']}", r)
        for key in ("all", r["outlet"]):
            totals[key].update({k: r[k] for k in COUNTS})
    print("totals")
    for key in (*NEWSWCL50_OUTLETS, "all"):
        _print_row(key, totals[key])
    slowest = max(r["seconds"] for r in rows)
    unplaced = sum({r["event"]: r["unplaced"] for r in rows}.values())
    print(f"label pass per event (5 articles): {slowest:.3f} s at most (wall clock)")
    print(f"annotations that could not be placed in the text: {unplaced}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
