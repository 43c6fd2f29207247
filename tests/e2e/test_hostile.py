"""Hostile text in a real browser: a story whose articles, outlet names, titles, urls,
folder name, file names and story lexicon carry script, event-handler, iframe, javascript: and
markdown-link payloads is opened on every page (and pasted into the sidebar), and no
payload runs or becomes an element: window.__pwned stays undefined, the document title
is unchanged, no dialog opens, and no img[src=x], iframe, javascript: link, event-handler
attribute or injected script exists. The payloads show up as text instead.
"""

from __future__ import annotations

import csv
import io
import os
from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from streamlit_browser import start_streamlit, stop_streamlit, wait_idle

from framing.io import load_story_bytes, save_story
from framing.lexicon import save_lexicon
from framing.models import Story

pytestmark = pytest.mark.e2e

PWN = "window.__pwned=1;document.title='pwned'"
PAYLOADS = [
    f"<script>{PWN}</script>",
    f'<img src=x onerror="{PWN}">',
    f"<img src=x onerror={PWN}>",
    f'<iframe src="javascript:{PWN}"></iframe>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    f'<a href="javascript:{PWN}">click me</a>',
    "[markdown link](javascript:alert(1))",
    "[x](javascript:window.__pwned=1)",
    '![markdown image](x" onerror="alert(1))',
    f'<b onmouseover="{PWN}">bold</b>',
    f"<svg onload={PWN}>",
    f"<details open ontoggle={PWN}>",
    f'"><img src=x onerror="{PWN}">',
    f"'><script>{PWN}</script>",
    f"</textarea></title><script>{PWN}</script>",
    f'<math><mi xlink:href="javascript:{PWN}">m</mi></math>',
    "<style>body{display:none}</style>",
    "javascript:alert(1)",
    "{{constructor.constructor('alert(1)')()}}",
]
FOLDER = "hostile-<img src=x onerror=alert(1)>"
PAGES = {
    "": "Overview",
    "labels": "Labels",
    "terms": "Loaded terms",
    "side_by_side": "Side by side",
    "sentiment": "Sentiment",
    "readability": "Readability",
    "distinctive": "Distinctive words",
    "lexicon": "Lexicon",
    "methods": "Methods",
}
INJECTED = (
    "img[src='x'], iframe, a[href^='javascript' i], [onerror], [onload], [onmouseover], "
    "[ontoggle], [srcdoc], [*|href^='javascript' i]"
)


def _article(number: int, outlet: str, title: str) -> bytes:
    """Ordinary news prose with the payloads in narration, in quotes and in a headline,
    next to lexicon terms so that highlights and tooltips wrap them too."""
    lines = [f"# {title}", ""]
    for payload in PAYLOADS:
        lines += [
            f"The warlord {payload} Khalifa Haftar slammed the so-called Tripoli government "
            f"on day {number}.",
            "",
            f'"{payload} We will not stop," said Haftar, the rebel leader.',
            "",
        ]
    body = "\n".join(lines)
    header = f"---\noutlet: {outlet}\ntitle: {title}\nurl: javascript:alert({number})\n---\n"
    return (header + body).encode("utf-8")


def _lexicon() -> str:
    rows = [
        ["kind", "text", "forms", "category", "actor", "camp", "valence", "note"],
        ["actor", f"Khalifa Haftar {PAYLOADS[1]}", "Haftar|Khalifa Haftar", "", "haftar",
         f"{PAYLOADS[0]} camp", "", PAYLOADS[6]],
        ["actor", "Tripoli government", "GNA", "", "gna", PAYLOADS[9], "", PAYLOADS[10]],
        ["label", "rebel leader", "", "", "haftar", "", "-1", PAYLOADS[2]],
        ["label", "warlord", "", "", "haftar", "", "-2", PAYLOADS[3]],
        ["term", "slammed", "", "loaded_verb", "", "", "-1", PAYLOADS[5]],
        ["term", "so-called", "", "distancing", "", "", "-2", PAYLOADS[7]],
    ]  # fmt: skip
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    """The app serving a saved hostile story; its url opens that story (?story=)."""
    tmp = tmp_path_factory.mktemp("hostile")
    articles = []
    for number, (outlet, title) in enumerate(
        [(PAYLOADS[1], PAYLOADS[0]), (PAYLOADS[6], PAYLOADS[9]), (PAYLOADS[12], PAYLOADS[7])]
    ):
        articles += load_story_bytes(f"a{number}.md", _article(number, outlet, title)).articles
    story = Story("hostile", PAYLOADS[1], PAYLOADS[0], tuple(articles),
                  ("loaded_language", "hostile"))  # fmt: skip
    folder = tmp / "stories" / FOLDER
    save_story(story, folder)
    save_lexicon(_lexicon(), folder / "hostile.csv")
    for name in (f"{PAYLOADS[2]}.txt", f"{PAYLOADS[7]}.md"):  # empty: listed as not loaded
        (folder / name).write_bytes(b"")
    env = {**os.environ, "SLANT_STORIES_DIR": str(tmp / "stories")}
    proc, url = start_streamlit(tmp / "streamlit.log", env)
    try:
        yield url, f"?story={quote(FOLDER)}"
    finally:
        stop_streamlit(proc)


