// Tests of `msi-doctor report`: every built-in scenario (plus logs with planted secrets) exported as ZIP/HTML/JSON leaks
// nothing in any file or encoding; options and exit codes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { unzipSync } from 'fflate';
import { fakeIo, testWithDataDir } from '../cli-test-io.test-support.ts';
import { CliUsageError } from '../cli-types.ts';
import { noRedactWarning, parseReportArgs, reportCommand } from './report.ts';
import { fixCommand } from './fix.ts';
import { builtinScenarios } from '../../services/system-factory.ts';
import { buildMachine, loadScenario } from '../../system/simulated/index.ts';
import { PLANTED_SECRETS } from '../../../shared/report/fixtures/scan-fixture.ts';
import { reportSchema } from '../../../shared/report/report-schema.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'services', 'report', 'fixtures');
// Journals and the simulated machine's saved state come from the data folder: each test has its own.
const test = testWithDataDir;
const PLANTED_LOGS = [join(FIXTURES, 'planted-secrets.utf16le.log'), join(FIXTURES, 'planted-secrets.utf8.log')];

/**
 * What must never appear in a report: a value anywhere, a domain only where it stands as a domain (`CONTOSO\user`,
 * `user@contoso`, `contoso.local`, `USERDOMAIN=CONTOSO`). A vendor of the same word ("Contoso Expense Reporter", the
 * test package's "contoso-expense") must survive, so it is no leak.
 */
type Secret = string | { domain: string };

/** The scenario machine's identities: what must never appear in its report. */
function scenarioSecrets(name: string): Secret[] {
  const id = buildMachine(loadScenario(name)).state.identity;
  const profileName = id.profile.split('\\').pop() ?? '';
  const values = [id.userName, id.displayName, id.computerName, id.userSid, profileName].filter((v) => v.length >= 2);
  return id.domain.length >= 2 ? [...values, { domain: id.domain }] : values;
}

const ENCODINGS = [
  (s: string) => Buffer.from(s, 'utf8'),
  (s: string) => Buffer.from(s, 'utf16le'),
  (s: string) => iconv.encode(s, 'gbk'),
];

/** True when `form` occurs in buffer followed by an ASCII letter in the same encoding (`contoso.` + `local`). */
function followedByLetter(buffer: Buffer, form: Buffer, encode: (s: string) => Buffer): boolean {
  const width = encode('a').length;
  for (let at = buffer.indexOf(form); at >= 0; at = buffer.indexOf(form, at + 1)) {
    const next = buffer.subarray(at + form.length, at + form.length + width).toString('latin1');
    if (/^[A-Za-z]\0?$/.test(next)) return true;
  }
  return false;
}

function leaks(bytes: Uint8Array, secrets: Secret[]): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: string[] = [];
  for (const secret of secrets) {
    const value = typeof secret === 'string' ? secret : secret.domain;
    for (const variant of new Set([value, value.toLowerCase(), value.toUpperCase()])) {
      for (const encode of ENCODINGS) {
        if (typeof secret === 'string') {
          if (buffer.indexOf(encode(variant)) >= 0) found.push(value);
          continue;
        }
        const forms = [`${variant}\\`, `@${variant}`, `DOMAIN=${variant}`, `domain=${variant}`];
        if (
          forms.some((f) => buffer.indexOf(encode(f)) >= 0) ||
          followedByLetter(buffer, encode(`${variant}.`), encode)
        )
          found.push(value);
      }
    }
  }
  return [...new Set(found)];
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { io, out, err } = fakeIo();
  const code = await reportCommand(argv, io);
  return { code, out: out(), err: err() };
}

