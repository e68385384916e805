// The hostile log (shared/report/fixtures/hostile-log.ts) exported as a ZIP, HTML and JSON report from files in
// UTF-8, UTF-16LE, UTF-16BE and mixed or misaligned encodings: no secret survives in any ZIP entry, entry name,
// report.json or report.html, in its original, upper or lower case, HTML- or JSON-escaped, in UTF-8, UTF-16LE or
// UTF-16BE bytes; vendor names equal to the domain survive; the report says "full log" only when it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { createReportService } from '../report-service.ts';
import { makeScanFixture } from '../../../shared/report/fixtures/scan-fixture.ts';
import {
  HOSTILE_KEEP,
  HOSTILE_LOG,
  HOSTILE_SECRETS,
  keyMaterialLines,
} from '../../../shared/report/fixtures/hostile-log.ts';
import { escapeHtml } from '../../../shared/report/html/template.ts';
import { reportSchema } from '../../../shared/report/report-schema.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';

const le = (text: string) => Buffer.from(text, 'utf16le');
const half = HOSTILE_LOG.indexOf('\n', HOSTILE_LOG.length >> 1) + 1;
const [FIRST, SECOND] = [HOSTILE_LOG.slice(0, half), HOSTILE_LOG.slice(half)];
const BOM_LE = Buffer.from([0xff, 0xfe]);

/** The same hostile text in every encoding the redaction must handle (the first name carries a computer name). */
const FILES: Record<string, Buffer> = {
  'MSI_DESKTOP-7QX9Z2A_install.log': Buffer.from(HOSTILE_LOG, 'utf8'),
  'utf16le.log': Buffer.concat([BOM_LE, le(HOSTILE_LOG)]),
  'utf16be.log': Buffer.concat([Buffer.from([0xfe, 0xff]), le(HOSTILE_LOG).swap16()]),
  'utf16le-with-utf8-tail.log': Buffer.concat([BOM_LE, le(FIRST), Buffer.from(SECOND, 'utf8')]),
  'utf16le-shifted.log': Buffer.concat([BOM_LE, le(FIRST), Buffer.from('x'), le(SECOND)]),
  'utf8-head-utf16-body.log': Buffer.concat([Buffer.from(FIRST, 'utf8'), le(SECOND)]),
};

/** Every byte form a leaked value could take. */
function forms(secret: string): Buffer[] {
  const texts = new Set<string>();
  for (const cased of [secret, secret.toUpperCase(), secret.toLowerCase()])
    for (const escaped of [cased, escapeHtml(cased), JSON.stringify(cased).slice(1, -1)]) texts.add(escaped);
  return [...texts].flatMap((t) => [Buffer.from(t, 'utf8'), le(t), le(t).swap16()]);
}

function leaks(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return HOSTILE_SECRETS.filter((s) => forms(s).some((f) => buffer.includes(f)));
}

function setup(): { dir: string; scan: ScanResult } {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-hostile-'));
  const base = makeScanFixture();
  const logs = Object.entries(FILES).map(([name, bytes]) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return {
      ...base.logs[0]!,
      file,
      byteCount: bytes.length,
      // The analysis quotes hostile lines too: they reach report.json and report.html.
      product: { ...base.logs[0]!.product, name: 'Contoso Expense Reporter' },
      evidence: HOSTILE_LOG.split('\r\n')
        .filter(Boolean)
        .map((text, i) => ({ line: i + 1, text, kind: 'context' as const })),
    };
  });
  return { dir, scan: { ...base, logs } as ScanResult };
}

