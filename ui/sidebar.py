"""The sidebar: story picker and "New story", outlet filter, adding articles, saving.

``render_sidebar`` runs before every page (app.py calls it) and returns a plain Selection.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import streamlit as st

from framing.io import (
    BULK_SUFFIXES,
    FORMATS,
    SUPPORTED_SUFFIXES,
    LoadError,
    describe_load,
    list_story_folders,
    load_story_bytes,
    save_story,
)
from framing.lexicon import LexiconError, find_lexicon_file
from framing.metadata import is_outlet_missing
from framing.models import Article, LoadProblem, Story
from framing.text import slugify
from ui import drafts, loaders, state
from ui.fetch import FetchError, fetch_html

UPLOAD_HELP = "\n".join(f"- {f.name} ({', '.join(f.suffixes)}): {f.holds}" for f in FORMATS)
ARTICLES_PAGE = "ui/views/articles.py"


def _story_folders() -> list[str]:
    roots = [state.SAMPLE_ROOT, state.stories_dir()]
    seen: dict[Path, None] = {}
    for root in roots:
        if root.is_dir():
            seen.update(dict.fromkeys(p.resolve() for p in list_story_folders(root)))
    return [str(p) for p in seen] + list(state.opened_stories())


def _story_label(key: str) -> str:
    """The picker's label of a story. It never changes while the story is open (a new
    title, a first edit): Streamlit would take a changed label for a new widget and drop
    the choice."""
    if state.is_new(key):
        return f"New story {key.removeprefix(state.NEW_PREFIX)} (not saved)"
    if key in state.opened_stories():
        return f"Corpus: {state.opened_stories()[key].title}"
    path = Path(key)
    saved = state.stories_dir().resolve()
    suffix = " (saved)" if path.parent == saved and saved != state.SAMPLE_ROOT.resolve() else ""
    if state.is_sample(key):
        suffix = " (sample)"
    return path.name + suffix


def _pick_story() -> str:
    keys = _story_folders() + [k for k in state.drafts() if state.is_new(k)]
    st.button(
        "New story",
        key=state.NEW_STORY,
        on_click=drafts.new_draft,
        icon=":material/add:",
        help="An empty story of your own: add articles to it, then save it.",
    )
    if not keys:
        st.error(f"No story folder found in {state.SAMPLE_ROOT} or {state.stories_dir()}.")
        st.stop()
    if st.session_state.get(state.STORY) not in keys:
        # A link can name the story to open: ?story=<folder name>.
        wanted = st.query_params.get("story", state.SAMPLE_SLUG)
        named = [f for f in keys if Path(f).name == wanted]
        sample = [f for f in keys if Path(f).name == state.SAMPLE_SLUG]
        st.session_state[state.STORY] = (named or sample or keys)[0]
    # Labels made now: AppTest (and Streamlit) may call format_func outside this run.
    labels = {key: _story_label(key) for key in keys}
    chosen = st.selectbox("Story", keys, format_func=labels.__getitem__, key=state.STORY)
    draft = state.drafts().get(chosen)
    if draft is not None:
        st.caption(f"“{draft.title}”: changes not saved yet")
    return chosen


def _take_uploads(key: str, widget: str) -> None:
    """Move the uploaded files' articles into the story, then empty the uploader."""
    added: list[Article] = []
    for file in st.session_state.get(widget) or []:
        try:
            uploaded = loaders.load_upload(file.name, file.getvalue())
        except LoadError as error:
            state.notify("error", str(error))
            continue
        added.extend(uploaded.articles)
        # How many rows (files) were read, skipped and made into articles, and why.
        unit = "row" if Path(file.name).suffix.lower() in BULK_SUFFIXES else "file"
        summary = describe_load(file.name, len(uploaded.articles), uploaded.skipped, unit)
        if uploaded.skipped:
            state.notify("warning", f"{summary}\n\n{_problem_list(uploaded.skipped)}")
        else:
            state.notify("caption", summary)
    if added:
        added = drafts.add_articles(key, added)
        state.notify("success", f"Added {_count(len(added), 'article')}: " + _titles(added))
    st.session_state[state.UPLOAD_VERSION] = st.session_state.get(state.UPLOAD_VERSION, 0) + 1


def _problem_list(problems: tuple[LoadProblem, ...] | list[LoadProblem], shown: int = 5) -> str:
    lines = [f"- {'skipped' if p.skipped else 'note'}: {p}" for p in problems[:shown]]
    if len(problems) > shown:
        lines.append(f"- … and {len(problems) - shown} more")
    return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _titles(articles: list[Article], most: int = 5) -> str:
    shown = ", ".join(f"“{a.title or a.id}”" for a in articles[:most])
    return shown + (f" and {len(articles) - most} more" if len(articles) > most else "")


