"""Chart builders: golden tables in, the traces a reader sees out (no browser needed)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from framing import charts

COLORS = charts.outlet_colors(["Alpha", "Beta", "Gamma"])


def _outlets(**columns) -> pd.DataFrame:
    base = {"outlet": ["Alpha", "Beta"], "articles": [1, 2]}
    return pd.DataFrame({**base, **columns})


@pytest.mark.parametrize(
    ("outlets", "expected"),
    [
        (["b", "a", "c"], {"a": "#4C78A8", "b": "#F58518", "c": "#54A24B"}),
        (["a", "a"], {"a": "#4C78A8"}),
        ([], {}),
        ([f"o{i:02d}" for i in range(11)][-1:], {"o10": "#4C78A8"}),
    ],
)
def test_outlet_colors_are_assigned_in_sorted_order(outlets, expected):
    assert charts.outlet_colors(outlets) == expected


def test_outlet_colors_repeat_past_the_palette():
    colors = charts.outlet_colors(f"o{i:02d}" for i in range(11))
    assert colors["o10"] == colors["o00"]
    assert len(set(colors.values())) == len(charts.OUTLET_PALETTE)


@pytest.mark.parametrize(
    ("valence", "expected"),
    [
        (-2, charts.VALENCE_COLORS[-2]),
        (-0.6, charts.VALENCE_COLORS[-1]),
        (0.2, charts.VALENCE_COLORS[0]),
        (1.6, charts.VALENCE_COLORS[2]),
        (5, charts.VALENCE_COLORS[2]),
        (None, charts.UNKNOWN_COLOR),
        (math.nan, charts.UNKNOWN_COLOR),
    ],
)
def test_valence_color(valence, expected):
    assert charts.valence_color(valence) == expected


def test_outlet_comparison_has_one_bar_per_outlet_and_metric_in_outlet_colours():
    outlets = _outlets(
        loaded_narrator_per_100w=[1.5, 0.5],
        sentiment_mean=[-0.2, 0.1],
        flesch_kincaid_grade=[12.0, 9.0],
        quote_share=[0.3, 0.1],
    )
    fig = charts.build_outlet_comparison_figure(outlets, COLORS)
    assert len(fig.data) == 4  # one trace per panel
    assert [t.x for t in fig.data] == [(1.5, 0.5), (-0.2, 0.1), (12.0, 9.0), (0.3, 0.1)]
    assert {t.y for t in fig.data} == {("Alpha", "Beta")}  # named on the axis, no legend
    assert {t.marker.color for t in fig.data} == {(COLORS["Alpha"], COLORS["Beta"])}
    assert fig.data[3].text == ("30%", "10%")
    assert fig.data[1].text == ("-0.20", "0.10")


def test_metric_panels_escape_outlet_names_in_the_hover():
    outlets = pd.DataFrame({"outlet": ["<b>Alpha</b>"], "sentiment_mean": [0.1]})
    (trace,) = charts.build_outlet_comparison_figure(outlets, COLORS).data
    assert trace.customdata == ("&lt;b&gt;Alpha&lt;/b&gt;",)
    assert trace.hovertemplate == "%{customdata}: %{hovertext}<extra></extra>"


def test_loaded_panels_show_intervals_and_say_when_they_overlap():
    outlets = _outlets(
        loaded_narrator_per_100w=[1.0, 3.0],
        loaded_narrator_per_100w_low=[0.5, 2.5],
        loaded_narrator_per_100w_high=[1.5, 3.5],
    )
    fig = charts.build_outlet_comparison_figure(outlets, COLORS)
    (trace,) = fig.data
    assert list(trace.error_x.array) == [0.5, 0.5] and "90%: 0.50–1.50" in trace.hovertext[0]
    assert charts.NO_CLEAR_DIFFERENCE not in fig.layout.annotations[0].text
    overlapping = outlets.assign(loaded_narrator_per_100w_low=[0.5, 1.2])
    fig = charts.build_outlet_comparison_figure(overlapping, COLORS)
    assert charts.NO_CLEAR_DIFFERENCE in fig.layout.annotations[0].text
    density = charts.build_term_density_figure(overlapping.assign(loaded_quote_per_100w=0), COLORS)
    assert charts.NO_CLEAR_DIFFERENCE in density.layout.title.text


def test_metric_panels_skip_missing_and_all_nan_columns():
    outlets = _outlets(sentiment_mean=[0.1, 0.2], quote_share=[math.nan, math.nan])
    fig = charts.build_outlet_comparison_figure(outlets, COLORS)
    assert len(fig.data) == 1
    assert [a.text for a in fig.layout.annotations] == [
        "Sentiment, mean of sentences<br>(higher = more positive)"
    ]


@pytest.mark.parametrize(
    "build",
    [
        charts.build_outlet_comparison_figure,
        charts.build_sentiment_outlet_figure,
        charts.build_readability_figure,
        charts.build_term_density_figure,
    ],
)
def test_outlet_figures_on_an_empty_table_say_so(build):
    fig = build(pd.DataFrame(columns=["outlet", "articles"]), COLORS)
    assert isinstance(fig, go.Figure)
    assert fig.data == ()
    assert fig.layout.annotations[0].text.startswith("No data")


def test_term_density_sets_own_voice_beside_quotes():
    outlets = _outlets(loaded_narrator_per_100w=[2.0, 1.0], loaded_quote_per_100w=[0.5, 3.0])
    fig = charts.build_term_density_figure(outlets, COLORS)
    assert [t.name for t in fig.data] == ["own voice", "in quotes"]
    assert list(fig.data[0].y) == [2.0, 1.0]
    assert list(fig.data[1].y) == [0.5, 3.0]
    assert list(fig.data[0].marker.color) == [COLORS["Alpha"], COLORS["Beta"]]
    assert list(fig.data[1].x) == ["Alpha", "Beta"]
    assert fig.layout.barmode == "group"


def _terms(rows):
    columns = ["outlet", "term", "category", "valence", "in_quote", "loaded", "start"]
    return pd.DataFrame(rows, columns=columns)


def test_term_heatmap_counts_loaded_hits_by_term_and_outlet():
    terms = _terms(
        [
            ("Alpha", "warlord", "name-calling", -2, False, True, 1),
            ("Alpha", "warlord", "name-calling", -2, True, True, 9),
            ("Beta", "warlord", "name-calling", -2, False, True, 3),
            ("Beta", "slammed", "loaded verb", -1, False, True, 5),
            ("Beta", "commander", "label", 0, False, False, 7),
        ]
    )
    fig = charts.build_term_heatmap_figure(terms)
    (heat,) = fig.data
    assert list(heat.y) == ["warlord", "slammed"]
    assert list(heat.x) == ["Alpha", "Beta"]
    assert heat.text.tolist() == [[2, 1], [0, 1]]  # the counts, as printed in the cells
    assert heat.z.tolist() == [[-2, -1], [0, -1]]  # unfavourable terms on the red side
    assert "1 in quotes" in heat.hovertext[0][0]


def test_term_heatmap_colours_favourable_and_unfavourable_terms_apart():
    """Issue 16: "Field Marshal" +1 was the darkest "loaded" cell of one orange scale."""
    terms = _terms(
        [("Alpha", "Field Marshal", "label", 1, False, True, i) for i in range(3)]
        + [("Alpha", "warlord", "name_calling", -2, False, True, 9)]
        + [("Alpha", "reportedly", "hedge", 0, False, True, 11)]
    )
    (heat,) = charts.build_term_heatmap_figure(terms).data
    z = dict(zip(heat.y, (row[0] for row in heat.z), strict=True))
    assert z == {"Field Marshal": 3, "warlord": -1, "reportedly": 0}
    assert (heat.zmin, heat.zmax) == (-3, 3)
    assert heat.colorscale[0][1] == charts.VALENCE_COLORS[-2]
    assert heat.colorscale[-1][1] == charts.VALENCE_COLORS[2]


@pytest.mark.parametrize(("most", "ticks"), [(1, [-1, 0, 1]), (3, [-3, -2, -1, 0, 1, 2, 3]),
                                             (9, [-9, -6, -3, 0, 3, 6, 9])])  # fmt: skip
def test_term_heatmap_colour_bar_ticks_are_whole_counts(most, ticks):
    terms = _terms([("Alpha", "warlord", "name_calling", -2, False, True, i) for i in range(most)])
    (heat,) = charts.build_term_heatmap_figure(terms).data
    assert list(heat.colorbar.tickvals) == ticks
    assert list(heat.colorbar.ticktext) == [str(abs(t)) for t in ticks]


def test_term_heatmap_keeps_the_top_terms_and_escapes_text():
    terms = _terms(
        [("Alpha", f"<b>t{i}</b>", "c", -1, False, True, j) for i in range(5) for j in range(i)]
    )
    fig = charts.build_term_heatmap_figure(terms, top_n=2)
    assert list(fig.data[0].y) == ["&lt;b&gt;t4&lt;/b&gt;", "&lt;b&gt;t3&lt;/b&gt;"]


def test_term_heatmap_without_loaded_hits_says_so():
    terms = _terms([("Alpha", "commander", "label", 0, False, False, 1)])
    fig = charts.build_term_heatmap_figure(terms)
    assert fig.data == ()
    assert "No loaded terms" in fig.layout.annotations[0].text


def _framing(rows):
    columns = ["article_id", "outlet", "actor", "actor_name", "camp", "hits", "mean_valence"]
    return pd.DataFrame(rows, columns=columns)


def test_actor_framing_is_weighted_by_hits():
    framing = _framing(
        [
            ("a1", "Alpha", "haftar", "Haftar", "lna", 3, -2.0),
            ("a2", "Alpha", "haftar", "Haftar", "lna", 1, 2.0),
            ("b1", "Beta", "haftar", "Haftar", "lna", 2, 1.0),
            ("b1", "Beta", "gna", "GNA", "gna", 1, -1.0),
            ("b2", "Beta", "gna", "GNA", "gna", 0, math.nan),
        ]
    )
    scored = charts.score_outlet_actor_framing(framing)
    got = {(r.outlet, r.actor): (r.hits, r.mean_valence) for r in scored.itertuples()}
    assert got == {
        ("Alpha", "haftar"): (4, -1.0),
        ("Beta", "haftar"): (2, 1.0),
        ("Beta", "gna"): (1, -1.0),
    }
    (heat,) = charts.build_actor_framing_figure(framing, COLORS).data
    assert list(heat.x) == ["Alpha", "Beta"]
    assert list(heat.y) == ["Haftar", "GNA"]  # most hits first
    assert heat.z[0].tolist() == [-1.0, 1.0]
    assert math.isnan(heat.z[1][0]) and heat.z[1][1] == -1.0
    assert [list(row) for row in heat.text] == [["-1.00 (4)", "+1.00 (2)"], ["", "-1.00 (1)"]]
    assert (heat.zmin, heat.zmax) == (-2, 2)


def test_actor_framing_without_hits_says_so():
    fig = charts.build_actor_framing_figure(_framing([]), COLORS)
    assert fig.data == ()


def test_voices_share_of_quoted_words_with_others_and_unattributed():
    voices = pd.DataFrame(
        {
            "outlet": ["Alpha", "Alpha", "Alpha", "Beta"],
            "speaker": ["haftar", "erdogan", "", "haftar"],
            "speaker_name": ["Khalifa Haftar", "Recep Tayyip Erdogan", "(unattributed)",
                             "Khalifa Haftar"],
            "quoted_words": [30, 10, 60, 5],
        }
    )  # fmt: skip
    fig = charts.build_voices_figure(voices, COLORS, top_n=1)
    assert [t.name for t in fig.data] == ["Khalifa Haftar", "(others)", "(unattributed)"]
    assert [list(t.x) for t in fig.data] == [[0.3, 1.0], [0.1, 0.0], [0.6, 0.0]]
    assert list(fig.data[0].y) == ["Alpha", "Beta"]


def _label_table(rows):
    columns = ["entity", "entity_name", "outlet", "labels", "n_labels", "n_unknown"]
    return pd.DataFrame(rows, columns=[*columns, "mean_valence", "spread"])


def test_label_valence_dots_per_outlet_for_the_most_differently_named_actors():
    table = _label_table(
        [
            ("haftar", "Haftar", "Alpha", "rebel leader (1)", 1, 0, -1.0, 2.0),
            ("haftar", "Haftar", "Beta", "Field Marshal (2); strongman (1)", 3, 1, 1.0, 2.0),
            ("gna", "GNA", "Beta", "<script>x</script> (1)", 1, 1, math.nan, 0.0),
            ("un", "UN", "Alpha", "mediator (1)", 1, 0, 0.0, 0.0),
        ]
    )
    fig = charts.build_label_valence_figure(table, COLORS, top_n=1)
    assert [t.name for t in fig.data] == ["Alpha", "Beta"]
    assert [list(t.x) for t in fig.data] == [[-1.0], [1.0]]
    assert list(fig.layout.yaxis.ticktext) == ["Haftar"]
    assert [t.customdata[0][0] for t in fig.data] == ["Haftar", "Haftar"]
    assert list(fig.data[1].marker.size) == [14]
    assert fig.data[1].marker.color == COLORS["Beta"]


def test_label_valence_outlets_with_the_same_value_do_not_hide_each_other():
    """Issue 16: outlets with the same value hid each other's dots."""
    table = _label_table(
        [("haftar", "Haftar", o, "commander (1)", 1, 0, 0.0, 1.0) for o in ("Alpha", "Beta")]
        + [("gna", "GNA", o, "government (1)", 1, 0, 0.0, 0.5) for o in ("Alpha", "Beta")]
    )
    fig = charts.build_label_valence_figure(table, COLORS)
    points = [(x, y) for t in fig.data for x, y in zip(t.x, t.y, strict=True)]
    assert len(set(points)) == 4
    for row in (0, 1):  # every dot stays within its actor's row
        ys = [y for _, y in points if round(y) == row]
        assert len(ys) == 2 and all(abs(y - row) < 0.5 for y in ys)


