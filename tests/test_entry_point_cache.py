"""The entry-point cache read back: what was scanned, no more."""

from __future__ import annotations

from intl_sdk import entry_points


def test_a_group_with_no_entry_points_reads_back_empty(tmp_path, monkeypatch):
    """An environment with no plugin caches an empty group; reading it back must
    give no entry point (it once gave one with an empty name, which every later
    `intl` run reported as a plugin failing to import)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("INTL_SDK_NO_CACHE", raising=False)
    scans = []
    monkeypatch.setattr(entry_points, "_scan", lambda group: scans.append(group) or [])
    assert entry_points.plugin_entry_points("intl_sdk") == []  # scanned, and cached
    assert entry_points.plugin_entry_points("intl_sdk") == []  # read from the cache
    assert scans == ["intl_sdk"]
