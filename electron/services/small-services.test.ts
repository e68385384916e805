// Tests of the facade's small helpers: file import sanitizing, the documentation allowlist, the session store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { importFile, importFileStream, ImportTooLargeError, sanitizeFileName } from './file-import.ts';
import { isAllowedExternalUrl } from './external-links.ts';
import { createSessionStore, sessionFileName } from './session-store.ts';
import { ServiceError } from './service-error.ts';
import { fakeScan } from './app-services-fakes.test-support.ts';
import { newRecord } from '../../shared/session/session-record.ts';
import { machine } from '../../shared/diagnosis/testing/evidence-builders.ts';
import type { Evidence } from '../../shared/contract/evidence.ts';

test('sanitizeFileName keeps a plain name and neutralizes paths, reserved names and odd characters', () => {
  assert.equal(sanitizeFileName('install.log'), 'install.log');
  assert.equal(sanitizeFileName('安装日志.log'), '安装日志.log');
  assert.equal(sanitizeFileName('..\\..\\Windows\\System32\\evil.dll'), 'evil.dll');
  assert.equal(sanitizeFileName('../../etc/passwd'), 'passwd');
  assert.equal(sanitizeFileName('a<b>c:d"e|f?g*h.log'), 'a_b_c_d_e_f_g_h.log');
  assert.equal(sanitizeFileName('nul\u0000.log'), 'nul_.log');
  assert.equal(sanitizeFileName('CON.log'), '_CON.log');
  assert.equal(sanitizeFileName('..'), 'file');
  assert.equal(sanitizeFileName('name. . '), 'name');
  const long = sanitizeFileName(`${'x'.repeat(300)}.log`);
  assert.equal(long.length, 120);
  assert.ok(long.endsWith('.log'));
});

test('saved sessions in the old evidence shape still load; one that no longer fits fails in one clear line', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'msi-doctor-old-session-'));
  const store = createSessionStore(dataDir);
  const symptom = { choice: 'code-1618', input: '1618', logFiles: [], msiPath: null };
  const scan = { ...fakeScan('scan:old', '2026-01-01T10:00:00.000Z'), evidence: machine({}, { policies: 'error' }) };
  const record = newRecord('session:old', scan, symptom, scan.startedAt);
  // Before evidence was typed, a probe that failed or was not checked was saved with `data: {}`.
  const oldShape = (evidence: Evidence[]): unknown[] => evidence.map((e) => (e.data === null ? { ...e, data: {} } : e));
  const oldScan = { ...record.initial, evidence: oldShape(record.initial.evidence) };
  const old = { ...record, initial: oldScan, latest: oldScan };
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  await writeFile(join(dataDir, 'sessions', sessionFileName('session:old')), JSON.stringify(old));
  const loaded = await store.getRecord('session:old');
  const policies = loaded.initial.evidence.find((e) => e.probe === 'policies')!;
  assert.equal(policies.status, 'error');
  assert.equal(policies.data, null, 'read as "no data"');
  assert.equal(loaded.initial.evidence.find((e) => e.probe === 'elevation')?.data?.isAdmin, true, 'typed data');

  // Data a probe's schema no longer accepts: named in one line, never a stack trace, never a silent "not found".
  const broken = structuredClone(old) as { initial: { evidence: Array<Record<string, unknown>> } };
  broken.initial.evidence[3] = { ...broken.initial.evidence[3], data: { mutex: 42 } };
  await writeFile(
    join(dataDir, 'sessions', sessionFileName('session:bad')),
    JSON.stringify({ ...broken, sessionId: 'session:bad' }),
  );
  await assert.rejects(store.getRecord('session:bad'), (e: unknown) => {
    assert.ok(e instanceof ServiceError && e.code === 'invalid-input', String(e));
    assert.match(
      e.message,
      /^The saved session session:bad cannot be read by this version of MSI Doctor \(initial\.evidence\.3\.data/,
    );
    assert.doesNotMatch(e.message, /\n/);
    return true;
  });
  assert.deepEqual(
    (await store.listRecords()).map((r) => r.sessionId),
    ['session:old'],
    'the history skips the unreadable one',
  );
});

