"""Plotly figures for the dashboard, built from the tables of ``analysis.analyze_story``.

Every ``build_*_figure`` takes a table with the columns documented in docs/tables.md and
returns a ``go.Figure``; none of them reads files or draws anything, so they are testable
without a browser. Outlets keep one colour on every chart: pass the mapping from
``outlet_colors`` built over ALL outlets of the story (not only the shown ones) so that
hiding an outlet does not recolour the others.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from html import escape

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from framing.analysis import UNATTRIBUTED
from framing.columns import COLUMN_OF
from framing.intervals import all_overlap

# Tableau 10: distinct on white, and distinguishable for most colour-vision deficiencies.
OUTLET_PALETTE = (
    "#4C78A8",
    "#F58518",
    "#54A24B",
    "#B279A2",
    "#9D755D",
    "#E45756",
    "#72B7B2",
    "#EECA3B",
    "#FF9DA6",
    "#BAB0AC",
)

# Red = unfavourable to the target, blue = favourable (a red/green scale fails for
# the commonest colour-vision deficiency).
VALENCE_COLORS = {
    -2: "#b2182b",
    -1: "#ef8a62",
    0: "#969696",
    1: "#67a9cf",
    2: "#2166ac",
}
UNKNOWN_COLOR = "#d4a017"  # a label no lexicon scores yet
VALENCE_SCALE = [
    [0.0, VALENCE_COLORS[-2]],
    [0.25, VALENCE_COLORS[-1]],
    [0.5, "#f7f7f7"],
    [0.75, VALENCE_COLORS[1]],
    [1.0, VALENCE_COLORS[2]],
]
OTHER_SPEAKERS = "(others)"
SIGNIFICANT_Z = 1.96  # two-sided 95% for a standard normal
# A heatmap of one or two rows still needs room for its colour bar's ticks and title.
HEATMAP_MIN_HEIGHT = 300

_FONT = {"family": "sans-serif", "size": 13}


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, assigned in sorted order so that it is the same every run.

    Past ten outlets the palette repeats.
    """
    names = sorted({str(o) for o in outlets})
    return {name: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, name in enumerate(names)}


def valence_color(valence: float | None) -> str:
    """The colour of a valence (-2..+2, rounded); ``UNKNOWN_COLOR`` for None/NaN."""
    if valence is None or (isinstance(valence, float) and math.isnan(valence)):
        return UNKNOWN_COLOR
    return VALENCE_COLORS[max(-2, min(2, round(valence)))]


def _safe(text: object) -> str:
    """Plotly renders a subset of HTML in labels: article text must not bring its own."""
    return escape(str(text), quote=False)


def _wrap(label: object, width: int = 16) -> str:
    """An axis label broken over lines (<br>) so that long outlet names need no rotation."""
    return "<br>".join(textwrap.wrap(_safe(label), width)) or _safe(label)


def _outlet_order(frame: pd.DataFrame, colors: Mapping[str, str]) -> list[str]:
    present = {str(o) for o in frame["outlet"].unique()}
    known = [o for o in colors if o in present]
    return known + sorted(present - set(known))


def _color(colors: Mapping[str, str], outlet: str) -> str:
    return colors.get(outlet, OUTLET_PALETTE[-1])


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={
            "text": title,
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 12},
        },
        legend={"traceorder": "normal"},
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
        font=_FONT,
        plot_bgcolor="white",
    )
    fig.update_xaxes(gridcolor="#e5e5e5", zerolinecolor="#888")
    fig.update_yaxes(gridcolor="#e5e5e5", zerolinecolor="#888")
    return fig


def _empty(title: str, message: str = "No data for the outlets shown") -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 200)


NO_CLEAR_DIFFERENCE = "no clear difference: the outlets' 90% intervals overlap"


def _intervals(
    by_outlet: pd.DataFrame, column: str, order: Sequence[str]
) -> list[tuple[float, float]] | None:
    """Each outlet's bootstrap interval of ``column`` (its ``_low`` and ``_high`` columns,
    framing.intervals), in ``order``; None when the table has none for it."""
    low, high = f"{column}_low", f"{column}_high"
    if low not in by_outlet.columns or high not in by_outlet.columns:
        return None
    return [(float(by_outlet.at[o, low]), float(by_outlet.at[o, high])) for o in order]


