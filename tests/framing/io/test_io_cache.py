"""The disk cache: what goes in comes out equal, a damaged or missing entry is a miss, the
cache stays under its size limit, and story folder digests change exactly when a load could."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from framing.analysis import TABLE_NAMES, analyze_story
from framing.io import (
    CACHE_DIR_ENV,
    CACHE_MAX_MB_ENV,
    MAX_ARTICLES_ENV,
    cache_dir,
    code_fingerprint,
    digest_story_folder,
    load_cached_story,
    load_cached_tables,
    load_story,
    load_story_bytes,
    save_cached_story,
    save_cached_tables,
)

KEY = "ab" * 32
OTHER_KEY = "cd" * 32


def test_analysis_tables_come_back_equal(sample_analysis, tmp_path):
    assert save_cached_tables(tmp_path, KEY, sample_analysis.tables())
    loaded = load_cached_tables(tmp_path, KEY, TABLE_NAMES)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(
            loaded[name], getattr(sample_analysis, name), check_exact=True
        )


def test_tables_of_a_story_without_lexicon_hits_come_back_equal(tmp_path):
    """Empty tables (no terms, no cleaning) keep their columns and dtypes."""
    story = load_story_bytes("plain.txt", b"Nothing here but a calm sentence about the weather.")
    analysis = analyze_story(story)
    assert analysis.terms.empty and analysis.cleaning.empty
    save_cached_tables(tmp_path, KEY, analysis.tables())
    loaded = load_cached_tables(tmp_path, KEY, TABLE_NAMES)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(loaded[name], getattr(analysis, name), check_exact=True)


def test_story_comes_back_equal_with_removals_and_skipped_inputs(sample_story, tmp_path):
    folder = Path(shutil.copytree(sample_story.folder, tmp_path / "story"))
    (folder / "broken.jsonl").write_text('{"text": "A line that loads."}\nnot json\n')
    story = load_story(folder)
    assert story.skipped and any(a.removals for a in story.articles)
    assert save_cached_story(tmp_path / "cache", KEY, story)
    assert load_cached_story(tmp_path / "cache", KEY) == story


@pytest.mark.parametrize(
    "damage",
    [
        "truncate a table",
        "delete a table",
        "garbage in a table",
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_removed(damage, sample_analysis, tmp_path):
    save_cached_tables(tmp_path, KEY, sample_analysis.tables())
    table = tmp_path / KEY / "terms.parquet"
    if damage == "truncate a table":
        table.write_bytes(table.read_bytes()[:100])
    elif damage == "delete a table":
        table.unlink()
    else:
        table.write_bytes(b"PAR1 not really parquet PAR1")
    assert load_cached_tables(tmp_path, KEY, TABLE_NAMES) is None
    assert not (tmp_path / KEY).exists()
    assert save_cached_tables(tmp_path, KEY, sample_analysis.tables())  # and can be redone
    assert load_cached_tables(tmp_path, KEY, TABLE_NAMES) is not None


def test_a_story_entry_with_damaged_metadata_is_a_miss(sample_story, tmp_path):
    save_cached_tables(tmp_path, KEY, {"articles": pd.DataFrame(), "story": pd.DataFrame()})
    assert load_cached_story(tmp_path, KEY) is None
    assert not (tmp_path / KEY).exists()


@pytest.mark.parametrize(
    ("key", "why"),
    [
        (OTHER_KEY, "no such entry"),
        ("../" + KEY, "not a key"),
        ("ABAB" * 16, "not lower-case hex"),
        ("ab", "too short"),
    ],
)
def test_missing_or_invalid_keys_load_nothing(key, why, tmp_path):
    save_cached_tables(tmp_path, KEY, {"t": pd.DataFrame({"a": [1]})})
    assert load_cached_tables(tmp_path, key, ["t"]) is None, why


def test_an_invalid_key_is_not_written(tmp_path):
    with pytest.raises(ValueError, match="not a cache key"):
        save_cached_tables(tmp_path, "../escape", {"t": pd.DataFrame()})
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_is_a_refusal_not_an_error(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    assert save_cached_tables(blocker, KEY, {"t": pd.DataFrame({"a": [1]})}) is False
    assert load_cached_tables(blocker, KEY, ["t"]) is None


def test_a_table_pyarrow_cannot_store_leaves_no_entry(tmp_path):
    lone_surrogate = pd.DataFrame({"text": pd.Series(["ok", "\udc80"], dtype=object)})
    assert save_cached_tables(tmp_path, KEY, {"t": lone_surrogate}) is False
    assert list(tmp_path.iterdir()) == []


def test_saving_an_existing_entry_keeps_it(tmp_path):
    save_cached_tables(tmp_path, KEY, {"t": pd.DataFrame({"a": [1]})})
    assert save_cached_tables(tmp_path, KEY, {"t": pd.DataFrame({"a": [2]})})
    assert load_cached_tables(tmp_path, KEY, ["t"])["t"]["a"].tolist() == [1]


def test_the_least_recently_used_entries_go_when_the_cache_is_full(tmp_path, monkeypatch):
    big = pd.DataFrame({"x": [os.urandom(200_000).hex()]})  # ~400 kB that does not compress
    keys = [f"{i:02x}" * 32 for i in range(4)]
    for age, key in enumerate(keys):
        save_cached_tables(tmp_path, key, {"t": big})
        os.utime(tmp_path / key, (1_000 + age, 1_000 + age))
    load_cached_tables(tmp_path, keys[0], ["t"])  # used: now the most recent
    monkeypatch.setenv(CACHE_MAX_MB_ENV, "1")
    save_cached_tables(tmp_path, "ff" * 32, {"t": big})
    assert sorted(p.name for p in tmp_path.iterdir()) == [keys[0], "ff" * 32]


def test_temporary_folders_of_killed_saves_are_removed_when_stale(tmp_path):
    stale = tmp_path / f".{KEY}.killed"
    fresh = tmp_path / f".{OTHER_KEY}.saving"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "t.parquet").write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    save_cached_tables(tmp_path, "ee" * 32, {"t": pd.DataFrame({"a": [1]})})
    assert not stale.exists() and fresh.exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/srv/slant-cache", Path("/srv/slant-cache")),
        ("~/cache", Path("~/cache").expanduser()),
        ("", None),
        ("   ", None),
    ],
)
def test_cache_dir_from_the_environment(value, expected, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, value)
    assert cache_dir() == expected


def test_cache_dir_defaults_to_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "slant"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "slant"


def test_code_fingerprint_is_a_stable_digest():
    assert code_fingerprint() == code_fingerprint()
    assert len(code_fingerprint()) == 64 and int(code_fingerprint(), 16) >= 0


def _change(folder: Path, how: str, monkeypatch) -> None:
    first = sorted(folder.glob("*.txt"))[0]
    match how:
        case "edit one byte of an article":
            data = bytearray(first.read_bytes())
            data[-2] = ord("X") if data[-2] != ord("X") else ord("Y")
            first.write_bytes(bytes(data))
        case "add an article":
            (folder / "new.txt").write_text("Another article.")
        case "remove an article":
            first.unlink()
        case "rename an article":
            first.rename(folder / ("renamed-" + first.name))
        case "edit the manifest":
            manifest = folder / "story.json"
            manifest.write_text(manifest.read_text().replace("{", '{"note": 1, ', 1))
        case "put a lexicon in the folder":
            (folder / "libya.csv").write_text("kind,text\nterm,junta\n")
        case "lower the article limit":
            monkeypatch.setenv(MAX_ARTICLES_ENV, "3")
        case "add an image":
            (folder / "photo.png").write_bytes(b"\x89PNG")
        case "add a hidden file":
            (folder / ".notes.txt").write_text("mine")
        case "add a sub-folder":
            (folder / "drafts").mkdir()
            (folder / "drafts" / "draft.txt").write_text("not read")
        case "touch every file":
            for path in folder.iterdir():
                os.utime(path, (1, 1))


@pytest.mark.parametrize(
    ("how", "changes"),
    [
        ("edit one byte of an article", True),
        ("add an article", True),
        ("remove an article", True),
        ("rename an article", True),
        ("edit the manifest", True),
        ("put a lexicon in the folder", True),
        ("lower the article limit", True),
        ("add an image", False),
        ("add a hidden file", False),
        ("add a sub-folder", False),
        ("touch every file", False),
    ],
)
def test_story_folder_digest_changes_exactly_with_what_load_story_reads(
    how, changes, sample_story, tmp_path, monkeypatch
):
    folder = Path(shutil.copytree(sample_story.folder, tmp_path / "story"))
    before = digest_story_folder(folder)
    _change(folder, how, monkeypatch)
    assert (digest_story_folder(folder) != before) is changes


def test_the_same_files_in_another_folder_digest_differently(sample_story, tmp_path):
    """Story.folder (where lexicons are searched) is part of the loaded story."""
    one = shutil.copytree(sample_story.folder, tmp_path / "one")
    two = shutil.copytree(sample_story.folder, tmp_path / "two")
    assert digest_story_folder(one) != digest_story_folder(two)


def test_a_story_pyarrow_cannot_store_is_not_cached(sample_story, tmp_path):
    article = sample_story.articles[0]
    odd = replace(sample_story, articles=(replace(article, title="lone \udc80 surrogate"),))
    assert save_cached_story(tmp_path, KEY, odd) is False
    assert load_cached_story(tmp_path, KEY) is None
