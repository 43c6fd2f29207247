"""Coverage: what each outlet shares, reports alone and leaves out, with the sentences as
evidence; the fact matrix; the same quotation across outlets; numbers that differ."""

from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

from framing import charts
from framing.coverage import (
    LEFT_OUT,
    ONLY_HERE,
    SHARED_BY_ALL,
    find_single_outlet_speakers,
    find_word_differences,
)
from ui import html
from ui.page import View, build_shared, render_chart, render_table, render_tabs, start_page

# Below this many facts reported by two or more outlets, a comparison of outlets says so.
FEW_FACTS = 5
SHOWN_FACTS = 30  # facts listed per section; the table of the last tab has them all
SHOWN_QUOTES = 20


def _few_facts_note(view: View) -> None:
    coverage = view.table("coverage")
    present = coverage[coverage["present"].astype(bool)].groupby("fact")["outlet"].nunique()
    shared = int((present > 1).sum())
    if shared < FEW_FACTS:
        st.warning(
            f"Only {shared} fact{'' if shared == 1 else 's'} are reported by two or more of "
            "the outlets shown: too few to say which outlet covers more. Read the sentences, "
            "not the counts."
        )


def _evidence_html(facts: pd.DataFrame, sentences: pd.DataFrame, outlet: str, absent: bool) -> str:
    """Each fact of ``facts`` with the sentences that report it: this outlet's first (when
    it reports it), then the others'."""
    blocks = []
    for fact in list(dict.fromkeys(facts["fact"]))[:SHOWN_FACTS]:
        rows = sentences[sentences["fact"] == fact]
        own = rows[rows["outlet"] == outlet]
        others = rows[rows["outlet"] != outlet].drop_duplicates("outlet")
        lines = [
            f'<div class="evidence"><b>{escape(r.outlet)}</b>: {escape(r.text)}'
            + (' <span class="muted">(wire copy)</span>' if r.wire else "")
            + "</div>"
            for r in [*own.itertuples(), *others.itertuples()]
        ]
        count = rows["outlet"].nunique()
        head = f"<b>{escape(fact)}</b> · reported by {count} outlet{'' if count == 1 else 's'}"
        if absent:
            head += f" · not by {escape(outlet)}"
        blocks.append(f"<p>{head}</p>{''.join(lines)}")
    more = facts["fact"].nunique() - SHOWN_FACTS
    if more > 0:
        blocks.append(f'<p class="muted">and {more} more (all in the last tab)</p>')
    return '<div class="slant">' + "".join(blocks) + "</div>"


def render_by_outlet(view: View) -> None:
    coverage, sentences = view.table("coverage"), view.table("fact_sentences")
    if coverage.empty:
        st.info("No sentence of the outlets shown reports anything to compare.")
        return
    _few_facts_note(view)
    st.caption(
        "Per outlet: the facts every outlet shown reports, the ones only this outlet "
        "reports, and the ones it leaves out (more than half of the other outlets report "
        "them; reprints of one agency text count once). Counts over all the outlets of the "
        "story."
    )
    render_table(view.table("coverage_outlets"), "coverage by outlet", "cv_outlets")
    outlet = st.selectbox("Outlet", list(view.outlets), key="cv_outlet")
    mine = coverage[coverage["outlet"] == outlet]
    for status, title, absent in (
        (LEFT_OUT, "Left out: what most other outlets report and this one does not", True),
        (ONLY_HERE, "Only here: what no other outlet reports", False),
        (SHARED_BY_ALL, "Shared by all: what every outlet reports", False),
    ):
        facts = mine[mine["status"] == status]
        with st.expander(f"{title} ({facts['fact'].nunique()})", expanded=status == LEFT_OUT):
            if facts.empty:
                st.caption("None.")
            else:
                st.html(
                    build_shared(
                        view, f"cv_{status}", _evidence_html, facts, sentences, outlet, absent,
                        depends_on=(outlet, status),
                    )
                )  # fmt: skip


