"""The tables of a Word document (.docx) as tables, with the document's title.

Every table is a candidate. A cell's paragraphs become its lines (bullets
included, which Word keeps in the style, not the text). A merged cell's text
is in its first grid cell; the cells it covers read as empty, as a
spreadsheet's merged cells do, so the builder treats both alike.
"""

from __future__ import annotations

import os
import warnings

from intl_sdk.office.cells import Cell, Source, SourceError, SourceTable

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(tc) -> str:
    """A cell's text: its paragraphs, one a line (nested tables' text included)."""
    lines = []
    for paragraph in tc.iter(f"{_W}p"):
        parts = []
        for run in paragraph.iter(f"{_W}r"):
            for node in run:
                if node.tag == f"{_W}t":
                    parts.append(node.text or "")
                elif node.tag == f"{_W}tab":
                    parts.append("\t")
                elif node.tag in (f"{_W}br", f"{_W}cr"):
                    parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines).strip()


def _rows(table) -> list[list[Cell]]:
    rows = []
    for tr in table._tbl.tr_lst:
        cells: list[Cell] = []
        cells.extend(Cell() for _ in range(getattr(tr, "grid_before", 0) or 0))
        for tc in tr.tc_lst:
            continued = tc.vMerge == "continue"
            text = "" if continued else _text(tc)
            cells.append(Cell(text) if text else Cell())
            cells.extend(Cell() for _ in range((tc.grid_span or 1) - 1))
        while cells and cells[-1].value is None:
            cells.pop()
        rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _title(document) -> str | None:
    title = (document.core_properties.title or "").strip()
    if title:
        return title
    for paragraph in document.paragraphs[:50]:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style in ("Title", "Heading 1") and paragraph.text.strip():
            return paragraph.text.strip()
    return None


def read_docx(path: str) -> Source:
    label = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise SourceError(f"cannot be read: {error.strerror or error}") from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError("is an encrypted document or an old Word 97-2003 file: save it as .docx without a password")
    if not head.startswith(b"PK"):
        raise SourceError("is not a .docx document (not a zip archive): save it from your word processor as .docx")
    import docx

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = docx.Document(path)
            source = Source(label, title=_title(document))
            for number, table in enumerate(document.tables, 1):
                source.tables.append(SourceTable(f"Table {number}", _rows(table)))
    except Exception as error:  # any failure inside the archive means the file is not a readable document
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SourceError(f"is not a readable .docx document ({detail[:120]})") from None
    return source
