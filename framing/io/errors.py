"""LoadError: an input that cannot be loaded, named in one line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from framing.models import LoadProblem

# Messages quote what a parser said, which may include a 5 MB header line.
_MAX_MESSAGE_CHARS = 300


class LoadError(ValueError):
    """An input that cannot be loaded at all; ``str()`` is one line "FILE[:LINE]: message"."""

    def __init__(self, file: str | Path, message: str, line: int | None = None) -> None:
        self.file = str(file)
        self.message = shorten(" ".join(message.split()), _MAX_MESSAGE_CHARS)  # one line
        self.line = line
        super().__init__(str(self.problem))

    @property
    def problem(self) -> LoadProblem:
        """The same error as a LoadProblem, for ``Story.skipped``."""
        return LoadProblem(self.file, self.message, self.line)

    @classmethod
    def nothing_loaded(cls, name: str, problems: Sequence[LoadProblem]) -> LoadError:
        """The error for an input none of whose articles loaded: its only problem as it is,
        or a count and the first one."""
        if len(problems) == 1 and problems[0].file == name:
            return cls(name, problems[0].message, problems[0].line)
        count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
        first = f"; first: {problems[0]}" if problems else ""
        return cls(name, f"has no article that could be loaded ({count}{first})")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
