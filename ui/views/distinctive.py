"""Distinctive words: what each outlet says more than the others."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from framing import charts
from ui.page import View, build_shared, render_chart, render_table, start_page


def _by_outlet_and_z(distinctive: pd.DataFrame, only_significant: bool) -> pd.DataFrame:
    """Each outlet's words, the most distinctive first."""
    if only_significant:
        distinctive = distinctive[distinctive["significant"].astype(bool)]
    return distinctive.sort_values(["outlet", "z"], ascending=[True, False])


def render_distinctive(view: View) -> None:
    distinctive = view.table("distinctive")
    top_n = st.slider("Words per outlet", 5, 30, 12, key="ds_top")
    render_chart(
        view, "ds_words", charts.build_distinctive_figure, distinctive, view.colors, top_n,
        depends_on=(top_n,),
    )  # fmt: skip
    st.caption(
        "Solid bars and “*”: |z| > 1.96, unlikely to be chance at the 5% level. Pale bars "
        "may be chance; with few articles per outlet most words are."
    )
    only = st.toggle("Only significant words", value=False, key="ds_only")
    table = build_shared(view, "ds_sorted", _by_outlet_and_z, distinctive, only, depends_on=(only,))
    render_table(table, "distinctive words", "ds_table")


render_distinctive(
    start_page(
        "Distinctive words",
        "Each outlet against all the others: the log-odds ratio of every word with an "
        "informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as a z-score. High z = "
        "this outlet uses the word more than the rest.",
    )
)
