"""Analysis time per article, parsing left out: what the loaded-language detector costs.

    .venv/bin/python benchmarks/analysis_time.py [--texts GLOB ...] [--repeats N]

The articles are the sample story (data/stories/libya-ceasefire-2020) and, by default,
the 25 NewsWCL50 article texts of events 0-4 (``../shared/eval/newswcl50/event_*/?_*.txt``
without the _sent files), analysed as one story without a lexicon (discovered actors), as
the dashboard does for a new story. Each text is read (parsed) once beforehand, from the
disk cache, so only analyze_story is timed: cleaning, attribution, terms, targets,
sentiment, readability, entities and labels. The run is repeated; the median is given.
Run the same script on an older checkout to compare (docs/evaluation.md has the numbers).
"""

from __future__ import annotations

import argparse
import glob
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.analysis import analyze_story  # noqa: E402
from framing.io import load_story  # noqa: E402
from framing.models import Article, Story  # noqa: E402
from framing.reading import read_texts  # noqa: E402

SAMPLE = ROOT / "data" / "stories" / "libya-ceasefire-2020"
NEWSWCL50 = str(ROOT.parent / "shared" / "eval" / "newswcl50" / "event_*" / "?_*.txt")


def _texts_story(pattern: str) -> Story:
    paths = sorted(p for p in glob.glob(pattern) if not p.endswith("_sent.txt"))
    articles = tuple(
        Article(Path(p).stem, Path(p).stem.split("_")[-1], "", "", "", text, text)
        for p in paths
        for text in [Path(p).read_text(encoding="utf-8")]
    )
    return Story("bench", pattern, "", articles)


def _time(story: Story, repeats: int) -> list[float]:
    readings = read_texts([a.text for a in story.articles])
    analyze_story(story, readings=readings)  # warm up: lexicons, VADER, word lists
    seconds = []
    for _ in range(repeats):
        began = time.perf_counter()
        analyze_story(story, readings=readings)
        seconds.append(time.perf_counter() - began)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", action="append", help="a glob of plain-text articles")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    stories = [("sample story", load_story(SAMPLE))]
    stories += [(pattern, _texts_story(pattern)) for pattern in args.texts or [NEWSWCL50]]
    for name, story in stories:
        seconds = _time(story, args.repeats)
        per_article = [1000 * s / len(story.articles) for s in seconds]
        print(
            f"{name}: {len(story.articles)} articles, median {statistics.median(per_article):.1f}"
            f" ms per article (min {min(per_article):.1f}, max {max(per_article):.1f};"
            f" {args.repeats} runs)"
        )


if __name__ == "__main__":
    main()
