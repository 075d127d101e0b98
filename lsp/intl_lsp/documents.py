"""Open documents as the server keeps them: pygls' workspace, with each
incremental change applied through the server's own line map.

pygls applies a change by splitting the whole text into lines and writing
them all out again (about 15 ms a keystroke on a 5,000-action plan), and its
lines break at characters that are no line break to an editor (U+2028, form
feed: a TOML string may hold them), so an edit after one would land in the
wrong place. Here a change is two offsets from `Lines`, the same map the
diagnostics' positions come from, and one slice; the map is kept with the
text, so the check of that version needs no second one.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types
from pygls.workspace import TextDocument, Workspace

from intl_lsp.text import Lines

__all__ = ["PlanDocument", "PlanWorkspace", "encoding_name"]


def encoding_name(encoding: Any) -> str:
    """The position encoding's name ("utf-16"), from lsprotocol's enum or a string."""
    return str(getattr(encoding, "value", encoding))


class PlanDocument(TextDocument):
    """A text document whose incremental changes are sliced in at `Lines` offsets."""

    def __init__(self, *args: Any, encoding: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.encoding = encoding
        self._lines: Lines | None = None

    @property
    def line_map(self) -> Lines:
        """The current text's line map (made on first use, kept until the text changes)."""
        source = self.source
        if self._lines is None or self._lines.text is not source:
            self._lines = Lines(source, self.encoding)
        return self._lines

    def _apply_incremental_change(self, change: types.TextDocumentContentChangePartial) -> None:
        lines = self.line_map
        start = lines.offset(change.range.start.line, change.range.start.character)
        end = max(start, lines.offset(change.range.end.line, change.range.end.character))
        self._source = lines.text[:start] + change.text + lines.text[end:]
        self._lines = None


class PlanWorkspace(Workspace):
    """pygls' workspace, making `PlanDocument`s."""

    def _create_text_document(
        self, doc_uri: str, source: str | None = None, version: int | None = None, language_id: str | None = None
    ) -> TextDocument:
        return PlanDocument(
            doc_uri,
            source=source,
            version=version,
            language_id=language_id,
            sync_kind=self._sync_kind,
            position_codec=self._position_codec,
            encoding=encoding_name(self.position_encoding),
        )

    @classmethod
    def adopt(cls, workspace: Workspace) -> None:
        """Make the workspace pygls created at `initialize` (before any document
        is open) one of these: the class changes, everything pygls set stays."""
        if type(workspace) is Workspace:
            workspace.__class__ = cls
