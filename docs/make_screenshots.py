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

import streamlit_browser as app_browser  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
FILES = ROOT / "tests" / "data" / "new_story"
VIEWPORT = {"width": 1366, "height": 850}


def overview(page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(timeout=120_000)
    app_browser.wait_idle(page)
    app_browser.wait_charts(page, 1)
    page.wait_for_timeout(1_000)
    page.screenshot(path=str(OUT / "overview.png"))


def your_own_story(page, url: str) -> None:
    page.goto(url)
    app_browser.wait_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name="New story").click()
    expect(page.get_by_text("This story has no articles yet")).to_be_visible(timeout=60_000)
    app_browser.wait_idle(page)
    sidebar.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        sorted(str(path) for path in FILES.iterdir())
    )
    expect(sidebar.get_by_text("Added 4 articles")).to_be_visible(timeout=120_000)
    app_browser.wait_idle(page)
    sidebar.get_by_role("link", name="Articles", exact=True).click()
    expect(page.get_by_role("heading", name="Articles", exact=True)).to_be_visible()
    app_browser.wait_idle(page)
    title = page.get_by_role("textbox", name="Story title")
    title.fill("Harbour bridge vote")
    title.press("Enter")
    app_browser.wait_idle(page)
    for row, outlet in ((0, "Harbour Herald"), (1, "City Tribune")):
        app_browser.type_in_table_cell(page, row, 2, outlet)
        expect(sidebar.locator('[data-testid="stMultiSelect"]').first).to_contain_text(outlet)
        app_browser.wait_idle(page)
    page.wait_for_timeout(1_000)
    app_browser.full_page_screenshot(page, OUT / "your-own-story.png")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="slant-screenshots-") as tmp:
        env = {
            **os.environ,
            "SLANT_STORIES_DIR": str(Path(tmp) / "stories"),
            "SLANT_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        proc, url = app_browser.start_streamlit(Path(tmp) / "streamlit.log", env)
        try:
            with sync_playwright() as playwright:
                browser = app_browser.launch_chromium(playwright)
                for shoot in (overview, your_own_story):
                    context = browser.new_context(viewport=VIEWPORT)
                    shoot(context.new_page(), url)
                    context.close()
                browser.close()
        finally:
            app_browser.stop_streamlit(proc)
    print(f"wrote {OUT / 'overview.png'} and {OUT / 'your-own-story.png'}")


if __name__ == "__main__":
    main()
