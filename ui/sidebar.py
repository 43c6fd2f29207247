"""The sidebar: story picker, outlet filter, adding articles, saving the story.

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
    UNKNOWN_OUTLET,
    LoadError,
    add_articles,
    describe_load,
    list_story_folders,
    load_story_bytes,
    save_story,
)
from framing.lexicon import LexiconError, find_lexicon_file
from framing.models import Article, LoadProblem, Story
from framing.text import slugify
from ui import loaders, state
from ui.fetch import FetchError, fetch_html

UPLOAD_HELP = "\n".join(f"- {f.name} ({', '.join(f.suffixes)}): {f.holds}" for f in FORMATS)


def _story_folders() -> list[str]:
    roots = [state.SAMPLE_ROOT, state.stories_dir()]
    seen: dict[Path, None] = {}
    for root in roots:
        if root.is_dir():
            seen.update(dict.fromkeys(p.resolve() for p in list_story_folders(root)))
    return [str(p) for p in seen] + list(state.opened_stories())


def _story_label(folder: str) -> str:
    if folder in state.opened_stories():
        return f"Corpus: {state.opened_stories()[folder].title}"
    path = Path(folder)
    saved = state.stories_dir().resolve()
    suffix = " (saved)" if path.parent == saved and saved != state.SAMPLE_ROOT.resolve() else ""
    return path.name + suffix


def _pick_story() -> str:
    folders = _story_folders()
    if not folders:
        st.error(f"No story folder found in {state.SAMPLE_ROOT} or {state.stories_dir()}.")
        st.stop()
    if st.session_state.get(state.STORY) not in folders:
        # A link can name the story to open: ?story=<folder name>.
        wanted = st.query_params.get("story", state.SAMPLE_SLUG)
        named = [f for f in folders if Path(f).name == wanted]
        sample = [f for f in folders if Path(f).name == state.SAMPLE_SLUG]
        st.session_state[state.STORY] = (named or sample or folders)[0]
    return st.selectbox("Story", folders, format_func=_story_label, key=state.STORY)


def _problem_list(problems: tuple[LoadProblem, ...] | list[LoadProblem], shown: int = 5) -> str:
    lines = [f"- {'skipped' if p.skipped else 'note'}: {p}" for p in problems[:shown]]
    if len(problems) > shown:
        lines.append(f"- … and {len(problems) - shown} more")
    return "\n".join(lines)


def _show_load(name: str, story: Story, unit: str) -> None:
    """How many rows (files) of ``name`` were read, skipped and made into articles, with
    the problems; a warning when something was skipped or noted."""
    summary = describe_load(name, len(story.articles), story.skipped, unit)
    if story.skipped:
        st.warning(f"{summary}\n\n{_problem_list(story.skipped)}")
    else:
        st.caption(summary)


def _read_uploads(folder: str) -> list[Article]:
    files = st.file_uploader(
        "Upload articles",
        type=list(SUPPORTED_SUFFIXES),
        accept_multiple_files=True,
        key=f"{state.UPLOAD}:{folder}",
        help=UPLOAD_HELP,
    )
    articles: list[Article] = []
    for file in files or []:
        try:
            uploaded = loaders.load_upload(file.name, file.getvalue())
        except LoadError as error:
            st.error(str(error))
            continue
        articles.extend(uploaded.articles)
        bulk = Path(file.name).suffix.lower() in BULK_SUFFIXES
        _show_load(file.name, uploaded, "row" if bulk else "file")
    return articles


def _front_matter_article(name: str, text: str, **fields: str) -> Article:
    """One article built through the same reader as uploads (so it is cleaned the same)."""
    header = "".join(f"{k}: {v.strip()}\n" for k, v in fields.items() if v and v.strip())
    return load_story_bytes(name, f"---\n{header}---\n{text}".encode()).articles[0]


def _notify(kind: str, message: str) -> None:
    st.session_state[state.NOTICE] = (kind, message)


def _add_pasted(folder: str) -> None:
    text = st.session_state.get(state.PASTE_TEXT, "")
    if not text.strip():
        _notify("error", "Paste the article text first.")
        return
    outlet = st.session_state.get(state.PASTE_OUTLET, "").strip() or "pasted"
    title = st.session_state.get(state.PASTE_TITLE, "").strip()
    added = state.added_articles(folder)
    try:
        article = _front_matter_article(
            f"pasted-{len(added) + 1}.md", text, outlet=outlet, title=title
        )
    except LoadError as error:
        _notify("error", str(error))
        return
    added.append(article)
    for key in (state.PASTE_TEXT, state.PASTE_TITLE):
        st.session_state[key] = ""
    _notify("success", f"Added “{article.title or article.id}” ({article.outlet}).")


def _add_fetched(folder: str) -> None:
    url = st.session_state.get(state.FETCH_URL, "").strip()
    try:
        html = fetch_html(url)
        host = re.sub(r"[^\w.-]", "_", url.split("//", 1)[-1].split("/", 1)[0])
        story = load_story_bytes(f"{host}.html", html.encode("utf-8"))
    except (FetchError, LoadError) as error:
        _notify("error", f"{url}: {error}")
        return
    article = story.articles[0]
    outlet = article.outlet if article.outlet != UNKNOWN_OUTLET else host
    state.added_articles(folder).append(replace(article, url=article.url or url, outlet=outlet))
    st.session_state[state.FETCH_URL] = ""
    _notify("success", f"Added “{article.title or article.id}” ({article.outlet}).")


def _render_add_articles(folder: str) -> list[Article]:
    with st.expander("Add articles"):
        uploads = _read_uploads(folder)
        st.text_area("…or paste an article", key=state.PASTE_TEXT, height=120)
        left, right = st.columns(2)
        left.text_input("Outlet", key=state.PASTE_OUTLET)
        right.text_input("Title", key=state.PASTE_TITLE)
        st.button("Add pasted text", key=state.PASTE_ADD, on_click=_add_pasted, args=(folder,))
        st.text_input("…or fetch a web page (needs a network)", key=state.FETCH_URL)
        st.button("Fetch", key=state.FETCH_GO, on_click=_add_fetched, args=(folder,))
    return uploads


def _remember_hidden(key: str, folder: str, outlets: tuple[str, ...]) -> None:
    shown = set(st.session_state[key])
    hidden = state.hidden_outlets(folder)
    hidden.difference_update(outlets)
    hidden.update(o for o in outlets if o not in shown)


def _pick_outlets(folder: str, outlets: tuple[str, ...]) -> tuple[str, ...]:
    # The key carries the outlet list: when an added article brings a new outlet, a fresh
    # widget starts from "everything not hidden" instead of keeping the stale choice.
    key = f"{state.OUTLETS}:{folder}:{loaders.content_key(outlets)[:12]}"
    hidden = state.hidden_outlets(folder)
    chosen = st.multiselect(
        "Outlets shown",
        outlets,
        default=[o for o in outlets if o not in hidden],
        key=key,
        on_change=_remember_hidden,
        args=(key, folder, outlets),
        help="Filters every page. The analysis itself always covers all outlets "
        "(distinctive words compare each outlet with all the others).",
    )
    if not chosen:
        st.caption("No outlet chosen: showing all.")
    return tuple(o for o in outlets if o in chosen) or outlets


def _own_lexicon_files(story: Story, target: Path) -> list[Path]:
    """The lexicon files kept in the story's own folder, which travel with it when it is
    saved somewhere else (shipped ones need not)."""
    if not story.folder or Path(story.folder).resolve() == target:
        return []
    own = Path(story.folder).resolve()
    files = [find_lexicon_file(name, [story.folder]) for name in story.lexicons]
    return [path for path in files if path.resolve().parent == own]


def _write_story(story: Story, target: Path) -> None:
    try:
        # The lexicons are written with the story, in the same atomic update.
        copies = _own_lexicon_files(story, target)
        saved = save_story(replace(story, slug=target.name), target, copies)
    except (LoadError, LexiconError, OSError) as error:
        _notify("error", f"Could not save to {target}: {error}")
        return
    st.session_state.pop(state.PENDING_SAVE, None)
    st.session_state[state.STORY] = str(Path(saved).resolve())
    _notify("success", f"Saved {len(story.articles)} articles to {saved}.")


def _save(story: Story) -> None:
    slug = slugify(st.session_state.get(state.SAVE_NAME, "") or story.slug)
    if not slug:
        _notify("error", "Give the story a name made of letters or digits.")
        return
    target = (state.stories_dir() / slug).resolve()
    if target.exists():
        st.session_state[state.PENDING_SAVE] = str(target)
        return
    _write_story(story, target)


def _confirm_save(story: Story) -> None:
    _write_story(story, Path(st.session_state[state.PENDING_SAVE]))


def _cancel_save() -> None:
    st.session_state.pop(state.PENDING_SAVE, None)


def _render_save(story: Story) -> None:
    with st.expander("Save story"):
        st.text_input(
            "Folder name", value=story.slug, key=state.SAVE_NAME, help=str(state.stories_dir())
        )
        st.button("Save story", key=state.SAVE_GO, on_click=_save, args=(story,))
        pending = st.session_state.get(state.PENDING_SAVE)
        if pending:
            st.warning(
                f"{pending} already exists. Overwrite? Its story.json and the files of this "
                "story's articles are replaced; other files in the folder stay."
            )
            left, right = st.columns(2)
            left.button("Overwrite", key=state.SAVE_CONFIRM, on_click=_confirm_save, args=(story,))
            right.button("Cancel", key=state.SAVE_CANCEL, on_click=_cancel_save)


def _show_notice() -> None:
    notice = st.session_state.pop(state.NOTICE, None)
    if notice:
        kind, message = notice
        (st.success if kind == "success" else st.error)(message)


def render_sidebar() -> state.Selection:
    """Draw the sidebar and return what it selects (also kept in session state)."""
    with st.sidebar:
        folder = _pick_story()
        try:
            opened = state.opened_stories().get(folder)
            base = opened or loaders.load_story_folder(folder)
        except LoadError as error:
            st.error(str(error))
            st.stop()
        outlet_box = st.container()
        uploads = _render_add_articles(folder)
        # The article limit holds for the story with everything added to it at once.
        story = add_articles(base, uploads + state.added_articles(folder), "the articles added")
        _show_notice()
        if story.skipped:
            _show_load(Path(folder).name, story, "input")
        all_outlets = tuple(sorted({a.outlet for a in story.articles}))
        with outlet_box:
            shown = _pick_outlets(folder, all_outlets)
        _render_save(story)
    selection = state.Selection(story=story, outlets=shown, all_outlets=all_outlets)
    state.set_selection(selection)
    return selection
