"""Slant's framing library: load news stories, score their framing, return tidy tables."""

__version__ = "0.1.0"  # the version in pyproject.toml (a test keeps them equal)
