"""Load, validate, merge and save lexicons: the loaded-language terms, story labels and
actors that terms.py matches. With the io package, the only code that touches the file system.

Every lexicon is one UTF-8 CSV file with the header ``kind,text,forms,category,actor,camp,
valence,note`` (framing/lexicons/README.md describes it). Validation never stops at the
first problem: the dashboard's editor shows them all, and an exception lists the first
few. Valence runs -2 (strongly unfavourable to its target) .. +2 (strongly favourable).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

import pandas as pd

from framing.io import write_text_atomic
from framing.models import Actor, Lexicon, LexiconEntry

COLUMNS = ("kind", "text", "forms", "category", "actor", "camp", "valence", "note")
KINDS = ("term", "label", "actor")
TERM_CATEGORIES = (
    "name_calling",
    "loaded_noun",
    "loaded_adjective",
    "loaded_verb",
    "distancing",
    "hedge",
    "intensifier",
    "neutral",
)
LABEL_CATEGORY = "label"
SHIPPED_DIR = Path(__file__).resolve().parent / "lexicons"
# Where each shipped file comes from, under which licence (not a lexicon itself).
SOURCES_FILE = "SOURCES.csv"
FORM_SEPARATOR = "|"
MAX_LISTED_PROBLEMS = 5

# Columns each kind of row may fill; a value anywhere else usually means the row's
# cells slid one column over, so it is reported rather than ignored.
_USED_BY = {
    "term": frozenset({"kind", "text", "forms", "category", "valence", "note"}),
    "label": frozenset({"kind", "text", "forms", "category", "actor", "valence", "note"}),
    "actor": frozenset({"kind", "text", "forms", "actor", "camp", "note"}),
}
_REQUIRED = {
    "term": ("text", "category", "valence", "note"),
    "label": ("text", "actor", "valence", "note"),
    "actor": ("actor", "text"),
}
_ACTOR_ID = re.compile(r"[a-z0-9_-]+")
_VALENCE = re.compile(r"[+-]?[0-9]+")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_-]+")  # "libya": a lexicon name, not a file path
_SPACES = re.compile(r"\s+")


class LexiconError(ValueError):
    """A lexicon problem; ``str()`` is one line: ``FILE, row N, field F: message``.

    ``row`` is the CSV line number (header = 1) and ``field`` the column name, each None
    when the problem is not about one row or column. An error raised for several problems
    carries them all in ``problems``; its own row and field are the first problem's.
    """

    def __init__(
        self,
        file: str,
        row: int | None,
        field: str | None,
        message: str,
        problems: tuple[LexiconError, ...] = (),
    ) -> None:
        super().__init__(file, row, field, message, problems)
        self.file = file
        self.row = row
        self.field = field
        self.message = message
        self.problems = problems

    def location(self) -> str:
        """``FILE, row N, field F`` with the parts that are known."""
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


def _combine(problems: Sequence[LexiconError]) -> LexiconError:
    """One error listing the first MAX_LISTED_PROBLEMS problems on one line."""
    first = problems[0]
    parts = [first.message]
    for problem in problems[1:MAX_LISTED_PROBLEMS]:
        where = problem.location()
        if problem.file == first.file:
            where = where.removeprefix(problem.file).removeprefix(", ")
        parts.append(f"{where}: {problem.message}" if where else problem.message)
    hidden = len(problems) - MAX_LISTED_PROBLEMS
    message = "; ".join(parts) + (f" (and {hidden} more problems)" if hidden > 0 else "")
    return LexiconError(first.file, first.row, first.field, message, tuple(problems))


def _one_line(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


def _lexicon_name(name: str) -> str:
    """The name entries carry: the file name without folder and without ``.csv``."""
    base = PurePath(name).name or name
    return base[:-4] if base.lower().endswith(".csv") else base


@dataclass(frozen=True)
class _Row:
    """One non-blank CSV row: its line number, column -> stripped value, and how many
    filled cells it has beyond the header's columns (usually an unquoted comma)."""

    line: int
    values: dict[str, str]
    overflow: int


