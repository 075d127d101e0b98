"""Reading a plan again after an edit (`loads_edited`): always what reading the whole text gives.

The language server re-reads a plan after each change, re-parsing only the
edited table where it can. These tests hold it to `loads`: the same plan, the
same data, the same findings on the same lines, or the same error, for any
edit of any plan; and they show that typing in a table does take the short way.
"""

from __future__ import annotations

import copy
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import intl_sdk
from intl_sdk import PlanError
from intl_sdk.rereading import edited_data, loads_edited

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

#: A plan whose tables other headers write into, with dotted keys, multi-line
#: values and comments: the places where re-reading one table alone would go wrong.
NESTED = '''format = 1
x_root.deep = 1  # a dotted key in the root table

[strategy]
name = "Nested"
organisation = "Agency"
home_region = "Here"
objectives = [
    "one",  # a comment inside a list
    "two",
]

[strategy.x_notes]
text = """several
[lines] that look like a header
"""

[[regions]]
id = "a"
name = "A"
share = 60
x_meta.kind = "dotted"

[[regions.x_steps]]
step = 1

[[regions]]
id = "b"
name = "B"
share = 30.5
# a comment between keys
x_list = [[1, 2], [3]]

[[actions]]
id = "act"
region = "a"
title = 'literal'
'''


def _plans() -> list[str]:
    paths = [EXAMPLES / "nwda.toml", EXAMPLES / "corallia.toml", EXAMPLES / "starter.toml"]
    return [path.read_text(encoding="utf-8") for path in paths] + [NESTED]


PLANS = _plans()
FRAGMENTS = [
    "", "1", "9", "0.5", "-", "a", "é", '"', "'", '"""', "'''", ".", " ", "#", "=", "[", "]", "{", "}", ",",
    "\n", "\r\n", "\\", "[x]\n", "[[regions]]\n", "[[regions.x_steps]]\n", "[strategy]\n", 'x_new = "typed"\n',
    "share = 5\n", "id = \"b\"\n", "y.z = 2\n", "x_meta.kind = 1\n", "# comment\n", "\n\n", "2009-06-01", "true",
    # whole items and tables, as pasted
    '\n[[regions]]\nid = "pasted"\nname = "Pasted"\nshare = 1\n', '[[indicators]]\nid = "i"\nname = "I"\n\n',
    "[x_table]\nx = 1\n", "[[x_items]]\nx = 1\n[[x_items]]\n", '[methodology]\nx = "m"\n', "[[offices]]\n",
]


def _outcome(read, *args):
    """What reading gives: the plan, its data and findings with lines; or the error."""
    try:
        plan = read(*args)
    except PlanError as error:
        return ("error", str(error), error.line, error.column)
    findings = [(f.code, f.path, f.line, f.message) for f in intl_sdk.check(plan)]
    return ("plan", plan, plan.origin.data, findings)


@st.composite
def edits(draw, text: str) -> str:
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.sampled_from([0, 0, 1, 2, 5, 30, 120, 400])))
        text = text[:start] + draw(st.sampled_from(FRAGMENTS)) + text[end:]
    return text


@settings(max_examples=max(100, settings().max_examples * 2))
@given(st.data())
def test_reading_an_edit_gives_what_reading_the_whole_text_gives(data):
    text = data.draw(st.sampled_from(PLANS))
    previous = intl_sdk.loads(text)
    for _ in range(data.draw(st.integers(1, 4))):  # edit after edit, as typing goes
        new = data.draw(edits(text))
        before = copy.deepcopy(previous.origin.data)
        wanted = _outcome(intl_sdk.loads, new)
        assert _outcome(loads_edited, new, previous) == wanted
        assert previous.origin.data == before  # the earlier version's data is shared, never changed
        if wanted[0] == "plan":
            text, previous = new, loads_edited(new, previous)


def _typed(text: str, anchor: str, old: str, new: str) -> str:
    at = text.index(anchor) + len(anchor)
    assert text[at : at + len(old)] == old
    return text[:at] + new + text[at + len(old) :]


