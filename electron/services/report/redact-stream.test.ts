// Tests of encoding detection and streamed redaction in the file's own encoding (UTF-16LE/BE, UTF-8, GBK, CP1252, no BOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { detectEncoding } from './text-encoding.ts';
import { learnFromFile, redactedFileChunks, type FileSource } from './redact-stream.ts';

const TEXT =
  'Property(S): LogonUser = zhang.wei\r\nProperty(S): DBPASSWORD = Hunter2!\r\nC:\\Users\\zhang.wei\\x 用户 张伟 café\r\nProperty(S): USERNAME = 张伟\r\n';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

test('detects BOMs, BOM-less UTF-16, UTF-8 and falls back to the ANSI code page', () => {
  assert.equal(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0])).encoding, 'utf16le');
  assert.equal(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x41])).encoding, 'utf16be');
  assert.equal(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).encoding, 'utf8');
  assert.equal(detectEncoding(Buffer.from('plain ascii log line', 'utf16le')).encoding, 'utf16le');
  assert.equal(detectEncoding(Buffer.from('用户 张伟 café', 'utf8')).encoding, 'utf8');
  assert.equal(detectEncoding(iconv.encode('用户 张伟', 'gbk'), 'gbk').encoding, 'gbk');
  assert.equal(detectEncoding(iconv.encode('café crème', 'windows-1252')).encoding, 'windows-1252');
});

const CASES: Array<{ name: string; bytes: Buffer; decode: (b: Buffer) => string; ansi?: 'gbk' | 'windows-1252' }> = [
  {
    name: 'UTF-16LE + BOM',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
    decode: (b) => b.subarray(2).toString('utf16le'),
  },
  { name: 'UTF-16LE, no BOM', bytes: Buffer.from(TEXT, 'utf16le'), decode: (b) => b.toString('utf16le') },
  {
    name: 'UTF-16BE + BOM',
    bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]),
    decode: (b) => Buffer.from(b.subarray(2)).swap16().toString('utf16le'),
  },
  {
    name: 'UTF-8 + BOM',
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
    decode: (b) => b.subarray(3).toString('utf8'),
  },
  {
    name: 'GBK',
    bytes: iconv.encode(TEXT.replace('café', 'cafe'), 'gbk'),
    decode: (b) => iconv.decode(b, 'gbk'),
    ansi: 'gbk',
  },
  {
    name: 'CP1252',
    bytes: iconv.encode(TEXT.replace(/用户 张伟 /, '').replace('张伟', 'Zhang Wei'), 'windows-1252'),
    decode: (b) => iconv.decode(b, 'windows-1252'),
  },
];

for (const c of CASES) {
  test(`redacts a ${c.name} file in place and keeps its encoding`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-redact-'));
    try {
      const path = join(dir, 'x.log');
      writeFileSync(path, c.bytes);
      for (const source of [
        { path, bytes: null },
        { path: 'C:\\sim\\x.log', bytes: new Uint8Array(c.bytes) },
      ] satisfies FileSource[]) {
        const redactor = new Redactor();
        await learnFromFile(source, redactor, c.ansi ?? 'windows-1252');
        const out = await collect(redactedFileChunks(source, redactor, c.ansi ?? 'windows-1252'));
        assert.deepEqual([...out.subarray(0, 2)], [...c.bytes.subarray(0, 2)], 'same first bytes (BOM kept)');
        const text = c.decode(out);
        assert.ok(!text.includes('zhang.wei') && !text.includes('Hunter2!') && !text.includes('张伟'), text);
        assert.match(text, /LogonUser = <user-1>\r\n/);
        assert.match(text, /DBPASSWORD = <secret-1>\r\n/);
        if (c.name !== 'GBK') assert.ok(text.includes('café'), 'non-ASCII text survives the round trip');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('without a redactor the bytes are copied unchanged', async () => {
  const bytes = new Uint8Array(CASES[0]!.bytes);
  const out = await collect(redactedFileChunks({ path: 'mem', bytes }, null, 'windows-1252'));
  assert.deepEqual(new Uint8Array(out), bytes);
});