def _records(text: str, name: str) -> tuple[int, list[_Row]]:
    """The header's width and the non-blank rows; raises LexiconError when the header is
    unusable or the text is not CSV."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header: list[str] | None = None
    rows: list[_Row] = []
    line = 1
    try:
        for record in reader:
            row, line = line, reader.line_num + 1
            if header is None:
                header = [cell.strip().lower() for cell in record]
                problems = _header_problems(header, name)
                if problems:
                    raise _combine(problems)
            elif any(cell.strip() for cell in record):
                cells = {column: cell.strip() for column, cell in zip(header, record, strict=False)}
                overflow = sum(1 for cell in record[len(header) :] if cell.strip())
                rows.append(_Row(row, {c: cells.get(c, "") for c in COLUMNS}, overflow))
    except csv.Error as exc:
        raise LexiconError(name, line, None, f"not readable as CSV: {exc}") from None
    if header is None:
        expected = ",".join(COLUMNS)
        raise LexiconError(
            name, 1, None, f"empty file: the first row must be the header {expected}"
        )
    return len(header), rows


def _header_problems(header: list[str], name: str) -> list[LexiconError]:
    expected = ",".join(COLUMNS)
    problems = [
        LexiconError(name, 1, column, f"the header has no {column!r} column; it must be {expected}")
        for column in COLUMNS
        if column not in header
    ]
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(LexiconError(name, 1, column, f"column {column!r} appears twice"))
        elif column not in COLUMNS:
            shown = column or "(blank)"
            problems.append(
                LexiconError(
                    name, 1, shown, f"unknown column {shown!r}; the header must be {expected}"
                )
            )
        seen.add(column)
    return problems


class _Checker:
    """Validates one file's rows, collecting every problem and the records they make."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lexicon_name = _lexicon_name(name)
        self.problems: list[LexiconError] = []
        self.entries: list[LexiconEntry] = []
        self.actors: list[Actor] = []
        self.forms_seen: dict[str, int] = {}  # "<actor or ''>\0form" -> row that lists it
        self.actor_rows: dict[str, int] = {}  # actor id -> row
        self.alias_owner: dict[str, tuple[str, int]] = {}  # casefolded alias -> (actor, row)

    def problem(self, row: int, field: str | None, message: str) -> None:
        self.problems.append(LexiconError(self.name, row, field, message))

    def check(self, row: _Row, width: int) -> None:
        line, values = row.line, row.values
        if row.overflow:
            self.problem(
                line,
                None,
                f"the row has {row.overflow} filled cells beyond the header's "
                f"{width} columns; put text that contains commas in double quotes",
            )
            return
        kind = values["kind"].lower()
        if kind not in KINDS:
            got = f"got {values['kind']!r}" if kind else "it is empty"
            self.problem(line, "kind", f"kind must be one of {', '.join(KINDS)}; {got}")
            return
        if kind == "label" and values["category"].lower() == LABEL_CATEGORY:
            values = {**values, "category": ""}  # a label row may spell out its category
        problems_before = len(self.problems)
        for column in COLUMNS:
            if values[column] and column not in _USED_BY[kind]:
                self.problem(
                    line,
                    column,
                    f"{kind} rows do not use {column}; leave it empty (got {values[column]!r})",
                )
        for column in _REQUIRED[kind]:
            if not values[column]:
                self.problem(line, column, f"{column} is required on {kind} rows")
        if len(self.problems) == problems_before:
            {"term": self._term, "label": self._label, "actor": self._actor}[kind](line, values)

    def _valence(self, row: int, value: str) -> int | None:
        number = int(value) if _VALENCE.fullmatch(value) else None
        if number is None or not -2 <= number <= 2:
            self.problem(
                row, "valence", f"valence must be a whole number from -2 to +2, got {value!r}"
            )
            return None
        return number

    def _forms(self, row: int, values: dict[str, str]) -> list[tuple[str, str]]:
        """(form, column it came from), lower-cased, blank pieces dropped, duplicates once."""
        found: dict[str, str] = {}
        pieces = [("text", values["text"])]
        pieces += [("forms", piece) for piece in values["forms"].split(FORM_SEPARATOR)]
        for column, piece in pieces:
            form = _one_line(piece).lower()
            if not form or form in found:
                continue
            if not any(c.isalnum() for c in form):
                self.problem(row, column, f"form {form!r} has no letters or digits")
                continue
            found[form] = column
        return [(form, column) for form, column in found.items()]

    def _actor_id(self, row: int, value: str) -> bool:
        if _ACTOR_ID.fullmatch(value):
            return True
        self.problem(row, "actor", f"actor ids use only a-z, 0-9, _ and -; got {value!r}")
        return False

    def _claim(
        self, row: int, forms: list[tuple[str, str]], seen: dict[str, int], scope: str, what: str
    ) -> None:
        """Report forms an earlier row of the same scope already lists (an ambiguous match)."""
        for form, column in forms:
            earlier = seen.setdefault(f"{scope}\x00{form}", row)
            if earlier != row:
                self.problem(row, column, f"{what} {form!r} is already listed at row {earlier}")

    def _term(self, row: int, values: dict[str, str]) -> None:
        category = values["category"].lower()
        if category not in TERM_CATEGORIES:
            hint = "; story labels are rows of kind label" if category == LABEL_CATEGORY else ""
            self.problem(
                row,
                "category",
                f"category must be one of {', '.join(TERM_CATEGORIES)}"
                f"; got {values['category']!r}{hint}",
            )
        valence = self._valence(row, values["valence"])
        forms = self._forms(row, values)
        self._claim(row, forms, self.forms_seen, "", "term")
        if category in TERM_CATEGORIES and valence is not None:
            self._add_entry(row, values, forms, category, valence, None)

    def _label(self, row: int, values: dict[str, str]) -> None:
        valence = self._valence(row, values["valence"])
        actor = values["actor"]
        valid_actor = self._actor_id(row, actor)
        forms = self._forms(row, values)
        self._claim(row, forms, self.forms_seen, actor, f"{actor} label")
        if valid_actor and valence is not None:
            self._add_entry(row, values, forms, LABEL_CATEGORY, valence, actor)

    def _add_entry(
        self,
        row: int,
        values: dict[str, str],
        forms: list[tuple[str, str]],
        category: str,
        valence: int,
        actor: str | None,
    ) -> None:
        self.entries.append(
            LexiconEntry(
                term=_one_line(values["text"]),
                forms=tuple(form for form, _ in forms),
                category=category,
                valence=valence,
                note=_one_line(values["note"]),
                lexicon=self.lexicon_name,
                actor=actor,
                row=row,
            )
        )

    def _actor(self, row: int, values: dict[str, str]) -> None:
        actor_id = values["actor"]
        if not self._actor_id(row, actor_id):
            return
        earlier = self.actor_rows.setdefault(actor_id, row)
        if earlier != row:
            self.problem(
                row,
                "actor",
                f"actor {actor_id!r} is already defined at row {earlier}; "
                "add the aliases to that row",
            )
            return
        aliases = _merge_aliases((), [_one_line(values["text"])])
        pieces = [_one_line(piece) for piece in values["forms"].split(FORM_SEPARATOR)]
        aliases = _merge_aliases(aliases, [piece for piece in pieces if piece])
        for alias in aliases:
            owner, owner_row = self.alias_owner.setdefault(alias.casefold(), (actor_id, row))
            if owner != actor_id:
                field = "text" if alias == aliases[0] else "forms"
                self.problem(
                    row, field, f"alias {alias!r} already names actor {owner!r} (row {owner_row})"
                )
        self.actors.append(
            Actor(
                id=actor_id,
                name=aliases[0],
                aliases=aliases,
                camp=_one_line(values["camp"]) or None,
                note=_one_line(values["note"]),
            )
        )

    def lexicon(self) -> Lexicon:
        return Lexicon(
            entries=tuple(self.entries),
            actors=tuple(self.actors),
            camps=_camps(self.actors),
            names=(self.name,),
        )


