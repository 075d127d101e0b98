"""Saving keeps every comment that is not inside what was deleted (issue 11).

In the spirit of the TOML conformance suite, with documents written here:
comments everywhere TOML allows them (before, after and between array items,
inside nested and multi-line arrays, above and inside arrays of tables, after
values), held as plan fields and as unknown keys. Every value is changed and
every key and array element deleted, one at a time; every output must parse
to the expected data, keep every comment that does not belong to the deleted
element (see `toml_documents`), and never fall back to a full rewrite.

    python tests/test_comment_preservation.py   # prints the counts
"""

from __future__ import annotations

import datetime as dt
import difflib
import random
import tomllib
import warnings
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings, strategies as st

import intl_sdk
from intl_sdk import _kinds
from intl_sdk.model import Plan
from intl_sdk.rendering import to_data
from intl_sdk.writing import LayoutLostWarning

from toml_documents import (
    Array,
    Inline,
    Renderer,
    Rendered,
    Scalar,
    Table,
    belongs,
    data_of,
    element_paths,
    leaf_paths,
    markers_in,
    with_change,
    without,
)


@dataclass
class Tally:
    documents: int = 0
    edits: int = 0
    comments_checked: int = 0
    comments_lost: int = 0
    rewrites: int = 0

    def __str__(self) -> str:
        return (
            f"{self.documents} documents, {self.edits} edits, {self.comments_checked} comments checked, "
            f"{self.comments_lost} comments lost, {self.rewrites} rewrites"
        )


# -- the documents -------------------------------------------------------------------


def _array(rng: random.Random, items: list, *, scalars: bool = True) -> Array:
    multiline = rng.random() < 0.8
    return Array(items, multiline=multiline, packed=multiline and scalars and rng.random() < 0.25)


def plan_tree(rng: random.Random) -> Table:
    """A plan with every kind of plan field, id-less items, and unknown keys among them."""
    multiline_text = Scalar("first line\n# not a comment\n[not.a.table]\n", '"""\nfirst line\n# not a comment\n[not.a.table]\n"""')
    return Table(
        {
            "format": Scalar(1),
            "frameworks": _array(rng, [Scalar("corallia"), Scalar("alliance")]),
            "ignore": _array(rng, [Scalar("pillar-uncovered"), Scalar("share-precision")]),
            "x_note": Scalar("an unknown key: # is no comment here, nor ] or [[x]]"),
            "x_text": multiline_text,
            "x_dotted": Table({"first": Scalar(1), "second": Scalar("two")}, dotted=True),
            "x_when": Scalar(dt.datetime(2024, 5, 27, 7, 32, tzinfo=dt.timezone.utc)),
            "severity": Table({"share-precision": Scalar("info"), "pillar-uncovered": Scalar("error")}),
            "strategy": Table(
                {
                    "name": Scalar("Stratégie d'internationalisation ✓"),
                    "objectives": _array(rng, [Scalar("Grow exports"), Scalar("Attract # investment"), Scalar("Keep [talent]")]),
                    "sectors": _array(rng, [Scalar("Energy"), Scalar("Health")]),
                    "period": Inline({"start": Scalar(2006), "end": Scalar(2009)}),
                    "staff_fte": Scalar(Decimal("12.5")),
                    "x_matrix": Array(
                        [_array(rng, [Scalar(1), Scalar(2)]), Array([Scalar(3), Scalar(4)], multiline=False), _array(rng, [])],
                    ),
                    "budget": Table({"amount": Scalar(1000000), "currency": Scalar("GBP")}),
                }
            ),
            "regions": [
                Table({"id": Scalar("north-america"), "name": Scalar("North America"), "share": Scalar(Decimal("24.5"))}),
                Table({"name": Scalar("Without an id"), "share": Scalar(30)}),
                Table({"name": Scalar("Also without an id"), "share": Scalar(Decimal("45.5")), "x_flag": Scalar(True)}),
            ],
            "actions": [
                Table(
                    {
                        "id": Scalar("trade-missions"),
                        "region": Scalar("north-america"),
                        "pillars": _array(rng, [Scalar("competitive-sectors"), Scalar("strategic-countries")]),
                        "title": Scalar("Trade missions"),
                        "start": Scalar(dt.date(2007, 4, 1)),
                        "indicators": _array(rng, [Scalar("exporters")]),
                    }
                ),
                Table({"region": Scalar("north-america"), "pillars": Array([Scalar("regional-assets")], multiline=False), "title": Scalar("No id")}),
            ],
            "indicators": [
                Table(
                    {
                        "id": Scalar("exporters"),
                        "name": Scalar("Exporters"),
                        "baseline": Inline({"value": Scalar(7147), "year": Scalar(2006)}),
                        "target": Inline({"value": Scalar(10000), "year": Scalar(2009)}),
                        "measures": _array(rng, [Scalar("international-sales"), Scalar("jobs")]),
                        "actuals": Table({"2007": Scalar(7600), "2008": Scalar(Decimal("8900.5"))}),
                    }
                )
            ],
            "agreements": [
                Table(
                    {
                        "id": Scalar("mou"),
                        "framework": Scalar("corallia"),
                        "kind": Scalar("mou"),
                        "partner": Scalar("Région Sud"),
                        "parties": Array(
                            [
                                Inline({"name": Scalar("Corallia"), "level": Scalar("cluster-initiative")}),
                                Inline({"name": Scalar("Région Sud"), "x_tags": _array(rng, [Scalar("a"), Scalar("b")])}),
                            ]
                        ),
                        "status": Scalar("signed"),
                        "ratification": Table({"actions": _array(rng, [Scalar("joint-project")])}),
                    }
                )
            ],
            "x_tables": [
                Table({"a": Scalar(1), "sub": Table({"deep": _array(rng, [Scalar("d1"), Scalar("d2")])})}),
                Table({"a": Scalar(2), "inner": [Table({"b": Scalar(3)}), Table({"b": Scalar(4)})]}),
                Table({"a": Scalar(5)}),
            ],
            "x_inline_tables": Array(
                [
                    Inline({"k": Scalar(1), "v": _array(rng, [Scalar("v1"), Scalar("v2")])}),
                    Inline({"k": Scalar(2), "v": Array([Scalar("v3")], multiline=False)}),
                    Inline({"k": Scalar(3)}),
                ]
            ),
            "x_implicit": Table({"child": Table({"k": Scalar("implicit parent")})}, implicit=True),
        }
    )


