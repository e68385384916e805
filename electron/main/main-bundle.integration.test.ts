// Smoke test of the BUILT main bundle (dist-style main.cjs) under plain Node with a fake 'electron' module:
// windowed start-up (scheme, sandbox, lock, protocol with CSP and traversal guard, one IPC handler per API
// function with the sender check, window on app://) and headless mode (runs the CLI, exits with its code);
// and the built preload (the contract's surface, no zod).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_FUNCTIONS } from '../../shared/contract/api.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'msi-doctor-bundle-'));
const bundleDir = join(work, 'electron');

before(() => {
  const built = spawnSync(
    process.execPath,
    [join(repo, 'build', 'scripts', 'build-electron.mjs'), '--out', bundleDir],
    { encoding: 'utf8' },
  );
  assert.equal(built.status, 0, built.stderr);
  // require('electron') from the bundle resolves to the fake.
  mkdirSync(join(work, 'node_modules', 'electron'), { recursive: true });
  cpSync(join(here, 'testing', 'fake-electron.cjs'), join(work, 'node_modules', 'electron', 'index.js'));
});

/**
 * Runs main.cjs with the fake, waits until `until` (a JS expression over r = the fake's record) holds, then runs
 * `script` inside the same process and prints its JSON verdict. No fixed sleeps: polling with a 45 s cap.
 */
function runMain(args: string[], until: string, script: string, env: Record<string, string> = {}) {
  const harness = `
    require(${JSON.stringify(join(bundleDir, 'main.cjs'))});
    const r = globalThis.__fakeElectron;
    const started = Date.now();
    const poll = setInterval(async () => {
      if (!(${until}) && Date.now() - started < 45000) return;
      clearInterval(poll);
      const out = await (async () => { ${script} })();
      process.stdout.write('\\n__RESULT__' + JSON.stringify(out) + '\\n');
      process.exit(0);
    }, 25);`;
  const result = spawnSync(process.execPath, ['-e', harness, '--', ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, FAKE_ELECTRON_HOME: work, MSI_DOCTOR_USER_DATA_DIR: join(work, 'userData'), ...env },
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('__RESULT__'));
  assert.ok(line, `no result; stderr: ${result.stderr.slice(0, 2000)}`);
  return { verdict: JSON.parse(line.slice('__RESULT__'.length)), stdout: result.stdout, stderr: result.stderr };
}

