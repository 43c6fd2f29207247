"""The app in a real browser on the sample story: every page draws its charts without an
exception or a page error, the Overview's charts in view on a laptop screen; navigation
icons that need no font; side by side shows escaped, explained highlights; an upload joins
a new story. Screenshots go to the ``artifacts`` folder (temporary unless
$SLANT_TEST_ARTIFACTS names one); the README's screenshot is made by
scripts/update_screenshot.py, never by a test."""

from __future__ import annotations

import json
import zipfile

import pandas as pd
import pytest
from playwright.sync_api import expect
from streamlit_browser import full_page_screenshot, wait_charts, wait_idle

pytestmark = pytest.mark.e2e

# url path -> (page heading, plotly charts in each of its tabs, the first one open)
PAGES = {
    "": ("Overview", [1, 1, 1, 0]),
    "articles": ("Articles", [0]),
    "labels": ("Labels", [1, 0, 0, 0]),
    "terms": ("Loaded terms", [2, 0]),
    "side_by_side": ("Side by side", [0]),
    "coverage": ("Coverage", [0, 1, 0, 0, 0]),
    "sentiment": ("Sentiment", [2, 1, 0]),
    "readability": ("Readability", [1, 1, 0]),
    "distinctive": ("Distinctive words", [1]),
    "corpus": ("Corpus", [0]),
    "lexicon": ("Lexicon", [0, 0, 0, 0]),
    "methods": ("Methods", [0]),
}
ARTICLE = (
    b"---\noutlet: Test Gazette\ntitle: Haftar rejects talks\n---\n"
    b"The warlord Khalifa Haftar slammed the so-called government in Tripoli. "
    b"<script>window.injected = 1</script> <b>not bold</b>\n"
)


def _open(page, app_url, path):
    heading, charts = PAGES[path]
    page.goto(f"{app_url}/{path}")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=60_000)
    wait_idle(page)
    wait_charts(page, charts[0])


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_and_tab_renders_its_charts(page, app_url, artifacts, path):
    _open(page, app_url, path)
    charts = PAGES[path][1]
    tabs = page.locator('[data-testid="stMain"]').get_by_role("tab")
    expect(tabs).to_have_count(len(charts) if len(charts) > 1 else 0)
    name = path or "overview"
    for i, count in enumerate(charts):
        if i:
            tabs.nth(i).click()
            expect(tabs.nth(i)).to_have_attribute("aria-selected", "true")
            wait_idle(page)
            wait_charts(page, count)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(count)
        full_page_screenshot(page, artifacts / f"page-{name}-{i}.png")
    assert page.errors == []


def test_overview_charts_are_in_view_on_a_laptop_screen(page, app_url):
    """Issue 16: the Overview's charts sat below the fold of an 850-pixel-high screen."""
    _open(page, app_url, "")
    chart = page.locator('[data-testid="stPlotlyChart"]').first.bounding_box()
    assert chart["y"] + chart["height"] <= page.viewport_size["height"], chart


def test_navigation_icons_are_material_icons_not_emoji(page, app_url):
    """Emoji draw as empty boxes where no emoji font is installed."""
    _open(page, app_url, "")
    nav = page.locator('[data-testid="stSidebarNav"]')
    expect(nav.get_by_role("link")).to_have_count(len(PAGES))
    expect(nav.locator('[data-testid="stIconMaterial"]')).to_have_count(len(PAGES))
    emoji = page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=\"stSidebarNav\"] *')]"
        ".some(e => /\\p{Extended_Pictographic}/u.test(e.textContent))"
    )
    assert not emoji
    favicon = page.locator('link[rel="shortcut icon"], link[rel="icon"]').first
    assert favicon.get_attribute("href").startswith(f"{app_url}/media/")  # served, offline


def test_switching_page_in_the_sidebar_keeps_the_outlet_filter(page, app_url):
    _open(page, app_url, "")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name="Remove Outlet C (dated 2020-02-22)").click()
    expect(page.locator(".slant .card", has_text="Outlet C")).to_have_count(0)
    wait_idle(page)
    sidebar.get_by_role("link", name="Readability").click()
    expect(page.get_by_role("heading", name="Readability", exact=True)).to_be_visible()
    wait_idle(page)
    page.get_by_role("tab", name="Sentence lengths").click()
    wait_idle(page)
    wait_charts(page, 1)
    expect(sidebar.locator('[data-tag][aria-label^="Outlet C"]')).to_have_count(0)
    boxes = page.locator(".js-plotly-plot .boxlayer .trace")
    expect(boxes).to_have_count(4)
    assert page.errors == []