@pytest.fixture
def watched(page):
    """The tab, with every dialog (alert, confirm, prompt) recorded and dismissed."""
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def _settle(page) -> None:
    wait_idle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        "   .every(c => c.querySelector('.js-plotly-plot .main-svg'))",
        timeout=60_000,
    )
    page.wait_for_timeout(500)  # let an injected onerror/onload fire, if one got in


def _assert_nothing_ran(page, where: str) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined", where
    assert page.evaluate("typeof parent.__pwned") == "undefined", where
    assert "pwned" not in page.title(), where
    assert page.dialogs == [], where
    injected = page.evaluate(
        "s => [...document.querySelectorAll(s)].map(e => e.outerHTML.slice(0, 120))", INJECTED
    )
    assert injected == [], where
    scripts = page.evaluate(
        "() => [...document.scripts].filter(s => s.text.includes('__pwned')).length"
    )
    assert scripts == 0, where
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    assert page.errors == [], where


@pytest.mark.parametrize("path", list(PAGES))
def test_no_payload_runs_or_becomes_an_element_on_any_page(watched, hostile_url, path):
    url, query = hostile_url
    watched.goto(f"{url}/{path}{query}")
    expect(watched.get_by_role("heading", name=PAGES[path], exact=True)).to_be_visible(
        timeout=120_000
    )
    _settle(watched)
    sidebar = watched.locator('[data-testid="stSidebar"]')
    # The hostile story is the one open.
    expect(sidebar.get_by_role("combobox", name="Story")).to_have_value(f"{FOLDER} (saved)")
    # The files with hostile names that did not load are listed.
    expect(
        sidebar.get_by_text(f"{FOLDER}: 5 inputs read, 2 skipped, 3 articles made")
    ).to_be_visible()
    _assert_nothing_ran(watched, path or "overview")
    tabs = watched.locator('[data-testid="stMain"]').get_by_role("tab")
    for i in range(1, tabs.count()):  # every tab draws its own charts and tables
        tabs.nth(i).click()
        expect(tabs.nth(i)).to_have_attribute("aria-selected", "true")
        _settle(watched)
        _assert_nothing_ran(watched, f"{path or 'overview'}, tab {i}")


def test_side_by_side_shows_the_payloads_as_text(watched, hostile_url):
    url, query = hostile_url
    watched.goto(f"{url}/side_by_side{query}")
    articles = watched.locator(".slant .article")
    expect(articles).to_have_count(3, timeout=120_000)
    _settle(watched)
    for payload in PAYLOADS:
        expect(articles.first).to_contain_text(payload)
    marks = watched.locator(".slant .article mark[title]")
    assert marks.count() > len(PAYLOADS)
    marks.first.hover()  # tooltips carry lexicon notes with payloads: still attributes only
    _assert_nothing_ran(watched, "side by side")


def test_pasted_article_with_payload_title_and_outlet_stays_text(watched, hostile_url):
    url, query = hostile_url
    watched.goto(f"{url}/{query}")
    expect(watched.get_by_role("heading", name="Overview", exact=True)).to_be_visible(
        timeout=120_000
    )
    _settle(watched)
    sidebar = watched.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Add articles").click()
    sidebar.get_by_label("…or paste an article").fill(
        f"Haftar {PAYLOADS[1]} slammed the talks. {PAYLOADS[6]}"
    )
    sidebar.get_by_role("textbox", name="Outlet", exact=True).fill(PAYLOADS[10])
    sidebar.get_by_role("textbox", name="Title", exact=True).fill(PAYLOADS[7])
    sidebar.get_by_role("button", name="Add pasted text").click()
    expect(sidebar.locator('[data-testid="stAlertContentSuccess"]')).to_be_visible(timeout=60_000)
    _settle(watched)
    expect(watched.locator(".slant .card", has_text=PAYLOADS[10])).to_be_visible()
    _assert_nothing_ran(watched, "after paste")
