"""Make the README's screenshot (docs/screenshots/overview.png) anew: the Overview of the
sample story in Debian's chromium, at a laptop's window size. Tests never write it.

    .venv/bin/python scripts/update_screenshot.py [--out FILE]

The app runs on a free local port with its stories folder and disk cache in a temporary
folder, so nothing a user saved shows up in the picture.
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
    wait_charts,
    wait_idle,
)

from framing.io import CACHE_DIR_ENV  # noqa: E402

SCREENSHOT = ROOT / "docs" / "screenshots" / "overview.png"
VIEWPORT = {"width": 1366, "height": 850}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=SCREENSHOT, help=f"default: {SCREENSHOT}")
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
                page = browser.new_context(viewport=VIEWPORT).new_page()
                page.goto(url)
                heading = page.get_by_role("heading", name="Overview", exact=True)
                expect(heading).to_be_visible(timeout=120_000)
                wait_idle(page)
                wait_charts(page, 1)
                full_page_screenshot(page, args.out)
                browser.close()
        finally:
            stop_streamlit(proc)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
