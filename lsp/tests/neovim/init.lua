-- A minimal Neovim configuration for the smoke test: start `intl lsp` for every
-- *.toml buffer (Neovim 0.7's API: vim.lsp.start_client and buf_attach_client;
-- 0.8 adds vim.lsp.start), and when the server's diagnostics arrive (the
-- DiagnosticChanged event, not a timer) write them as JSON and quit.
local command = vim.fn.json_decode(vim.env.INTL_LSP_COMMAND)
local output = vim.env.INTL_LSP_OUTPUT

vim.api.nvim_create_autocmd("BufReadPost", {
  pattern = "*.toml",
  callback = function(event)
    local client = vim.lsp.start_client({ name = "intl", cmd = command, root_dir = vim.fn.getcwd() })
    vim.lsp.buf_attach_client(event.buf, client)
  end,
})

vim.api.nvim_create_autocmd("DiagnosticChanged", {
  callback = function(event)
    local found = vim.diagnostic.get(event.buf)
    if #found == 0 then
      return
    end
    local rows = {}
    for _, d in ipairs(found) do
      table.insert(rows, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, code = d.code, source = d.source, message = d.message,
      })
    end
    local file = io.open(output, "w")
    file:write(vim.fn.json_encode(rows))
    file:close()
    vim.cmd("qall!")
  end,
})