def _merge_aliases(aliases: Sequence[str], more: Sequence[str]) -> tuple[str, ...]:
    """``aliases`` then the new ones from ``more``; matching ignores case, so does this."""
    known = {alias.casefold() for alias in aliases}
    merged = list(aliases)
    for alias in more:
        if alias.casefold() not in known:
            known.add(alias.casefold())
            merged.append(alias)
    return tuple(merged)


def _camps(actors: Sequence[Actor]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(actor.camp for actor in actors if actor.camp))


def _check(text: str, name: str) -> tuple[Lexicon, list[LexiconError]]:
    try:
        width, rows = _records(text, name)
    except LexiconError as error:
        return Lexicon(names=(name,)), list(error.problems or (error,))
    checker = _Checker(name)
    for row in rows:
        checker.check(row, width)
    return checker.lexicon(), checker.problems


def find_lexicon_problems(text: str, name: str) -> list[LexiconError]:
    """Every problem in one lexicon's CSV ``text`` (``name`` is the file named in the
    messages), in file order; empty when the lexicon is valid. Label -> actor references
    are checked by merge_lexicons, because actors may live in another file."""
    return _check(text, name)[1]


def parse_lexicon(text: str, name: str) -> Lexicon:
    """The Lexicon in CSV ``text``; raises one LexiconError listing its problems.

    Entries carry ``lexicon`` = ``name`` without folder and ``.csv``; ``names`` = (name,).
    """
    lexicon, problems = _check(text, name)
    if problems:
        raise _combine(problems)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return replace(lexicon, versions=(f"{_lexicon_name(name)}@{digest[:8]}",))


