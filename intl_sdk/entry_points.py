"""The installed distributions' entry points, cached between runs.

Scanning every installed distribution's metadata (`importlib.metadata`) costs
`intl check` about a sixth of its start-up, on every run, for an answer that
changes only when something is installed, upgraded or removed. Each of those
adds or removes a `*.dist-info` folder in a folder on `sys.path`, which
changes that folder's modification time; so the cache is keyed on the
modification times of the `sys.path` folders and rebuilt when any differs.
The cache is a small text file in the user's cache folder, one per Python
environment; if it cannot be read or written, the scan simply runs.
`INTL_SDK_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

__all__ = ["CachedEntryPoint", "cache_file", "plugin_entry_points"]

_CACHE_VERSION = 3
_KEPT = 4  # fingerprints kept in one cache file


class _Distribution:
    __slots__ = ("name", "version")

    def __init__(self, name: str, version: str) -> None:
        self.name = name
        self.version = version


class CachedEntryPoint:
    """What the plugin loader uses of `importlib.metadata.EntryPoint`: name,
    value, the distribution's name and version, and `load()`."""

    __slots__ = ("name", "value", "group", "dist")

    def __init__(self, name: str, value: str, group: str, distribution: str, version: str) -> None:
        self.name = name
        self.value = value
        self.group = group
        self.dist = _Distribution(distribution, version)

    def load(self) -> Any:
        """Import the module and walk to the attribute, as `EntryPoint.load` does."""
        module_name, _, attribute = self.value.partition(":")
        target = importlib.import_module(module_name.strip())
        for part in attribute.split("[")[0].strip().split(".") if attribute else ():
            target = getattr(target, part)
        return target


def _fingerprint() -> str:
    """The `sys.path` folders and their modification times, one line each."""
    lines = []
    for folder in sys.path:
        try:
            lines.append(f"{folder}\t{os.stat(folder or '.').st_mtime_ns}")
        except OSError:
            continue
    return "\n".join(lines)


def cache_file() -> str:
    """This environment's cache file (one per `sys.prefix` and Python version)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    key = _fnv1a(f"{sys.prefix}\0{sys.version}")
    return os.path.join(base, "intl-sdk", f"entry-points-{key:08x}.txt")


def _fnv1a(text: str) -> int:
    """A stable 32-bit hash (FNV-1a) of `text`: a few microseconds, where importing
    `zlib` for its crc32 cost a third of a millisecond of every start."""
    key = 0x811C9DC5
    for byte in text.encode("utf-8", "surrogateescape"):
        key = ((key ^ byte) * 0x01000193) & 0xFFFFFFFF
    return key


def _scan(group: str) -> list[tuple[str, str, str, str]]:
    from importlib.metadata import entry_points

    out = []
    for entry_point in entry_points(group=group):
        dist = getattr(entry_point, "dist", None)
        out.append(
            (
                entry_point.name,
                entry_point.value,
                dist.name if dist is not None else entry_point.value.split(":")[0],
                dist.version if dist is not None else "",
            )
        )
    return out


# The cache file: a header line, then blocks separated by a form feed, each a
# fingerprint, a line "--", and a row a line (group, name, value, distribution,
# version; tab-separated). Plain text, so reading it imports nothing.
_HEADER = f"intl-sdk entry points {_CACHE_VERSION}\n"


def _read(path: str) -> list[tuple[str, list[tuple[str, ...]]]]:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            text = handle.read()
    except OSError:
        return []
    if not text.startswith(_HEADER):
        return []
    blocks = []
    for block in text[len(_HEADER) :].split("\f"):
        fingerprint, separator, rows = block.partition("\n--\n")
        if separator:
            blocks.append((fingerprint, [tuple(row.split("\t")) for row in rows.splitlines() if row.count("\t") == 4]))
    return blocks


def plugin_entry_points(group: str) -> list[CachedEntryPoint]:
    """The entry points of `group`, from the cache when nothing was installed,
    upgraded or removed since it was written."""
    fingerprint = _fingerprint()
    use_cache = os.environ.get("INTL_SDK_NO_CACHE", "") in ("", "0")
    path = cache_file()
    blocks = _read(path) if use_cache else []
    for cached_fingerprint, rows in blocks:
        if cached_fingerprint == fingerprint and all(len(row) == 5 for row in rows):
            empty = (group, "", "", "", "")  # the row that records a group with no entry points
            found = [row[1:] for row in rows if row[0] == group and row != empty]
            if found or empty in rows:
                return [CachedEntryPoint(name, value, group, dist, version) for name, value, dist, version in found]
    found = _scan(group)
    if use_cache and _storable(fingerprint, group, found):
        # A few fingerprints are kept: `intl` and `python -c` see different `sys.path[0]`s.
        rows = [(group, *row) for row in found] or [(group, "", "", "", "")]
        blocks = [(fingerprint, rows)] + [block for block in blocks if block[0] != fingerprint][: _KEPT - 1]
        _write(path, _HEADER + "\f".join(f + "\n--\n" + "".join("\t".join(r) + "\n" for r in rs) for f, rs in blocks))
    return [CachedEntryPoint(name, value, group, dist, version) for name, value, dist, version in found]


def _storable(fingerprint: str, group: str, rows: list[tuple[str, ...]]) -> bool:
    """Tabs, newlines and form feeds would break the file's plain format: such an
    environment is simply not cached."""
    texts = [fingerprint.replace("\t", "").replace("\n", ""), group, *(part for row in rows for part in row)]
    return not any(char in text for text in texts for char in "\t\n\f\r")


def _write(path: str, text: str) -> None:
    """Write the cache atomically; a cache that cannot be written is no error."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError:
        pass
