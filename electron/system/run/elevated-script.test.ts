// Tests of the pure elevation pieces: folder choice, folder hardening, script text, result parsing, status rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeElevationPath, newElevationDirName, selectElevationParent, withTempDir } from './elevation-dir.ts';
import {
  batchPaths,
  buildElevatedScript,
  classifyElevation,
  parseElevatedResult,
  SUDO_PERMISSION_DENIED,
  bootstrapScript,
  sudoCommand,
  type ElevationObservation,
} from './elevated-script.ts';
import type { CommandSpec } from './command-runner.ts';

test('elevation folder: its parent is ProgramData when plain ASCII, else fallbacks, never the user TEMP', () => {
  assert.equal(
    selectElevationParent({ ProgramData: 'C:\\ProgramData', TEMP: 'C:\\Users\\x\\Temp' }).parent,
    'C:\\ProgramData',
  );
  assert.equal(selectElevationParent({ ProgramData: 'D:\\ProgramData\\' }).parent, 'D:\\ProgramData');
  const odd = selectElevationParent({ ProgramData: 'C:\\Données partagées', SystemDrive: 'E:' });
  assert.equal(odd.parent, 'E:\\ProgramData');
  assert.equal(odd.rejected.length, 1);
  assert.equal(
    selectElevationParent({ ProgramData: "C:\\Bob's & Co", SystemDrive: '%SystemDrive%' }).parent,
    'C:\\ProgramData',
  );
  for (const bad of [
    'C:\\Users\\张伟\\Temp',
    'C:\\a b',
    'C:\\a&b',
    "C:\\o'brien",
    'C:\\100%',
    'C:\\x!',
    'relative\\dir',
    'C:\\' + 'a'.repeat(300),
  ]) {
    assert.equal(isSafeElevationPath(bad), false, bad);
  }
});

test('elevation folder: a fresh random ASCII name per batch (nobody can create it first)', () => {
  const names = new Set(Array.from({ length: 50 }, () => newElevationDirName()));
  assert.equal(names.size, 50);
  for (const name of names) assert.match(name, /^MSIDoctor-elev-[0-9a-f]{32}$/);
});

test('withTempDir swaps TEMP/TMP only for the call, even when it throws', () => {
  const env: Record<string, string | undefined> = { TEMP: 'C:\\Users\\张伟\\Temp', TMP: 'X:\\gone' };
  assert.throws(() =>
    withTempDir(env, 'C:\\ProgramData\\MSIDoctor-elev', () => {
      assert.equal(env.TEMP, 'C:\\ProgramData\\MSIDoctor-elev');
      throw new Error('boom');
    }),
  );
  assert.deepEqual(env, { TEMP: 'C:\\Users\\张伟\\Temp', TMP: 'X:\\gone' });
});

const paths = batchPaths('C:\\ProgramData\\MSIDoctor-elev', 'abc123');
const specs: CommandSpec[] = [
  { file: 'C:\\Windows\\System32\\icacls.exe', args: ['C:\\Windows\\Temp'], encoding: 'oem', timeoutMs: 10_000 },
  { file: 'reg.exe', args: ['query', 'HKU\\S-1-5-21-1\\Environment', '/v', 'TEMP'], encoding: 'oem' },
];

test('script: marker first, steps only as literals, per-step timeout, UTF-8 JSON result without BOM', () => {
  const script = buildElevatedScript(specs, paths);
  assert.ok(script.indexOf("WriteAllText($markerPath, 'started'") < script.indexOf('foreach'));
  assert.match(script, /\$markerPath = 'C:\\ProgramData\\MSIDoctor-elev\\batch-abc123\.started'/);
  assert.match(
    script,
    /@\{ file = 'C:\\Windows\\System32\\icacls\.exe'; arguments = 'C:\\Windows\\Temp'; timeoutMs = 10000; signedInUserOnly = \$false \}/,
  );
  assert.match(script, /arguments = 'query HKU\\S-1-5-21-1\\Environment \/v TEMP'; timeoutMs = 30000/);
  assert.match(script, /New-Object System\.Text\.UTF8Encoding\(\$false\)/);
  assert.match(script, /\[IO\.File\]::WriteAllText\(\$resultPath, \$json, \$utf8\)/);
  assert.match(script, /Test-Path -LiteralPath \$cancelPath/);
  assert.match(script, /CreateNoWindow = \$true/);
});

test('script: hostile argv cannot leave its literal (quotes doubled, nothing expands)', () => {
  const hostile: CommandSpec = {
    file: "C:\\Tools\\it's.exe",
    args: ["'; Remove-Item -Recurse C:\\ #", '$(calc)', '\u2019smart'],
    encoding: 'utf8',
  };
  const script = buildElevatedScript([hostile], paths);
  const line = script.split('\r\n').find((l) => l.startsWith('  @{ file = '))!;
  assert.equal(
    line,
    `  @{ file = 'C:\\Tools\\it''s.exe'; arguments = '"''; Remove-Item -Recurse C:\\ #" $(calc) \u2019\u2019smart'; timeoutMs = 30000; signedInUserOnly = $false }`,
  );
});

