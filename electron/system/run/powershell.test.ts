// Tests of powershell.ts: the spec shape, the Sysnative switch, the encoding round trip and the tolerant JSON parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  POWERSHELL_PREFIX,
  isRestrictedLanguage,
  reportedLanguageMode,
  describeCommand,
  parsePowerShellJson,
  powerShellPath,
  powerShellSpec,
  scriptOfSpec,
} from './powershell.ts';

test('powerShellSpec: flags, encoded UTF-16LE script with the UTF-8 prefix, utf8 decoding', () => {
  const script = "Get-Service msiserver | % { '张伟' }";
  const spec = powerShellSpec(script, { label: 'msiserver', timeoutMs: 5000, env: { SystemRoot: 'C:\\Windows' } });
  assert.equal(spec.file, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  assert.deepEqual(spec.args.slice(0, 5), [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-EncodedCommand',
  ]);
  assert.equal(spec.encoding, 'utf8');
  assert.equal(spec.timeoutMs, 5000);
  assert.equal(spec.label, 'msiserver');
  const decoded = scriptOfSpec(spec);
  assert.equal(decoded, `${POWERSHELL_PREFIX}\n${script}`);
  // The language mode is reported first, before anything Constrained Language would block; then the UTF-8 output.
  assert.ok(decoded?.startsWith("Write-Output ('msi-doctor:language=' + $ExecutionContext.SessionState.LanguageMode)"));
  assert.ok(decoded?.includes('[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)'));
  // The base64 itself is pure ASCII: nothing to quote on any command line.
  assert.match(spec.args[5]!, /^[A-Za-z0-9+/=]+$/);
});

test('powerShellPath: Sysnative for a 32-bit process on 64-bit Windows', () => {
  assert.equal(
    powerShellPath({ SystemRoot: 'D:\\WINDOWS', PROCESSOR_ARCHITEW6432: 'AMD64' }),
    'D:\\WINDOWS\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe',
  );
  assert.equal(powerShellPath({}), 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
});

test('powerShellSpec refuses a script too long for the command line', () => {
  assert.throws(() => powerShellSpec('x'.repeat(20_000)), /too long/);
});

test('describeCommand abbreviates the encoded script', () => {
  const spec = powerShellSpec('1', { env: {} });
  assert.match(describeCommand(spec), /^powershell\.exe -NoProfile .* -EncodedCommand <script, \d+ base64 chars>$/);
  assert.equal(
    describeCommand({ file: 'sc.exe', args: ['queryex', 'msiserver'], encoding: 'oem' }),
    'sc.exe queryex msiserver',
  );
});

test('parsePowerShellJson: plain, BOM, banner and warnings before, noise after', () => {
  assert.deepEqual(parsePowerShellJson('{"a":1}'), { ok: true, value: { a: 1 } });
  assert.deepEqual(parsePowerShellJson('\uFEFF{"a":"张伟"}\r\n'), { ok: true, value: { a: '张伟' } });
  const noisy = 'WARNING: something {odd}\r\nLoading personal profile...\r\n{"status":"Stopped","n":{"x":[1,2]}}\r\n';
  assert.deepEqual(parsePowerShellJson(noisy), { ok: true, value: { status: 'Stopped', n: { x: [1, 2] } } });
  assert.deepEqual(parsePowerShellJson('garbage{"b":2}'), { ok: true, value: { b: 2 } });
});

test('parsePowerShellJson: clear errors for empty, arrays and broken JSON', () => {
  assert.deepEqual(parsePowerShellJson(''), { ok: false, error: 'the script printed nothing' });
  assert.equal(parsePowerShellJson('Access denied').ok, false);
  const broken = parsePowerShellJson('{"a":');
  assert.equal(broken.ok, false);
  const truncated = parsePowerShellJson('{"a": {"b": 1}');
  assert.equal(truncated.ok, false);
  assert.match(truncated.ok ? '' : truncated.error, /invalid JSON/);
});

test('the language mode a script reported: FullLanguage is not restricted, Constrained Language is', () => {
  assert.equal(reportedLanguageMode('msi-doctor:language=FullLanguage\r\n{"a":1}'), 'FullLanguage');
  assert.equal(isRestrictedLanguage('msi-doctor:language=FullLanguage\r\n{}'), false);
  assert.equal(isRestrictedLanguage('\uFEFFmsi-doctor:language=ConstrainedLanguage\r\n'), true);
  assert.equal(isRestrictedLanguage('banner\nmsi-doctor:language=RestrictedLanguage\n'), true);
  assert.equal(isRestrictedLanguage('{"a":"msi-doctor:language=ConstrainedLanguage"}'), false);
  assert.equal(reportedLanguageMode(''), null);
});
