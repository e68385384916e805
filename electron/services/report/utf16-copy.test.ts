// The redact pass's decoder of a uniform UTF-16 file: the learning pass's cuts, whatever sizes the reads return.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Utf16Replay } from './utf16-copy.ts';

const TEXT = 'MSI (s) (18:A8): 用户 张伟 Password=x\r\n'.repeat(40) + 'tail 😀 end';

function replay(bytes: Buffer, lengths: number[], readSize: number, bigEndian = false): string[] {
  const decoder = new Utf16Replay(lengths, bigEndian);
  const out: string[] = [];
  for (let at = 0; at < bytes.length; at += readSize) out.push(...decoder.write(bytes.subarray(at, at + readSize)));
  out.push(...decoder.end());
  return out;
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