def _front_matter_article(name: str, text: str, **fields: str) -> Article:
    """One article built through the same reader as uploads (so it is cleaned the same)."""
    header = "".join(f"{k}: {v.strip()}\n" for k, v in fields.items() if v and v.strip())
    return load_story_bytes(name, f"---\n{header}---\n{text}".encode()).articles[0]


def _add_pasted(key: str) -> None:
    text = st.session_state.get(state.PASTE_TEXT, "")
    if not text.strip():
        state.notify("error", "Paste the article text first.")
        return
    outlet = st.session_state.get(state.PASTE_OUTLET, "").strip()
    title = st.session_state.get(state.PASTE_TITLE, "").strip()
    number = len(drafts.story_of(key).articles) + 1
    try:
        article = _front_matter_article(f"pasted-{number}.md", text, outlet=outlet, title=title)
    except LoadError as error:
        state.notify("error", str(error))
        return
    (article,) = drafts.add_articles(key, [article])
    for widget in (state.PASTE_TEXT, state.PASTE_TITLE):
        st.session_state[widget] = ""
    state.notify("success", f"Added “{article.title or article.id}”.")


def _add_fetched(key: str) -> None:
    url = st.session_state.get(state.FETCH_URL, "").strip()
    try:
        html = fetch_html(url)
        host = re.sub(r"[^\w.-]", "_", url.split("//", 1)[-1].split("/", 1)[0])
        story = load_story_bytes(f"{host}.html", html.encode("utf-8"))
    except (FetchError, LoadError) as error:
        state.notify("error", f"{url}: {error}")
        return
    article = story.articles[0]
    (article,) = drafts.add_articles(key, [replace(article, url=article.url or url)])
    st.session_state[state.FETCH_URL] = ""
    state.notify("success", f"Added “{article.title or article.id}”.")


def _render_add_articles(key: str) -> None:
    if not drafts.editable(key):
        st.caption("The sample story stays as it is: press **New story** to add your own articles.")
        return
    empty = not drafts.story_of(key).articles
    with st.expander("Add articles", expanded=empty):
        widget = f"{state.UPLOAD}:{key}:{st.session_state.get(state.UPLOAD_VERSION, 0)}"
        st.file_uploader(
            "Upload articles",
            type=list(SUPPORTED_SUFFIXES),
            accept_multiple_files=True,
            key=widget,
            on_change=_take_uploads,
            args=(key, widget),
            help=UPLOAD_HELP,
        )
        st.text_area("…or paste an article", key=state.PASTE_TEXT, height=120)
        left, right = st.columns(2)
        left.text_input("Outlet", key=state.PASTE_OUTLET)
        right.text_input("Title", key=state.PASTE_TITLE)
        st.button("Add pasted text", key=state.PASTE_ADD, on_click=_add_pasted, args=(key,))
        st.text_input("…or fetch a web page (needs a network)", key=state.FETCH_URL)
        st.button("Fetch", key=state.FETCH_GO, on_click=_add_fetched, args=(key,))


def _remember_hidden(widget: str, key: str, outlets: tuple[str, ...]) -> None:
    shown = set(st.session_state[widget])
    hidden = state.hidden_outlets(key)
    hidden.difference_update(outlets)
    hidden.update(o for o in outlets if o not in shown)


def _pick_outlets(key: str, outlets: tuple[str, ...]) -> tuple[str, ...]:
    # The widget key carries the outlet list: when an added article brings a new outlet, a
    # fresh widget starts from "everything not hidden" instead of keeping the stale choice.
    widget = f"{state.OUTLETS}:{key}:{loaders.content_key(outlets)[:12]}"
    hidden = state.hidden_outlets(key)
    chosen = st.multiselect(
        "Outlets shown",
        outlets,
        default=[o for o in outlets if o not in hidden],
        key=widget,
        on_change=_remember_hidden,
        args=(widget, key, outlets),
        help="Filters every page. The analysis itself always covers all outlets "
        "(distinctive words compare each outlet with all the others).",
    )
    if not chosen:
        st.caption("No outlet chosen: showing all.")
    return tuple(o for o in outlets if o in chosen) or outlets


