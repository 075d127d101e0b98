"""Hover, completion, navigation, rename, the outline and quick fixes, through a real client."""

from __future__ import annotations

import pytest
from lsprotocol import types

from lsp_client import EXAMPLES, Document, RecordingClient, run_intl, text_of


def _doc(document: Document) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=document.uri)


async def _hover(client: RecordingClient, document: Document, position: types.Position) -> types.Hover | None:
    return await client.text_document_hover_async(types.HoverParams(text_document=_doc(document), position=position))


# -- hover -------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_hover_on_shares_sum_gives_intl_explain_and_the_running_total(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    hover = await _hover(client, document, document.position("share = 24", delta=2))
    assert hover is not None and hover.contents.kind == types.MarkupKind.PlainText
    text = hover.contents.value
    assert text.startswith("shares-sum (error): target-region shares total 99%: 1 percentage point unallocated")
    assert run_intl("explain", "shares-sum").stdout.rstrip("\n") in text  # the docs, word for word as `intl explain` prints them
    assert "share of North America: 24%\nrunning total to this region: 24%\nall 6 regions: 99%, 1 percentage point unallocated" in text
    assert text_of(document.text, hover.range) == "share = 24"

    later = await _hover(client, document, document.position("share = 13", delta=9))
    assert "running total to this region: 72%" in later.contents.value  # 24 + 23 + 12 + 13


@pytest.mark.asyncio
async def test_hover_on_ids_says_what_they_name(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    region = await _hover(client, document, document.position('region = "north-america"', delta=12))
    assert region.contents.value.startswith("region north-america: North America\nshare: 24% (all regions: 99%)\n1 action")
    assert text_of(document.text, region.range) == '"north-america"'

    pillar = await _hover(client, document, document.position('"strategic-countries"', delta=3))
    assert pillar.contents.value.startswith("pillar 3: Targeting strategically important countries\n")

    indicator = await _hover(client, document, document.position('"exporters"', after="[[actions]]", delta=2))
    assert indicator.contents.value.startswith("indicator exporters: Exporters (companies)\nbaseline 7,147 (no year) → target ")

    measure = await _hover(client, document, document.position('"international-sales"', after="[[indicators]]", delta=2))
    assert measure.contents.value == "minimum impact measure international-sales: Increased international sales of companies"

    assert await _hover(client, document, document.position("Northwest Development Agency", delta=3)) is None


@pytest.mark.asyncio
async def test_hover_on_agreement_kinds_and_frameworks_reads_the_installed_plugin(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "corallia.toml")
    kind = await _hover(client, document, document.position('kind = "mou"', delta=9))
    assert kind.contents.value.startswith("agreement kind mou: ")
    assert "tier 1 of" in kind.contents.value
    framework = await _hover(client, document, document.position('"corallia"', after="frameworks", delta=2))
    assert framework.contents.value.startswith("framework corallia: ")
    assert "agreement kinds, in order: mou, ratification, collaboration, bilateral" in framework.contents.value


#: As written in the plan (TOML escapes for the terminal escape and the bidi override).
HOSTILE_TOML = r"**bold** <script>alert(1)</script> [link](https://example.org) `code` \u001b[31mred\u001b[0m \u202Eevil"


@pytest.mark.asyncio
async def test_hostile_plan_text_is_shown_as_text(client: RecordingClient, tmp_path):
    text = (
        'format = 1\n\n[strategy]\nname = "x"\n\n'
        f'[[regions]]\nid = "hostile"\nname = "{HOSTILE_TOML}"\nshare = 100\n\n'
        '[[actions]]\nid = "a"\nregion = "hostile"\npillars = ["competitive-sectors"]\ntitle = "t"\n'
    )
    document, diagnostics = await Document.open(client, tmp_path / "hostile.toml", text)
    hover = await _hover(client, document, document.position('region = "hostile"', delta=11))
    assert hover.contents.kind == types.MarkupKind.PlainText  # no Markdown, no HTML: nothing is rendered
    value = hover.contents.value
    assert "**bold** <script>alert(1)</script> [link](https://example.org) `code`" in value
    assert "\x1b" not in value and "\u202e" not in value  # control characters shown as escapes
    assert "\\x1b[31mred" in value and "\\u202eevil" in value
    for diagnostic in diagnostics:
        assert "\x1b" not in diagnostic.message and "\u202e" not in diagnostic.message


# -- completion -------------------------------------------------------------------------


async def _complete(client: RecordingClient, document: Document, position: types.Position) -> list[types.CompletionItem]:
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=_doc(document), position=position)
    )
    return list(result.items) if isinstance(result, types.CompletionList) else list(result or [])


