// Oracle: every table, column type, stream and summary field the reader decodes from every built test package must
// equal what msitools (msiinfo export / tables / streams / suminfo) says about the same file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msiToolsSkip, runMsiTool } from './msi-tools.ts';
import { buildTestPackages, TEST_PACKAGES } from './test-packages.ts';
import { bytesSource } from '../../../shared/msi-package/byte-source.ts';
import { MsiDatabase } from '../../../shared/msi-package/msi-database.ts';
import type { ColumnInfo, TableData } from '../../../shared/msi-package/tables.ts';

const SKIP = msiToolsSkip();
let dir = '';
let built = new Map<string, string>();

before(() => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'msi-oracle-'));
  built = buildTestPackages(dir);
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const open = (path: string) => MsiDatabase.open(bytesSource(readFileSync(path)));

/** The IDT column type code msiinfo prints (s72, S255, l0, i2, I4, v0...). */
function idtType(c: ColumnInfo): string {
  const localizable = (c.type & 0x200) !== 0;
  if (c.kind === 'binary') return c.nullable ? 'V0' : 'v0';
  if (c.kind === 'string') return (localizable ? (c.nullable ? 'L' : 'l') : c.nullable ? 'S' : 's') + c.size;
  return (c.nullable ? 'I' : 'i') + (c.kind === 'int16' ? 2 : 4);
}

/** msiinfo export escapes tab, CR and LF inside values as 0x10, 0x11 and 0x19 (MsiDatabaseExport's convention). */
const ESCAPES: Record<string, string> = { '\u0010': '\t', '\u0011': '\r', '\u0019': '\n' };
const unescape = (v: string) => [...v].map((ch) => ESCAPES[ch] ?? ch).join('');

function exported(path: string, table: string): { header: string[][]; rows: string[][] } {
  const lines = runMsiTool('msiinfo', ['export', path, table]).split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const split = (l: string) => l.split('\t');
  return { header: lines.slice(0, 3).map(split), rows: lines.slice(3).map((l) => split(l).map(unescape)) };
}

function asExported(t: TableData): string[][] {
  const keys = t.columns.map((c, i) => (c.key ? i : -1)).filter((i) => i >= 0);
  return t.rows.map((row) =>
    row.map((v, i) => {
      if (v === null) return '';
      // A stream column exports as the stream's name: Table.Key1.Key2...
      if (t.columns[i]!.kind === 'binary') return [t.name, ...keys.map((k) => String(row[k] ?? ''))].join('.');
      return String(v);
    }),
  );
}

const sortRows = (rows: string[][]) => rows.map((r) => r.join('\t')).sort();

test('every table of every built package equals msiinfo export (rows, columns, types)', { skip: SKIP }, async () => {
  let tables = 0;
  let rows = 0;
  for (const [name, path] of built) {
    const db = await open(path);
    const listed = runMsiTool('msiinfo', ['tables', path])
      .split(/\r?\n/)
      .filter((t) => t !== '' && t !== '_SummaryInformation' && t !== '_ForceCodepage');
    assert.deepEqual([...db.tableNames].sort(), listed.sort(), `${name}: table list`);
    for (const table of db.tableNames) {
      const ours = (await db.table(table))!;
      const theirs = exported(path, table);
      assert.deepEqual(
        ours.columns.map((c) => c.name),
        theirs.header[0],
        `${name} ${table}: column names`,
      );
      assert.deepEqual(ours.columns.map(idtType), theirs.header[1], `${name} ${table}: column types`);
      assert.deepEqual(
        ours.columns.filter((c) => c.key).map((c) => c.name),
        theirs.header[2]!.slice(1),
        `${name} ${table}: primary key`,
      );
      assert.deepEqual(sortRows(asExported(ours)), sortRows(theirs.rows), `${name} ${table}: rows`);
      tables++;
      rows += ours.rows.length;
    }
  }
  // The count is part of the report; a run that compared nothing must fail.
  assert.ok(tables > 100 && rows > 66_000, `compared ${tables} tables, ${rows} rows`);
  console.log(`# oracle: ${built.size} packages, ${tables} tables, ${rows} rows equal to msiinfo export`);
});

test('code page, string reference size and streams equal msitools', { skip: SKIP }, async () => {
  for (const [name, path] of built) {
    const db = await open(path);
    const codepage = exported(path, '_ForceCodepage').header[2]![0];
    assert.equal(String(db.pool.codepage), codepage, `${name}: code page`);
    const streams = runMsiTool('msiinfo', ['streams', path])
      .split(/\r?\n/)
      .filter((s) => s !== '');
    assert.deepEqual(
      db
        .listStreams()
        .filter((s) => !s.table)
        .map((s) => s.name)
        .sort(),
      streams.sort(),
      `${name}: streams`,
    );
  }
  const long = await open(built.get('long-strings')!);
  assert.equal(long.pool.refSize, 3, 'more than 65,535 strings use 3-byte references');
  assert.equal(long.pool.codepage, 0);
  const zh = await open(built.get('dual-zh-cn')!);
  assert.equal(zh.pool.codepage, 936);
});

/** ctime()-style date as msiinfo prints it with TZ=UTC: "Fri Dec  4 19:19:13 2026". */
function ctime(iso: string): string {
  const d = new Date(iso);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]!;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

test('summary information equals msiinfo suminfo for every built package', { skip: SKIP }, async () => {
  for (const [name, path] of built) {
    const s = (await open(path)).summary;
    const out = runMsiTool('msiinfo', ['suminfo', path]);
    const field = (label: string) => {
      const line = out.split(/\r?\n/).find((l) => l.startsWith(`${label}: `));
      return line === undefined ? null : line.slice(label.length + 2);
    };
    const num = (n: number | null) => (n === null ? null : `${n} (${n.toString(16)})`);
    const expected: Record<string, string | null> = {
      Title: s.title,
      Subject: s.subject,
      Author: s.author,
      Keywords: s.keywords,
      Comments: s.comments,
      Template: s.template,
      'Revision number (UUID)': s.revisionNumber,
      Created: s.createTime && ctime(s.createTime),
      'Last saved': s.lastSaveTime && ctime(s.lastSaveTime),
      Version: num(s.pageCount),
      Source: num(s.wordCount),
      Application: s.creatingApplication,
      Security: num(s.security),
    };
    for (const [label, value] of Object.entries(expected)) assert.equal(value, field(label), `${name}: ${label}`);
  }
  assert.equal(TEST_PACKAGES.length, built.size);
});
