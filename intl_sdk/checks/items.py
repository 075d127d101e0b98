"""Checks on every item: ids, required keys, closed vocabularies."""

from __future__ import annotations

import re

import attrs

from intl_sdk import _kinds
from intl_sdk.checks.context import ITEM_COLLECTIONS, CheckContext
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity

_ID_RE = re.compile(_kinds.ID_PATTERN)


@rule("duplicate-id", Severity.ERROR)
def duplicate_id(ctx: CheckContext) -> None:
    """Two items of one kind share an id.

    ## What it does
    Reports every region, office, action, indicator or agreement whose `id`
    an earlier item of the same kind already has.

    ## Why is this bad?
    Actions name their region, and agreements what they build on, by id.
    With two items under one id, a reference could mean either.

    ## Example
    ```toml
    [[regions]]
    id = "china"
    [[regions]]
    id = "china"
    ```

    ## Use instead
    ```toml
    [[regions]]
    id = "china"
    [[regions]]
    id = "china-south"
    ```
    """
    for collection in ITEM_COLLECTIONS:
        counts = ctx.id_counts[collection]
        if all(count == 1 for count in counts.values()):
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(getattr(ctx.plan, collection)):
            item_id = item.id
            if not isinstance(item_id, str) or counts[item_id] == 1:
                continue
            if item_id in seen:
                ctx.report(
                    (collection, index, "id"),
                    f"{collection[:-1]} id {item_id!r} is used again (first at item {seen[item_id] + 1})",
                    "give each item its own id",
                )
            else:
                seen[item_id] = index


@rule("invalid-id", Severity.WARNING)
def invalid_id(ctx: CheckContext) -> None:
    """An id that is not lowercase letters, digits and hyphens.

    ## What it does
    Reports an item `id` that does not match `^[a-z0-9]+(-[a-z0-9]+)*$`.

    ## Why is this bad?
    Ids appear in references, finding paths, URLs and file names; capitals,
    spaces and punctuation make them easy to mistype and hard to quote.

    ## Example
    ```toml
    id = "North America"
    ```

    ## Use instead
    ```toml
    id = "north-america"
    ```
    """
    for collection in ITEM_COLLECTIONS:
        for index, item in enumerate(getattr(ctx.plan, collection)):
            if isinstance(item.id, str) and item.id and not _ID_RE.match(item.id):
                suggestion = re.sub(r"[^a-z0-9]+", "-", item.id.lower()).strip("-")
                ctx.report(
                    (collection, index, "id"),
                    f"id {item.id!r} is not lowercase letters, digits and hyphens",
                    f"use an id such as {suggestion!r}" if suggestion else "use lowercase letters, digits and hyphens",
                )


_REQUIRED_STRATEGY = ("name",)


@rule("missing-field", Severity.WARNING)
def missing_field(ctx: CheckContext) -> None:
    """A key that every plan needs is missing or empty.

    ## What it does
    Reports the strategy's `name` and `period` (with its start and end year),
    and each item's required keys: a region's `id`, `name` and `share`; an
    office's `id` and `region`; an action's `id`, `region` and `title`; an
    indicator's `id` and `name`; an agreement's `id`, `framework`, `kind` and
    `partner`.

    ## Why is this bad?
    Without them the plan cannot be checked or read: a region without a share
    cannot be weighed, an indicator without a period has no deadline.

    ## Example
    ```toml
    [strategy]
    name = "Internationalisation plan"
    period = { end = 2009 }
    ```

    ## Use instead
    ```toml
    [strategy]
    name = "Internationalisation plan"
    period = { start = 2006, end = 2009 }
    ```
    """
    strategy = ctx.plan.strategy
    if not (isinstance(strategy.name, str) and strategy.name.strip()):
        ctx.report(("strategy", "name"), "the strategy has no name", 'add name = "..." under [strategy]')
    period = strategy.period
    if period is None:
        ctx.report(
            ("strategy", "period"),
            "the strategy has no period",
            "add period = { start = YEAR, end = YEAR } under [strategy]",
        )
    else:
        for end in ("start", "end"):
            if getattr(period, end) is None:
                ctx.report(
                    ("strategy", "period", end),
                    f"the strategy's period has no {end} year",
                    f"add {end} = YEAR to the period" + (" (the report may not give it: ask the strategy's owner)" if end == "start" else ""),
                )
    for collection in ITEM_COLLECTIONS:
        cls = None
        for index, item in enumerate(getattr(ctx.plan, collection)):
            if cls is None:
                cls = type(item)
                required = [f.name for f in attrs.fields(cls) if f.metadata.get("required")]
            for name in required:
                value = getattr(item, name)
                if value is None or (isinstance(value, str) and not value.strip() and not (collection == "regions" and name == "name")):
                    label = item.id if isinstance(item.id, str) and item.id else f"{collection[:-1]} {index + 1}"
                    ctx.report(
                        (collection, index, name) if value is not None else (collection, index),
                        f"{label} has no {name}",
                        f"add {name} = ... to this [[{collection}]] item",
                    )


_VOCABULARIES = (
    ("indicators", "direction", ("up", "down")),
    ("agreements", "status", ("draft", "negotiating", "signed", "ended")),
)


@rule("invalid-value", Severity.ERROR)
def invalid_value(ctx: CheckContext) -> None:
    """A value outside its closed list: an indicator's direction, an agreement's status.

    ## What it does
    Reports an indicator `direction` other than `up` or `down`, and an
    agreement `status` other than `draft`, `negotiating`, `signed` or `ended`.

    ## Why is this bad?
    The checker and the reports read these words: an unknown direction
    cannot tell whether a target improves on the baseline.

    ## Example
    ```toml
    direction = "increase"
    ```

    ## Use instead
    ```toml
    direction = "up"
    ```
    """
    for collection, key, allowed in _VOCABULARIES:
        for index, item in enumerate(getattr(ctx.plan, collection)):
            value = getattr(item, key)
            if value is not None and value not in allowed:
                from intl_sdk.checks.context import did_you_mean

                ctx.report(
                    (collection, index, key),
                    f"{key} {value!r} is not one of {', '.join(allowed)}{did_you_mean(value, allowed)}",
                    f"write one of: {', '.join(allowed)}",
                )
