"""Slant: `streamlit run app.py`. Page config, the sidebar every page shares, navigation."""

import streamlit as st

from ui.sidebar import render_sidebar

# Emoji icons only: a :material/...: icon would become a favicon fetched from a CDN.
st.set_page_config(page_title="Slant: news framing", page_icon="⚖️", layout="wide")

PAGES = [
    st.Page("ui/views/overview.py", title="Overview", icon="📊", default=True),
    st.Page("ui/views/labels.py", title="Labels", icon="🏷️"),
    st.Page("ui/views/terms.py", title="Loaded terms", icon="💬"),
    st.Page("ui/views/side_by_side.py", title="Side by side", icon="📰"),
    st.Page("ui/views/sentiment.py", title="Sentiment", icon="🙂"),
    st.Page("ui/views/readability.py", title="Readability", icon="📖"),
    st.Page("ui/views/distinctive.py", title="Distinctive words", icon="🔑"),
    st.Page("ui/views/corpus.py", title="Corpus", icon="🗂️"),
    st.Page("ui/views/lexicon.py", title="Lexicon", icon="📝"),
    st.Page("ui/views/methods.py", title="Methods", icon="🔬"),
]

page = st.navigation(PAGES)
# Rendered here, before the page, so that its widgets keep their state across pages.
render_sidebar()
page.run()
