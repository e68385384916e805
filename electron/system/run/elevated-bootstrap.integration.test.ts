// Real PowerShell (the pinned `dotnet pwsh`) runs the elevated side as generated: the -EncodedCommand bootstrap checks the
// script's SHA-256 before running it (points 3-4), reports Constrained Language (point 5), and the script prefix does too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  batchPaths,
  bootstrapScript,
  buildElevatedScript,
  parseElevatedResult,
  scriptFileBytes,
} from './elevated-script.ts';
import { POWERSHELL_PREFIX, encodePowerShellCommand, isRestrictedLanguage } from './powershell.ts';
import type { CommandSpec } from './command-runner.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function pwsh(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('dotnet', ['pwsh', '-NoProfile', '-NonInteractive', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const available = (() => {
  const r = spawnSync('dotnet', ['pwsh', '-NoProfile', '-Command', '$PSVersionTable.PSVersion.Major'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return r.status === 0 && /^\d+/.test(r.stdout.trim());
})();
const skip = available ? false : 'real PowerShell is not available (dotnet tool restore installs it)';

/** Writes a batch for `specs` into a fresh folder and returns its paths, bytes' hash and bootstrap. */
function prepare(specs: CommandSpec[]) {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-boot-'));
  const paths = batchPaths(dir, 'feed0123', '/');
  const bytes = scriptFileBytes(buildElevatedScript(specs, paths, { workingDir: dir }));
  writeFileSync(paths.script, bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  return { dir, paths, specs, bootstrap: bootstrapScript(paths, sha, dir) };
}

const nodeStep = (code: string): CommandSpec => ({
  file: process.execPath,
  args: ['-e', code],
  encoding: 'utf8',
  okExitCodes: [0],
});

test('the real bootstrap runs the hash-checked script: steps run, results come back', { skip }, () => {
  const b = prepare([nodeStep("process.stdout.write('hello from the batch')")]);
  try {
    const r = pwsh(['-EncodedCommand', encodePowerShellCommand(b.bootstrap)]);
    assert.equal(r.status, 0, r.stderr);
    const parsed = parseElevatedResult(readFileSync(b.paths.result, 'utf8'), b.specs, 'feed0123', 437);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.equal(parsed.outputs[0]!.stdout, 'hello from the batch');
    assert.equal(parsed.outputs[0]!.exitCode, 0);
  } finally {
    rmSync(b.dir, { recursive: true, force: true });
  }
});

test(
  'a script changed after it was written is not run: the real bootstrap reports the SHA-256 mismatch',
  { skip },
  () => {
    const b = prepare([nodeStep('1')]);
    const planted = join(b.dir, 'planted-ran');
    try {
      writeFileSync(b.paths.script, `Set-Content -LiteralPath '${planted}' -Value 'ran as admin'\n`);
      const r = pwsh(['-EncodedCommand', encodePowerShellCommand(b.bootstrap)]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(existsSync(planted), false, 'the swapped script never ran');
      const result = JSON.parse(readFileSync(b.paths.result, 'utf8')) as { fatal: string };
      assert.equal(result.fatal, 'script-hash-mismatch');
    } finally {
      rmSync(b.dir, { recursive: true, force: true });
    }
  },
);

test('Constrained Language: the real bootstrap says so instead of failing opaquely; nothing runs', { skip }, () => {
  const b = prepare([nodeStep("require('fs').writeFileSync(process.argv[1] ?? 'x', 'ran')")]);
  try {
    // The session is put into Constrained Language first, as AppLocker/WDAC script enforcement would.
    const r = pwsh(['-Command', `$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'\n${b.bootstrap}`]);
    assert.equal(r.status, 0, r.stderr);
    const parsed = parseElevatedResult(
      readFileSync(b.paths.result, 'utf8').replace(/^\uFEFF/, ''),
      b.specs,
      'feed0123',
      437,
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.fatal, 'constrained-language');
    assert.match(parsed.outputs[0]!.error ?? '', /Constrained Language/);
  } finally {
    rmSync(b.dir, { recursive: true, force: true });
  }
});

test(
  'every script reports its language mode first, and stops under Constrained Language (real PowerShell)',
  { skip },
  () => {
    const body = '[pscustomobject]@{ ok = $true } | ConvertTo-Json -Compress';
    const full = pwsh(['-Command', `${POWERSHELL_PREFIX}\n${body}`]);
    assert.match(full.stdout.split(/\r?\n/)[0]!, /^msi-doctor:language=FullLanguage$/);
    assert.match(full.stdout, /\{"ok":true\}/);
    assert.equal(isRestrictedLanguage(full.stdout), false);
    const constrained = pwsh([
      '-Command',
      `$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'\n${POWERSHELL_PREFIX}\n${body}`,
    ]);
    assert.equal(constrained.status, 7);
    assert.equal(isRestrictedLanguage(constrained.stdout), true);
    assert.doesNotMatch(constrained.stdout, /"ok"/);
  },
);
