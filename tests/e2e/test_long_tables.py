"""A long table in a real browser: every row is there to scroll to, but the rows past the
first page reach the browser only when the user scrolls to them (a page switch does not
wait for them)."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest
from playwright.sync_api import expect
from streamlit_browser import wait_idle, wait_tables

from framing.io import load_story_bytes, save_story

pytestmark = pytest.mark.e2e

SLUG = "long-table"
SENTENCES = 1_500
# Past the 90 characters the sentiment arc's hover keeps of a sentence: only the table has it.
MARKER = "Quetzalcoatl-rowfinder"
FAR_SENTENCE = (
    f"The council met again on a grey morning and, as on every other day this season, it "
    f"noted the routine minutes; {MARKER}."
)


def _records() -> list[dict]:
    tones = ["The rescue was a wonderful, brilliant success.", "The attack was a horrific, "
             "deadly disaster."]  # fmt: skip
    short = [
        {"outlet": f"Outlet {i % 3}", "title": f"Short {i}", "text": " ".join(tones * 2)}
        for i in range(12)
    ]
    neutral = [f"The council met on day {n} of the session." for n in range(SENTENCES)]
    neutral[-40] = FAR_SENTENCE  # past the first page of rows, not among the last ten
    return [*short, {"outlet": "Outlet 0", "title": "Long", "text": " ".join(neutral)}]


@pytest.fixture(scope="module")
def long_story(stories_dir):
    data = "\n".join(json.dumps(r) for r in _records()).encode()
    story = load_story_bytes("long.jsonl", data)
    save_story(replace(story, slug=SLUG, title="A long table"), stories_dir / SLUG)
    return SLUG


def test_rows_past_the_first_page_come_when_scrolled_to(page, app_url, long_story):
    received: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda f: received.append(f if isinstance(f, bytes) else f.encode())
        ),
    )
    page.goto(f"{app_url}/sentiment?story={long_story}")
    expect(page.get_by_role("heading", name="Sentiment", exact=True)).to_be_visible(timeout=120_000)
    wait_idle(page, timeout=120_000)
    page.get_by_role("tab", name="Sentence by sentence").click()
    wait_idle(page)
    wait_tables(page, 3)
    assert not any(MARKER.encode() in frame for frame in received)

    scroller = page.locator('[data-testid="stDataFrame"]').last.locator(".dvn-scroller")
    row_height = 20  # Streamlit's rows are 35 px: anything above 20 px means every row
    assert scroller.evaluate("s => s.scrollHeight") > SENTENCES * row_height
    scroller.evaluate("s => { s.scrollTop = s.scrollHeight; }")
    deadline = time.monotonic() + 30
    while not any(MARKER.encode() in frame for frame in received):
        assert time.monotonic() < deadline, "the rows at the end never reached the browser"
        page.wait_for_timeout(200)
    assert page.errors == []