def test_label_valence_without_scored_labels_says_so():
    table = _label_table([("gna", "GNA", "Beta", "<b>x</b> (1)", 1, 1, math.nan, 0.0)])
    assert charts.build_label_valence_figure(table, COLORS).data == ()


def test_actor_sentiment_heatmap_is_weighted_by_sentences():
    sentiment = pd.DataFrame(
        [
            ("a1", "Alpha", "haftar", "Haftar", 1, -0.5),
            ("a2", "Alpha", "haftar", "Haftar", 3, 0.5),
            ("b1", "Beta", "gna", "GNA", 2, 0.1),
        ],
        columns=["article_id", "outlet", "actor", "actor_name", "sentences", "target_sentiment"],
    )
    fig = charts.build_actor_sentiment_figure(sentiment, COLORS)
    (heat,) = fig.data
    assert list(heat.x) == ["Alpha", "Beta"]
    assert list(heat.y) == ["Haftar", "GNA"]
    assert heat.z[0][0] == pytest.approx(0.25)
    assert math.isnan(heat.z[0][1])
    assert list(heat.text[0]) == ["+0.25 (4)", ""]


def _sentences(rows):
    columns = ["article_id", "outlet", "index", "text", "words", "compound", "in_quote"]
    return pd.DataFrame(rows, columns=columns)


