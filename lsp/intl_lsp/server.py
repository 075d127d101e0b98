"""`intl lsp`: the language server, wired to pygls.

Each open document has one analysis (its text at a version, the plan read
from it, the findings); a change re-checks that document only, after the
debounce. The features are plain functions of an analysis (`diagnostics`,
`hover`, `completion`, `navigation`, `actions`); this module turns LSP
requests into offsets and their answers back into LSP types.

Settings, from the client's `initializationOptions`:
- `docsUrl`: a URL template for each code's docs, linked from diagnostics
  (`{code}` is the code, `{anchor}` the code without `/`, as docs/checks.md anchors it);
- `debounceMs`: how long a pause in typing is before the document is checked (default 150).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from typing import Any

from attrs import define
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer

from intl_lsp.analysis import Analysis, analyse
from intl_lsp.diagnostics import diagnostics, to_range
from intl_lsp.documents import PlanDocument, encoding_name
from intl_lsp.edits import TextEdit
from intl_lsp.scheduling import Scheduler, in_thread, sleeping
from intl_lsp.text import Lines

__all__ = ["IntlLanguageServer", "Settings", "serve"]

logger = logging.getLogger(__name__)
#: The LSP error code for a request that failed (a rename that cannot be made).
REQUEST_FAILED = -32803
#: Texts shorter than this are checked on the event loop: their check takes a
#: few milliseconds, less than handing it to a thread and back costs on a busy machine.
INLINE_CHECK_CHARACTERS = 100_000


@define
class Settings:
    docs_url: str | None = None
    debounce_seconds: float = 0.15

    @classmethod
    def from_options(cls, options: Any) -> Settings:
        settings = cls()
        if not isinstance(options, dict):
            return settings
        url = options.get("docsUrl")
        if isinstance(url, str) and url.strip():
            settings.docs_url = url.strip()
        debounce = options.get("debounceMs")
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 10_000:
            settings.debounce_seconds = debounce / 1000
        return settings


@define(frozen=True)
class Snapshot:
    """What a check needs from a document at one version."""

    uri: str
    version: int | None
    text: str
    path: str | None
    encoding: str
    previous: Any = None  # the plan of an earlier version, if one could be read
    lines: Lines | None = None  # the text's line map, if the document has made it


class IntlLanguageServer(LanguageServer):
    """The server's state: settings, the installed plugins, one analysis per open document."""

    def __init__(self) -> None:
        from intl_sdk import __version__

        super().__init__("intl-lsp", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.analyses: dict[str, Analysis] = {}
        #: The last plan of each document that could be read: ids to complete while the text is broken.
        self.last_plans: dict[str, Any] = {}
        self.scheduler: Scheduler[Snapshot, Analysis] = Scheduler(self._run, self._publish, self._delay, self._execute)
        self.exit_code = 0
        from intl_sdk.plugins import installed_plugins

        self.plugins = installed_plugins().resolve()

    # -- checking -------------------------------------------------------------

    async def _delay(self) -> None:
        await sleeping(self.settings.debounce_seconds)()

    @staticmethod
    async def _execute(run, snapshot: Snapshot) -> Analysis:
        if len(snapshot.text) < INLINE_CHECK_CHARACTERS:
            return run(snapshot)
        return await in_thread(run, snapshot)

    @staticmethod
    def _run(snapshot: Snapshot) -> Analysis:
        return analyse(
            snapshot.uri,
            snapshot.version,
            snapshot.text,
            path=snapshot.path,
            encoding=snapshot.encoding,
            previous=snapshot.previous,
            lines=snapshot.lines,
        )

    def snapshot(self, uri: str) -> Snapshot:
        document = self.workspace.get_text_document(uri)
        lines = document.line_map if isinstance(document, PlanDocument) else None
        text = lines.text if lines is not None else document.source
        encoding = encoding_name(self.workspace.position_encoding)
        return Snapshot(uri, document.version, text, document.path, encoding, self.last_plans.get(uri), lines)

    def _publish(self, uri: str, analysis: Analysis) -> None:
        self.analyses[uri] = analysis
        if analysis.plan is not None:
            self.last_plans[uri] = analysis.plan
        self.send_diagnostics(uri, diagnostics(analysis, self.settings.docs_url), analysis.version)

    def send_diagnostics(self, uri: str, found: list[dict], version: int | None = None) -> None:
        """Publish diagnostics given as the protocol's JSON (see `intl_lsp.diagnostics`).
        pygls' `_send_data` writes a JSON-ready message as it is; its public
        `notify` would take lsprotocol classes and convert them (pygls is pinned below 3)."""
        params: dict[str, Any] = {"uri": uri, "diagnostics": found}
        if version is not None:
            params["version"] = version
        self.protocol._send_data({"jsonrpc": "2.0", "method": types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, "params": params})

    def current(self, uri: str) -> Analysis:
        """The analysis of the document as it is now (checked at once if a change is waiting)."""
        snapshot = self.snapshot(uri)
        analysis = self.analyses.get(uri)
        if analysis is not None and analysis.version == snapshot.version and analysis.text == snapshot.text:
            return analysis
        analysis = self._run(snapshot)
        self.scheduler.adopt(uri, snapshot.version)
        self._publish(uri, analysis)
        return analysis

    def closed(self, uri: str) -> None:
        self.scheduler.closed(uri)
        self.analyses.pop(uri, None)
        self.last_plans.pop(uri, None)
        self.send_diagnostics(uri, [])

    # -- positions --------------------------------------------------------------

    def offset(self, analysis: Analysis, position: types.Position) -> int:
        return analysis.lines.offset(position.line, position.character)

    def location(self, analysis: Analysis, start: int, end: int) -> types.Location:
        return types.Location(uri=analysis.uri, range=to_range(analysis.lines, start, end))

    def workspace_edit(self, analysis: Analysis, edits: list[TextEdit]) -> types.WorkspaceEdit:
        text_edits = [types.TextEdit(range=to_range(analysis.lines, s, e), new_text=t) for s, e, t in edits]
        capabilities = self.client_capabilities.workspace
        versioned = bool(capabilities and capabilities.workspace_edit and capabilities.workspace_edit.document_changes)
        if versioned and analysis.version is not None:
            return types.WorkspaceEdit(
                document_changes=[
                    types.TextDocumentEdit(
                        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=analysis.uri, version=analysis.version),
                        edits=text_edits,
                    )
                ]
            )
        return types.WorkspaceEdit(changes={analysis.uri: text_edits})

    # -- transport -------------------------------------------------------------

    def start_io(self, stdin=None, stdout=None) -> None:  # type: ignore[override]
        """Serve over stdio, reading with asyncio instead of a thread per read:
        a message costs no thread hops before it is handled."""
        from threading import Event

        from pygls.io_ import StdoutWriter, run_async

        self._stop_event = Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))

        async def main() -> None:
            loop = asyncio.get_running_loop()
            source = stdin or sys.stdin.buffer
            stream = asyncio.StreamReader(limit=2**20)
            try:
                await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), source)
                reader: Any = _PipeReader(stream)
            except (NotImplementedError, OSError, ValueError):  # stdin is no pipe (a file, a console)
                from pygls.io_ import StdinAsyncReader

                reader = StdinAsyncReader(source, self.thread_pool)
            await run_async(
                stop_event=self._stop_event,
                reader=reader,
                protocol=self.protocol,
                logger=logger,
                error_handler=self.report_server_error,
            )

        try:
            asyncio.run(main())
        except SystemExit as exit:  # the client's `exit`: 0 after `shutdown`, else 1
            self.exit_code = exit.code if isinstance(exit.code, int) else 1
        except (BrokenPipeError, KeyboardInterrupt):
            pass
        finally:
            self.shutdown()


