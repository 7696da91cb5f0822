-- Neovim's own LSP client (the 0.7 API, which later versions keep) drives `memsafe lsp` as a user's
-- configuration would: open the file, wait for the diagnostics, ask for a hover and the code
-- actions at the finding, apply the first action and wait for the diagnostic to go. What it saw
-- is written as JSON to $MEMSAFE_NVIM_OUT for the test to read; a failure is written there too.
local file = os.getenv('MEMSAFE_NVIM_FILE')
local out = os.getenv('MEMSAFE_NVIM_OUT')
local patience = 120000

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
  local client = vim.lsp.start_client({
    name = 'memsafe',
    cmd = { os.getenv('MEMSAFE_NVIM_NODE'), os.getenv('MEMSAFE_NVIM_BIN'), 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h:h'),
  })
  assert(client ~= nil, 'vim.lsp.start_client gave no client')
  assert(vim.lsp.buf_attach_client(buffer, client), 'vim.lsp.buf_attach_client failed')
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