test('importFile writes the decoded bytes under dataDir/imports and rejects non-base64 data', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'msi-doctor-import-'));
  const picked = await importFile(dataDir, {
    name: '../x/install.log',
    base64: Buffer.from('hello 你好').toString('base64'),
  });
  assert.equal(picked.name, 'install.log');
  assert.equal(basename(picked.path), 'install.log');
  assert.equal(dirname(dirname(picked.path)), join(dataDir, 'imports'));
  assert.equal(await readFile(picked.path, 'utf8'), 'hello 你好');
  const second = await importFile(dataDir, { name: 'install.log', base64: '' });
  assert.notEqual(second.path, picked.path, 'equal names never overwrite each other');
  await assert.rejects(
    importFile(dataDir, { name: 'a.log', base64: 'not base64!' }),
    (e: unknown) => e instanceof ServiceError && e.code === 'invalid-input',
  );
});

test('a streamed import is written as it arrives; over the limit it stops and leaves nothing behind', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'msi-doctor-import-'));
  async function* chunks(count: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < count; i++) yield Buffer.from(`chunk ${i} 你好\n`);
  }
  const picked = await importFileStream(dataDir, '../x/in<stall>.log', chunks(3), 1000);
  assert.equal(picked.name, 'in_stall_.log');
  assert.equal(dirname(dirname(picked.path)), join(dataDir, 'imports'));
  assert.equal(await readFile(picked.path, 'utf8'), 'chunk 0 你好\nchunk 1 你好\nchunk 2 你好\n');
  let pulled = 0;
  async function* endless(): AsyncGenerator<Uint8Array> {
    for (;;) {
      pulled++;
      yield Buffer.alloc(100, 0x41);
    }
  }
  await assert.rejects(
    importFileStream(dataDir, 'big.log', endless(), 1000),
    (e: unknown) => e instanceof ImportTooLargeError,
  );
  assert.equal(pulled, 11, 'stops reading at the first chunk over the limit');
  assert.deepEqual(
    await readdir(join(dataDir, 'imports')),
    [basename(dirname(picked.path))],
    'the partial file is gone',
  );
});

test('only https documentation URLs on the allowlisted hosts may be opened', () => {
  assert.ok(isAllowedExternalUrl('https://learn.microsoft.com/en-us/windows/win32/msi/error-codes'));
  assert.ok(isAllowedExternalUrl('https://support.microsoft.com/help/2438651'));
  for (const bad of [
    'http://learn.microsoft.com/x',
    'https://learn.microsoft.com.evil.example/x',
    'https://evil.example/?https://learn.microsoft.com',
    'https://user:pw@learn.microsoft.com/x',
    'https://learn.microsoft.com:8443/x',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'not a url',
  ]) {
    assert.equal(isAllowedExternalUrl(bad), false, bad);
  }
});

test('session store: scans and session records saved, listed newest first, read back, not-found', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'msi-doctor-sessions-'));
  const store = createSessionStore(dataDir);
  assert.deepEqual(await store.listRecords(), []);
  const older = fakeScan('scan:1', '2026-01-01T10:00:00.000Z');
  const newer = fakeScan('scan:2', '2026-01-02T10:00:00.000Z');
  await store.saveScan(older);
  assert.deepEqual(await store.getScan('scan:1'), older);
  const symptom = { choice: 'code-1618', input: '1618', logFiles: [], msiPath: null };
  await store.saveRecord(newRecord('session:1', older, symptom, older.startedAt));
  await store.saveRecord(newRecord('session:2', newer, symptom, newer.startedAt));
  await writeFile(join(dataDir, 'sessions', 'broken.json'), '{ not json');
  const list = await store.listRecords();
  assert.deepEqual(
    list.map((s) => s.sessionId),
    ['session:2', 'session:1'],
  );
  assert.equal(list[0]!.initial.scanId, 'scan:2');
  assert.equal((await store.getRecord('session:1')).initial.scanId, 'scan:1');
  assert.equal(sessionFileName('scan:1'), 'scan_1.json');
  await assert.rejects(store.getScan('scan:3'), (e: unknown) => e instanceof ServiceError && e.code === 'not-found');
  await assert.rejects(
    store.getRecord('session:3'),
    (e: unknown) => e instanceof ServiceError && e.code === 'not-found',
  );
});
