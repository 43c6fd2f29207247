"""The dashboard's zip of every table says what made it: provenance.json, and a last
column in each CSV (framing.provenance). The single-table CSVs are checked in a real
browser (tests/e2e/test_browser_app.py)."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd

from framing.analysis import TABLE_NAMES
from framing.provenance import PROVENANCE_COLUMN, describe_provenance
from ui import loaders


def test_the_zip_holds_every_table_and_what_made_them(sample_analysis):
    key = loaders.analysis_key(sample_analysis.story, sample_analysis.lexicon)
    with zipfile.ZipFile(io.BytesIO(loaders.tables_zip(key, sample_analysis))) as archive:
        names = archive.namelist()
        provenance = json.loads(archive.read("provenance.json"))
        tables = {name: pd.read_csv(archive.open(f"{name}.csv")) for name in TABLE_NAMES}
    assert names == [f"{name}.csv" for name in TABLE_NAMES] + ["provenance.json"]
    made_by = describe_provenance(sample_analysis.lexicon)
    assert provenance[PROVENANCE_COLUMN] == made_by and "lexicons: loaded_language@" in made_by
    assert provenance["story"] == "libya-ceasefire-2020" and provenance["tables"] == list(
        TABLE_NAMES
    )
    for name, table in tables.items():
        expected = getattr(sample_analysis, name)
        assert list(table.columns) == [*expected.columns, PROVENANCE_COLUMN], name
        assert len(table) == len(expected) and set(table[PROVENANCE_COLUMN]) <= {made_by}
