"""Reading other people's data sets for framing.evaluate (docs/evaluation.md).

The data stays outside the repository. Each data set's module in framing.evaluate knows
its own layout and format; these functions read its files, so that framing touches the
file system only here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from framing.io.errors import LoadError


def find_data_sets(data_dir: str | Path, layout: Mapping[str, str]) -> dict[str, Path]:
    """The data sets of ``layout`` (name -> where it sits in the folder) that are present
    in ``data_dir``, as name -> file or folder; LoadError when ``data_dir`` is not a folder
    or holds none of them."""
    folder = Path(data_dir)
    if not folder.is_dir():
        raise LoadError(folder, "not a folder (expected the evaluation data folder)")
    found = {name: folder / rel for name, rel in layout.items() if (folder / rel).exists()}
    if not found:
        raise LoadError(folder, f"none of the evaluation data sets ({', '.join(layout.values())})")
    return found


def list_files(folder: str | Path, pattern: str) -> list[Path]:
    """The files and folders in ``folder`` whose names match ``pattern`` (a glob), sorted."""
    return sorted(Path(folder).glob(pattern))


def read_text(path: str | Path, keep_line_ends: bool = False) -> str:
    """A UTF-8 text file. ``keep_line_ends`` keeps a "\\r\\n" as two characters, for data
    whose offsets count them; otherwise every line ends in "\\n"."""
    with open(path, encoding="utf-8", newline="" if keep_line_ends else None) as handle:
        return handle.read()


def read_table(path: str | Path, sep: str = ",", encoding: str = "utf-8") -> pd.DataFrame:
    """A delimited text file as a table of strings, empty cells as "" (never NaN)."""
    return pd.read_csv(path, sep=sep, encoding=encoding, dtype=str, keep_default_na=False)
