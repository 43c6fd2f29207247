"""Outlet profiles across the stories of a corpus: the labels each outlet gives each actor,
its loaded-language density and its framing of each actor over time, and how its label for
an actor changed (label drift).

Profiles are made only from the public tables of each story's analysis
(framing.analysis.analyze_story: ``articles``, ``labels``, ``terms``, ``actor_framing``),
so they follow every improvement of the labels and terms a story analysis finds. Actors
are matched across stories by their name as the analysis gives it (``entity_name``,
``actor_name``, case-insensitive): two stories that name one person differently count as two
actors. Every row keeps its story and article, so each point leads back to the articles and
the highlighted words it was computed from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.analysis import StoryAnalysis

PERIODS = {"week": "W", "month": "M", "quarter": "Q"}
# An outlet's score in a period drawn from fewer articles than this is marked "few": the
# dashboard says so instead of ranking on it.
MIN_ARTICLES = 3
LABEL_COLUMNS = [
    "story", "article_id", "outlet", "date", "actor", "label", "valence", "in_quote", "start",
    "end", "source",
]  # fmt: skip
DENSITY_COLUMNS = [
    "story", "article_id", "outlet", "date", "title", "words", "loaded_hits",
    "loaded_per_100w", "loaded_narrator_per_100w",
]  # fmt: skip
FRAMING_COLUMNS = ["story", "article_id", "outlet", "date", "actor", "hits", "mean_valence"]
TERM_COLUMNS = [
    "story", "article_id", "outlet", "start", "end", "text", "term", "category", "target",
    "valence", "in_quote", "speaker", "lexicon", "note", "loaded",
]  # fmt: skip


@dataclass(frozen=True)
class OutletProfiles:
    """The rows outlet profiles are made of, from every story analysed (one row per label,
    article, actor framing and loaded term; each with its story and article)."""

    labels: pd.DataFrame  # LABEL_COLUMNS
    density: pd.DataFrame  # DENSITY_COLUMNS
    framing: pd.DataFrame  # FRAMING_COLUMNS
    terms: pd.DataFrame  # TERM_COLUMNS: where the highlighted words are
    stories: int


def find_profile_rows(story: str, analysis: StoryAnalysis) -> dict[str, pd.DataFrame]:
    """The rows of one story's analysis (named ``story``) that profiles are made of, by
    table (labels, density, framing, terms); actors by their display name."""
    dates = pd.Series({a.id: a.date for a in analysis.story.articles}, dtype="object")
    articles = analysis.articles

    def dated(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(story=story, date=frame["article_id"].map(dates).fillna(""))

    labels = dated(analysis.labels).assign(actor=analysis.labels["entity_name"])
    framing = dated(analysis.actor_framing).assign(actor=analysis.actor_framing["actor_name"])
    terms = analysis.terms.assign(story=story)
    return {
        "labels": labels[LABEL_COLUMNS],
        "density": dated(articles)[DENSITY_COLUMNS],
        "framing": framing[FRAMING_COLUMNS],
        "terms": terms[terms["loaded"].astype(bool)][TERM_COLUMNS],
    }


def build_outlet_profiles(rows: Iterable[dict[str, pd.DataFrame]]) -> OutletProfiles:
    """Outlet profiles from ``find_profile_rows`` of each story."""
    parts: dict[str, list[pd.DataFrame]] = {"labels": [], "density": [], "framing": [], "terms": []}
    stories = 0
    for story in rows:
        stories += 1
        for name, frame in story.items():
            if len(frame):
                parts[name].append(frame)
    columns = {
        "labels": LABEL_COLUMNS,
        "density": DENSITY_COLUMNS,
        "framing": FRAMING_COLUMNS,
        "terms": TERM_COLUMNS,
    }
    tables = {
        name: pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=wanted)
        for (name, frames), wanted in zip(parts.items(), columns.values(), strict=True)
    }
    return OutletProfiles(stories=stories, **tables)


def _period(dates: pd.Series, period: str) -> pd.Series:
    """Each ISO date's period start ("2021-05-03" for its week), "" when undated."""
    parsed = pd.to_datetime(dates.where(dates.str.len() >= 10), errors="coerce", format="%Y-%m-%d")
    starts = parsed.dt.to_period(PERIODS[period]).dt.start_time.dt.strftime("%Y-%m-%d")
    return starts.fillna("")