def test_sentiment_arc_one_line_per_article_one_legend_entry_per_outlet():
    sentences = _sentences(
        [
            ("a1", "Alpha", 1, "Second <i>.", 2, -0.5, True),
            ("a1", "Alpha", 0, "First.", 1, 0.2, False),
            ("a2", "Alpha", 0, "Only.", 1, 0.0, False),
            ("b1", "Beta", 0, "Beta one.", 2, 0.4, False),
        ]
    )
    fig = charts.build_sentiment_arc_figure(sentences, COLORS, {"a1": "Title one"})
    assert len(fig.data) == 6  # per article: the smoothed line and the sentences' dots
    line, dots = fig.data[0], fig.data[1]
    assert line.name == "Alpha: Title one" and line.mode == "lines"
    assert list(line.x) == list(dots.x) == [0.0, 100.0]
    assert list(dots.y) == [0.2, -0.5]
    assert list(line.y) == pytest.approx([-0.15, -0.15])  # both within one window
    assert dots.customdata[1] == "Second &lt;i&gt;. [quote]"
    assert [t.showlegend for t in fig.data] == [True, False, False, False, True, False]
    assert fig.data[4].line.color == COLORS["Beta"]


def test_sentiment_arc_smooths_a_zigzag():
    """Issue 16: five articles' sentence scores drew an unreadable zigzag."""
    zigzag = [0.8 if i % 2 else -0.8 for i in range(20)]
    sentences = _sentences([("a1", "Alpha", i, "s.", 1, c, False) for i, c in enumerate(zigzag)])
    line, dots = charts.build_sentiment_arc_figure(sentences, COLORS).data
    assert max(dots.y) - min(dots.y) == pytest.approx(1.6)
    assert max(line.y[2:-2]) - min(line.y[2:-2]) < 0.7


