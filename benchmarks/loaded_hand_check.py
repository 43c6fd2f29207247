"""Print news articles with every loaded-term hit marked, for a hand check of precision
and recall in context on news the lexicon and the rules were not built from.

    .venv/bin/python benchmarks/loaded_hand_check.py ../shared/eval/allsides/roundups.jsonl \
        [--articles 12] [--seed 15]

Articles are drawn at random (``--seed``) from the AllSides roundups' excerpts (left,
center and right outlets). Each hit is shown as [[words|rule]] in the text, each hit
not counted as loaded (hedges, neutral senses) as {{words|rule}}, and then listed with its
reason. The judgements of one run are in docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.analysis import analyze_story  # noqa: E402
from framing.evaluate.allsides import load_allsides  # noqa: E402
from framing.models import Article, Story  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roundups", type=Path)
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    table = load_allsides(args.roundups)
    rows = random.Random(args.seed).sample(range(len(table)), args.articles)
    articles = tuple(
        Article(f"a{n}", str(table.at[i, "outlet"]), "", "", "", t, t)
        for n, i in enumerate(rows)
        for t in [str(table.at[i, "text"])]
    )
    analysis = analyze_story(Story("check", "hand check", "", articles))
    for article in articles:
        hits = analysis.terms[analysis.terms["article_id"] == article.id].sort_values("start")
        text, marked, last = article.text, [], 0
        for hit in hits.itertuples():
            left, right = ("[[", "]]") if hit.loaded else ("{{", "}}")
            marked += [text[last : hit.start], f"{left}{hit.text}|{hit.rule}{right}"]
            last = hit.end
        marked.append(text[last:])
        print(f"=== {article.id} ({article.outlet}) ===\n{''.join(marked)}\n")
        for hit in hits.itertuples():
            print(f"  - {hit.text}: {hit.why}")
        print()


if __name__ == "__main__":
    main()
