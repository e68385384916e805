// Tests of the elevation folder and the -EncodedCommand bootstrap: a fresh random folder per
// batch, created non-recursively, checked by its SDDL before a script is written; the script hash-checked before it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SudoElevatedRunner, type ElevationFolderOps, type SudoExec } from './elevated-runner.ts';
import { elevationDirProblem, hardenDirArgs, readOnlyFileArgs } from './elevation-dir.ts';
import { batchPaths, bootstrapScript, buildElevatedScript } from './elevated-script.ts';
import type { CommandSpec } from './command-runner.ts';

const USER = 'S-1-5-21-1004336348-1177238915-682003330-1104';
const OTHER = 'S-1-5-21-1004336348-1177238915-682003330-1105';
const GOOD = `O:${USER}G:${USER}D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;${USER})`;
const reg: CommandSpec = { file: 'C:\\Windows\\System32\\reg.exe', args: ['query', 'HKLM\\SOFTWARE'], encoding: 'oem' };
const base = { oemCodePage: 437, pollMs: 20, markerGraceMs: 100 } as const;
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'msi-doctor-elevdir-'));

test('the SDDL check: owner, protected DACL, only SYSTEM + Administrators + the user, no reparse point', () => {
  assert.equal(elevationDirProblem({ sddl: GOOD, reparsePoint: false }, USER), null);
  const cases: Array<[string, { sddl: string | null; reparsePoint: boolean }, RegExp]> = [
    ['a squatter created it first', { sddl: GOOD.replace(`O:${USER}`, `O:${OTHER}`), reparsePoint: false }, /owned by/],
    [
      'a squatter kept an ACE',
      { sddl: `${GOOD}(A;OICI;FA;;;${OTHER})`, reparsePoint: false },
      /grants access to S-1-5-21-.*-1105/,
    ],
    [
      'Users may write',
      { sddl: `${GOOD}(A;OICI;0x1301bf;;;BU)`, reparsePoint: false },
      /grants access to S-1-5-32-545/,
    ],
    ['inherited, not protected', { sddl: GOOD.replace('D:P', 'D:AI'), reparsePoint: false }, /inherited/],
    ['a junction', { sddl: GOOD, reparsePoint: true }, /reparse point/],
    ['unreadable', { sddl: null, reparsePoint: false }, /could not be read/],
  ];
  for (const [name, info, reason] of cases) assert.match(elevationDirProblem(info, USER) ?? '', reason, name);
});

test('hardening is by SID (locale-independent) and the script is made read-only to its owner (OWNER RIGHTS)', () => {
  assert.deepEqual(hardenDirArgs('C:\\ProgramData\\MSIDoctor-elev-ab', USER), [
    'C:\\ProgramData\\MSIDoctor-elev-ab',
    '/inheritance:r',
    '/grant:r',
    '*S-1-5-18:(OI)(CI)F',
    '*S-1-5-32-544:(OI)(CI)F',
    `*${USER}:(OI)(CI)F`,
    '/Q',
  ]);
  assert.throws(() => hardenDirArgs('C:\\x', 'zhang.wei'));
  assert.deepEqual(readOnlyFileArgs('C:\\x\\batch-1.ps1').slice(1), [
    '/inheritance:r',
    '/grant:r',
    '*S-1-5-18:F',
    '*S-1-5-32-544:F',
    '*S-1-3-4:R',
    '/Q',
  ]);
});

/** Folder operations of a Windows machine, faked: what the SDDL check reads is up to the test. */
function fakeWindows(over: Partial<ElevationFolderOps> = {}) {
  const calls: string[] = [];
  const ops: ElevationFolderOps = {
    userSid: async () => USER,
    create: async (dir) => void calls.push(`create ${dir}`),
    harden: async (dir, sid) => void calls.push(`harden ${dir} ${sid}`),
    inspect: async () => ({ sddl: GOOD, reparsePoint: false }),
    protectFile: async (file) => void calls.push(`protect ${file}`),
    ...over,
  };
  return { ops, calls };
}

for (const [name, over] of [
  [
    'the folder exists already (non-recursive create fails)',
    { create: async () => Promise.reject(new Error('EEXIST: file already exists')) },
  ],
  [
    'a squatter ACE survives the hardening',
    { inspect: async () => ({ sddl: `${GOOD}(A;OICI;FA;;;${OTHER})`, reparsePoint: false }) },
  ],
  ['it is a junction', { inspect: async () => ({ sddl: GOOD, reparsePoint: true }) }],
  [
    'its owner is someone else',
    { inspect: async () => ({ sddl: GOOD.replace(`O:${USER}`, `O:${OTHER}`), reparsePoint: false }) },
  ],
] as const) {
  test(`refuses to elevate when ${name}: no prompt, nothing written`, async () => {
    const { ops } = fakeWindows(over as Partial<ElevationFolderOps>);
    let prompted = false;
    const result = await new SudoElevatedRunner({
      ...base,
      platform: 'win32',
      dir: 'C:\\ProgramData',
      env: { SystemRoot: 'C:\\Windows' },
      folder: ops,
      powerShellExe: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      exec: () => (prompted = true),
    }).runBatch([reg], { userSid: USER });
    assert.equal(result.status, 'failed');
    assert.match(result.message ?? '', /could not prepare the elevated batch/);
    assert.equal(prompted, false);
  });
}

