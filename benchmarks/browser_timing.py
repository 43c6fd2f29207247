"""Dashboard latency in a real browser (Playwright + Debian chromium), not a test.

Measures, on the sample story and on a generated story of N real news articles (the PTC
training texts repeated, each copy with its own last sentence, spread over 7 outlets):
  - page load -> the Overview's charts drawn, the first time (nothing cached: the story is
    read and analysed);
  - the same after a restart of the server (in-process caches gone, imports not done yet;
    the disk cache holds the parsed story and the analysis), in the same browser tab;
  - again in the running server (cached in memory);
  - a page switch in the sidebar -> that page's charts drawn, for every page with charts:
    the first visit (figures built) and later visits (figures reused).

    .venv/bin/python benchmarks/browser_timing.py [--ptc FOLDER] [--articles 2000]

Prints one table (seconds; medians over the --repeats visits). The server runs on a free
local port with SLANT_STORIES_DIR and SLANT_CACHE_DIR in a temporary folder.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from _measure import PTC_DEFAULT, write_corpus  # noqa: E402
from streamlit_browser import (  # noqa: E402
    free_port,
    launch_chromium,
    start_streamlit,
    stop_streamlit,
    wait_charts,
    wait_idle,
    wait_tables,
)

from framing.io import CACHE_DIR_ENV, load_story, save_story  # noqa: E402

SAMPLE = "libya-ceasefire-2020"
# (page title in the sidebar, plotly charts it draws: those of its first tab)
PAGES = [
    ("Articles", 0),
    ("Labels", 1),
    ("Loaded terms", 2),
    ("Sentiment", 2),
    ("Readability", 1),
    ("Distinctive words", 1),
    ("Overview", 1),
]
# (page, tab, plotly charts, tables) for the other tabs, each drawn when it is opened
TABS = [
    ("Overview", "How they frame each actor", 1, 0),
    ("Overview", "Whom they quote", 1, 0),
    ("Overview", "Tables", 0, 2),
    ("Labels", "Every label", 0, 1),
    ("Loaded terms", "Every hit in context", 0, 1),
    ("Sentiment", "Through each article", 1, 0),
    ("Sentiment", "Sentence by sentence", 0, 3),
    ("Readability", "Sentence lengths", 1, 0),
]
OVERVIEW_CHARTS = dict(PAGES)["Overview"]


FIRST_ANALYSIS_TIMEOUT_MS = 3_600_000


def build_story(source: Path, articles: int, stories: Path) -> str:
    """A story folder of ``articles`` PTC texts (repeated as needed), scored with the generic
    lexicon; returns its folder name."""
    corpus = stories.parent / "corpus.jsonl"
    copies = math.ceil(articles / len(list(source.glob("*.txt"))))
    write_corpus(source, copies, corpus, limit=articles)
    loaded = load_story(corpus)
    slug = f"generated-{len(loaded.articles)}"
    title = f"{len(loaded.articles)} news articles"
    save_story(
        replace(loaded, slug=slug, title=title, lexicons=("loaded_language",)), stories / slug
    )
    return slug


def _open(page, url: str, slug: str) -> float:
    start = time.perf_counter()
    page.goto(f"{url}/?story={slug}")
    timeout = FIRST_ANALYSIS_TIMEOUT_MS
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(timeout=timeout)
    wait_idle(page, timeout=timeout)
    wait_charts(page, OVERVIEW_CHARTS, timeout=timeout)
    return time.perf_counter() - start


def _switch(page, title: str, charts: int) -> float:
    start = time.perf_counter()
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=600_000)
    wait_idle(page, timeout=600_000)
    wait_charts(page, charts, timeout=600_000)
    return time.perf_counter() - start


def _tab(page, label: str, charts: int, tables: int) -> float:
    start = time.perf_counter()
    tab = page.get_by_role("tab", name=label, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true", timeout=600_000)
    wait_idle(page, timeout=600_000)
    wait_charts(page, charts, timeout=600_000)
    wait_tables(page, tables, timeout=600_000)
    return time.perf_counter() - start


def _warm(page, url: str, slug: str, repeats: int) -> list[tuple[str, float]]:
    """Rows for one story in a server that analysed it before it was restarted."""
    rows = [("load -> Overview charts (after restart: disk cache)", _open(page, url, slug))]
    loads, switches = [], {title: [] for title, _ in PAGES}
    tabs = {(title, label): [] for title, label, _, _ in TABS}
    for _ in range(repeats):
        loads.append(_open(page, url, slug))
        for title, charts in PAGES:
            switches[title].append(_switch(page, title, charts))
            for tab_page, label, tab_charts, tables in TABS:
                if tab_page == title:
                    tabs[(title, label)].append(_tab(page, label, tab_charts, tables))
    rows.append(("load -> Overview charts (cached in memory)", statistics.median(loads)))
    for title, seconds in switches.items():
        rows.append((f"switch -> {title} charts, first visit", seconds[0]))
        rows.append((f"switch -> {title} charts, again (median)", statistics.median(seconds[1:])))
    for (title, label), seconds in tabs.items():
        rows.append((f"tab -> {title}: {label} (median)", statistics.median(seconds)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ptc", type=Path, default=PTC_DEFAULT, help="folder of .txt news")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=4, help="visits of each page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stories = Path(tmp) / "stories"
        slugs = [SAMPLE, build_story(args.ptc, args.articles, stories)]
        env = {**os.environ, "SLANT_STORIES_DIR": str(stories), CACHE_DIR_ENV: f"{tmp}/cache"}
        port = free_port()  # the same address after the restart, as for a user's open tab
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_context(viewport={"width": 1366, "height": 850}).new_page()
            proc, url = start_streamlit(Path(tmp) / "first.log", env, port)
            try:
                first = {slug: _open(page, url, slug) for slug in slugs}
            finally:
                stop_streamlit(proc)
            results = {}
            for slug in slugs:  # each story first in a freshly started server
                proc, url = start_streamlit(Path(tmp) / f"{slug}.log", env, port)
                try:
                    results[slug] = _warm(page, url, slug, args.repeats)
                finally:
                    stop_streamlit(proc)
            browser.close()
    print(f"\n{'measurement':52} " + " ".join(f"{slug:>22}" for slug in slugs))
    print(f"{'load -> Overview charts (first: read + analyse)':52} "
          + " ".join(f"{first[slug]:>21.2f}s" for slug in slugs))  # fmt: skip
    for i, (what, _) in enumerate(results[SAMPLE]):
        print(f"{what:52} " + " ".join(f"{results[s][i][1]:>21.2f}s" for s in slugs))


if __name__ == "__main__":
    main()
