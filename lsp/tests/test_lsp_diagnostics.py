"""Diagnostics from `intl lsp`, through a real client: the findings of `intl check`, on their spans."""

from __future__ import annotations

import json

import pytest
from lsprotocol import types

from pytest_lsp import client_capabilities

from lsp_client import EXAMPLES, Document, RecordingClient, run_intl, text_of


def _check_json(path) -> list[dict]:
    result = run_intl("check", str(path), "--format", "json")
    return json.loads(result.stdout)["files"][0]["findings"]


@pytest.mark.asyncio
async def test_nwda_diagnostics_are_intl_checks_findings_on_their_lines(client: RecordingClient):
    document, diagnostics = await Document.open(client, EXAMPLES / "nwda.toml")
    expected = _check_json(EXAMPLES / "nwda.toml")
    assert [(d.range.start.line + 1, d.code, d.message) for d in diagnostics] == [
        (f["line"], f["code"], f"{f['message']}\nhint: {f['hint']}") for f in expected
    ]
    levels = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}
    assert [d.severity for d in diagnostics] == [levels[f["severity"]] for f in expected]
    for diagnostic in diagnostics:
        assert diagnostic.range.end.line > diagnostic.range.start.line or diagnostic.range.end.character > diagnostic.range.start.character
        assert diagnostic.source == "intl"
        assert diagnostic.code_description.href == f"https://example.org/checks#{diagnostic.code.replace('/', '')}"

    shares = next(d for d in diagnostics if d.code == "shares-sum")
    assert shares.severity == types.DiagnosticSeverity.Error
    first_share = document.text.splitlines().index("share = 24") + 1
    assert shares.range.start.line + 1 == first_share  # where `intl check` puts it: the first share
    assert text_of(document.text, shares.range) == "share = 24"  # a non-empty range
    assert shares.code_description is not None and shares.code_description.href == "https://example.org/checks#shares-sum"
    assert shares.message.endswith(
        "\nhint: add 1 to one or more shares, or a region for the rest, so they total 100; "
        "if the shares were rounded for print, write them as the strategy has them"
    )
    assert shares.source == "intl"

    repeated = next(d for d in diagnostics if d.code == "duplicate-action")
    assert repeated.severity == types.DiagnosticSeverity.Warning
    # the value, not the line
    assert text_of(document.text, repeated.range) == '"Work with UKTI to implement the new emerging markets strategy"'


@pytest.mark.asyncio
async def test_a_finding_is_marked_on_its_value(client: RecordingClient, tmp_path):
    text = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8").replace(
        'region = "north-america"\n', 'region = "north-amercia"  # typed in a hurry\n', 1
    )
    document, diagnostics = await Document.open(client, tmp_path / "typo.toml", text)
    unknown = next(d for d in diagnostics if d.code == "unknown-reference")
    assert text_of(document.text, unknown.range) == '"north-amercia"'  # the value, not its line


@pytest.mark.asyncio
async def test_a_change_is_rechecked_and_the_newest_version_wins(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    texts = [document.text.replace("share = 24\n", f"share = {share}\n", 1) for share in (26, 30, 25)]
    for text in texts:
        last = document.change(text)
    diagnostics = await client.diagnostics_of(document.uri, last)
    assert "shares-sum" not in {d.code for d in diagnostics}  # 25 makes 100: the last text's findings
    versions = client.versions_published(document.uri)
    assert versions == sorted(versions)  # never an older version after a newer one
    assert versions[-1] == last


@pytest.mark.asyncio
async def test_incremental_changes_are_applied_and_saving_publishes_again(client: RecordingClient, nwda_path):
    document, _ = await Document.open(client, nwda_path)
    document.type_over("24", "25", after="share = ")
    assert "shares-sum" not in {d.code for d in await client.diagnostics_of(document.uri, document.version)}
    published = len(client.published)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=document.uri)))
    on_save = await client.published_after(published)
    assert on_save.version == document.version
    assert "shares-sum" not in {d.code for d in on_save.diagnostics}


@pytest.mark.asyncio
async def test_plan_settings_apply(client: RecordingClient, tmp_path):
    text = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8").replace(
        "frameworks = []\n", 'frameworks = []\nignore = ["indicator-incomplete"]\n[severity]\nshares-sum = "warning"\n', 1
    )
    _, diagnostics = await Document.open(client, tmp_path / "settings.toml", text)
    codes = {d.code: d.severity for d in diagnostics}
    assert "indicator-incomplete" not in codes
    assert codes["shares-sum"] == types.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_a_broken_file_is_one_diagnostic_at_its_line_and_column(client: RecordingClient, tmp_path):
    text = 'format = 1\n\n[strategy]\nname = "Broken"\n\n[[regions]]\nid = "india"\nshare = "24%"\n'
    document, diagnostics = await Document.open(client, tmp_path / "broken.toml", text)
    assert len(diagnostics) == 1
    (error,) = diagnostics
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.range.start == types.Position(line=7, character=8)  # line 8, column 9: the value
    assert text_of(document.text, error.range) == '"24%"'
    assert "`regions[0].share` must be a number" in error.message

    version = document.change(text.replace('"Broken"\n', '"Broken\n'))  # not even TOML now
    (error,) = await client.diagnostics_of(document.uri, version)
    assert error.range.start.line == 3 and "not valid TOML" in error.message

    version = document.change(text.replace('"24%"', "24"))
    fixed = await client.diagnostics_of(document.uri, version)
    assert "shares-sum" in {d.code for d in fixed}  # read again once it is fixed