test('sudo command: System32 first, the absolute PowerShell, the bootstrap as -EncodedCommand; unsafe paths refused', () => {
  const bootstrap = bootstrapScript(paths, 'a'.repeat(64), 'C:\\Windows\\System32');
  const command = sudoCommand(
    'C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe',
    bootstrap,
    'C:\\Windows\\System32',
  );
  assert.match(
    command,
    /^cd \/d "C:\\Windows\\System32" && "C:\\Windows\\Sysnative\\WindowsPowerShell\\v1\.0\\powershell\.exe" -NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand [A-Za-z0-9+/=]+$/,
  );
  // No execution policy switch and no -File: -EncodedCommand is not subject to execution policy (AllSigned GPOs).
  assert.doesNotMatch(command, /ExecutionPolicy|-File/);
  assert.equal(Buffer.from(command.split(' ').pop()!, 'base64').toString('utf16le'), bootstrap);
  assert.throws(
    () => sudoCommand('C:\\Users\\张伟\\powershell.exe', bootstrap, 'C:\\Windows\\System32'),
    /unsafe path/,
  );
  assert.throws(() => sudoCommand('C:\\a&b\\powershell.exe', bootstrap, 'C:\\Windows\\System32'), /unsafe path/);
  assert.throws(() => sudoCommand('powershell.exe', bootstrap, 'C:\\Windows\\System32'), /unsafe path/);
});

const b64 = (s: string, enc: BufferEncoding = 'utf8'): string => Buffer.from(s, enc).toString('base64');
const step = (stdout: string, exitCode = 0) => ({
  exitCode,
  stdout,
  stderr: '',
  durationMs: 5,
  timedOut: false,
  error: null,
});

test('result parsing: decoding per step, one-step object flattening, missing steps, wrong batch', () => {
  const ok = parseElevatedResult(
    JSON.stringify({ version: 1, id: 'abc123', steps: [step(b64('OK')), step(b64('x'), 1)], fatal: null }),
    specs,
    'abc123',
    437,
  );
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.outputs.map((o) => [o.stdout, o.exitCode, o.elevated]),
    [
      ['OK', 0, true],
      ['x', 1, true],
    ],
  );
  const flattened = parseElevatedResult(
    `\uFEFF${JSON.stringify({ version: 1, id: 'abc123', steps: step(b64('one')), fatal: 'disk full' })}`,
    specs,
    'abc123',
    437,
  );
  assert.ok(flattened.ok);
  assert.equal(flattened.outputs[0]!.stdout, 'one');
  assert.equal(flattened.outputs[1]!.error, 'not run: disk full');
  const timedOut = parseElevatedResult(
    JSON.stringify({ version: 1, id: 'abc123', steps: [{ ...step(''), exitCode: null, timedOut: true }], fatal: null }),
    specs,
    'abc123',
    437,
  );
  assert.ok(timedOut.ok);
  assert.match(timedOut.outputs[0]!.error ?? '', /timed out after 10000 ms/);
  assert.equal(
    parseElevatedResult(JSON.stringify({ version: 1, id: 'other', steps: [], fatal: null }), specs, 'abc123', 437).ok,
    false,
  );
  assert.equal(parseElevatedResult('{"version":2}', specs, 'abc123', 437).ok, false);
  assert.equal(parseElevatedResult('', specs, 'abc123', 437).ok, false);
});

test('status rules', () => {
  const base: ElevationObservation = {
    execError: null,
    markerPresent: false,
    result: null,
    timedOut: false,
    cancelled: false,
    timeoutMs: 60_000,
  };
  const denied = { message: SUDO_PERMISSION_DENIED };
  const cases: [Partial<ElevationObservation>, string, RegExp | null][] = [
    [{ markerPresent: true, result: { ok: true, outputs: [], fatal: null, identity: null } }, 'ok', null],
    [
      { execError: denied, markerPresent: true, result: { ok: true, outputs: [], fatal: null, identity: null } },
      'ok',
      null,
    ],
    [{ execError: denied }, 'declined', /not granted/],
    [{ execError: denied, markerPresent: true }, 'failed', /started but it wrote no result/],
    [
      { execError: { message: 'Command failed: x' }, markerPresent: true },
      'failed',
      /started but it wrote no result \(Command failed/,
    ],
    [
      { execError: { message: 'instance.path cannot contain double-quotes.' } },
      'failed',
      /could not start the elevated script/,
    ],
    [{ execError: undefined, timedOut: true }, 'timeout', /no answer to the administrator prompt within 60 s/],
    [{ execError: undefined, timedOut: true, markerPresent: true }, 'timeout', /did not finish within 60 s/],
    [{ execError: undefined, cancelled: true }, 'cancelled', /cancelled/],
    [{ markerPresent: true, result: { ok: false, error: 'result file is not JSON: x' } }, 'failed', /not JSON/],
  ];
  for (const [patch, status, message] of cases) {
    const verdict = classifyElevation({ ...base, ...patch });
    assert.equal(verdict.status, status, JSON.stringify(patch));
    if (message) assert.match(verdict.message ?? '', message);
  }
});
