// The wizard's "run this program" (issue 19): main checks the request before anything runs, then runs it through
// the CLI's asked-run probe on the machine worked on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAskedProgram } from './asked-run.ts';
import { createDefaultDeps } from './app-service-deps.ts';
import { ServiceError } from './service-error.ts';

const AGENT = 'C:\\Program Files\\Fabrikam\\Sync Agent\\fabrikam-sync.exe';

test('checkAskedProgram refuses relative paths, anything but an .exe, and files that are not there', () => {
  const exists = (path: string) => path === AGENT;
  assert.deepEqual(checkAskedProgram(AGENT, exists), { ok: true, program: AGENT });
  for (const relative of ['fabrikam-sync.exe', '.\\fabrikam-sync.exe', '..\\Sync Agent\\fabrikam-sync.exe', '\\x.exe'])
    assert.deepEqual(checkAskedProgram(relative, exists), { ok: false, problem: 'not-absolute-exe' }, relative);
  for (const other of ['C:\\Tools\\run.bat', 'C:\\Tools\\run.cmd', 'C:\\Tools\\app.exe.lnk', 'C:\\Tools\\*.exe'])
    assert.deepEqual(checkAskedProgram(other, exists), { ok: false, problem: 'not-absolute-exe' }, other);
  assert.deepEqual(checkAskedProgram('C:\\Program Files\\Fabrikam\\gone.exe', exists), {
    ok: false,
    problem: 'missing',
  });
});

test('runKeyFile on the machine: refused in both languages (checked before the probe); a real key file answers --version and /?', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'asked-run-'));
  const machine = await createDefaultDeps({ dataDir }).openMachine({
    platform: 'linux',
    dataDir,
    simulate: 'unknown-product-installed',
  });
  for (const [program, en] of [
    ['fabrikam-sync.exe', /full path of an \.exe/],
    ['C:\\Program Files\\Fabrikam\\Sync Agent', /full path of an \.exe/],
    ['C:\\Program Files\\Fabrikam\\Sync Agent\\missing.exe', /no such file/],
  ] as const) {
    await assert.rejects(machine.runKeyFile(program, 'version'), (error: unknown) => {
      assert.ok(error instanceof ServiceError, String(error));
      assert.equal(error.code, 'invalid-input');
      assert.match(error.text?.en ?? '', en);
      assert.match(error.text?.['zh-CN'] ?? '', /未运行/);
      return true;
    });
  }
  const version = await machine.runKeyFile(AGENT, 'version');
  assert.equal(version.program, AGENT);
  assert.equal(version.ran, true);
  assert.match(version.stdout, /^fabrikam-sync 4\.2\.0 \(build 1187\)/);
  const help = await machine.runKeyFile(AGENT, 'help');
  assert.match(help.stdout, /^Usage: fabrikam-sync/);
});