def test_sentence_length_one_box_per_outlet_with_its_long_sentences_as_points():
    lengths = [("a1", "Beta", i, "x", words, 0, False) for i, words in enumerate([7] * 4 + [40])]
    sentences = _sentences([*lengths, ("a2", "Alpha", 0, "y", 3, 0, False)])
    fig = charts.build_sentence_length_figure(sentences, COLORS)
    boxes = [t for t in fig.data if t.type == "box"]
    assert [(t.name, t.median, t.upperfence) for t in boxes] == [
        ("Alpha", (3.0,), (3.0,)),
        ("Beta", (7.0,), (7.0,)),
    ]
    points = [t for t in fig.data if t.type == "scatter"]
    assert [(t.name, tuple(t.y)) for t in points] == [("Alpha", ()), ("Beta", (40,))]


def test_sentence_length_draws_one_point_per_long_length_with_its_count():
    lengths = [7] * 20 + [40, 40, 40, 55]
    sentences = _sentences([("a1", "Beta", i, "x", w, 0, False) for i, w in enumerate(lengths)])
    (point,) = [t for t in charts.build_sentence_length_figure(sentences, COLORS).data
                if t.type == "scatter"]  # fmt: skip
    assert (tuple(point.y), tuple(point.customdata)) == ((40, 55), (3, 1))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([5], {"q1": 5, "median": 5, "q3": 5, "mean": 5, "lowerfence": 5, "upperfence": 5}),
        ([1, 2, 3, 4], {"q1": 1.75, "median": 2.5, "q3": 3.25, "mean": 2.5,
                        "lowerfence": 1, "upperfence": 4}),
        # 100 lies beyond q3 + 1.5 IQR (12 + 4.5): the upper whisker stops at 12
        ([9, 10, 11, 12, 100], {"q1": 10, "median": 11, "q3": 12, "mean": 28.4,
                                "lowerfence": 9, "upperfence": 12}),
        ([0, 10, 10, 10, 10], {"q1": 10, "median": 10, "q3": 10, "mean": 8,
                               "lowerfence": 10, "upperfence": 10}),
    ],
)  # fmt: skip
def test_box_statistics(values, expected):
    assert charts.score_box_statistics(pd.Series(values)) == pytest.approx(expected)


