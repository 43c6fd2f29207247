"""A restarted server (in-process caches gone) opens an analysed story from the disk cache,
without loading or analysing it again; a change in the story or a cache that cannot be
written still gives the right analysis."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from apptest_helpers import figures, open_page, run_fresh_app

from framing.io import CACHE_DIR_ENV, READINGS_DIR
from framing.lexicon import LexiconError, find_lexicon_file
from ui import loaders


def _refuse(*args, **kwargs):
    raise AssertionError("re-read or re-analysed after a restart")


def _entries(cache: Path) -> set[Path]:
    return {p for p in cache.iterdir() if p.name != READINGS_DIR}


def _readings(cache: Path) -> set[Path]:
    return set((cache / READINGS_DIR).iterdir())


@pytest.fixture
def disk_cache(tmp_path, monkeypatch, stories_dir):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    return folder


def test_a_restart_opens_the_story_from_disk(disk_cache, monkeypatch):
    first = open_page(run_fresh_app(), "sentiment")
    assert len(_entries(disk_cache)) == 2  # the parsed story and its analysis
    assert len(_readings(disk_cache)) == 5  # and the reading of each article
    monkeypatch.setattr(loaders, "load_story", _refuse)
    monkeypatch.setattr(loaders, "analyze_story", _refuse)
    again = open_page(run_fresh_app(), "sentiment")
    assert figures(again) == figures(first)


def test_an_edited_story_is_analysed_again(disk_cache, story_copy, monkeypatch):
    at = run_fresh_app()
    at.sidebar.selectbox[0].set_value(str(story_copy)).run()
    assert not at.exception, at.exception
    entries, readings = _entries(disk_cache), _readings(disk_cache)
    article = sorted(story_copy.glob("*.txt"))[0]
    article.write_text(article.read_text() + "\nThe rebel leader spoke again.\n")
    at = run_fresh_app()
    at.sidebar.selectbox[0].set_value(str(story_copy)).run()
    assert not at.exception, at.exception
    assert len(_entries(disk_cache) - entries) == 2  # a new story and a new analysis
    assert len(_readings(disk_cache) - readings) == 1  # only the edited article is parsed


def test_a_new_story_is_read_with_a_progress_bar_once(disk_cache, monkeypatch):
    calls = []

    def read_texts(texts, progress=None, **kwargs):
        calls.append([])
        return real(texts, progress=lambda done, total: calls[-1].append((done, total)))

    real = loaders.read_texts
    monkeypatch.setattr(loaders, "read_texts", read_texts)
    open_page(run_fresh_app(), "overview")
    assert len(calls) == 1 and calls[0][-1] == (5, 5)
    open_page(run_fresh_app(), "overview")  # a restart: the analysis is on disk
    assert len(calls) == 1


def test_an_unwritable_cache_does_not_stop_the_app(tmp_path, monkeypatch, stories_dir):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker))
    at = open_page(run_fresh_app(), "overview")
    assert len(figures(at)) == 1


def test_an_empty_cache_setting_turns_the_disk_cache_off(tmp_path, monkeypatch, stories_dir):
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    monkeypatch.chdir(tmp_path)
    at = open_page(run_fresh_app(), "overview")
    assert len(figures(at)) == 1
    assert list(tmp_path.iterdir()) == [tmp_path / "stories"]


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda story, lexicon: (story, lexicon), True),
        (
            lambda story, lexicon: (
                replace(story, articles=tuple(replace(a) for a in story.articles)),
                lexicon,
            ),
            True,
        ),
        (lambda story, lexicon: (_edit(story, text="A new text."), lexicon), False),
        (lambda story, lexicon: (_edit(story, outlet="Another outlet"), lexicon), False),
        (lambda story, lexicon: (_swap_title_and_outlet(story), lexicon), False),
        (lambda story, lexicon: (replace(story, title="Renamed"), lexicon), False),
        (lambda story, lexicon: (story, replace(lexicon, entries=lexicon.entries[1:])), False),
    ],
)
def test_analysis_key_follows_contents_not_identity(change, same, sample_story, sample_lexicon):
    before = loaders.analysis_key(sample_story, sample_lexicon)
    assert (loaders.analysis_key(*change(sample_story, sample_lexicon)) == before) is same


def _edit(story, **fields):
    return replace(story, articles=(replace(story.articles[0], **fields), *story.articles[1:]))


def _swap_title_and_outlet(story):
    first = story.articles[0]
    return _edit(story, title=first.outlet, outlet=first.title)


def test_a_lexicon_is_parsed_once_and_again_when_its_file_changes(story_copy, monkeypatch):
    loaders._load_lexicon.clear()
    parsed = []
    parse = loaders.load_story_lexicon
    monkeypatch.setattr(loaders, "load_story_lexicon", lambda s: parsed.append(s) or parse(s))
    story = loaders.load_story_folder(story_copy)
    first = loaders.load_lexicon(story)
    assert loaders.load_lexicon(story) is first and len(parsed) == 1
    own = story_copy / "libya.csv"  # the story's own copy now comes before the shipped one
    own.write_text(
        find_lexicon_file("libya").read_text() + 'label,"desert fox",,,haftar,,-1,a nickname\n'
    )
    changed = loaders.load_lexicon(story)
    assert len(parsed) == 2 and "desert fox" in {e.term for e in changed.entries}
    own.unlink()
    assert loaders.load_lexicon(story) == first


def test_a_missing_lexicon_is_reported_not_cached(story_copy):
    story = replace(loaders.load_story_folder(story_copy), lexicons=("nosuch",))
    for _ in range(2):
        with pytest.raises(LexiconError, match="nosuch: no such lexicon"):
            loaders.load_lexicon(story)


def test_the_analysis_key_of_the_same_objects_is_computed_once(sample_story, sample_lexicon):
    key = loaders.analysis_key(sample_story, sample_lexicon)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loaders, "_digest_article", _refuse)
        assert loaders.analysis_key(sample_story, sample_lexicon) == key
    copy = replace(sample_story, articles=tuple(replace(a) for a in sample_story.articles))
    assert loaders.analysis_key(copy, sample_lexicon) == key  # a new object: digested again