def _error_bars(values: Sequence[float], bounds: list[tuple[float, float]] | None) -> dict:
    if bounds is None:
        return {"visible": False}
    return {
        "type": "data",
        "symmetric": False,
        "array": [max(0.0, hi - v) for v, (_, hi) in zip(values, bounds, strict=True)],
        "arrayminus": [max(0.0, v - lo) for v, (lo, _) in zip(values, bounds, strict=True)],
        "color": "#555",
        "thickness": 1.2,
    }


def _metric_panels(
    frame: pd.DataFrame,
    colors: Mapping[str, str],
    columns: Sequence[str],
    title: str,
    cols: int,
) -> go.Figure:
    """Small multiples: one horizontal bar per outlet in each panel, one panel per column of
    the articles table (titled, with its direction, by framing.columns; one trace per
    panel: the browser draws a trace at a time)."""
    shown = [COLUMN_OF[c] for c in columns if c in frame.columns and frame[c].notna().any()]
    if frame.empty or not shown:
        return _empty(title)
    order = _outlet_order(frame, colors)
    by_outlet = frame.assign(outlet=frame["outlet"].astype(str)).set_index("outlet")
    rows = math.ceil(len(shown) / cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[column.panel_title() for column in shown],
        shared_yaxes=True,
        horizontal_spacing=0.04,
        vertical_spacing=0.35 / rows,
    )
    for i, column in enumerate(shown):
        row, col = divmod(i, cols)
        values = [by_outlet.at[outlet, column.name] for outlet in order]
        labels = [f"{v:.0%}" if column.share else f"{v:.2f}" for v in values]
        bounds = _intervals(by_outlet, column.name, order)
        hover = labels
        if bounds is not None:
            pairs = zip(labels, bounds, strict=True)
            hover = [f"{t} (90%: {lo:.2f}–{hi:.2f})" for t, (lo, hi) in pairs]
            if all_overlap(bounds):
                fig.layout.annotations[i].text += f"<br>{NO_CLEAR_DIFFERENCE}"
        fig.add_trace(
            go.Bar(
                x=values,
                y=order,
                orientation="h",
                showlegend=False,  # the outlets are named on the y axis
                marker_color=[_color(colors, outlet) for outlet in order],
                error_x=_error_bars(values, bounds),
                text=labels,
                # Outside the bar and level: plotly turns a value sideways to fit a thin bar.
                textposition="outside",
                textangle=0,
                cliponaxis=False,
                customdata=[_safe(outlet) for outlet in order],
                hovertext=hover,
                hovertemplate="%{customdata}: %{hovertext}<extra></extra>",
            ),
            row=row + 1,
            col=col + 1,
        )
        if column.share:
            fig.update_xaxes(tickformat=".0%", row=row + 1, col=col + 1)
        # Room beyond the longest bar (either side of zero) for its value.
        ends = [*values, *(hi for _, hi in bounds or [])]
        low, high = min(0.0, min(values)), max(0.0, max(ends))
        pad = 0.35 * ((high - low) or 1.0)
        fig.update_xaxes(
            range=[low - (pad if low < 0 else 0), high + (pad if high > 0 else 0)],
            row=row + 1,
            col=col + 1,
        )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=order)
    fig.update_annotations(font_size=12)  # the panel titles
    fig = _layout(fig, title, 110 + rows * (70 + 28 * len(order)))
    return fig.update_layout(margin={"t": 100})


def build_outlet_comparison_figure(outlets: pd.DataFrame, colors: Mapping[str, str]) -> go.Figure:
    """Key per-outlet scores side by side (the ``outlets`` table, one bar per outlet)."""
    columns = ["loaded_narrator_per_100w", "sentiment_mean", "flesch_kincaid_grade", "quote_share"]
    return _metric_panels(outlets, colors, columns, "How the outlets compare", cols=4)


def build_sentiment_outlet_figure(outlets: pd.DataFrame, colors: Mapping[str, str]) -> go.Figure:
    """Mean sentence sentiment and the shares of negative and positive sentences per outlet."""
    columns = ["sentiment_mean", "sentiment_share_negative", "sentiment_share_positive"]
    return _metric_panels(outlets, colors, columns, "Sentiment by outlet", cols=3)


