// Runs the real `msi-doctor` command (the prebuilt bundle, rebuilt by the bin when stale) as a child process: exit
// codes, JSON on stdout, one clean line on stderr, and output byte-identical to the TypeScript sources run via tsx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = join(REPO, 'shared', 'msilog', 'fixtures');
const deferred = join(fixtures, 'verbose-deferred-ca.log.txt');
const CORPUS_LOG = join(REPO, '..', 'shared', 'corpus', 'msi-logs', 'dell-supportassist-install-success.log');

function run(args: string[], viaSources = false, env: NodeJS.ProcessEnv = process.env) {
  const argv = [
    join(REPO, 'electron', 'cli', 'bin', viaSources ? 'msi-doctor-sources.mjs' : 'msi-doctor.mjs'),
    ...args,
  ];
  const result = spawnSync(process.execPath, argv, { cwd: REPO, encoding: 'buffer', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

test('the real bin: exit 0 with JSON on a log, exit 2 with one clean line on a missing file', () => {
  const ok = run(['analyze', '--json', deferred]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout.toString('utf8')).exitCode, 1603);
  const bad = run(['analyze', '/definitely/not/here.log']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /not\/here\.log: file not found/);
});

test('the bundle prints exactly what the TypeScript sources print (human, JSON, Chinese, usage, errors)', () => {
  const logs = readdirSync(fixtures)
    .filter((f) => f.endsWith('.log.txt'))
    .map((f) => join(fixtures, f));
  const cases = [
    ['analyze', ...logs],
    ['analyze', '--json', ...logs],
    ['analyze', '--lang', 'zh-CN', ...logs],
    ['analyze', '/definitely/not/here.log', deferred],
    ['--help'],
    ['no-such-command'],
    ['scan', '--list-scenarios'],
    ...(existsSync(CORPUS_LOG)
      ? [
          ['analyze', CORPUS_LOG],
          ['analyze', '--json', CORPUS_LOG],
        ]
      : []),
  ];
  for (const args of cases) {
    const bundled = run(args);
    const sources = run(args, true);
    const what = `msi-doctor ${args.map((a) => a.replace(REPO, '')).join(' ')}`;
    assert.equal(bundled.status, sources.status, `${what}: exit code`);
    assert.ok(bundled.stdout.equals(sources.stdout), `${what}: stdout differs`);
    assert.equal(bundled.stderr, sources.stderr, `${what}: stderr`);
  }
});

test('every sub-command runs from the bundle: scan (its log analyzed in a worker), fix, undo, verify and report on a simulated machine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'msi-doctor-bin-'));
  const env = { ...process.env, MSI_DOCTOR_DATA_DIR: dataDir };
  const json = (args: string[]) => {
    const result = run(args, false, env);
    assert.equal(result.status, 0, `msi-doctor ${args.join(' ')}: ${result.stderr}`);
    return JSON.parse(result.stdout.toString('utf8')) as Record<string, unknown>;
  };
  try {
    assert.equal(json(['scan', '--simulate', '2503-windows-temp-acl', '--json']).schema, 'msi-doctor/scan@1');
    // The log the scan finds is analyzed by the bundle's own worker thread (log-analysis-worker.mjs beside it).
    const withLog = json(['scan', '--simulate', '1603-custom-action', '--json']) as {
      logs: Array<{ exitCode: number | null; failedAction: { name: string } | null }>;
    };
    assert.deepEqual(
      withLog.logs.map((l) => [l.exitCode, l.failedAction?.name]),
      [[1603, 'CA_RegisterLedgerService']],
    );
    const fixed = json(['fix', 'recommended', '--simulate', '2503-windows-temp-acl', '--yes', '--json']);
    assert.equal(fixed.schema, 'msi-doctor/repair@1');
    const journals = json(['undo', '--list', '--json']) as unknown as Array<{ journalId: string }>;
    assert.deepEqual(
      journals.map((j) => j.journalId),
      [fixed.journalId],
    );
    assert.equal(json(['verify', '--simulate', 'go-new-terminal', '--json']).schema, 'msi-doctor/verify@1');
    const report = join(dataDir, 'report.zip');
    const written = run(['report', '--simulate', '2503-windows-temp-acl', '--out', report], false, env);
    assert.equal(written.status, 0, written.stderr);
    assert.ok(statSync(report).size > 1000);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a stale bundle (a source changed after its build) is rebuilt before it runs', () => {
  const inputsFile = join(REPO, 'dist', 'cli', 'inputs.json');
  assert.equal(run(['--help']).status, 0); // built and current
  const record = JSON.parse(readFileSync(inputsFile, 'utf8')) as { startedAtMs: number; inputs: string[] };
  assert.ok(record.inputs.includes('electron/cli/main.ts'), 'the sources are among the recorded inputs');
  writeFileSync(inputsFile, JSON.stringify({ ...record, startedAtMs: 0 })); // every input now looks newer
  const after = run(['--help']);
  assert.equal(after.status, 0, after.stderr);
  assert.match(after.stdout.toString('utf8'), /^Usage: msi-doctor <command>/);
  assert.ok(JSON.parse(readFileSync(inputsFile, 'utf8')).startedAtMs > 0, 'rebuilt, with a new build time');
});
