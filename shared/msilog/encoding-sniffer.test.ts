// Tests the encoding sniffer: BOMs, BOM-less UTF-16 from zero-byte patterns, UTF-8, GBK vs CP1252, binaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { sniffEncoding } from './encoding-sniffer.ts';

const line = 'MSI (s) (D0:A0) [21:24:32:284]: Note: 1: 1715 2: Planned Failure\r\n';

test('BOMs decide the encoding', () => {
  assert.deepEqual(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00])), {
    kind: 'text',
    encoding: 'utf-16le',
    bomLength: 2,
    hasBom: true,
  });
  assert.deepEqual(sniffEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41])), {
    kind: 'text',
    encoding: 'utf-16be',
    bomLength: 2,
    hasBom: true,
  });
  assert.deepEqual(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), {
    kind: 'text',
    encoding: 'utf-8',
    bomLength: 3,
    hasBom: true,
  });
});

test('UTF-16 without BOM is recognized from where the zero bytes are', () => {
  const le = Buffer.from(line.repeat(5), 'utf16le');
  assert.deepEqual(sniffEncoding(le), { kind: 'text', encoding: 'utf-16le', bomLength: 0, hasBom: false });
  const be = Buffer.from(le).swap16();
  assert.deepEqual(sniffEncoding(be), { kind: 'text', encoding: 'utf-16be', bomLength: 0, hasBom: false });
});

test('UTF-8 (with Chinese), GBK and CP1252 without BOM', () => {
  const zh = '操作结束 23:49:51: InstallFinalize。返回值 3。\r\n'.repeat(3);
  assert.equal(sniff(Buffer.from(zh, 'utf8')), 'utf-8');
  assert.equal(sniff(iconv.encode(zh, 'gbk')), 'gbk');
  assert.equal(
    sniff(iconv.encode('Aktion beendet 08:01:04: X. Rückgabewert 3. Größe é à\r\n'.repeat(3), 'win1252')),
    'windows-1252',
  );
  assert.equal(sniff(Buffer.from('plain ascii\n')), 'utf-8');
});

test('binary inputs are recognized, never decoded as text', () => {
  assert.deepEqual(sniffEncoding(new Uint8Array(0)), { kind: 'binary', binary: 'empty' });
  assert.deepEqual(sniffEncoding(new Uint8Array(4096)), { kind: 'binary', binary: 'all-zeros' });
  assert.deepEqual(sniffEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), {
    kind: 'binary',
    binary: 'png',
  });
  assert.deepEqual(sniffEncoding(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), {
    kind: 'binary',
    binary: 'ole-msi',
  });
  const random = new Uint8Array(4096);
  let x = 12345;
  for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  assert.equal(sniffEncoding(random).kind, 'binary');
});

function sniff(bytes: Uint8Array): string {
  const r = sniffEncoding(bytes);
  return r.kind === 'text' ? r.encoding : `binary:${r.binary}`;
}
