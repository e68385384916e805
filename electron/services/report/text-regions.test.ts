// Tests of the region decoder: mixed and misaligned encodings are each read in their own encoding, undecodable bytes
// are dropped with a marker and counted, and the result does not depend on chunk boundaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { RegionDecoder, droppedMarker } from './text-regions.ts';
import { detectEncoding } from './text-encoding.ts';

const HEAD = 'MSI (s) (18:A8) [09:12:53:835]: 用户 张伟 ran Property(S): DBPASSWORD = Hunter2!\r\n'.repeat(40);
const TAIL = 'appended: CONNSTR=Server=sql01;Password=Tail-Secret-7; 日志 o’brien café\r\n'.repeat(40);
/** Lines that start with ASCII (which reads the same as UTF-16BE one byte further on) and then hold Chinese names. */
const CJK_TAIL = 'CAQuietExec64:  当前用户: 李娜 区域：华东 数据库密码：Zh-Mima-88\r\n'.repeat(40);

const le = (text: string) => Buffer.from(text, 'utf16le');
/** A UTF-8 head of an odd number of bytes, so the UTF-16LE body after it has its zeros at even offsets. */
const ODD_HEAD = Buffer.from(TAIL, 'utf8').length % 2 === 1 ? TAIL : TAIL + 'x\r\n';
const be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const u8 = (text: string) => Buffer.from(text, 'utf8');

function decodeAll(bytes: Buffer, chunk: number, ansi: 'gbk' | 'windows-1252' = 'windows-1252') {
  const detected = detectEncoding(bytes.subarray(0, 64 * 1024), ansi);
  const decoder = new RegionDecoder(detected.encoding, detected.bom.length, ansi);
  let text = '';
  for (let at = detected.bom.length; at < bytes.length; at += chunk)
    text += decoder.write(bytes.subarray(at, at + chunk));
  text += decoder.end();
  return { text, summary: decoder.result() };
}

const CASES: Array<{ name: string; bytes: Buffer; expected: string; regions: string[]; ansi?: 'gbk' }> = [
  {
    name: 'UTF-16LE log with a UTF-8 tail',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), le(HEAD), u8(TAIL)]),
    expected: HEAD + TAIL,
    regions: ['utf16le', 'utf8'],
  },
  {
    name: 'UTF-16LE body shifted by one stray byte',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), le(HEAD), Buffer.from([0x41]), le(TAIL)]),
    expected: HEAD + 'A' + TAIL,
    regions: ['utf16le', 'utf8', 'utf16le'],
  },
  {
    name: 'UTF-16LE body shifted by one stray byte before ASCII-led lines with Chinese names (not read as UTF-16BE)',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), le(HEAD), Buffer.from('x'), le(CJK_TAIL)]),
    expected: HEAD + 'x' + CJK_TAIL,
    regions: ['utf16le', 'utf8', 'utf16le'],
  },
  {
    name: 'UTF-8 head, then a UTF-16LE body with Chinese names',
    bytes: Buffer.concat([u8(TAIL), le(CJK_TAIL)]),
    expected: TAIL + CJK_TAIL,
    regions: ['utf8', 'utf16le'],
  },
  {
    name: 'UTF-8 head of odd length, then a UTF-16LE body with Chinese names (not taken for UTF-16BE)',
    bytes: Buffer.concat([u8(ODD_HEAD), le(CJK_TAIL)]),
    expected: ODD_HEAD + CJK_TAIL,
    regions: ['utf8', 'utf16le'],
  },
  {
    name: 'UTF-8 head, then a UTF-16LE body',
    bytes: Buffer.concat([u8(TAIL), le(HEAD)]),
    expected: TAIL + HEAD,
    regions: ['utf8', 'utf16le'],
  },
  {
    name: 'UTF-16BE with BOM',
    bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), be(HEAD + TAIL)]),
    expected: HEAD + TAIL,
    regions: ['utf16be'],
  },
  {
    name: 'UTF-16BE with BOM, ASCII-led lines with Chinese names',
    bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), be(HEAD + CJK_TAIL)]),
    expected: HEAD + CJK_TAIL,
    regions: ['utf16be'],
  },
  {
    name: 'GBK head (Chinese ANSI), then a UTF-16LE body',
    bytes: Buffer.concat([iconv.encode(HEAD, 'gbk'), le(TAIL)]),
    expected: HEAD + TAIL,
    regions: ['ansi', 'utf16le'],
    ansi: 'gbk',
  },
];

for (const c of CASES) {
  test(`decodes each region of: ${c.name}`, () => {
    for (const chunk of [1 << 20, 4099, 777]) {
      const { text, summary } = decodeAll(c.bytes, chunk, c.ansi ?? 'windows-1252');
      assert.equal(text, c.expected, `chunk ${chunk}`);
      assert.deepEqual(
        summary.regions.map((r) => r.encoding),
        c.regions,
        `chunk ${chunk}`,
      );
      assert.equal(summary.droppedBytes, 0);
      assert.equal(summary.uniform, c.regions.length === 1);
    }
  });
}

test('a region no encoding reads (NUL padding of a crashed write) is dropped, marked and counted', () => {
  const padding = Buffer.alloc(600);
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), le(HEAD), padding, le(TAIL)]);
  for (const chunk of [1 << 20, 1000]) {
    const { text, summary } = decodeAll(bytes, chunk);
    assert.equal(summary.droppedBytes, padding.length, `chunk ${chunk}`);
    assert.equal(text, HEAD + droppedMarker(padding.length) + TAIL, `chunk ${chunk}`);
    assert.equal(summary.uniform, false);
  }
});

test('bytes that read only as unexpected scripts make the file non-uniform, so the copy is converted, never copied', () => {
  const junk = Buffer.alloc(600);
  for (let i = 0; i < junk.length; i++) junk[i] = [0x00, 0x01, 0x02, 0x1b, 0x7f, 0x90, 0x8d, 0x05][i % 8]!;
  const { text, summary } = decodeAll(Buffer.concat([Buffer.from([0xff, 0xfe]), le(HEAD), junk, le(TAIL)]), 1 << 20);
  assert.equal(summary.uniform, false);
  assert.ok(text.startsWith(HEAD) && text.endsWith(TAIL));
});

test('a clean single-encoding file is uniform and decoded on the fast path', () => {
  const { text, summary } = decodeAll(Buffer.concat([Buffer.from([0xff, 0xfe]), le(HEAD + TAIL)]), 1 << 16);
  assert.equal(text, HEAD + TAIL);
  assert.deepEqual(summary, {
    regions: [{ encoding: 'utf16le', bytes: le(HEAD + TAIL).length }],
    droppedBytes: 0,
    uniform: true,
  });
});

test('zeros at even offsets after a head of odd length are UTF-16LE one byte off, not UTF-16BE', () => {
  const body = le('CAQuietExec64:  running the configuration step\r\n'.repeat(20));
  assert.equal(detectEncoding(Buffer.concat([u8('head\n'), body])).encoding, 'utf16le');
  assert.equal(detectEncoding(be('CAQuietExec64:  running\r\n'.repeat(20))).encoding, 'utf16be');
});
