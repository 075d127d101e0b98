"""Fixtures for the language server's tests (defined in lsp_client.py)."""

from lsp_client import client, nvim07_client, nwda_path  # noqa: F401
