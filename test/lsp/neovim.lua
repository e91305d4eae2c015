-- Neovim as the client of `itreg lsp`, headless: opens an application's file and an owner's role file, prints the
-- diagnostics the server publishes for the application, ends the role in the editor's buffer and prints them again with
-- the time the change took. Neovim 0.7 and later (vim.lsp.start_client; 0.8 has vim.lsp.start for the same).
-- Run: ITREG_BIN=bin/itreg.js ITREG_ROOT=<register> ITREG_APP=<file> ITREG_ROLE=<file> nvim --headless -u NONE -c 'luafile test/lsp/neovim.lua'
local root, app, role = vim.env.ITREG_ROOT, vim.env.ITREG_APP, vim.env.ITREG_ROLE
local out = function(line) io.stdout:write(line .. '\n') end

local published = {}
local default = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  default(err, result, ctx, config)
  published[vim.uri_to_fname(result.uri)] = (published[vim.uri_to_fname(result.uri)] or 0) + 1
end

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
end

local function show(label, buf)
  local list = vim.diagnostic.get(buf)
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  out(label .. ': ' .. #list .. ' diagnostics')
  for _, d in ipairs(list) do
    out(string.format('  %d:%d %s %s %s', d.lnum + 1, d.col + 1, d.severity == 1 and 'error' or 'warning', code(d), d.message))
  end
end

local started = vim.loop.hrtime()
local client = vim.lsp.start_client({ name = 'itreg', cmd = { 'node', vim.env.ITREG_BIN, 'lsp' }, root_dir = root })
local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'yaml'
  vim.lsp.buf_attach_client(buf, client)
  return buf
end

local app_buf = open(app)
local role_buf = open(role)
local ready = vim.wait(60000, function() return (published[app] or 0) > 0 and (published[role] or 0) > 0 end, 5)
out(string.format('ready: %s after %.0f ms', tostring(ready), (vim.loop.hrtime() - started) / 1e6))
show('application', app_buf)

-- End the owner's role: add `until:` in the role's buffer, unsaved, and time the application's re-publish.
local before = published[app]
local changed = vim.loop.hrtime()
vim.api.nvim_buf_set_lines(role_buf, -1, -1, false, { 'until: 2026-01-31' })
local republished = vim.wait(10000, function() return published[app] > before end, 1)
out(string.format('role ended in the buffer: application re-published %s after %.0f ms', tostring(republished), (vim.loop.hrtime() - changed) / 1e6))
show('application', app_buf)

vim.lsp.stop_client(client)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client) == nil end, 10)
vim.cmd('qa!')
