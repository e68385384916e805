// The redact pass of a uniform UTF-16 file: its bytes cut as the learning pass cut its text, whatever sizes the reads
// return, and then into whole lines as StreamRedactor.takeLines cuts text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamRedactor } from '../../../shared/report/redaction/stream-redactor.ts';
import { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { Utf16Lines, Utf16Replay, decodeUtf16 } from './utf16-copy.ts';

const TEXT = 'MSI (s) (18:A8): 用户 张伟 Password=x\r\n'.repeat(40) + 'tail 😀 end';

function replay(bytes: Buffer, lengths: number[], readSize: number, bigEndian = false): string[] {
  const decoder = new Utf16Replay(lengths);
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += readSize) out.push(...decoder.write(bytes.subarray(at, at + readSize)));
  out.push(...decoder.end());
  return out.map((piece) => decodeUtf16(piece, bigEndian));
}

test('gives the learning pass pieces exactly, whatever sizes the reads return (LE and BE)', () => {
  const le = Buffer.from(TEXT, 'utf16le');
  const be = Buffer.from(le).swap16();
  const lengths = [100, 0, 513, 377, TEXT.length - 990];
  const expected = lengths.map((_, i) =>
    TEXT.slice(lengths.slice(0, i).reduce((a, b) => a + b, 0)).slice(0, lengths[i]),
  );
  for (const readSize of [1, 7, 64, 1000, 1 << 20]) {
    assert.deepEqual(replay(le, lengths, readSize), expected, `LE, reads of ${readSize}`);
    assert.deepEqual(replay(be, lengths, readSize, true), expected, `BE, reads of ${readSize}`);
  }
});

test('bytes past what the learning pass read are left out; a file cut short gives what is left', () => {
  const bytes = Buffer.from(TEXT, 'utf16le');
  assert.equal(replay(Buffer.concat([bytes, Buffer.from('GROWN', 'utf16le')]), [TEXT.length], 64).join(''), TEXT);
  assert.equal(replay(bytes.subarray(0, 200), [TEXT.length], 64).join(''), TEXT.slice(0, 100));
});

test('whole lines are cut from the bytes where takeLines cuts the text (LE and BE, 0x0A bytes that are no line feed)', () => {
  // U+0A0A and U+0D0A hold a 0x0A byte that is no line feed, in either byte order.
  const text = 'a\u0a0ab\r\nPassword=x \u0d0a\n\u0a0a\u0a0a\r\n' + 'tail\u0a0a'.repeat(3) + '\nend \u0a0a';
  for (const bigEndian of [false, true]) {
    const le = Buffer.from(text, 'utf16le');
    const bytes = bigEndian ? Buffer.from(le).swap16() : le;
    for (const size of [2, 6, 14, 4096]) {
      const stream = new StreamRedactor(new Redactor());
      const cutter = new Utf16Lines(bigEndian, 1 << 20);
      for (let at = 0; at < bytes.length; at += size) {
        const piece = bytes.subarray(at, at + size);
        const expected = stream.takeLines(decodeUtf16(piece, bigEndian));
        const lines = cutter.take(piece);
        assert.equal(lines && decodeUtf16(lines, bigEndian), expected, `${bigEndian ? 'BE' : 'LE'}, pieces of ${size}`);
      }
      assert.equal(decodeUtf16(cutter.drain(), bigEndian), stream.flush(), 'the last line, kept');
    }
  }
});

test('a line longer than the bound is left to the text path: nothing taken, then all of it drained', () => {
  const cutter = new Utf16Lines(false, 8);
  assert.equal(decodeUtf16(cutter.take(Buffer.from('ab\ncdef', 'utf16le'))!, false), 'ab\n');
  assert.equal(cutter.take(Buffer.from('ghijk', 'utf16le')), null, 'cdefghijk is over 8 characters');
  assert.equal(decodeUtf16(cutter.drain(Buffer.from('ghijk', 'utf16le')), false), 'cdefghijk');
  assert.equal(
    cutter.take(Buffer.from('\n' + 'x'.repeat(9), 'utf16le')),
    null,
    'what stays after the feed is too long',
  );
});