def render_matrix(view: View) -> None:
    _few_facts_note(view)
    render_chart(
        view, "cv_matrix", charts.build_coverage_matrix_figure, view.table("coverage"), view.colors
    )
    st.caption(
        f"The {charts.MATRIX_FACTS} facts most outlets report (F1, F2, ...); hover a cell for "
        "the outlet's sentence. Light blue: the outlet's sentence repeats another outlet's "
        "words outside quotation marks (an agency text reprinted)."
    )


def _quote_groups_html(quotes: pd.DataFrame) -> str:
    """Each quotation group of two or more outlets, one column per outlet, the words that
    differ from the group's first quotation marked."""
    shared = quotes[(quotes["quote_outlets"] > 1) & (quotes["quote_group"] != "")]
    blocks = []
    for group in list(dict.fromkeys(shared["quote_group"]))[:SHOWN_QUOTES]:
        rows = shared[shared["quote_group"] == group].drop_duplicates("outlet")
        first = rows.iloc[0]
        cells = []
        for i, row in enumerate(rows.itertuples()):
            if i == 0:
                spans = (
                    find_word_differences(row.text, rows.iloc[1]["text"])[0]
                    if len(rows) > 1
                    else []
                )
            else:
                spans = find_word_differences(first["text"], row.text)[1]
            kind = "quoted" if row.direct else "in reported speech"
            cells.append(
                f'<div class="card"><h4>{escape(row.outlet)}</h4>'
                f'<span class="muted">{escape(row.speaker_name)} · {kind} · '
                f"{escape(row.quote_match)}</span><br>{html.marked_text_html(row.text, spans)}"
                "</div>"
            )
        blocks.append(f'<p><b>{escape(group)}</b></p><div class="quotes">{"".join(cells)}</div>')
    if not blocks:
        return '<div class="slant muted">No quotation is carried by two or more outlets.</div>'
    return '<div class="slant">' + "".join(blocks) + "</div>"


def render_quotes(view: View) -> None:
    quotes = view.table("quotes")
    st.caption(
        "The same statement as each outlet carries it: verbatim, shortened, worded "
        "differently (two direct quotations in other words: another translation, or an "
        "inexact quote), paraphrased (in reported speech) or put in another speaker's "
        "mouth. Highlighted: the words that differ from the first outlet's."
    )
    st.html(build_shared(view, "cv_quotes", _quote_groups_html, quotes))
    st.subheader("Quoted by one outlet only")
    render_table(find_single_outlet_speakers(quotes), "speakers quoted by one outlet", "cv_alone")


def render_numbers(view: View) -> None:
    numbers = view.table("numbers")
    differ = numbers[numbers["differs"].astype(bool)]
    st.caption(
        "Numbers that count something (people killed, troops, pages), by fact. Where two "
        "outlets give different numbers for the same count in one fact, both are listed."
    )
    if differ.empty:
        st.info("No fact has numbers that differ between the outlets shown.")
    else:
        render_table(differ, "numbers that differ", "cv_differ")
    st.subheader("Every number")
    render_table(numbers, "numbers", "cv_numbers")


def render_every_fact(view: View) -> None:
    st.caption(
        "One row per fact and outlet (the table `python -m framing coverage` prints), and "
        "every sentence in a fact."
    )
    render_table(view.table("coverage"), "coverage", "cv_all")
    render_table(view.table("fact_sentences"), "fact sentences", "cv_sentences")


def render_coverage(view: View) -> None:
    render_tabs(
        "cv_tab",
        {
            "By outlet": lambda: render_by_outlet(view),
            "Fact matrix": lambda: render_matrix(view),
            "Quotes across outlets": lambda: render_quotes(view),
            "Numbers": lambda: render_numbers(view),
            "Every fact": lambda: render_every_fact(view),
        },
    )


render_coverage(
    start_page(
        "Coverage",
        "What each outlet put in and left out: sentences of different outlets that report "
        "the same thing are one fact, found by their shared words, names and numbers "
        "(translations and paraphrases too, when they share enough of them).",
    )
)
