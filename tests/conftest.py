"""Shared fixtures: the bundled sample story, loaded once per test session; every test
process (and the servers it starts) uses a disk cache of its own, never ~/.cache/slant."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_STORY = ROOT / "data" / "stories" / "libya-ceasefire-2020"


@pytest.fixture(scope="session", autouse=True)
def private_disk_cache(tmp_path_factory):
    from framing.io import CACHE_DIR_ENV

    folder = tmp_path_factory.mktemp("slant-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR_ENV, str(folder))
        yield folder


@pytest.fixture(scope="session")
def sample_story():
    from framing.io import load_story

    return load_story(SAMPLE_STORY)


@pytest.fixture(scope="session")
def sample_lexicon(sample_story):
    from framing.lexicon import load_lexicons

    return load_lexicons(sample_story.lexicons, sample_story.folder)


@pytest.fixture(scope="session")
def sample_analysis(sample_story, sample_lexicon):
    from framing.analysis import analyze_story

    return analyze_story(sample_story, sample_lexicon)