test('windowed start-up: privileged app scheme, sandbox, lock, protocol, IPC router, window on app://', () => {
  const { verdict } = runMain(
    ['C:\\\\logs\\\\MSI1234.LOG'],
    'r.windows.length > 0 && r.windows[0].url',
    `
    const call = (name) => r.calls.find((c) => c[0] === name);
    const app = { senderFrame: { url: 'app://msi-doctor/index.html', parent: null } };
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null } };
    const sub = { senderFrame: { url: 'app://msi-doctor/index.html', parent: {} } };
    const page = await r.protocol({ url: 'app://msi-doctor/index.html', method: 'GET' });
    const escape = await r.protocol({ url: 'app://msi-doctor/%2e%2e/%2e%2e/package.json', method: 'GET' });
    const env = await r.ipc.get('msi-doctor:getEnvironment')(app, {});
    const bad = await r.ipc.get('msi-doctor:getLogLines')(app, { path: '', from: -1, count: 0 });
    return {
      schemes: call('registerSchemesAsPrivileged')[1],
      sandbox: Boolean(call('enableSandbox')),
      lock: call('requestSingleInstanceLock')[1],
      protocol: call('protocol.handle')[1],
      pageStatus: page.status,
      csp: page.headers.get('content-security-policy'),
      escapeStatus: escape.status,
      channels: [...r.ipc.keys()].sort(),
      env,
      evil: await r.ipc.get('msi-doctor:getEnvironment')(evil, {}),
      sub: await r.ipc.get('msi-doctor:listSessions')(sub, {}),
      bad: bad.ok === false && bad.error.code,
      windows: r.windows.map((w) => ({ url: w.url, prefs: w.options.webPreferences, minWidth: w.options.minWidth })),
      menu: Boolean(call('setApplicationMenu')),
      appLog: require('node:fs').readFileSync(require('node:path').join(process.env.MSI_DOCTOR_USER_DATA_DIR, 'logs', 'main.log'), 'utf8'),
    };`,
  );
  assert.deepEqual(verdict.schemes, [
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  assert.equal(verdict.sandbox, true);
  assert.equal(verdict.lock.files.length, 1, 'files from argv travel with the single-instance lock');
  assert.equal(verdict.protocol, 'app');
  assert.equal(verdict.pageStatus, 404, 'no renderer in the temp bundle, but served through the guarded handler');
  assert.match(verdict.csp, /default-src 'none'/);
  assert.equal(verdict.escapeStatus, 403);
  assert.deepEqual(verdict.channels, API_FUNCTIONS.map((n) => `msi-doctor:${n}`).sort());
  assert.equal(verdict.env.ok, true);
  assert.equal(verdict.env.value.kind, 'simulated');
  assert.equal(verdict.env.value.lang, 'zh-CN');
  assert.equal(verdict.evil.error.code, 'forbidden');
  assert.equal(verdict.sub.error.code, 'forbidden');
  assert.equal(verdict.bad, 'invalid-input');
  assert.equal(verdict.windows.length, 1);
  assert.equal(verdict.windows[0].url, 'app://msi-doctor/index.html');
  assert.equal(verdict.windows[0].prefs.sandbox, true);
  assert.equal(verdict.windows[0].prefs.contextIsolation, true);
  assert.equal(verdict.windows[0].prefs.nodeIntegration, false);
  assert.match(verdict.windows[0].prefs.preload, /preload\.cjs$/);
  assert.equal(verdict.menu, true);
  assert.match(verdict.appLog, /MSI Doctor 0\.1\.0 starting/);
  assert.match(verdict.appLog, /IPC getEnvironment rejected: foreign-origin/, 'rejected senders are logged');
});

test('a second instance quits at once (the first one gets its files)', () => {
  const { verdict } = runMain(
    [],
    "r.calls.some((c) => c[0] === 'quit')",
    `return { calls: r.calls.map((c) => c[0]), windows: r.windows.length };`,
    {
      FAKE_LOCK: 'taken',
    },
  );
  assert.ok(verdict.calls.includes('quit'));
  assert.equal(verdict.windows, 0);
});

test('headless scan runs the CLI without a window and exits with its code', () => {
  const { verdict, stdout } = runMain(
    ['--headless', 'scan', '--simulate', 'healthy', '--json'],
    'r.exitCode !== null',
    `return { exit: r.exitCode, windows: r.windows.length };`,
  );
  assert.equal(verdict.windows, 0);
  assert.equal(verdict.exit, 0);
  const json = stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1);
  assert.equal(JSON.parse(json.split('\n__RESULT__')[0]!).schema, 'msi-doctor/scan@1');
});

test('headless scan analyzes a log in the bundled worker thread (log-analysis-worker.cjs next to main.cjs)', () => {
  const log = join(repo, 'shared', 'msilog', 'fixtures', 'wrapped-clock-prefix.log.txt');
  const { verdict, stdout } = runMain(
    ['--headless', 'scan', '--simulate', 'healthy', '--log', log, '--json'],
    'r.exitCode !== null',
    `return { exit: r.exitCode };`,
  );
  assert.equal(verdict.exit, 0);
  const json = stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1);
  const scan = JSON.parse(json.split('\n__RESULT__')[0]!);
  assert.deepEqual(scan.logErrors ?? [], []);
  assert.equal(scan.logs[0].failedAction.name, 'RegisterLedgerService');
  assert.match(scan.logs[0].causes[0].reason.text, /CreateService LedgerSvc failed/);
});

test('headless report writes the ZIP and exits 0', () => {
  const out = join(work, 'headless-report.zip');
  const { verdict } = runMain(
    ['--headless', 'report', '--simulate', '2503-windows-temp-acl', '--code', '2503', '--out', out],
    'r.exitCode !== null',
    `return { exit: r.exitCode, size: require('node:fs').statSync(${JSON.stringify(out)}).size };`,
  );
  assert.equal(verdict.exit, 0);
  assert.ok(verdict.size > 1000);
});

test('headless with an unknown command exits 2 with a one-line message', () => {
  const { verdict, stderr } = runMain(
    ['--headless', 'format-disk'],
    'r.exitCode !== null',
    `return { exit: r.exitCode };`,
  );
  assert.equal(verdict.exit, 2);
  assert.match(stderr, /expected one of scan, report/);
});

test('the preload bundle carries the contract surface and not zod', () => {
  const text = readFileSync(join(bundleDir, 'preload.cjs'), 'utf8');
  for (const name of API_FUNCTIONS) assert.ok(text.includes(`"${name}"`), name);
  assert.doesNotMatch(text, /ZodError|\$ZodType/);
});
