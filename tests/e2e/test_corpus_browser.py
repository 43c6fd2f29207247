"""The Corpus page in a real browser: a corpus file uploaded, grouped into stories, one
story found, opened on the Overview page with a card per outlet."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from streamlit_browser import full_page_screenshot, wait_idle, wait_tables

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "framing"))
from test_stories import _articles  # noqa: E402  (the golden corpus of the framing tests)

pytestmark = pytest.mark.e2e


def _corpus() -> bytes:
    rows = [
        {"id": a.id, "outlet": a.outlet, "title": a.title, "date": a.date, "text": a.text}
        for a in _articles()
    ]
    return "\n".join(json.dumps(r) for r in rows).encode()


def test_a_corpus_becomes_stories_and_a_story_opens_on_the_overview(page, app_url, artifacts):
    page.goto(f"{app_url}/corpus")
    expect(page.get_by_role("heading", name="Corpus", exact=True)).to_be_visible(timeout=60_000)
    wait_idle(page)
    main = page.locator('[data-testid="stMain"]')
    main.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        files=[{"name": "corpus.jsonl", "mimeType": "application/json", "buffer": _corpus()}]
    )
    expect(main.get_by_text("9 articles of 3 outlets in 3 stories")).to_be_visible(timeout=120_000)
    wait_idle(page)
    wait_tables(page, 1)
    main.get_by_label("Find stories by words of their name or by outlet").fill("Haiti")
    main.get_by_label("Find stories by words of their name or by outlet").press("Enter")
    expect(main.get_by_text("1 of 3 stories.")).to_be_visible()
    wait_idle(page)
    picker = main.locator('[data-testid="stSelectbox"]', has_text="Story to see")
    option = page.get_by_role("option").filter(has_text="Haiti").first
    # A rerun still drawing the filtered table can close the menu it just opened.
    for attempt in range(3):
        picker.click()
        try:
            expect(option).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
            wait_idle(page)
    option.click()
    wait_idle(page)
    expect(main.get_by_text("s3: Haiti", exact=False)).to_be_visible(timeout=60_000)
    full_page_screenshot(page, artifacts / "corpus.png")
    main.get_by_role("button", name="Open this story on the other pages").click()
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(timeout=120_000)
    wait_idle(page, timeout=120_000)
    cards = page.locator(".slant .card")
    expect(cards).to_have_count(3, timeout=120_000)
    sidebar = page.locator('[data-testid="stSidebar"]')
    picked = sidebar.get_by_role("combobox", name="Story", exact=True)
    expect(picked).to_have_value(re.compile(r"^Corpus: "))
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    assert page.errors == []
