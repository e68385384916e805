// The Windows workflow's own checks, run here: check-scan on a real `msi-doctor scan --json` (simulated machine),
// check-analysis on `msi-doctor analyze --json` of a verbose log, build-msi with wixl; bad input is one line, exit 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { msiToolsSkip, runMsiTool } from '../../electron/system/msi-packages/msi-tools.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO, 'electron', 'cli', 'bin', 'msi-doctor.mjs');
const CHECKS = join(REPO, 'build', 'windows-ci', 'windows-ci.ts');

function run(file: string, args: string[], useTsx = false) {
  const r = spawnSync(process.execPath, [...(useTsx ? ['--import', 'tsx'] : []), file, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("windows-ci check-scan and check-analysis accept the CLI's own JSON and refuse bad input in one line", () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-windows-ci-'));
  try {
    const scan = run(CLI, ['scan', '--simulate', 'healthy', '--no-elevate', '--json']);
    assert.equal(scan.code, 0, scan.stderr);
    writeFileSync(join(dir, 'scan.json'), scan.stdout);
    const ok = run(CHECKS, ['check-scan', join(dir, 'scan.json')], true);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /valid msi-doctor\/scan@1/);

    const log = join(
      REPO,
      'electron',
      'system',
      'simulated',
      'scenarios',
      'logs',
      'configmgr-TailspinTimeClock-msi-success.log',
    );
    const analysis = run(CLI, ['analyze', '--json', log]);
    assert.equal(analysis.code, 0, analysis.stderr);
    writeFileSync(join(dir, 'install.json'), analysis.stdout);
    assert.equal(run(CHECKS, ['check-analysis', join(dir, 'install.json'), 'success'], true).code, 0);
    const wrong = run(CHECKS, ['check-analysis', join(dir, 'install.json'), 'failure'], true);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /outcome success, expected failure/);

    writeFileSync(join(dir, 'bad.json'), '{"schema":"msi-doctor/scan@1"}');
    for (const [args, message] of [
      [['check-scan', join(dir, 'bad.json')], /not a valid msi-doctor\/scan@1/],
      [['check-scan', join(dir, 'missing.json')], /cannot be read/],
      [['check-analysis', join(dir, 'scan.json'), 'success'], /not a valid msi-doctor\/log-analysis@1/],
    ] as const) {
      const r = run(CHECKS, [...args], true);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    assert.equal(run(CHECKS, ['nonsense'], true).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  "windows-ci build-msi builds the round trip's package (wixl), checked with msiinfo",
  { skip: msiToolsSkip() },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-windows-ci-'));
    try {
      const r = run(CHECKS, ['build-msi', dir], true);
      assert.equal(r.code, 0, r.stderr);
      const msi = r.stdout.trim();
      assert.ok(existsSync(msi), msi);
      const property = runMsiTool('msiinfo', ['export', msi, 'Property']);
      assert.match(property, /ProductName\tMSI Doctor CI round trip/);
      assert.match(property, /ALLUSERS\t1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
