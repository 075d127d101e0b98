"""A semantic diff of two versions of a plan: what changed, in the plan's terms.

Items are matched by id. Reported: regions added, removed and renamed, share
changes with the new total, offices added, removed or changed, actions added,
removed, moved between regions or pillars or answering other drivers,
indicator baseline and target changes and new actuals, agreements added,
removed, changing status or their conditions (added value, funds, staff,
sponsor), strategy fields and the methodology, and the findings that appeared
or went away.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from attrs import define, field

from intl_sdk.checks import check
from intl_sdk.checks.context import as_decimal, format_number
from intl_sdk.methodology import METHODOLOGY_KEYS
from intl_sdk.model import Plan

__all__ = ["Change", "PlanDiff", "diff_plans"]


@define
class Change:
    """One difference: `kind` is stable (for programs), `text` is for people."""

    kind: str
    path: str
    text: str
    old: Any = None
    new: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path, "text": self.text, "old": _json(self.old), "new": _json(self.new)}


@define
class PlanDiff:
    changes: list[Change] = field(factory=list)

    def add(self, kind: str, path: str, text: str, old: Any = None, new: Any = None) -> None:
        self.changes.append(Change(kind, path, text, old, new))

    def as_dict(self) -> dict[str, Any]:
        return {"changes": [c.as_dict() for c in self.changes]}


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _by_id(items: list) -> dict[str, Any]:
    return {item.id: item for item in items if isinstance(item.id, str)}


def _total(plan: Plan) -> Decimal:
    return sum((as_decimal(r.share) or Decimal(0) for r in plan.regions), Decimal(0))


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    result = PlanDiff()
    _strategy(old, new, result)
    _regions(old, new, result)
    _offices(old, new, result)
    _actions(old, new, result)
    _indicators(old, new, result)
    _agreements(old, new, result)
    _findings(old, new, result)
    return result


def _strategy(old: Plan, new: Plan, result: PlanDiff) -> None:
    for name in ("name", "organisation", "home_region", "staff_fte", "objectives", "sectors", "drivers"):
        before, after = getattr(old.strategy, name), getattr(new.strategy, name)
        if before != after:
            result.add("strategy-changed", f"strategy.{name}", f"strategy {name}: {before!r} → {after!r}", before, after)
    for name in ("period", "budget"):
        before, after = getattr(old.strategy, name), getattr(new.strategy, name)
        if before != after:
            result.add("strategy-changed", f"strategy.{name}", f"strategy {name} changed", _describe(before), _describe(after))
    for key in METHODOLOGY_KEYS:
        before = getattr(old.methodology, key) if old.methodology is not None else None
        after = getattr(new.methodology, key) if new.methodology is not None else None
        if before != after:
            result.add("methodology-changed", f"methodology.{key}", f"methodology {key}: {before!r} → {after!r}", before, after)
    if old.frameworks != new.frameworks:
        result.add("frameworks-changed", "frameworks", f"frameworks: {old.frameworks} → {new.frameworks}", old.frameworks, new.frameworks)


def _describe(value: Any) -> Any:
    if value is None:
        return None
    return {k: _json(getattr(value, k)) for k in ("start", "end", "amount", "currency") if hasattr(value, k)}


def _regions(old: Plan, new: Plan, result: PlanDiff) -> None:
    before, after = _by_id(old.regions), _by_id(new.regions)
    removed = [i for i in before if i not in after]
    added = [i for i in after if i not in before]
    renamed = {}
    for old_id in removed:  # same name, new id: a rename, not a removal and an addition
        match = next((n for n in added if after[n].name and after[n].name == before[old_id].name and n not in renamed.values()), None)
        if match:
            renamed[old_id] = match
    for old_id, new_id in renamed.items():
        result.add("region-renamed", f"regions.{new_id}", f"region {before[old_id].name!r}: id {old_id!r} → {new_id!r}", old_id, new_id)
    for region_id in removed:
        if region_id not in renamed:
            result.add("region-removed", f"regions.{region_id}", f"region {before[region_id].name or region_id!r} removed ({format_number(before[region_id].share)}%)", region_id)
    for region_id in added:
        if region_id not in renamed.values():
            result.add("region-added", f"regions.{region_id}", f"region {after[region_id].name or region_id!r} added ({format_number(after[region_id].share)}%)", None, region_id)
    pairs = [(i, i) for i in before if i in after] + list(renamed.items())
    share_changed = False
    for old_id, new_id in pairs:
        a, b = before[old_id], after[new_id]
        if a.name != b.name:
            result.add("region-renamed", f"regions.{new_id}.name", f"region {new_id!r} renamed {a.name!r} → {b.name!r}", a.name, b.name)
        if as_decimal(a.share) != as_decimal(b.share):
            share_changed = True
            result.add(
                "share-changed", f"regions.{new_id}.share",
                f"{b.name or new_id}: share {format_number(a.share)}% → {format_number(b.share)}%", a.share, b.share,
            )
    if share_changed or removed or added:
        total_before, total_after = _total(old), _total(new)
        if total_before != total_after:
            result.add("shares-total", "regions", f"shares total {format_number(total_before)}% → {format_number(total_after)}%", total_before, total_after)


def _added_and_removed(collection: str, before: dict, after: dict, result: PlanDiff, detail=lambda item: "") -> None:
    singular = collection[:-1]
    for item_id in sorted(before.keys() - after.keys()):
        result.add(f"{singular}-removed", f"{collection}.{item_id}", f"{singular} {item_id!r} removed", item_id)
    for item_id in sorted(after.keys() - before.keys()):
        result.add(f"{singular}-added", f"{collection}.{item_id}", f"{singular} {item_id!r} added{detail(after[item_id])}", None, item_id)


def _offices(old: Plan, new: Plan, result: PlanDiff) -> None:
    before, after = _by_id(old.offices), _by_id(new.offices)
    _added_and_removed("offices", before, after, result, lambda o: f" in {o.region!r}")
    for office_id in [i for i in before if i in after]:
        a, b = before[office_id], after[office_id]
        for name in ("region", "location", "host", "staff_fte", "opened", "tasks"):
            x, y = getattr(a, name), getattr(b, name)
            if x != y:  # 2 == Decimal("2.0"): the same staff written two ways is no change
                result.add("office-changed", f"offices.{office_id}.{name}", f"office {office_id!r} {name}: {x!r} → {y!r}", _json(x), _json(y))


def _actions(old: Plan, new: Plan, result: PlanDiff) -> None:
    before, after = _by_id(old.actions), _by_id(new.actions)
    _added_and_removed("actions", before, after, result, lambda a: f" in {a.region!r}")
    for action_id in [i for i in before if i in after]:
        a, b = before[action_id], after[action_id]
        if a.region != b.region:
            result.add("action-moved", f"actions.{action_id}.region", f"action {action_id!r} moved from {a.region!r} to {b.region!r}", a.region, b.region)
        if set(a.pillars) != set(b.pillars):
            gone, came = sorted(set(a.pillars) - set(b.pillars)), sorted(set(b.pillars) - set(a.pillars))
            text = f"action {action_id!r} pillars" + (f" +{', +'.join(came)}" if came else "") + (f" -{', -'.join(gone)}" if gone else "")
            result.add("action-pillars", f"actions.{action_id}.pillars", text, a.pillars, b.pillars)
        for name in ("cost", "staff_fte", "title", "start", "end", "drivers"):
            if getattr(a, name) != getattr(b, name):
                result.add("action-changed", f"actions.{action_id}.{name}", f"action {action_id!r} {name}: {getattr(a, name)!r} → {getattr(b, name)!r}", getattr(a, name), getattr(b, name))


def _indicators(old: Plan, new: Plan, result: PlanDiff) -> None:
    before, after = _by_id(old.indicators), _by_id(new.indicators)
    _added_and_removed("indicators", before, after, result)
    for indicator_id in [i for i in before if i in after]:
        a, b = before[indicator_id], after[indicator_id]
        for name in ("baseline", "target"):
            x, y = getattr(a, name), getattr(b, name)
            pair_x = (as_decimal(x.value), x.change, x.year) if x else (None, None, None)
            pair_y = (as_decimal(y.value), y.change, y.year) if y else (None, None, None)
            if pair_x != pair_y:
                result.add(
                    f"{name}-changed", f"indicators.{indicator_id}.{name}",
                    f"{b.name or indicator_id}: {name} {_measure(pair_x)} → {_measure(pair_y)}",
                    _measure(pair_x), _measure(pair_y),
                )
        for year, value in sorted(b.actuals.items()):
            if year not in a.actuals:
                result.add("actual-added", f"indicators.{indicator_id}.actuals", f"{b.name or indicator_id}: new actual {year} = {format_number(value)}", None, {"year": year, "value": _json(value)})
            elif as_decimal(a.actuals[year]) != as_decimal(value):
                result.add("actual-changed", f"indicators.{indicator_id}.actuals", f"{b.name or indicator_id}: actual {year} {format_number(a.actuals[year])} → {format_number(value)}", _json(a.actuals[year]), _json(value))


def _measure(pair: tuple) -> str:
    value, change, year = pair
    if value is None and change is None and year is None:
        return "none"
    what = format_number(value) if value is not None else str(change) if change is not None else "?"
    return what + (f" ({year})" if year is not None else "")


def _agreements(old: Plan, new: Plan, result: PlanDiff) -> None:
    before, after = _by_id(old.agreements), _by_id(new.agreements)
    _added_and_removed("agreements", before, after, result, lambda a: f" ({a.status or 'no status'})")
    for agreement_id in [i for i in before if i in after]:
        a, b = before[agreement_id], after[agreement_id]
        for name in ("funds", "staff_fte", "added_value", "resources", "sponsor"):
            x, y = getattr(a, name), getattr(b, name)
            if x != y:
                result.add("agreement-changed", f"agreements.{agreement_id}.{name}", f"agreement {agreement_id!r} {name}: {x!r} → {y!r}", _json(x), _json(y))
        if a.status != b.status:
            result.add("agreement-status", f"agreements.{agreement_id}.status", f"agreement {agreement_id!r}: {a.status or 'no status'} → {b.status or 'no status'}", a.status, b.status)


def _findings(old: Plan, new: Plan, result: PlanDiff) -> None:
    def keyed(plan: Plan) -> dict[tuple[str, str], Any]:
        found: dict[tuple[str, str], Any] = {}
        for finding in check(plan):
            found.setdefault((finding.code, finding.path), finding)
        return found

    before, after = keyed(old), keyed(new)
    for key in sorted(before.keys() - after.keys()):
        finding = before[key]
        result.add("finding-resolved", finding.path, f"{finding.severity.value}[{finding.code}] went away: {finding.message}", finding.code)
    for key in sorted(after.keys() - before.keys()):
        finding = after[key]
        result.add("finding-new", finding.path, f"{finding.severity.value}[{finding.code}] appeared: {finding.message}", None, finding.code)
