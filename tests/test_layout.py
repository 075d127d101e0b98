"""The line map: every path's line and span, checked against where the document's writer put it."""

from __future__ import annotations

import random
import tomllib
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

import intl_sdk
from intl_sdk import layout as layout_module
from intl_sdk.layout import Layout

from test_comment_preservation import plan_tree, pieces, unknown_tree
from toml_documents import Renderer, Rendered, leaf_paths


def first_share_line(text: str) -> int:
    """The line of the first region's share in a plan's text."""
    lines = text.splitlines()
    first = lines.index("[[regions]]")
    return next(number for number, line in enumerate(lines, 1) if number > first and line.startswith("share = "))


def _exact_only(monkeypatch):
    def refuse(self):
        raise layout_module._Fallback

    monkeypatch.setattr(Layout, "_index_fast", refuse)


def _value_at(data, path):
    for part in path:
        data = data[part]
    return data


def check_lines_and_spans(rendered: Rendered) -> int:
    text = rendered.text
    layout = Layout(text)
    for path, line in rendered.lines.items():
        assert layout.line_of(path) == line, path
    data = tomllib.loads(text, parse_float=Decimal)
    for path in leaf_paths(data):
        span = layout.span(path)
        assert span is not None, path
        written = text[span.value_start : span.value_end]
        assert tomllib.loads(f"v = {written}", parse_float=Decimal)["v"] == _value_at(data, path), path
        key = text[span.key_start : span.key_end]
        if isinstance(path[-1], str):
            assert path[-1] in key.replace('"', "").replace("'", "") or key.isdigit(), (path, key)
    spans = layout.spans
    for path in rendered.lines:
        assert spans[path] == layout.span(path), path
    return len(rendered.lines)


def _documents() -> list[Rendered]:
    rng = random.Random(5)
    out = [Renderer(rng, 0.7, newline).render(piece) for newline in ("\n", "\r\n") for piece in pieces(plan_tree(rng))]
    out += [Renderer(rng, 0.5).render(unknown_tree(rng)) for _ in range(10)]
    return out


def test_every_path_is_on_the_line_its_writer_put_it():
    assert sum(check_lines_and_spans(rendered) for rendered in _documents()) > 500


def test_the_exact_scanner_agrees_where_the_fast_index_steps_aside(monkeypatch):
    _exact_only(monkeypatch)
    for rendered in _documents():
        check_lines_and_spans(rendered)


@settings(max_examples=max(10, settings().max_examples // 4))
@given(st.randoms(use_true_random=False), st.floats(0, 1), st.sampled_from(["\n", "\r\n"]))
def test_generated_documents_have_every_line_right(rng, chance, newline):
    check_lines_and_spans(Renderer(rng, chance, newline).render(unknown_tree(rng)))


def test_text_that_only_looks_like_headers_and_comments_is_not_taken_for_them():
    text = (
        'format = 1\nnote = """\n[[regions]]\n# not a comment\nshare = 5\n"""\n'
        "literal = '''\n[strategy]\n'''\n"
        'x = [  # a real comment\n  "[not.a.header]",\n  \'#\',\n]\n\n'
        '[[regions]]\nid = "a"  # [[regions]]\nshare = 50\n'
    )
    layout = Layout(text)
    assert [section.path for section in layout.sections] == [(), ("regions", 0)]
    assert layout.line_of(("regions", 0, "share")) == 17
    assert layout.line_of(("x", 1)) == 12
    assert layout.line_of(("note",)) == 2


def test_nesting_deeper_than_the_fast_index_follows_is_scanned_exactly():
    deep = "[" * 12 + "1" + "]" * 12
    text = f"format = 1\nx = {deep}\n\n[t]\ny = 2\n"
    layout = Layout(text)
    assert layout.line_of(("t", "y")) == 5
    assert layout.line_of(("x",) + (0,) * 12) == 2


def test_a_findings_line_needs_only_its_own_section_scanned(nwda_text):
    layout = Layout(nwda_text)
    assert layout.line_of(("regions", 0, "share")) == first_share_line(nwda_text)
    assert list(layout._keys) == [layout._by_path[("regions", 0)]]  # one section's keys, nothing else
    assert all(section is None for section in layout._objects)  # no statement objects made


def test_line_at_counts_lines_from_any_offset(nwda_text):
    layout = Layout(nwda_text)
    for offset in range(0, len(nwda_text), 97):
        assert layout.line_at(offset) == nwda_text.count("\n", 0, offset) + 1


@pytest.mark.parametrize("text", ["", "format = 1", "[x]", "# only a comment", "a.b.c = 1\n[a.b.d]\ne = 1\n"])
def test_small_and_odd_texts(text):
    layout = Layout(text)
    data = tomllib.loads(text)
    for path in leaf_paths(data):
        assert layout.line_of(path) is not None


def test_a_plan_read_from_text_finds_its_lines_through_its_origin(nwda_text):
    plan = intl_sdk.loads(nwda_text)
    assert plan.origin.line_of(("regions", 0, "share")) == first_share_line(nwda_text)
    span = plan.origin.layout.span(("regions", 0, "share"))
    assert nwda_text[span.key_start : span.key_end] == "share"
    assert nwda_text[span.value_start : span.value_end] == "24"


def test_root_names_are_the_names_the_root_tables_lines_write():
    layout = Layout('format = 1\nx_a.b = 1\n"x.q" = 2  # [x_c]\ns = """\n[x_d]\n"""\n[x_a.c]\n[x_e]\nf = 1\n')
    assert layout.root_names == {"format", "x_a", "x.q", "s"}
    assert layout.nested_names == {"x_a"}
    assert Layout("[x]\n").root_names == set()
