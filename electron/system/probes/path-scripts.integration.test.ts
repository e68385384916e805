// The PATH probes' and the PATH repair's PowerShell, parsed by the real PowerShell (the pinned pwsh) in one process.
// Skipped with one line when pwsh is not available.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodedScript } from '../repairs/command-builder.ts';
import { setPathValue } from '../repairs/path-value.ts';
import { otherUserPathProbe } from './other-user-path.ts';
import { pathEnvironmentProbe } from './path-environment.ts';
import type { ProbeContext } from './probe.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

function pwsh(args: string[]) {
  return spawnSync('dotnet', ['tool', 'run', 'pwsh', '--', '-NoProfile', '-NonInteractive', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
  });
}
const available = pwsh(['-Command', '1']).status === 0;
const skip = available ? false : 'pwsh is not available (run "dotnet tool restore"); PATH script parse test skipped';

const context: ProbeContext = {
  symptom: { raw: '', codes: [], exitCodes: [], messageNumbers: [], hresults: [], unknown: true, notes: [] } as never,
  msiPath: null,
  logPaths: [],
  user: { sid: 'S-1-5-21-1-2-3-1001', profile: 'C:\\Users\\张伟', temp: null },
  now: new Date('2026-11-18T01:30:00Z'),
};

test('path-environment, other-user-path and set-path-value parse without errors', { skip }, () => {
  const specs = [
    ...pathEnvironmentProbe.commands(context),
    ...otherUserPathProbe.commands(context),
    setPathValue({ scope: 'user', sid: 'S-1-5-21-1-2-3-1001', expected: "C:\\a;C:\\b'c", value: 'C:\\a' }),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-ps-'));
  try {
    const files = specs.map((spec, i) => {
      const script = decodedScript(spec);
      assert.ok(script, spec.label);
      const file = join(dir, `s${i}.ps1`);
      writeFileSync(file, '\ufeff' + script);
      return file;
    });
    const list = files.map((f) => `'${f}'`).join(',');
    const r = pwsh([
      '-Command',
      `foreach ($f in @(${list})) { $e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile($f, [ref]$null, [ref]$e); Write-Output ("{0}={1}" -f [IO.Path]::GetFileName($f), $e.Count); foreach ($x in $e) { Write-Output $x.Message } }`,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      r.stdout.trim().split(/\r?\n/),
      files.map((_, i) => `s${i}.ps1=0`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
