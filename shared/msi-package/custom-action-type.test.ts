// Custom action Type bits decoded against the documented values (Summary List of All Custom Action Types,
// Return Processing, Execution Scheduling, In-Script Execution, Hidden Target and Patch Uninstall options).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCustomActionType as decode } from './custom-action-type.ts';

test('base types and sources: the documented type numbers', () => {
  const cases: [number, string, string | null, string][] = [
    [1, 'dll', null, 'binary'],
    [17, 'dll', null, 'installed-file'],
    [2, 'exe', null, 'binary'],
    [18, 'exe', null, 'installed-file'],
    [34, 'exe', null, 'directory'],
    [50, 'exe', null, 'property'],
    [5, 'script', 'jscript', 'binary'],
    [21, 'script', 'jscript', 'installed-file'],
    [37, 'script', 'jscript', 'inline'],
    [53, 'script', 'jscript', 'property'],
    [6, 'script', 'vbscript', 'binary'],
    [22, 'script', 'vbscript', 'installed-file'],
    [38, 'script', 'vbscript', 'inline'],
    [54, 'script', 'vbscript', 'property'],
    [19, 'error', null, 'inline'],
    [35, 'directory', null, 'inline'],
    [51, 'property', null, 'inline'],
    [7, 'nested', null, 'binary'],
    [23, 'nested', null, 'installed-file'],
    [39, 'nested', null, 'directory'],
  ];
  for (const [type, kind, engine, source] of cases) {
    const d = decode(type);
    assert.deepEqual([d.kind, d.scriptEngine, d.codeSource], [kind, engine, source], `type ${type}`);
  }
});

test('in-script execution options: 1024 deferred, 1280 rollback, 1536 commit, +2048 no impersonation, +16384 TS aware', () => {
  const cases: [number, string, boolean, boolean][] = [
    [0, 'immediate', true, false],
    [1024, 'deferred', true, false],
    [1280, 'rollback', true, false],
    [1536, 'commit', true, false],
    [3072, 'deferred', false, false],
    [3328, 'rollback', false, false],
    [3584, 'commit', false, false],
    [17408, 'deferred', true, true],
    [17664, 'rollback', true, true],
    [17920, 'commit', true, true],
  ];
  for (const [bits, execution, impersonate, ts] of cases) {
    const d = decode(1 + bits);
    assert.deepEqual([d.execution, d.impersonate, d.terminalServerAware], [execution, impersonate, ts], `+${bits}`);
  }
  // msidbCustomActionTypeNoImpersonate has no effect on an immediate action: it always runs as the user.
  assert.equal(decode(1 + 2048).impersonate, true);
});

test('return processing, scheduling, 64-bit script, hidden target, patch uninstall', () => {
  assert.deepEqual([decode(1).returnIgnored, decode(1).async], [false, false]);
  assert.deepEqual([decode(1 + 64).returnIgnored, decode(1 + 64).async], [true, false]); // msidbCustomActionTypeContinue
  assert.deepEqual([decode(2 + 128).returnIgnored, decode(2 + 128).async], [false, true]); // async, wait
  assert.deepEqual([decode(2 + 192).returnIgnored, decode(2 + 192).async], [true, true]); // async, no wait
  assert.equal(decode(1 + 256).scheduling, 'first-sequence');
  assert.equal(decode(1 + 512).scheduling, 'once-per-process');
  assert.equal(decode(1 + 768).scheduling, 'client-repeat');
  // In-script, 256/512 mean rollback/commit, not scheduling.
  assert.equal(decode(1 + 1280).scheduling, 'always');
  assert.equal(decode(6 + 4096 + 1024).x64, true);
  assert.equal(decode(1 + 8192 + 3072).hideTarget, true);
  assert.equal(decode(1 + 1024, 0x8000).patchUninstall, true);
  assert.equal(decode(1 + 1024, null).patchUninstall, false);
});
