"""Make the README's screenshots anew, in Debian's chromium at a laptop's window size.
Tests never write them.

    .venv/bin/python scripts/update_screenshot.py [--out FILE] [--own-story-out FILE]

docs/screenshots/overview.png: the Overview of the sample story. your-own-story.png: the
Articles page of a new story made of the test files in tests/data/new_story (three plain
texts and a web page), a title given, two outlets typed in and one still missing.

The app runs on a free local port with its stories folder and disk cache in a temporary
folder, so nothing a user saved shows up in the pictures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from streamlit_browser import (  # noqa: E402
    full_page_screenshot,
    launch_chromium,
    start_streamlit,
    stop_streamlit,
    type_in_table_cell,
    wait_charts,
    wait_idle,
)

from framing.io import CACHE_DIR_ENV  # noqa: E402

SCREENSHOT = ROOT / "docs" / "screenshots" / "overview.png"
OWN_STORY = ROOT / "docs" / "screenshots" / "your-own-story.png"
FILES = ROOT / "tests" / "data" / "new_story"
VIEWPORT = {"width": 1366, "height": 850}


def shoot_overview(page, url: str, out: Path) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(timeout=120_000)
    wait_idle(page)
    wait_charts(page, 1)
    full_page_screenshot(page, out)


def shoot_own_story(page, url: str, out: Path) -> None:
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
    outlets = sidebar.locator('[data-testid="stMultiSelect"]').first
    for row, outlet in ((0, "Harbour Herald"), (1, "City Tribune")):
        type_in_table_cell(page, row, 2, outlet)
        expect(outlets).to_contain_text(outlet, timeout=60_000)
        wait_idle(page)
    full_page_screenshot(page, out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=SCREENSHOT, help=f"default: {SCREENSHOT}")
    parser.add_argument(
        "--own-story-out", type=Path, default=OWN_STORY, help=f"default: {OWN_STORY}"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "SLANT_STORIES_DIR": str(Path(tmp) / "stories"),
            CACHE_DIR_ENV: str(Path(tmp) / "cache"),
        }
        proc, url = start_streamlit(Path(tmp) / "streamlit.log", env)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for shoot, out in (
                    (shoot_overview, args.out),
                    (shoot_own_story, args.own_story_out),
                ):
                    context = browser.new_context(viewport=VIEWPORT)
                    shoot(context.new_page(), url, out)
                    context.close()
                browser.close()
        finally:
            stop_streamlit(proc)
    print(f"wrote {args.out} and {args.own_story_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
