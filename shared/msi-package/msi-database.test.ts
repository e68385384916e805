// The reader on in-memory fixtures: stream names, string pool (code pages, long references, long strings), tables,
// file kinds (.msp/.mst/.msm/other compound files), and damaged containers (loops, huge sizes, truncation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { bytesSource } from './byte-source.ts';
import { MsiDatabase } from './msi-database.ts';
import { MsiReadError, type MsiReadErrorCode } from './msi-read-error.ts';
import { decodeStreamName, encodeStreamName } from './stream-names.ts';
import { COL, MSP_CLSID, MST_CLSID, buildCfb, buildMsi, type TestTable } from './testing/cfb-builder.test-support.ts';

const PROPERTY = (rows: [string, string][]): TestTable => ({
  name: 'Property',
  columns: [
    ['Property', COL.keyString],
    ['Value', COL.string],
  ],
  rows,
});

async function rejects(bytes: Uint8Array, code: MsiReadErrorCode): Promise<MsiReadError> {
  try {
    await MsiDatabase.open(bytesSource(bytes));
  } catch (error) {
    assert.ok(error instanceof MsiReadError, `expected MsiReadError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.doesNotMatch(error.text.en, /\n/);
    assert.doesNotMatch(error.text['zh-CN'], /\n/);
    return error;
  }
  assert.fail(`expected ${code}`);
}

test('stream names: table streams decode with their mark, other names round-trip', () => {
  for (const name of ['_StringPool', 'Property', 'InstallExecuteSequence', 'A.b_c9', 'x'])
    assert.deepEqual(decodeStreamName(encodeStreamName(name, true)), { name, table: true });
  assert.deepEqual(decodeStreamName(encodeStreamName('Binary.CaDll', false)), { name: 'Binary.CaDll', table: false });
  assert.deepEqual(decodeStreamName('\u0005SummaryInformation'), { name: '\u0005SummaryInformation', table: false });
  // Two characters per code unit: "_T" is 0x3800 + 63 + (29 << 6).
  assert.equal(encodeStreamName('_T', false).charCodeAt(0), 0x3800 + 63 + (29 << 6));
});

test('string pool and tables: values, nulls, integers, binary columns, code page 936', async () => {
  const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
  const built = buildMsi(
    [
      PROPERTY([
        ['ProductName', '康桥报销'],
        ['ALLUSERS', '1'],
      ]),
      {
        name: 'CustomAction',
        columns: [
          ['Action', COL.keyString],
          ['Type', COL.int16],
          ['Source', COL.nullableString],
          ['Target', COL.nullableString],
          ['ExtendedType', COL.nullableInt32],
        ],
        rows: [
          ['Deferred', 3073, 'CaDll', 'Entry', null],
          ['Negative', -5, null, null, 32768],
        ],
      },
      {
        name: 'Binary',
        columns: [
          ['Name', COL.keyString],
          ['Data', COL.binary],
        ],
        rows: [['CaDll', 1]],
      },
      { name: 'Empty', columns: [['Key', COL.keyString]], rows: [] },
    ],
    { codepage: 936, encode: gbk },
  );
  const db = await MsiDatabase.open(bytesSource(built.bytes));
  assert.equal(db.pool.codepage, 936);
  assert.equal(db.pool.refSize, 2);
  assert.deepEqual(db.tableNames, ['Property', 'CustomAction', 'Binary', 'Empty']);
  assert.deepEqual(await db.records('Property'), [
    { Property: 'ProductName', Value: '康桥报销' },
    { Property: 'ALLUSERS', Value: '1' },
  ]);
  assert.deepEqual(await db.records('CustomAction'), [
    { Action: 'Deferred', Type: 3073, Source: 'CaDll', Target: 'Entry', ExtendedType: null },
    { Action: 'Negative', Type: -5, Source: null, Target: null, ExtendedType: 32768 },
  ]);
  assert.deepEqual(await db.records('Binary'), [{ Name: 'CaDll', Data: 1 }]);
  assert.deepEqual(await db.records('Empty'), []);
  assert.equal(await db.records('Missing'), null);
});

test('long string references (3 bytes) and a string over 64 KiB', async () => {
  const long = 'L'.repeat(70_000);
  const rows: [string, string][] = [['BIG', long]];
  for (let i = 0; i < 300; i++) rows.push([`P${i}`, `v${i}`]);
  const built = buildMsi([PROPERTY(rows)], { forceLongRefs: true });
  const db = await MsiDatabase.open(bytesSource(built.bytes));
  assert.equal(db.pool.refSize, 3);
  const props = (await db.records('Property'))!;
  assert.equal(props.length, 301);
  assert.equal(props[0]!.Value, long);
  assert.equal(props[300]!.Value, 'v299');
});

test('identifies patches, transforms, merge modules and other compound documents (one line each)', async () => {
  const stream = (name: string) => ({ name, data: new Uint8Array(16) });
  await rejects(buildCfb([stream('\u0005SummaryInformation')], MSP_CLSID).bytes, 'patch');
  await rejects(buildCfb([stream('\u0005SummaryInformation')], MST_CLSID).bytes, 'transform');
  await rejects(
    buildCfb([stream('WordDocument')], '{00020906-0000-0000-C000-000000000046}').bytes,
    'not-installer-database',
  );
  const msm = buildMsi([{ name: 'ModuleSignature', columns: [['ModuleID', COL.keyString]], rows: [['M.1']] }]);
  await rejects(msm.bytes, 'merge-module');
  await rejects(new Uint8Array(0), 'empty');
  await rejects(new TextEncoder().encode('MZ this is an exe, not an msi'), 'not-compound-file');
});

test('damaged containers: a sector chain loop, a huge declared size, random bytes behind a header', async () => {
  const big = new Uint8Array(9000).fill(7);
  const built = buildMsi([PROPERTY([['A', 'b']])], { extraStreams: [{ name: 'Data', data: big }] });
  const db = await MsiDatabase.open(bytesSource(built.bytes));
  assert.ok(db.listStreams().some((s) => s.name === 'Data' && s.size === 9000));

  // Loop the directory chain onto itself.
  const loop = built.bytes.slice();
  const dirSector = built.directoryOffset / 512 - 1;
  new DataView(loop.buffer).setUint32(built.fatOffset + dirSector * 4, dirSector, true);
  await rejects(loop, 'corrupt');

  // A table stream declaring 2^40 bytes (version 3 ignores the high half, so use a low half beyond the file).
  const huge = built.bytes.slice();
  const poolEntry = built.starts.get(encodeStreamName('_StringPool', true))!.dirIndex;
  new DataView(huge.buffer).setUint32(built.directoryOffset + poolEntry * 128 + 0x78, 0xfffffff0, true);
  await rejects(huge, 'corrupt');

  // Header kept, everything after it random: any error is fine as long as it is an MsiReadError.
  let seed = 42;
  const random = built.bytes.slice();
  for (let i = 512; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  await assert.rejects(MsiDatabase.open(bytesSource(random)), MsiReadError);
});

test('a file cut at every sector boundary fails with one MsiReadError, never anything else', async () => {
  const built = buildMsi(
    [
      PROPERTY([
        ['A', 'b'],
        ['C', 'd'],
      ]),
    ],
    {
      extraStreams: [{ name: 'Cab', data: new Uint8Array(5000) }],
    },
  );
  for (let size = 0; size < built.bytes.length; size += 512) {
    const cut = built.bytes.subarray(0, size);
    await assert.rejects(MsiDatabase.open(bytesSource(cut)), MsiReadError, `cut at ${size}`);
  }
});
