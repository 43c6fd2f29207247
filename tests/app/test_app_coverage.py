"""The Coverage page and the fact marks of Side by side, on the sample story."""

from __future__ import annotations

from apptest_helpers import open_page, open_tab, outlet_widget


def html_with(app, marker: str) -> list[str]:
    return [h.value for h in app.html if marker in h.value]


def test_by_outlet_shows_what_it_leaves_out_with_the_sentences(app):
    open_page(app, "coverage")
    assert not app.warning  # the sample has more than a handful of shared facts
    app.selectbox(key="cv_outlet").set_value("Outlet D (relays Sputnik)").run()
    (left_out,) = [e for e in app.expander if e.label.startswith("Left out")]
    evidence = " ".join(h.value for h in left_out.get("html"))
    assert "Haftar expressed his readiness to stop the ceasefire" in evidence
    assert "not by Outlet D" in evidence
    app.selectbox(key="cv_outlet").set_value("Outlet C (dated 2020-02-22)").run()
    (only,) = [e for e in app.expander if e.label.startswith("Only here")]
    assert "killed 1,000 people" in " ".join(h.value for h in only.get("html"))


def test_quotes_across_outlets_mark_the_words_that_differ(app):
    open_tab(open_page(app, "coverage"), "coverage", "Quotes across outlets")
    (groups,) = html_with(app, 'class="quotes"')
    assert "worded differently" in groups and '<mark class="diff">' in groups
    assert "Outlet A (translated, video page)" in groups
    alone = app.dataframe[0].value
    assert {"speaker_name", "outlet", "quotes"} <= set(alone.columns)


def test_a_story_of_few_shared_facts_says_so(app):
    outlet_widget(app).set_value(["Outlet D (relays Sputnik)", "Outlet E (reader-funded)"]).run()
    open_page(app, "coverage")
    assert any("too few" in w.value for w in app.warning)


def test_side_by_side_links_sentences_of_one_fact(app):
    open_page(app, "side_by_side")
    app.multiselect(key="sbs_articles").set_value(
        ["000_027106809507258a", "002_a1013574c7223587"]
    ).run()
    a, c = html_with(app, 'class="article"')
    assert '<a class="fact"' in a and '<a class="fact"' in c
    assert "also reported in: Outlet C" in a
