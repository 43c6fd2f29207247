"""ui/html.py: article text is escaped everywhere, highlights and quotes nest correctly."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.models import QuoteSpan
from ui import html


def _body(markup: str) -> str:
    prefix = '<div class="slant"><div class="article">'
    assert markup.startswith(prefix) and markup.endswith("</div></div>")
    return markup[len(prefix) : -len("</div></div>")]


@pytest.mark.parametrize(
    ("text", "highlights", "quotes", "expected"),
    [
        ("plain text", [], [], "plain text"),
        ("a <b>&\n", [], [], "a &lt;b&gt;&amp;<br>"),
        (
            "the warlord said",
            [html.Highlight(4, 11, "v0", 'why "x" <y>')],
            [],
            'the <mark class="v0" title="why &quot;x&quot; &lt;y&gt;">warlord</mark> said',
        ),
        (
            'he said "no deal" today',
            [],
            [QuoteSpan(8, 17)],
            'he said <span class="q qs">&quot;no deal&quot;</span> today',
        ),
        (
            '"a warlord"',
            [html.Highlight(3, 10, "v0", "t")],
            [QuoteSpan(0, 11)],
            '<span class="q qs">&quot;a </span><span class="q"><mark class="v0" title="t">'
            'warlord</mark></span><span class="q">&quot;</span>',
        ),
        (
            "so-called rebel",
            [html.Highlight(0, 9, "v1", "a"), html.Highlight(3, 15, "v2", "overlaps")],
            [],
            '<mark class="v1" title="a">so-called</mark> rebel',
        ),
        (
            "rebel leader",
            [html.Highlight(6, 12, "v1", "short"), html.Highlight(0, 12, "v0", "long")],
            [],
            '<mark class="v0" title="long">rebel leader</mark>',
        ),
        (
            "<script>",
            [html.Highlight(0, 8, "v0", "<t>")],
            [],
            '<mark class="v0" title="&lt;t&gt;">&lt;script&gt;</mark>',
        ),
    ],
)
def test_article_html(text, highlights, quotes, expected):
    assert _body(html.article_html(text, highlights, quotes)) == expected


def _terms(**overrides):
    row = {
        "start": 4, "end": 11, "term": "warlord", "category": "name_calling", "target": "haftar",
        "valence": -2, "in_quote": False, "speaker": None, "note": "dehumanising",
        "lexicon": "loaded_language",
        "why": "lexicon loaded_language, entry 'warlord': dehumanising",
    }  # fmt: skip
    return pd.DataFrame([{**row, **overrides}])


@pytest.mark.parametrize(
    ("overrides", "css", "tooltip_parts"),
    [
        ({}, "v0", ["warlord", "name_calling", "target: Khalifa Haftar", "-2", "own voice",
                    "why: lexicon loaded_language, entry 'warlord': dehumanising"]),
        ({"in_quote": True, "speaker": "erdogan", "valence": 1}, "v3", ["in a quote (erdogan)"]),
        ({"target": None, "why": "rule scare_quotes: one word"}, "v0",
         ["target: none", "why: rule scare_quotes"]),
    ],
)  # fmt: skip
def test_term_highlight_tooltip_says_term_category_target_and_why(overrides, css, tooltip_parts):
    (mark,) = html.term_highlights(_terms(**overrides), {"haftar": "Khalifa Haftar"})
    assert (mark.start, mark.end, mark.css_class) == (4, 11, css)
    for part in tooltip_parts:
        assert part in mark.tooltip


def _labels(rows):
    columns = ["entity", "entity_name", "article_id", "outlet", "label", "start", "in_quote"]
    return pd.DataFrame(rows, columns=[*columns, "end", "valence", "source"])


def test_label_highlight_of_an_unknown_label_is_marked_unknown():
    labels = _labels(
        [("haftar", "Haftar", "a1", "X", "strongman", 0, False, 9, None, "apposition")]
    )
    (mark,) = html.label_highlights(labels)
    assert mark.css_class == "unk"
    assert "not in any lexicon" in mark.tooltip and "apposition" in mark.tooltip


def test_label_matrix_escapes_labels_and_marks_unknown_ones():
    labels = _labels(
        [
            ("haftar", "Haftar", "a1", "<X>", "rebel leader", 0, False, 12, -1, "lexicon"),
            ("haftar", "Haftar", "a2", "<X>", "rebel leader", 0, True, 12, -1, "lexicon"),
            ("haftar", "Haftar", "a3", "Y", "<i>boss</i>", 0, False, 5, None, "apposition"),
        ]
    )
    markup = html.label_matrix_html(labels, ["haftar"], ["<X>", "Y", "Z"], {"<X>": "#123456"})
    assert "&lt;X&gt;" in markup and "<X>" not in markup
    assert "&lt;i&gt;boss&lt;/i&gt; ?" in markup
    assert '<span class="chip v1" title="2× in &lt;X&gt;, 1 in quotes · unfavourable">' in markup
    assert '<span class="chip unk"' in markup
    assert markup.count("<td>") == 3  # Z gets an empty cell


def test_label_matrix_shows_the_most_frequent_labels_of_a_cell_and_counts_the_rest():
    rows = [
        ("haftar", "Haftar", f"a{i}", "X", f"label {n}", 0, False, 5, None, "apposition")
        for n in range(html.CELL_CHIPS + 3)
        for i in range(1 if n else 2)  # "label 0" twice: the most frequent, shown first
    ]
    rows.append(("sarraj", "Sarraj", "a1", "X", "premier", 0, False, 7, 0, "title"))
    markup = html.label_matrix_html(_labels(rows), ["haftar"], ["X"], {})
    assert markup.count('class="chip') == html.CELL_CHIPS
    assert "label 0 ×2" in markup and "+3 more" in markup
    assert "Sarraj" not in markup and "premier" not in markup  # an actor not asked for


def test_label_matrix_cell_at_the_chip_limit_has_no_more_note():
    rows = [
        ("haftar", "Haftar", "a1", "X", f"label {n}", 0, False, 5, None, "apposition")
        for n in range(html.CELL_CHIPS)
    ]
    markup = html.label_matrix_html(_labels(rows), ["haftar"], ["X"], {})
    assert markup.count('class="chip') == html.CELL_CHIPS and "more" not in markup
