"""Bytes of a file as text: the encoding found, binary files refused, JSON objects read."""

from __future__ import annotations

import json
import re
from pathlib import Path

from framing.io.errors import LoadError

# Control characters that text files do not contain (tabs, line and page breaks do).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
BLOCK = 1 << 20  # bytes or characters read at a time from a file or stream


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "no such file or folder") from None
    except OSError as error:
        raise LoadError(path, f"cannot be read ({error.strerror or error})") from None


def decode(name: str, data: bytes) -> str:
    """Text of a file: UTF-8 (a BOM is dropped), UTF-16/32 by BOM, else the encoding
    charset_normalizer finds, preferring Windows-1252 when it reads the bytes as cleanly."""
    text = _decode_bytes(data)
    if text is None or _looks_binary(text):
        raise LoadError(name, "looks like a binary file, not text")
    if not text.strip():
        raise LoadError(name, "is empty")
    return text


def _decode_bytes(data: bytes) -> str | None:
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    import charset_normalizer  # imported here: only files that are not UTF-8 need it

    best = charset_normalizer.from_bytes(data).best()
    if b"\x00" in data:
        # NUL bytes only occur in text as half of a UTF-16/32 code unit.
        ok = best is not None and best.encoding.startswith(("utf_16", "utf_32"))
        return str(best) if ok else None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    # Short Western texts fit several code pages equally well; cp1252 is what the web
    # means by "latin-1", so it wins any tie.
    if western is not None and (
        best is None or charset_normalizer.md.mess_ratio(western, 1.0) <= best.chaos
    ):
        return western
    return str(best) if best is not None else None


def _looks_binary(text: str) -> bool:
    controls = len(_CONTROL_CHARS.findall(text))
    return "\x00" in text or controls > max(2, len(text) // 100)


def read_json_object(path: Path) -> dict:
    try:
        data = json.loads(decode(str(path), read_bytes(path)))
    except json.JSONDecodeError as error:
        raise LoadError(path, f"is not valid JSON: {error.msg}", error.lineno) from None
    if not isinstance(data, dict):
        raise LoadError(path, "must hold a JSON object")
    return data
