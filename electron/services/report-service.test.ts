// End-to-end tests of report export: ZIP/HTML/JSON with planted secrets in UTF-16LE, UTF-8 and GBK logs, journals and app log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { unzipSync } from 'fflate';
import { createReportService } from './report-service.ts';
import { makeOutcomeFixture, makeScanFixture, PLANTED_SECRETS } from '../../shared/report/fixtures/scan-fixture.ts';
import { reportSchema } from '../../shared/report/report-schema.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';

const FIXTURES = join(import.meta.dirname, 'report', 'fixtures');
const SECRETS = [...PLANTED_SECRETS, 'LB-7731-XQ'];

/** Every byte form a leaked value could take: UTF-8, UTF-16LE and GBK, as written and in upper / lower case. */
function forms(secret: string): Buffer[] {
  const variants = new Set([secret, secret.toLowerCase(), secret.toUpperCase()]);
  return [...variants].flatMap((v) => [Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le'), iconv.encode(v, 'gbk')]);
}

export function assertNoSecrets(bytes: Uint8Array, where: string): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const secret of SECRETS)
    for (const form of forms(secret)) assert.equal(buffer.indexOf(form), -1, `${secret} leaked in ${where}`);
}

function setup(): { dir: string; dataDir: string; scan: ScanResult; appLog: string } {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-report-'));
  const dataDir = join(dir, 'data');
  mkdirSync(join(dataDir, 'journals'), { recursive: true });
  const utf16 = join(dir, 'setup-zhang.wei.log');
  const utf8 = join(dir, 'ledger-utf8.log');
  const gbk = join(dir, 'ledger-gbk.log');
  copyFileSync(join(FIXTURES, 'planted-secrets.utf16le.log'), utf16);
  copyFileSync(join(FIXTURES, 'planted-secrets.utf8.log'), utf8);
  writeFileSync(gbk, iconv.encode(readFileSync(utf8, 'utf8'), 'gbk'));
  const outcome = makeOutcomeFixture();
  const journal = [
    {
      type: 'plan',
      at: new Date().toISOString(),
      journalId: outcome.journalId,
      plan: outcome.plan,
      steps: [],
      data: { profile: 'C:\\Users\\zhang.wei' },
      environment: 'simulated',
    },
    {
      type: 'step-end',
      at: new Date().toISOString(),
      stepId: 'backup',
      status: 'succeeded',
      exitCode: 0,
      output: 'saved for CONTOSO\\zhang.wei',
      durationMs: 3,
    },
    { type: 'finish', at: new Date().toISOString(), status: 'succeeded', verified: true, rebootRequired: false },
  ];
  writeFileSync(
    join(dataDir, 'journals', `${outcome.journalId}.jsonl`),
    journal.map((j) => JSON.stringify(j)).join('\n') + '\n',
  );
  const appLog = join(dir, 'main.log');
  writeFileSync(appLog, '[info] scan by zhang.wei on WS-FIN-042 (10.20.30.40)\n[info] DBPASSWORD=Hunter2!\n');
  const base = makeScanFixture({ hostile: true });
  const scan: ScanResult = {
    ...base,
    startedAt: new Date().toISOString(),
    logs: [
      { ...base.logs[0]!, file: utf16 },
      { ...base.logs[0]!, file: utf8, encoding: 'utf-8' },
      { ...base.logs[0]!, file: gbk, encoding: 'gbk' },
    ],
  };
  return { dir, dataDir, scan, appLog };
}

