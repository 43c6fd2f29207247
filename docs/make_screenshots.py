"""The README's screenshots, made in a real browser (Playwright + Debian's chromium):

    .venv/bin/python docs/make_screenshots.py

docs/screenshots/overview.png: the Overview of the sample story. your-own-story.png: the
Articles page of a new story made of the test files in tests/data/new_story (three plain
texts and a web page), two outlets typed in and one still missing. The server runs on a
free port with its stories and cache in a temporary folder; only the two images are
written into the tree. Not part of the tests, which never write tracked files.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from playwright.sync_api import expect, sync_playwright  # noqa: E402
from streamlit_browser import (  # noqa: E402
    full_page_screenshot,
    launch_chromium,
    start_streamlit,
    stop_streamlit,
    type_in_table_cell,
    wait_charts,
    wait_idle,
)

OUT = ROOT / "docs" / "screenshots"
FILES = ROOT / "tests" / "data" / "new_story"
VIEWPORT = {"width": 1366, "height": 850}


def overview(page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(timeout=120_000)
    wait_idle(page)
    wait_charts(page, 1)
    page.wait_for_timeout(1_000)
    page.screenshot(path=str(OUT / "overview.png"))


def your_own_story(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name="New story").click()
    expect(page.get_by_text("This story has no articles yet")).to_be_visible(timeout=60_000)
    wait_idle(page)
    sidebar.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        sorted(str(path) for path in FILES.iterdir())
    )
    expect(sidebar.get_by_text("Added 4 articles")).to_be_visible(timeout=120_000)
    wait_idle(page)
    sidebar.get_by_role("link", name="Articles", exact=True).click()
    expect(page.get_by_role("heading", name="Articles", exact=True)).to_be_visible()
    wait_idle(page)
    title = page.get_by_role("textbox", name="Story title")
    title.fill("Harbour bridge vote")
    title.press("Enter")
    wait_idle(page)
    for row, outlet in ((0, "Harbour Herald"), (1, "City Tribune")):
        type_in_table_cell(page, row, 2, outlet)
        expect(sidebar.locator('[data-testid="stMultiSelect"]').first).to_contain_text(outlet)
        wait_idle(page)
    page.wait_for_timeout(1_000)
    full_page_screenshot(page, OUT / "your-own-story.png")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="slant-screenshots-") as tmp:
        env = {
            **os.environ,
            "SLANT_STORIES_DIR": str(Path(tmp) / "stories"),
            "SLANT_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        proc, url = start_streamlit(Path(tmp) / "streamlit.log", env)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for shoot in (overview, your_own_story):
                    context = browser.new_context(viewport=VIEWPORT)
                    shoot(context.new_page(), url)
                    context.close()
                browser.close()
        finally:
            stop_streamlit(proc)
    print(f"wrote {OUT / 'overview.png'} and {OUT / 'your-own-story.png'}")


if __name__ == "__main__":
    main()
