// `amends lsp` driven by a real JSON-RPC client: vscode-languageserver-
// protocol from npm, the library VS Code's own LSP client is built on.
// Run by scripts/lsp-test.sh (CTest: lsp.node_client).
// Usage: node client.mjs AMENDS_BINARY
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

const bin = process.argv[2];
let failures = 0;
function check(ok, what) {
  if (!ok) {
    failures++;
    console.error(`FAILED: ${what}`);
  }
}

// One server process and a connection to it; diagnostics kept per URI.
function start(args = []) {
  const child = spawn(bin, ['--no-config', 'lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exitStatus = null;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    exitStatus = { code, signal };
    resolve(exitStatus);
  }));
  const connection = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Map();  // uri -> params
  const waiters = [];
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params);
    for (const w of waiters.splice(0)) w();
  });
  const messages = [];
  connection.onNotification(rpc.ShowMessageNotification.type, (m) => messages.push(m));
  connection.listen();
  // Resolves with the diagnostics of `uri` once its `version` is published.
  async function diagnostics(uri, version) {
    const deadline = Date.now() + 20000;
    while (true) {
      const p = published.get(uri);
      if (p && (version === undefined || p.version === version)) return p.diagnostics;
      if (Date.now() > deadline)
        throw new Error(`no diagnostics for ${uri} version ${version} (last: ${p && p.version}; ` +
                        `server exit: ${JSON.stringify(exitStatus)}; stderr: ${stderr})`);
      await new Promise((resolve) => { waiters.push(resolve); setTimeout(resolve, 200); });
    }
  }
  return { child, connection, diagnostics, exited, messages, stderr: () => stderr };
}

async function initialize(server, encodings) {
  const capabilities = encodings ? { general: { positionEncodings: encodings } } : {};
  return server.connection.sendRequest(rpc.InitializeRequest.type,
    { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
}

function open(server, uri, text, languageId = 'plaintext', version = 1) {
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
    { textDocument: { uri, languageId, version, text } });
}

function change(server, uri, version, text) {
  server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
    { textDocument: { uri, version }, contentChanges: [{ text }] });
}

async function stop(server) {
  await server.connection.sendRequest(rpc.ShutdownRequest.type);
  server.connection.sendNotification(rpc.ExitNotification.type);
  const { code } = await server.exited;
  server.connection.dispose();
  return code;
}

// Offsets of a JavaScript string (UTF-16) or of its UTF-8 bytes, as positions.
function offsetOf(text, position, utf8) {
  const lines = text.split('\n');
  let at = 0;
  for (let i = 0; i < position.line; i++) at += lines[i].length + 1;
  const line = lines[position.line] ?? '';
  if (!utf8) return at + position.character;
  const bytes = Buffer.from(line, 'utf8').subarray(0, position.character);
  return at + bytes.toString('utf8').length;
}

function applyEdits(text, edits, utf8) {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start, utf8) - offsetOf(text, a.range.start, utf8));
  for (const e of sorted) {
    const a = offsetOf(text, e.range.start, utf8);
    const b = offsetOf(text, e.range.end, utf8);
    text = text.slice(0, a) + e.newText + text.slice(b);
  }
  return text;
}

const draft = 'Hi Mary \u{1F600},\n\nWe apologize for any inconvenience. Per our policy, refunds take 5 days.\n';

async function session(encodings, wantEncoding) {
  const utf8 = wantEncoding === 'utf-8';
  const server = start();
  const init = await initialize(server, encodings);
  check(init.capabilities.positionEncoding === wantEncoding,
        `initialize with ${JSON.stringify(encodings)} negotiates ${wantEncoding}`);
  server.connection.sendNotification(rpc.InitializedNotification.type, {});
  const uri = 'file:///tmp/amends-lsp-test/draft.txt';
  open(server, uri, draft);
  let diags = await server.diagnostics(uri, 1);
  const apology = diags.find((d) => d.code === 'apology.non_apology');
  check(apology && apology.severity === 2 && apology.source === 'amends', 'open: apology.non_apology as a warning');
  check(apology && apology.range.start.line === 2 && apology.range.start.character === 0, 'open: its range');

  // A change: the line with the emoji now holds the policy phrase.
  const changed = 'Hi Mary \u{1F600}, per our policy, no.\n';
  change(server, uri, 2, changed);
  diags = await server.diagnostics(uri, 2);
  const policy = diags.find((d) => d.code === 'policy.reciting');
  check(policy !== undefined, 'change: policy.reciting found');
  // "Hi Mary " 8, the emoji 2 UTF-16 units or 4 bytes, ", " 2.
  check(policy && policy.range.start.character === (utf8 ? 14 : 12),
        `change: the range counts ${wantEncoding} (got ${policy && policy.range.start.character})`);
  check(!diags.some((d) => d.code === 'apology.non_apology'), 'change: the old finding is gone');

  // Hover over the policy phrase.
  const hover = await server.connection.sendRequest(rpc.HoverRequest.type,
    { textDocument: { uri }, position: { line: 0, character: policy.range.start.character + 2 } });
  check(hover && hover.contents.value.includes('policy.reciting') && hover.contents.value.includes('*Why:*'),
        'hover: the check and why');

  // Code actions there: the replacement, applied, gives the fixed text.
  const actions = await server.connection.sendRequest(rpc.CodeActionRequest.type,
    { textDocument: { uri }, range: policy.range, context: { diagnostics: [policy] } });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.edit);
  check(fix !== undefined, 'code action: a quick fix');
  if (fix) {
    const fixed = applyEdits(changed, fix.edit.changes[uri], utf8);
    check(fixed === 'Hi Mary \u{1F600}, no.\n', `code action: the edit gives the fixed text (got ${JSON.stringify(fixed)})`);
  }
  const disable = actions.find((a) => a.command && a.title === 'Disable policy.reciting for this file');
  check(disable !== undefined, 'code action: disable for this file');
  check(actions.some((a) => a.title === 'Disable policy.reciting for the workspace'), 'code action: disable for the workspace');
  if (disable) {
    await server.connection.sendRequest(rpc.ExecuteCommandRequest.type,
      { command: disable.command.command, arguments: disable.command.arguments });
    diags = await server.diagnostics(uri, 2);
    check(!diags.some((d) => d.code === 'policy.reciting'), 'disable: the check is gone from the file');
  }

  // Configuration: the same settings as amends.conf.
  change(server, uri, 3, draft);
  diags = await server.diagnostics(uri, 3);
  check(diags.some((d) => d.code === 'apology.non_apology' && d.severity === 2), 'before configuration: a warning');
  server.connection.sendNotification(rpc.DidChangeConfigurationNotification.type,
    { settings: { amends: { checks: { 'apology.non_apology': 'consider', 'name.missing': 'off' } } } });
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    diags = await server.diagnostics(uri, 3);
    if (diags.some((d) => d.code === 'apology.non_apology' && d.severity === 3)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  check(diags.some((d) => d.code === 'apology.non_apology' && d.severity === 3), 'configuration: re-graded to consider (information)');
  server.connection.sendNotification(rpc.DidChangeConfigurationNotification.type,
    { settings: { amends: { checks: { 'no.such.check': 'off' } } } });
  await new Promise((r) => setTimeout(r, 300));
  check(server.messages.some((m) => m.type === 1 && m.message.includes("unknown check 'no.such.check'")),
        'configuration: a bad setting is shown');

  check(server.stderr() === '', `nothing on stderr (got ${JSON.stringify(server.stderr())})`);
  const code = await stop(server);
  check(code === 0, `shutdown then exit: exit code 0 (got ${code})`);
}