def merge_lexicons(lexicons: Sequence[Lexicon]) -> Lexicon:
    """All entries in order; actors defined again extend the first definition's aliases.

    Raises LexiconError when a label names an actor no lexicon defines, an alias names two
    actors, or two lexicons put one actor in different camps. Camps are in order of first
    appearance.
    """
    actors: dict[str, Actor] = {}
    alias_owner: dict[str, str] = {}
    problems: list[LexiconError] = []
    for lexicon in lexicons:
        source = ", ".join(lexicon.names) or "lexicon"
        for actor in lexicon.actors:
            first = actors.get(actor.id, actor)
            if first.camp and actor.camp and first.camp != actor.camp:
                problems.append(
                    LexiconError(
                        source,
                        None,
                        "camp",
                        f"actor {actor.id!r} is in camp "
                        f"{actor.camp!r} here but in {first.camp!r} before",
                    )
                )
            actors[actor.id] = Actor(
                id=first.id,
                name=first.name,
                aliases=_merge_aliases(first.aliases, actor.aliases),
                camp=first.camp or actor.camp,
                note=first.note or actor.note,
            )
            for alias in (actor.name, *actor.aliases):
                owner = alias_owner.setdefault(alias.casefold(), actor.id)
                if owner != actor.id:
                    problems.append(
                        LexiconError(
                            source,
                            None,
                            "forms",
                            f"alias {alias!r} of actor {actor.id!r} already names actor {owner!r}",
                        )
                    )
    for lexicon in lexicons:
        source = ", ".join(lexicon.names) or "lexicon"
        for entry in lexicon.entries:
            if entry.actor is not None and entry.actor not in actors:
                known = ", ".join(sorted(actors)) or "none"
                problems.append(
                    LexiconError(
                        source,
                        entry.row or None,
                        "actor",
                        f"label {entry.term!r} names "
                        f"unknown actor {entry.actor!r} (known actors: {known})",
                    )
                )
    if problems:
        raise _combine(problems)
    return Lexicon(
        entries=tuple(entry for lexicon in lexicons for entry in lexicon.entries),
        actors=tuple(actors.values()),
        camps=tuple(dict.fromkeys(camp for lexicon in lexicons for camp in lexicon.camps)),
        names=tuple(name for lexicon in lexicons for name in lexicon.names),
        versions=tuple(version for lexicon in lexicons for version in lexicon.versions),
    )


def list_shipped_lexicons() -> list[str]:
    """Names of the lexicons shipped with Slant (file stems in framing/lexicons/), sorted."""
    return sorted(path.stem for path in SHIPPED_DIR.glob("*.csv") if path.name != SOURCES_FILE)


