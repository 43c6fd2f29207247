"""Lexicon: view, filter, edit, upload and download the story's lexicons, and give a
discovered label a valence. Saves are validated first and written atomically; a shipped
lexicon is never changed: its edits go to a copy in the story's folder, which
``load_lexicons`` reads first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from framing.analysis import DEFAULT_LEXICONS
from framing.entities import find_discovered_actors
from framing.lexicon import (
    COLUMNS,
    SHIPPED_DIR,
    LexiconError,
    add_actor,
    add_label,
    decode_lexicon_bytes,
    find_lexicon_file,
    find_lexicon_problems,
    lexicon_to_csv,
    lexicon_to_frame,
    load_lexicon,
    merge_lexicons,
    new_lexicon_text,
    parse_lexicon,
    read_lexicon_text,
    save_lexicon,
)
from framing.models import Story
from ui import drafts, loaders, state
from ui.page import View, render_table, start_page

PROBLEMS = "lexicon_problems"  # {lexicon name: [LexiconError, ...]} of the last failed save
VALENCES = [-2, -1, 0, 1, 2]


def lexicon_names(story: Story) -> list[str]:
    """The lexicons the story is scored with (the generic one when it names none)."""
    return list(story.lexicons or DEFAULT_LEXICONS)


def _target(story: Story, name: str) -> Path:
    """Where edits of lexicon ``name`` are saved: the story folder's copy (searched first)."""
    path = Path(name)
    if path.is_absolute():
        return path
    return Path(story.folder) / (name if path.suffix.lower() == ".csv" else f"{name}.csv")


def _source(story: Story, name: str) -> Path | None:
    try:
        return find_lexicon_file(name, [story.folder])
    except LexiconError:
        return None


def _problems(story: Story, name: str, text: str) -> list[LexiconError]:
    """Problems of ``text`` as lexicon ``name``, including clashes with the story's other
    lexicons (a label naming an actor no lexicon defines, an alias naming two actors)."""
    display = str(_target(story, name))
    problems = find_lexicon_problems(text, display)
    if problems:
        return problems
    lexicons = [parse_lexicon(text, display)]
    for other in lexicon_names(story):
        if other != name:
            try:
                lexicons.append(load_lexicon(other, [story.folder]))
            except LexiconError:
                continue  # its own problems are shown when it is selected
    try:
        merge_lexicons(lexicons)
    except LexiconError as error:
        return list(error.problems or (error,))
    return []


def _save(
    story: Story, name: str, text: str, what: str, on_saved: Callable[[], None] | None = None
) -> None:
    """Validate and save, or keep the problems for display (nothing is written then);
    ``on_saved`` runs after a save."""
    problems = _problems(story, name, text)
    if problems:
        st.session_state.setdefault(PROBLEMS, {})[name] = problems
        return
    target = _target(story, name)
    try:
        save_lexicon(text, target)
    except (LexiconError, OSError) as error:
        st.session_state.setdefault(PROBLEMS, {})[name] = [error]
        return
    st.session_state.setdefault(PROBLEMS, {}).pop(name, None)
    if on_saved is not None:
        on_saved()
    state.notify("success", f"{what}: saved {target}. Scores are updated.")
    st.rerun()


def _render_problems(name: str, where: str) -> None:
    problems = st.session_state.get(PROBLEMS, {}).get(name)
    if not problems:
        return
    st.error(f"Not saved: {len(problems)} problems. Your edits are kept below; fix them and save.")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "row": getattr(p, "row", None),
                    "field": getattr(p, "field", None),
                    "problem": getattr(p, "message", str(p)),
                }
                for p in problems
            ]  # fmt: skip
        ),
        hide_index=True,
        key=f"lx_problems_{where}_{name}",
    )