NWDA = PLANS[0]


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda t: _typed(t, "[[regions]]\nid = \"north-america\"\n", "", ""), id="nothing"),
        pytest.param(lambda t: t.replace("share = 23\n", "share = 24\n", 1), id="a share's digits"),
        pytest.param(lambda t: t.replace("share = 23\n", "share = 23.25\n", 1), id="decimal places"),
        pytest.param(lambda t: t.replace("share = 23\n", "share = 23\nx_note = \"new line\"\n", 1), id="a new key"),
        pytest.param(lambda t: t.replace("share = 23\n", "share = 23\n\n# a comment\n", 1), id="blank line and comment"),
        pytest.param(lambda t: t.replace("share = 23\n", "", 1), id="a line removed"),
        pytest.param(lambda t: t.replace("share = 23\n", "share = \"thirty\"\n", 1), id="a wrong type"),
    ],
)
def test_typing_inside_one_table_reparses_that_table_only(edit):
    previous = intl_sdk.loads(NWDA)
    new = edit(NWDA)
    data = edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new)
    assert data is not None, "the edit should have taken the short way"
    assert data == tomllib.loads(new, parse_float=Decimal)
    assert _outcome(loads_edited, new, previous) == _outcome(intl_sdk.loads, new)


_PASTED = '[[indicators]]\nid = "pasted"\nname = "Pasted"\ndirection = "up"\n\n'


def _item_removed(text: str, header: str) -> str:
    start = text.index(header)
    return text[:start] + text[text.index("\n[[", start + 1) + 1 :]


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda t: t.replace("format = 1\n", "format = 2\n", 1), id="the root table"),
        pytest.param(lambda t: t.replace("# The Northwest", "# The North West", 1), id="a comment at the top"),
        pytest.param(lambda t: t.replace("frameworks = []\n", "", 1), id="a root key removed"),
        pytest.param(lambda t: t + "\n" + _PASTED, id="an item pasted at the end"),
        pytest.param(lambda t: t.replace("[[indicators]]\n", _PASTED + "[[indicators]]\n", 1), id="an item pasted before another"),
        pytest.param(lambda t: _item_removed(t, "[[regions]]\nid = \"continental-europe\""), id="an item removed"),
        pytest.param(lambda t: t.replace("[[regions]]\nid = \"north-america\"", "[[offices]]\nid = \"north-america\"", 1), id="a header changed"),
        pytest.param(lambda t: t.replace("share = 23\n", "share = 23\n[[regions]]\n", 1), id="a header typed"),
        pytest.param(lambda t: t.replace("[[regions]]\n", "[[x_new_items]]\nx = 1\n\n[[regions]]\n", 1), id="a new kind of item"),
        pytest.param(lambda t: t.replace("[methodology]", "[x_notes]\nx = 1\n\n[methodology]", 1), id="a new table"),
    ],
)
def test_edits_of_whole_tables_and_items_reparse_those_only(edit):
    previous = intl_sdk.loads(NWDA)
    new = edit(NWDA)
    assert new != NWDA
    data = edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new)
    assert data is not None, "the edit should have taken the short way"
    wanted = tomllib.loads(new, parse_float=Decimal)
    assert data == wanted and list(data) == list(wanted)  # the tables in the order the text writes them
    assert _outcome(loads_edited, new, previous) == _outcome(intl_sdk.loads, new)


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda t: t.replace("frameworks = []\n", "frameworks = []\nstrategy = 1\n", 1), id="a key the root and a header write"),
        pytest.param(lambda t: t.replace("format = 1\n", "format = 1\n[x]\n", 1), id="a header typed in the root table"),
        pytest.param(lambda t: t.replace("frameworks = []\n\n[strategy]", "frameworks = [][strategy]", 1), id="the first header joined to the root"),
        pytest.param(lambda t: t.replace("[[regions]]\n", "[[regions]]\nid = 1\n[[regions.x_sub]]\n", 1), id="a nested header"),
        pytest.param(lambda t: t.replace("[methodology]", "[strategy]\nx = 1\n\n[methodology]", 1), id="a table written twice"),
        pytest.param(lambda t: t.replace('\n[[regions]]\nid = "continental-europe"', '\nid = "continental-europe"', 1), id="a header deleted"),
        pytest.param(lambda t: t.replace('CLUNET"\n\n[[regions]]', 'CLUNET"[[regions]]', 1), id="joined to the next header"),
        pytest.param(lambda t: t.replace("share = 23\n", "share = [\n", 1), id="an open list"),
    ],
)
def test_edits_beyond_one_table_read_the_whole_text(edit):
    previous = intl_sdk.loads(NWDA)
    new = edit(NWDA)
    assert new != NWDA
    assert edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new) is None
    assert _outcome(loads_edited, new, previous) == _outcome(intl_sdk.loads, new)


