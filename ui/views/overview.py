"""Overview: one card per outlet, what stands out, and the comparison charts."""

from __future__ import annotations

import math
from html import escape

import pandas as pd
import streamlit as st

from framing import charts
from framing.intervals import find_clear_extreme
from ui import html
from ui.page import View, build_shared, render_chart, render_table, render_tabs, start_page


def _number(value: float, fmt: str) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else fmt % value


def _framing_line(framing: pd.DataFrame, outlet: str, names: int = 3) -> str:
    rows = framing[framing["outlet"] == outlet].head(names)
    if rows.empty:
        return '<span class="muted">no loaded term aimed at an actor</span>'
    return " · ".join(
        f'<span style="color:{charts.valence_color(r.mean_valence)}">'
        f"{escape(r.actor_name)} {r.mean_valence:+.1f}</span>"
        for r in rows.itertuples()
    )


FRAMING_HELP = (
    "Mean valence (−2 … +2) of the labels and loaded terms the outlet aims at the actor in "
    "its own words, quotes left out. The Labels page averages every label the outlet uses "
    "for the actor, quoted ones included, so the two can differ."
)


INTERVAL_HELP = (
    "90% bootstrap interval: resampling the outlet's articles, or the sentences of its one "
    "article. Where two outlets' intervals overlap, the story gives no clear difference."
)


def _interval(row: object, column: str) -> str:
    low, high = getattr(row, f"{column}_low"), getattr(row, f"{column}_high")
    return f"{_number(low, '%.2f')}–{_number(high, '%.2f')}"


def _cards_html(view: View) -> str:
    outlets = view.table("outlets")
    framing = charts.score_outlet_actor_framing(view.table("actor_framing"))
    cards = []
    for row in outlets.itertuples():
        color = view.colors.get(row.outlet, "#999")
        cards.append(
            f'<div class="card" style="border-top:4px solid {color}">'
            f"<h4>{html.swatch(color)}{escape(str(row.outlet))}</h4>"
            f"{row.articles} article{'s' if row.articles != 1 else ''} · {row.words:,} words<br>"
            f"Loaded: <b>{_number(row.loaded_per_100w, '%.2f')}</b>/100 words "
            f'<span class="muted" title="{INTERVAL_HELP}">'
            f"(90%: {_interval(row, 'loaded_per_100w')}; own voice "
            f"{_number(row.loaded_narrator_per_100w, '%.2f')}, "
            f"{_interval(row, 'loaded_narrator_per_100w')})</span><br>"
            f'<span title="{FRAMING_HELP}">Own-voice framing:</span> '
            f"{_framing_line(framing, row.outlet, names=2)}<br>"
            f"Sentiment <b>{_number(row.sentiment_mean, '%+.2f')}</b> "
            f'<span class="muted">({_number(row.sentiment_share_negative * 100, "%.0f")}% '
            "negative)</span> · "
            f"grade <b>{_number(row.flesch_kincaid_grade, '%.1f')}</b>"
            "</div>"
        )
    return '<div class="slant"><div class="cards">' + "".join(cards) + "</div></div>"


NAMED_OUTLETS = 4  # outlets quoted in "Named most differently"; the Labels page has all


def _extreme(outlets: pd.DataFrame, column: str, largest: bool, shown: str) -> str | None:
    values = outlets.dropna(subset=[column])
    if len(values) < 2:
        return None
    row = values.loc[values[column].idxmax() if largest else values[column].idxmin()]
    return f"**{escape(str(row['outlet']))}** ({shown.format(row[column])})"


# (column of the outlets table, the largest or the smallest stands out, what it says,
# the value as the charts show it)
HIGHLIGHTS = (
    ("loaded_narrator_per_100w", True, "Most loaded language in its own voice",
     "{:.2f} loaded terms per 100 words"),
    ("sentiment_mean", False, "Most negative sentences on average", "mean sentiment {:+.2f}"),
    ("flesch_kincaid_grade", True, "Hardest to read", "grade {:.1f}"),
    ("quote_share", True, "Leans most on quotes", "{:.0%} of its words in quotes"),
)  # fmt: skip


def _clear_extreme(outlets: pd.DataFrame, column: str, text: str) -> str:
    """The highlight of a score with a bootstrap interval: the outlet that stands out
    clearly, or that none does."""
    scores = {
        str(r["outlet"]): (r[column], r[f"{column}_low"], r[f"{column}_high"])
        for _, r in outlets.iterrows()
    }
    top = find_clear_extreme(scores)
    if top is None:
        return f"- {text}: no clear difference between the outlets (their 90% intervals overlap)"
    return (
        f"- {text}: **{escape(top)}** ({scores[top][0]:.2f} per 100 words, clearly above the rest)"
    )


def _highlights(view: View) -> list[str]:
    outlets = view.table("outlets")
    lines = []
    for column, largest, text, shown in HIGHLIGHTS:
        if f"{column}_low" in outlets.columns and len(outlets) > 1:
            lines.append(_clear_extreme(outlets, column, text))
            continue
        found = _extreme(outlets, column, largest, shown)
        if found:
            lines.append(f"- {text}: {found}")
    spread = view.table("label_table")
    if not spread.empty:
        top = spread.iloc[0]
        by_outlet = spread[spread["entity"] == top["entity"]]
        named = "; ".join(
            f"{escape(r.outlet)}: “{escape(r.labels)}”"
            for r in by_outlet.head(NAMED_OUTLETS).itertuples()
        )
        more = len(by_outlet) - NAMED_OUTLETS
        if more > 0:
            named += f"; and {more} more outlet{'s' if more > 1 else ''} (all on the Labels page)"
        lines.append(f"- Named most differently: **{escape(top['entity_name'])}** — {named}")
    return lines


def render_compare(view: View) -> None:
    render_chart(
        view,
        "ov_compare",
        charts.build_outlet_comparison_figure,
        view.table("outlets"),
        view.colors,
    )


def render_framing(view: View) -> None:
    framing = view.table("actor_framing")
    render_chart(view, "ov_framing", charts.build_actor_framing_figure, framing, view.colors)


def render_voices(view: View) -> None:
    render_chart(view, "ov_voices", charts.build_voices_figure, view.table("voices"), view.colors)


def render_tables(view: View) -> None:
    st.subheader("Outlets")
    st.caption("Means over each outlet's articles; words and hits are totals.")
    render_table(view.table("outlets"), "outlets", "ov_outlets")
    st.subheader("Articles")
    render_table(view.table("articles"), "articles", "ov_articles")


def render_overview(view: View) -> None:
    st.html(build_shared(view, "ov_cards", _cards_html, view))
    render_tabs(
        "ov_tab",
        {
            "How the outlets compare": lambda: render_compare(view),
            "How they frame each actor": lambda: render_framing(view),
            "Whom they quote": lambda: render_voices(view),
            "Tables": lambda: render_tables(view),
        },
    )
    # Below the charts, so that they are in view when the page opens on a laptop screen.
    lines = build_shared(view, "ov_highlights", _highlights, view)
    if lines:
        st.markdown("**What stands out**\n" + "\n".join(lines))
    st.caption(f"Own-voice framing: {FRAMING_HELP} Grade: the Flesch-Kincaid reading grade.")


render_overview(
    start_page(
        "Overview",
        "How each outlet covers the story. Hover a chart for its numbers; the Methods page "
        "explains each one.",
    )
)
