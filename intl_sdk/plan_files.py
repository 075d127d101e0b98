"""Which TOML files are plans: for folders, `--only-plans` (pre-commit), compare and the LSP.

A plan is a TOML file whose top-level table has `format`; a table's `format`
key (`[tool.coverage.report] format = "markdown"` in a pyproject.toml) never
counts. In TOML a top-level key can only stand on its own line before the
first table header, so that is where we look; the plan reader then decides
(a `format =` line inside a multi-line string is not a key, and the reader
says so with `NotAPlanError`). A file that does not parse is a plan when a
`format =` line comes before its first table header: its errors are then
reported, not hidden.
"""

from __future__ import annotations

import os
import re
from typing import Iterable, Iterator

__all__ = ["find_toml_files", "has_format_line"]

#: A table header or a `format =` line (compiled, and cached by `re`, when a folder is first scanned).
_LINE = rb"""^[ \t]*(?:(\[)|(?:format|"format"|'format')[ \t]*=)"""


def has_format_line(data: bytes) -> bool:
    """Whether a `format =` line comes before the first table header."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    match = re.search(_LINE, data, re.M)
    return match is not None and match.group(1) is None


def find_toml_files(paths: Iterable[str], *, recursive: bool = False) -> Iterator[tuple[str, bool]]:
    """(file, named by the user) for each argument; a folder gives its `*.toml`
    files (sorted; with `recursive`, those of its sub-folders too, hidden ones
    and virtual environments aside)."""
    for path in paths:
        if not os.path.isdir(path):
            yield path, True
            continue
        if not recursive:
            names = sorted(name for name in os.listdir(path) if name.endswith(".toml"))
            yield from ((os.path.join(path, name), False) for name in names)
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = sorted(
                name for name in subfolders if not name.startswith(".") and name not in ("node_modules", "__pycache__")
            )
            for name in sorted(names):
                if name.endswith(".toml"):
                    yield os.path.join(folder, name), False