test('hostile logs in every encoding: no secret in any ZIP entry, entry name, report.json or report.html', async () => {
  const { dir, scan } = setup();
  try {
    const out = join(dir, 'report.zip');
    await createReportService({ dataDir: null }).export(scan, {
      format: 'zip',
      redact: true,
      lang: 'en',
      outPath: out,
      appLogPath: null,
    });
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const names = Object.keys(files);
    assert.equal(names.filter((n) => n.startsWith('logs/')).length, Object.keys(FILES).length, names.join(', '));
    assert.deepEqual(leaks(Buffer.from(names.join('\n'))), [], 'entry names');
    for (const [name, content] of Object.entries(files)) assert.deepEqual(leaks(content), [], name);

    // What must stay readable does, in the report and in each log's copy.
    const json = Buffer.from(files['report.json']!).toString('utf8');
    assert.ok(json.includes('Contoso Expense Reporter'));
    for (const name of names.filter((n) => n.startsWith('logs/'))) {
      const bytes = Buffer.from(files[name]!);
      const text =
        bytes[0] === 0xff
          ? bytes.subarray(2).toString('utf16le')
          : bytes[0] === 0xfe
            ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
            : bytes.toString('utf8').replace(/^\ufeff/, '');
      for (const keep of HOSTILE_KEEP) assert.ok(text.includes(keep), `${keep} missing from ${name}`);
    }

    // "Full log" only for complete copies; mixed files say they were converted.
    const report = reportSchema.parse(JSON.parse(json));
    for (const log of report.logs) assert.ok(log.attachedAs && log.copy, log.analysis.file);
    const mixed = report.logs.filter((l) => l.copy?.convertedTo);
    assert.ok(mixed.length >= 3, JSON.stringify(report.logs.map((l) => l.copy)));
    const html = Buffer.from(files['report.html']!).toString('utf8');
    assert.match(html, /Full log in the ZIP: logs\/2-/);
    assert.match(html, /mixes encodings \(utf16le, utf8\); the copy is converted to UTF-8/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile logs: HTML and JSON exports leak nothing and do not claim the log is attached', async () => {
  const { dir, scan } = setup();
  try {
    for (const format of ['html', 'json'] as const) {
      const out = join(dir, `report.${format}`);
      await createReportService({ dataDir: null }).export(scan, {
        format,
        redact: true,
        lang: 'zh-CN',
        outPath: out,
        appLogPath: null,
      });
      const bytes = readFileSync(out);
      assert.deepEqual(leaks(bytes), [], format);
      assert.ok(!bytes.toString('utf8').includes('ZIP 中的完整日志'), format);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the leak check is not vacuous: every hostile secret is found in the unredacted files', () => {
  for (const bytes of Object.values(FILES)) {
    const found = leaks(bytes);
    assert.ok(found.length >= HOSTILE_SECRETS.length * 0.9, `${found.length} of ${HOSTILE_SECRETS.length}`);
  }
});

test('a private key block across the 1 MiB pieces of the stream (and after an over-long line), UTF-8 and UTF-16: gone', async () => {
  const material = keyMaterialLines('export', 30);
  const block = ['-----BEGIN OPENSSH PRIVATE KEY-----', ...material, '-----END OPENSSH PRIVATE KEY-----'];
  const filler =
    'MSI (s) (44:48) [10:01:05:117]: Executing op: FileCopy(SourceName=app.dll,DestName=app.dll,FileSize=4096)\r\n';
  const piece = 1 << 20;
  /** A log whose block starts `before` characters ahead of the end of a piece (`unit` bytes a character). */
  const log = (unit: number, before: number, longLine: boolean) => {
    const lead = longLine ? `CAQuietExec64:  ${'z'.repeat(1_200_000)} key follows\r\n` : '';
    const chars = piece / unit;
    const fill = Math.ceil((lead.length + before) / chars) * chars - before - lead.length;
    const head = filler.repeat(Math.floor(fill / filler.length)) + '#'.repeat(fill % filler.length);
    return `${lead}${head}\r\n${block.join('\r\n')}\r\nMSI (s) (44:48) [10:01:06:000]: done\r\n`;
  };
  const files: Record<string, Buffer> = {};
  for (const before of [900, 1700]) {
    files[`key-utf8-${before}.log`] = Buffer.from(log(1, before, false), 'utf8');
    files[`key-utf16le-${before}.log`] = Buffer.concat([BOM_LE, le(log(2, before, false))]);
    files[`key-utf16be-${before}.log`] = Buffer.concat([Buffer.from([0xfe, 0xff]), le(log(2, before, false)).swap16()]);
  }
  files['key-utf16le-long-line.log'] = Buffer.concat([BOM_LE, le(log(2, 1500, true))]);
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-hostile-key-'));
  try {
    const base = makeScanFixture();
    const logs = Object.entries(files).map(([name, bytes]) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return { ...base.logs[0]!, file, byteCount: bytes.length, evidence: [] };
    });
    const out = join(dir, 'report.zip');
    await createReportService({ dataDir: null }).export({ ...base, logs } as ScanResult, {
      format: 'zip',
      redact: true,
      lang: 'en',
      outPath: out,
      appLogPath: null,
    });
    const entries = Object.entries(unzipSync(new Uint8Array(readFileSync(out)))).filter(([n]) => n.startsWith('logs/'));
    assert.equal(entries.length, Object.keys(files).length);
    for (const [name, content] of entries) {
      const buffer = Buffer.from(content);
      const leaked = material.filter((line) =>
        [Buffer.from(line), le(line), le(line).swap16()].some((f) => buffer.includes(f)),
      );
      assert.deepEqual(leaked, [], name);
      const marker = '-----END OPENSSH PRIVATE KEY-----';
      assert.ok(
        [Buffer.from(marker), le(marker), le(marker).swap16()].some((f) => buffer.includes(f)),
        `${name}: the copy is there`,
      );
    }
    // Not vacuous: the material is in each file as written, on both sides of a 1 MiB cut.
    for (const [name, bytes] of Object.entries(files)) {
      const form = (line: string) =>
        name.includes('utf8') ? Buffer.from(line) : name.includes('be') ? le(line).swap16() : le(line);
      const pieceOf = (line: string) => Math.floor(bytes.indexOf(form(line)) / piece);
      assert.ok(bytes.includes(form(material[0]!)) && pieceOf(material[0]!) < pieceOf(material.at(-1)!), name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
