"""Where a loaded plan came from: its text, kept so saving can keep its layout."""

from __future__ import annotations

from attrs import define, field

from intl_sdk.layout import Layout, Path, scan

__all__ = ["Origin"]


@define
class Origin:
    """The file a plan was read from. The layout is scanned on first use only:
    most loads never need a line number."""

    text: str
    path: str | None = None
    _layout: Layout | None = field(default=None, repr=False)

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            self._layout = scan(self.text)
        return self._layout

    def line_of(self, path: Path) -> int | None:
        return self.layout.line_of(path)