async function exitWithoutShutdown() {
  const server = start();
  await initialize(server, null);
  server.connection.sendNotification(rpc.ExitNotification.type);
  const { code } = await server.exited;
  server.connection.dispose();
  check(code === 1, `exit without shutdown: exit code 1 (got ${code})`);
}

// A seeded generator, so a failing run can be replayed.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

// 10,000 random edits, sent as fast as the pipe takes them, with requests
// among them; the server must answer all and stay up.
async function randomSession(edits, uri = 'file:///tmp/amends-lsp-test/random.md', languageId = 'markdown',
                             initialText = '') {
  const seed = Number(process.env.AMENDS_LSP_SEED ?? 18);
  const rnd = random(seed);
  const pieces = ['We apologize for any inconvenience. ', 'Per our policy, ', 'calm down', '\u{1F600}', 'é',
                  '\r\n', '\n', 'Hi Mary,\n', 'I am sorry the parcel was late. ', ' ', '.', 'Thanks,\nJo',
                  '\u200B', 'as per our policy, ', '"', '\\', '\t', 'ΑΒΓ', '中文', 'please calm down, '];
  const server = start();
  await initialize(server, rnd() < 0.5 ? ['utf-8'] : null);
  let text = initialText;
  open(server, uri, text, languageId);
  const pending = [];
  for (let v = 2; v < edits + 2; v++) {
    const at = Math.floor(rnd() * (text.length + 1));
    if (rnd() < 0.35 && text.length > 0) {
      const end = Math.min(text.length, at + Math.floor(rnd() * 40));
      text = text.slice(0, at) + text.slice(end);
    } else {
      text = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at);
    }
    if (text.length > 4000) text = text.slice(0, 2000);
    change(server, uri, v, text);
    // Every tenth change waits for its own diagnostics, so that the server
    // analyses at least a tenth of the versions (it may fold a burst of
    // changes into one analysis).
    if (v % 10 === 0) await server.diagnostics(uri, v);
    if (v % 250 === 0) {
      const line = Math.floor(rnd() * 20);
      const position = { line, character: Math.floor(rnd() * 50) };
      pending.push(server.connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position }));
      pending.push(server.connection.sendRequest(rpc.CodeActionRequest.type,
        { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } }));
      await Promise.all(pending.splice(0));
    }
  }
  const last = edits + 1;
  const diags = await server.diagnostics(uri, last);
  check(Array.isArray(diags), 'random session: diagnostics for the last version');
  const lineCount = text.split(/\r\n|\r|\n/).length;
  check(diags.every((d) => d.range.start.line < lineCount && d.range.end.line < lineCount),
        'random session: every range inside the document');
  const rss = rssKb(server.child.pid);
  console.log(`random session (${languageId}): ${edits} edits, seed ${seed}, server RSS ${(rss / 1024).toFixed(1)} MB`);
  check(rss < 50 * 1024, `random session: RSS under 50 MB (${rss} kB)`);
  const code = await stop(server);
  check(code === 0, `random session: exit code 0 (got ${code})`);
}

try {
  await session(null, 'utf-16');
  await session(['utf-8', 'utf-16'], 'utf-8');
  await exitWithoutShutdown();
  await randomSession(Number(process.env.AMENDS_LSP_EDITS ?? 10000));
  // The same on a mail message, whose headers the edits damage too.
  await randomSession(2000, 'file:///tmp/amends-lsp-test/random.eml', 'mail',
                      'From: Jo <jo@example.com>\r\nTo: Mary Smith <mary@example.com>\r\n' +
                      'Subject: Re: parcel\r\n\r\nHi Mary,\r\n\r\nPer our policy, no.\r\n\r\n> where is it\r\n');
} catch (e) {
  failures++;
  console.error(`FAILED: ${e.stack ?? e}`);
}
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('lsp node client: all checks passed');