def test_a_choice_in_a_tab_survives_closing_the_tab(page, app_url):
    _open(page, app_url, "sentiment")
    page.get_by_role("tab", name="Through each article").click()
    wait_idle(page)
    wait_charts(page, 1)
    arc = page.locator('[data-testid="stMultiSelect"]', has_text="Articles in the arc")
    chips = arc.locator("[data-tag]")
    expect(chips).to_have_count(5)
    chips.first.get_by_role("button").click()  # remove the first article
    expect(chips).to_have_count(4)
    wait_idle(page)
    page.get_by_role("tab", name="Sentence by sentence").click()
    wait_idle(page)
    expect(arc).to_have_count(0)
    page.get_by_role("tab", name="Through each article").click()
    wait_idle(page)
    wait_charts(page, 1)
    expect(chips).to_have_count(4)
    # each article: its smoothed line and its sentences' dots
    expect(page.locator(".js-plotly-plot .scatterlayer .trace")).to_have_count(8)
    assert page.errors == []


def test_side_by_side_highlights_are_explained_and_text_is_escaped(page, app_url, artifacts):
    _open(page, app_url, "side_by_side")
    articles = page.locator(".slant .article")
    expect(articles).to_have_count(3)
    marks = page.locator(".slant .article mark[title]")
    assert marks.count() > 10
    title = marks.first.get_attribute("title")
    assert "target:" in title and "why:" in title
    expect(page.locator(".slant .article .q").first).to_be_visible()
    marks.first.hover()
    full_page_screenshot(page, artifacts / "side-by-side.png")
    assert page.errors == []


def test_uploaded_article_is_analysed_and_its_markup_stays_text(page, app_url, artifacts):
    _open(page, app_url, "")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name="New story").click()
    expect(page.get_by_text("This story has no articles yet")).to_be_visible(timeout=60_000)
    wait_idle(page)
    sidebar.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[
            {"name": "gazette.md", "mimeType": "text/markdown", "buffer": ARTICLE},
            {"name": "empty.txt", "mimeType": "text/plain", "buffer": b"  \n"},
        ]
    )
    expect(page.locator(".slant .card", has_text="Test Gazette")).to_be_visible(timeout=60_000)
    expect(sidebar.locator('[data-testid="stAlertContentError"]')).to_contain_text("empty.txt")
    wait_idle(page)
    wait_charts(page, PAGES[""][1][0])
    sidebar.get_by_role("link", name="Side by side").click()
    expect(page.get_by_role("heading", name="Side by side", exact=True)).to_be_visible()
    wait_idle(page)
    gazette = page.locator(".slant .article", has_text="warlord")
    expect(gazette).to_contain_text("<script>window.injected = 1</script>")
    assert page.evaluate("window.injected") is None
    expect(gazette.locator("b")).to_have_count(0)
    full_page_screenshot(page, artifacts / "upload.png")
    assert page.errors == []


def test_downloads_say_what_made_them(page, app_url, tmp_path):
    """The zip of every table and a single table's CSV, downloaded as a user does."""
    _open(page, app_url, "")
    sidebar = page.locator('[data-testid="stSidebar"]')
    with page.expect_download() as zipped:
        sidebar.get_by_role("button", name="Download all tables (zip of CSV)").click()
    with zipfile.ZipFile(zipped.value.path()) as archive:
        made_by = json.loads(archive.read("provenance.json"))["made_by"]
        articles = pd.read_csv(archive.open("articles.csv"))
    assert made_by.startswith("slant ") and "lexicons: loaded_language@" in made_by
    assert set(articles["made_by"]) == {made_by} and len(articles) == 5
    page.get_by_role("tab", name="Tables").click()
    wait_idle(page)
    with page.expect_download() as one:
        page.get_by_role("button", name="Download outlets as CSV").click()
    outlets = pd.read_csv(one.value.path())
    assert list(outlets.columns)[-1] == "made_by" and set(outlets["made_by"]) == {made_by}
    assert page.errors == []
