"""Shared fixtures: the bundled sample story, loaded once per test session."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_STORY = ROOT / "data" / "stories" / "libya-ceasefire-2020"


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
