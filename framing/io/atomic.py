"""Writes that a crash cannot leave half done: files renamed into place, folders swapped."""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from pathlib import Path


def link_or_copy(source: str | Path, target: str | Path) -> None:
    if Path(source).is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)


_RENAME_EXCHANGE = 2  # renameat2() flag: swap two paths atomically (Linux >= 3.15)
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, TypeError, AttributeError):  # not Linux, or an old C library
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_in(staging: Path, folder: Path) -> None:
    """Put ``staging`` at ``folder``; the old folder, if any, ends up at ``staging``."""
    if not folder.exists():
        os.rename(staging, folder)
        return
    if exchange(staging, folder):
        return
    # Without an atomic exchange a crash between these two renames leaves the old story
    # whole in the hidden ".<name>.saving-*.old" folder and the new one in staging.
    old = staging.with_name(staging.name + ".old")
    os.rename(folder, old)
    os.rename(staging, folder)
    shutil.rmtree(old, ignore_errors=True)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8, line endings untouched) to ``path`` so that a crash mid-write
    leaves the old file whole."""
    write_bytes_atomic(Path(path), text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """The data goes to a temporary file in the same folder, is fsynced, then renamed over
    the target (rename is atomic on POSIX), and the folder entry is fsynced too."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_durable(path: Path, data: bytes) -> None:
    """A new file in a folder nobody reads yet, on disk before it is renamed into view."""
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except PermissionError:  # Windows cannot open a folder; its renames need no fsync
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
