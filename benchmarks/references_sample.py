"""Pronouns and role descriptions resolved by framing.entities.find_references, for
checking by hand: a random sample of the references in NewsWCL50's events (actors
discovered from the text, attributions from the reading), each with its context.

    .venv/bin/python benchmarks/references_sample.py ../shared/eval/newswcl50 [--seed 13] [--n 50]

Prints "#i article how 'text' -> entity" and the 160 characters before it. docs/
evaluation.md gives the count judged right. Not a test: nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.entities import find_discovered_actors, find_references, scan_story  # noqa: E402
from framing.evaluate.newswcl50 import load_newswcl50  # noqa: E402
from framing.lexicon import load_lexicons  # noqa: E402
from framing.models import Article  # noqa: E402
from framing.reading import read_texts  # noqa: E402
from framing.terms import find_actor_mentions  # noqa: E402
from framing.voices import find_attributions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("newswcl50", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()
    generic = load_lexicons(["loaded_language"])
    articles, _ = load_newswcl50(args.newswcl50)
    rows = []
    for event, frame in articles.groupby("event"):
        pairs = zip(frame.outlet, frame.text, strict=True)
        story = [Article(f"{event}_{o}", o, "", "", "", t, t) for o, t in pairs]
        readings = read_texts([a.text for a in story], jobs=1)
        scan = scan_story(story, [r.sentences for r in readings], [r.doc for r in readings])
        lexicon = replace(generic, actors=find_discovered_actors(story, scan=scan))
        for article, reading in zip(story, readings, strict=True):
            mentions = find_actor_mentions(article, lexicon)
            for ref in find_references(reading.doc, mentions, find_attributions(reading)):
                context = article.text[max(0, ref.start - 160) : ref.end + 40]
                rows.append((article.id, ref.how, ref.text, ref.actor, " ".join(context.split())))
    print(f"{len(rows)} references", file=sys.stderr)
    random.seed(args.seed)
    for i, (article_id, how, text, actor, context) in enumerate(
        random.sample(rows, min(args.n, len(rows)))
    ):
        print(f"#{i} {article_id} {how} {text!r} -> {actor}\n   ...{context}")


if __name__ == "__main__":
    main()
