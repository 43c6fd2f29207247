"""Fixtures of the framing.entities tests."""

import pytest

from framing.entities import find_labels


@pytest.fixture(scope="module")
def sample_labels(sample_story):
    return find_labels(sample_story.articles)
