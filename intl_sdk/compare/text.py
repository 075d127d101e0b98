"""`intl compare` as plain text, and as JSON.

Plain text is read in a terminal: the table comes in two parts (the plans,
then their pillar and measure coverage), long cells are cut with an
ellipsis, and every piece of plan text goes through `printable`, so that no
escape in a plan acts on the terminal.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Iterator

from intl_sdk.compare.context import SHOWN
from intl_sdk.display import counted, printable

__all__ = ["render_json", "render_text"]

_FIRST_TABLE = ("plan", "organisation", "home", "period", "budget", "staff", "regions", "shares", "largest",
                "offices", "agreements", "errors", "warnings", "infos")
_WIDEST = {"organisation": 34, "home": 24, "largest": 52, "plan": 40}


def _cut(text: str, width: int | None) -> str:
    text = printable(text)
    if width is not None and len(text) > width:
        return text[: width - 1] + "…"
    return text


def _table(headers: list[str], rows: list[list[str]], numeric: list[bool]) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        parts = [c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric)]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def render_text(context: dict[str, Any]) -> str:
    columns = {c["key"]: c for c in context["columns"]}
    out: list[str] = []
    rows = context["rows"]
    count = counted(len(rows), "plan")
    order = f"sorted by {context['sort']}{', descending' if context['descending'] else ''}"
    out.append(f"Portfolio: {count}, {order}")
    out.append("")
    first = [k for k in _FIRST_TABLE]
    out += _table(
        [columns[k]["header"] for k in first],
        [[_cut(r["cells"][k], _WIDEST.get(k)) for k in first] for r in rows],
        [columns[k]["numeric"] and k not in ("budget", "shares") for k in first],
    )
    out.append("")
    coverage = ["plan"] + [f"p{p['number']}" for p in context["pillars"]] + [f"m{m['number']}" for m in context["measures"]]
    out.append("Coverage: actions serving each pillar (P1-P6), indicators covering each minimum measure (M1-M7)")
    out.append("")
    out += _table(
        [columns[k]["header"] for k in coverage],
        [[_cut(r["cells"][k], _WIDEST.get(k)) for k in coverage] for r in rows],
        [k != "plan" for k in coverage],
    )
    out.append("")
    out.append("  " + "; ".join(f"P{p['number']} {p['title']}" for p in context["pillars"]))
    out.append("  " + "; ".join(f"M{m['number']} {m['title']}" for m in context["measures"]))
    out.append("")
    out += _where(context)
    out += _partners(context)
    for item in context["unreadable"]:
        out.append(f"could not read {printable(item['message'])}")
    for item in context["skipped"]:
        out.append(f"skipped {printable(item['path'])}: {item['why']}")
    for note in context["notes"]:
        out.append(f"note: {printable(note)}")
    return "\n".join(out).rstrip() + "\n"


def _where(context: dict[str, Any]) -> list[str]:
    out = ["Where the portfolio goes: target regions across plans, the largest sum of shares first", ""]
    if not context["destinations"]:
        return out + ["  (no plan names a target region)", ""]
    for d in context["destinations"]:
        code = f" ({d['code']})" if d["code"] else ""
        total = d["total_share_text"] or "no share given"
        plans = counted(len({t.plan for t in d["targets"]}), "plan")
        out.append(f"  {printable(d['label'])}{code}: {total} in {plans}")
        for t in d["targets"]:
            named = "" if t.region == d["label"] else f" as {printable(t.region)!r}"
            offices = f"; offices: {', '.join(printable(o) for o in t.offices)}" if t.offices else ""
            out.append(f"      {printable(t.plan)}{named}: {t.share_text}{offices}")
        if d["within"]:
            out.append(f"      within: {', '.join(printable(w) for w in d['within'])}")
    out.append("")
    return out


def _partners(context: dict[str, Any]) -> list[str]:
    out = ["Partners: plans that target each other's home region", ""]
    if not context["interests"]:
        out.append("  (none)")
    for i in context["interests"][:SHOWN]:
        there = f"{printable(i['a'])} targets {printable(i['b'])}'s home through {_names(i['a_regions'])}"
        if i["mutual"]:
            out.append(f"  mutual: {there}; {printable(i['b'])} targets {printable(i['a'])}'s through {_names(i['b_regions'])}")
        else:
            out.append(f"  one way: {there}")
    out += _more(len(context["interests"]) - SHOWN, "pair")
    out += ["", "Partners: the same country with the same pillar, candidates for joint actions (BRIC: recommendation 2)", ""]
    if not context["partners"]:
        out.append("  (none)")
    for p in context["partners"][:SHOWN]:
        out.append(f"  {printable(p['a'])} and {printable(p['b'])}")
        for c in p["countries"]:
            pillars = ", ".join(f"P{n}" for n in c["pillars"])
            bric = " [BRIC]" if c["bric"] else ""
            offices = []
            if c["a_offices"]:
                offices.append(f"{printable(p['a'])} in {', '.join(printable(o) for o in c['a_offices'])}")
            if c["b_offices"]:
                offices.append(f"{printable(p['b'])} in {', '.join(printable(o) for o in c['b_offices'])}")
            tail = f"; offices: {'; '.join(offices)}" if offices else ""
            out.append(f"      {printable(c['label'])} ({c['code']}){bric}: {pillars}{tail}")
    out += _more(len(context["partners"]) - SHOWN, "pair")
    out.append("")
    return out


def _more(hidden: int, noun: str) -> list[str]:
    return [f"  ... and {hidden:,} more {noun if hidden == 1 else noun + 's'} (--format json lists them all)"] if hidden > 0 else []


def _names(names: list[str]) -> str:
    return ", ".join(repr(printable(n)) for n in names)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


def render_json(context: dict[str, Any]) -> Iterator[str]:
    """One object, in pieces: plans (their summaries, in the table's order),
    the views, the files left out. The same text as `json.dumps(..., indent=2)`
    of the whole, without holding the whole: a plan's data is made as it is written."""
    parts: list[tuple[str, Any]] = [
        ("plans", (dict(r["plan"].as_dict(), label=r["label"]) for r in context["rows"])),
        ("sort", {"column": context["sort"], "descending": context["descending"]}),
        ("destinations", (
            {k: v for k, v in d.items() if k != "total_share_text"}
            | {"targets": [{k: v for k, v in t._asdict().items() if k != "share_text"} for t in d["targets"]]}
            for d in context["destinations"]
        )),
        ("interests", iter(context["interests"])),
        ("partners", (
            {"a": p["a"], "b": p["b"], "countries": [{k: v for k, v in c.items() if k != "pillars"} | {"pillars": c["pillar_ids"]} for c in p["countries"]]}
            for p in context["partners"]
        )),
        ("unreadable", iter(context["unreadable"])),
        ("skipped", iter(context["skipped"])),
        ("notes", iter(context["notes"])),
    ]
    yield "{"
    for position, (key, value) in enumerate(parts):
        yield ("," if position else "") + f"\n  {json.dumps(key)}: "
        if not isinstance(value, Iterator):
            yield _dumped(value, 1)
            continue
        first = True
        for item in value:
            yield ("[\n    " if first else ",\n    ") + _dumped(item, 2)
            first = False
        yield "[]" if first else "\n  ]"
    yield "\n}\n"


def _dumped(value: Any, level: int) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=_json_default).replace("\n", "\n" + "  " * level)
