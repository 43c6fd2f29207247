"""Real-browser fixtures: `streamlit run app.py` on a free port (saves go to a tmp folder)
and Playwright driving Debian's /usr/bin/chromium (never `playwright install`). Every test
module here sets pytestmark = pytest.mark.e2e. Env override: CHROMIUM_PATH.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit_browser import (
    launch_chromium,
    start_streamlit,
    stop_streamlit,
)


@pytest.fixture(scope="session")
def stories_dir(tmp_path_factory):
    """Where the app of ``app_url`` lists and saves stories: a test may put one there."""
    return tmp_path_factory.mktemp("stories")


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory):
    """Where the tests' screenshots go: $SLANT_TEST_ARTIFACTS when set (to look at them
    afterwards), else a temporary folder; never a file of the repository."""
    named = os.environ.get("SLANT_TEST_ARTIFACTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, stories_dir):
    tmp = tmp_path_factory.mktemp("e2e")
    env = {**os.environ, "SLANT_STORIES_DIR": str(stories_dir)}
    proc, url = start_streamlit(tmp / "streamlit.log", env)
    try:
        yield url
    finally:
        stop_streamlit(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url):
    """A fresh laptop-sized tab, with page errors collected in page.errors."""
    context = browser.new_context(viewport={"width": 1366, "height": 850})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()
