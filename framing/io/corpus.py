"""A corpus (a bulk file of many stories' articles) and the outlet groups a user gives."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from framing.io.articles import articles_from_entries
from framing.io.decoding import decode, read_bytes
from framing.io.errors import LoadError
from framing.io.formats import parse_file
from framing.io.stories import load_story
from framing.models import Story
from framing.text import slugify

GROUP_COLUMNS = ("lean", "group", "side")


def load_corpus(path: str | Path) -> Story:
    """A corpus: a bulk file (or folder) loaded by ``load_story``'s rules but without its
    article limit: a corpus is grouped into stories, which are then opened one at a time."""
    path = Path(path)
    if path.is_dir():
        return load_story(path)
    return load_corpus_bytes(str(path), read_bytes(path))


def load_corpus_bytes(name: str, data: bytes) -> Story:
    """``load_corpus`` for one in-memory file (an upload) named ``name``."""
    entries, problems = parse_file(name, data)
    articles, build_problems = articles_from_entries(entries, name)
    problems.extend(build_problems)
    if not articles:
        raise LoadError.nothing_loaded(name, problems)
    stem = Path(name).stem
    return Story(slugify(stem, "corpus"), stem, "", tuple(articles), skipped=tuple(problems))


def load_outlet_groups(name: str, data: bytes) -> dict[str, str]:
    """Outlet groups from a CSV with columns outlet and a group column (named lean, group or
    side; the first other column otherwise): outlet -> group. Raises LoadError naming the
    file, and the line of a row without an outlet or group or with an outlet given twice."""
    reader = csv.DictReader(io.StringIO(decode(name, data), newline=""))
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    if "outlet" not in columns:
        raise LoadError(name, "needs a column 'outlet' and a column 'lean' (or 'group')")
    others = [c for c in columns if c != "outlet"]
    group = next((c for c in GROUP_COLUMNS if c in columns), others[0] if others else None)
    if group is None:
        raise LoadError(name, "needs a column 'lean' (or 'group') beside 'outlet'")
    groups: dict[str, str] = {}
    for line, row in enumerate(reader, 2):
        outlet = " ".join((row.get(columns["outlet"]) or "").split())
        value = " ".join((row.get(columns[group]) or "").split())
        if not outlet and not value:
            continue
        if not outlet or not value:
            missing = "an outlet" if not outlet else f"a {group}"
            raise LoadError(name, f"row without {missing}", line)
        if outlet in groups and groups[outlet] != value:
            raise LoadError(name, f"outlet {outlet!r} is given twice, in two groups", line)
        groups[outlet] = value
    if not groups:
        raise LoadError(name, "has no outlet rows")
    return groups
