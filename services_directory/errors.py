"""Errors that say which file, which field and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, e.g. services/galop.yml: contacts.0.number: ..."""

    file: Path | str
    field: str  # dotted path inside the file, or "-" for the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class DirectoryDataError(ValueError):
    """The directory's data is invalid. Raised at load time, never later."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"services directory data is invalid ({len(problems)} problem(s)):\n"
                         f"{listing}")
