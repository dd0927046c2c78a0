"""Content errors that name the file, the line and the path inside the file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        at = f" at {self.path}" if self.path else ""
        return f"{where}:{at}: {self.message}" if at else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when YAML content is invalid; ``str()`` lists every problem found, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the guide's content:"
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])


def format_path(parts) -> str:
    """('criteria', 0, 'id') -> 'criteria[0].id'."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
