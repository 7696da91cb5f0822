-- Run after docs/lsp.md's Neovim 0.7 setup, as a user with that init.lua would: open the file,
-- wait for memsafe's client and its diagnostics, ask for a hover and the code actions at the
-- finding, apply the first action and wait for the diagnostic to go. What it saw is written as
-- JSON to $MEMSAFE_NVIM_OUT for the test to read; a failure is written there too.
local file = os.getenv('MEMSAFE_NVIM_FILE')
local out = os.getenv('MEMSAFE_NVIM_OUT')
-- How long one step may take before it counts as hung: each step takes a second or two. The test's
-- own timeout is above the five steps' sum, so a hang is reported with the step that hung.
local patience = 45000

local function write(result)
  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
end

local function request(buffer, client, method, params)
  local responses, err = vim.lsp.buf_request_sync(buffer, method, params, patience)
  assert(responses ~= nil, method .. ': ' .. tostring(err))
  local response = assert(responses[client], method .. ': no response from memsafe')
  assert(response.err == nil and response.error == nil, method .. ': ' .. vim.inspect(response.err or response.error))
  return response.result
end

local ok, outcome = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buffer = vim.api.nvim_get_current_buf()
  local client
  assert(vim.wait(patience, function()
    for id, attached in pairs(vim.lsp.buf_get_clients(buffer)) do
      if attached.name == 'memsafe' then client = id end
    end
    return client ~= nil
  end, 20), 'the setup attached no client named memsafe to ' .. file)
  assert(vim.wait(patience, function() return #vim.diagnostic.get(buffer) > 0 end, 20), 'no diagnostics')

  local result = { diagnostics = {} }
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, {
      line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, message = d.message, code = lsp.code,
    })
  end

  local first = vim.diagnostic.get(buffer)[1]
  local document = { uri = vim.uri_from_bufnr(buffer) }
  local at = { line = first.lnum, character = first.col + 1 }
  result.hover = request(buffer, client, 'textDocument/hover', { textDocument = document, position = at }).contents.value

  local actions = request(buffer, client, 'textDocument/codeAction', {
    textDocument = document,
    range = { start = at, ['end'] = at },
    context = { diagnostics = {} },
  })
  result.actions = {}
  for _, action in ipairs(actions) do table.insert(result.actions, action.title) end

  vim.lsp.util.apply_workspace_edit(actions[1].edit, vim.lsp.get_client_by_id(client).offset_encoding)
  result.cleared = vim.wait(patience, function() return #vim.diagnostic.get(buffer) == 0 end, 20)
  result.lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
  return result
end)

write(ok and outcome or { failure = tostring(outcome) })
vim.cmd('qall!')
