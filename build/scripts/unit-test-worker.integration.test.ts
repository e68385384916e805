// The unit-test process's guards, on throw-away test files: a unit test that starts a process, or a test file that
// changes process.env when imported, fails the run with a message saying what to do; a clean file passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./unit-test-worker.mjs', import.meta.url));

function runWorker(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-unit-worker-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // Without node --test's NODE_TEST_CONTEXT, the child reports like a top-level run (spec text, not v8 frames).
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--test-reporter=spec', worker, ...Object.keys(files).map((f) => join(dir, f))],
      { encoding: 'utf8', env: { ...env, NO_COLOR: '1' } },
    );
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const header = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\n";

test('clean files pass, in order, after all of them are imported', () => {
  const { status, output } = runWorker({
    'a.test.ts': `${header}test('a runs', () => assert.equal(1 + 1, 2));\n`,
    'b.test.ts': `${header}test('b runs', async () => assert.ok(true));\n`,
  });
  assert.equal(status, 0, output);
  assert.match(output, /a runs[\s\S]*b runs/);
  assert.match(output, /ℹ pass 2/);
});

test('a unit test that starts a child process fails and is told to become an integration test', () => {
  const { status, output } = runWorker({
    'spawns.test.ts': `${header}import { execFileSync } from 'node:child_process';\ntest('spawns', () => { execFileSync('true'); });\n`,
  });
  assert.notEqual(status, 0);
  assert.match(output, /child_process\.execFileSync in a unit test: move the test to a \*\.integration\.test\.ts file/);
});

test('a test file that changes process.env when imported fails the run before any test runs', () => {
  const { status, output } = runWorker({
    'env.test.ts': `${header}process.env.MSI_DOCTOR_DATA_DIR = '/tmp/x';\ntest('never runs', () => {});\n`,
  });
  assert.notEqual(status, 0);
  assert.match(output, /env\.test\.ts: changes process\.env \(MSI_DOCTOR_DATA_DIR\) when imported/);
  assert.doesNotMatch(output, /never runs/);
});

test('a test that leaves process.env changed fails the run', () => {
  const { status, output } = runWorker({
    'leak.test.ts': `${header}test('leaks', () => { process.env.MSI_DOCTOR_LEAK = '1'; });\n`,
  });
  assert.notEqual(status, 0);
  assert.match(output, /a unit test left process\.env changed: MSI_DOCTOR_LEAK/);
});
