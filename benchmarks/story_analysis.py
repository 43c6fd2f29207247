"""The whole story analysis against spaCy's bare parse of the same texts, in one run.

    .venv/bin/python benchmarks/story_analysis.py [--ptc FOLDER] [--articles 2000] [--jobs 2]

Builds a story of real news articles (PTC's texts, copied with a distinct last sentence
when more are asked for than it has), then runs, each in a fresh process and with the
disk cache off:
- bare parse: ``nlp.pipe(texts, n_process=jobs)`` with the same model, nothing else;
- Slant: ``analyze_story`` of the same articles (parse + every signal + the tables), its
  parse in ``jobs`` worker processes;
and prints wall time, CPU time (all processes) and peak memory of both, and their ratio.
Slant's run also reports where its time went (reading vs the rest).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _measure import PTC_DEFAULT, measure, write_corpus

BARE = """
import json, sys, time
start = time.perf_counter()
from framing.reading import load_pipeline
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_pipeline()
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])))
print(json.dumps({"tokens": tokens, "seconds": time.perf_counter() - start}), file=sys.stderr)
"""

SLANT = """
import json, os, sys, time
os.environ["SLANT_CACHE_DIR"] = ""
start = time.perf_counter()
from framing.analysis import analyze_story
from framing.io import load_story
from framing.reading import read_texts
story = load_story(sys.argv[1])
loaded = time.perf_counter()
readings = read_texts([a.text for a in story.articles], jobs=int(sys.argv[2]))
read = time.perf_counter()
analysis = analyze_story(story, readings=readings)
done = time.perf_counter()
print(json.dumps({"articles": len(analysis.articles), "load": loaded - start,
                  "read": read - loaded, "rest": done - read}), file=sys.stderr)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ptc", type=Path, default=PTC_DEFAULT, help="folder of .txt news")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "story.jsonl"
        copies = -(-args.articles // len(list(args.ptc.glob("*.txt"))))
        articles, words = write_corpus(args.ptc, copies, corpus, limit=args.articles)
        python = sys.executable
        runs = {}
        for name, script, target in (("bare parse", BARE, corpus), ("slant", SLANT, corpus)):
            started = time.perf_counter()
            runs[name] = measure([python, "-c", script, str(target), str(args.jobs)])
            print(f"{name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    bare, slant = runs["bare parse"], runs["slant"]
    print(f"{articles} articles, {words:,} words, {args.jobs} jobs, cache off")
    print("| run | wall s | CPU s | peak MiB (all processes) | words/s |")
    print("|---|---:|---:|---:|---:|")
    for name, run in runs.items():
        print(
            f"| {name} | {run.seconds:.1f} | {run.cpu_seconds:.1f} | {run.peak_tree_mib:.0f} "
            f"| {words / run.seconds:,.0f} |"
        )
    print(f"slant / bare parse: {slant.seconds / bare.seconds:.2f}x wall time")


if __name__ == "__main__":
    main()
