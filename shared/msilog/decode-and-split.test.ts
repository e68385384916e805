// Tests the streaming decoder and the line splitter on every awkward chunk boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { createStreamDecoder } from './stream-decoder.ts';
import { createLineSplitter } from './line-splitter.ts';
import type { LogEncoding } from './encoding-sniffer.ts';

function decodeInPieces(bytes: Uint8Array, encoding: LogEncoding, size: number): string {
  const d = createStreamDecoder(encoding);
  let out = '';
  for (let i = 0; i < bytes.length; i += size) out += d.decode(bytes.subarray(i, i + size));
  return out + d.end();
}

test('UTF-16LE: code units and surrogate pairs split across chunks decode intact', () => {
  const text = 'Action ended 1:02:03: X. 返回值 3. 😀 done\r\n';
  const bytes = Buffer.from(text, 'utf16le');
  for (const size of [1, 2, 3, 5, 7]) assert.equal(decodeInPieces(bytes, 'utf-16le', size), text, `chunk ${size}`);
  const be = Buffer.from(bytes).swap16();
  assert.equal(decodeInPieces(be, 'utf-16be', 3), text);
});

test('an odd trailing byte becomes one replacement character, no crash', () => {
  const bytes = Buffer.concat([Buffer.from('AB', 'utf16le'), Buffer.from([0x43])]);
  assert.equal(decodeInPieces(bytes, 'utf-16le', 4), 'AB\uFFFD');
});

test('UTF-16LE: any bytes in any chunking decode exactly as TextDecoder does (lone surrogates become U+FFFD)', () => {
  // Deterministic bytes rich in surrogates (0xD8-0xDF high bytes), CR/LF and odd lengths.
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) / 65536;
  const units = [0x41, 0x0d, 0x0a, 0xd83d, 0xde00, 0xd800, 0xdc00, 0xdfff, 0x8fd4, 0xfffd];
  for (let round = 0; round < 40; round++) {
    const bytes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const unit = units[Math.floor(random() * units.length)]!;
      bytes.push(unit & 0xff, unit >> 8);
    }
    if (round % 2) bytes.push(0x41); // an odd trailing byte
    const all = Uint8Array.from(bytes);
    const expected = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(all);
    for (const size of [1, 2, 3, 4, 5, 64, 401]) assert.equal(decodeInPieces(all, 'utf-16le', size), expected);
  }
});

test('code-page logs decode without iconv-lite (the WHATWG decoders), byte-for-byte as iconv-lite reads them', () => {
  const chinese = '操作结束 23:49:51: InstallFinalize。返回值 3。错误 1603：安装时发生严重错误';
  assert.equal(decodeInPieces(iconv.encode(chinese, 'gbk'), 'gbk', 3), chinese);
  const german = 'Aktion beendet 10:00:01: InstallFinalize. Rückgabewert 3. Größe: 5 € – “ok”';
  const cp1252 = iconv.encode(german, 'win1252');
  assert.equal(decodeInPieces(cp1252, 'windows-1252', 1), iconv.decode(cp1252, 'win1252'));
});

test('GBK and UTF-8 multibyte characters split across chunks', () => {
  const text = '操作结束 23:49:51: InstallFinalize。返回值 3。';
  assert.equal(decodeInPieces(iconv.encode(text, 'gbk'), 'gbk', 1), text);
  assert.equal(decodeInPieces(Buffer.from(text, 'utf8'), 'utf-8', 1), text);
  assert.equal(decodeInPieces(iconv.encode('Rückgabewert', 'win1252'), 'windows-1252', 1), 'Rückgabewert');
});

function split(pieces: string[]): string[] {
  const lines: string[] = [];
  const s = createLineSplitter((t, from, to) => lines.push(t.slice(from, to)));
  for (const p of pieces) s.push(p);
  s.end();
  return lines;
}

test('CRLF, LF and stray CR all end lines, also when CR and LF are in different chunks', () => {
  assert.deepEqual(split(['a\r\nb\nc\rd']), ['a', 'b', 'c', 'd']);
  assert.deepEqual(split(['a\r', '\nb\r', '', '\nc']), ['a', 'b', 'c']);
  assert.deepEqual(split(['a\r', 'b']), ['a', 'b']);
  assert.deepEqual(split(['par', 'tial', ' line\r\n', '\r\n']), ['partial line', '']);
  assert.deepEqual(split(['x\n\n\ny']), ['x', '', '', 'y']);
});

test('a giant line is cut to its start, so memory stays bounded and line numbers stay right', () => {
  const lines = split(['z'.repeat(100_000), 'z'.repeat(100_000) + '\nnext\n']);
  assert.equal(lines.length, 2);
  assert.equal(lines[0]!.length, 64 * 1024);
  assert.equal(lines[1], 'next');
});