def test_distinctive_marks_significant_words():
    distinctive = pd.DataFrame(
        [
            ("Alpha", "rebel", 5, 0, 0.9, 2.5, True),
            ("Alpha", "said", 9, 9, 0.1, 0.4, False),
            ("Alpha", "army", 1, 9, -0.9, -2.4, True),
            ("Beta", "army", 9, 1, 0.9, 2.4, True),
        ],
        columns=["outlet", "word", "count", "count_rest", "log_odds", "z", "significant"],
    )
    fig = charts.build_distinctive_figure(distinctive, COLORS, top_n=2)
    assert [t.name for t in fig.data] == ["Alpha", "Beta"]
    assert list(fig.data[0].y) == ["rebel *", "said"]
    assert list(fig.data[0].marker.color) == [COLORS["Alpha"], COLORS["Alpha"] + "55"]
    assert [a.text for a in fig.layout.annotations] == ["Alpha", "Beta"]


@pytest.mark.parametrize(
    ("build", "frame"),
    [
        (charts.build_term_heatmap_figure, _terms([])),
        (charts.build_sentence_length_figure, _sentences([])),
        (charts.build_sentiment_arc_figure, _sentences([])),
    ],
)
def test_row_tables_with_no_rows_give_an_empty_figure(build, frame):
    fig = build(frame) if build is charts.build_term_heatmap_figure else build(frame, COLORS)
    assert fig.data == ()