def score_label_profile(profiles: OutletProfiles) -> pd.DataFrame:
    """The labels each outlet gives each actor across the corpus: one row per outlet, actor
    and label with uses, articles, stories, first and last date and the label's valence
    (NaN when no lexicon rates it). Own voice and quotations together; ``in_quote_uses``
    counts those inside quotations. Sorted by outlet, actor, then most used."""
    labels = profiles.labels
    if labels.empty:
        return pd.DataFrame(
            columns=["outlet", "actor", "label", "uses", "in_quote_uses", "articles",
                     "stories", "first_date", "last_date", "valence"]
        )  # fmt: skip
    frame = labels.assign(
        key=labels["actor"].str.casefold(), dated=labels["date"].where(labels["date"] != "")
    )
    grouped = frame.groupby(["outlet", "key", "label"], sort=False)
    table = grouped.agg(
        actor=("actor", "first"),
        uses=("label", "size"),
        in_quote_uses=("in_quote", "sum"),
        articles=("article_id", "nunique"),
        stories=("story", "nunique"),
        first_date=("dated", "min"),
        last_date=("dated", "max"),
        valence=("valence", "first"),
    ).reset_index()
    table = table.fillna({"first_date": "", "last_date": ""})
    table["in_quote_uses"] = table["in_quote_uses"].astype(int)
    table = table.sort_values(["outlet", "key", "uses", "label"], ascending=[1, 1, 0, 1])
    return table.drop(columns="key").reset_index(drop=True)[
        ["outlet", "actor", "label", "uses", "in_quote_uses", "articles", "stories",
         "first_date", "last_date", "valence"]
    ]  # fmt: skip


def score_density_over_time(profiles: OutletProfiles, period: str = "month") -> pd.DataFrame:
    """Loaded-language density per outlet and period: mean loaded terms per 100 words over
    the outlet's articles of the period (higher = more loaded), with a 95% interval (mean
    +- 1.96 standard errors) and ``few`` when fewer than MIN_ARTICLES articles carry it.
    Undated articles are left out."""
    density = profiles.density.assign(period=_period(profiles.density["date"], period))
    return _over_time(density[density["period"] != ""], ["outlet"], "loaded_per_100w")


def score_framing_over_time(
    profiles: OutletProfiles, actor: str, period: str = "month"
) -> pd.DataFrame:
    """How each outlet framed ``actor`` (matched case-insensitively) per period: the mean,
    over its articles, of the mean valence of the labels and loaded terms aimed at the actor
    in the outlet's own voice (-2 unfavourable .. +2 favourable), with interval and ``few``
    as in score_density_over_time."""
    framing = profiles.framing
    framing = framing[framing["actor"].str.casefold() == actor.casefold()]
    framing = framing.assign(period=_period(framing["date"], period))
    return _over_time(framing[framing["period"] != ""], ["outlet"], "mean_valence")


def _over_time(frame: pd.DataFrame, keys: list[str], value: str) -> pd.DataFrame:
    columns = [*keys, "period", "mean", "low", "high", "articles", "few", "article_ids"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby([*keys, "period"], sort=True)
    table = grouped.agg(
        mean=(value, "mean"),
        std=(value, "std"),
        articles=("article_id", "nunique"),
        article_ids=("article_id", lambda ids: ";".join(sorted(set(ids)))),
    ).reset_index()
    error = 1.96 * table["std"].fillna(0) / np.sqrt(table["articles"])
    table["low"], table["high"] = table["mean"] - error, table["mean"] + error
    table["few"] = table["articles"] < MIN_ARTICLES
    return table[columns]


def find_label_drift(profiles: OutletProfiles, period: str = "month") -> pd.DataFrame:
    """How an outlet's labels for an actor changed: one row per outlet, actor, period and
    label with its uses and share of the outlet's labels for the actor in that period, and
    ``new`` when the outlet had not used the label for the actor in an earlier period
    (its first period's labels are all new). Undated labels are left out."""
    labels = profiles.labels.assign(period=_period(profiles.labels["date"], period))
    labels = labels[labels["period"] != ""]
    columns = ["outlet", "actor", "period", "label", "uses", "share", "new", "article_ids"]
    if labels.empty:
        return pd.DataFrame(columns=columns)
    labels = labels.assign(key=labels["actor"].str.casefold())
    grouped = labels.groupby(["outlet", "key", "period", "label"], sort=True)
    table = grouped.agg(
        actor=("actor", "first"),
        uses=("label", "size"),
        article_ids=("article_id", lambda ids: ";".join(sorted(set(ids)))),
    ).reset_index()
    totals = table.groupby(["outlet", "key", "period"])["uses"].transform("sum")
    table["share"] = table["uses"] / totals
    first = table.groupby(["outlet", "key", "label"])["period"].transform("min")
    table["new"] = table["period"] == first
    table = table.sort_values(["outlet", "key", "period", "uses"], ascending=[1, 1, 1, 0])
    return table.reset_index(drop=True)[columns]
