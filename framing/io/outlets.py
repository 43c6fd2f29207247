"""The domain -> outlet table (framing/data/outlet_domains.csv and a user's own), and the
private folder of a story that is not saved yet."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path

from framing.io.decoding import decode, read_bytes
from framing.io.errors import LoadError

OUTLET_TABLE_COLUMNS = ("domain", "outlet")
_DOMAIN = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


def load_outlet_domains(path: str | Path) -> dict[str, str]:
    """The domain -> outlet table of a CSV file with the header ``domain,outlet``: domains
    lower-cased, without "www."; {} when the file does not exist. Raises LoadError naming
    the file and line of a row without both values, of a value that is not a domain, and
    of a domain listed twice (one outlet per domain)."""
    path = Path(path)
    if not path.is_file():
        return {}
    text = decode(str(path), read_bytes(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip().lower() for cell in next(reader, [])]
    if tuple(header) != OUTLET_TABLE_COLUMNS:
        raise LoadError(path, f"the header must be {','.join(OUTLET_TABLE_COLUMNS)}", 1)
    table: dict[str, str] = {}
    lines: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != 2 or not all(cell.strip() for cell in record):
            raise LoadError(path, "each row needs a domain and an outlet", line)
        domain = record[0].strip().lower().removeprefix("www.")
        if not _DOMAIN.fullmatch(domain):
            raise LoadError(path, f"{record[0].strip()!r} is not a domain like nytimes.com", line)
        if domain in table:
            raise LoadError(path, f"{domain} is already listed on line {lines[domain]}", line)
        table[domain] = " ".join(record[1].split())
        lines[domain] = line
    return table


def make_draft_folder() -> Path:
    """A new private folder (in the system's temporary folder) for the files of a story
    that is not saved yet, such as the lexicon its user builds; saving the story copies
    them into the story's folder."""
    return Path(tempfile.mkdtemp(prefix="slant-new-story-"))