def _render_view(frame: pd.DataFrame, name: str) -> None:
    a, b = st.columns([1, 2])
    kinds = a.multiselect("Kinds", sorted(frame["kind"].unique()), key=f"lx_kinds_{name}")
    needle = b.text_input("Search text, forms, actor, note", key=f"lx_search_{name}")
    shown = frame[frame["kind"].isin(kinds)] if kinds else frame
    if needle:
        haystack = shown[["text", "forms", "actor", "category", "note"]].agg(" ".join, axis=1)
        shown = shown[haystack.str.contains(needle, case=False, regex=False)]
    st.caption(f"{len(shown)} of {len(frame)} rows. Row numbers are the CSV's line numbers.")
    render_table(shown.reset_index(names="row"), f"lexicon {name}", f"lx_view_{name}")


def _render_edit(story: Story, name: str, text: str, frame: pd.DataFrame) -> None:
    # Keyed on the file's contents: after a failed save the widget keeps what was typed;
    # after a successful one the saved file is shown afresh.
    version = loaders.content_key(text)[:12]
    mode = st.radio("Edit as", ["table", "CSV text"], horizontal=True, key=f"lx_mode_{name}")
    if mode == "table":
        edited = st.data_editor(
            frame,
            num_rows="dynamic",
            key=f"lx_grid_{name}_{version}",
            column_config={"valence": st.column_config.TextColumn("valence", help="-2 .. +2")},
        )
        new_text = lexicon_to_csv(edited)
    else:
        new_text = st.text_area("CSV", value=text, height=400, key=f"lx_text_{name}_{version}")
    _render_problems(name, "edit")
    if st.button("Validate and save", key=f"lx_save_{name}", type="primary"):
        _save(story, name, new_text, f"Lexicon {name}")


def _render_files(story: Story, name: str, text: str) -> None:
    st.download_button(
        f"Download {name}.csv",
        data=text,
        file_name=f"{Path(name).stem}.csv",
        mime="text/csv",
        key=f"lx_download_{name}",
        on_click="ignore",
    )
    upload = st.file_uploader(
        f"Replace {name} with a CSV file (header: {','.join(COLUMNS)})",
        type=["csv"],
        key=f"lx_upload_{name}",
    )
    if upload is not None and st.button("Validate and save the upload", key=f"lx_up_go_{name}"):
        try:
            uploaded = decode_lexicon_bytes(upload.getvalue(), upload.name)
        except LexiconError as error:
            st.session_state.setdefault(PROBLEMS, {})[name] = [error]
        else:
            _save(story, name, uploaded, f"Upload {upload.name}")
    _render_problems(name, "upload")


def _story_lexicon(story: Story, actor: str) -> str | None:
    """The lexicon that defines ``actor`` (labels of an actor belong with it)."""
    for name in reversed(lexicon_names(story)):
        try:
            if any(a.id == actor for a in load_lexicon(name, [story.folder]).actors):
                return name
        except LexiconError:
            continue
    return None


def _discovered_aliases(story: Story, entity: str, name: str) -> tuple[str, ...]:
    """The spellings the story uses for a discovered entity (its name when none is found)."""
    for actor in find_discovered_actors(story.articles, min_mentions=1):
        if actor.id == entity or actor.name == name:
            return actor.aliases
    return (name,)


def _promote(key: str, story: Story, target: str, row: pd.Series, valence: int, note: str) -> None:
    """Add the label (and its actor, when no lexicon defines it) to lexicon ``target``,
    created in the story's folder when it does not exist yet."""
    source = _source(story, target)
    text = read_lexicon_text(source) if source is not None else new_lexicon_text()
    display = str(_target(story, target))
    try:
        if _story_lexicon(story, row["entity"]) is None:
            aliases = _discovered_aliases(story, row["entity"], row["entity_name"])
            text = add_actor(
                text, row["entity"], row["entity_name"], aliases, "found in the story's text",
                display,
            )  # fmt: skip
        text = add_label(text, row["entity"], row["label"], valence, note, display)
    except LexiconError as error:
        st.session_state.setdefault(PROBLEMS, {})[target] = list(error.problems or (error,))
        return
    on_saved = None if target in lexicon_names(story) else (lambda: drafts.use_lexicon(key, target))
    _save(story, target, text, f"Label “{row['label']}”", on_saved)


