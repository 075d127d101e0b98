"""What the checker reports: a `Finding` with a stable code and a `Severity`."""

from __future__ import annotations

import enum

from attrs import field, frozen

__all__ = ["Finding", "Severity"]


class Severity(str, enum.Enum):
    """How much a finding matters. Compare with `rank`: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def __str__(self) -> str:
        return self.value


_RANKS = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


@frozen
class Finding:
    """One slip in a plan.

    `path` names the place by ids (`regions.india.share`), `line` is the file
    line where the plan came from a file, `message` says what is wrong (with
    the numbers and names) and `hint` what to do. `location` is the same place
    as a tuple of keys and indexes, for programs that jump to it.
    """

    code: str
    severity: Severity
    path: str
    line: int | None
    message: str
    hint: str
    location: tuple = field(default=(), eq=False, repr=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "hint": self.hint,
        }
