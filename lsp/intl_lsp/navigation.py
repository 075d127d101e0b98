"""Go to definition, find references, rename, and the outline (document symbols).

Definitions are items' `id` values; references are the keys that name an id
(`ids.REFERENCE_KEYS`). A rename is the editor's: `intl_sdk.editing.rename_id`
carries the references along, and the writer keeps the file's layout.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from attrs import frozen

from intl_lsp.edits import EditRefused, TextEdit, edit_plan
from intl_lsp.ids import COLLECTION_OF, Mention, mention_at, mentions

if TYPE_CHECKING:
    from intl_lsp.analysis import Analysis

__all__ = ["Symbol", "definitions", "mention_under", "references", "rename", "rename_target", "symbols"]

Offsets = tuple[int, int]
#: Kinds of id that an item defines in the plan, and so can be renamed and gone to.
NAVIGABLE = frozenset(COLLECTION_OF)


def mention_under(analysis: Analysis, offset: int) -> Mention | None:
    """The id written at `offset`, if any."""
    places = analysis.places
    if places is None or analysis.plan is None:
        return None
    return mention_at(analysis.plan, places.path_at(offset))


def _inside_quotes(analysis: Analysis, offsets: Offsets | None) -> Offsets | None:
    if offsets is None:
        return None
    start, end = offsets
    if end - start >= 2 and analysis.text[start] in "\"'" and analysis.text[end - 1] == analysis.text[start]:
        return (start + 1, end - 1)
    return offsets


def id_place(analysis: Analysis, mention: Mention) -> Offsets | None:
    """Where a mention's id is written, without its quotes."""
    assert analysis.places is not None
    return _inside_quotes(analysis, analysis.places.value(mention.path))


def definitions(analysis: Analysis, offset: int) -> list[Offsets]:
    """Where the id at `offset` is defined (its item's `id`)."""
    mention = mention_under(analysis, offset)
    if mention is None or mention.kind not in NAVIGABLE or analysis.plan is None:
        return []
    found = [m for m in mentions(analysis.plan) if m.defines and m.kind == mention.kind and m.id == mention.id]
    return [place for m in found if (place := id_place(analysis, m)) is not None]


def references(analysis: Analysis, offset: int, include_declaration: bool) -> list[Offsets]:
    """Every place that names the id at `offset` (its definition too, if asked)."""
    mention = mention_under(analysis, offset)
    if mention is None or mention.kind not in NAVIGABLE or analysis.plan is None:
        return []
    found = [
        m
        for m in mentions(analysis.plan)
        if m.kind == mention.kind and m.id == mention.id and (include_declaration or not m.defines)
    ]
    return [place for m in found if (place := id_place(analysis, m)) is not None]


def rename_target(analysis: Analysis, offset: int) -> tuple[Mention, Offsets]:
    """The id a rename at `offset` renames, and where it is written; `EditRefused` if none."""
    if analysis.plan is None:
        raise EditRefused("the plan cannot be read; fix the error first")
    mention = mention_under(analysis, offset)
    if mention is None:
        raise EditRefused("no id here to rename")
    if mention.kind not in NAVIGABLE:
        raise EditRefused(f"{mention.kind} ids are fixed; they cannot be renamed")
    place = id_place(analysis, mention)
    if place is None:
        raise EditRefused("no id here to rename")
    return mention, place


def rename(analysis: Analysis, offset: int, new: str) -> list[TextEdit]:
    """The edits that rename the id at `offset` to `new`, with every reference."""
    from intl_sdk._kinds import ID_PATTERN
    from intl_sdk.editing import rename_id

    mention, _ = rename_target(analysis, offset)
    assert analysis.plan is not None
    collection = COLLECTION_OF[mention.kind]
    if not re.fullmatch(ID_PATTERN, new):
        raise EditRefused(f"{new!r} is not an id: use lowercase letters, digits and single hyphens")
    if new == mention.id:
        return []
    items = getattr(analysis.plan, collection)
    if any(item.id == new for item in items):
        raise EditRefused(f"the plan already has a {mention.kind} {new!r}")
    if mention.defines:
        index = mention.path[1]
    else:
        index = next((i for i, item in enumerate(items) if item.id == mention.id), None)
        if index is None:
            raise EditRefused(f"the plan has no {mention.kind} {mention.id!r} to rename")

    def change(plan) -> None:
        getattr(plan, collection)[index].id = new
        rename_id(plan, collection, mention.id, new)

    return edit_plan(analysis, change)


@frozen
class Symbol:
    """An outline entry: its name, a few words, what it is, where, and what it holds."""

    name: str
    detail: str
    kind: str  # "strategy", "group", "region", "action", "indicator", "agreement"
    extent: Offsets
    selection: Offsets
    children: tuple[Symbol, ...] = ()


def symbols(analysis: Analysis) -> list[Symbol]:
    """The outline: the strategy, then the regions (with shares), offices, actions, indicators, agreements."""
    from intl_sdk.checks.context import format_number
    from intl_sdk.display import printable

    plan, places = analysis.plan, analysis.places
    if plan is None or places is None:
        return []
    out = []
    extent = places.extent(("strategy",))
    if extent is not None:
        name = plan.strategy.name if isinstance(plan.strategy.name, str) and plan.strategy.name else "strategy"
        selection = _inside_quotes(analysis, places.value(("strategy", "name"))) or extent
        out.append(Symbol(printable(name), "strategy", "strategy", extent, _within(selection, extent)))
    for collection, kind in (("regions", "region"), ("offices", "office"), ("actions", "action"), ("indicators", "indicator"), ("agreements", "agreement")):
        children = []
        for index, item in enumerate(getattr(plan, collection)):
            extent = places.extent((collection, index))
            if extent is None:
                continue
            name = item.id if isinstance(item.id, str) and item.id else f"{kind} {index + 1}"
            selection = _inside_quotes(analysis, places.value((collection, index, "id"))) or extent
            children.append(Symbol(printable(name), printable(_detail(kind, item)), kind, extent, _within(selection, extent)))
        if not children:
            continue
        detail = f"{len(children)}"
        if collection == "regions":
            from intl_sdk.checks.context import as_decimal

            total = sum((as_decimal(region.share) or 0 for region in plan.regions), 0)
            detail += f", shares total {format_number(total)}%"
        group = (children[0].extent[0], children[-1].extent[1])
        out.append(Symbol(collection, detail, "group", group, children[0].selection, tuple(children)))
    return out


def _within(selection: Offsets, extent: Offsets) -> Offsets:
    """A selection range inside its symbol's range, as the protocol requires."""
    start = max(selection[0], extent[0])
    end = min(max(selection[1], start), extent[1])
    return (start, end)


def _detail(kind: str, item) -> str:
    from intl_sdk.checks.context import format_number

    if kind == "region":
        share = f"{format_number(item.share)}%" if item.share is not None else "no share"
        return f"{share} {item.name or ''}".strip()
    if kind == "action":
        return f"{item.region or '?'}: {item.title or ''}".strip()
    if kind == "indicator":
        return str(item.name or "")
    if kind == "office":
        return f"{item.region or '?'}: {item.name or item.location or ''}".strip()
    return " ".join(str(part) for part in (item.kind, item.partner, item.status) if part)
