"""Checks on every item: ids, required keys, closed vocabularies."""

from __future__ import annotations

import re

import attrs

from intl_sdk import _kinds
from intl_sdk.checks.context import ITEM_COLLECTIONS, CheckContext, did_you_mean, not_given
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity
from intl_sdk.model import CHANGES

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
    `partner`. A key the item (or
    the strategy) lists in `not_given` is one its source does not give, and
    is not asked for again: the NWDA's plan gives its targets' year, 2009, but
    not the year it starts (seed 001, lines 1304-1305).

    ## Why is this bad?
    Without them the plan cannot be checked or read: a region without a share
    cannot be weighed, an indicator without a period has no deadline.

    ## Example
    ```toml
    [strategy]
    name = "Internationalisation plan"
    period = { end = 2028 }
    ```

    ## Use instead
    ```toml
    [strategy]
    name = "Internationalisation plan"
    period = { start = 2024, end = 2028 }
    ```
    """
    strategy = ctx.plan.strategy
    if not (isinstance(strategy.name, str) and strategy.name.strip()):
        ctx.report(("strategy", "name"), "the strategy has no name", 'add name = "..." under [strategy]')
    period = strategy.period
    if period is None and not not_given(strategy, "period"):
        ctx.report(
            ("strategy", "period"),
            "the strategy has no period",
            "add period = { start = YEAR, end = YEAR } under [strategy]",
        )
    for end in ("start", "end") if period is not None else ():
        if getattr(period, end) is None and not not_given(strategy, f"period.{end}"):
            ctx.report(
                ("strategy", "period", end),
                f"the strategy's period has no {end} year",
                f"add {end} = YEAR to the period; if the source gives none, record that: "
                f'not_given = ["period.{end}"] under [strategy]',
            )
    _missing_item_fields(ctx)


def _missing_item_fields(ctx: CheckContext) -> None:
    for collection in ITEM_COLLECTIONS:
        cls = None
        for index, item in enumerate(getattr(ctx.plan, collection)):
            if cls is None:
                cls = type(item)
                required = [f.name for f in attrs.fields(cls) if f.metadata.get("required")]
            for name in required:
                value = getattr(item, name)
                if value is None or (isinstance(value, str) and not value.strip() and not (collection == "regions" and name == "name")):
                    if not_given(item, name):  # asked only of the missing: the editor re-runs this check at each key
                        continue
                    label = item.id if isinstance(item.id, str) and item.id else f"{collection[:-1]} {index + 1}"
                    ctx.report(
                        (collection, index, name),  # the line falls back to the item's when the key is absent
                        f"{label} has no {name}",
                        f"add {name} = ... to this [[{collection}]] item",
                    )


_VOCABULARIES = (
    ("indicators", "direction", ("up", "down")),
    ("agreements", "status", ("draft", "negotiating", "signed", "ended")),
)


@rule("invalid-value", Severity.ERROR)
def invalid_value(ctx: CheckContext) -> None:
    """A value outside its closed list: an indicator's direction, a target's change, an agreement's status.

    ## What it does
    Reports an indicator `direction` other than `up` or `down`, a target's
    `change` other than `increase` or `decrease` (or a `change` on a
    baseline, which is a figure), and an agreement `status` other than
    `draft`, `negotiating`, `signed` or `ended`.

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
                ctx.report(
                    (collection, index, key),
                    f"{key} {value!r} is not one of {', '.join(allowed)}{did_you_mean(value, allowed)}",
                    f"write one of: {', '.join(allowed)}",
                )
    for index, indicator in enumerate(ctx.plan.indicators):
        if indicator.baseline is not None and indicator.baseline.change is not None:
            ctx.report(
                ("indicators", index, "baseline", "change"),
                f"indicator {indicator.id or index + 1!s}: a baseline is where things stand, not a change",
                "give the baseline's value, and the change on the target: target = { change = \"increase\" }",
            )
        change = indicator.target.change if indicator.target is not None else None
        if change is not None and change not in CHANGES:
            ctx.report(
                ("indicators", index, "target", "change"),
                f"change {change!r} is not one of {', '.join(CHANGES)}{did_you_mean(change, CHANGES)}",
                f"write one of: {', '.join(CHANGES)}",
            )


@rule("not-given-invalid", Severity.WARNING)
def not_given_invalid(ctx: CheckContext) -> None:
    """A `not_given` entry that names no key of its item, or a key the item gives.

    ## What it does
    Reads the `not_given` list of the strategy and of every item. Reports an
    entry that is not a key of that kind of item (`baseline.yaer`), and one
    whose key the item does give a value. An agreement's entries may also
    name keys its framework adds.

    ## Why is this bad?
    `not_given` records that the source gives no such figure (seed 001 gives
    most NWDA baselines without a year, lines 1294-1300), and checks stop
    asking for it. A misspelt entry records nothing, and an entry for a key
    that has a value says the opposite of the plan.

    ## Example
    ```toml
    baseline = { value = 5200, year = 2024 }
    not_given = ["baseline.yaer"]
    ```

    ## Use instead
    ```toml
    baseline = { value = 5200 }
    not_given = ["baseline.year"]
    ```
    """
    places: list[tuple[tuple, object]] = [(("strategy",), ctx.plan.strategy)]
    for collection in ITEM_COLLECTIONS:
        places.extend(((collection, index), item) for index, item in enumerate(getattr(ctx.plan, collection)))
    for where, item in places:
        for position, key in enumerate(getattr(item, "not_given", ())):
            keys = _dotted_keys(type(item))
            open_keys = where[0] == "agreements" and key.split(".")[0] not in _field_names(type(item))
            if key not in keys and not open_keys:
                ctx.report(
                    (*where, "not_given", position),
                    f"not_given names {key!r}, which is not a key of {_kind_of(where)}{did_you_mean(key, keys)}",
                    "name a key of it as the plan writes it, with a dot inside a table "
                    f"(e.g. {'period.start' if where[0] == 'strategy' else 'baseline.year'})",
                )
            elif _gives(item, key):
                ctx.report(
                    (*where, "not_given", position),
                    f"not_given names {key!r}, but {_kind_of(where)} gives it",
                    f"take {key!r} out of not_given, or the value out of the plan",
                )


def _kind_of(where: tuple) -> str:
    return "the strategy" if where[0] == "strategy" else f"this {where[0][:-1]}"


def _field_names(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls) if "kind" in f.metadata and f.name != "not_given"]


def _dotted_keys(cls: type) -> list[str]:
    """`baseline`, `baseline.value`, `baseline.year`...: the keys a `not_given` may name."""
    out = []
    for f in attrs.fields(cls):
        if "kind" not in f.metadata or f.name == "not_given":
            continue
        out.append(f.name)
        kind = f.metadata["kind"]
        if isinstance(kind, _kinds.Table) and not isinstance(kind, _kinds.TableList):
            out.extend(f"{f.name}.{name}" for name in _field_names(kind.cls))
    return out


def _gives(item: object, key: str) -> bool:
    value: object = item
    for part in key.split("."):
        if value is None:
            return False
        if isinstance(value, dict):
            value = value.get(part)
        elif part in _field_names(type(value)):
            value = getattr(value, part)
        else:
            value = getattr(value, "extra", {}).get(part)
    return value is not None and value != "" and value != [] and value != {}
