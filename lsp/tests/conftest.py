"""Fixtures for the language server's tests (defined in lsp_client.py)."""

from lsp_client import client, emacs_client, nwda_path  # noqa: F401