for (const scenario of builtinScenarios()) {
  test(`scenario ${scenario}: ZIP, HTML and JSON reports leak no identity or planted secret`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-report-cli-'));
    try {
      const secrets: Secret[] = [...scenarioSecrets(scenario), ...PLANTED_SECRETS, 'LB-7731-XQ'];
      const logs = PLANTED_LOGS.flatMap((l) => ['--log', l]);
      const zip = join(dir, 'r.zip');
      const result = await run(['--simulate', scenario, ...logs, '--out', zip, '--lang', 'zh-CN']);
      assert.equal(result.code, 0, result.err);
      assert.match(result.out, /报告已写入：.*r\.zip（ZIP，\d+ 字节，已脱敏，zh-CN）/);
      const files = unzipSync(new Uint8Array(readFileSync(zip)));
      assert.ok(files['report.html'] && files['report.json']);
      assert.ok(Object.keys(files).filter((n) => n.startsWith('logs/')).length >= 2, Object.keys(files).join(', '));
      for (const [name, content] of Object.entries(files))
        assert.deepEqual(leaks(content, secrets), [], `${scenario}: ${name}`);
      const report = reportSchema.parse(JSON.parse(Buffer.from(files['report.json']!).toString('utf8')));
      assert.equal(report.environment.kind, 'simulated');
      assert.equal(report.environment.scenario, scenario);
      assert.ok(report.evidence.length > 0);
      for (const format of ['html', 'json'] as const) {
        const out = join(dir, `r.${format}`);
        assert.equal((await run(['--simulate', scenario, ...logs, '--out', out])).code, 0);
        assert.deepEqual(leaks(readFileSync(out), secrets), [], `${scenario}: r.${format}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('--no-redact warns on stderr and keeps the values', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-report-cli-'));
  try {
    const out = join(dir, 'plain.json');
    const result = await run(['--simulate', '2503-windows-temp-acl', '--out', out, '--no-redact']);
    assert.equal(result.code, 0);
    assert.ok(result.err.includes(noRedactWarning('en')));
    assert.match(result.out, /NOT redacted/);
    const secrets = scenarioSecrets('2503-windows-temp-acl');
    assert.ok(leaks(readFileSync(out), secrets).length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input is a one-line usage error (exit 2 through main)', () => {
  const bad: string[][] = [
    ['--out', 'x.pdf'],
    ['--lang', 'fr'],
    ['--simulate', 'a', '--scenario', 'b'],
    ['--out', '/no/such/folder/r.zip'],
    ['--bogus'],
    ['--app-log', '/no/such/file.log'],
  ];
  for (const argv of bad)
    assert.throws(
      () => parseReportArgs(argv),
      (e: unknown) => e instanceof CliUsageError && !e.message.includes('\n'),
      argv.join(' '),
    );
});

test('unknown scenario and missing log file are usage errors', async () => {
  await assert.rejects(run(['--simulate', 'no-such-scenario', '--out', join(tmpdir(), 'x.zip')]), CliUsageError);
  await assert.rejects(
    run(['--simulate', 'healthy', '--log', '/no/such.log', '--out', join(tmpdir(), 'x.zip')]),
    CliUsageError,
  );
});

test('defaults: ZIP in the current folder, language from LANG', () => {
  const args = parseReportArgs([], { LANG: 'zh_CN.UTF-8' }, new Date('2026-11-21T10:11:12Z'));
  assert.ok(args !== 'help');
  assert.equal(args.format, 'zip');
  assert.equal(args.lang, 'zh-CN');
  assert.equal(args.redact, true);
  assert.match(args.out, /msi-doctor-report-20261121-101112\.zip$/);
});

test('after msi-doctor fix, the report shows the repair with its journal, verified, on the repaired machine', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-report-cli-'));
  try {
    const { io, err } = fakeIo();
    const fixed = await fixCommand(['restore-windows-temp-acl', '--simulate', '2503-windows-temp-acl', '--yes'], io);
    assert.equal(fixed, 0, err());
    const zip = join(dir, 'after-fix.zip');
    assert.equal((await run(['--simulate', '2503-windows-temp-acl', '--out', zip])).code, 0);
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const report = reportSchema.parse(JSON.parse(Buffer.from(files['report.json']!).toString('utf8')));
    const repair = report.repairs.find((r) => r.repair === 'restore-windows-temp-acl');
    assert.ok(repair, JSON.stringify(report.repairs.map((r) => [r.repair, r.state])));
    assert.equal(repair.state, 'succeeded');
    assert.equal(repair.verified, true);
    assert.ok(repair.journal.length >= 3 && repair.journalFile?.startsWith('journals/'));
    assert.ok(files[repair.journalFile!], 'journal attached');
    assert.ok(
      !report.findings.some((f) => f.cause === 'installer-folders-access' && f.confidence > 0.5),
      'the rescan no longer finds the cause',
    );
    for (const [name, content] of Object.entries(files))
      assert.deepEqual(leaks(content, scenarioSecrets('2503-windows-temp-acl')), [], name);
    // The vendor whose word is also the machine's domain survives (only the domain forms of the word are redacted).
    assert.ok(Buffer.from(files['report.json']!).toString('utf8').includes('Contoso Expense Reporter'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