test('a fresh random folder per batch: created, hardened with the user SID, checked, the script protected, then removed', async () => {
  const parent = tempDir();
  const { ops, calls } = fakeWindows({
    create: async (dir) => {
      calls.push(`create ${dir}`);
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir);
    },
  });
  const commands: string[] = [];
  const exec: SudoExec = (command, _options, callback) => {
    commands.push(command);
    callback(new Error('User did not grant permission.'));
  };
  const runner = new SudoElevatedRunner({
    ...base,
    platform: 'win32',
    dir: parent,
    folder: ops,
    exec,
    powerShellExe: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    env: { SystemRoot: 'C:\\Windows' },
  });
  await runner.runBatch([reg], { userSid: USER });
  await runner.runBatch([reg], { userSid: USER });
  const created = calls.filter((c) => c.startsWith('create ')).map((c) => c.slice(7));
  assert.equal(created.length, 2);
  assert.notEqual(created[0], created[1]);
  for (const dir of created) assert.match(dir, /\/MSIDoctor-elev-[0-9a-f]{32}$/);
  assert.ok(calls.includes(`harden ${created[0]} ${USER}`));
  assert.ok(calls.some((c) => c.startsWith(`protect ${created[0]}/batch-`)));
  assert.equal(commands.length, 2);
  assert.deepEqual(readdirSync(parent), [], 'every batch folder removed');
});

test('a relative or bare program is refused on Windows before any prompt', async () => {
  let prompted = false;
  const result = await new SudoElevatedRunner({
    ...base,
    platform: 'win32',
    dir: 'C:\\ProgramData',
    folder: fakeWindows().ops,
    exec: () => (prompted = true),
  }).runBatch([{ file: 'reg.exe', args: ['query', 'HKLM'], encoding: 'oem' }]);
  assert.equal(result.status, 'failed');
  assert.match(result.message ?? '', /not an absolute Windows program path/);
  assert.equal(prompted, false);
});

test('the script swapped after it was written: the bootstrap refuses (SHA-256), nothing runs', async () => {
  const parent = tempDir();
  const marker = join(parent, 'ran');
  const exec: SudoExec = (command, _options, callback) => {
    const bootstrap = Buffer.from(/-EncodedCommand (\S+)$/.exec(command)![1]!, 'base64').toString('utf16le');
    const script = /\$p = '([^']+)'/.exec(bootstrap)![1]!;
    const result = /\$r = '([^']+)'/.exec(bootstrap)![1]!;
    const started = /\$m = '([^']+)'/.exec(bootstrap)![1]!;
    const id = /"id":"([0-9a-f]+)"/.exec(bootstrap)![1]!;
    writeFileSync(script, `Set-Content '${marker}' 'evil'`); // the attacker's version
    // What the real bootstrap does on a mismatch (tested with real PowerShell in elevated-bootstrap.integration.test.ts).
    writeFileSync(started, 'started');
    writeFileSync(
      result,
      JSON.stringify({ version: 1, id, identity: null, steps: null, fatal: 'script-hash-mismatch' }),
    );
    callback(undefined, '', '');
  };
  const result = await new SudoElevatedRunner({ ...base, dir: parent, exec }).runBatch([
    { file: process.execPath, args: ['-e', '1'], encoding: 'utf8' },
  ]);
  assert.equal(result.status, 'failed');
  assert.match(result.message ?? '', /SHA-256/);
});

test('the elevated script: System32 as working folder, Sysnative mapped, per-user steps only for the signed-in user', () => {
  const paths = batchPaths('C:\\ProgramData\\MSIDoctor-elev-ab', 'cd01');
  const script = buildElevatedScript(
    [
      { file: 'C:\\Windows\\Sysnative\\reg.exe', args: ['query', 'HKLM'], encoding: 'oem' },
      {
        file: 'C:\\Windows\\System32\\msiexec.exe',
        args: ['/i', 'x.msi'],
        encoding: 'oem',
        requiresSignedInUser: true,
      },
    ],
    paths,
    { userSid: USER, workingDir: 'C:\\Windows\\System32' },
  );
  assert.match(script, /file = 'C:\\Windows\\System32\\reg\.exe'/);
  assert.doesNotMatch(script, /Sysnative/);
  assert.match(script, /\$psi\.WorkingDirectory = \$workingDir/);
  assert.match(script, new RegExp(`\\$expectedUser = '${USER}'`));
  assert.match(script, /msiexec\.exe'; arguments = '\/i x\.msi'; timeoutMs = \d+; signedInUserOnly = \$true/);
  const bootstrap = bootstrapScript(paths, 'a'.repeat(64), 'C:\\Windows\\System32');
  assert.match(bootstrap, /LanguageMode -ne 'FullLanguage'/);
  assert.match(bootstrap, /SHA256/);
  assert.doesNotMatch(bootstrap, /-File|ExecutionPolicy/);
});