def _render_missing(key: str, story: Story) -> None:
    """Articles without an outlet, said where the user cannot miss it."""
    source = state.drafts()[key].articles if key in state.drafts() else story.articles
    missing = [a for a in source if is_outlet_missing(a)]
    if missing:
        st.warning(
            f"**{_count(len(missing), 'article')} without an outlet**: "
            + _titles(missing, 3)
            + ". Each is shown as an outlet of its own (“unknown (…)”) until you set it in "
            "the articles table."
        )
        st.page_link(
            ARTICLES_PAGE, label="Set outlets in the articles table", icon=":material/edit:"
        )


def _own_lexicon_files(story: Story, target: Path) -> list[Path]:
    """The lexicon files kept in the story's own folder, which travel with it when it is
    saved somewhere else (shipped ones need not)."""
    if not story.folder or Path(story.folder).resolve() == target:
        return []
    own = Path(story.folder).resolve()
    files = [find_lexicon_file(name, [story.folder]) for name in story.lexicons]
    return [path for path in files if path.resolve().parent == own]


def _write_story(key: str, target: Path) -> None:
    story = drafts.story_to_save(key)
    try:
        # The lexicons are written with the story, in the same atomic update.
        copies = _own_lexicon_files(story, target)
        saved = save_story(replace(story, slug=target.name), target, copies)
    except (LoadError, LexiconError, OSError) as error:
        state.notify("error", f"Could not save to {target}: {error}")
        return
    st.session_state.pop(state.PENDING_SAVE, None)
    drafts.forget(key)
    st.session_state[state.STORY] = str(Path(saved).resolve())
    state.notify("success", f"Saved {_count(len(story.articles), 'article')} to {saved}.")


def _default_name(key: str) -> str:
    """A new story's folder name comes from its title; a saved story keeps its folder's."""
    if state.is_new(key):
        return slugify(state.drafts()[key].title)
    return Path(key).name


def _save_widget(key: str) -> str:
    # Keyed on the suggested name: it follows the story's title.
    return f"{state.SAVE_NAME}:{key}:{_default_name(key)}"


def _save(key: str) -> None:
    slug = slugify(st.session_state.get(_save_widget(key), ""))
    if not slug:
        state.notify("error", "Give the story a folder name made of letters or digits.")
        return
    target = (state.stories_dir() / slug).resolve()
    if target.exists():
        st.session_state[state.PENDING_SAVE] = str(target)
        return
    _write_story(key, target)


def _confirm_save(key: str) -> None:
    _write_story(key, Path(st.session_state[state.PENDING_SAVE]))


def _cancel_save() -> None:
    st.session_state.pop(state.PENDING_SAVE, None)


def _render_save(key: str) -> None:
    if not drafts.editable(key):
        return
    draft = state.drafts().get(key)
    articles = len(draft.articles) if draft else len(drafts.story_of(key).articles)
    with st.expander("Save story", expanded=state.is_new(key) and articles > 0):
        st.caption(
            f"Writes its {_count(articles, 'article')}, its title, description and lexicons "
            "to a folder, found again after a restart."
        )
        st.text_input(
            "Folder name",
            value=_default_name(key),
            key=_save_widget(key),
            help=str(state.stories_dir()),
        )
        st.button("Save story", key=state.SAVE_GO, on_click=_save, args=(key,), type="primary")
        pending = st.session_state.get(state.PENDING_SAVE)
        if pending:
            st.warning(
                f"{pending} already exists. Overwrite? Its story.json and the files of its "
                "articles are replaced; other files in the folder stay."
            )
            left, right = st.columns(2)
            left.button("Overwrite", key=state.SAVE_CONFIRM, on_click=_confirm_save, args=(key,))
            right.button("Cancel", key=state.SAVE_CANCEL, on_click=_cancel_save)


def _show_notices() -> None:
    for kind, message in st.session_state.pop(state.NOTICE, []):
        show = {"success": st.success, "warning": st.warning, "caption": st.caption}
        show.get(kind, st.error)(message)


def render_sidebar() -> state.Selection:
    """Draw the sidebar and return what it selects (also kept in session state)."""
    with st.sidebar:
        key = _pick_story()
        try:
            story = drafts.story_of(key)
        except LoadError as error:
            st.error(str(error))
            st.stop()
        outlet_box = st.container()
        _show_notices()
        _render_add_articles(key)
        if story.skipped:
            summary = describe_load(Path(key).name, len(story.articles), story.skipped, "input")
            st.warning(f"{summary}\n\n{_problem_list(story.skipped)}")
        _render_missing(key, story)
        all_outlets = tuple(sorted({a.outlet for a in story.articles}))
        with outlet_box:
            shown = _pick_outlets(key, all_outlets) if all_outlets else ()
        _render_save(key)
    selection = state.Selection(story=story, outlets=shown, all_outlets=all_outlets, key=key)
    state.set_selection(selection)
    return selection