@pytest.mark.asyncio
async def test_completion_of_region_ids_while_the_string_is_still_open(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    typed = document.text.replace('region = "north-america"\n', 'region = "\n', 1)
    version = document.change(typed)
    await client.diagnostics_of(document.uri, version)  # the text is broken now: no plan in it
    items = await _complete(client, document, document.position('region = "\n', delta=len('region = "')))
    assert [item.label for item in items] == ["north-america", "continental-europe", "india", "china", "japan", "emerging-markets"]
    assert items[0].detail == "North America, 24%"
    completed = document.text[: document.text.index('region = "\n')] + 'region = "' + items[1].text_edit.new_text
    assert completed.endswith('region = "continental-europe')

    partial = document.change(typed.replace('region = "\n', 'region = "ind\n', 1))
    await client.diagnostics_of(document.uri, partial)
    items = await _complete(client, document, document.position('region = "ind', delta=len('region = "ind')))
    india = next(item for item in items if item.label == "india")
    assert text_of(document.text, india.text_edit.range) == "ind"  # it replaces what was typed


@pytest.mark.asyncio
async def test_completion_of_pillars_measures_indicators_and_frameworks(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    pillars = await _complete(client, document, document.position('pillars = ["', delta=len('pillars = ["')))
    assert [item.label for item in pillars][:2] == ["competitive-sectors", "science-rd-hei"]

    after_comma = document.position('"competitive-sectors", ', delta=len('"competitive-sectors", '))
    labels = [item.label for item in await _complete(client, document, after_comma)]
    assert "competitive-sectors" not in labels and "european-policy" in labels
    gap = next(item for item in await _complete(client, document, after_comma) if item.label == "european-policy")
    assert gap.text_edit.new_text == '"european-policy"'  # no quote typed yet: it brings its quotes

    measures = await _complete(client, document, document.position('measures = ["', delta=len('measures = ["')))
    assert "research-intensity" in [item.label for item in measures]

    indicators = await _complete(client, document, document.position('indicators = ["', delta=len('indicators = ["')))
    assert "exporters" in [item.label for item in indicators]

    frameworks = await _complete(client, document, document.position("frameworks = [", delta=len("frameworks = [")))
    assert {"corallia", "alliance"} <= {item.label for item in frameworks}


@pytest.mark.asyncio
async def test_completion_of_agreement_kinds_and_builds_on(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "corallia.toml")
    kinds = await _complete(client, document, document.position('kind = "mou"', delta=len('kind = "')))
    assert [item.label for item in kinds] == ["mou", "ratification", "collaboration", "bilateral"]  # in tier order
    builds_on = await _complete(client, document, document.position("builds_on = [", delta=len("builds_on = [")))
    assert builds_on and all(item.text_edit.new_text.startswith('"') for item in builds_on)


# -- definition, references, rename ---------------------------------------------------------


@pytest.mark.asyncio
async def test_definition_and_references_of_a_region(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    use = document.position('region = "emerging-markets"', delta=12)
    (definition,) = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(document), position=use)
    )
    assert definition.range.start.line + 1 == document.text[: document.text.index('id = "emerging-markets"')].count("\n") + 1
    assert text_of(document.text, definition.range) == "emerging-markets"

    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(document), position=use, context=types.ReferenceContext(include_declaration=True)
        )
    )
    assert len(references) == 1 + document.text.count('region = "emerging-markets"')
    assert all(text_of(document.text, ref.range) == "emerging-markets" for ref in references)


@pytest.mark.asyncio
async def test_definition_of_an_indicator_and_an_agreement(client: RecordingClient):
    nwda, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    (indicator,) = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(nwda), position=nwda.position('"export-value"', after="[[actions]]", delta=2))
    )
    assert text_of(nwda.text, indicator.range) == "export-value"
    assert nwda.text[: nwda.text.index('id = "export-value"')].count("\n") == indicator.range.start.line

    document, _ = await Document.open(client, EXAMPLES / "corallia.toml")
    earlier = document.text[document.text.index("builds_on = [") :].split('"')[1]
    (definition,) = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(document), position=document.position(f'"{earlier}"', after="builds_on", delta=2))
    )
    assert text_of(document.text, definition.range) == earlier
    assert document.text[: document.text.index(f'id = "{earlier}"')].count("\n") == definition.range.start.line


