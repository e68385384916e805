// The Intune Remediations pair run by real PowerShell (the pinned pwsh), with "MSI-Doctor.exe" standing in as the real
// CLI on a simulated machine: detection exits 1 with one line when an issue is found (and writes the result file),
// remediation runs only an allowed repair. Skipped with one line when pwsh is not available.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(REPO, 'electron', 'cli', 'bin', 'msi-doctor.mjs');

function pwshAvailable(): boolean {
  const r = spawnSync('dotnet', ['tool', 'run', 'pwsh', '--', '-NoProfile', '-Command', '1'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return r.status === 0;
}

const PWSH = pwshAvailable();
const skip = PWSH ? false : 'pwsh is not available (run "dotnet tool restore"); the Intune script tests are skipped';

/** A stand-in for MSI-Doctor.exe: drops --headless and runs the real CLI on the simulated machine named in $SCENARIO. */
function fakeMsiDoctor(dir: string): string {
  const path = join(dir, 'MSI-Doctor.exe');
  writeFileSync(
    path,
    `#!/bin/sh\n[ "$1" = "--headless" ] && shift\nexec "${process.execPath}" "${BIN}" "$@" --simulate "$SCENARIO"\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

function runScript(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(
    'dotnet',
    ['tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', '-File', join(HERE, script), ...args],
    { cwd: REPO, encoding: 'utf8', timeout: 240_000, env: { ...process.env, ...env } },
  );
}

test('both scripts parse without errors', { skip }, () => {
  for (const script of ['Detect-MsiDoctorIssue.ps1', 'Remediate-MsiDoctorIssue.ps1']) {
    const r = spawnSync(
      'dotnet',
      [
        'tool',
        'run',
        'pwsh',
        '--',
        '-NoProfile',
        '-Command',
        `$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('${join(HERE, script)}', [ref]$null, [ref]$e); $e.Count`,
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(r.stdout.trim(), '0', `${script}: ${r.stdout}${r.stderr}`);
  }
});

test(
  'detection: exit 1 and one line when an issue is found, 0 on a healthy machine; the result file is written',
  { skip },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-intune-'));
    try {
      const exe = fakeMsiDoctor(dir);
      const results = join(dir, 'results');
      const env = { MSI_DOCTOR_DATA_DIR: join(dir, 'data') };
      const found = runScript('Detect-MsiDoctorIssue.ps1', ['-MsiDoctor', exe, '-ResultsDir', results], {
        ...env,
        SCENARIO: 'configmgr-1603-custom-action',
      });
      assert.equal(found.status, 1, found.stdout + found.stderr);
      assert.equal(found.stdout.trim().split('\n').length, 1);
      assert.match(found.stdout, /MSI Doctor: 1 issue on WS-FIN-042\. First: A step of the package itself failed/);
      const clean = runScript('Detect-MsiDoctorIssue.ps1', ['-MsiDoctor', exe, '-ResultsDir', results], {
        ...env,
        SCENARIO: 'healthy',
      });
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, /no issue found/);
      assert.equal(readdirSync(results).filter((f) => f.endsWith('.json')).length, 2);
      const missing = runScript('Detect-MsiDoctorIssue.ps1', ['-MsiDoctor', join(dir, 'nope.exe')], env);
      assert.equal(missing.status, 0, 'nothing checked is not an issue to remediate');
      assert.match(missing.stdout, /not installed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('remediation: runs the recommended repair when it is allowed, refuses one that is not', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-intune-'));
  try {
    const exe = fakeMsiDoctor(dir);
    const results = join(dir, 'results');
    const env = { MSI_DOCTOR_DATA_DIR: join(dir, 'data') };
    const fixed = runScript('Remediate-MsiDoctorIssue.ps1', ['-MsiDoctor', exe, '-ResultsDir', results], {
      ...env,
      SCENARIO: '2503-windows-temp-acl',
    });
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stdout, /Repaired and verified: restore-windows-temp-acl/);
    const outcome = readdirSync(results).find((f) => f.endsWith('.repair.json'))!;
    assert.equal(JSON.parse(readFileSync(join(results, outcome), 'utf8')).schema, 'msi-doctor/repair@1');
    const refused = runScript(
      'Remediate-MsiDoctorIssue.ps1',
      ['-MsiDoctor', exe, '-ResultsDir', results, '-AllowedRepairs', 'enable-msiserver'],
      { ...env, MSI_DOCTOR_DATA_DIR: join(dir, 'data2'), SCENARIO: '2503-windows-temp-acl' },
    );
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /not in the allowed list/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
