"""Time and peak memory of `python -m framing stories BIG.jsonl --out ... --stories-out ...`.

Writes ``--articles`` articles (default 100,000) made of real news texts to a JSON Lines
file: AllSides' events (2-3 outlets each) with each copy of an event moved to its own day
within ``--months`` months, PTC's full articles on random days of the same span, and
NewsWCL50's events; ``--undated`` of the articles (default 5%) carry no date. Every copy ends
in its own sentence, so no two texts are equal. Then runs the command in a child process and
samples the memory of the child and its workers until it ends:

    .venv/bin/python benchmarks/stories_scale.py [--eval ../shared/eval] [--articles 100000]
        [--jobs N] [--keep DIR]

Not a test: nothing here asserts a time or a size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
from pathlib import Path

import pandas as pd
from _measure import ROOT, measure

sys.path.insert(0, str(ROOT))  # run as a script from any folder

from framing.evaluate.allsides import load_allsides  # noqa: E402
from framing.evaluate.newswcl50 import load_newswcl50  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"  # beside the project on every developer machine
START = dt.date(2021, 1, 1)


def _sources(ptc: Path, eval_dir: Path) -> tuple[list[list[dict]], list[dict]]:
    """Events (lists of articles reported together) and lone full articles."""
    allsides = load_allsides(eval_dir / "allsides" / "roundups.jsonl")
    events = [
        [{"outlet": r.outlet, "title": r.title, "text": r.text} for r in rows.itertuples()]
        for _, rows in allsides.groupby("event", sort=True)
    ]
    wcl, _ = load_newswcl50(eval_dir / "newswcl50")
    for _, rows in wcl.groupby("event", sort=True):
        events.append([
            {"outlet": r.outlet, "title": r.text.strip().split("\n")[0], "text": r.text}
            for r in rows.itertuples()
        ])  # fmt: skip
    lone = [
        {"outlet": f"PTC outlet {n % 11}", "title": "", "text": p.read_text(encoding="utf-8")}
        for n, p in enumerate(sorted(ptc.glob("*.txt")))
    ]
    return events, lone


def write_corpus(
    eval_dir: Path, target: Path, articles: int, months: int, undated: float, seed: int
) -> int:
    """Write ``articles`` articles to ``target`` (JSON Lines); returns the words written."""
    rng = random.Random(seed)
    events, lone = _sources(eval_dir / "ptc" / "train-articles", eval_dir)
    days = months * 30
    written = words = copy = 0
    with target.open("w", encoding="utf-8") as handle:
        while written < articles:
            copy += 1
            batch = [[dict(a) for a in event] for event in events] + [[dict(a)] for a in lone]
            for event in batch:
                day = START + dt.timedelta(days=rng.randrange(days))
                for article in event:
                    if written == articles:
                        break
                    dated = rng.random() >= undated
                    record = {
                        "id": f"a{written}",
                        **article,
                        "date": day.isoformat() if dated else "",
                        "text": f"{article['text'].rstrip()}\n\nThis is copy {copy}.",
                    }
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
                    words += len(record["text"].split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="the evaluation data folder")
    parser.add_argument("--articles", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--months", type=int, default=6, help="span of the dates")
    parser.add_argument("--undated", type=float, default=0.05, help="share without a date")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs for Slant (0: all cores)")
    parser.add_argument("--engine", default="local", help="--engine for Slant")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = folder / "corpus.jsonl"
        out, stories = folder / "articles.parquet", folder / "stories.parquet"
        words = write_corpus(args.eval, corpus, args.articles, args.months, args.undated, seed=1)
        command = [
            sys.executable, "-m", "framing", "stories", str(corpus), "--out", str(out),
            "--stories-out", str(stories), "--jobs", str(args.jobs), "--engine", args.engine,
        ]  # fmt: skip
        run = measure(command)
        table = pd.read_parquet(stories)
        rows = len(pd.read_parquet(out, columns=["story"]))
        size = corpus.stat().st_size / 2**20
    print(f"input: {args.articles:,} articles, {words:,} words, {size:,.0f} MiB of JSON Lines")
    print(f"output: {rows:,} articles in {len(table):,} stories "
          f"({int((table['articles'] > 1).sum()):,} with more than one article)")  # fmt: skip
    print(f"time: {run.seconds:,.0f} s ({args.articles / run.seconds:,.0f} articles/s), "
          f"CPU {run.cpu_seconds:,.0f} s")  # fmt: skip
    print(f"peak memory: {run.peak_tree_mib:,.0f} MiB for all processes together (PSS), "
          f"{run.peak_process_mib:,.0f} MiB for the largest one (RSS)")  # fmt: skip


if __name__ == "__main__":
    main()
