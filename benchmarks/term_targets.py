"""The targets of loaded terms, for checking by hand: every hit of the generic lexicon in
NewsWCL50's events (actors discovered from the text, no story lexicon; hedges left out),
with its sentence, the target by position alone (no parse) and the target with the parse.

    .venv/bin/python benchmarks/term_targets.py ../shared/eval/newswcl50 [--seed 14] [--n 100]

Prints a random sample of ``--n`` hits (``--rest``: the hits that sample left out), one
block each: "#i article category quote=... speaker=... OLD=target NEW=target" and the
sentence with the term in [[ ]]. docs/evaluation.md gives the counts judged by hand.
Not a test: nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
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


def find_hits(folder: Path) -> list[tuple]:
    """(article id, start, category, in quote, speaker, target by position, target with
    the parse, sentence with the term marked) for every non-hedge hit."""
    generic = load_lexicons(["loaded_language"])
    articles, _ = load_newswcl50(folder)
    rows = []
    for event, frame in articles.groupby("event"):
        pairs = zip(frame.outlet, frame.text, strict=True)
        story = [Article(f"{event}_{o}", o, "", "", "", t, t) for o, t in pairs]
        readings = read_texts([a.text for a in story], jobs=1)
        scan = scan_story(story, [r.sentences for r in readings])
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
                where = (article.id, hit.start, hit.category, hit.in_quote, hit.speaker)
                aims = (by_position[hit.start], hit.target)
                rows.append((*where, *aims, " ".join(marked.split())))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("newswcl50", type=Path)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rest", action="store_true", help="the hits the sample left out")
    args = parser.parse_args()
    rows = find_hits(args.newswcl50)
    random.seed(args.seed)
    sample = random.sample(rows, min(args.n, len(rows)))
    if args.rest:
        chosen = {(r[0], r[1]) for r in sample}
        sample = [r for r in rows if (r[0], r[1]) not in chosen]
    changed = sum(r[5] != r[6] for r in rows)
    print(f"{len(rows)} hits, {changed} aimed differently with the parse", file=sys.stderr)
    for i, r in enumerate(sample):
        print(f"#{i} {r[0]} {r[2]} quote={r[3]} speaker={r[4]} OLD={r[5]} NEW={r[6]}\n   {r[7]}")


if __name__ == "__main__":
    main()
