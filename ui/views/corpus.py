"""Corpus: a pile of articles grouped into same-event stories, which outlets covered each,
and outlet profiles across the stories."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from framing.charts import build_outlet_trend_figure, outlet_colors
from framing.io import LoadError, load_outlet_groups, save_story
from framing.models import Story
from framing.stories import StoryGrouping
from framing.stories.profiles import (
    PERIODS,
    OutletProfiles,
    build_outlet_profiles,
    find_label_drift,
    score_density_over_time,
    score_framing_over_time,
    score_label_profile,
)
from ui import html, loaders, state
from ui.page import PLOTLY_CONFIG, render_table, render_tabs
from ui.sidebar import slugify

BULK_TYPES = ["csv", "jsonl", "ndjson", "parquet"]
SHOWN_ARTICLES = 20  # articles drawn under a clicked point; the rest are listed
MAX_CHOICES = 1_000  # stories the picker offers (the largest of those the search finds)


@dataclass(frozen=True)
class Corpus:
    key: str
    story: Story  # every article of the corpus
    grouping: StoryGrouping
    groups: Mapping[str, str]  # outlet -> group (lean), possibly empty


def _load() -> Story | None:
    upload = st.file_uploader(
        "Corpus file (CSV, JSON Lines or Parquet: outlet, title, date, url, text)",
        type=BULK_TYPES,
        key=state.CORPUS_UPLOAD,
    )
    path = st.text_input(
        "…or the path of a corpus file or story folder on this machine", key=state.CORPUS_PATH
    ).strip()
    try:
        if upload is not None:
            return loaders.load_corpus_upload(upload.name, upload.getvalue())
        if path:
            return loaders.load_corpus_path(path)
    except LoadError as error:
        st.error(str(error))
    except OSError as error:
        st.error(f"{path}: {error.strerror or error}")
    return None


def _groups() -> dict[str, str]:
    upload = st.file_uploader(
        "Outlet groups (optional): a CSV with columns outlet and lean (or group)",
        type=["csv"],
        key=state.CORPUS_GROUPS,
        help="Stories only one group covered stand out in the table.",
    )
    if upload is None:
        return {}
    try:
        return load_outlet_groups(upload.name, upload.getvalue())
    except LoadError as error:
        st.error(str(error))
        return {}


@st.cache_resource(show_spinner=False, max_entries=8)
def _story_table(key: str, groups_key: str, _corpus: Corpus) -> pd.DataFrame:
    """The stories with, when outlet groups are given, the groups that covered each and the
    one group that alone covered it."""
    stories = _corpus.grouping.stories
    if not _corpus.groups:
        return stories
    articles = _corpus.grouping.articles
    covered = (
        articles.assign(group=articles["outlet"].map(_corpus.groups).fillna("(no group)"))
        .groupby("story")["group"]
        .agg(lambda g: sorted(set(g)))
    )
    names = stories["story"].map(covered)
    known = set(_corpus.groups.values())
    only = names.map(lambda g: g[0] if len(g) == 1 and g[0] in known else "")
    return stories.assign(groups=names.map(", ".join), only_group=only)


def render_stories(corpus: Corpus) -> None:
    table = _story_table(corpus.key, loaders.content_key(dict(corpus.groups)), corpus)
    left, right = st.columns(2)
    most = int(table["outlets"].max())
    least = left.number_input(
        "Stories covered by at least this many outlets",
        1,
        max(1, most),
        1,
        key=state.CORPUS_MIN_OUTLETS,
    )
    shown = table[table["outlets"] >= least]
    if corpus.groups:
        only = right.toggle("Only stories one group alone covered", key=state.CORPUS_ONE_GROUP)
        if only:
            shown = shown[shown["only_group"] != ""]
        one_sided = int((table["only_group"] != "").sum())
        st.caption(
            f"{one_sided:,} of {len(table):,} stories were covered by one group alone "
            "(column only_group): what the other side did not report."
        )
    search = st.text_input(
        "Find stories by words of their name or by outlet", key=state.CORPUS_SEARCH
    ).strip()
    if search:
        text = shown["story_name"] + " " + shown["outlet_list"]
        shown = shown[text.str.contains(search, case=False, regex=False)]
    st.caption(f"{len(shown):,} of {len(table):,} stories.")
    render_table(shown, "stories", "corpus_stories")
    choices = shown.sort_values(["articles", "story"], ascending=[False, True])["story"]
    if len(choices) > MAX_CHOICES:
        st.caption(
            f"The {MAX_CHOICES:,} largest of them can be picked below: narrow the search to "
            "reach the others."
        )
    names = dict(zip(table["story"], table["story_name"], strict=True))
    sizes = dict(zip(table["story"], table["articles"], strict=True))
    picked = st.selectbox(
        "Story to see, open or save",
        list(choices[:MAX_CHOICES]),
        index=None,
        format_func=lambda s: f"{s} · {names[s]} ({sizes[s]} articles)",
        key=state.CORPUS_PICK,
    )
    if picked is not None:
        _render_story(corpus, picked)


def _render_story(corpus: Corpus, story_id: str) -> None:
    row = corpus.grouping.stories.set_index("story").loc[story_id]
    slug = slugify(f"{corpus.story.slug}-{story_id}-{row['story_name']}")[:80].strip("-")
    story = loaders.corpus_story(corpus.key, corpus.story, corpus.grouping, story_id, slug)
    st.subheader(f"{story_id}: {row['story_name']}")
    articles = pd.DataFrame(
        [
            (a.id, a.outlet, a.date, a.title, corpus.groups.get(a.outlet, ""))
            for a in story.articles
        ],
        columns=["article_id", "outlet", "date", "title", "group"],
    )
    st.dataframe(articles, hide_index=True, key=f"corpus_articles_{story_id}")
    left, right = st.columns(2)
    # The callback picks the story before the sidebar draws its picker on the next run.
    if left.button(
        "Open this story on the other pages",
        key=state.CORPUS_OPEN,
        type="primary",
        on_click=state.open_story,
        args=(story,),
    ):
        st.switch_page("ui/views/overview.py")
    if right.button("Save as a story folder", key=state.CORPUS_SAVE):
        target = state.stories_dir() / slug
        if target.exists():
            st.error(f"{target} already exists: open the story and save it from the sidebar.")
        else:
            try:
                saved = save_story(story, target)
            except (LoadError, OSError) as error:
                st.error(f"Could not save to {target}: {error}")
            else:
                st.success(f"Saved {len(story.articles)} articles to {saved}.")


# --- outlet profiles ----------------------------------------------------------------------


def _profiles(corpus: Corpus) -> OutletProfiles | None:
    made = st.session_state.setdefault(state.PROFILES, {}).get(corpus.key)
    stories = corpus.grouping.stories
    several = stories[stories["outlets"] >= 2]
    st.caption(
        "Profiles are made from the analysis of each story that at least two outlets covered "
        f"({len(several):,} stories, {int(several['articles'].sum()):,} articles): every "
        "article is parsed once (kept in the disk cache), so the first profile of a large "
        "corpus takes a while; later ones come from the cache."
    )
    if st.button("Make the outlet profiles", key=state.PROFILE_GO) and len(several):
        made = _make_profiles(corpus, list(several["story"]))
        st.session_state[state.PROFILES][corpus.key] = made
    if made is None:
        return None
    profiles, seconds, articles = made
    st.caption(
        f"Made from {profiles.stories:,} stories, {articles:,} articles in {seconds:,.0f} s "
        f"({1000 * seconds / max(articles, 1):,.0f} s per 1,000 articles this time; analyses "
        "already cached cost almost nothing)."
    )
    return profiles


def _make_profiles(corpus: Corpus, story_ids: list[str]) -> tuple[OutletProfiles, float, int]:
    began = time.perf_counter()
    stories = [
        loaders.corpus_story(corpus.key, corpus.story, corpus.grouping, s, f"{corpus.key[:8]}-{s}")
        for s in story_ids
    ]
    every = Story("profiles", "", "", tuple(a for s in stories for a in s.articles))
    bar = st.progress(0.0, text=f"Reading {len(every.articles):,} articles…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Read {done:,} of {total:,} articles")

    readings = loaders.read_story(every, progress)
    rows, first = [], 0
    for number, (story_id, story) in enumerate(zip(story_ids, stories, strict=True), 1):
        own = readings[first : first + len(story.articles)]
        first += len(story.articles)
        rows.append(loaders.profile_rows(story_id, story, own))
        bar.progress(number / len(stories), text=f"Analysed {number:,} of {len(stories):,} stories")
    bar.empty()
    return build_outlet_profiles(rows), time.perf_counter() - began, len(every.articles)


def _period() -> str:
    return (
        st.segmented_control("Period", list(PERIODS), default="month", key=state.PROFILE_PERIOD)
        or "month"
    )


def _render_point(corpus: Corpus, profiles: OutletProfiles, trend: pd.DataFrame, event) -> None:
    """The articles and highlighted words behind a clicked point."""
    points = event.selection.points if event is not None else []
    if not points:
        st.caption("Click a point to see its articles with the words that made it.")
        return
    outlet, period = points[0]["customdata"][0], points[0]["customdata"][1]
    row = trend[(trend["outlet"] == outlet) & (trend["period"] == period)]
    if row.empty:
        return
    ids = str(row.iloc[0]["article_ids"]).split(";")
    st.markdown(f"**{outlet}, from {period}**: {len(ids)} articles")
    terms = profiles.terms[profiles.terms["article_id"].isin(ids)]
    labels = profiles.labels[profiles.labels["article_id"].isin(ids)]
    for article_id in ids[:SHOWN_ARTICLES]:
        article = loaders.corpus_article(corpus.key, corpus.story, article_id)
        own_labels = labels[labels["article_id"] == article_id].rename(
            columns={"actor": "entity_name"}
        )
        marks = html.term_highlights(terms[terms["article_id"] == article_id], {})
        marks += html.label_highlights(own_labels[~own_labels["valence"].notna()])
        with st.expander(f"{article.date} · {article.title}"):
            st.html(html.article_html(article.text, marks))
    if len(ids) > SHOWN_ARTICLES:
        st.caption("… and " + ", ".join(ids[SHOWN_ARTICLES:]))


def render_profiles(corpus: Corpus) -> None:
    profiles = _profiles(corpus)
    if profiles is None:
        return
    colors = outlet_colors(sorted(set(corpus.grouping.articles["outlet"])))
    st.html(html.style_tag())

    def labels() -> None:
        st.caption(
            "The labels each outlet gives each actor across the corpus (actors matched by "
            "name across stories), most used first."
        )
        render_table(score_label_profile(profiles), "outlet labels", "pf_labels")

    def density() -> None:
        trend = score_density_over_time(profiles, _period())
        figure = build_outlet_trend_figure(
            trend, colors, "Loaded terms per 100 words, by outlet over time", "per 100 words"
        )
        event = st.plotly_chart(
            figure, key="pf_density", on_select="rerun", selection_mode="points",
            config=PLOTLY_CONFIG,
        )  # fmt: skip
        st.caption("Hollow points rest on fewer than 3 articles; bars: 95% intervals.")
        _render_point(corpus, profiles, trend, event)

    def framing() -> None:
        actors = profiles.framing["actor"].value_counts()
        if actors.empty:
            st.info("No loaded term or rated label was aimed at an actor.")
            return
        actor = st.selectbox("Actor", list(actors.index), key=state.PROFILE_ACTOR)
        trend = score_framing_over_time(profiles, actor, _period())
        figure = build_outlet_trend_figure(
            trend, colors, f"Framing of {actor} (−2 unfavourable … +2 favourable)", "valence"
        )
        event = st.plotly_chart(
            figure, key="pf_framing", on_select="rerun", selection_mode="points",
            config=PLOTLY_CONFIG,
        )  # fmt: skip
        _render_point(corpus, profiles, trend, event)

    def drift() -> None:
        st.caption(
            "Each outlet's labels for each actor per period; new = the first period the "
            "outlet used that label for the actor."
        )
        render_table(find_label_drift(profiles, _period()), "label drift", "pf_drift")

    render_tabs(
        "pf_tab",
        {
            "Labels by outlet": labels,
            "Loaded language over time": density,
            "Actor framing over time": framing,
            "Label drift": drift,
        },
    )


def render_corpus() -> None:
    st.header("Corpus")
    st.caption(
        "A pile of articles (a feed dump, an export, a scrape of many outlets) grouped into "
        "same-event stories by their words, names and dates; which outlets covered each; "
        "and how each outlet labelled and framed the actors across the stories."
    )
    source = _load()
    if source is None:
        st.info("Upload a corpus file or give its path to group it into stories.")
        return
    key = loaders.corpus_key(source)
    with st.spinner(f"Grouping {len(source.articles):,} articles into stories…"):
        grouping = loaders.group_corpus(key, source)
    if source.skipped:
        st.warning(f"{len(source.skipped):,} rows of the corpus were not loaded; first: "
                   f"{source.skipped[0]}")  # fmt: skip
    corpus = Corpus(key, source, grouping, _groups())
    st.caption(
        f"{len(source.articles):,} articles of "
        f"{grouping.articles['outlet'].nunique():,} outlets in {len(grouping.stories):,} stories."
    )
    render_tabs(
        "corpus_tab",
        {
            "Stories": lambda: render_stories(corpus),
            "Outlet profiles": lambda: render_profiles(corpus),
        },
    )


render_corpus()
