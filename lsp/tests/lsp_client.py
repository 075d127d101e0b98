"""A real LSP client for `intl lsp` (helpers and fixtures; conftest.py exposes the fixtures): pytest-lsp starts the installed `intl lsp`
as a subprocess and speaks JSON-RPC to it over stdio, as an editor does.

Every `publishDiagnostics` the server sends is kept with its version, and
tests wait for the version they caused (a generous deadline only a hang reaches).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
#: Long enough that only a hung server reaches it, on a machine with both cores busy.
DEADLINE = 60.0


def intl_command() -> list[str]:
    intl = Path(sys.executable).with_name("intl")
    if not intl.exists():
        pytest.fail(f"the intl entry point is not installed beside {sys.executable}")
    return [str(intl), "lsp"]


class RecordingClient(LanguageClient):
    """pytest-lsp's client, keeping every diagnostics notification in order."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self._arrived = asyncio.Event()

    def record(self, params: types.PublishDiagnosticsParams) -> None:
        self.published.append(params)
        self.diagnostics[params.uri] = params.diagnostics
        self._arrived.set()

    async def diagnostics_of(self, uri: str, version: int | None) -> list[types.Diagnostic]:
        """The diagnostics the server publishes for `uri` at `version` (waits for them)."""

        async def wait() -> list[types.Diagnostic]:
            while True:
                for params in self.published:
                    if params.uri == uri and params.version == version:
                        return list(params.diagnostics)
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(wait(), DEADLINE)

    async def published_after(self, count: int) -> types.PublishDiagnosticsParams:
        """The first notification after the first `count` ones (waits for it)."""

        async def wait() -> types.PublishDiagnosticsParams:
            while len(self.published) <= count:
                self._arrived.clear()
                await self._arrived.wait()
            return self.published[count]

        return await asyncio.wait_for(wait(), DEADLINE)

    def versions_published(self, uri: str) -> list[int | None]:
        return [params.version for params in self.published if params.uri == uri]


def make_client() -> RecordingClient:
    client = RecordingClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = lambda ls, params: ls.record(params)
    register_lsp_features(client, features)
    return client


def config(env: dict[str, str] | None = None) -> ClientServerConfig:
    return ClientServerConfig(server_command=intl_command(), client_factory=make_client, server_env=env)


async def start(client: LanguageClient, spec: str = "visual-studio-code", options: dict | None = None) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(spec),
            root_uri=REPO.as_uri(),
            initialization_options=options or {},
        )
    )


@pytest_lsp.fixture(config=config())
async def client(lsp_client: RecordingClient):
    """A client (VS Code's capabilities) connected to a fresh `intl lsp`."""
    await start(lsp_client, options={"docsUrl": "https://example.org/checks#{anchor}"})
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=config())
async def emacs_client(lsp_client: RecordingClient):
    """A client with Emacs 29's capabilities: code actions come with their edits
    (no resolving), and workspace edits name the document's version."""
    await start(lsp_client, "emacs@v29.1")
    yield
    await lsp_client.shutdown_session()


class Document:
    """A document open in the client: its text, and helpers to find places in it."""

    def __init__(self, client: RecordingClient, uri: str, text: str) -> None:
        self.client = client
        self.uri = uri
        self.text = text
        self.version = 1

    @classmethod
    async def open(cls, client: RecordingClient, path: Path, text: str | None = None) -> tuple[Document, list[types.Diagnostic]]:
        text = path.read_text(encoding="utf-8") if text is None else text
        document = cls(client, path.as_uri(), text)
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=document.uri, language_id="toml", version=1, text=text)
            )
        )
        return document, await client.diagnostics_of(document.uri, 1)

    def position(self, needle: str, after: str = "", delta: int = 0) -> types.Position:
        """The position of `needle` (after the first `after`), moved `delta` characters on."""
        offset = self.text.index(needle, self.text.index(after) if after else 0) + delta
        return position_at(self.text, offset)

    def type_over(self, old: str, new: str, after: str = "") -> int:
        """Replace the first `old` (after the first `after`) with `new`, sent as an
        incremental change (a range and its new text, as editors send keys); the new version."""
        offset = self.text.index(old, self.text.index(after) if after else 0)
        start, end = position_at(self.text, offset), position_at(self.text, offset + len(old))
        self.version += 1
        self.text = self.text[:offset] + new + self.text[offset + len(old) :]
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
                content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text=new)],
            )
        )
        return self.version

    def change(self, text: str) -> int:
        """Replace the whole text (as a client that sends full changes does); the new version."""
        self.version += 1
        self.text = text
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.version

    def apply(self, edit: types.WorkspaceEdit) -> str:
        """The text with a workspace edit applied (as the editor would apply it)."""
        if edit.document_changes:
            edits = [e for change in edit.document_changes for e in change.edits]  # type: ignore[union-attr]
        else:
            edits = list((edit.changes or {}).get(self.uri, []))
        return apply_edits(self.text, edits)


def position_at(text: str, offset: int) -> types.Position:
    """UTF-16 position of a character offset (written here independently of the server)."""
    before = text[:offset]
    line = before.count("\n")
    column_text = before[before.rfind("\n") + 1 :]
    return types.Position(line=line, character=len(column_text.encode("utf-16-le")) // 2)


def offset_at(text: str, position: types.Position) -> int:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, char in enumerate(line):
        if units >= position.character:
            return start + index
        units += 2 if ord(char) > 0xFFFF else 1
    return start + len(line)


def apply_edits(text: str, edits: list) -> str:
    spans = sorted(((offset_at(text, e.range.start), offset_at(text, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def text_of(text: str, range_: types.Range) -> str:
    return text[offset_at(text, range_.start) : offset_at(text, range_.end)]


@pytest.fixture
def nwda_path(tmp_path) -> Path:
    """A copy of examples/nwda.toml, for tests that save."""
    target = tmp_path / "nwda.toml"
    target.write_text((EXAMPLES / "nwda.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return target


def server_env(**extra: str) -> dict[str, str]:
    return {**os.environ, **extra}


def run_intl(*args: str) -> subprocess.CompletedProcess[str]:
    """The real `intl` command (beside this Python), as a user runs it."""
    intl = intl_command()[0]
    return subprocess.run([intl, *args], capture_output=True, text=True, env=server_env(NO_COLOR="1"), timeout=120)
