"""AppTest fixtures: the real app on the real sample story, saves going to a tmp folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from apptest_helpers import SAMPLE, run_fresh_app
from streamlit.testing.v1 import AppTest


@pytest.fixture
def stories_dir(tmp_path, monkeypatch) -> Path:
    """SLANT_STORIES_DIR for this test: an empty tmp folder."""
    folder = tmp_path / "stories"
    folder.mkdir()
    monkeypatch.setenv("SLANT_STORIES_DIR", str(folder))
    return folder


@pytest.fixture
def app(stories_dir) -> AppTest:
    """The app after its first run, with no cache carried over from another test."""
    return run_fresh_app()


@pytest.fixture
def story_copy(stories_dir) -> Path:
    """A copy of the sample story in SLANT_STORIES_DIR, for tests that write into a story."""
    return Path(shutil.copytree(SAMPLE, stories_dir / "libya-copy")).resolve()
