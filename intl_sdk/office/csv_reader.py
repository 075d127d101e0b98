"""A CSV file (or a folder of them) as tables: the delimiter sniffed, a byte-order mark allowed.

Spreadsheets save CSV as UTF-8 with or without a BOM, as UTF-16 with a BOM
("Unicode text"), or in the Windows code page; all are read. The delimiter is
the one of `,` `;` and tab that splits the first rows into the most columns
consistently, so `24,5` in a `;`-separated file stays one cell.
"""

from __future__ import annotations

import codecs
import csv
import io
import os

from intl_sdk.office.cells import Cell, Source, SourceError, SourceTable

__all__ = ["read_csv", "read_csv_folder", "decode"]

_DELIMITERS = (",", ";", "\t")


def decode(raw: bytes) -> tuple[str, str | None]:
    """(text, a note when the file was not UTF-8)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), None
            except UnicodeDecodeError:
                raise SourceError(f"is not valid {encoding.upper()} after its byte-order mark") from None
    if b"\x00" in raw[:4096]:
        raise SourceError("is not a text file (it holds NUL bytes): is it a spreadsheet saved under a .csv name?")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252 (save it as UTF-8 to be sure)"


def sniff_delimiter(text: str) -> str:
    sample = text[:65536]
    best, best_score = ",", (0.0, 0)
    for delimiter in _DELIMITERS:
        try:
            rows = [row for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)][:50]
        except csv.Error:
            continue
        widths = [len(row) for row in rows if any(cell.strip() for cell in row)]
        if not widths or widths[0] < 2:
            continue
        score = (widths.count(widths[0]) / len(widths), widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: str, *, name: str | None = None) -> tuple[SourceTable, str | None]:
    """One CSV file as a table; the second value is a note about its encoding, if any."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise SourceError(f"cannot be read: {error.strerror or error}") from None
    text, note = decode(raw)
    delimiter = sniff_delimiter(text)
    try:
        rows = [[Cell(value) if value != "" else Cell() for value in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise SourceError(f"is not readable CSV ({error})") from None
    while rows and not rows[-1]:
        rows.pop()
    return SourceTable(name, rows), note


def read_csv_folder(path: str) -> tuple[Source, list[str]]:
    """Every *.csv in a folder (as `intl export --format csv` writes them), each a table."""
    names = sorted(name for name in os.listdir(path) if name.lower().endswith(".csv"))
    if not names:
        raise SourceError("is a folder with no .csv files in it")
    source = Source(os.path.basename(os.path.normpath(path)))
    notes = []
    for name in names:
        table, note = read_csv(os.path.join(path, name), name=name)
        source.tables.append(table)
        if note:
            notes.append(f"{name}: {note}")
    return source, notes
