"""Shared fixtures: the bundled sample story, loaded once per test session; every test
process (and the servers it starts) uses a disk cache of its own, never ~/.cache/slant;
and a check that the test run left the repository as it found it."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_STORY = ROOT / "data" / "stories" / "libya-ceasefire-2020"


def _repository_state() -> tuple[str, dict[str, int]] | None:
    """What ``git status`` says (untracked files included) and the modification time of
    every tracked file: a file rewritten with the same bytes counts as touched too."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
        ).stdout

    status = git("status", "--porcelain", "--untracked-files=all")
    times = {}
    for name in git("ls-files", "-z").split("\0"):
        path = ROOT / name
        if name and path.is_file():
            times[name] = path.stat().st_mtime_ns
    return status, times


@pytest.fixture(scope="session", autouse=True)
def repository_untouched():
    """Tests write only to temporary folders: fail the run when it changed, added or
    rewrote a file of the repository (the README's screenshot, a saved story, ...)."""
    before = _repository_state()
    yield
    after = _repository_state()
    if before is None or after is None:
        return
    rewritten = sorted(name for name, mtime in after[1].items() if before[1].get(name) != mtime)
    assert (after[0], rewritten) == (before[0], []), "the tests changed the repository"


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
