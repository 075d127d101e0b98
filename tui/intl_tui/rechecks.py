"""Re-checking a plan while it is typed: only the checks that read what changed.

A whole check of a 5,000-action plan costs about as much as the editor may
take to answer a key. Most of its ~40 checks do not look at what a key
changed: a region's share is read by 9 of them, an action's title by 2. So
the editor learns, once the plan is open and whenever typing pauses, which
fields each check reads: every check runs alone while the plan's classes
record each attribute read on them (`Learned`: the findings of each check and
the (class, attribute) pairs it read). After an edit of fields F, the checks
that read one of F run again and the others keep their findings; merged and
sorted as `intl_sdk.check` sorts them, that is what a whole check gives.

What a check reads can depend on the values it finds (a region's name is read
only for the regions over their share), so it is learned again each time
typing pauses, from the plan as it is then. An edit of the plan's own keys
(`ignore`, `severity`, frameworks), items added or removed, ids renamed with
their references, a save (line numbers) or a plugin's failure make the next
check a whole one.
"""

from __future__ import annotations

import threading
from itertools import chain
from typing import Callable, Iterable

import attrs

import intl_sdk
from intl_sdk import model
from intl_sdk.checks import all_rules
from intl_sdk.findings import Finding

__all__ = ["Learned", "learn", "merged", "recheck"]

Read = tuple[str, str]  # (model class name, attribute)
PLUGIN_ERROR = "plugin-error"

_CLASSES = [value for value in vars(model).values() if isinstance(value, type) and attrs.has(value)]
_recording: set[Read] | None = None
_recorder = 0  # the thread whose reads are recorded
_learning = threading.Lock()


@attrs.define
class Learned:
    """Each enabled check's findings and what it read, for one state of the plan."""

    findings: dict[str, list[Finding]]
    reads: dict[str, set[Read]]
    origin: object = None  # the plan's origin then: after a save, line numbers may differ


def _recording_getattribute(cls: type) -> Callable:
    name_of_class = cls.__name__
    get = object.__getattribute__

    def __getattribute__(self, name: str):
        if _recording is not None and threading.get_ident() == _recorder:
            _recording.add((name_of_class, name))
        return get(self, name)

    return __getattribute__


def _enabled(plan: model.Plan) -> list[str]:
    ignored = set(plan.ignore)  # as intl_sdk.check skips them
    return [code for code in all_rules() if code not in ignored and code != PLUGIN_ERROR]


def merged(findings: Iterable[Finding]) -> list[Finding]:
    """In `intl_sdk.check`'s order: by line, then code (a check's own in the order it found them)."""
    return sorted(findings, key=lambda finding: (finding.line or 0, finding.code))


def learn(plan: model.Plan, cancelled: Callable[[], bool]) -> Learned | None:
    """Run each check alone, recording what it reads (about three times a whole
    check). None when `cancelled()` turns true between two checks, or when a
    plugin failed (its failure is reported by a whole check only)."""
    with _learning:  # one at a time: the classes are the process's
        return _learn(plan, cancelled)


def _learn(plan: model.Plan, cancelled: Callable[[], bool]) -> Learned | None:
    global _recording, _recorder
    learned = Learned({}, {}, plan.origin)
    if intl_sdk.check(plan, select=[PLUGIN_ERROR]):
        return None
    _recorder = threading.get_ident()
    for cls in _CLASSES:
        cls.__getattribute__ = _recording_getattribute(cls)
    try:
        for code in _enabled(plan):
            if cancelled():
                return None
            _recording = set()
            found = intl_sdk.check(plan, select=[code, PLUGIN_ERROR] if "/" in code else [code])
            learned.reads[code], _recording = _recording, None
            if any(finding.code == PLUGIN_ERROR for finding in found):
                return None
            learned.findings[code] = found
    finally:
        _recording = None
        for cls in _CLASSES:
            del cls.__getattribute__
    return learned


def recheck(plan: model.Plan, learned: Learned, changed: set[Read]) -> dict[str, list[Finding]] | None:
    """The findings of the checks that read one of `changed`, run again together;
    None when only a whole check will do (a plugin failed, or the checks are not
    those learned)."""
    enabled = _enabled(plan)
    if set(enabled) != set(learned.reads):
        return None
    again = [code for code in enabled if learned.reads[code] & changed]
    if not again:
        return {}
    plugins = any("/" in code for code in again)
    found = intl_sdk.check(plan, select=again + [PLUGIN_ERROR] if plugins else again)
    if any(finding.code == PLUGIN_ERROR for finding in found):
        return None
    by_code: dict[str, list[Finding]] = {code: [] for code in again}
    for finding in found:
        by_code[finding.code].append(finding)
    return by_code


def everything(learned: Learned) -> list[Finding]:
    return merged(chain.from_iterable(learned.findings.values()))