def find_lexicon_file(path_or_name: str | Path, search_dirs: Sequence[str | Path] = ()) -> Path:
    """The file a lexicon name or path refers to.

    A plain name ("libya") is looked up as <dir>/libya.csv in each of ``search_dirs``, then
    among the shipped lexicons, so a story folder can override a shipped lexicon; anything
    else is a file path, tried relative to each search dir, then (a bare file name) among
    the shipped lexicons, then as given. Raises LexiconError naming everything tried.
    """
    raw = str(path_or_name)
    candidates: list[Path] = []
    if isinstance(path_or_name, str) and _PLAIN_NAME.fullmatch(raw):
        candidates += [Path(folder) / f"{raw}.csv" for folder in search_dirs]
        candidates.append(SHIPPED_DIR / f"{raw}.csv")
    path = Path(path_or_name)
    if not path.is_absolute():
        candidates += [Path(folder) / path for folder in search_dirs]
        if len(path.parts) == 1:
            candidates.append(SHIPPED_DIR / path)
    candidates.append(path)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(dict.fromkeys(str(candidate) for candidate in candidates))
    raise LexiconError(raw, None, None, f"no such lexicon; looked for {tried}")


def _display_name(path: Path) -> str:
    """Shipped lexicons are named by file name, others by the path they were found at."""
    return path.name if path.resolve().parent == SHIPPED_DIR else str(path)


