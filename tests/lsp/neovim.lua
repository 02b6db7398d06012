-- `amends lsp` in Debian's neovim, headless, with its built-in LSP client:
-- a UTF-16 and a UTF-8 session, each opening a draft, changing it, asking
-- for a hover and code actions (applied with neovim's own edit code),
-- disabling a check, changing the configuration, and shutting down.
-- Run by scripts/lsp-test.sh (CTest: lsp.neovim_client); prints
-- "amends neovim test: passed" at the end when every check held.
local bin = os.getenv('AMENDS_BIN')
local scratch = os.getenv('AMENDS_SCRATCH')
local failures = 0
local checks = 0

local function say(line) io.stdout:write(line .. '\n') end
local function check(ok, what)
  checks = checks + 1
  if not ok then
    failures = failures + 1
    say('FAILED: ' .. what)
  end
end

local function find(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then return d end
  end
  return nil
end

local draft = { 'Hi Mary 😀,', '', 'We apologize for any inconvenience. Per our policy, refunds take 5 days.' }

local function session(encoding)
  local buf = vim.api.nvim_create_buf(true, false)
  vim.api.nvim_buf_set_name(buf, scratch .. '/draft-' .. encoding .. '.txt')
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, draft)
  vim.bo[buf].filetype = 'text'
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if encoding == 'utf-8' then capabilities.general = { positionEncodings = { 'utf-8', 'utf-16' } } end
  local exit_code = nil
  local negotiated = nil
  local id = vim.lsp.start_client({
    name = 'amends',
    cmd = { bin, '--no-config', 'lsp' },
    root_dir = scratch,
    capabilities = capabilities,
    flags = { debounce_text_changes = 0 },
    on_init = function(client, result)
      -- neovim 0.7 predates positionEncoding: follow what the server chose.
      negotiated = result.capabilities.positionEncoding
      client.offset_encoding = negotiated
    end,
    on_exit = function(code) exit_code = code end,
  })
  check(id ~= nil, 'the client starts')
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)
  check(vim.wait(10000, function() return find(buf, 'apology.non_apology') ~= nil end, 20),
        encoding .. ': diagnostics on open')
  check(negotiated == encoding, encoding .. ': negotiated ' .. tostring(negotiated))
  local apology = find(buf, 'apology.non_apology')
  check(apology and apology.severity == vim.diagnostic.severity.WARN, encoding .. ': fix is a warning')
  check(apology and apology.lnum == 2 and apology.col == 0, encoding .. ': its place')

  -- A change: the policy phrase after the emoji. neovim turns the server's
  -- columns into bytes, so a wrong unit count shows as a wrong column.
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, { 'Hi Mary 😀, per our policy, no.' })
  check(vim.wait(10000, function()
    local p = find(buf, 'policy.reciting')
    return p ~= nil and find(buf, 'apology.non_apology') == nil
  end, 20), encoding .. ': diagnostics after a change')
  local policy = find(buf, 'policy.reciting')
  check(policy and policy.lnum == 0 and policy.col == 14,
        encoding .. ': the range, in bytes here (got ' .. tostring(policy and policy.col) .. ')')

  -- Hover and the quick fix at the cursor.
  vim.api.nvim_win_set_cursor(0, { 1, 16 })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local hover = client.request_sync('textDocument/hover', params, 5000, buf)
  check(hover and hover.result and hover.result.contents.value:find('policy.reciting', 1, true),
        encoding .. ': hover names the check')
  check(hover and hover.result and hover.result.contents.value:find('*Why:*', 1, true),
        encoding .. ': hover says why')
  local range_params = {
    textDocument = params.textDocument,
    range = { start = params.position, ['end'] = params.position },
    context = { diagnostics = {} },
  }
  local actions = client.request_sync('textDocument/codeAction', range_params, 5000, buf)
  local fix, disable_file, disable_workspace
  for _, a in ipairs(actions and actions.result or {}) do
    if a.kind == 'quickfix' and a.edit then fix = a end
    if a.title == 'Disable policy.reciting for this file' then disable_file = a end
    if a.title == 'Disable policy.reciting for the workspace' then disable_workspace = a end
  end
  check(fix ~= nil, encoding .. ': a quick fix')
  check(disable_file ~= nil and disable_workspace ~= nil, encoding .. ': disable actions')
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    local line = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
    check(line == 'Hi Mary 😀, no.', encoding .. ': the fix applied (got ' .. line .. ')')
  end

  -- Disable a check for this file, then configure another off.
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, draft)
  check(vim.wait(10000, function() return find(buf, 'apology.non_apology') ~= nil end, 20),
        encoding .. ': diagnostics again')
  if disable_file then
    client.request_sync('workspace/executeCommand', disable_file.command, 5000, buf)
    check(vim.wait(5000, function() return find(buf, 'policy.reciting') == nil end, 20),
          encoding .. ': disabled for the file')
  end
  client.notify('workspace/didChangeConfiguration',
                { settings = { amends = { checks = { ['apology.non_apology'] = 'off' } } } })
  check(vim.wait(5000, function() return find(buf, 'apology.non_apology') == nil end, 20),
        encoding .. ': configured off')

  client.stop()
  check(vim.wait(10000, function() return exit_code ~= nil end, 20), encoding .. ': the server exits')
  check(exit_code == 0, encoding .. ': exit code 0 after shutdown (got ' .. tostring(exit_code) .. ')')
  vim.api.nvim_buf_delete(buf, { force = true })
end

local ok, err = pcall(function()
  session('utf-16')
  session('utf-8')
end)
check(ok, 'no Lua error: ' .. tostring(err))
if failures == 0 then
  say('amends neovim test: passed (' .. checks .. ' checks)')
  vim.cmd('qa!')
else
  say(failures .. ' check(s) failed')
  vim.cmd('cquit 1')
end
