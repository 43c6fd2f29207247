"""Part files of a streamed run (framing.batch).

A long run keeps each scored chunk in a parts folder beside its output, so that an
interrupted run can resume: part-NNNNNN.parquet holds the chunk's scores (when it has
any) and part-NNNNNN.json its summary; manifest.json says what the parts were made from.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from framing.io.atomic import write_text_atomic
from framing.io.decoding import BLOCK, read_json_object
from framing.io.errors import LoadError
from framing.io.formats import table_suffix, write_table
from framing.models import LoadProblem, PartSummary

_PARTS_MANIFEST = "manifest.json"


def load_file_fingerprint(path: str | Path) -> dict[str, object]:
    """What tells a file's content apart: its absolute path, size, modification time and
    SHA-256 (the file is read in blocks)."""
    path = Path(path)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    stat = path.stat()
    return {
        "input": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sha256": digest.hexdigest(),
    }


def load_part_manifest(parts: str | Path) -> dict | None:
    """The manifest saved in the parts folder ``parts``, None when there is none. Raises
    LoadError naming it when it is not a JSON object."""
    path = Path(parts) / _PARTS_MANIFEST
    return read_json_object(path) if path.is_file() else None


def save_part_manifest(parts: str | Path, manifest: dict[str, object]) -> None:
    """Write ``manifest`` (JSON-ready) as the manifest of ``parts``, atomically; the folder
    is made when missing."""
    write_text_atomic(Path(parts) / _PARTS_MANIFEST, json.dumps(manifest, indent=1) + "\n")


def load_part_summaries(parts: str | Path) -> dict[int, PartSummary]:
    """The finished parts in ``parts``, by chunk index. Raises LoadError naming a summary
    file that is not one."""
    done = {}
    for path in sorted(Path(parts).glob("part-*.json")):
        data = read_json_object(path)
        try:
            skipped = tuple(LoadProblem(*problem) for problem in data["skipped"])
            summary = PartSummary(data["index"], data["articles"], skipped)
        except (KeyError, TypeError) as error:
            raise LoadError(path, f"is not a part summary ({error!r})") from None
        done[summary.index] = summary
    return done


def save_part(
    parts: str | Path, index: int, scores: pd.DataFrame, skipped: Iterable[LoadProblem]
) -> PartSummary:
    """Save chunk ``index``'s scores and the rows it skipped in ``parts``. The summary is
    written last: a part whose save was interrupted has none, so it is not reused."""
    summary = PartSummary(index, len(scores), tuple(skipped))
    if summary.articles:
        write_table(scores, _part_path(Path(parts), index, ".parquet"))
    data = {
        "index": index,
        "articles": summary.articles,
        "skipped": [[p.file, p.message, p.line, p.skipped] for p in summary.skipped],
    }
    write_text_atomic(_part_path(Path(parts), index, ".json"), json.dumps(data) + "\n")
    return summary


def load_part_table(
    parts: str | Path, index: int, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """The table saved as part ``index`` in ``parts`` (only ``columns``, when given). A part
    that held no rows has no table: ask only for parts whose summary counts articles."""
    return pd.read_parquet(_part_path(Path(parts), index, ".parquet"), columns=columns)


def remove_parts(parts: str | Path) -> None:
    """Delete the part files and manifest in ``parts``, then the folder once it is empty;
    other files in it are kept."""
    parts = Path(parts)
    if not parts.is_dir():
        return
    for path in [
        *parts.glob("part-*.parquet"),
        *parts.glob("part-*.json"),
        parts / _PARTS_MANIFEST,
    ]:
        path.unlink(missing_ok=True)
    if not any(parts.iterdir()):
        parts.rmdir()


def write_table_from_parts(parts: str | Path, indexes: Iterable[int], out: str | Path) -> Path:
    """Stream the scores of parts ``indexes``, in that order, into ``out`` in the format its
    extension names, as ``write_table`` writes their concatenation (.json: one record per
    line), holding one part at a time. ``out`` is written to a temporary file in the same
    folder, synced, given the mode a new file gets, then renamed over ``out``. Raises
    ValueError for another extension or no parts (a Parquet file needs a first part's
    schema)."""
    out = Path(out)
    suffix = table_suffix(out)
    part_paths = [_part_path(Path(parts), index, ".parquet") for index in indexes]
    if not part_paths:
        raise ValueError(f"{out}: no parts to write")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if suffix == ".parquet":
            _join_parquet(part_paths, tmp)
        else:
            _join_text(part_paths, tmp, suffix)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)  # mkstemp makes the file private (0600)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _part_path(parts: Path, index: int, suffix: str) -> Path:
    return parts / f"part-{index:06d}{suffix}"


def _join_parquet(part_paths: Sequence[Path], target: Path) -> None:
    writer = None
    try:
        for part in part_paths:
            table = pq.read_table(part)
            if writer is None:
                writer = pq.ParquetWriter(target, table.schema)
            writer.write_table(table.cast(writer.schema))
    finally:
        if writer is not None:
            writer.close()


def _join_text(part_paths: Sequence[Path], target: Path, suffix: str) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        if suffix == ".json":
            handle.write("[")
        for number, part in enumerate(part_paths):
            frame = pd.read_parquet(part)
            if suffix == ".csv":
                handle.write(frame.to_csv(index=False, header=number == 0))
                continue
            lines = frame.to_json(orient="records", lines=True, force_ascii=False)
            lines = lines.rstrip("\n")
            if suffix == ".json":
                handle.write(("," if number else "") + "\n" + lines.replace("\n", ",\n"))
            else:
                handle.write(lines + "\n")
        if suffix == ".json":
            handle.write("\n]\n")