test('ZIP: every file, in every encoding, is free of the planted identities and secrets', async () => {
  const { dir, dataDir, scan, appLog } = setup();
  try {
    const service = createReportService({ dataDir, identities: { users: ['张伟'] } });
    const out = join(dir, 'report.zip');
    const { bytes } = await service.export(scan, {
      format: 'zip',
      redact: true,
      lang: 'zh-CN',
      outPath: out,
      appLogPath: appLog,
    });
    const zipped = readFileSync(out);
    assert.equal(bytes, zipped.length);
    const files = unzipSync(new Uint8Array(zipped));
    const names = Object.keys(files).sort();
    for (const expected of [
      'report.html',
      'report.json',
      'raw/temp-folders.txt',
      'raw/installer-service.txt',
      'app/main.log',
    ]) {
      assert.ok(names.includes(expected), `${expected} missing from ${names.join(', ')}`);
    }
    assert.equal(names.filter((n) => n.startsWith('logs/')).length, 3);
    assert.equal(names.filter((n) => n.startsWith('journals/')).length, 1);
    for (const [name, content] of Object.entries(files)) assertNoSecrets(content, name);
    assertNoSecrets(Buffer.from(names.join('\n')), 'the ZIP entry names');

    // the UTF-16LE log stays UTF-16LE with its BOM, and now carries placeholders
    const log16 = files[names.find((n) => n.startsWith('logs/1-'))!]!;
    assert.deepEqual([...log16.subarray(0, 2)], [0xff, 0xfe]);
    const text16 = Buffer.from(log16.subarray(2)).toString('utf16le');
    assert.match(text16, /Property\(S\): DBPASSWORD = <secret-\d+>\r\n/);
    assert.match(text16, /C:\\Users\\<user-1>\\Downloads/);
    assert.match(text16, /S-1-5-18 S-1-5-32-544 S-1-5-32-545/);
    // the GBK log stays GBK
    const gbk = iconv.decode(Buffer.from(files[names.find((n) => n.startsWith('logs/3-'))!]!), 'gbk');
    assert.match(gbk, /用户 <user-\d+> 的配置失败/);

    const report = reportSchema.parse(JSON.parse(Buffer.from(files['report.json']!).toString('utf8')));
    assert.equal(report.redacted, true);
    assert.equal(
      report.logs[0]?.attachedAs,
      names.find((n) => n.startsWith('logs/1-')),
    );
    assert.ok(report.attachments.some((a) => a.kind === 'app-log'));
    const run = report.repairs.find((r) => r.state === 'succeeded');
    assert.ok(run && run.journalFile?.startsWith('journals/'));
    assert.ok(report.redaction.some((r) => r.kind === 'secret' && r.occurrences > 3));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('HTML and JSON exports are redacted too (secrets learned from the full logs)', async () => {
  const { dir, dataDir, scan } = setup();
  try {
    const service = createReportService({ dataDir, identities: { users: ['张伟'] } });
    for (const format of ['html', 'json'] as const) {
      const out = join(dir, `report.${format}`);
      await service.export(scan, { format, redact: true, lang: 'en', outPath: out, appLogPath: null });
      assertNoSecrets(readFileSync(out), `report.${format}`);
    }
    assert.doesNotMatch(readFileSync(join(dir, 'report.html'), 'utf8'), /<script/i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('preview lists what will be redacted, with counts, before anything is saved', async () => {
  const { dir, dataDir, scan, appLog } = setup();
  try {
    const service = createReportService({ dataDir });
    const preview = await service.previewRedaction(scan, { appLogPath: appLog });
    const kinds = new Set(preview.items.map((i) => i.kind));
    for (const kind of ['user', 'computer', 'domain', 'sid', 'email', 'ip', 'mac', 'secret'])
      assert.ok(kinds.has(kind), `no ${kind}`);
    const user = preview.items.find((i) => i.sample === 'zhang.wei');
    assert.ok(user && user.placeholder === '<user-1>' && user.count > 5);
    assert.ok(preview.items.filter((i) => i.kind === 'secret').every((i) => !SECRETS.includes(i.sample)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--no-redact keeps everything verbatim and says so', async () => {
  const { dir, dataDir, scan } = setup();
  try {
    const out = join(dir, 'plain.html');
    await createReportService({ dataDir }).export(scan, {
      format: 'html',
      redact: false,
      lang: 'en',
      outPath: out,
      appLogPath: null,
    });
    const page = readFileSync(out, 'utf8');
    assert.ok(page.includes('WS-FIN-042'));
    assert.match(page, /NOT redacted/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failure while writing removes the partial ZIP', async () => {
  const { dir, scan } = setup();
  try {
    const out = join(dir, 'missing-folder', 'report.zip');
    await assert.rejects(
      createReportService({ dataDir: null }).export(scan, {
        format: 'zip',
        redact: true,
        lang: 'en',
        outPath: out,
        appLogPath: null,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the leak check is not vacuous: it finds every planted value in the unredacted fixture logs', () => {
  const utf16 = readFileSync(join(FIXTURES, 'planted-secrets.utf16le.log'));
  const utf8 = readFileSync(join(FIXTURES, 'planted-secrets.utf8.log'));
  assert.throws(() => assertNoSecrets(utf16, 'fixture'), /leaked/);
  for (const secret of SECRETS.filter((s) => !['it-help@contoso.com'].includes(s))) {
    const found = forms(secret).some((f) => utf16.includes(f) || utf8.includes(f));
    assert.ok(found || makeScanFixtureHas(secret), `${secret} is not planted anywhere`);
  }
});

function makeScanFixtureHas(secret: string): boolean {
  return JSON.stringify(makeScanFixture()).toLowerCase().includes(secret.toLowerCase().replace(/\\/g, '\\\\'));
}

test("journals: only the session's own when the session is known (journals carry its id)", async () => {
  const { dir, dataDir, scan } = setup();
  try {
    const outcome = makeOutcomeFixture();
    const plan = (sessionId: string) => ({
      type: 'plan',
      at: new Date().toISOString(),
      journalId: `j-${sessionId}`,
      sessionId,
      plan: outcome.plan,
      steps: [],
      data: {},
      environment: 'simulated',
    });
    for (const id of ['mine', 'other'])
      writeFileSync(join(dataDir, 'journals', `j-${id}.jsonl`), JSON.stringify(plan(id)) + '\n');
    const out = join(dir, 'session.zip');
    await createReportService({ dataDir }).export(scan, {
      format: 'zip',
      redact: true,
      lang: 'en',
      outPath: out,
      appLogPath: null,
      sessionId: 'mine',
    });
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(out))));
    assert.ok(names.includes('journals/j-mine.jsonl'), names.join(', '));
    assert.ok(!names.includes('journals/j-other.jsonl'), names.join(', '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
