"""Where ids go in a plan: which keys define them, which refer to them, and to what.

One table serves hover, completion, go to definition, references and
rename, so they agree on what an id at a place means.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping

from attrs import frozen

if TYPE_CHECKING:
    from intl_sdk import Plan

__all__ = ["COLLECTION_OF", "Mention", "REFERENCE_KEYS", "candidates", "mention_at", "mentions"]

#: (the section a key is in, "" for the top level; the key) -> the kind of id it holds.
REFERENCE_KEYS: dict[tuple[str, str], str] = {
    ("actions", "region"): "region",
    ("actions", "pillars"): "pillar",
    ("actions", "indicators"): "indicator",
    ("actions", "drivers"): "driver",
    ("offices", "region"): "region",
    ("indicators", "measures"): "measure",
    ("agreements", "builds_on"): "agreement",
    ("agreements", "kind"): "kind",
    ("agreements", "framework"): "framework",
    ("", "frameworks"): "framework",
}
#: The item lists whose `id` defines an id of a kind.
DEFINED_BY = {"regions": "region", "offices": "office", "actions": "action", "indicators": "indicator", "agreements": "agreement"}
#: The kinds of id that items define, and the list that holds them.
COLLECTION_OF = {kind: collection for collection, kind in DEFINED_BY.items()}


@frozen
class Mention:
    """An id written in the plan: its kind, the id, where, and whether it is the
    item's own `id` (a definition) rather than a reference to one."""

    kind: str
    id: str
    path: tuple
    defines: bool = False


def mention_at(plan: Plan, path: tuple | None) -> Mention | None:
    """The id written at a path (from `PlanPlaces.path_at`), if an id is written there."""
    if not path:
        return None
    if path[0] == "frameworks" and len(path) == 2:
        value = _get(plan.frameworks, path[1])
        return Mention("framework", value, path) if isinstance(value, str) else None
    if len(path) < 3 or path[0] not in DEFINED_BY or not isinstance(path[1], int):
        return None
    item = _get(getattr(plan, path[0]), path[1])
    if item is None:
        return None
    key = path[2]
    if key == "id" and len(path) == 3:
        return Mention(DEFINED_BY[path[0]], item.id, path, True) if isinstance(item.id, str) else None
    kind = REFERENCE_KEYS.get((path[0], key))
    if kind is None:
        return None
    value = getattr(item, key, None)
    if len(path) == 4 and isinstance(value, list):
        value = _get(value, path[3])
    elif len(path) != 3:
        return None
    return Mention(kind, value, path) if isinstance(value, str) else None


def mentions(plan: Plan) -> Iterator[Mention]:
    """Every id written in the plan, definitions and references, in file order by list."""
    for position, framework in enumerate(plan.frameworks):
        yield Mention("framework", framework, ("frameworks", position))
    for collection, kind in DEFINED_BY.items():
        for index, item in enumerate(getattr(plan, collection)):
            base = (collection, index)
            if isinstance(item.id, str):
                yield Mention(kind, item.id, base + ("id",), True)
            for (section, key), referred in REFERENCE_KEYS.items():
                if section != collection:
                    continue
                value = getattr(item, key, None)
                if isinstance(value, str):
                    yield Mention(referred, value, base + (key,))
                elif isinstance(value, list):
                    for position, entry in enumerate(value):
                        if isinstance(entry, str):
                            yield Mention(referred, entry, base + (key, position))


def candidates(
    kind: str, plan: Plan | None, frameworks: Mapping[str, Any], framework: str | None = None
) -> list[tuple[str, str]]:
    """The ids that can go where an id of `kind` goes, each with a few words on it.

    `frameworks` are the installed ones; for an agreement's `kind`, `framework`
    narrows the kinds to that framework's."""
    from intl_sdk import DRIVERS, IMPACT_MEASURES, PILLARS
    from intl_sdk.checks.context import format_number

    if kind == "pillar":
        return [(pillar.id, f"{pillar.number}. {pillar.title}") for pillar in PILLARS]
    if kind == "driver":
        return [(driver.id, f"{driver.number}. {driver.title}") for driver in DRIVERS]
    if kind == "measure":
        return [(measure.id, measure.title) for measure in IMPACT_MEASURES]
    if kind == "framework":
        return [(framework_id, found.name) for framework_id, found in frameworks.items()]
    if kind == "kind":
        chosen = [frameworks[framework]] if framework in frameworks else list(frameworks.values())
        seen: dict[str, str] = {}
        for found in chosen:
            for agreement_kind in sorted(found.kinds, key=lambda k: k.tier):
                seen.setdefault(agreement_kind.id, f"{agreement_kind.name} (tier {agreement_kind.tier}, {found.name})")
        return list(seen.items())
    if plan is None or kind not in COLLECTION_OF:
        return []
    out: dict[str, str] = {}
    for item in getattr(plan, COLLECTION_OF[kind]):
        if not isinstance(item.id, str) or not item.id or item.id in out:
            continue
        if kind == "region":
            share = f", {format_number(item.share)}%" if item.share is not None else ""
            out[item.id] = f"{item.name or item.id}{share}"
        elif kind == "indicator":
            out[item.id] = item.name or item.id
        elif kind == "agreement":
            out[item.id] = " with ".join(str(part) for part in (item.kind, item.partner) if part) or item.id
        else:
            out[item.id] = getattr(item, "title", None) or item.id
    return list(out.items())


def _get(values: list, index: Any) -> Any:
    return values[index] if isinstance(index, int) and 0 <= index < len(values) else None
