"""From a finding's location to the widget that fixes it.

A finding names a place in the plan (`("indicators", 1, "baseline", "year")`).
Most places are a form field; some are not (`regions` for shares that do not
total 100, `strategy` for missing resources, a plugin's own key). For those the
editor focuses the nearest thing that fixes the finding and says why there.
Pure Python, so the rules are tested without a screen.
"""

from __future__ import annotations

from attrs import frozen

from intl_tui.fields import FIELDS, Field

__all__ = ["JumpTarget", "jump_target"]

_SINGULAR = {"regions": "region", "actions": "action", "indicators": "indicator", "agreements": "agreement", "offices": "office"}
_STRATEGY_KEYS = {"frameworks": "@frameworks", "ignore": "@ignore", "severity": "@severity"}


@frozen
class JumpTarget:
    """Where a finding's jump lands: a tab, the item (index into its collection),
    and a form field, or the tab's list when `field` is None (None and
    `index` None on the strategy tab: the findings stay focused).
    `note` says why, when the place has no widget of its own."""

    tab: str
    index: int | None = None
    field: Field | None = None
    note: str | None = None


def _field(tab: str, key: str) -> Field | None:
    return next((f for f in FIELDS[tab] if f.key == key), None)


def _strategy_field(parts: list[str]) -> Field | None:
    """The strategy's field for `period.start`, or for `period` its first field."""
    key = ".".join(parts)
    return _field("strategy", key) or next((f for f in FIELDS["strategy"] if parts and f.key.split(".")[0] == parts[0]), None)


def jump_target(location: tuple, first_region: int | None = None) -> JumpTarget:
    """The widget for a finding at `location`. `first_region` is the index of the
    region listed first (where a finding about all the shares lands), if any."""
    if not location:
        return JumpTarget("strategy", note="the plan as a whole: the findings list stays focused")
    head, rest = location[0], list(location[1:])
    if head in _STRATEGY_KEYS:
        return JumpTarget("strategy", field=_field("strategy", _STRATEGY_KEYS[head]))
    if head == "methodology":  # its seven contents are fields of the Strategy tab
        field = _field("strategy", f"@methodology.{rest[0]}") if rest else None
        if field is None:
            return JumpTarget(
                "strategy",
                field=next(f for f in FIELDS["strategy"] if f.key.startswith("@methodology.")),
                note="the methodology as a whole: its seven contents are the last fields of the Strategy tab",
            )
        return JumpTarget("strategy", field=field)
    if head == "strategy":
        names = [str(p) for p in rest if not isinstance(p, int)]
        if not names:
            return JumpTarget(
                "strategy",
                field=_field("strategy", "budget.amount"),
                note="the strategy as a whole: Budget is the nearest field (Staff (FTE) is below it)",
            )
        field = _strategy_field(names[:2])
        if field is None:
            return JumpTarget("strategy", note=f"strategy.{names[0]} has no field in the editor: edit it in the file")
        return JumpTarget("strategy", field=field)
    if head not in FIELDS:
        return JumpTarget("strategy", note=f"{head} has no field in the editor: edit it in the file")
    singular = _SINGULAR[head]
    if not rest or not isinstance(rest[0], int):
        if head == "regions" and first_region is not None:
            return JumpTarget(
                head, first_region, _field(head, "share"), note="all the shares together: the first region's share is the nearest field"
            )
        return JumpTarget(head, note=f"the {head} as a whole: the list is focused (Ctrl+N adds {'an' if singular[0] in 'aei' else 'a'} {singular})")
    index, keys = rest[0], [str(p) for p in rest[1:] if not isinstance(p, int)]
    if not keys:
        return JumpTarget(head, index, note=f"the whole {singular}: its row in the list is focused")
    field = _field(head, ".".join(keys[:2])) or _field(head, keys[0])
    if field is None and len(keys) == 1:
        field = next((f for f in FIELDS[head] if f.key.split(".")[0] == keys[0]), None)
    if field is None:
        return JumpTarget(head, index, note=f"{keys[0]} has no field in the editor: its {singular}'s row is focused; edit the key in the file")
    return JumpTarget(head, index, field)
