"""What outlet profiles cost per 1,000 articles: a corpus (written as ``stories_scale.py``
writes one) grouped into stories, every article of a story of two or more read (parsed) with
an empty disk cache, each story analysed, and the profiles built from the analyses, as the
Corpus page's "Make the outlet profiles" does.

    .venv/bin/python benchmarks/profiles_cost.py [--eval ../shared/eval] [--articles 1000]
        [--jobs N]

Prints the seconds of each step and per 1,000 articles profiled. Not a test: nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stories_scale import EVAL, write_corpus  # noqa: E402

from framing.analysis import DEFAULT_LEXICONS, analyze_story  # noqa: E402
from framing.io import CACHE_DIR_ENV  # noqa: E402
from framing.lexicon import load_lexicons  # noqa: E402
from framing.models import Article, Story  # noqa: E402
from framing.reading import read_texts  # noqa: E402
from framing.stories import group_articles  # noqa: E402
from framing.stories.profiles import build_outlet_profiles, find_profile_rows  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="the evaluation data folder")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None, help="parsing processes (all cores)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ[CACHE_DIR_ENV] = f"{scratch}/cache"  # empty: every article is parsed
        corpus = Path(scratch) / "corpus.jsonl"
        write_corpus(args.eval, corpus, args.articles, months=6, undated=0.05, seed=1)
        records = [json.loads(line) for line in corpus.open(encoding="utf-8")]
        articles = [
            Article(r["id"], r["outlet"], r["title"], r["date"], "", r["text"], r["text"])
            for r in records
        ]
        by_id = {a.id: a for a in articles}
        lexicon = load_lexicons(list(DEFAULT_LEXICONS))
        began = time.perf_counter()
        grouping = group_articles(articles)
        grouped = time.perf_counter()
        members = grouping.articles.groupby("story")["article_id"].agg(list)
        stories = [ids for ids in members if len(ids) > 1]
        chosen = [by_id[i] for ids in stories for i in ids]
        readings = read_texts([a.text for a in chosen], jobs=args.jobs)
        read = time.perf_counter()
        rows, first = [], 0
        for n, ids in enumerate(stories):
            story = Story(f"s{n}", "", "", tuple(by_id[i] for i in ids))
            own = readings[first : first + len(ids)]
            first += len(ids)
            rows.append(find_profile_rows(story.slug, analyze_story(story, lexicon, readings=own)))
        analysed = time.perf_counter()
        profiles = build_outlet_profiles(rows)
        done = time.perf_counter()
    per = 1000 / len(chosen)
    print(f"{args.articles:,} articles in {len(grouping.stories):,} stories; profiled: "
          f"{len(stories):,} stories of two or more, {len(chosen):,} articles "
          f"({len(profiles.labels):,} label rows)")  # fmt: skip
    for what, seconds in (
        ("group the corpus", grouped - began),
        ("read (parse) the profiled articles", read - grouped),
        ("analyse each story", analysed - read),
        ("build the profiles", done - analysed),
        ("all", done - began),
    ):
        print(f"{what:36} {seconds:8.1f} s   {seconds * per:8.1f} s per 1,000 articles")


if __name__ == "__main__":
    main()
