"""Which reader a file needs, by its extension; a folder is read as its CSV files."""

from __future__ import annotations

import os

from intl_sdk.office.cells import Source, SourceError
from intl_sdk.office.rows import Note

__all__ = ["read_source"]


def read_source(path: str) -> tuple[Source, list[Note]]:
    """The file's tables, by its extension (a folder: its CSV files)."""
    label = os.path.basename(os.path.normpath(path))
    if os.path.isdir(path):
        from intl_sdk.office.csv_reader import read_csv_folder

        source, messages = read_csv_folder(path)
        return source, [Note(label, message, skipped=False) for message in messages]
    if not os.path.exists(path):
        raise SourceError("no such file")
    extension = os.path.splitext(path)[1].lower()
    if extension in (".xlsx", ".xlsm"):
        from intl_sdk.office.xlsx_reader import read_xlsx

        return read_xlsx(path), []
    if extension == ".docx":
        from intl_sdk.office.docx_reader import read_docx

        return read_docx(path), []
    if extension in (".csv", ".tsv", ".txt"):
        from intl_sdk.office.csv_reader import read_csv

        table, message = read_csv(path)
        return Source(label, [table]), [Note(label, message, skipped=False)] if message else []
    if extension in (".xls", ".ods", ".numbers"):
        raise SourceError(f"is a {extension} file: save it as .xlsx (or .csv) and import that")
    if extension in (".doc", ".odt", ".rtf", ".pdf"):
        raise SourceError(f"is a {extension} file: save it as .docx and import that")
    raise SourceError("has an extension intl import does not know: it reads .xlsx, .csv and .docx")
