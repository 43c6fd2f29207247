"""The defects issue 16 listed on the sample story's pages, each pinned on the real app
(the charts' own defects are pinned in tests/framing/test_charts.py, the browser's in
tests/e2e/test_browser_app.py)."""

from __future__ import annotations

import json

from apptest_helpers import markdown_text, open_page, open_tab

from ui.page import column_title


def test_overview_highlights_read_as_the_charts_show_them(app):
    text = markdown_text(app)
    assert "Leans most on quotes: **Outlet B (translated)** (70% of its words in quotes)" in text
    assert "(0.6" not in text  # no bare shares beside a chart in percent
    assert "on average: **Outlet C (dated 2020-02-22)** (mean sentiment" in text


def test_named_most_differently_says_where_it_stops(app):
    lines = [line for m in app.markdown for line in m.value.splitlines()]
    (line,) = [line for line in lines if "Named most differently" in line]
    assert line.count("“") == 4
    assert line.endswith("and 1 more outlet (all on the Labels page)")


def test_own_voice_framing_is_explained_where_the_two_numbers_are(app):
    assert any("quotes left out" in c.value for c in app.caption)
    assert "Own-voice framing" in markdown_text(app)
    open_page(app, "labels")
    assert any("quoted ones included" in c.value for c in app.caption)


def test_tables_have_titles_in_words_and_rounded_numbers(app):
    open_tab(app, "overview", "Tables")
    outlets = app.dataframe[0]
    config = json.loads(outlets.proto.columns)
    assert config["loaded_narrator_per_100w"]["label"] == "Loaded terms per 100 words, own voice"
    assert config["flesch_kincaid_grade"]["type_config"]["format"] == "%.2f"
    assert config["quote_share"]["type_config"]["format"] == "percent"
    assert all("_" not in column.get("label", "") for column in config.values())
    assert column_title("n_unknown") == "n unknown"  # a column of another table, in words


def test_extreme_sentence_tables_have_headings(app):
    open_tab(open_page(app, "sentiment"), "sentiment", "Sentence by sentence")
    headings = [m.value for m in app.markdown]
    assert "##### Most negative (most negative first)" in headings
    assert "##### Most positive (most positive first)" in headings


def test_methods_page_speaks_to_users_not_developers(app):
    open_page(app, "methods")
    text = markdown_text(app) + "\n".join(e.label for e in app.expander)
    text += "\n".join(c.value for c in app.caption)
    assert "--out" not in text and "../shared" not in text  # no developer's command
    assert "The hedge change" not in text  # no change-log sentence
    assert "| NewsWCL50 labels | recall LL |" in text  # the table is still there
    # the recorded tables become one table: PolNeAR's rows under the one header
    table = text[text.index("| dataset | metric |") :]
    assert table.count("| dataset | metric |") == 1
    assert "| PolNeAR dev attributions | all: F1 |" in table
    assert "far left (LL)" in text and "far right (RR)" in text
    assert "outlet outlet" not in text
    labels = [e.label for e in app.expander]
    assert not any(label.endswith(" 1 removals") for label in labels)
    assert any(label.endswith(" 1 removal") for label in labels), labels
    assert any("How the outlet was named: outlet unknown" in c.value for c in app.caption)