def build_readability_figure(outlets: pd.DataFrame, colors: Mapping[str, str]) -> go.Figure:
    """Readability indices per outlet. Reading ease runs up (easier); the others are grades."""
    columns = [
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall",
        "coleman_liau", "ari", "words_per_sentence",
    ]  # fmt: skip
    return _metric_panels(outlets, colors, columns, "Readability by outlet", cols=4)


def build_term_density_figure(outlets: pd.DataFrame, colors: Mapping[str, str]) -> go.Figure:
    """Loaded terms per 100 words by outlet, in the outlet's own voice (per 100 words outside
    quotes, solid) next to inside quotes (per 100 quoted words, hatched)."""
    title = "Loaded terms per 100 words: own voice (solid) and inside quotes (hatched)"
    if outlets.empty:
        return _empty(title)
    order = _outlet_order(outlets, colors)
    frame = outlets.assign(outlet=outlets["outlet"].astype(str)).set_index("outlet").loc[order]
    bar_colors = [_color(colors, o) for o in order]
    fig = go.Figure()
    own = _intervals(frame, "loaded_narrator_per_100w", order)
    if own is not None and all_overlap(own):
        title += f"<br><sup>Own voice: {NO_CLEAR_DIFFERENCE}</sup>"
    for column, name, pattern in (
        ("loaded_narrator_per_100w", "own voice", ""),
        ("loaded_quote_per_100w", "in quotes", "/"),
    ):
        values = frame[column].tolist()
        bounds = _intervals(frame, column, order)
        fig.add_trace(
            go.Bar(
                x=[_wrap(o) for o in order],
                y=values,
                error_y=_error_bars(values, bounds),
                name=name,
                marker={
                    "color": bar_colors if not pattern else "white",
                    "line": {"color": bar_colors, "width": 2},
                    "pattern": {"shape": pattern, "fgcolor": bar_colors},
                },
                hovertemplate="%{x} " + name + ": %{y:.2f} per 100 words<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="hits per 100 words")
    return _layout(fig, title, 360)


def _count_ticks(limit: int) -> tuple[list[int], list[str]]:
    """Whole-number colour-bar ticks from -limit to +limit, labelled by count (no sign)."""
    step = max(1, math.ceil(limit / 4))
    values = list(range(-(limit // step) * step, limit + 1, step))
    return values, [str(abs(v)) for v in values]


def build_term_heatmap_figure(terms: pd.DataFrame, top_n: int = 30) -> go.Figure:
    """Counts of each loaded term by outlet (the ``terms`` table), the most frequent first,
    coloured by the term's direction: red unfavourable to its target, blue favourable,
    white neutral; the darker, the more hits. The colour bar counts whole hits."""
    title = "Loaded terms by outlet (hits; red unfavourable, blue favourable)"
    loaded = terms[terms["loaded"].astype(bool)] if len(terms) else terms
    if loaded.empty:
        return _empty(title, "No loaded terms in the outlets shown")
    counts = loaded.pivot_table(
        index="term", columns="outlet", values="start", aggfunc="count", fill_value=0
    )
    quoted = loaded[loaded["in_quote"].astype(bool)].pivot_table(
        index="term", columns="outlet", values="start", aggfunc="count", fill_value=0
    )
    quoted = quoted.reindex(index=counts.index, columns=counts.columns, fill_value=0)
    top = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top_n]
    counts, quoted = counts.loc[top], quoted.loc[top]
    category = loaded.groupby("term")["category"].first()
    valence = loaded.groupby("term")["valence"].mean()
    direction = [math.copysign(1, v) if v else 0 for v in valence.loc[top]]
    signed = counts.to_numpy() * [[d] for d in direction]
    limit = max(1, int(counts.to_numpy().max()))
    ticks, labels = _count_ticks(limit)
    hover = [
        [
            f"{_safe(term)} ({_safe(category[term])}, valence {valence[term]:+.1f})<br>"
            f"{_safe(outlet)}: {counts.at[term, outlet]} hits, {quoted.at[term, outlet]} in quotes"
            for outlet in counts.columns
        ]
        for term in counts.index
    ]
    fig = go.Figure(
        go.Heatmap(
            z=signed,
            x=[_wrap(o) for o in counts.columns],
            y=[_safe(t) for t in counts.index],
            text=counts.to_numpy(),
            texttemplate="%{text}",
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            colorscale=VALENCE_SCALE,
            zmin=-limit,
            zmax=limit,
            xgap=1,
            ygap=1,
            colorbar={
                "title": {"text": "hits", "side": "right"},
                "tickvals": ticks,
                "ticktext": labels,
            },
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    fig = _layout(fig, title, max(HEATMAP_MIN_HEIGHT, 170 + 24 * len(counts.index)))
    return fig.update_layout(margin={"t": 130})


def _weighted_means(frame: pd.DataFrame, weight: str, value: str) -> pd.DataFrame:
    """Per outlet and actor: the sum of ``weight`` and the ``weight``-weighted mean of
    ``value`` over the outlet's articles."""
    columns = ["outlet", "actor", "actor_name", weight, value]
    scored = frame[frame[weight] > 0].dropna(subset=[value])
    if scored.empty:
        return pd.DataFrame(columns=columns)
    weighted = scored.assign(total=scored[weight] * scored[value])
    out = weighted.groupby(["outlet", "actor", "actor_name"], as_index=False)[
        [weight, "total"]
    ].sum()
    out[value] = out["total"] / out[weight]
    return out[columns].sort_values(["outlet", weight], ascending=[True, False], kind="stable")


def score_outlet_actor_framing(actor_framing: pd.DataFrame) -> pd.DataFrame:
    """Mean narrator valence toward each actor per outlet, weighted by hits (-2..+2, up =
    favourable). Columns: outlet, actor, actor_name, hits, mean_valence."""
    return _weighted_means(actor_framing, "hits", "mean_valence")


def score_outlet_actor_sentiment(actor_sentiment: pd.DataFrame) -> pd.DataFrame:
    """Target-aware sentiment toward each actor (-1..+1: VADER on the clause or quotation
    naming the actor, moved by loaded terms aimed at it), per outlet, weighted by
    sentences. Columns: outlet, actor, actor_name, sentences, target_sentiment."""
    return _weighted_means(actor_sentiment, "sentences", "target_sentiment")


def _actor_heatmap(
    scored: pd.DataFrame,
    count: str,
    value: str,
    colors: Mapping[str, str],
    title: str,
    scale: tuple[list, float],
    count_word: str,
    top_n: int = 12,
) -> go.Figure:
    """Actor (rows, the ``top_n`` most covered first) x outlet heatmap of ``value``,
    labelled "value (count)"; blank where the outlet says nothing about the actor."""
    order = _outlet_order(scored, colors)
    totals = scored.groupby("actor_name")[count].sum().sort_values(ascending=False, kind="stable")
    actors = totals.index[:top_n]
    scored = scored[scored["actor_name"].isin(actors)]
    mean = scored.pivot(index="actor_name", columns="outlet", values=value)
    counts = scored.pivot(index="actor_name", columns="outlet", values=count)
    mean = mean.reindex(index=actors, columns=order)
    counts = counts.reindex(index=actors, columns=order)
    text = [
        [
            "" if pd.isna(mean.at[a, o]) else f"{mean.at[a, o]:+.2f} ({int(counts.at[a, o])})"
            for o in order
        ]
        for a in actors
    ]
    colorscale, limit = scale
    fig = go.Figure(
        go.Heatmap(
            z=mean.to_numpy(),
            x=[_wrap(o) for o in order],
            y=[_safe(a) for a in actors],
            text=text,
            textfont={"size": 12},
            texttemplate="%{text}",
            hovertemplate="%{y} in %{x}: %{text} " + count_word + "<extra></extra>",
            colorscale=colorscale,
            zmin=-limit,
            zmax=limit,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": value.replace("_", " "), "side": "right"}},
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    fig = _layout(fig, title, max(HEATMAP_MIN_HEIGHT, 160 + 34 * len(actors)))
    return fig.update_layout(plot_bgcolor="#eeeeee", margin={"t": 130})


def build_actor_framing_figure(actor_framing: pd.DataFrame, colors: Mapping[str, str]) -> go.Figure:
    """How favourably each outlet frames each actor in its own voice: the hit-weighted mean
    valence (-2..+2, blue favourable) of labels and loaded terms aimed at the actor outside
    quotes, with the number of hits; actors nobody frames are left out."""
    title = "Actor framing in the outlet's own voice (−2 unfavourable … +2 favourable; hits)"
    scored = score_outlet_actor_framing(actor_framing)
    if scored.empty:
        return _empty(title, "No loaded term aimed at a known actor in the outlets shown")
    return _actor_heatmap(scored, "hits", "mean_valence", colors, title, (VALENCE_SCALE, 2), "hits")


def build_actor_sentiment_figure(
    actor_sentiment: pd.DataFrame, colors: Mapping[str, str]
) -> go.Figure:
    """Heatmap actor x outlet of the target-aware sentiment (-1..+1) toward each actor."""
    title = "Sentiment toward each actor (−1 negative … +1 positive; sentences)"
    scored = score_outlet_actor_sentiment(actor_sentiment)
    if scored.empty:
        return _empty(title, "No sentence names a known actor in the outlets shown")
    return _actor_heatmap(
        scored, "sentences", "target_sentiment", colors, title, ("RdBu", 1), "sentences"
    )


def build_voices_figure(
    voices: pd.DataFrame, colors: Mapping[str, str], top_n: int = 7
) -> go.Figure:
    """Whose words each outlet reports: share of the outlet's reported words (direct
    quotations and indirect speech) by speaker, named by ``speaker_name``; the speakers
    beyond the ``top_n`` most reported are grouped as "(others)"."""
    title = "Who is quoted: share of reported words by speaker"
    if voices.empty or voices["quoted_words"].sum() == 0:
        return _empty(title, "No quotes in the outlets shown")
    speaker = voices["speaker_name"].fillna(UNATTRIBUTED).replace("", UNATTRIBUTED)
    frame = voices.assign(speaker=speaker)
    totals = frame.groupby("speaker")["quoted_words"].sum().sort_values(ascending=False)
    keep = [s for s in totals.index if s != UNATTRIBUTED][:top_n]
    frame["speaker"] = frame["speaker"].where(
        frame["speaker"].isin([*keep, UNATTRIBUTED]), OTHER_SPEAKERS
    )
    by = frame.groupby(["outlet", "speaker"])["quoted_words"].sum().unstack(fill_value=0)
    share = by.div(by.sum(axis=1), axis=0)
    order = [o for o in _outlet_order(frame, colors) if o in share.index]
    speakers = keep + [s for s in (OTHER_SPEAKERS, UNATTRIBUTED) if s in share.columns]
    greys = {OTHER_SPEAKERS: "#d9d9d9", UNATTRIBUTED: "#f0f0f0"}
    palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]
    fig = go.Figure()
    for i, name in enumerate(speakers):
        fig.add_trace(
            go.Bar(
                y=order,
                x=share.loc[order, name].tolist(),
                orientation="h",
                name=_safe(name),
                marker_color=greys.get(name, palette[i % len(palette)]),
                hovertemplate="%{y}: " + _safe(name) + " %{x:.0%}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, max(260, 120 + 34 * len(order)))


def build_label_valence_figure(
    label_table: pd.DataFrame, colors: Mapping[str, str], top_n: int = 12
) -> go.Figure:
    """For the actors the outlets name most differently (the label table is sorted by
    spread), the mean valence (-2..+2) of the labels each outlet uses, one dot per outlet
    sized by the number of labels; labels no lexicon scores do not count. Each outlet has
    its own lane within an actor's row, so outlets with the same value never hide each
    other."""
    title = "How differently the outlets label each actor (mean valence of the labels)"
    scored = label_table.dropna(subset=["mean_valence"])
    if scored.empty:
        return _empty(title, "No scored label in the outlets shown")
    entities = list(dict.fromkeys(scored["entity_name"]))[:top_n]
    row_of = {name: i for i, name in enumerate(entities)}
    outlets = _outlet_order(scored, colors)
    lane = 0.7 / max(len(outlets), 1)  # the outlets share 70% of a row's height
    fig = go.Figure()
    for k, outlet in enumerate(outlets):
        rows = scored[(scored["outlet"] == outlet) & scored["entity_name"].isin(entities)]
        offset = (k - (len(outlets) - 1) / 2) * lane
        fig.add_trace(
            go.Scatter(
                x=rows["mean_valence"].tolist(),
                y=[row_of[e] + offset for e in rows["entity_name"]],
                mode="markers",
                name=_safe(outlet),
                marker={
                    "color": _color(colors, outlet),
                    "size": [min(8 + 2 * n, 20) for n in rows["n_labels"]],
                    "line": {"color": "white", "width": 1},
                },
                customdata=[
                    [_safe(e), _safe(labels)]
                    for e, labels in zip(rows["entity_name"], rows["labels"], strict=True)
                ],
                hovertemplate=_safe(outlet)
                + " on %{customdata[0]}: %{x:+.2f}<br>%{customdata[1]}<extra></extra>",
            )
        )
    fig.update_xaxes(range=[-2.3, 2.3], tickvals=[-2, -1, 0, 1, 2], title_text="mean valence")
    fig.update_yaxes(
        tickvals=list(range(len(entities))),
        ticktext=[_safe(e) for e in entities],
        range=[len(entities) - 0.5, -0.5],
        showgrid=False,
    )
    for i in range(1, len(entities)):  # a line between the actors' rows
        fig.add_hline(y=i - 0.5, line={"color": "#e5e5e5", "width": 1})
    return _layout(fig, title, 140 + 40 * len(entities) + 6 * len(outlets) * len(entities))


ARC_WINDOW = 5  # sentences in the arc's rolling mean


def build_sentiment_arc_figure(
    sentences: pd.DataFrame,
    colors: Mapping[str, str],
    titles: Mapping[str, str] | None = None,
) -> go.Figure:
    """Sentiment through each article (x = position in the article, 0-100 %): a line of
    the rolling mean over ARC_WINDOW sentences per article in its outlet's colour, over
    faint dots of every sentence's own score (hover for the sentence)."""
    title = f"Sentiment arc: mean of {ARC_WINDOW} neighbouring sentences (dots: each sentence)"
    if sentences.empty:
        return _empty(title)
    titles = titles or {}
    fig = go.Figure()
    shown: set[str] = set()
    for article_id, rows in sentences.sort_values("index").groupby("article_id", sort=False):
        outlet = str(rows["outlet"].iloc[0])
        n = len(rows)
        position = [100 * i / max(n - 1, 1) for i in range(n)]
        smooth = rows["compound"].rolling(ARC_WINDOW, center=True, min_periods=1).mean()
        snippets = [
            _safe(t if len(t) <= 90 else t[:88] + "…") + (" [quote]" if q else "")
            for t, q in zip(rows["text"], rows["in_quote"].astype(bool), strict=True)
        ]
        label = f"{outlet}: {titles.get(str(article_id), article_id)}"
        color = _color(colors, outlet)
        fig.add_trace(
            go.Scatter(
                x=position,
                y=smooth.tolist(),
                mode="lines",
                name=_safe(label if len(label) <= 50 else label[:48] + "…"),
                legendgroup=outlet,
                showlegend=outlet not in shown,
                line={"color": color, "width": 2.5, "shape": "spline", "smoothing": 0.6},
                hovertemplate=_safe(outlet) + " mean %{y:+.2f}<extra></extra>",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=position,
                y=rows["compound"].tolist(),
                mode="markers",
                name=_safe(label),
                legendgroup=outlet,
                showlegend=False,
                marker={"color": color, "size": 5, "opacity": 0.35},
                customdata=snippets,
                hovertemplate=_safe(outlet) + " %{y:+.2f}<br>%{customdata}<extra></extra>",
            )
        )
        shown.add(outlet)
    fig.add_hline(y=0.05, line={"dash": "dot", "color": "#aaa", "width": 1})
    fig.add_hline(y=-0.05, line={"dash": "dot", "color": "#aaa", "width": 1})
    fig.update_xaxes(title_text="position in the article (%)", range=[-2, 102])
    fig.update_yaxes(title_text="compound", range=[-1.05, 1.05])
    fig.update_layout(legend={"orientation": "h", "y": -0.25, "x": 0})
    return _layout(fig, title, 480)


def score_box_statistics(values: pd.Series) -> dict[str, float]:
    """Tukey box-plot numbers of ``values``: quartiles by linear interpolation, the mean,
    and the fences (the most extreme values within 1.5 IQR of the box)."""
    q1, median, q3 = (float(values.quantile(q)) for q in (0.25, 0.5, 0.75))
    reach = 1.5 * (q3 - q1)
    inside = values[(values >= q1 - reach) & (values <= q3 + reach)]
    return {
        "q1": q1,
        "median": median,
        "q3": q3,
        "mean": float(values.mean()),
        "lowerfence": float(inside.min()),
        "upperfence": float(inside.max()),
    }


def build_sentence_length_figure(sentences: pd.DataFrame, colors: Mapping[str, str]) -> go.Figure:
    """Distribution of sentence lengths (words) per outlet, one box per outlet (median,
    quartiles, mean dashed, whiskers to the fences; longer sentences as points)."""
    title = "Sentence length (words) by outlet"
    if sentences.empty:
        return _empty(title)
    fig = go.Figure()
    for outlet in _outlet_order(sentences, colors):
        words = sentences.loc[sentences["outlet"].astype(str) == outlet, "words"]
        box = score_box_statistics(words)
        # The statistics, not 100,000 lengths, and one point per length beyond the fences
        # (with how many sentences have it): the browser draws it at once.
        outliers = words[(words < box["lowerfence"]) | (words > box["upperfence"])]
        lengths = outliers.value_counts().sort_index()
        fig.add_trace(
            go.Box(
                x=[_safe(outlet)],
                **{name: [value] for name, value in box.items()},
                name=_safe(outlet),
                marker_color=_color(colors, outlet),
                boxmean=True,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[_safe(outlet)] * len(lengths),
                y=lengths.index.to_numpy(),
                mode="markers",
                name=_safe(outlet),
                marker={"color": _color(colors, outlet), "size": 5, "opacity": 0.6},
                customdata=lengths.to_numpy(),
                hovertemplate="%{y} words: %{customdata} sentence(s)<extra>%{x}</extra>",
            )
        )
    fig.update_layout(showlegend=False)
    fig.update_yaxes(title_text="words per sentence", rangemode="tozero")
    return _layout(fig, title, 400)


def build_distinctive_figure(
    distinctive: pd.DataFrame, colors: Mapping[str, str], top_n: int = 12
) -> go.Figure:
    """The words each outlet uses more than the others (z of the log-odds ratio, one panel
    per outlet). Solid bars and a "*" mark |z| > 1.96; pale bars may be chance."""
    title = "Distinctive words: each outlet against the rest (z-score of log-odds)"
    if distinctive.empty:
        return _empty(title)
    order = _outlet_order(distinctive, colors)
    tops = {
        outlet: distinctive[distinctive["outlet"].astype(str) == outlet]
        .sort_values("z", ascending=False, kind="stable")
        .head(top_n)
        for outlet in order
    }
    # One x range for every panel, so that bar lengths compare across outlets.
    shown = pd.concat(tops.values())["z"]
    x_range = [min(0.0, shown.min()) - 0.1, max(SIGNIFICANT_Z, shown.max()) + 0.2]
    cols = min(len(order), 3)
    rows = math.ceil(len(order) / cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[_safe(o) for o in order],
        horizontal_spacing=0.12,
        vertical_spacing=0.3 / rows,
    )
    for i, outlet in enumerate(order):
        top = tops[outlet]
        significant = top["z"].abs() > SIGNIFICANT_Z
        color = _color(colors, outlet)
        row, col = divmod(i, cols)
        fig.add_trace(
            go.Bar(
                x=top["z"].tolist(),
                y=[
                    _safe(w) + (" *" if s else "")
                    for w, s in zip(top["word"], significant, strict=True)
                ],
                orientation="h",
                name=_safe(outlet),
                showlegend=False,
                marker_color=[color if s else color + "55" for s in significant],
                customdata=list(zip(top["count"], top["count_rest"], strict=True)),
                hovertemplate="%{y}: z = %{x:.2f}<br>"
                + _safe(outlet)
                + " %{customdata[0]} times, the rest %{customdata[1]}<extra></extra>",
            ),
            row=row + 1,
            col=col + 1,
        )
        fig.add_vline(
            x=SIGNIFICANT_Z, line={"dash": "dot", "color": "#888"}, row=row + 1, col=col + 1
        )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=x_range)
    return _layout(fig, title, 80 + rows * (40 + 22 * top_n))


def build_outlet_trend_figure(
    trend: pd.DataFrame, colors: Mapping[str, str], title: str, value: str
) -> go.Figure:
    """An outlet profile over time (framing.stories.profiles: score_density_over_time,
    score_framing_over_time): one line per outlet, a point per period with its 95% interval;
    a hollow point rests on fewer than MIN_ARTICLES articles. Each point's customdata is
    (outlet, period), so a click can lead back to its articles."""
    if trend.empty:
        return _empty(title, "No dated articles for the outlets shown")
    fig = go.Figure()
    for outlet in _outlet_order(trend, colors):
        rows = trend[trend["outlet"] == outlet]
        few = rows["few"].astype(bool).tolist()
        fig.add_trace(
            go.Scatter(
                x=rows["period"].tolist(),
                y=rows["mean"].tolist(),
                mode="lines+markers",
                name=_safe(outlet),
                line={"color": _color(colors, outlet), "width": 1.5},
                marker={
                    "size": 9,
                    "symbol": ["circle-open" if f else "circle" for f in few],
                    "color": _color(colors, outlet),
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (rows["high"] - rows["mean"]).tolist(),
                    "arrayminus": (rows["mean"] - rows["low"]).tolist(),
                    "thickness": 1,
                    "width": 3,
                },
                customdata=[
                    [outlet, p, n] for p, n in zip(rows["period"], rows["articles"], strict=True)
                ],
                hovertemplate=_safe(outlet)
                + " · %{customdata[1]}<br>"
                + _safe(value)
                + " %{y:.2f} · %{customdata[2]} articles<extra></extra>",
            )
        )
    fig.update_xaxes(title_text="period (start)", type="category")
    fig.update_yaxes(title_text=_safe(value))
    return _layout(fig, title, 420)


# The fact matrix's cells: status -> (value on the colour scale, word in the hover).
COVERAGE_CELLS = {
    "left out": (0, "left out"),
    "not reported": (1, "not reported"),
    "wire": (2, "reports it, in another outlet's words (wire copy)"),
    "reported": (3, "reports it"),
}
COVERAGE_SCALE = [
    [0.0, "#d6604d"], [0.25, "#d6604d"], [0.25, "#f4f4f4"], [0.5, "#f4f4f4"],
    [0.5, "#92c5de"], [0.75, "#92c5de"], [0.75, "#2166ac"], [1.0, "#2166ac"],
]  # fmt: skip
MATRIX_FACTS = 40


def build_coverage_matrix_figure(
    coverage: pd.DataFrame, colors: Mapping[str, str], top_n: int = MATRIX_FACTS
) -> go.Figure:
    """Fact x outlet (the ``coverage`` table): the facts two or more outlets report, most
    outlets first (at most ``top_n``); a cell is dark blue where the outlet reports the
    fact, light blue where it reprints another outlet's words, red where it leaves the fact
    out (more than half of the others report it), grey where it does not report it. Hover
    shows the outlet's sentence."""
    title = "Which outlet reports which fact (blue reports, red leaves out)"
    shared = coverage[coverage["outlets"] > 1] if len(coverage) else coverage
    if shared.empty:
        return _empty(title, "No fact is reported by two or more of the outlets shown")
    facts = list(dict.fromkeys(shared["fact"]))[:top_n]
    outlets = _outlet_order(shared, colors)
    cells = {(r.fact, r.outlet): r for r in shared[shared["fact"].isin(facts)].itertuples()}
    z, hover = [], []
    for fact in facts:
        row_z, row_hover = [], []
        for outlet in outlets:
            cell = cells.get((fact, outlet))
            if cell is None or not cell.present:
                kind = (
                    "left out"
                    if cell is not None and cell.status == "left out"
                    else ("not reported")
                )
                said = _safe(textwrap.shorten(str(cell.fact_text), 160)) if cell else ""
                words = f"the fact: {said}"
            else:
                kind = "wire" if cell.wire else "reported"
                words = _safe(textwrap.shorten(str(cell.text), 160))
            value, meaning = COVERAGE_CELLS[kind]
            row_z.append(value)
            row_hover.append(f"{_safe(fact)} · {_safe(outlet)} {meaning}<br>{words}")
        z.append(row_z)
        hover.append(row_hover)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_wrap(o) for o in outlets],
            y=facts,
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            colorscale=COVERAGE_SCALE,
            zmin=0,
            zmax=3,
            xgap=1,
            ygap=1,
            showscale=False,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top")
    fig = _layout(fig, title, max(HEATMAP_MIN_HEIGHT, 170 + 22 * len(facts)))
    return fig.update_layout(margin={"t": 130})
