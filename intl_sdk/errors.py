"""The one exception a plan that cannot be read raises."""

from __future__ import annotations

__all__ = ["NotAPlanError", "PlanError"]


class PlanError(Exception):
    """A plan file that cannot be read: which file, which line, and what is wrong.

    `str(error)` reads like a compiler's message (`plan.toml:9:9: ...`), ready
    to show a user as it is.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [self.file or "<string>"]
        if self.line is not None:
            where.append(str(self.line))
            if self.column is not None:
                where.append(str(self.column))
        return f"{':'.join(where)}: {self.message}"

    def __reduce__(self):  # keep the keyword-only fields when pickled
        return (_rebuild, (self.message, self.file, self.line, self.column))


def _rebuild(message: str, file: str | None, line: int | None, column: int | None) -> PlanError:
    return PlanError(message, file=file, line=line, column=column)


class NotAPlanError(PlanError):
    """A TOML file with no top-level `format`: another tool's file, not a plan.
    Folders and `--only-plans` skip such files; named alone, it is an error."""