def test_a_table_other_headers_write_into_is_read_whole():
    previous = intl_sdk.loads(NESTED)
    new = NESTED.replace("share = 60\n", "share = 61\n")  # [[regions.x_steps]] writes into this region
    assert edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new) is None
    new = NESTED.replace("share = 30.5\n", "share = 39.5\n")  # the next region: nothing writes into it
    assert edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new) is not None
    assert _outcome(loads_edited, new, previous) == _outcome(intl_sdk.loads, new)


def test_a_byte_order_mark_is_kept_or_the_whole_text_read():
    with_mark = "\ufeff" + NWDA
    previous = intl_sdk.loads(with_mark)
    edited = with_mark.replace("share = 23\n", "share = 33\n", 1)
    assert loads_edited(edited, previous).origin.bom
    assert _outcome(loads_edited, edited, previous) == _outcome(intl_sdk.loads, edited)
    without = edited[1:]
    assert _outcome(loads_edited, without, previous) == _outcome(intl_sdk.loads, without)
    assert not loads_edited(without, previous).origin.bom


def test_items_for_a_list_the_root_table_wrote_are_read_whole():
    text = NWDA.replace("frameworks = []\n", "frameworks = []\nx_list = []\n", 1)
    previous = intl_sdk.loads(text)
    new = text.replace("[methodology]", "[[x_list]]\nx = 1\n\n[methodology]", 1)  # not valid TOML: x_list is written
    assert edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new) is None
    assert _outcome(loads_edited, new, previous) == _outcome(intl_sdk.loads, new)


def test_a_key_both_the_root_table_and_a_header_write_is_read_whole():
    text = NWDA.replace("frameworks = []\n", "frameworks = []\nx_mixed.a = 1\n", 1).replace("[methodology]", "[x_mixed.b]\nc = 2\n\n[methodology]", 1)
    previous = intl_sdk.loads(text)
    assert previous.extra["x_mixed"] == {"a": 1, "b": {"c": 2}}
    new = text.replace("x_mixed.a = 1\n", "", 1)  # the root's part goes; the header's stays
    assert edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new) is None
    assert _outcome(loads_edited, new, previous) == _outcome(intl_sdk.loads, new)


def _in_order(value):
    """A value with every table's keys in order (dict equality ignores order; tomllib's order is observable)."""
    if type(value) is dict:
        return [(key, _in_order(item)) for key, item in value.items()]
    if type(value) is list:
        return [_in_order(item) for item in value]
    return value


def _reads_as_whole(old: str, new: str) -> dict | None:
    """Re-read `new` after `old` both ways; what `edited_data` gave (None: the whole text read)."""
    previous = intl_sdk.loads(old)
    data = edited_data(previous.origin.text, previous.origin.data, previous.origin.layout, new)
    if data is not None:
        assert _in_order(data) == _in_order(tomllib.loads(new, parse_float=Decimal))
    wanted = _outcome(intl_sdk.loads, new)
    got = _outcome(loads_edited, new, previous)
    assert got == wanted
    if wanted[0] == "plan":
        assert _in_order(got[2]) == _in_order(wanted[2])
    return data


def test_an_item_pasted_before_a_sub_table_of_the_last_item_is_read_whole():
    # `[x_a.x]` belongs to the last `[[x_a]]` above it: after the paste, the pasted item
    old = "format = 1\n[[x_a]]\n[x_b]\n# c\n[x_a.x]\ny = 1\n"
    new = "format = 1\n[[x_a]]\n[x_b]\n[[x_a]]\n# c\n[x_a.x]\ny = 1\n"
    assert _reads_as_whole(old, new) is None


def test_a_table_the_root_and_a_header_write_keeps_its_place_when_tables_are_pasted():
    # `x_a` is the root table's (`x_a.b = 1`) though `[x_a.c]` comes after the pasted table
    old = "format = 1\nx_a.b = 1\n[x_x]\n# c\n[x_a.c]\n"
    new = "format = 1\nx_a.b = 1\n[x_x]\n[x_y]\n# c\n[x_a.c]\n"
    _reads_as_whole(old, new)


# -- documents where tables, items and sub-tables of a few names interleave ---------------------

