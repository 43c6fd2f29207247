"""Slant's framing library: load news stories, score their framing, return tidy tables."""