@pytest.mark.asyncio
async def test_rename_a_region_across_its_actions_keeping_comments(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    definition = document.position('id = "emerging-markets"', delta=7)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=_doc(document), position=definition)
    )
    assert prepared.placeholder == "emerging-markets"
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=_doc(document), position=definition, new_name="other-markets")
    )
    renamed = document.apply(edit)
    uses = document.text.count('region = "emerging-markets"')
    assert uses >= 2
    assert renamed.count('region = "other-markets"') == uses and '"emerging-markets"' not in renamed
    assert renamed == document.text.replace('"emerging-markets"', '"other-markets"')  # every comment and line kept

    version = document.change(renamed)
    after = await client.diagnostics_of(document.uri, version)
    assert "unknown-reference" not in {d.code for d in after}


@pytest.mark.asyncio
async def test_rename_refuses_an_id_that_is_taken_or_not_an_id(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    use = document.position('region = "india"', delta=11)
    for new_name, reason in (("china", "already has a region 'china'"), ("Not An Id", "is not an id")):
        with pytest.raises(Exception, match=reason):
            await client.text_document_rename_async(
                types.RenameParams(text_document=_doc(document), position=use, new_name=new_name)
            )
    with pytest.raises(Exception, match="pillar ids are fixed"):
        await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(text_document=_doc(document), position=document.position('"strategic-countries"', delta=2))
        )


# -- the outline -----------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_document_symbols_outline_the_plan(client: RecordingClient):
    document, _ = await Document.open(client, EXAMPLES / "nwda.toml")
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=_doc(document)))
    assert [s.name for s in symbols] == ["Northwest internationalisation action plan", "regions", "offices", "actions", "indicators"]
    assert [(child.name, child.detail) for child in symbols[2].children] == [
        ("ukti-china", "china: China"), ("noe-japan", "japan: NOE Japan presence"),
    ]
    regions = symbols[1]
    assert regions.detail == "6, shares total 99%"
    assert [(child.name, child.detail) for child in regions.children][:2] == [
        ("north-america", "24% North America"),
        ("continental-europe", "23% Continental Europe"),
    ]
    first = regions.children[0]
    assert text_of(document.text, first.range).startswith('[[regions]]\nid = "north-america"')
    assert text_of(document.text, first.selection_range) == "north-america"
    assert len(symbols[3].children) == document.text.count("[[actions]]")


# -- quick fixes --------------------------------------------------------------------------------


async def _actions(client: RecordingClient, document: Document, position: types.Position) -> list[types.CodeAction]:
    return list(
        await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=_doc(document),
                range=types.Range(start=position, end=position),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
    )


@pytest.mark.asyncio
async def test_did_you_mean_fix_is_applied_and_the_result_rechecked(client: RecordingClient, tmp_path):
    text = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8").replace(
        'region = "north-america"\n', 'region = "north-amercia"  # typed in a hurry\n', 1
    )
    document, diagnostics = await Document.open(client, tmp_path / "typo.toml", text)
    unknown = next(d for d in diagnostics if d.code == "unknown-reference")
    assert text_of(document.text, unknown.range) == '"north-amercia"'

    (action,) = await _actions(client, document, unknown.range.start)
    assert action.title == "Replace 'north-amercia' with 'north-america'" and action.is_preferred
    assert action.edit is None  # VS Code resolves the edit when the fix is chosen
    resolved = await client.code_action_resolve_async(action)
    fixed = document.apply(resolved.edit)
    assert fixed == text.replace('"north-amercia"', '"north-america"')  # the comment stays

    version = document.change(fixed)
    assert "unknown-reference" not in {d.code for d in await client.diagnostics_of(document.uri, version)}


@pytest.mark.asyncio
async def test_shares_fix_adds_the_unallocated_points_to_a_region(emacs_client: RecordingClient):
    client = emacs_client
    document, diagnostics = await Document.open(client, EXAMPLES / "nwda.toml")
    shares = next(d for d in diagnostics if d.code == "shares-sum")
    actions = await _actions(client, document, document.position("share = 23"))
    titles = [action.title for action in actions]
    assert titles[0] == "Add the unallocated 1 point to Continental Europe (23% → 24%)"  # the region under the cursor
    assert "Add the unallocated 1 point to North America (24% → 25%)" in titles
    first = actions[0]
    assert first.edit is not None  # Emacs does not resolve code actions: the edit comes at once
    assert first.edit.document_changes[0].text_document.version == 1  # made for the version it was offered on
    assert [d.code for d in first.diagnostics] == ["shares-sum"] and first.diagnostics[0].range == shares.range
    fixed = document.apply(first.edit)
    assert fixed == document.text.replace("share = 23\n", "share = 24\n", 1)
    version = document.change(fixed)
    assert "shares-sum" not in {d.code for d in await client.diagnostics_of(document.uri, version)}
