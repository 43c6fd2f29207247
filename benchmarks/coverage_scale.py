"""How long the coverage map takes, and how its work grows with a story's size.

    .venv/bin/python benchmarks/coverage_scale.py [--eval ../shared/eval] [--sizes 50 500 2000]
                                                  [--repeat 3]

Stories are made of real news texts from the evaluation data (NewsWCL50's 25 articles
first, then PTC's, PolNeAR's and the AllSides roundups' opening paragraphs), each the first
N of that pool, outlets cycling over twelve names. Every article is read (parsed) first,
through the disk cache, and not timed. Then, per size:
- ``coverage``: framing.coverage.build_coverage on the readings (units, weights, the
  candidate pairs blocked by rare features, their exact cosine, average linkage, the tables, the
  quotation groups), median of ``--repeat`` runs;
- ``analysis``: the whole analyze_story on the same readings (every table), once;
- the units (sentences that report something), the candidate pairs the blocking
  scored, and their share of all pairs of units of different articles (what a
  comparison of every pair would score).
A second story of 50 articles is the worst case for its size: NewsWCL50's first event's five
articles, each reprinted ten times by ten outlets (the last sentence changed), so that
every sentence has many near copies.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.analysis import analyze_story  # noqa: E402
from framing.coverage import build_coverage  # noqa: E402
from framing.models import Article, Story  # noqa: E402
from framing.reading import read_texts  # noqa: E402
from framing.voices import find_attributions  # noqa: E402

EVAL_DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval"
OUTLETS = 12


def _texts(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("event_*/*_??.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("event_*/*_?.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((folder / "ptc").glob("*/*.txt"))]
    for split in ("dev", "train"):
        texts += [
            p.read_text(encoding="utf-8")
            for p in sorted((folder / "polnear" / split / "text").glob("*.txt"))
        ]
    roundups = folder / "allsides" / "roundups.jsonl"
    if roundups.exists():
        for line in roundups.read_text(encoding="utf-8").splitlines():
            for side in json.loads(line)["news"].values():
                body = "\n\n".join(side.get("newBody") or [])
                if body.strip():
                    texts.append(body)
    return texts


def _story(texts: list[str], outlets: int = OUTLETS) -> Story:
    articles = tuple(
        Article(f"a{i}", f"Outlet {i % outlets}", "", "", "", t, t) for i, t in enumerate(texts)
    )
    return Story("bench", "bench", "", articles)


def _run(story: Story, repeat: int) -> dict:
    began = time.perf_counter()
    readings = read_texts([a.text for a in story.articles])
    print(f"{len(readings)} articles read in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    attributions = [find_attributions(r) for r in readings]
    seconds = []
    for _ in range(repeat):
        began = time.perf_counter()
        coverage = build_coverage(story.articles, readings, attributions)
        seconds.append(time.perf_counter() - began)
    began = time.perf_counter()
    analyze_story(story, readings=readings)
    analysis = time.perf_counter() - began
    units = coverage.units
    per_article: dict[int, int] = {}
    for unit in units:
        per_article[unit.article] = per_article.get(unit.article, 0) + 1
    all_pairs = (len(units) ** 2 - sum(n * n for n in per_article.values())) // 2
    return {
        "articles": len(story.articles),
        "units": len(units),
        "pairs kept": len(coverage.pairs),
        "all pairs": all_pairs,
        "coverage s (median)": statistics.median(seconds),
        "analysis s": analysis,
        "facts": len(coverage.facts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL_DEFAULT, help="the evaluation data")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pool = _texts(args.eval)
    print(f"{len(pool)} texts in the pool", file=sys.stderr)
    rows = []
    for size in args.sizes:
        if size > len(pool):
            print(f"skipped {size}: the pool has {len(pool)} texts", file=sys.stderr)
            continue
        rows.append(("mixed news", _run(_story(pool[:size]), args.repeat)))
        print(rows[-1], file=sys.stderr, flush=True)
    event = sorted((args.eval / "newswcl50" / "event_0").glob("0_*.txt"))
    event = [p.read_text(encoding="utf-8") for p in event if "_sent" not in p.name]
    reprinted = [
        f"{text.rstrip()}\n\nReprinted by outlet {copy}." for copy in range(10) for text in event
    ]
    rows.append(("one event, reprinted 10x", _run(_story(reprinted, 10), args.repeat)))
    head = ["story", *rows[0][1]]
    print("| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 1))
    for name, row in rows:
        cells = [f"{v:.2f}" if isinstance(v, float) else f"{v:,}" for v in row.values()]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
