// Tests of the whoami identity parser on our CSV fixture and the recorded localized outputs of the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWhoami, readCurrentIdentity, WHOAMI_SPEC } from './current-identity.ts';
import type { CommandOutput, CommandRunner, CommandSpec } from '../system/run/command-runner.ts';

const corpus = fileURLToPath(new URL('../../../shared/corpus/windows-outputs/', import.meta.url));

const CSV_MEDIUM = [
  '"contoso\\zhang.wei","S-1-5-21-1004336348-1177238915-682003330-1104"',
  '',
  '"Everyone","Well-known group","S-1-1-0","Mandatory group, Enabled by default, Enabled group"',
  '"BUILTIN\\Administrators","Alias","S-1-5-32-544","Group used for deny only"',
  '"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""',
].join('\r\n');

test('CSV form: user SID and a medium (not elevated) token', () => {
  assert.deepEqual(parseWhoami(CSV_MEDIUM), { sid: 'S-1-5-21-1004336348-1177238915-682003330-1104', elevated: false });
  assert.deepEqual(parseWhoami(CSV_MEDIUM.replace('S-1-16-8192', 'S-1-16-12288')).elevated, true);
  assert.deepEqual(
    parseWhoami(
      '"nt authority\\system","S-1-5-18"\r\n"Mandatory Label\\System Mandatory Level","Label","S-1-16-16384",""',
    ),
    { sid: 'S-1-5-18', elevated: true },
  );
  assert.deepEqual(parseWhoami('ERROR: Access is denied.'), { sid: null, elevated: null });
});

test('recorded outputs (English high, Chinese medium and high): integrity read from the SID only', (t) => {
  if (!existsSync(corpus)) return t.skip(`corpus not found at ${corpus}`);
  // Corpus files start with '# SOURCE...' lines describing them (they mention SIDs too): drop them.
  const read = (name: string): string =>
    readFileSync(`${corpus}${name}`, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
  const en = read('whoami_groups.en.high.txt');
  assert.equal(parseWhoami(en).elevated, true);
  const zh = read('whoami_groups.zh-CN.medium_and_high.txt');
  const [medium, high] = zh.split('---- 管理员权限 (elevated) ----');
  assert.equal(parseWhoami(medium!).elevated, false);
  assert.equal(parseWhoami(high!).elevated, true);
});

test('readCurrentIdentity runs one whoami and survives its failure', async () => {
  const calls: CommandSpec[] = [];
  const runner = (stdout: string, exitCode: number | null, error: string | null): CommandRunner => ({
    kind: 'simulated',
    async run(spec): Promise<CommandOutput> {
      calls.push(spec);
      return { spec, exitCode, stdout, stderr: '', durationMs: 1, timedOut: false, error, elevated: false };
    },
  });
  assert.deepEqual(await readCurrentIdentity(runner(CSV_MEDIUM, 0, null)), {
    sid: 'S-1-5-21-1004336348-1177238915-682003330-1104',
    elevated: false,
  });
  assert.deepEqual(await readCurrentIdentity(runner('', null, 'could not start whoami.exe: program not found')), {
    sid: null,
    elevated: null,
  });
  assert.equal(calls.length, 2);
  assert.deepEqual(calls[0], WHOAMI_SPEC);
});

test('the identity and mapped-drive commands name their program by an absolute path under the Windows folder', async () => {
  const { isWindowsProgramPath } = await import('../system/run/windows-programs.ts');
  const { mappedDriveResolver } = await import('./mapped-drive.ts');
  assert.ok(isWindowsProgramPath(WHOAMI_SPEC.file), WHOAMI_SPEC.file);
  const seen: string[] = [];
  await mappedDriveResolver({
    kind: 'simulated',
    run: async (spec) => {
      seen.push(spec.file);
      return {
        spec,
        exitCode: 1,
        stdout: '',
        stderr: '',
        durationMs: 1,
        timedOut: false,
        error: null,
        elevated: false,
      };
    },
  })('Z:');
  assert.equal(seen.length, 1);
  assert.ok(isWindowsProgramPath(seen[0]!), seen[0]);
});

test('issue 15 #1: an Entra ID account (S-1-12-1-…) is the user, in the CSV and the table form; never a group SID', () => {
  const entra = 'S-1-12-1-3052331528-1141323512-2585452210-1792373591';
  const csv = [
    `"azuread\\zhangwei","${entra}"`,
    '',
    '"Everyone","Well-known group","S-1-1-0","Mandatory group, Enabled by default, Enabled group"',
    '"Mandatory Label\\High Mandatory Level","Label","S-1-16-12288",""',
  ].join('\r\n');
  assert.deepEqual(parseWhoami(csv), { sid: entra, elevated: true });
  // The table form (German headings: only the SID is read, never a word).
  const table = [
    'BENUTZERINFORMATIONEN',
    '---------------------',
    '',
    'Benutzername       SID',
    '================== =====================================================',
    `azuread\\zhangwei   ${entra}`,
  ].join('\r\n');
  assert.equal(parseWhoami(table).sid, entra);
  // Built-in accounts and other authorities keep working; the first SID of the /user line wins.
  assert.equal(parseWhoami('"nt authority\\local service","S-1-5-19"').sid, 'S-1-5-19');
  assert.equal(
    parseWhoami('"mycomputer\\admin","S-1-5-21-1-2-3-500"\r\n"x","Alias","S-1-5-32-544",""').sid,
    'S-1-5-21-1-2-3-500',
  );
});
