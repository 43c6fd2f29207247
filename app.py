"""Slant: `streamlit run app.py`. Page config, the sidebar every page shares, navigation."""

from pathlib import Path

import streamlit as st

from ui.sidebar import render_sidebar

# The favicon is a file the server sends: an emoji would need an emoji font to draw and a
# :material/...: favicon is fetched from a font CDN. Page icons are Material icons, whose
# font ships with Streamlit, so they draw offline without any font installed.
FAVICON = Path(__file__).resolve().parent / "ui" / "static" / "favicon.png"
st.set_page_config(page_title="Slant: news framing", page_icon=str(FAVICON), layout="wide")

PAGES = [
    st.Page("ui/views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("ui/views/articles.py", title="Articles", icon=":material/article:"),
    st.Page("ui/views/labels.py", title="Labels", icon=":material/label:"),
    st.Page("ui/views/terms.py", title="Loaded terms", icon=":material/format_quote:"),
    st.Page("ui/views/side_by_side.py", title="Side by side", icon=":material/view_column:"),
    st.Page("ui/views/coverage.py", title="Coverage", icon=":material/fact_check:"),
    st.Page("ui/views/sentiment.py", title="Sentiment", icon=":material/mood:"),
    st.Page("ui/views/readability.py", title="Readability", icon=":material/menu_book:"),
    st.Page("ui/views/distinctive.py", title="Distinctive words", icon=":material/key:"),
    st.Page("ui/views/corpus.py", title="Corpus", icon=":material/folder_open:"),
    st.Page("ui/views/lexicon.py", title="Lexicon", icon=":material/edit_note:"),
    st.Page("ui/views/methods.py", title="Methods", icon=":material/science:"),
]

page = st.navigation(PAGES)
# Rendered here, before the page, so that its widgets keep their state across pages.
render_sidebar()
page.run()
