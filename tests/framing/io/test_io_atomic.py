"""Nothing is lost when a save dies half-way: save_story, save_lexicon and write_text_atomic
are killed (SIGKILL) at random moments while they rewrite a large file or story over and
over, and what is on disk afterwards is always one whole version, never a mix or a part.

Also the folder guarantee of save_story: saving over a story folder replaces its articles
and manifest in one atomic swap and keeps its other files. SLANT_ATOMIC_KILLS sets the
number of kills per writer (default 30).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from framing.io import (
    LoadError,
    atomic,
    list_story_folders,
    load_story,
    load_story_bytes,
    save_story,
    write_text_atomic,
)
from framing.lexicon import parse_lexicon, save_lexicon
from framing.models import Article, Story

KILLS = int(os.environ.get("SLANT_ATOMIC_KILLS", "30"))
FORK = multiprocessing.get_context("fork")  # the child starts at once, framing imported


def _article(article_id: str, version: str, size: int) -> Article:
    text = f"Version {version} of {article_id}. " + "The warlord spoke at length. " * size
    return Article(article_id, f"Outlet {version}", f"{article_id} {version}", "", "", text, text)


def _story(version: str, count: int, size: int = 300) -> Story:
    """Version A and B share some article ids and differ in others, so that a mix of the
    two shows up as a foreign id, a wrong text or a manifest of the other version."""
    ids = [f"shared{i}" for i in range(count // 2)] + [f"{version}{i}" for i in range(count)]
    articles = tuple(_article(i, version, size) for i in ids)
    return Story(version.lower(), f"Story {version}", f"Described {version}", articles, ("x",))


def _lexicon(version: str, rows: int) -> str:
    lines = ["kind,text,forms,category,actor,camp,valence,note"]
    lines += [f"term,{version}word{i},,hedge,,,-1,note {version} {i}" for i in range(rows)]
    return "\n".join(lines) + "\n"


def _fingerprint_story(folder: Path) -> tuple:
    story = load_story(folder)
    assert not story.skipped, story.skipped
    return _expected_story(story)


def _expected_story(story: Story) -> tuple:
    """What must survive whole; a folder lists its articles by file name."""
    return story.title, story.description, sorted((a.id, a.raw_text) for a in story.articles)


@contextlib.contextmanager
def _slow_disk(seconds: float) -> Iterator[None]:
    """Every fsync waits ``seconds`` first, so that kills often land while files are being
    written and synced rather than while the data is being prepared."""
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(seconds)
        real_fsync(fd)

    os.fsync = slow_fsync
    try:
        yield
    finally:
        os.fsync = real_fsync


def _writer(write, versions, slow_fsync: float) -> None:
    """The child: write the versions in turn until killed."""
    with _slow_disk(slow_fsync):
        while True:
            for version in versions:
                write(version)


def _kill_while_writing(
    target: Path, write, versions, read, expected, slow_fsync: float = 0.005
) -> dict[str, int]:
    """Start a writer ``KILLS`` times, SIGKILL it at a random moment, and check that
    ``read(target)`` is one of ``expected`` each time. Returns counts for the report."""
    write(versions[0])
    with _slow_disk(slow_fsync):
        started = time.monotonic()
        write(versions[1])
        cycle = 2 * (time.monotonic() - started)
    rng = random.Random(20260222)
    counts = {"kills": 0, "mid_write": 0}
    seen: set[str] = set()
    for _ in range(KILLS):
        child = FORK.Process(target=_writer, args=(write, versions, slow_fsync), daemon=True)
        child.start()
        time.sleep(rng.uniform(0, cycle))
        child.kill()
        child.join()
        counts["kills"] += 1
        assert read(target) in expected
        hidden = {p.name for p in target.parent.iterdir() if p.name.startswith(".")}
        counts["mid_write"] += bool(hidden - seen)  # a temporary file or folder was left
        seen |= hidden
    return counts


def test_killed_write_text_atomic_leaves_the_old_or_the_new_text(tmp_path):
    target = tmp_path / "notes.txt"
    versions = ["A" * 3_000_000, "B" * 2_000_000 + "\n"]
    counts = _kill_while_writing(
        target,
        lambda text: write_text_atomic(target, text),
        versions,
        lambda path: path.read_text(encoding="utf-8"),
        versions,
    )
    assert counts["kills"] == KILLS
    print(f"write_text_atomic: {counts}")


def test_killed_save_lexicon_leaves_a_whole_valid_lexicon(tmp_path):
    target = tmp_path / "story.csv"
    versions = [_lexicon("a", rows=600), _lexicon("b", rows=500)]

    def read(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        parse_lexicon(text, str(path))  # raises on a cut-off file
        return text

    # Validating takes most of a save: a slower disk brings the kills into the write too.
    counts = _kill_while_writing(
        target, lambda text: save_lexicon(text, target), versions, read, versions, 0.05
    )
    assert counts["kills"] == KILLS
    print(f"save_lexicon: {counts}")


def test_killed_save_story_leaves_one_whole_story_never_a_mix(tmp_path):
    target = tmp_path / "stories" / "ceasefire"
    versions = [_story("A", 12), _story("B", 8)]
    counts = _kill_while_writing(
        target,
        lambda story: save_story(story, target),
        versions,
        _fingerprint_story,
        [_expected_story(v) for v in versions],
    )
    assert counts["kills"] == KILLS
    # Whatever a kill left over is hidden: no story folder but the real one is listed.
    assert list_story_folders(target.parent) == [target]
    print(f"save_story: {counts}")


# --- the folder guarantee ---------------------------------------------------------------


def _old_folder(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Old article a.", encoding="utf-8")
    (folder / "b.md").write_text("Old article b.", encoding="utf-8")
    (folder / "rows.csv").write_text("text\nOld row one.\nOld row two.\n", encoding="utf-8")
    (folder / "mine.csv").write_text("kind,text,forms,category,actor,camp,valence,note\n")
    (folder / "README.md").write_text("Notes about the story.", encoding="utf-8")
    (folder / ".hidden").write_text("kept", encoding="utf-8")
    (folder / "images").mkdir()
    (folder / "images" / "map.png").write_bytes(b"\x89PNG")
    (folder / "story.json").write_text('{"title": "Old", "lexicons": ["mine"]}')


NEW = load_story_bytes("new.txt", b"The new article.")


@pytest.mark.parametrize("atomic_exchange", [True, False])
def test_saving_over_a_folder_replaces_articles_and_keeps_other_files(
    tmp_path, monkeypatch, atomic_exchange
):
    if not atomic_exchange:  # systems without renameat2: two renames
        monkeypatch.setattr(atomic, "exchange", lambda a, b: False)
    folder = tmp_path / "story"
    _old_folder(folder)
    save_story(replace(NEW, lexicons=("mine",)), folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        ".hidden", "README.md", "images", "mine.csv", "new.txt", "story.json",
    ]  # fmt: skip
    assert (folder / "images" / "map.png").read_bytes() == b"\x89PNG"
    assert [a.raw_text for a in load_story(folder).articles] == ["The new article."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]  # nothing left over


def test_a_lexicon_the_old_manifest_named_is_kept_even_if_the_new_story_does_not_name_it(
    tmp_path,
):
    folder = tmp_path / "story"
    _old_folder(folder)
    save_story(NEW, folder)
    assert (folder / "mine.csv").is_file()


def test_saving_a_folder_over_itself_keeps_every_article(tmp_path):
    folder = tmp_path / "story"
    _old_folder(folder)
    (folder / "mine.csv").unlink()
    (folder / "story.json").write_text('{"title": "Old"}')
    before = load_story(folder)
    save_story(before, folder)
    after = load_story(folder)
    assert sorted(a.raw_text for a in after.articles) == sorted(a.raw_text for a in before.articles)
    assert after.title == "Old"


def test_a_failed_save_leaves_the_old_folder_untouched(tmp_path, monkeypatch):
    folder = tmp_path / "story"
    _old_folder(folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    calls = []

    def fail_on_second(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    real = atomic.write_durable
    monkeypatch.setattr(atomic, "write_durable", fail_on_second)
    two = replace(NEW, articles=(*NEW.articles, replace(NEW.articles[0], id="second")))
    with pytest.raises(OSError, match="No space left"):
        save_story(two, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


def test_saving_over_a_file_is_refused(tmp_path):
    target = tmp_path / "story"
    target.write_text("not a folder")
    with pytest.raises(LoadError, match="not a folder"):
        save_story(NEW, target)
    assert target.read_text() == "not a folder"


@pytest.mark.parametrize("article_id", ["README", "readme", "ReadMe"])
def test_an_article_called_readme_survives_the_round_trip(tmp_path, article_id):
    story = replace(NEW, articles=(replace(NEW.articles[0], id=article_id),))
    assert [a.id for a in load_story(save_story(story, tmp_path / "s")).articles] == [article_id]


def _story_with_lexicon(tmp_path: Path, version: str) -> tuple[Story, Path]:
    """A story (in memory) whose own lexicon file sits in a folder of its version."""
    source = tmp_path / f"source-{version}"
    source.mkdir()
    (source / "x.csv").write_text(_lexicon(version, rows=400), encoding="utf-8")
    return replace(_story(version, 8), folder=str(source)), source / "x.csv"


def test_killed_save_story_with_its_lexicons_leaves_the_old_or_the_new_pair(tmp_path):
    """A story saved somewhere else takes its own lexicons along in the same atomic update:
    never the new articles beside the old lexicon, nor the story without it."""
    target = tmp_path / "stories" / "ceasefire"
    pairs = [_story_with_lexicon(tmp_path, version) for version in ("A", "B")]

    def read(folder: Path) -> tuple:
        return _fingerprint_story(folder), (folder / "x.csv").read_text(encoding="utf-8")

    counts = _kill_while_writing(
        target,
        lambda pair: save_story(pair[0], target, [pair[1]]),
        pairs,
        read,
        [(_expected_story(story), lexicon.read_text(encoding="utf-8")) for story, lexicon in pairs],
    )
    assert counts["kills"] == KILLS
    print(f"save_story with its lexicons: {counts}")


def test_a_copy_that_cannot_be_read_leaves_the_old_folder_untouched(tmp_path):
    folder = tmp_path / "story"
    _old_folder(folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(LoadError, match=r"gone\.csv: no such file"):
        save_story(NEW, folder, [tmp_path / "elsewhere" / "gone.csv"])
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


def test_copies_replace_the_old_folder_files_of_their_name(tmp_path):
    folder = tmp_path / "story"
    _old_folder(folder)
    new_lexicon = tmp_path / "mine.csv"
    new_lexicon.write_text(_lexicon("new", rows=2), encoding="utf-8")
    save_story(replace(NEW, lexicons=("mine",)), folder, [new_lexicon])
    assert (folder / "mine.csv").read_bytes() == new_lexicon.read_bytes()
    with pytest.raises(LoadError, match="the story has a file of that name"):
        save_story(NEW, folder, [folder / "story.json"])