def _render_promote(view: View) -> None:
    labels = view.analysis.labels
    unknown = labels[~labels["known"].astype(bool)]
    if unknown.empty:
        st.info("Every label found in this story already has a valence in a lexicon.")
        return
    grouped = (
        unknown.groupby(["entity", "entity_name", "label"])
        .agg(count=("start", "size"), outlets=("outlet", lambda o: ", ".join(sorted(set(o)))))
        .reset_index()
        .sort_values("count", ascending=False, kind="stable")
    )
    # Formatted once: a big story has thousands of discovered labels.
    shown = [
        f"“{r.label}” for {r.entity_name} ({r.count}× in {r.outlets})"
        for r in grouped.itertuples(index=False)
    ]
    choice = st.selectbox(
        "Discovered label",
        range(len(grouped)),
        format_func=shown.__getitem__,
        key="lx_promote_label",
    )
    row = grouped.iloc[choice]
    valence = st.select_slider(
        "Valence toward the actor",
        VALENCES,
        value=0,
        format_func=lambda v: f"{v:+d}",
        key="lx_promote_valence",
        help="-2 strongly unfavourable … +2 strongly favourable",
    )
    note = st.text_input("Why (a short note; required)", key="lx_promote_note")
    story, key = view.analysis.story, state.get_selection().key
    target = _story_lexicon(story, row["entity"])
    label = f"Add to lexicon {target}"
    if target is None:
        if not drafts.editable(key):
            st.warning(
                f"No lexicon of this story defines {row['entity_name']}, and the sample "
                "story's lexicons stay as they are. In a story of your own (New story), this "
                "creates the story's lexicon with the actor."
            )
            return
        target = drafts.own_lexicon_name(key)
        created = _source(story, target) is None
        label = f"Add to lexicon {target}"
        st.caption(
            f"{row['entity_name']} is not an actor of any lexicon yet: the label goes to "
            + (f"a new lexicon “{target}” of this story" if created else f"lexicon “{target}”")
            + f", with {row['entity_name']} as an actor (named as the story names it)."
        )
    if st.button(label, key="lx_promote_go", type="primary"):
        _promote(key, story, target, row, valence, note)
    _render_problems(target, "promote")


def render_lexicon(view: View | None) -> None:
    story = state.get_selection().story
    name = st.selectbox("Lexicon", lexicon_names(story), key="lx_name")
    source = _source(story, name)
    if source is None:
        st.error(f"Lexicon {name} was not found in {story.folder} or among the shipped ones.")
        return
    shipped = source.resolve().parent == SHIPPED_DIR
    st.caption(
        f"Read from {source}"
        + (f" (shipped with Slant; your edits are saved as {_target(story, name)})" if shipped
           else " (this story's own copy)")
    )  # fmt: skip
    text = read_lexicon_text(source)
    try:
        frame = lexicon_to_frame(text, str(source))
    except LexiconError as error:
        st.error(str(error))
        frame = pd.DataFrame(columns=COLUMNS)
    frame.index = range(2, len(frame) + 2)  # CSV line numbers, as validation reports them
    view_tab, edit_tab, promote_tab, files_tab = st.tabs(
        ["View", "Edit", "Score a discovered label", "Upload / download"]
    )
    with view_tab:
        _render_view(frame, name)
    with edit_tab:
        _render_edit(story, name, text, frame)
    with promote_tab:
        if view is None:
            st.warning("Labels are found once the story has articles and its lexicons load.")
        else:
            _render_promote(view)
    with files_tab:
        _render_files(story, name, text)


render_lexicon(
    start_page(
        "Lexicon",
        "The word lists every score rests on: loaded terms (with a category and a valence), "
        "actors with their aliases and camps, and labels with a valence toward their actor. "
        "Every row says why in its note.",
        needs_lexicon=False,
    )
)
