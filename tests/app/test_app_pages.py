"""Every page of the app on the sample story: no exception, the expected charts and traces,
and the outlet filter applied to all of them."""

from __future__ import annotations

import pytest
from apptest_helpers import (
    PAGES,
    figure,
    figures,
    markdown_text,
    open_page,
    outlet_widget,
    trace_names,
)

from framing.charts import outlet_colors

OUTLETS = [
    "Outlet A (translated, video page)",
    "Outlet B (translated)",
    "Outlet C (dated 2020-02-22)",
    "Outlet D (relays Sputnik)",
    "Outlet E (reader-funded)",
]
COLORS = outlet_colors(OUTLETS)


def unwrap(labels: list[str]) -> list[str]:
    """Axis labels without the line breaks long outlet names get."""
    return [label.replace("<br>", " ") for label in labels]


# page -> the charts it draws, by the start of their title
CHARTS = {
    "overview": ["How the outlets compare", "Actor framing", "Who is quoted"],
    "labels": ["How differently the outlets label"],
    "terms": ["Loaded terms by outlet", "Loaded terms per 100 words"],
    "side_by_side": [],
    "sentiment": ["Sentiment by outlet", "Sentiment toward each actor", "Sentiment arc"],
    "readability": ["Readability by outlet", "Sentence length"],
    "distinctive": ["Distinctive words"],
    "lexicon": [],
    "methods": [],
}


def test_opens_on_the_sample_story_with_every_outlet_shown(app):
    assert app.sidebar.selectbox(key="story_folder").value.endswith("libya-ceasefire-2020")
    assert outlet_widget(app).value == OUTLETS
    assert app.header[0].value == "Overview"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_its_charts_without_error(app, page):
    open_page(app, page)
    assert not app.error, [e.value for e in app.error]
    titles = [f["layout"]["title"]["text"] for f in figures(app)]
    assert len(titles) == len(CHARTS[page])
    for start in CHARTS[page]:
        assert [t for t in titles if t.startswith(start)], (start, titles)
    assert all(f["data"] for f in figures(app)), "a chart of the sample story is empty"


def test_overview_compares_all_outlets_in_their_own_colours(app):
    fig = figure(app, "How the outlets compare")
    assert len(fig["data"]) == 4 * len(OUTLETS)
    for trace in fig["data"]:
        assert trace["marker"]["color"] == COLORS[trace["name"]]
    (framing,) = figure(app, "Actor framing")["data"]
    assert set(unwrap(framing["x"])) <= set(OUTLETS)
    assert "Khalifa Haftar" in framing["y"]
    cards = markdown_text(app)
    for outlet in OUTLETS:
        assert outlet in cards


def test_overview_offers_every_table_and_the_whole_result_as_downloads(app):
    keys = {b.key for b in app.get("download_button")}
    assert {"ov_outlets_csv", "ov_articles_csv", "download_all"} <= keys


def test_outlet_filter_applies_to_every_chart_and_keeps_colours(app):
    shown = [o for o in OUTLETS if not o.startswith("Outlet C")]
    outlet_widget(app).set_value(shown).run()
    fig = figure(app, "How the outlets compare")
    assert {t["name"] for t in fig["data"]} == set(shown)
    assert all(t["marker"]["color"] == COLORS[t["name"]] for t in fig["data"])
    assert len(app.dataframe[0].value) == len(shown)  # the outlets table
    open_page(app, "readability")
    boxes = figure(app, "Sentence length")
    assert [t["name"] for t in boxes["data"] if t["type"] == "box"] == shown
    open_page(app, "terms")
    density = figure(app, "Loaded terms per 100 words")
    assert unwrap(density["data"][0]["x"]) == shown


def test_outlet_filter_survives_a_page_switch(app):
    outlet_widget(app).set_value(OUTLETS[:2]).run()
    open_page(app, "sentiment")
    assert outlet_widget(app).value == OUTLETS[:2]
    arc = figure(app, "Sentiment arc")
    assert {t["legendgroup"] for t in arc["data"]} == set(OUTLETS[:2])


def test_labels_page_shows_the_matrix_with_valence_colours(app):
    open_page(app, "labels")
    dots = figure(app, "How differently the outlets label")
    assert set(trace_names(dots)) <= set(OUTLETS)
    assert all(t["marker"]["color"] == COLORS[t["name"]] for t in dots["data"])
    matrix = [h.value for h in app.html if 'class="labels"' in h.value]
    assert len(matrix) == 1
    assert "Haftar" in matrix[0]
    assert 'class="chip v' in matrix[0]


def test_terms_page_kwic_table_filters_by_voice(app):
    open_page(app, "terms")
    kwic = app.dataframe[0].value
    assert {"context_left", "text", "context_right", "term", "note"} <= set(kwic.columns)
    app.radio(key="tm_voice").set_value("own voice").run()
    own = app.dataframe[0].value
    assert not own["in_quote"].any()
    assert len(own) <= len(kwic)


def test_side_by_side_highlights_escape_and_explain(app):
    open_page(app, "side_by_side")
    columns = [h.value for h in app.html if 'class="article"' in h.value]
    assert len(columns) == 3  # the first article of three outlets by default
    assert all("<mark " in c and ' title="' in c for c in columns)
    assert any('<span class="q qs">' in c for c in columns)
    app.multiselect(key="sbs_articles").set_value(
        ["000_027106809507258a", "002_a1013574c7223587"]
    ).run()
    columns = [h.value for h in app.html if 'class="article"' in h.value]
    assert len(columns) == 2
    assert "so-called" in columns[1]


def test_long_tables_send_their_first_rows_and_say_so(app, monkeypatch):
    from ui import page

    monkeypatch.setattr(page, "TABLE_ROWS", 25)
    at = open_page(app, "sentiment")
    # most negative, most positive (10 rows each: shown whole), every sentence (cut)
    assert [len(frame.value) for frame in at.dataframe] == [10, 10, 25]
    notes = [c.value for c in at.caption if "the download has them all" in c.value]
    assert len(notes) == 1 and notes[0].startswith("The first 25 of ")


def test_a_widget_that_shapes_a_chart_rebuilds_it(app):
    """Figures are shared between reruns and sessions; what a widget changes is part of
    their key."""
    at = open_page(app, "distinctive")
    bars = sum(len(t["y"]) for t in figure(at, "Distinctive words")["data"])
    at.slider(key="ds_top").set_value(5).run()
    fewer = sum(len(t["y"]) for t in figure(at, "Distinctive words")["data"])
    assert fewer < bars
    at = open_page(at, "sentiment")
    arc = at.multiselect(key="st_arc_articles")
    first = arc.value[0]
    arc.set_value([first]).run()
    assert len(figure(at, "Sentiment arc")["data"]) == 1
    at.multiselect(key="st_arc_articles").set_value([]).run()
    assert figure(at, "Sentiment arc")["data"] == []


def test_a_shared_figure_is_sent_unchanged_on_every_visit(app):
    first = figures(open_page(app, "readability"))
    open_page(app, "overview")
    assert figures(open_page(app, "readability")) == first
