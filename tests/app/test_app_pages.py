"""Every page of the app on the sample story: no exception, the expected charts and traces,
and the outlet filter applied to all of them."""

from __future__ import annotations

import pytest
from apptest_helpers import (
    PAGES,
    TABS,
    figure,
    figures,
    markdown_text,
    open_page,
    open_tab,
    outlet_widget,
    trace_names,
)

from framing.charts import outlet_colors
from framing.columns import format_columns_markdown

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
    "coverage": ["Which outlet reports which fact"],
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
    shown = []
    for label in TABS[page][1] if page in TABS else [None]:
        if label is not None:
            open_tab(app, page, label)
        assert not app.error, [e.value for e in app.error]
        assert all(f["data"] for f in figures(app)), "a chart of the sample story is empty"
        shown += [f["layout"]["title"]["text"] for f in figures(app)]
    assert len(shown) == len(CHARTS[page])
    for start in CHARTS[page]:
        assert [t for t in shown if t.startswith(start)], (start, shown)


@pytest.mark.parametrize("page", list(TABS))
def test_a_page_computes_only_its_open_tab(app, page):
    """A page switch draws the first tab; the others are drawn when opened."""
    open_page(app, page)
    first = {f["layout"]["title"]["text"] for f in figures(app)}
    for label in TABS[page][1][1:]:
        open_tab(app, page, label)
        assert not first & {f["layout"]["title"]["text"] for f in figures(app)}
    open_page(app, "methods")
    assert {f["layout"]["title"]["text"] for f in figures(open_page(app, page))} == first


def test_overview_compares_all_outlets_in_their_own_colours(app):
    panels = figure(app, "How the outlets compare")["data"]
    assert len(panels) == 4  # one bar per outlet in each panel
    for trace in panels:
        assert trace["y"] == OUTLETS
        assert trace["marker"]["color"] == [COLORS[o] for o in OUTLETS]
    (framing,) = figure(open_tab(app, "overview", "How they frame each actor"), "Actor framing")[
        "data"
    ]
    assert set(unwrap(framing["x"])) <= set(OUTLETS)
    assert "Khalifa Haftar" in framing["y"]
    cards = markdown_text(app)
    for outlet in OUTLETS:
        assert outlet in cards


def test_overview_offers_every_table_and_the_whole_result_as_downloads(app):
    keys = {b.key for b in open_tab(app, "overview", "Tables").get("download_button")}
    assert {"ov_outlets_csv", "ov_articles_csv", "download_all"} <= keys


def test_outlet_filter_applies_to_every_chart_and_keeps_colours(app):
    shown = [o for o in OUTLETS if not o.startswith("Outlet C")]
    outlet_widget(app).set_value(shown).run()
    for trace in figure(app, "How the outlets compare")["data"]:
        assert trace["y"] == shown
        assert trace["marker"]["color"] == [COLORS[o] for o in shown]
    open_tab(app, "overview", "Tables")
    assert len(app.dataframe[0].value) == len(shown)  # the outlets table
    open_page(app, "readability")
    boxes = figure(open_tab(app, "readability", "Sentence lengths"), "Sentence length")
    assert [t["name"] for t in boxes["data"] if t["type"] == "box"] == shown
    open_page(app, "terms")
    density = figure(app, "Loaded terms per 100 words")
    assert unwrap(density["data"][0]["x"]) == shown


def test_outlet_filter_survives_a_page_switch(app):
    outlet_widget(app).set_value(OUTLETS[:2]).run()
    open_page(app, "sentiment")
    assert outlet_widget(app).value == OUTLETS[:2]
    arc = figure(open_tab(app, "sentiment", "Through each article"), "Sentiment arc")
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
    open_tab(open_page(app, "terms"), "terms", "Every hit in context")
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


def test_tables_hold_every_row(app, sample_analysis):
    """Every row is in the table (the browser fetches long ones as the user scrolls:
    tests/e2e/test_long_tables.py)."""
    at = open_tab(open_page(app, "sentiment"), "sentiment", "Sentence by sentence")
    negative, positive, every = (frame.value for frame in at.dataframe)
    assert (len(negative), len(positive)) == (10, 10)
    assert len(every) == len(sample_analysis.sentences)
    assert every["compound"].min() == negative["compound"].iloc[0]
    assert positive["compound"].iloc[0] == every["compound"].max()


def test_a_widget_that_shapes_a_chart_rebuilds_it(app):
    """Figures are shared between reruns and sessions; what a widget changes is part of
    their key."""
    at = open_page(app, "distinctive")
    bars = sum(len(t["y"]) for t in figure(at, "Distinctive words")["data"])
    at.slider(key="ds_top").set_value(5).run()
    fewer = sum(len(t["y"]) for t in figure(at, "Distinctive words")["data"])
    assert fewer < bars
    at = open_tab(open_page(at, "sentiment"), "sentiment", "Through each article")
    arc = at.multiselect(key="st_arc_articles")
    first = arc.value[0]
    arc.set_value([first]).run()
    assert len(figure(at, "Sentiment arc")["data"]) == 2  # its line and its sentences
    at.multiselect(key="st_arc_articles").set_value([]).run()
    assert figure(at, "Sentiment arc")["data"] == []


def test_a_shared_figure_is_sent_unchanged_on_every_visit(app):
    first = figures(open_page(app, "readability"))
    open_page(app, "overview")
    assert figures(open_page(app, "readability")) == first


def test_a_choice_in_a_closed_tab_comes_back_with_it(app):
    at = open_tab(open_page(app, "sentiment"), "sentiment", "Through each article")
    first = at.multiselect(key="st_arc_articles").value[0]
    at.multiselect(key="st_arc_articles").set_value([first]).run()
    open_tab(at, "sentiment", "Sentence by sentence")
    open_tab(at, "sentiment", "Through each article")
    assert at.multiselect(key="st_arc_articles").value == [first]
    assert len(figure(at, "Sentiment arc")["data"]) == 2
    at = open_tab(open_page(at, "terms"), "terms", "Every hit in context")
    at.radio(key="tm_voice").set_value("own voice").run()
    at.multiselect(key="tm_cat").set_value(["distancing"]).run()
    open_tab(open_tab(at, "terms", "By outlet"), "terms", "Every hit in context")
    assert at.radio(key="tm_voice").value == "own voice"
    assert at.multiselect(key="tm_cat").value == ["distancing"]
    assert set(at.dataframe[0].value["category"]) == {"distancing"}


def test_a_kept_choice_gone_from_the_options_falls_back_to_the_default(app):
    at = open_tab(open_page(app, "sentiment"), "sentiment", "Through each article")
    default = at.multiselect(key="st_arc_articles").value
    at.multiselect(key="st_arc_articles").set_value(["000_027106809507258a"]).run()
    open_tab(at, "sentiment", "By outlet and actor")
    outlet_widget(at).set_value(OUTLETS[1:]).run()  # hides the chosen article's outlet
    open_tab(at, "sentiment", "Through each article")
    assert at.multiselect(key="st_arc_articles").value == [
        a for a in default if a != "000_027106809507258a"
    ]


def test_the_methods_page_explains_every_column_of_the_articles_table(app):
    open_page(app, "methods")
    assert format_columns_markdown().strip() in [m.value.strip() for m in app.markdown]
