"""The installed distributions' entry points, cached between runs.

Scanning every installed distribution's metadata (`importlib.metadata`) costs
`intl check` about a sixth of its start-up, on every run, for an answer that
changes only when something is installed, upgraded or removed. Each of those
adds or removes a `*.dist-info` folder in a folder on `sys.path`, which
changes that folder's modification time; so the cache is keyed on the
modification times of the `sys.path` folders and rebuilt when any differs.
The cache is a small JSON file in the user's cache folder, one per Python
environment; if it cannot be read or written, the scan simply runs.
`INTL_SDK_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from typing import Any

__all__ = ["CachedEntryPoint", "cache_file", "plugin_entry_points"]

_CACHE_VERSION = 2
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


def _fingerprint() -> list[list[Any]]:
    out = []
    for folder in sys.path:
        try:
            out.append([folder, os.stat(folder or ".").st_mtime_ns])
        except OSError:
            continue
    return out


def cache_file() -> str:
    """This environment's cache file (one per `sys.prefix`)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    key = hashlib.sha256(f"{sys.prefix}\0{sys.version}".encode()).hexdigest()[:16]
    return os.path.join(base, "intl-sdk", f"entry-points-{key}.json")


def _scan(group: str) -> list[list[str]]:
    from importlib.metadata import entry_points

    out = []
    for entry_point in entry_points(group=group):
        dist = getattr(entry_point, "dist", None)
        out.append(
            [
                entry_point.name,
                entry_point.value,
                dist.name if dist is not None else entry_point.value.split(":")[0],
                dist.version if dist is not None else "",
            ]
        )
    return out


def plugin_entry_points(group: str) -> list[CachedEntryPoint]:
    """The entry points of `group`, from the cache when nothing was installed,
    upgraded or removed since it was written."""
    fingerprint = _fingerprint()
    use_cache = os.environ.get("INTL_SDK_NO_CACHE", "") in ("", "0")
    path = cache_file()
    entries: list[dict[str, Any]] = []
    rows = None
    if use_cache:
        try:
            with open(path, encoding="utf-8") as handle:
                cached = json.load(handle)
            if cached.get("version") == _CACHE_VERSION:
                entries = [entry for entry in cached["entries"] if isinstance(entry, dict)]
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            entries = []
        for entry in entries:
            if entry.get("fingerprint") == fingerprint and group in entry.get("groups", {}):
                rows = entry["groups"][group]
                break
    if rows is None:
        rows = _scan(group)
        if use_cache:
            # A few fingerprints are kept: `intl` and `python -c` see different `sys.path[0]`s.
            entries = [e for e in entries if e.get("fingerprint") != fingerprint][: _KEPT - 1]
            entries.insert(0, {"fingerprint": fingerprint, "groups": {group: rows}})
            _write(path, {"version": _CACHE_VERSION, "entries": entries})
    return [CachedEntryPoint(name, value, group, distribution, version) for name, value, distribution, version in rows]


def _write(path: str, data: dict[str, Any]) -> None:
    """Write the cache atomically; a cache that cannot be written is no error."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(temporary, path)
    except OSError:
        pass