class _PipeReader:
    """pygls' reader interface over an asyncio stream; end of input reads as b""."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self.stream = stream

    async def readline(self) -> bytes:
        return await self.stream.readline()

    async def readexactly(self, n: int) -> bytes:
        try:
            return await self.stream.readexactly(n)
        except asyncio.IncompleteReadError:
            return b""


def _failed(message: str) -> JsonRpcException:
    return JsonRpcException(message=message, code=REQUEST_FAILED)


def build_server() -> IntlLanguageServer:
    """The server with every feature registered (not yet started)."""
    from intl_lsp import features

    server = IntlLanguageServer()
    features.register(server)
    return server


class _RefusalsAreNotErrors(logging.Filter):
    """pygls logs every failed request with its traceback; a refused rename is
    an answer to the user (the editor shows its message), not a server error."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (isinstance(error, JsonRpcException) and error.code == REQUEST_FAILED)


def serve() -> int:
    """Run the server over stdio until the client says exit; the exit status."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_RefusalsAreNotErrors())
    server = build_server()
    # Everything imported so far (pygls, lsprotocol's hundreds of classes, the
    # plugins) lives as long as the server: keep it out of the garbage
    # collector's full passes, which every check's allocations set off.
    gc.freeze()
    server.start_io()
    return server.exit_code
