"""Quick fixes: the did-you-mean of an unknown reference, and the unallocated
(or over-allocated) points of `shares-sum` added to (or taken off) a region,
offered on the finding and on every region's `share` (that region first).

Each fix is a change to the plan, written by the layout-keeping writer
(`intl_lsp.edits.edit_plan`), so comments and layout stay. Its text edits
are made only when asked for (`Fix.edits`): on a large plan the writer takes
a moment, and an editor asks for fixes whenever the cursor moves.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Mapping

from attrs import frozen

from intl_lsp.edits import TextEdit, edit_plan
from intl_lsp.ids import candidates, mention_at

if TYPE_CHECKING:
    from intl_sdk import Finding

    from intl_lsp.analysis import Analysis

__all__ = ["Fix", "fixes"]

#: At most this many "add the points to <region>" fixes (the region under the cursor first).
MAX_SHARE_FIXES = 8


@frozen
class Fix:
    """A quick fix: its title, the finding it fixes, and the change it makes to a plan."""

    title: str
    finding: Finding
    change: Callable[[Any], None]
    preferred: bool = False

    def edits(self, analysis: Analysis) -> list[TextEdit]:
        """The text edits of the fix (`EditRefused` when the writer cannot keep the layout)."""
        return edit_plan(analysis, self.change)


def fixes(analysis: Analysis, start: int, end: int, frameworks: Mapping[str, Any]) -> list[Fix]:
    """The fixes for the findings that touch the offsets `start`..`end`."""
    places = analysis.places
    if places is None or analysis.plan is None:
        return []
    out: list[Fix] = []
    for finding in analysis.findings:
        finding_start, finding_end = places.finding(finding)
        touched = not (finding_end < start or finding_start > end)
        if not touched and finding.code == "shares-sum":  # also offered on any region's share
            touched = any(
                (share := places.statement(("regions", index, "share"))) is not None and share[0] <= end and start <= share[1]
                for index in range(len(analysis.plan.regions))
            )
        if not touched:
            continue
        if finding.code == "unknown-reference":
            out += _did_you_mean(analysis, finding, frameworks)
        elif finding.code == "shares-sum":
            out += _shares(analysis, finding, start)
    return out


def _did_you_mean(analysis: Analysis, finding: Finding, frameworks: Mapping[str, Any]) -> list[Fix]:
    from intl_sdk.checks.context import closest
    from intl_sdk.display import printable

    plan = analysis.plan
    mention = mention_at(plan, finding.location)
    if mention is None or mention.defines:
        return []
    if mention.kind == "framework":
        ids = list(plan.frameworks)
    else:
        ids = [value for value, _ in candidates(mention.kind, plan, frameworks)]
    near = closest(mention.id, ids)
    if near is None:
        return []
    location = finding.location

    def change(edited) -> None:
        _set(edited, location, near)

    title = f"Replace '{printable(mention.id)}' with '{printable(near)}'"
    return [Fix(title, finding, change, preferred=True)]


def _set(plan, location: tuple, value: Any) -> None:
    """Set the value at a location of keys and indexes in the plan's model."""
    target: Any = plan
    for part in location[:-1]:
        target = target[part] if isinstance(part, int) else getattr(target, part)
    last = location[-1]
    if isinstance(last, int):
        target[last] = value
    else:
        setattr(target, last, value)


def _shares(analysis: Analysis, finding: Finding, cursor: int) -> list[Fix]:
    from intl_sdk.checks.context import as_decimal, format_number
    from intl_sdk.display import printable

    plan = analysis.plan
    places = analysis.places
    total = sum((as_decimal(region.share) or Decimal(0) for region in plan.regions), Decimal(0))
    gap = Decimal(100) - total
    if gap == 0:
        return []
    indexes = [i for i, region in enumerate(plan.regions) if as_decimal(region.share) is not None]
    if gap < 0:
        indexes = [i for i in indexes if as_decimal(plan.regions[i].share) >= -gap]

    def under_cursor(index: int) -> bool:
        extent = places.extent(("regions", index))
        return extent is not None and extent[0] <= cursor <= extent[1]

    indexes.sort(key=lambda i: not under_cursor(i))
    out = []
    for index in indexes[:MAX_SHARE_FIXES]:
        region = plan.regions[index]
        share = as_decimal(region.share)
        new = share + gap
        value: Any = int(new) if isinstance(region.share, int) and new == new.to_integral_value() else new
        name = printable(str(region.name or region.id or f"region {index + 1}"))
        points = f"{format_number(abs(gap))} point{'s' if abs(gap) != 1 else ''}"
        if gap > 0:
            title = f"Add the unallocated {points} to {name} ({format_number(share)}% → {format_number(new)}%)"
        else:
            title = f"Take the over-allocated {points} off {name} ({format_number(share)}% → {format_number(new)}%)"

        def change(edited, index=index, value=value) -> None:
            edited.regions[index].share = value

        out.append(Fix(title, finding, change, preferred=len(out) == 0 and under_cursor(index)))
    return out
