"""intl-lsp: the intl-sdk checker, ids and docs in any editor, over the
Language Server Protocol (`intl lsp`, stdio). pygls is imported only by
`intl_lsp.server`; the other modules are plain functions of a plan's text,
so they can be tested and reused without a server."""
