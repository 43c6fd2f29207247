"""The Corpus page with many stories in a real browser (Playwright + Debian chromium).

Writes a corpus of ``--articles`` real news articles (as ``stories_scale.py`` does: AllSides'
and NewsWCL50's events on random days, PTC's full articles alone), starts the dashboard on a
free local port, gives the corpus's path on the Corpus page, and times, in seconds:
  - path given -> the story table drawn (read, clean, group; the first time);
  - a search typed -> the filtered table drawn (a rerun with the corpus in memory);
  - the search cleared -> every story listed again;
  - a story picked -> its articles listed;
  - "at least 2 outlets" -> the table drawn again.

    .venv/bin/python benchmarks/corpus_page.py [--eval ../shared/eval] [--articles 22000]
        [--repeats 3]

Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from stories_scale import EVAL, write_corpus  # noqa: E402
from streamlit_browser import (  # noqa: E402
    launch_chromium,
    start_streamlit,
    stop_streamlit,
    wait_idle,
)

from framing.io import CACHE_DIR_ENV  # noqa: E402

LONG_MS = 600_000  # a step that takes longer has hung: fail rather than wait
SEARCH = "vaccine"
_COUNT = re.compile(r"([\d,]+) of ([\d,]+) stories\.")


def _timed(action, done) -> float:
    start = time.perf_counter()
    action()
    done()
    return time.perf_counter() - start


def _caption(main) -> str:
    """The "N of M stories." caption above the story table."""
    return main.get_by_text(_COUNT).first.inner_text()


def _wait_caption(page, main, expected: str) -> None:
    """The caption reads ``expected`` (so the rerun that changes it has drawn), the script
    is done and the story table is drawn on its canvas."""
    expect(main.get_by_text(expected, exact=True).first).to_be_visible(timeout=LONG_MS)
    wait_idle(page, timeout=LONG_MS)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stDataFrame\"] canvas') !== null",
        timeout=LONG_MS,
    )


def _enter(main, label: str, value: str) -> None:
    box = main.get_by_label(label)
    box.fill(value)
    box.press("Enter")


def _pick(page, main, nth: int) -> str:
    """Open the story picker and return the ``nth`` option's story id (menu left open)."""
    picker = main.locator('[data-testid="stSelectbox"]', has_text="Story to see")
    option = page.get_by_role("option").nth(nth)
    for _ in range(5):  # a rerun still drawing the table can close the menu it opened
        picker.get_by_role("combobox").click()
        try:
            expect(option).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            wait_idle(page, timeout=LONG_MS)
    return option.inner_text().split(" · ")[0]


def _expected(total: int, shown: int) -> str:
    return f"{shown:,} of {total:,} stories."


def run(url: str, corpus: Path, page, repeats: int) -> tuple[list[tuple[str, float]], int]:
    """The timings (label, seconds) and the number of stories."""
    main = page.locator('[data-testid="stMain"]')
    page.goto(f"{url}/corpus")
    expect(page.get_by_role("heading", name="Corpus", exact=True)).to_be_visible(timeout=60_000)
    wait_idle(page)
    path = "…or the path of a corpus file or story folder on this machine"
    print("corpus path entered", file=sys.stderr, flush=True)
    first = _timed(
        lambda: _enter(main, path, str(corpus)),
        lambda: expect(main.get_by_text(_COUNT).first).to_be_visible(timeout=LONG_MS),
    )
    total = int(_COUNT.search(_caption(main)).group(2).replace(",", ""))
    every = _expected(total, total)
    _wait_caption(page, main, every)
    rows = [("path given -> story table (read, clean, group)", first)]
    search = "Find stories by words of their name or by outlet"
    least = "Stories covered by at least this many outlets"
    print(f"{total:,} stories listed", file=sys.stderr, flush=True)
    # The expected captions come from a first pass, so each timing ends on its own result.
    _enter(main, search, SEARCH)
    found = main.get_by_text(_COUNT).filter(has_not_text=every).first
    expect(found).to_be_visible(timeout=LONG_MS)
    after_search = found.inner_text()
    _enter(main, search, "")
    _wait_caption(page, main, every)
    _enter(main, least, "2")
    several = main.get_by_text(_COUNT).filter(has_not_text=every).first
    expect(several).to_be_visible(timeout=LONG_MS)
    after_least = several.inner_text()
    _enter(main, least, "1")
    _wait_caption(page, main, every)
    timings: dict[str, list[float]] = {key: [] for key in ("search", "clear", "pick", "least")}
    for n in range(repeats):
        print(f"repeat {n + 1} of {repeats}", file=sys.stderr, flush=True)
        timings["search"].append(
            _timed(
                lambda: _enter(main, search, SEARCH),
                lambda: _wait_caption(page, main, after_search),
            )
        )
        timings["clear"].append(
            _timed(lambda: _enter(main, search, ""), lambda: _wait_caption(page, main, every))
        )
        story = _pick(page, main, n)
        heading = main.get_by_role("heading", name=re.compile(f"^{story}: "))
        timings["pick"].append(
            _timed(
                page.get_by_role("option").nth(n).click,
                lambda h=heading: (expect(h).to_be_visible(timeout=LONG_MS), wait_idle(page)),
            )
        )
        timings["least"].append(
            _timed(lambda: _enter(main, least, "2"), lambda: _wait_caption(page, main, after_least))
        )
        _enter(main, least, "1")
        _wait_caption(page, main, every)
    rows += [
        (f"search '{SEARCH}' -> table ({after_search})", statistics.median(timings["search"])),
        ("search cleared -> every story listed", statistics.median(timings["clear"])),
        ("story picked -> its articles listed", statistics.median(timings["pick"])),
        (f"at least 2 outlets -> table ({after_least})", statistics.median(timings["least"])),
    ]
    return rows, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="the evaluation data folder")
    parser.add_argument("--articles", type=int, default=22_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(args.eval, corpus, args.articles, months=6, undated=0.05, seed=1)
        env = {
            **os.environ,
            "SLANT_STORIES_DIR": f"{tmp}/stories",
            CACHE_DIR_ENV: f"{tmp}/cache",
        }
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_context(viewport={"width": 1366, "height": 850}).new_page()
            proc, url = start_streamlit(Path(tmp) / "server.log", env)
            try:
                rows, stories = run(url, corpus, page, args.repeats)
            finally:
                stop_streamlit(proc)
                browser.close()
    print(f"\n{args.articles:,} articles in {stories:,} stories")
    for what, seconds in rows:
        print(f"{what:52} {seconds:8.2f} s")


if __name__ == "__main__":
    main()
