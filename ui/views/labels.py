"""Labels: how each outlet names each actor, coloured by what the label implies."""

from __future__ import annotations

import streamlit as st

from framing import charts
from ui import html
from ui.page import View, build_shared, render_chart, render_table, render_tabs, start_page

MATRIX_ACTORS = 25  # rows of the label matrix; more stop being readable


def render_matrix(view: View) -> None:
    labels = view.table("labels")
    table = view.table("label_table")
    if labels.empty:
        st.info("No labels were found for the outlets shown.")
        return
    st.html(html.legend_html())
    entities = list(dict.fromkeys(table["entity"]))
    shown = entities[:MATRIX_ACTORS]
    st.html(
        build_shared(
            view, "lb_matrix", html.label_matrix_html, labels, shown, view.outlets, view.colors
        )
    )
    if len(entities) > len(shown):
        st.caption(
            f"The {len(shown)} of {len(entities)} actors the outlets name most differently; "
            "every actor is in the tables of the other tabs."
        )
    unknown = int((~labels["known"].astype(bool)).sum())
    if unknown:
        st.caption(
            f"{unknown} labels (dashed, with “?”) are not in any lexicon yet: give them a "
            "valence on the Lexicon page and every score uses it at once."
        )
        st.page_link(
            "ui/views/lexicon.py", label="Score a label on the Lexicon page", icon=":material/edit:"
        )
    render_chart(view, "lb_spread", charts.build_label_valence_figure, table, view.colors)
    st.caption(
        "Each dot is the mean valence of every label an outlet gives the actor, quoted ones "
        "included; each outlet has its own lane in the actor's row. The Overview's “framing "
        "in its own voice” averages only what the outlet says in its own words (labels and "
        "loaded terms aimed at the actor, quotes left out), so the two can differ."
    )


def render_by_actor(view: View) -> None:
    st.caption("Sorted by spread: the actors the outlets name most differently come first.")
    render_table(view.table("label_table"), "label table", "lb_summary")


def render_every_label(view: View) -> None:
    st.caption("Every label, with the article and the characters where it was found.")
    render_table(view.table("labels"), "labels", "lb_all")


def render_actor_names(view: View) -> None:
    st.caption(
        "Every actor found in the text, what kind it is (person, organisation, place, group: "
        "the language model's tags of most of its mentions) and the spellings each article "
        "uses for it. These are the names merged into one actor, so a wrong merge or split "
        "shows here."
    )
    render_table(view.table("entities"), "actors and their names", "lb_entities")


def render_labels(view: View) -> None:
    render_tabs(
        "lb_tab",
        {
            "Label matrix": lambda: render_matrix(view),
            "Labels by actor and outlet": lambda: render_by_actor(view),
            "Every label": lambda: render_every_label(view),
            "Actors and their names": lambda: render_actor_names(view),
        },
    )


render_labels(
    start_page(
        "Labels",
        "The descriptors each outlet attaches to each actor (“Field Marshal”, “rebel leader”, "
        "“retired Major General”). Colour = the label's valence toward the actor: red "
        "unfavourable, blue favourable, grey neutral. Hover a label for details.",
    )
)