def pieces(tree: Table) -> list[Table]:
    """A plan cut into small documents (the root's plain keys, then each table and
    array of tables), each also held under an unknown key: every field an unknown one.
    Small documents keep the run quick: each edit parses its document twice."""
    plain = {key: value for key, value in tree.entries.items() if not isinstance(value, (Table, list)) or key == "x_dotted"}
    groups = [plain] + [{key: value} for key, value in tree.entries.items() if key not in plain]
    out = []
    for group in groups:
        out.append(Table({"format": Scalar(1), **group}))
        out.append(Table({"format": Scalar(1), "x_mirror": Table({k: v for k, v in group.items() if k != "format"})}))
    return out


def unknown_tree(rng: random.Random, depth: int = 0) -> Table:
    """A document of unknown keys only: random nesting, every value distinct."""
    counter = iter(range(10**6))

    def scalar() -> Scalar:
        n = next(counter)
        return rng.choice(
            [
                Scalar(n),
                Scalar(f"s{n} ü # ]"),
                Scalar(Decimal(n) + Decimal("0.25")),
                Scalar(dt.date(2000, 1, 1) + dt.timedelta(days=n)),
                Scalar(f"lit{n}", f"'lit{n}'"),
            ]
        )

    def value(level: int):
        roll = rng.random()
        if level >= 3 or roll < 0.45:
            return scalar()
        if roll < 0.8:
            items = []
            for _ in range(rng.randint(0, 4)):
                item = value(level + 1)
                if any(data_of(item) == data_of(other) for other in items):
                    item = scalar()  # equal items are interchangeable: keep them apart
                items.append(item)
            return _array(rng, items, scalars=all(isinstance(item, Scalar) for item in items))
        return Inline({f"k{next(counter)}": value(level + 1) for _ in range(rng.randint(1, 3))})

    def table(level: int) -> Table:
        entries: dict = {"format": Scalar(1)} if level == 0 else {}
        for _ in range(rng.randint(0 if level else 1, 4)):
            entries[f"key{next(counter)}"] = value(level)
        if level < 2:
            for _ in range(rng.randint(0, 2)):
                roll = rng.random()
                if roll < 0.4:
                    entries[f"table{next(counter)}"] = table(level + 1)
                elif roll < 0.8:
                    items: list[Table] = []
                    for _ in range(rng.randint(1, 3)):
                        item = table(level + 1)
                        if any(data_of(item) == data_of(other) for other in items):
                            item.entries[f"key{next(counter)}"] = scalar()
                        items.append(item)
                    entries[f"items{next(counter)}"] = items
                else:
                    entries[f"dotted{next(counter)}"] = Table({f"d{next(counter)}": scalar()}, dotted=True)
        plain = not any(isinstance(v, (Scalar, Array, Inline)) or (isinstance(v, Table) and v.dotted) for v in entries.values())
        return Table(entries, implicit=plain and level > 0 and rng.random() < 0.5)

    return table(depth)