@pytest.mark.parametrize(
    ("build", "table"),
    [
        (charts.build_outlet_comparison_figure, "outlets"),
        (charts.build_sentiment_outlet_figure, "outlets"),
        (charts.build_readability_figure, "outlets"),
        (charts.build_term_density_figure, "outlets"),
        (charts.build_actor_framing_figure, "actor_framing"),
        (charts.build_actor_sentiment_figure, "actor_sentiment"),
        (charts.build_voices_figure, "voices"),
        (charts.build_label_valence_figure, "label_table"),
        (charts.build_sentiment_arc_figure, "sentences"),
        (charts.build_sentence_length_figure, "sentences"),
        (charts.build_distinctive_figure, "distinctive"),
    ],
)
def test_every_figure_of_the_sample_story_has_data(sample_analysis, build, table):
    colors = charts.outlet_colors(sample_analysis.articles["outlet"])
    fig = build(getattr(sample_analysis, table), colors)
    assert fig.data, f"{build.__name__} drew nothing for the sample story"
    assert fig.layout.title.text
    fig.to_json()  # serialisable as the browser gets it


def test_term_heatmap_of_the_sample_story_counts_every_loaded_hit(sample_analysis):
    terms = sample_analysis.terms
    (heat,) = charts.build_term_heatmap_figure(terms, top_n=1000).data
    assert heat.text.sum() == terms["loaded"].sum()


def test_metric_panel_values_are_level_and_outside_thin_bars():
    """Issue 16: a value was printed sideways inside a thin bar."""
    outlets = _outlets(sentiment_mean=[0.01, -0.4], sentiment_share_negative=[0.5, 0.02])
    fig = charts.build_sentiment_outlet_figure(outlets, COLORS)
    for bar in fig.data:
        assert bar.textangle == 0 and bar.textposition == "outside"
    low, high = fig.layout.xaxis.range
    assert low < -0.4 and high > 0.01


@pytest.mark.parametrize("build", [charts.build_actor_framing_figure])
def test_a_one_row_heatmap_leaves_room_for_its_colour_bar(build):
    """Issue 16: a one-row heatmap's colour bar collapsed, its title over the ticks."""
    framing = _framing([("a1", "Alpha", "haftar", "Haftar", "lna", 2, -1.0)])
    fig = build(framing, COLORS)
    assert fig.layout.height >= charts.HEATMAP_MIN_HEIGHT
    assert fig.data[0].colorbar.title.side == "right"
