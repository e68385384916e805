// Runs the real `msi-doctor` command as a child process: exit codes, JSON on stdout, one clean line on stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('./msi-doctor.mjs', import.meta.url));
const deferred = fileURLToPath(new URL('../../../shared/msilog/fixtures/verbose-deferred-ca.log.txt', import.meta.url));

test('the real bin: exit 0 with JSON on a log, exit 2 with one clean line on a missing file', () => {
  const ok = spawnSync(process.execPath, [bin, 'analyze', '--json', deferred], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).exitCode, 1603);
  const bad = spawnSync(process.execPath, [bin, 'analyze', '/definitely/not/here.log'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /not\/here\.log: file not found/);
});
