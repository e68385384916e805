// `npm run test:unit [-- path-filter...]`: every unit test (*.test.ts(x), not *.integration.test.*) in one long-lived
// Node process per core (tsx loaded once per process, not once per file); each process runs its share of the files
// in-process with node:test (see unit-test-worker.mjs). Integration tests run with run-integration-tests.mjs.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { REPO, testFiles } from './test-files.mjs';

const started = Date.now();
const files = testFiles('unit', process.argv.slice(2));
if (files.length === 0) {
  console.error('test:unit: no test files matched.');
  process.exit(1);
}

// Longest-first onto the least loaded process; file size stands in for run time (good enough at this size).
const processes = Math.min(Number(process.env.MSI_DOCTOR_TEST_PROCESSES) || availableParallelism(), files.length);
const shares = Array.from({ length: processes }, () => ({ files: [], bytes: 0 }));
const sized = files.map((file) => ({ file, bytes: statSync(join(REPO, file)).size })).sort((a, b) => b.bytes - a.bytes);
for (const { file, bytes } of sized) {
  const share = shares.reduce((least, s) => (s.bytes < least.bytes ? s : least));
  share.files.push(file);
  share.bytes += bytes;
}

/** Runs one share; resolves with its exit code and everything it printed (printed as one block, not interleaved). */
function runShare(share, index) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test-reporter=spec',
        join(REPO, 'build', 'scripts', 'unit-test-worker.mjs'),
        ...share.files,
      ],
      {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => {
      process.stdout.write(
        `\n── unit tests, process ${index + 1}/${processes} (${share.files.length} files) ──\n${output}`,
      );
      resolve({ code: code ?? 1, signal, output });
    });
  });
}

const results = await Promise.all(shares.map(runShare));
const total = { tests: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
for (const { output } of results) {
  for (const key of Object.keys(total)) {
    // The spec reporter's summary lines, e.g. "ℹ pass 312" (colour codes stripped).
    const match = new RegExp(`^ℹ ${key} (\\d+)$`, 'm').exec(stripVTControlCharacters(output));
    if (match) total[key] += Number(match[1]);
  }
}
const failed = results.filter((r) => r.code !== 0);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `\ntest:unit: ${files.length} files, ${total.tests} tests: ${total.pass} passed, ${total.fail} failed, ` +
    `${total.cancelled} cancelled, ${total.skipped} skipped, ${total.todo} todo in ${processes} processes, ${seconds} s` +
    (failed.length
      ? ` — ${failed.length} process(es) FAILED (exit ${failed.map((r) => r.signal ?? r.code).join(', ')})`
      : ''),
);
process.exit(failed.length ? 1 : 0);