# -- the edits -------------------------------------------------------------------------


def exercise(rendered: Rendered, tally: Tally) -> None:
    """Change every value and delete every key and element of one document."""
    text = rendered.text
    data = tomllib.loads(text, parse_float=Decimal)
    assert sorted(markers_in(text)) == sorted(rendered.owners), "the generator wrote what it recorded"
    plan = intl_sdk.loads(text)
    tally.documents += 1
    for path in leaf_paths(data):
        if path == ("format",):  # a newer format would not load again
            continue
        _check(plan, with_change(data, path), rendered, None, tally, f"changing the value at {path}")
    for path in element_paths(data):
        _check(plan, without(data, path), rendered, path, tally, f"deleting {path}")


def _check(plan: Plan, data: dict, rendered: Rendered, deleted: tuple | None, tally: Tally, edit: str) -> None:
    try:
        edited = _kinds.build(Plan, data, ())
    except _kinds.TypeMismatch:  # e.g. a table's only key deleted where the model needs a table
        return
    edited.origin = plan.origin
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = intl_sdk.dumps(edited)
    tally.edits += 1
    what = _Explained(edit, rendered.text, out)
    if any(issubclass(w.category, LayoutLostWarning) for w in caught):
        tally.rewrites += 1
        raise AssertionError(f"a full rewrite {what}")
    again = intl_sdk.loads(out)
    assert again == edited, f"the data changed {what}"
    assert _typed(to_data(again)) == _typed(to_data(edited)), f"a type changed {what}"
    found = Counter(markers_in(out))
    for marker, owner in rendered.owners.items():
        if belongs(owner, deleted):
            continue
        tally.comments_checked += 1
        if found[marker] != 1:
            tally.comments_lost += 1
            raise AssertionError(f"comment {marker} (of {owner}) lost or doubled {what}")


class _Explained:
    """What went wrong, as a diff: built only when an assertion fails."""

    def __init__(self, edit: str, before: str, after: str) -> None:
        self.edit, self.before, self.after = edit, before, after

    def __str__(self) -> str:
        diff = difflib.unified_diff(self.before.splitlines(), self.after.splitlines(), lineterm="", n=2)
        return f"after {self.edit}:\n" + "\n".join(diff)


def _typed(value):
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value).__name__, value)


# -- the tests ---------------------------------------------------------------------------


def _fixed_documents() -> list[Rendered]:
    """Comments in every place (chance 1) with LF and with CRLF line ends, and in none."""
    out = []
    for chance, newline in ((1.0, "\n"), (1.0, "\r\n"), (0.0, "\n")):
        rng = random.Random(11)
        for piece in pieces(plan_tree(rng)):
            out.append(Renderer(rng, chance, newline).render(piece))
    return out


def test_comments_everywhere_survive_every_single_edit():
    tally = Tally()
    for rendered in _fixed_documents():
        exercise(rendered, tally)
    print(tally)
    assert tally.comments_lost == 0 and tally.rewrites == 0 and tally.comments_checked > 5_000


_EXAMPLES = max(5, settings().max_examples // 10)


def test_generated_documents_keep_every_comment_outside_what_was_deleted():
    tally = Tally()

    @settings(max_examples=_EXAMPLES)
    @given(st.randoms(use_true_random=False), st.floats(0.2, 0.8), st.sampled_from(["\n", "\r\n"]), st.booleans())
    def run(rng, chance, newline, plan_like):
        tree = plan_tree(rng) if plan_like else unknown_tree(rng)
        exercise(Renderer(rng, chance, newline).render(tree), tally)

    run()
    print(tally)
    assert tally.comments_lost == 0 and tally.rewrites == 0


if __name__ == "__main__":
    import sys

    totals = Tally()
    for rendered in _fixed_documents():
        exercise(rendered, totals)
    print("fixed documents:    ", totals)
    generated = Tally()
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
    for number in range(40):
        tree = plan_tree(rng) if number % 2 else unknown_tree(rng)
        exercise(Renderer(rng, rng.uniform(0.2, 0.8), rng.choice(["\n", "\r\n"])).render(tree), generated)
    print("generated documents:", generated)
