"""Methods: every score in plain words, its formula, its limits; the cleaning applied."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from framing.columns import format_columns_markdown
from ui.page import View, render_table, start_page

MAX_EXPANDERS = 30  # one per article; past this the page gets slow and long
EVALUATION = Path(__file__).resolve().parents[2] / "docs" / "evaluation.md"

METHODS = [
    (
        "Loaded-term density",
        "How often an outlet uses loaded words: name-calling (“warlord”), loaded verbs "
        "(“slammed”), distancing markers (“so-called”, “claimed”, a single word in scare "
        "quotes), story labels whose valence is not neutral, and evaluative words that "
        "general rules find on the sentence's grammar with two general word lists (VADER's "
        "and a subjectivity lexicon of adjectives): “a stupid plan”, “utterly dishonest”, "
        "“he is an idiot”. Hedges (“reportedly”) are listed but not counted. Hits in the "
        "outlet's own voice and inside quotes are counted apart, because quoting a loaded "
        "word is not the same as using it. Every hit says why on hover and in the Terms "
        "table: the lexicon entry or rule that found it, its category, target and voice.",
        r"\text{own voice per 100 words} = 100 \cdot \frac{\text{hits outside quotes}}"
        r"{\text{words outside quotes}}",
        "A listed word in a neutral sense is listed but not counted when the grammar shows "
        "it (“asylum claims”, “the sanctions regime”, “the terrorist attacks of Sept. 11”, "
        "“illegal crossings”, “a fear of persecution”); other literal uses are still "
        "counted, and idioms (“whipped himself into a fury”) and words neither list has are "
        "missed. On annotated news (BABE, PTC; held-out halves) about 4 in 10 (BABE) and 1 "
        "in 4 (PTC) of its words are ones annotators marked, and it finds a fifth to a "
        "third of theirs; checked by hand on unseen news, 18 of 19 hits were loaded in "
        "context and about half of the loaded words a reader sees were found. Your lexicon "
        "wins: its rows override every rule, and a row of category “neutral” switches a "
        "word off. Per-outlet values are the mean over its articles, with a 90% bootstrap "
        "interval (resampling the outlet's articles, or the sentences of its only "
        "article); where the outlets' intervals overlap, the dashboard says “no clear "
        "difference” instead of ranking them.",
    ),
    (
        "Labels and actor framing",
        "The descriptors attached to each actor (“Field Marshal”, “rebel leader”, “a vocal "
        "critic of the mayor”, what a verb calls someone: “described him as a liar”; “the "
        "two leaders” for each of the two people just named; “the billionaire” only when "
        "the text names exactly one person just before it) and the "
        "valence the story lexicon gives them toward that actor, from −2 (strongly "
        "unfavourable) to +2 (strongly favourable). Actor framing is the mean valence of the "
        "labels and loaded terms aimed at the actor in the outlet's own voice.",
        r"\text{framing}(\text{outlet}, \text{actor}) = \frac{\sum \text{valence of hits}}"
        r"{\text{number of hits}}",
        "Valences are judgements written in the lexicon with a note saying why; edit them on "
        "the Lexicon page. Labels found by pattern but not in the lexicon are shown with “?” "
        "and do not count until they get a valence. Which actor a term aims at comes from the "
        "sentence's grammar (the name a word modifies, the doer of a loaded act, the one a "
        "verb of blame or praise is aimed at, the subject of “is a …”, whom “his” or “the "
        "governor” stands for), else from proximity; checked by hand on news the rules were "
        "not written from it is right about two times in three.",
    ),
    (
        "Camp tilt",
        "When the story lexicon puts actors in camps (sides), the mean own-voice valence "
        "toward the first camp minus the mean toward the second.",
        r"\text{tilt} = \overline{v}_{\text{camp A}} - \overline{v}_{\text{camp B}}",
        "Empty when the lexicon has fewer than two camps or nothing is aimed at either side.",
    ),
    (
        "Voices",
        "Who is quoted: quotes are found from quotation marks, attributed to a speaker from "
        "the words around them (“said Haftar”), and measured in words.",
        r"\text{share}(\text{speaker}) = \frac{\text{quoted words of the speaker}}"
        r"{\text{all quoted words}}",
        "Indirect speech (“Haftar said that …”) is not a quote. Unclosed or nested quotes and "
        "pronoun speakers (“he said”) are attributed by heuristics, or left unattributed.",
    ),
    (
        "Coverage: what each outlet put in and left out",
        "Every sentence of every article becomes a set of features: its content words, "
        "stemmed (“negotiations” and “negotiated” meet), its names by their consonants "
        "(“Haftar”, “Hafter” and “Hifter” are one name, as transliterations often are), its "
        "numbers and the actors it mentions. Each feature weighs more the fewer sentences of "
        "the story and of ordinary English use it. Sentences of different articles that are "
        "alike (cosine of their weighted features) are grouped into facts by average "
        "linkage: a group joins another only while its sentences are alike on average. An "
        "outlet leaves a fact out when it does not report it and more than half of the other "
        "outlets do (both others in a story of three). Sentences that repeat another outlet's "
        "own words (outside quotation marks) are marked as wire copy and count as one report. "
        "The same statement across outlets is found the same way among the quotations and "
        "reported speech, then compared word by word: verbatim, shortened, worded "
        "differently (another translation or an inexact quote), paraphrased, or attributed "
        "to someone else.",
        r"\text{sim}(s, t) = \frac{\sum_{f \in s \cap t} w_f^2}{\sqrt{\sum_{f \in s} w_f^2}"
        r"\sqrt{\sum_{f \in t} w_f^2}},\quad w_f = \ln\frac{N + B}{df_f + B\,p_f + 1}",
        "It matches words, not meaning: a paraphrase that shares few words or only names "
        "with its partner is missed (10 of 20 hand-aligned paraphrase pairs are found; word "
        "overlap finds 7), and two sentences about the same people doing different things "
        "can be grouped. A story with few shared facts says so instead of ranking outlets. "
        "Numbers are compared when the parse says what they count (“1,000 people” killed).",
    ),
    (
        "Sentiment",
        "VADER (Hutto & Gilbert 2014) scores each sentence's wording from −1 (very negative) "
        "to +1 (very positive). An article's sentiment is the mean over its sentences; a "
        "sentence is negative at ≤ −0.05 and positive at ≥ +0.05. Toward an actor: VADER on "
        "the clause (or the quotation) that names the actor, moved by 0.25 × the valence of "
        "each loaded term aimed at it, clipped to −1 … +1 — better than the whole sentence "
        "against human judgements (see How well it works).",
        r"\text{sentiment} = \frac{1}{n}\sum_{i=1}^{n} \text{compound}(s_i)",
        "VADER was built for social-media English; it reads tone, not stance (“the ceasefire "
        "collapsed” is negative whoever is blamed) and includes quoted words. Scoring whole "
        "documents saturates toward ±1, so it is done per sentence.",
    ),
    (
        "Readability",
        "Standard indices from sentence length and word length (syllables or letters): "
        "Flesch reading ease (higher = easier), and grade levels: Flesch-Kincaid, Gunning "
        "fog, SMOG, Coleman-Liau, automated readability index; plus the Dale-Chall score "
        "(share of words outside a list of familiar words). Computed offline with textstat "
        "and the CMU pronouncing dictionary, on the cleaned text.",
        r"\text{FK grade} = 0.39\,\frac{\text{words}}{\text{sentences}} + 11.8\,"
        r"\frac{\text{syllables}}{\text{words}} - 15.59",
        "Formulas made for school texts; names, numbers and translated prose skew them, and "
        "short articles give noisy values. Compare outlets, not absolute grades.",
    ),
    (
        "Distinctive words",
        "Each outlet's word counts against all the other outlets' counts, as a log-odds ratio "
        "with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), divided by its "
        "standard error. The prior mixes the word's share of the whole story with its "
        "frequency in general English (wordfreq's word list, weighted 30 times the outlet's "
        "own words), so that words common in any text (“would”, “said”) need a large "
        "difference to stand out, while the story's own words keep their plain log-odds. "
        "|z| > 1.96 is marked as significant.",
        r"z_w = \frac{\delta_w}{\sqrt{\sigma^2(\delta_w)}},\quad \delta_w = \log\frac{y_w+"
        r"\alpha_w}{n+\alpha_0-y_w-\alpha_w} - \log\frac{y'_w+\alpha'_w}{n'+\alpha'_0-y'_w-"
        r"\alpha'_w},\quad \alpha_w = n\,(p_w + 30\,b_w)",
        "With few articles per outlet, one article's topic drives the list; words are not "
        "stemmed; 5% significance over thousands of words still flags some by chance.",
    ),
]


def render_evaluation() -> None:
    """The current evaluation table from docs/evaluation.md (the data sets are not shipped,
    so the numbers are the recorded ones, with the command that made them)."""
    st.subheader("How well it works")
    text = EVALUATION.read_text(encoding="utf-8") if EVALUATION.exists() else ""
    section = re.search(r"^### Now.*?\n(.*?)(?=^## )", text, re.S | re.M)
    if section is None:
        st.caption("No evaluation recorded in docs/evaluation.md.")
        return
    st.markdown(
        "Measured against public data sets that people annotated (BABE and PTC for loaded "
        "words, NewsMTSC for sentiment toward a person, NewsWCL50 for how outlets name "
        "actors and for what an outlet leaves out, AllSides roundups for same-event stories, "
        "PolNeAR for who said what), each "
        "beside a simple baseline from the same run. Details and limits: docs/evaluation.md."
    )
    st.markdown(evaluation_table(section.group(1)))
    st.caption(
        "LL, L, M, R, RR: the political leaning NewsWCL50 gives each outlet of its stories, "
        "from far left (LL) through left (L), centre (M) and right (R) to far right (RR); "
        "the rows measure the labels of each group of outlets apart."
    )


def evaluation_table(section: str) -> str:
    """Only the table of a recorded evaluation: the command that made it and the notes
    on what changed since the last one are for developers (docs/evaluation.md keeps them)."""
    rows = [line for line in section.splitlines() if line.lstrip().startswith("|")]
    # Several recorded tables become one: the header and its rule only once.
    return "\n".join(line for i, line in enumerate(rows) if i < 2 or line not in rows[:2])


def render_methods(view: View) -> None:
    for title, plain, formula, limits in METHODS:
        st.subheader(title)
        st.markdown(plain)
        st.latex(formula)
        st.markdown(f"**Limits.** {limits}")
    st.subheader("The numbers of each article")
    st.markdown(
        "Every article gets these (the per-article tables and downloads); an outlet's value "
        "is the mean over its articles."
    )
    st.markdown(format_columns_markdown())
    render_evaluation()
    st.subheader("Cleaning applied to each article")
    st.markdown(
        "Page furniture is not the outlet's journalism: embedded video ids, donation buttons, "
        "comment forms, repeated headlines and the like are removed before any score is "
        "computed. Offsets below point into the raw text."
    )
    cleaning = view.table("cleaning")
    counts = cleaning.groupby("article_id").size()
    articles = [a for a in view.analysis.story.articles if a.outlet in view.outlets]
    if len(articles) > MAX_EXPANDERS:
        st.caption(f"The first {MAX_EXPANDERS} of {len(articles)} articles; the table below "
                   "lists every removal.")  # fmt: skip
    for article in articles[:MAX_EXPANDERS]:
        removed = cleaning[cleaning["article_id"] == article.id]
        count = int(counts.get(article.id, 0))
        with st.expander(
            f"{article.outlet} — {article.title or article.id}: "
            f"{count} removal{'' if count == 1 else 's'}"
        ):
            if article.outlet_note:
                st.caption(f"How the outlet was named: {article.outlet_note}")
            if removed.empty:
                st.caption("Nothing removed.")
            for row in removed.itertuples():
                st.markdown(f"**{row.reason}** (characters {row.start}–{row.end})")
                st.code(row.text, language=None, wrap_lines=True)
    render_table(cleaning, "cleaning", "md_cleaning")


render_methods(
    start_page(
        "Methods",
        "What each number means, how it is computed, and where it goes wrong.",
    )
)
