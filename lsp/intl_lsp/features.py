"""The LSP features of `intl lsp`, registered on the server: document sync,
hover, completion, definition, references, rename, document symbols and code
actions. Each handler turns the request into offsets, calls the plain
function that answers it, and turns the answer into LSP types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from intl_lsp.diagnostics import as_lsp, finding_diagnostic, to_range
from intl_lsp.edits import EditRefused

if TYPE_CHECKING:
    from intl_lsp.server import IntlLanguageServer

__all__ = ["register"]

_SYMBOL_KINDS = {
    "strategy": types.SymbolKind.Module,
    "group": types.SymbolKind.Namespace,
    "region": types.SymbolKind.Field,
    "office": types.SymbolKind.Property,
    "action": types.SymbolKind.Event,
    "indicator": types.SymbolKind.Number,
    "agreement": types.SymbolKind.Object,
}
_COMPLETION_KINDS = {
    "region": types.CompletionItemKind.Reference,
    "indicator": types.CompletionItemKind.Reference,
    "agreement": types.CompletionItemKind.Reference,
    "pillar": types.CompletionItemKind.EnumMember,
    "driver": types.CompletionItemKind.EnumMember,
    "measure": types.CompletionItemKind.EnumMember,
    "kind": types.CompletionItemKind.EnumMember,
    "framework": types.CompletionItemKind.Module,
}


def register(server: IntlLanguageServer) -> None:
    from intl_lsp.server import Settings, _failed

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        from intl_lsp.documents import PlanWorkspace

        server.settings = Settings.from_options(params.initialization_options)
        PlanWorkspace.adopt(server.workspace)

    # -- document sync: diagnostics on open, change (debounced) and save ------

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        await server.scheduler.now(uri, params.text_document.version, server.snapshot(uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.scheduler.changed(uri, params.text_document.version, server.snapshot(uri))

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        snapshot = server.snapshot(uri)
        analysis = server.analyses.get(uri)
        if analysis is not None and analysis.version == snapshot.version and analysis.text == snapshot.text:
            server._publish(uri, analysis)  # already checked: publish it again, do not re-check
            return
        await server.scheduler.now(uri, snapshot.version, snapshot)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.closed(params.text_document.uri)

    # -- hover -------------------------------------------------------------------

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        from intl_sdk.checks import all_rules

        from intl_lsp.hover import hover_text

        analysis = server.current(params.text_document.uri)
        found = hover_text(analysis, server.offset(analysis, params.position), all_rules(server.plugins), server.plugins.frameworks)
        if found is None:
            return None
        text, (start, end) = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value=text),
            range=to_range(analysis.lines, start, end),
        )

    # -- completion ----------------------------------------------------------------

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=['"', "[", ","]),
    )
    def completion(params: types.CompletionParams) -> types.CompletionList:
        from intl_lsp.completion import completions
        from intl_lsp.text import Lines

        uri = params.text_document.uri
        snapshot = server.snapshot(uri)
        analysis = server.analyses.get(uri)
        current = analysis if analysis is not None and analysis.text == snapshot.text else None
        lines = current.lines if current is not None else Lines(snapshot.text, snapshot.encoding)
        # While an id is typed the text rarely reads as a plan: ids come from the last one that did.
        plan = (current.plan if current is not None else None) or server.last_plans.get(uri)
        offset = lines.offset(params.position.line, params.position.character)
        items = [
            types.CompletionItem(
                label=found.label,
                detail=found.detail,
                kind=_COMPLETION_KINDS.get(found.kind, types.CompletionItemKind.Value),
                sort_text=f"{index:05d}",
                filter_text=found.new_text,
                text_edit=types.TextEdit(range=to_range(lines, found.start, found.end), new_text=found.new_text),
            )
            for index, found in enumerate(completions(snapshot.text, offset, plan, server.plugins.frameworks))
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    # -- definition, references, rename ----------------------------------------------

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(params: types.DefinitionParams) -> list[types.Location]:
        from intl_lsp.navigation import definitions

        analysis = server.current(params.text_document.uri)
        offset = server.offset(analysis, params.position)
        return [server.location(analysis, start, end) for start, end in definitions(analysis, offset)]

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(params: types.ReferenceParams) -> list[types.Location]:
        from intl_lsp.navigation import references as find

        analysis = server.current(params.text_document.uri)
        offset = server.offset(analysis, params.position)
        found = find(analysis, offset, params.context.include_declaration)
        return [server.location(analysis, start, end) for start, end in found]

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        from intl_lsp.navigation import rename_target

        analysis = server.current(params.text_document.uri)
        try:
            mention, (start, end) = rename_target(analysis, server.offset(analysis, params.position))
        except EditRefused as refused:
            raise _failed(str(refused)) from None
        return types.PrepareRenamePlaceholder(range=to_range(analysis.lines, start, end), placeholder=mention.id)

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def rename(params: types.RenameParams) -> types.WorkspaceEdit:
        from intl_lsp.navigation import rename as make

        analysis = server.current(params.text_document.uri)
        try:
            edits = make(analysis, server.offset(analysis, params.position), params.new_name)
        except EditRefused as refused:
            raise _failed(str(refused)) from None
        return server.workspace_edit(analysis, edits)

    # -- the outline -------------------------------------------------------------------

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        from intl_lsp.navigation import symbols

        analysis = server.current(params.text_document.uri)

        def convert(symbol) -> types.DocumentSymbol:
            return types.DocumentSymbol(
                name=symbol.name,
                detail=symbol.detail or None,
                kind=_SYMBOL_KINDS[symbol.kind],
                range=to_range(analysis.lines, *symbol.extent),
                selection_range=to_range(analysis.lines, *symbol.selection),
                children=[convert(child) for child in symbol.children] or None,
            )

        return [convert(symbol) for symbol in symbols(analysis)]

    # -- quick fixes -------------------------------------------------------------------------

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=True),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        from intl_lsp.actions import fixes

        analysis = server.current(params.text_document.uri)
        start = server.offset(analysis, params.range.start)
        end = server.offset(analysis, params.range.end)
        lazy = _can_resolve_edits(server)
        out = []
        for index, fix in enumerate(fixes(analysis, start, end, server.plugins.frameworks)):
            action = types.CodeAction(
                title=fix.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[as_lsp(finding_diagnostic(analysis, fix.finding, server.settings.docs_url))],
                is_preferred=fix.preferred or None,
                data={"uri": analysis.uri, "version": analysis.version, "start": start, "end": end, "index": index},
            )
            if not lazy:
                try:
                    action.edit = server.workspace_edit(analysis, fix.edits(analysis))
                except EditRefused as refused:
                    action.disabled = types.CodeActionDisabledType(reason=str(refused))
            out.append(action)
        return out

    @server.feature(types.CODE_ACTION_RESOLVE)
    def code_action_resolve(action: types.CodeAction) -> types.CodeAction:
        from intl_lsp.actions import fixes

        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        if not isinstance(uri, str) or uri not in server.analyses:
            return action
        analysis = server.current(uri)
        if analysis.version != data.get("version"):
            raise _failed("the document changed since the fix was offered; ask for it again")
        found = fixes(analysis, int(data.get("start", 0)), int(data.get("end", 0)), server.plugins.frameworks)
        index = data.get("index")
        if not isinstance(index, int) or not 0 <= index < len(found) or found[index].title != action.title:
            raise _failed("this fix is no longer offered")
        try:
            action.edit = server.workspace_edit(analysis, found[index].edits(analysis))
        except EditRefused as refused:
            raise _failed(str(refused)) from None
        return action


def _can_resolve_edits(server: IntlLanguageServer) -> bool:
    """Whether the client asks for a code action's edit only when it is chosen."""
    text_document = server.client_capabilities.text_document
    code_action = text_document.code_action if text_document else None
    resolve = code_action.resolve_support if code_action else None
    return bool(resolve and "edit" in resolve.properties)