def decode_lexicon_bytes(data: bytes, name: str) -> str:
    """The text of a lexicon file's bytes (UTF-8, with or without a byte-order mark).

    Raises LexiconError for binary data and for text in another encoding (e.g. an uploaded
    spreadsheet export saved as UTF-16 or Windows-1252)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LexiconError(name, None, None, "the file is UTF-16 text; save it as CSV UTF-8")
    if b"\x00" in data:
        raise LexiconError(name, None, None, "binary data, not a CSV text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(
            name, line, None, f"not UTF-8 text (byte {data[exc.start]:#04x}); save it as CSV UTF-8"
        ) from None


def _read(path: Path) -> str:
    name = _display_name(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(name, None, None, f"cannot be read: {exc.strerror or exc}") from None
    return decode_lexicon_bytes(data, name)


def read_lexicon_text(path_or_name: str | Path, search_dirs: Sequence[str | Path] = ()) -> str:
    """The raw CSV text of a lexicon (resolved as find_lexicon_file does), for viewing and
    editing; not validated."""
    return _read(find_lexicon_file(path_or_name, search_dirs))


def load_lexicon(path_or_name: str | Path, search_dirs: Sequence[str | Path] = ()) -> Lexicon:
    """Read and validate one lexicon (resolved as find_lexicon_file does)."""
    path = find_lexicon_file(path_or_name, search_dirs)
    return parse_lexicon(_read(path), _display_name(path))


def _search_dirs(story_folder: str | Path | None) -> tuple[Path, ...]:
    return (Path(story_folder),) if story_folder else ()


def find_lexicon_files(
    names: Sequence[str], story_folder: str | Path | None = None
) -> tuple[Path, ...]:
    """The files ``load_lexicons(names, story_folder)`` reads, in order; raises LexiconError
    for the first name that is no file."""
    return tuple(find_lexicon_file(name, _search_dirs(story_folder)) for name in names)


def load_lexicons(names: Sequence[str], story_folder: str | Path | None = None) -> Lexicon:
    """Load and merge the named lexicons, searching ``story_folder`` before the shipped
    ones. Problems in every file are reported together in one LexiconError."""
    search_dirs = _search_dirs(story_folder)
    lexicons: list[Lexicon] = []
    problems: list[LexiconError] = []
    for name in names:
        try:
            lexicons.append(load_lexicon(name, search_dirs))
        except LexiconError as error:
            problems.extend(error.problems or (error,))
    if problems:
        raise _combine(problems)
    return merge_lexicons(lexicons)


def lexicon_to_frame(csv_text: str, name: str = "lexicon") -> pd.DataFrame:
    """The rows of a lexicon CSV as a table of strings with the COLUMNS, for editing in a
    grid; rows are kept even when their values are invalid. Raises LexiconError when the
    header is unusable."""
    _, rows = _records(csv_text, name)
    return pd.DataFrame(
        [[row.values[c] for c in COLUMNS] for row in rows], columns=COLUMNS, dtype=object
    )


def _cell(value: object) -> str:
    """A grid cell as CSV text: blanks for missing values, 1 rather than 1.0 for numbers."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def lexicon_to_csv(frame: pd.DataFrame) -> str:
    """CSV text (header = the frame's columns, "\\n" line ends) of an edited lexicon table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([str(column) for column in frame.columns])
    writer.writerows([_cell(value) for value in row] for row in frame.itertuples(index=False))
    return buffer.getvalue()


def save_lexicon(text_or_frame: str | pd.DataFrame, path: str | Path) -> Lexicon:
    """Validate, then write the lexicon to ``path`` atomically; returns what was saved.

    Raises LexiconError (naming ``path``) and writes nothing when the lexicon is invalid."""
    text = text_or_frame if isinstance(text_or_frame, str) else lexicon_to_csv(text_or_frame)
    lexicon = parse_lexicon(text, str(path))
    write_text_atomic(path, text)
    return lexicon


def _line_end(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def new_lexicon_text() -> str:
    """The CSV text of a lexicon with no rows yet (its header)."""
    return ",".join(COLUMNS) + "\n"


def _append_row(csv_text: str, values: dict[str, str], name: str) -> str:
    """``csv_text`` with one row of ``values`` (column -> value) appended in the file's
    own column order and line ends; raises LexiconError when the result is invalid."""
    end = _line_end(csv_text)
    if not csv_text.strip():
        csv_text = ",".join(COLUMNS) + end
    elif not csv_text.endswith(("\n", "\r")):
        csv_text += end
    header = next(csv.reader(io.StringIO(csv_text.removeprefix("\ufeff"), newline="")))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=end).writerow(
        [values.get(column.strip().lower(), "") for column in header]
    )
    result = csv_text + buffer.getvalue()
    problems = find_lexicon_problems(result, name)
    if problems:
        raise _combine(problems)
    return result


def add_label(csv_text: str, actor: str, label: str, valence: int, note: str, name: str) -> str:
    """``csv_text`` with one label row appended (a discovered label promoted into the story
    lexicon). ``valence`` runs -2..+2 toward ``actor``. Raises LexiconError, naming the new
    row, when the result would not be a valid lexicon."""
    values = {"kind": "label", "text": label, "actor": actor, "valence": str(valence), "note": note}
    return _append_row(csv_text, values, name)


def add_actor(
    csv_text: str, actor: str, display_name: str, aliases: Sequence[str], note: str, name: str
) -> str:
    """``csv_text`` with an actor row appended: id ``actor``, shown as ``display_name``,
    matched by it and by ``aliases`` (other spellings; repeats, in any case, dropped).
    Raises LexiconError when the result would not be a valid lexicon."""
    forms = [a for a in _merge_aliases((display_name,), [_one_line(a) for a in aliases]) if a][1:]
    values = {
        "kind": "actor",
        "text": display_name,
        "forms": FORM_SEPARATOR.join(forms),
        "actor": actor,
        "note": note,
    }
    return _append_row(csv_text, values, name)


GENERAL_DIR = SHIPPED_DIR / "general"
EVALUATIVE_WORDS = GENERAL_DIR / "evaluative_words.csv"


@dataclass(frozen=True)
class EvaluativeWord:
    """A word of the general evaluative resources (framing/lexicons/README.md): VADER's
    valence (-4 .. +4) and the adjective subjectivity lexicon's polarity (-1 .. +1) and
    subjectivity (0 objective .. 1 subjective), NaN where a resource lacks the word."""

    word: str
    vader: float
    polarity: float
    subjectivity: float


@functools.cache
def load_evaluative_words() -> dict[str, EvaluativeWord]:
    """The shipped general evaluative words by lower-case word (read once per process)."""
    words = {}
    with EVALUATIVE_WORDS.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            number = {k: float(row[k]) if row[k] else math.nan for k in ("vader", "polarity",
                      "subjectivity")}  # fmt: skip
            words[row["word"]] = EvaluativeWord(row["word"], **number)
    return words
