// Tests of the pure elevation pieces: folder choice, folder hardening, script text, result parsing, status rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  elevationDirName,
  hardenDirCommands,
  isSafeElevationPath,
  selectElevationDir,
  withTempDir,
} from './elevation-dir.ts';
import {
  batchPaths,
  buildElevatedScript,
  classifyElevation,
  parseElevatedResult,
  SUDO_PERMISSION_DENIED,
  sudoCommand,
  type ElevationObservation,
} from './elevated-script.ts';
import type { CommandSpec } from './command-runner.ts';

test('elevation folder: ProgramData when it is plain ASCII, else fallbacks, never the user TEMP', () => {
  assert.deepEqual(
    selectElevationDir({ ProgramData: 'C:\\ProgramData', TEMP: 'C:\\Users\\x\\Temp' }).dir,
    'C:\\ProgramData\\MSIDoctor-elev',
  );
  assert.equal(selectElevationDir({ ProgramData: 'D:\\ProgramData\\' }).dir, 'D:\\ProgramData\\MSIDoctor-elev');
  const odd = selectElevationDir({ ProgramData: 'C:\\Données partagées', SystemDrive: 'E:' });
  assert.equal(odd.dir, 'E:\\ProgramData\\MSIDoctor-elev');
  assert.equal(odd.rejected.length, 1);
  assert.equal(
    selectElevationDir({ ProgramData: "C:\\Bob's & Co", SystemDrive: '%SystemDrive%' }).dir,
    'C:\\ProgramData\\MSIDoctor-elev',
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

test('elevation folder: one per account, ASCII whatever the user name', () => {
  const zhang = selectElevationDir({ ProgramData: 'C:\\ProgramData', USERDOMAIN: 'CONTOSO', USERNAME: '张伟' }).dir!;
  const other = selectElevationDir({
    ProgramData: 'C:\\ProgramData',
    USERDOMAIN: 'CONTOSO',
    USERNAME: "o'brien & co",
  }).dir!;
  assert.match(zhang, /^C:\\ProgramData\\MSIDoctor-elev-[0-9a-f]{8}$/);
  assert.match(other, /^C:\\ProgramData\\MSIDoctor-elev-[0-9a-f]{8}$/);
  assert.notEqual(zhang, other);
  assert.equal(
    elevationDirName({ USERDOMAIN: 'contoso', USERNAME: '张伟' }),
    zhang.split('\\').pop(),
    'case-insensitive like Windows accounts',
  );
});

test('folder hardening: take ownership, drop inheritance, grant only SYSTEM, Administrators and the user', () => {
  const [owner, acl] = hardenDirCommands('C:\\ProgramData\\MSIDoctor-elev', 'CONTOSO\\zhang.wei');
  assert.deepEqual(owner, {
    file: 'icacls.exe',
    args: ['C:\\ProgramData\\MSIDoctor-elev', '/setowner', 'CONTOSO\\zhang.wei', '/Q'],
  });
  assert.deepEqual(acl!.args, [
    'C:\\ProgramData\\MSIDoctor-elev',
    '/inheritance:r',
    '/grant:r',
    '*S-1-5-18:(OI)(CI)F',
    '*S-1-5-32-544:(OI)(CI)F',
    'CONTOSO\\zhang.wei:(OI)(CI)F',
    '/Q',
  ]);
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
    /@\{ file = 'C:\\Windows\\System32\\icacls\.exe'; arguments = 'C:\\Windows\\Temp'; timeoutMs = 10000 \}/,
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
    `  @{ file = 'C:\\Tools\\it''s.exe'; arguments = '"''; Remove-Item -Recurse C:\\ #" $(calc) \u2019\u2019smart'; timeoutMs = 30000 }`,
  );
});

test('sudo command: only ASCII paths, refused otherwise', () => {
  assert.equal(
    sudoCommand('C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe', paths.script),
    '"C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden -File "C:\\ProgramData\\MSIDoctor-elev\\batch-abc123.ps1"',
  );
  assert.throws(() => sudoCommand('powershell.exe', 'C:\\Users\\张伟\\x.ps1'), /unsafe path/);
  assert.throws(() => sudoCommand('powershell.exe', 'C:\\a&b\\x.ps1'), /unsafe path/);
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
    [{ markerPresent: true, result: { ok: true, outputs: [], fatal: null } }, 'ok', null],
    [{ execError: denied, markerPresent: true, result: { ok: true, outputs: [], fatal: null } }, 'ok', null],
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