_ROOT_LINES = ["x_v = 1", '"x.q" = 1', 'x_s = """\n[x_a]\n"""', "x_l = [\n  [1],\n]", "# [x_b]", ""]
_BODY_LINES = [
    "k = 1", "s.t = 2", "# c", "", 'm = """\n[[x_b]]\n"""', "l = [\n  [1],\n]", "e = 'é😀\u2028'",
]
#: How a name is written: the headers that may write it, and the root table's lines that may.
_KINDS = {
    "table": (["[{n}]", "[ {n} ] # c"], []),
    "items": (["[[{n}]]", "[[ {n} ]] # c"], []),
    "table and sub-tables": (["[{n}]", "[{n}.s]", '["{n}".t]', "[{n}.s.u]"], []),
    "items and sub-tables": (["[[{n}]]", "[{n}.s]", "[[{n}.s]]", "[[{n}]]"], []),
    "dotted keys and sub-tables": (["[{n}.s]", "[[{n}.t]]", "[{n}.u]"], ["{n}.k = 1"]),
}

_KIND_CHOICES = [*_KINDS, "items", "items and sub-tables"]  # items: where splicing is the hardest


@st.composite
def _sections(draw, headers: list[str]) -> str:
    header = draw(st.sampled_from(headers))
    return "".join(line + "\n" for line in [header, *draw(st.lists(st.sampled_from(_BODY_LINES), max_size=2))])


@st.composite
def _interleaved_plans(draw) -> tuple[str, list[str]]:
    """A plan's text, and the headers its names take: the root's lines, then
    sections, each kept where the text still reads as a plan."""
    headers, root = [], ["format = 1"]
    for name in ["x_a", "x_b", "x_c"]:
        name_headers, name_root = _KINDS[draw(st.sampled_from(_KIND_CHOICES))]
        headers += [header.format(n=name) for header in name_headers]
        root += [line.format(n=name) for line in name_root]
    root += draw(st.lists(st.sampled_from(_ROOT_LINES), max_size=2, unique=True))
    text = "".join(line + "\n" for line in draw(st.permutations(root)))
    for section in draw(st.lists(_sections(headers), max_size=12)):
        try:
            intl_sdk.loads(text + section)
        except PlanError:
            continue
        text += section
    return text, headers


@st.composite
def _line_edits(draw, text: str, headers: list[str]) -> str:
    """Whole sections pasted, lines removed, copied, commented out or in; or a fragment typed."""
    lines = text.splitlines(keepends=True)
    at = draw(st.integers(0, len(lines)))
    kind = draw(st.sampled_from(["paste", "paste", "remove", "copy", "comment", "fragment", "line end"]))
    if kind == "paste":  # among a table's lines, mostly: before a header the edit would reach into it
        inside = [number for number, line in enumerate(lines) if not line.startswith("[")]
        at = draw(st.sampled_from(inside)) if inside and draw(st.booleans()) else at
        lines[at:at] = [draw(st.sampled_from(["", "\n", "# pasted\n"])) + draw(_sections(headers))]
    elif kind == "remove":
        del lines[at : at + draw(st.integers(1, 4))]
    elif kind == "copy":
        start = draw(st.integers(0, len(lines)))
        lines[at:at] = lines[start : start + draw(st.integers(1, 4))]
    elif kind == "comment" and at < len(lines):
        line = lines[at]
        lines[at] = line[1:] if line.startswith("#") else "#" + line
    elif kind == "line end" and at < len(lines):
        lines[at] = lines[at].rstrip("\r\n") + draw(st.sampled_from(["", "\r\n", " # c\n"]))
    elif kind == "fragment":
        text = "".join(lines)
        offset = draw(st.integers(0, len(text)))
        return text[:offset] + draw(st.sampled_from(FRAGMENTS)) + text[offset + draw(st.integers(0, 3)) :]
    return "".join(lines)


@settings(max_examples=max(1000, settings().max_examples * 10))
@given(st.data())
def test_edits_where_tables_items_and_sub_tables_interleave_read_as_the_whole_text(data):
    text, headers = data.draw(_interleaved_plans())
    for _ in range(data.draw(st.integers(1, 3))):
        new = data.draw(_line_edits(text, headers))
        _reads_as_whole(text, new)
        try:
            intl_sdk.loads(new)
        except PlanError:
            continue
        text = new


def test_bytes_are_read_as_loads_reads_them():
    previous = intl_sdk.loads(NWDA)
    edited = NWDA.replace("share = 23\n", "share = 24\n", 1)
    assert _outcome(loads_edited, edited.encode(), previous) == _outcome(intl_sdk.loads, edited.encode())
    broken = edited.encode().replace(b"share = 24", b"share = \xff", 1)
    assert _outcome(loads_edited, broken, previous) == _outcome(intl_sdk.loads, broken)
