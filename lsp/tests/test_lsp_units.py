"""The server's plain parts: positions in the editor's encodings, minimal text
edits, what counts as a plan, docs links, and `intl lsp` on the command line."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from intl_lsp.analysis import analyse, looks_like_plan
from intl_lsp.diagnostics import docs_link
from intl_lsp.edits import text_edits
from intl_lsp.text import UTF8, UTF16, UTF32, Lines

from lsp_client import EXAMPLES, run_intl

_TEXT = st.text(alphabet=st.sampled_from(["a", "é", "\U0001f600", "\n", "\r", " ", "="]), max_size=40)


def _units(text: str, encoding: str) -> int:
    return {UTF8: len(text.encode("utf-8")), UTF16: len(text.encode("utf-16-le")) // 2, UTF32: len(text)}[encoding]


@settings(deadline=None)  # a busy machine is no failure
@given(_TEXT, st.sampled_from([UTF8, UTF16, UTF32]), st.data())
def test_positions_round_trip_in_every_encoding(text, encoding, data):
    lines = Lines(text, encoding)
    offset = data.draw(st.integers(0, len(text)))
    if text[offset - 1 : offset + 1] == "\r\n":
        offset -= 1  # inside a line break is no position an editor sends
    line, character = lines.position(offset)
    before = text[:offset]
    assert line == before.count("\n")
    assert character == _units(before[before.rfind("\n") + 1 :], encoding)
    assert lines.offset(line, character) == offset


def test_a_position_past_the_end_of_a_line_or_the_text_is_clamped():
    lines = Lines("ab\ncd", UTF16)
    assert lines.offset(0, 99) == 2  # the end of the first line, before its newline
    assert lines.offset(7, 0) == 5
    assert lines.position(99) == (1, 2)


@settings(deadline=None)
@given(_TEXT, _TEXT)
def test_text_edits_turn_the_old_text_into_the_new(old, new):
    edits = text_edits(old, new)
    out = old
    previous_end = -1
    for start, end, _ in edits:
        assert previous_end <= start <= end  # in order, never overlapping
        previous_end = end
    for start, end, replacement in reversed(edits):
        out = out[:start] + replacement + out[end:]
    assert out == new


def test_a_changed_value_is_one_small_edit():
    old = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8")
    new = old.replace("share = 23\n", "share = 24\n", 1)
    ((start, end, replacement),) = text_edits(old, new)
    assert (old[start:end], replacement) == ("3", "4")


def test_only_files_with_a_top_level_format_are_plans():
    assert looks_like_plan("# a plan\nformat = 1\n[strategy]\n")
    assert looks_like_plan('"format" = 1\n')
    assert not looks_like_plan('[project]\nformat = 1\n')  # a table's key, not the top level's
    assert not looks_like_plan("name = 'x'\n")
    assert not analyse("file:///p.toml", 1, "[tool.x]\nformat = 1\n").is_plan


def test_docs_link_fills_the_code_and_its_anchor():
    assert docs_link(None, "shares-sum") is None
    assert docs_link("https://x/checks.md#{anchor}", "corallia/prerequisite") == "https://x/checks.md#coralliaprerequisite"
    assert docs_link("https://x/{code}", "shares-sum") == "https://x/shares-sum"


def test_intl_lsp_is_a_command_with_help():
    listed = run_intl("--help")
    assert "lsp" in listed.stdout and "language server" in listed.stdout
    helped = run_intl("lsp", "--help")
    assert helped.returncode == 0 and "initializationOptions" in helped.stdout


def test_the_plugin_module_and_intl_check_never_import_the_server():
    script = (
        "import sys, intl_lsp.plugin, intl_sdk.cli\n"
        "status = intl_sdk.cli.main(['check', sys.argv[1]])\n"
        "heavy = [m for m in ('pygls', 'lsprotocol', 'cattrs', 'textual', 'intl_lsp.server') if m in sys.modules]\n"
        "print('imported:', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(EXAMPLES / "nwda.toml")], capture_output=True, text=True, timeout=120
    )
    assert result.stderr.strip().splitlines()[-1] == "imported: []"


_NWDA = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8")
_CORALLIA = (EXAMPLES / "corallia.toml").read_text(encoding="utf-8")


@settings(deadline=None)
@given(
    st.sampled_from([_NWDA, _CORALLIA]),
    st.data(),
    st.text(alphabet=st.sampled_from(list('"[]{}=,#\n -ab1.\\\'')), max_size=6),
)
def test_no_edit_of_a_plan_makes_a_feature_raise(text, data, inserted):
    """Whatever is typed where, every feature answers (or answers nothing): the
    server never learns of an input by crashing on it."""
    from intl_sdk.plugins import installed_plugins

    from intl_lsp.actions import fixes
    from intl_lsp.completion import completions
    from intl_lsp.diagnostics import diagnostics
    from intl_lsp.hover import hover_text
    from intl_lsp.navigation import definitions, references, symbols

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    edited = text[:start] + inserted + text[end:]
    analysis = analyse("file:///p.toml", 2, edited)
    assert analysis.crash is None
    diagnostics(analysis, "https://x/{code}")
    plugins = installed_plugins()
    symbols(analysis)
    for offset in {0, start, min(start + len(inserted), len(edited)), data.draw(st.integers(0, len(edited)))}:
        hover_text(analysis, offset, {}, plugins.frameworks)
        completions(edited, offset, analysis.plan, plugins.frameworks)
        definitions(analysis, offset)
        references(analysis, offset, True)
        for fix in fixes(analysis, offset, offset, plugins.frameworks):
            assert fix.title


def test_over_allocated_shares_offer_to_take_the_points_off_a_region():
    from intl_lsp.actions import fixes
    from intl_lsp.edits import EditRefused  # noqa: F401  (a fix's edits may be refused, never wrong)

    text = _NWDA.replace("share = 24\n", "share = 27\n", 1)  # 102%
    analysis = analyse("file:///p.toml", 1, text)
    offset = text.index("share = 9")
    found = fixes(analysis, offset, offset, {})
    assert found[0].title == "Take the over-allocated 2 points off Japan (9% → 7%)"
    ((start, end, replacement),) = found[0].edits(analysis)
    assert (text[start:end], replacement) == ("9", "7")


def test_completion_never_tries_every_split_of_a_comment():
    """A list with a long comment of `#`s once took seconds per keystroke (each
    doubling with one more `#`); a hang here is stopped by the timeout."""
    script = (
        "from intl_lsp.completion import slot_at\n"
        "text = 'format = 1\\n[[actions]]\\npillars = [' + '# ' * 60 + 'x'\n"
        "assert slot_at(text, len(text)) is None  # in a comment: nothing to complete\n"
        "text = 'format = 1\\n[[actions]]\\npillars = [\\n' + '  # # # # # #\\n' * 30 + '  \"'\n"
        "print(slot_at(text, len(text)).kind)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout == "pillar\n", result.stderr


def test_the_server_never_imports_textual():
    script = (
        "import sys, intl_sdk.cli\n"
        "intl_sdk.cli.build_parser('lsp')  # what `intl lsp` builds before it runs\n"
        "from intl_lsp.server import build_server\n"
        "build_server()\n"
        "print('textual' in sys.modules, 'pygls' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout == "False True\n", result.stderr


_DOCUMENT_TEXT = st.lists(st.sampled_from(["a", "é", "\U0001f600", "\n", "\r\n", " ", "\u2028", "\x0c", "\x85"]), max_size=30).map("".join)


@settings(deadline=None)
@given(_DOCUMENT_TEXT, st.data())
def test_incremental_changes_land_where_the_editor_put_them(text, data):
    """Lines break at "\\n" only, as an editor counts them for positions: a form
    feed or U+2028 in a string is no line break (pygls' own documents split there)."""
    from lsprotocol import types

    from intl_lsp.documents import PlanDocument

    from lsp_client import position_at

    document = PlanDocument("file:///p.toml", source=text, version=1, encoding=UTF16)
    for _ in range(data.draw(st.integers(1, 3))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        if text[start - 1 : start + 1] == "\r\n" or text[end - 1 : end + 1] == "\r\n":
            continue  # inside a line break is no position an editor sends
        inserted = data.draw(_DOCUMENT_TEXT)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=position_at(text, start), end=position_at(text, end)), text=inserted
        )
        document.apply_change(change)
        text = text[:start] + inserted + text[end:]
        assert document.source == text
        assert document.line_map.text is document.source
