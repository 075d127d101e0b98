"""What a check function sees: the plan, indexes over it, and `report`."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import cached_property
from typing import Any, Iterable, Mapping

from intl_sdk.findings import Finding, Severity
from intl_sdk.model import Plan

__all__ = ["CheckContext", "closest", "did_you_mean", "format_number", "as_decimal", "not_given"]

ITEM_COLLECTIONS = ("regions", "offices", "actions", "indicators", "agreements")


def as_decimal(value: Any) -> Decimal | None:
    """A plan number as an exact Decimal (None for anything else)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, float):
        return Decimal(repr(value))
    return None


def format_number(value: Any) -> str:
    """`1234567` as `1,234,567`; decimals as written, without a trailing `.0`."""
    number = as_decimal(value)
    if number is None:
        return str(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


def not_given(item: Any, key: str) -> bool:
    """Whether `item` records, in `not_given`, that its source gives no `key`.

    A key covers its parts: `baseline` covers `baseline.year`. Checks that ask
    for a missing figure ask `not_given` first, so that a gap the author has
    recorded is not repeated (seed 001 gives most NWDA baselines without a
    year, lines 1293-1302)."""
    recorded = getattr(item, "not_given", None)
    if not recorded:
        return False
    parts = key.split(".")
    return any(".".join(parts[:n]) in recorded for n in range(1, len(parts) + 1))


def closest(value: str, candidates: Iterable[str]) -> str | None:
    """The candidate `value` is a near miss of, if any (what "did you mean" offers)."""
    import difflib  # here: only a plan with a near miss asks, and `intl check` starts faster without it

    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for a near miss, else an empty string."""
    match = closest(value, candidates)
    return f" (did you mean {match!r}?)" if match is not None else ""


class _IdCounts(dict):
    """`CheckContext.id_counts`: a collection's ids counted when it is first asked for."""

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self._plan = plan

    def __missing__(self, collection: str) -> Counter[str]:
        if collection not in ITEM_COLLECTIONS:
            raise KeyError(collection)
        counts = self[collection] = Counter(item.id for item in getattr(self._plan, collection) if isinstance(item.id, str))
        return counts


class CheckContext:
    """The plan under check. Check functions call `report`; the runner sets
    `code` and `severity` before each check, so a check never names its code."""

    def __init__(self, plan: Plan, frameworks: Mapping[str, Any] | None = None) -> None:
        self.plan = plan
        self.frameworks: Mapping[str, Any] = frameworks or {}
        self.findings: list[Finding] = []
        self.code = ""
        self.severity = Severity.ERROR
        self.known_codes: set[str] = set()
        self.plugin_failures: list[Any] = []

    # -- reporting ----------------------------------------------------------

    def report(self, location: tuple, message: str, hint: str, *, line_at: tuple | None = None) -> None:
        """Record a finding at `location` (keys and indexes); `line_at` points the
        line elsewhere when the place itself has none (e.g. the first region)."""
        if not isinstance(location, tuple) or not all(isinstance(p, (str, int)) for p in location):
            raise TypeError(f"a finding's location is a tuple of keys and indexes, not {location!r}")
        if not isinstance(message, str) or not isinstance(hint, str):
            raise TypeError("a finding's message and hint are strings")
        self.findings.append(
            Finding(
                code=self.code,
                severity=self.severity,
                path=self.path_text(location),
                line=self.line_of(line_at if line_at is not None else location),
                message=message,
                hint=hint,
                location=location,
            )
        )

    def line_of(self, location: tuple) -> int | None:
        origin = self.plan.origin
        if origin is None:
            return None
        return origin.line_of(location)

    def path_text(self, location: tuple) -> str:
        """`("regions", 2, "share")` as `regions.india.share` (by id where it is unique)."""
        out = ""
        for depth, part in enumerate(location):
            if isinstance(part, int):
                collection = location[depth - 1] if depth == 1 else None
                item_id = self.unique_id(collection, part) if collection else None
                out += f".{item_id}" if item_id else f"[{part}]"
            else:
                out += f".{part}" if out else part
        return out

    def unique_id(self, collection: str, index: int) -> str | None:
        items = getattr(self.plan, collection, None) if collection in ITEM_COLLECTIONS else None
        if items is None or not 0 <= index < len(items):
            return None
        item_id = items[index].id
        if not isinstance(item_id, str) or not item_id or self.id_counts[collection][item_id] != 1:
            return None
        return item_id

    # -- indexes ------------------------------------------------------------

    @cached_property
    def id_counts(self) -> Mapping[str, Counter[str]]:
        """How often each id is used, by collection (counted on first use of each:
        a finding about a region asks for the 200 regions' ids, not 5,000 actions')."""
        return _IdCounts(self.plan)

    def did_you_mean_id(self, value: str, collection: str) -> str:
        """`did_you_mean` among the ids of one of the plan's collections (`regions`,
        `indicators`, `agreements`): as fast on thousands of items as on ten."""
        matcher = self._near_misses.get(collection)
        if matcher is None:
            from intl_sdk.checks.near import NearMisses

            matcher = self._near_misses[collection] = NearMisses(self.id_counts[collection])
        match = matcher.closest(value)
        return f" (did you mean {match!r}?)" if match is not None else ""

    @cached_property
    def _near_misses(self) -> dict[str, Any]:
        return {}

    @cached_property
    def region_ids(self) -> set[str]:
        return set(self.id_counts["regions"])

    @cached_property
    def indicator_ids(self) -> set[str]:
        return set(self.id_counts["indicators"])

    @cached_property
    def agreement_ids(self) -> set[str]:
        return set(self.id_counts["agreements"])

    @cached_property
    def regions_by_id(self) -> dict[str, Any]:
        """The region of each id (the first, where an id is used twice)."""
        out: dict[str, Any] = {}
        for region in self.plan.regions:
            if isinstance(region.id, str):
                out.setdefault(region.id, region)
        return out

    @cached_property
    def actions_by_region(self) -> dict[str, list[int]]:
        """Indexes of the actions in each region id."""
        out: dict[str, list[int]] = {}
        for index, action in enumerate(self.plan.actions):
            if isinstance(action.region, str):
                out.setdefault(action.region, []).append(index)
        return out

    @cached_property
    def period_years(self) -> tuple[int | None, int | None]:
        period = self.plan.strategy.period
        if period is None:
            return (None, None)
        return (period.start, period.end)

    def outside_period(self, year: int) -> bool:
        start, end = self.period_years
        return (start is not None and year < start) or (end is not None and year > end)

    def period_text(self) -> str:
        start, end = self.period_years
        return f"{start if start is not None else '…'}–{end if end is not None else '…'}"

    def agreements_of(self, framework_id: str) -> list[tuple[int, Any]]:
        """(index, agreement) for the plan's agreements under one framework."""
        return [(i, a) for i, a in enumerate(self.plan.agreements) if a.framework == framework_id]

    def first_item(self, collection: str) -> tuple:
        """Where a plan-wide finding about a collection points: its first item."""
        if getattr(self.plan, collection):
            return (collection, 0)
        return ("strategy",)
