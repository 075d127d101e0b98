"""Where a loaded plan came from: its text, kept so saving can keep its layout."""

from __future__ import annotations

from typing import Any

from intl_sdk.layout import Layout, Path

__all__ = ["Origin"]


class Origin:
    """The file a plan was read from.

    `text` is the file's text without its byte-order mark (`bom` says whether
    it had one, so that saving keeps it). `data` is what `tomllib` read from
    `text`, kept so that saving need not parse the old text again; nothing
    else may hold or change it. The layout is indexed on first use only: most
    loads never need a line number."""

    __slots__ = ("text", "path", "bom", "_data", "_layout")

    def __init__(self, text: str, path: str | None = None, *, bom: bool = False, data: dict[str, Any] | None = None) -> None:
        self.text = text
        self.path = path
        self.bom = bom
        self._data = data
        self._layout: Layout | None = None

    def __repr__(self) -> str:
        return f"Origin(path={self.path!r}, {len(self.text)} characters)"

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            self._layout = Layout(self.text)
        return self._layout

    @property
    def data(self) -> dict[str, Any]:
        """The text's data as `tomllib` reads it (floats as Decimal)."""
        if self._data is None:
            from intl_sdk.reading import parse_toml

            self._data = parse_toml(self.text, self.path)
        return self._data

    def line_of(self, path: Path) -> int | None:
        return self.layout.line_of(path)