@pytest.mark.asyncio
async def test_a_toml_file_that_is_not_a_plan_gets_nothing(client: RecordingClient, tmp_path):
    _, diagnostics = await Document.open(client, tmp_path / "pyproject.toml", '[project]\nname = "x"\nformat = 1\n')
    assert diagnostics == []
    document, diagnostics = await Document.open(client, tmp_path / "half.toml", "[tool\nname = ")
    assert diagnostics == []


@pytest.mark.asyncio
async def test_closing_a_document_clears_its_diagnostics(client: RecordingClient):
    document, diagnostics = await Document.open(client, EXAMPLES / "nwda.toml")
    assert diagnostics
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=document.uri)))
    await client.diagnostics_of(document.uri, None)
    assert list(client.diagnostics[document.uri]) == []


@pytest.mark.asyncio
async def test_positions_follow_the_encoding_the_client_chose(tmp_path):
    """A client that counts in UTF-8 bytes gets byte columns; VS Code (UTF-16)
    gets code units: the same diagnostic, two columns, on a line with an é."""
    from lsp_client import config

    text = (
        'format = 1\n\n[strategy]\nname = "x"\n\n[[regions]]\nid = "r"\nname = "R"\nshare = 100\n\n'
        '[[actions]]\nid = "a"\nregion = "r"\npillars = ["é-sector", "competitive-sector"]\ntitle = "t"\n'
    )
    path = tmp_path / "accents.toml"
    columns = {}
    for encoding in (types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16):
        client = await config().start()
        capabilities = client_capabilities("visual-studio-code")
        capabilities.general = types.GeneralClientCapabilities(position_encodings=[encoding])
        result = await client.initialize_session(types.InitializeParams(capabilities=capabilities))
        assert result.capabilities.position_encoding == encoding
        _, diagnostics = await Document.open(client, path, text)
        second = [d for d in diagnostics if d.code == "unknown-reference" and "competitive-sector'" in d.message]
        columns[encoding] = (second[0].range.start.character, second[0].range.end.character)
        await client.shutdown_session()
        await client.stop()
    start = text.split("\n")[13].index('"competitive-sector"')
    assert columns[types.PositionEncodingKind.Utf16] == (start, start + len('"competitive-sector"'))
    assert columns[types.PositionEncodingKind.Utf8] == (start + 1, start + 1 + len('"competitive-sector"'))  # é is two bytes


@pytest.mark.asyncio
async def test_typing_change_after_change_gives_intl_checks_findings_each_time(client: RecordingClient, tmp_path):
    """The server re-reads only the edited table where it can: after each of a
    run of edits (in a table, a new line, a header pasted, a broken text and
    its fix) its diagnostics are those `intl check` gives for the same text."""
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    text = document.text
    steps = [
        text.replace("share = 24\n", "share = 2\n", 1),
        text.replace("share = 24\n", "share = 25\n", 1),
        text.replace("share = 24\n", "share = 25\nbudget_note = \"typed\"\n", 1),
        typo := text.replace("share = 24\n", "share = 25\n", 1).replace('region = "north-america"', 'region = "north-amercia"', 1),
        typo + '\n[[regions]]\nid = "pasted"\nname = "Pasted"\nshare = 1\n',
        text.replace("share = 24\n", "share = \n", 1),
        text,
    ]
    for number, step in enumerate(steps):
        version = document.change(step)
        diagnostics = await client.diagnostics_of(document.uri, version)
        path = tmp_path / f"step-{number}.toml"
        path.write_text(step, encoding="utf-8")
        result = run_intl("check", str(path), "--format", "json")
        found = json.loads(result.stdout)["files"][0]
        expected = found.get("findings") or []
        if found.get("error"):
            assert [(d.range.start.line + 1, d.message) for d in diagnostics] == [(found["error"]["line"], found["error"]["message"])]
        else:
            assert [(d.range.start.line + 1, d.code, d.message) for d in diagnostics] == [
                (f["line"], f["code"], f"{f['message']}\nhint: {f['hint']}") for f in expected
            ], number


@pytest.mark.asyncio
async def test_an_incremental_change_after_a_line_separator_in_a_string_lands_on_its_line(client: RecordingClient, tmp_path):
    """U+2028 in a string is no line break to an editor: the change the editor
    sends for the line below it edits that line (pygls' documents split there)."""
    text = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8").replace(
        'name = "North America"', 'name = "North\u2028America"', 1
    )
    document, diagnostics = await Document.open(client, tmp_path / "separator.toml", text)
    assert "shares-sum" in {d.code for d in diagnostics}
    document.type_over("24", "25", after="share = ")
    diagnostics = await client.diagnostics_of(document.uri, document.version)
    path = tmp_path / "expected.toml"
    path.write_text(document.text, encoding="utf-8")
    expected = _check_json(path)
    assert "shares-sum" not in {f["code"] for f in expected}  # 25 makes 100
    assert [(d.range.start.line + 1, d.code) for d in diagnostics] == [(f["line"], f["code"]) for f in expected]
