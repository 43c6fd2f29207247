"""Helpers shared by the tests of framing.evaluate: a tiny lexicon, files written for a
reader, a BABE file in its format."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from framing.models import Lexicon, LexiconEntry

NAN = math.nan


def _term(text, category="loaded_adjective", valence=-2, forms=()):
    return LexiconEntry(text, (text, *forms), category, valence, "test entry", "test")


LEXICON = Lexicon(
    entries=(
        _term("radical", forms=("radicals",)),
        _term("slammed", "loaded_verb", -1),
        _term("so-called", "distancing", -2),
        _term("brave", valence=2),
    )
)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


def write(path: Path, text: str, encoding="utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


BABE_CSV = (
    "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    '"He said ""no"", bizarrely.";http://x;Fox;t;right;Biased;op;"[\'bizarrely\', ""Trump\'s""]"\n'
    "A plain sentence.;http://y;CNN;t;left;Non-biased;fact;[]\n"
)
