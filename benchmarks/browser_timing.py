"""Dashboard latency in a real browser (Playwright + Debian chromium), not a test.

Measures, on the sample story and on a generated story of N articles built from a folder of
plain-text news articles (e.g. the PTC training articles):
  - page load -> the Overview's charts drawn, the first time (analysis not cached yet)
    and again (cached);
  - a page switch in the sidebar -> that page's charts drawn, for every page with charts.

    .venv/bin/python benchmarks/browser_timing.py /path/to/train-articles [--articles 300]

Prints one table (seconds, median over --repeats). The server is started on a free local
port with SLANT_STORIES_DIR pointing at a temporary folder, and stopped at the end.
"""

from __future__ import annotations

import argparse
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

from streamlit_browser import (  # noqa: E402
    launch_chromium,
    start_streamlit,
    stop_streamlit,
    wait_charts,
    wait_idle,
)

from framing.io import load_story, save_story  # noqa: E402
from framing.models import Story  # noqa: E402

SAMPLE = "libya-ceasefire-2020"
# (page title in the sidebar, plotly charts on it) for every page that draws charts
PAGES = [
    ("Labels", 1),
    ("Loaded terms", 2),
    ("Sentiment", 3),
    ("Readability", 2),
    ("Distinctive words", 1),
    ("Overview", 3),
]
OUTLETS = 6


def build_story(source: Path, articles: int, stories: Path) -> str:
    """A story folder of the first ``articles`` texts of ``source``, spread over OUTLETS
    made-up outlets; returns its folder name."""
    loaded = load_story(source)
    chosen = sorted(loaded.articles, key=lambda a: a.id)[:articles]
    spread = tuple(replace(a, outlet=f"Outlet {i % OUTLETS + 1}") for i, a in enumerate(chosen))
    slug = f"generated-{len(spread)}"
    story = Story(slug, f"{len(spread)} generated articles", "", spread, ("loaded_language",))
    save_story(story, stories / slug)
    return slug


def _open(page, url: str, slug: str) -> float:
    start = time.perf_counter()
    page.goto(f"{url}/?story={slug}")
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(timeout=600_000)
    wait_idle(page, timeout=600_000)
    wait_charts(page, 3, timeout=600_000)
    return time.perf_counter() - start


def _switch(page, title: str, charts: int) -> float:
    start = time.perf_counter()
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=600_000)
    wait_idle(page, timeout=600_000)
    wait_charts(page, charts, timeout=600_000)
    return time.perf_counter() - start


def measure(browser, url: str, slug: str, repeats: int) -> list[tuple[str, float]]:
    """(what, seconds) rows for one story; the first load also pays for the analysis."""
    context = browser.new_context(viewport={"width": 1366, "height": 850})
    page = context.new_page()
    rows = [("load -> Overview charts (first, analysis)", _open(page, url, slug))]
    loads, switches = [], {title: [] for title, _ in PAGES}
    for _ in range(repeats):
        loads.append(_open(page, url, slug))
        for title, charts in PAGES:
            switches[title].append(_switch(page, title, charts))
    rows.append(("load -> Overview charts (cached)", statistics.median(loads)))
    rows += [(f"switch -> {t} charts", statistics.median(v)) for t, v in switches.items()]
    context.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="folder of .txt news articles")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stories = Path(tmp) / "stories"
        generated = build_story(args.source, args.articles, stories)
        env = {**os.environ, "SLANT_STORIES_DIR": str(stories)}
        proc, url = start_streamlit(Path(tmp) / "streamlit.log", env)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                results = {slug: measure(browser, url, slug, args.repeats)
                           for slug in (SAMPLE, generated)}  # fmt: skip
                browser.close()
        finally:
            stop_streamlit(proc)
    print(f"\n{'measurement':48} " + " ".join(f"{slug:>22}" for slug in results))
    for i, (what, _) in enumerate(results[SAMPLE]):
        print(f"{what:48} " + " ".join(f"{rows[i][1]:>21.2f}s" for rows in results.values()))


if __name__ == "__main__":
    main()
